package dev.kfp4j.format.kfp2;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.yaml.BlockYaml;
import dev.kfp4j.yaml.Yaml;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A run's caching over the compiled one, as KFP's client sends a pipeline package with {@code
 * enable_caching=True|False} ({@code _override_caching_options}): every task's {@code
 * cachingOptions.enableCache} set, its {@code cacheKey} kept. KFP's client reaches the root DAG's
 * tasks; this reaches every DAG's (those inside conditions, loops, exit handlers and called
 * pipelines too), so that the run does what {@code enable_caching} promises, "applies to all tasks in
 * the pipeline". {@code false} is written as KFP's protobuf JSON writes it, without the field, as
 * for a task compiled with {@code caching(false)}.
 */
public final class RunCaching {
  private RunCaching() {}

  /** {@code pipelineSpec} (a {@code PipelineSpec} tree) with every task's caching set to {@code enable}, in place. */
  public static void override(JsonNode pipelineSpec, boolean enable) {
    tasks(pipelineSpec.path("root"), enable);
    for (JsonNode component : pipelineSpec.path("components")) {
      tasks(component, enable);
    }
  }

  private static void tasks(JsonNode component, boolean enable) {
    for (JsonNode task : component.path("dag").path("tasks")) {
      if (task instanceof ObjectNode t) {
        ObjectNode caching = t.withObject("cachingOptions");
        if (enable) {
          caching.put("enableCache", true);
        } else {
          caching.remove("enableCache");
        }
      }
    }
  }

  /**
   * {@code yaml}, a KFP 2 pipeline file (its spec, and a platform document after it when there is
   * one), written again with every task's caching set to {@code enable}: its header comment kept as
   * it is, its maps' keys sorted as KFP writes them.
   *
   * @throws FormatException when {@code yaml} is not a pipeline spec
   */
  public static String override(String yaml, boolean enable) {
    List<JsonNode> docs = Yaml.readAll(yaml);
    if (!Kfp2Reader.isPipelineSpec(docs)) {
      throw new FormatException("not a KFP 2 pipeline spec: a run's caching is set on the tasks of its root DAG and components");
    }
    override(docs.get(0), enable);
    StringBuilder out = new StringBuilder(Yaml.leadingComments(yaml)).append(BlockYaml.writeSorted(docs.get(0), null));
    for (JsonNode platform : docs.subList(1, docs.size())) {
      out.append("---\n").append(BlockYaml.writeSorted(platform, null));
    }
    return out.toString();
  }
}
