package dev.kfp4j.format.kfp2;

import dev.kfp4j.format.Documents;
import dev.kfp4j.format.FormatException;
import dev.kfp4j.model.Flattening;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ContainerSpec;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A KFP 2 pipeline file used as a task of another pipeline, as KFP's {@code components.load_component_from_file} loads one
 * (a "graph component": the Kubeflow docs' {@code pipeline_in_pipeline_complex.yaml}): a pipeline spec whose root is a DAG
 * of several tasks, or of one task running a DAG, rather than the one component a KFP 2 component file runs. Its interface
 * ({@link #iface}) is the root's {@code inputDefinitions} and {@code outputDefinitions}; what a call runs is the pipeline
 * it is ({@link #pipeline}), its calls kept, which a caller holds as a {@link dev.kfp4j.model.CalledPipeline}: a pipeline in
 * a pipeline, written to KFP 2 as KFP's compiler nests it.
 *
 * <pre>{@code
 * List<JsonNode> docs = Documents.read(yaml, source);
 * if (Kfp2PipelineFile.is(docs)) {
 *   ComponentSpec iface = Kfp2PipelineFile.iface(docs, yaml, source);   // inputs, outputs, description
 *   Pipeline called = Kfp2PipelineFile.pipeline(yaml, source);          // its tasks
 * }
 * }</pre>
 */
public final class Kfp2PipelineFile {
  private Kfp2PipelineFile() {}

  /** Whether {@code docs} (as {@link Documents#read} gives them; null: not YAML) are a KFP 2 pipeline file, not a component file. */
  public static boolean is(List<JsonNode> docs) {
    if (!Kfp2Reader.isPipelineSpec(docs)) {
      return false;
    }
    JsonNode spec = docs.get(0);
    JsonNode tasks = spec.path("root").path("dag").path("tasks");
    if (tasks.size() != 1) {
      return true;
    }
    String comp = tasks.properties().iterator().next().getValue().path("componentRef").path("name").asString("");
    return spec.path("components").path(comp).has("dag"); // one task running a DAG: a pipeline in a pipeline
  }

  /**
   * The pipeline file as a component: named after its {@code pipelineInfo.name}, its inputs the root's parameters and
   * artifacts, its outputs the root's, its description the file's; it runs no container of its own ({@link
   * ContainerSpec#NO_IMAGE}). The file is read whole ({@link #pipeline}), so one kfp4j cannot call is an error here.
   *
   * @throws FormatException naming the file and what is wrong
   */
  public static ComponentSpec iface(List<JsonNode> docs, String yaml, String source) {
    pipeline(yaml, source);
    JsonNode spec = docs.get(0);
    String name = spec.path("pipelineInfo").path("name").asString("");
    ComponentSpec read = ComponentReader.read(name, spec.path("root"), JsonNodeFactory.instance.objectNode(), source);
    String description = spec.path("pipelineInfo").hasNonNull("description")
        ? spec.path("pipelineInfo").get("description").asString() : Kfp2Reader.headerDescription(yaml);
    return new ComponentSpec(name, description, null, null, read.inputs(), read.outputs(),
        new ContainerSpec(ContainerSpec.NO_IMAGE, List.of(), List.of(), Map.of(), Map.of()), null);
  }

  /**
   * The root's outputs that are lists of artifacts ({@code isArtifactList}: KFP's {@code dsl.Collected} of a loop's artifacts
   * returned as {@code List[Dataset]}), by name; none when {@code docs} are no KFP 2 pipeline file ({@link #is}).
   */
  public static java.util.Set<String> artifactLists(List<JsonNode> docs) {
    java.util.Set<String> lists = new java.util.TreeSet<>();
    if (is(docs)) {
      docs.get(0).path("root").path("outputDefinitions").path("artifacts").properties().forEach(a -> {
        if (a.getValue().path("isArtifactList").asBoolean(false)) {
          lists.add(a.getKey());
        }
      });
    }
    return lists;
  }

  /**
   * The pipeline the file is, its own calls kept ({@link Kfp2Reader#readNested}), as a pipeline calling it holds it.
   *
   * @throws FormatException when the file is not a pipeline spec kfp4j reads, or is one no other pipeline can call: one with
   *     an exit handler (the exit task of kfp4j's model belongs to the whole run)
   */
  public static Pipeline pipeline(String yaml, String source) {
    Pipeline read = Kfp2Reader.readNested(yaml, source);
    if (read.exitTask() != null || read.exitPipeline() != null) {
      throw new FormatException(source + ": a KFP 2 pipeline with an exit handler, which kfp4j runs only as a pipeline of its "
          + "own: its exit task belongs to the whole run. Run this file as it is (kfp4j run -p FILE, kfp4j upload-pipeline), or "
          + "write its tasks in a @Pipeline method and call that, its exit handler in the calling pipeline");
    }
    try {
      Flattening.flat(read);
    } catch (Flattening.Failure | IllegalArgumentException e) {
      throw new FormatException(source + ": its tasks cannot be put into another pipeline: " + e.getMessage(), e);
    }
    return read;
  }

  /** {@link #pipeline(String, String)} of {@code yaml}, {@code null} when it is no pipeline file ({@link #is}). */
  public static Pipeline pipelineOrNull(String yaml, String source) {
    return is(Documents.readOrNull(yaml)) ? pipeline(yaml, source) : null;
  }
}
