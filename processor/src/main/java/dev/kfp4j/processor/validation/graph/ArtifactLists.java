package dev.kfp4j.processor.validation.graph;

import dev.kfp4j.model.Argument;
import dev.kfp4j.processor.graph.PipelineBuilder;
import dev.kfp4j.processor.graph.TaskBuilder;

/**
 * The lists of artifacts a pipeline's body reads besides the ones its own loops collect: the list a called pipeline
 * returns ({@code List<Path>}, the artifacts its {@code Dsl.collect} collects, KFP's {@code List[Artifact]} output), and
 * the item of a loop over one.
 */
public final class ArtifactLists {
  private ArtifactLists() {}

  /** {@code a} when it is the list of artifacts a called pipeline returns, {@code makeAll(texts)}, else null. */
  public static Argument.TaskOutput called(PipelineBuilder graph, Argument a) {
    if (a instanceof Argument.TaskOutput o && graph.step(o.task()) instanceof TaskBuilder t && t.pipelineCall() != null
        && t.pipelineCall().artifactLists().contains(o.output())) {
      return o;
    }
    return null;
  }

  /** The list a called pipeline returns that the loop whose item {@code a} is iterates over, when it is one; else null. */
  public static Argument.TaskOutput calledItemOf(PipelineBuilder graph, Argument a) {
    if (a instanceof Argument.LoopItem item && item.field() == null && graph.group(item.loop()) != null
        && graph.group(item.loop()).items() instanceof dev.kfp4j.model.Loop.Over over) {
      return called(graph, over.source());
    }
    return null;
  }

  /** Whether {@code a} is a list of artifacts a pipeline can return: collected by a loop, or returned by a called pipeline. */
  public static boolean returnable(PipelineBuilder graph, Argument a) {
    return ArgumentTypeCheck.collectedArtifacts(graph, a) != null || called(graph, a) != null;
  }
}
