package dev.kfp4j.format.kfp2;

import tools.jackson.databind.JsonNode;

/**
 * What a task of a KFP 2 spec's DAG is, read from the task and its component: a loop, a plain group, a condition that
 * collects outputs, a call of another pipeline. KFP's compiler marks none of these by name alone; each is told by the
 * task's iterator, its trigger policy and whether its component is a DAG.
 */
final class TaskKinds {
  private TaskKinds() {}

  /** Whether {@code task} is a loop's: over values ({@code parameterIterator}) or over a list of artifacts ({@code artifactIterator}). */
  static boolean isLoop(JsonNode task) {
    return task.has("parameterIterator") || task.has("artifactIterator");
  }

  /** Whether task {@code name} runs a plain nested DAG, such as the exit handler's: no loop, condition or chain of branches. */
  static boolean plainGroup(String name, JsonNode task, JsonNode comp) {
    return comp.has("dag") && !isLoop(task) && !task.path("triggerPolicy").has("condition")
        && !name.startsWith("condition-branches");
  }

  /**
   * Whether task {@code name} is a condition's DAG (not a chain of branches') whose output is read: KFP's compiler writes one
   * only for {@code dsl.Collected} of a task in the condition outside any loop (it refuses to return a plain output from a
   * condition), read as the outputs of that task collected from the condition, which the writers refuse, saying so.
   */
  static boolean collectsInNoLoop(String name, JsonNode task, JsonNode comp) {
    return comp.has("dag") && !isLoop(task) && task.path("triggerPolicy").has("condition") && !name.startsWith("condition-branches");
  }

  /**
   * Whether task {@code name} ({@code task} in the spec) runs another pipeline: a plain DAG
   * component (no loop, condition or chain of branches) that is not the exit handler's.
   */
  static boolean runsPipeline(String name, JsonNode task, JsonNode comp) {
    return plainGroup(name, task, comp) && !name.startsWith("exit-handler-");
  }
}
