package dev.kfp4j.format.kfp2;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.model.Argument;
import tools.jackson.databind.JsonNode;

/**
 * Reads what a loop's DAG output collects ({@code dsl.Collected}) as {@link Argument.Collected} (or a condition's, outside any
 * loop, as KFP's compiler writes {@code dsl.Collected} of a task in no loop: collected from the condition, which no writer takes): the
 * task whose output it is, found by following the output's selector down through the groups in
 * the loop (nested loops, conditions, and pipelines called in it, which kfp4j's model flattens), as
 * KFP's driver follows them when it gathers every iteration's value.
 */
final class CollectedReader {
  private final JsonNode components;
  private final String source;
  private final DagReader dags;

  CollectedReader(JsonNode components, String source, DagReader dags) {
    this.components = components;
    this.source = source;
    this.dags = dags;
  }

  /**
   * Output {@code key} of loop {@code loop}, a task of {@code dag} running {@code comp}: the
   * outputs it collects of the task its selector leads to; {@code artifact}: an output artifact
   * ({@code artifactSelectors}), else a parameter ({@code valueFromParameter}).
   */
  Argument.Collected read(TaskScope scope, JsonNode dag, String loop, JsonNode comp, String key, boolean artifact) {
    String group = dag.path("tasks").path(loop).path("triggerPolicy").has("condition") ? "condition '" : "loop '";
    String where = source + ": " + group + loop + "', output" + (artifact ? " artifact" : "") + " '" + key + "'";
    JsonNode at = comp.path("dag");
    TaskScope inner = scope;
    String[] selected = selector(comp, key, artifact, where);
    for (int depth = 0; depth < 100; depth++) {
      String subtask = selected[0];
      JsonNode task = at.path("tasks").path(subtask);
      JsonNode sub = components.path(task.path("componentRef").path("name").asString(""));
      if (task.isMissingNode() || sub.isMissingNode()) {
        throw new FormatException(where + " selects '" + subtask + "', which is no task of its DAG");
      }
      if (!sub.has("dag") || dags.keptCall(subtask, task, sub)) { // a task, or a call of a pipeline read as one
        dags.notConditional(at, subtask, where.substring(source.length() + 2));
        return new Argument.Collected(scope.name(dag, loop), inner.name(at, subtask), selected[1]);
      }
      if (subtask.startsWith("condition-branches")) {
        throw new FormatException(where + " collects what chain of branches '" + subtask + "' outputs (dsl.OneOf); kfp4j "
            + "collects the outputs of a task of the loop, or of a loop or condition in it, not one of a chain's outputs");
      }
      inner = DagReader.inner(inner, at, subtask, task, sub);
      at = sub.path("dag");
      selected = selector(sub, selected[1], artifact, where);
    }
    throw new FormatException(where + ": its selectors nest more than 100 DAGs deep");
  }

  /** The task and output key that {@code comp}'s DAG output {@code key} selects, as {@code [task, key]}. */
  private static String[] selector(JsonNode comp, String key, boolean artifact, String where) {
    JsonNode outputs = comp.path("dag").path("outputs");
    if (artifact) {
      JsonNode selectors = outputs.path("artifacts").path(key).path("artifactSelectors");
      if (selectors.size() != 1 || !selectors.get(0).has("producerSubtask")) {
        throw new FormatException(where + ": DAG output artifact '" + key + "' has " + selectors.size() + " selectors; kfp4j "
            + "collects one task's outputs (one artifactSelector on each DAG on the way to it)");
      }
      return new String[] {selectors.get(0).get("producerSubtask").asString(""),
          selectors.get(0).path("outputArtifactKey").asString("")};
    }
    JsonNode from = outputs.path("parameters").path(key).path("valueFromParameter");
    if (!from.has("producerSubtask")) {
      throw new FormatException(where + ": DAG output '" + key + "' is no valueFromParameter of a task; kfp4j collects one "
          + "task's outputs (a valueFromParameter on each DAG on the way to it)");
    }
    return new String[] {from.get("producerSubtask").asString(""), from.path("outputParameterKey").asString("")};
  }
}
