package dev.kfp4j.format.argo;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.yaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A run's caching over the compiled one for a KFP v1 pipeline, an Argo workflow: what KFP's client
 * does to a KFP 2 package with {@code enable_caching} ({@code format.kfp2.RunCaching}), in KFP v1's
 * terms. KFP v1's cache reuses a pod's outputs unless its template's annotation {@value
 * Argo#MAX_CACHE_STALENESS} is {@code P0D}, the one kfp4j writes for {@code caching(false)}: off puts
 * it on every template that runs a pod (a container or a script), on takes it off them.
 */
public final class RunCaching {
  private RunCaching() {}

  /** {@code workflow} (an Argo {@code Workflow} tree) with every pod's caching set to {@code enable}, in place. */
  public static void override(JsonNode workflow, boolean enable) {
    for (JsonNode template : workflow.path("spec").path("templates")) {
      if (template instanceof ObjectNode t && (t.has("container") || t.has("script"))) {
        ObjectNode annotations = t.withObject("metadata").withObject("annotations");
        if (enable) {
          annotations.remove(Argo.MAX_CACHE_STALENESS);
        } else {
          annotations.put(Argo.MAX_CACHE_STALENESS, "P0D");
        }
      }
    }
  }

  /**
   * {@code yaml}, an Argo workflow, written again with every pod's caching set to {@code enable}, its
   * header comment kept as it is.
   *
   * @throws FormatException when {@code yaml} is not an Argo workflow
   */
  public static String override(String yaml, boolean enable) {
    JsonNode workflow = Yaml.read(yaml);
    if (!"Workflow".equals(workflow.path("kind").asString(""))) {
      throw new FormatException("not an Argo Workflow: a run's caching is set on the templates of a workflow");
    }
    override(workflow, enable);
    return Yaml.leadingComments(yaml) + Yaml.write(workflow, null);
  }
}
