package dev.kfp4j.format.kfp2;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.model.Argument;
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
    throw new FormatException(where + ": its artifactIterator iterates over " + given + "; kfp4j's model holds a loop over a "
        + "pipeline's list of artifacts (Input[List[...]]), over the artifacts a loop collects (dsl.Collected) or over the list "
        + "a called pipeline returns");
  }
}
