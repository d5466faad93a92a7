package dev.kfp4j.format.kfp2;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.model.Argument;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reads what a chain of branches' DAG outputs from whichever branch ran, as KFP's compiler writes a {@code dsl.OneOf}. */
final class OneOfReader {
  private OneOfReader() {}

  /**
   * The output of whichever branch ran of chain {@code producer} ({@code dsl.OneOf}): each selector
   * names a branch's task and its DAG's output, which gives an output of a task in the branch.
   */
  static Argument read(JsonNode components, String source, TaskScope scope, JsonNode dag, String producer, JsonNode comp,
      JsonNode selectors, boolean artifacts) {
    String where = source + ": the outputs of '" + producer + "'";
    List<Argument.TaskOutput> outputs = new ArrayList<>();
    JsonNode chainDag = comp.path("dag");
    for (JsonNode selector : selectors) {
      String branch = selector.path("producerSubtask").asString("");
      String key = selector.path(artifacts ? "outputArtifactKey" : "outputParameterKey").asString("");
      JsonNode branchDag = components.path(chainDag.path("tasks").path(branch).path("componentRef").path("name").asString(""))
          .path("dag");
      JsonNode from = artifacts
          ? branchDag.path("outputs").path("artifacts").path(key).path("artifactSelectors").path(0)
          : branchDag.path("outputs").path("parameters").path(key).path("valueFromParameter");
      String task = from.path("producerSubtask").asString("");
      if (task.isEmpty() || !branchDag.path("tasks").path(task).has("componentRef")) {
        throw new FormatException(where + ": branch '" + branch + "' gives no output '" + key + "' of a task of its own");
      }
      outputs.add(new Argument.TaskOutput(scope.name(branchDag, task),
          from.path(artifacts ? "outputArtifactKey" : "outputParameterKey").asString("")));
    }
    try {
      return new Argument.OneOf(scope.name(dag, producer), outputs);
    } catch (IllegalArgumentException e) {
      throw new FormatException(where + ": " + e.getMessage(), e);
    }
  }
}
