package dev.kfp4j.format.kfp2;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Loop;
import dev.kfp4j.model.Node;
import dev.kfp4j.model.Pipeline;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What a loop over a list of artifacts ({@code artifactIterator}, KFP's {@code dsl.ParallelFor}
 * over an {@code Input[List[Model]]} or a nested pipeline's {@code List[Dataset]} output) iterates
 * over, as kfp4j's model holds it: a pipeline artifact parameter, the artifacts a loop collects, or
 * the list a called pipeline returns (kept as a call by {@code Kfp2Reader.readNested}).
 */
final class ArtifactLoops {
  private ArtifactLoops() {}

  /**
   * The list {@code given} to the loop's DAG component {@code comp} as its input {@code input}: a list of artifacts the model
   * holds (a pipeline artifact parameter, or collected artifacts), else refused naming {@code where}.
   */
  static Argument items(Argument given, JsonNode comp, String input, String where) {
    JsonNode def = comp.path("inputDefinitions").path("artifacts").path(input);
    if (!def.path("isArtifactList").asBoolean(false)) {
      throw new FormatException(where + ": its artifactIterator iterates over '" + input + "', which its component does not "
          + "declare as a list of artifacts (inputDefinitions.artifacts with isArtifactList); KFP iterates over a list only");
    }
    if (given instanceof Argument.PipelineParameter || given instanceof Argument.Collected || given instanceof Argument.TaskOutput) {
      return given; // an output of a task: the list a called pipeline returns (KFP's ParallelFor(inner().output)), checked as read
    }
    throw new FormatException(where + ": its artifactIterator iterates over " + given + "; " + HELD);
  }

  private static final String HELD = "kfp4j's model holds a loop over a pipeline's list of artifacts (Input[List[...]], its input "
      + "isArtifactList), over the artifacts a loop collects (dsl.Collected) or over the list a called pipeline returns, what KFP's "
      + "compiler iterates over";

  /**
   * Refuses a loop of {@code pipeline} read from an {@code artifactIterator} ({@code loops}: by name, where each was read) over what
   * KFP's compiler never iterates over: a pipeline input {@code root} (the pipeline's component) does not declare {@code
   * isArtifactList}, an output of a task that runs a container (one artifact, whatever its definition says: KFP declares {@code
   * isArtifactList} on no container's output), or any other output that is not a list of artifacts (a called pipeline's single
   * artifact).
   */
  static void check(Pipeline pipeline, JsonNode root, Map<String, String> loops) {
    for (Node n : pipeline.allNodes()) {
      if (!(n instanceof Loop loop) || !loops.containsKey(loop.name())) {
        continue;
      }
      Argument over = ((Loop.Over) loop.items()).source();
      String where = loops.get(loop.name()) + ": its artifactIterator iterates over ";
      if (over instanceof Argument.PipelineParameter p) {
        if (!root.path("inputDefinitions").path("artifacts").path(p.name()).path("isArtifactList").asBoolean(false)) {
          throw new FormatException(where + "the pipeline's input '" + p.name() + "', which is one artifact (its inputDefinitions."
              + "artifacts entry has no isArtifactList); " + HELD);
        }
      } else if (!pipeline.overArtifacts(loop)) {
        String what = over instanceof Argument.TaskOutput o ? "output '" + o.output() + "' of task '" + o.task() + "'"
            : over instanceof Argument.Collected c ? "the outputs '" + c.output() + "' of task '" + c.task() + "' collected by loop '"
            + c.loop() + "'" : String.valueOf(over);
        Node producer = over instanceof Argument.TaskOutput o ? pipeline.node(o.task()).orElse(null) : null;
        throw new FormatException(where + what + (producer instanceof dev.kfp4j.model.Task
            ? ", which runs a container: one artifact, though a list may be declared (KFP's compiler declares isArtifactList on no "
              + "container's output)"
            : ", which is not a list of artifacts") + "; " + HELD);
      }
    }
  }
}
