package dev.kfp4j.format.kfp2;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** What a KFP 2 task's trigger strategy says: the exit task of an exit handler, or a task run after a failure. */
final class TriggerPolicies {
  private TriggerPolicies() {}

  /**
   * The root's exit task, the one task run whatever happened after a plain nested DAG (the exit handler's group) that holds
   * every other task of the root (but a volume's), or null. KFP's {@code ignore_upstream_failure()} writes the same trigger
   * strategy on any task: a task run after other tasks, or the exit task of one of several exit handlers or of one beside other
   * tasks (whose group kfp4j's model holds as a group that always runs), is read as one.
   */
  static String exitName(JsonNode dag, JsonNode components, JsonNode executors) {
    List<String> found = new ArrayList<>();
    for (Map.Entry<String, JsonNode> t : dag.path("tasks").properties()) {
      JsonNode task = t.getValue();
      JsonNode deps = task.path("dependentTasks");
      String label = components.path(task.path("componentRef").path("name").asString("")).path("executorLabel").asString("");
      if (afterAll(task) && deps.size() == 1 && !executors.path(label).path("container").path("image").asString("").startsWith("argostub/")) {
        JsonNode group = dag.path("tasks").path(deps.get(0).asString(""));
        JsonNode comp = components.path(group.path("componentRef").path("name").asString(""));
        if (TaskKinds.plainGroup(deps.get(0).asString(""), group, comp)) {
          found.add(t.getKey());
        }
      }
    }
    if (found.size() != 1) {
      return null;
    }
    // the pipeline's one exit handler holds every other task; one beside other tasks is read as one of several (its exit
    // task a container's, or a pipeline's: a call run whatever happened)
    JsonNode exit = dag.path("tasks").path(found.get(0));
    String group = exit.path("dependentTasks").path(0).asString("");
    for (Map.Entry<String, JsonNode> t : dag.path("tasks").properties()) {
      String label = components.path(t.getValue().path("componentRef").path("name").asString("")).path("executorLabel").asString("");
      boolean volume = executors.path(label).path("container").path("image").asString("").startsWith("argostub/");
      if (!volume && !t.getKey().equals(found.get(0)) && !t.getKey().equals(group) && group.startsWith("exit-handler-")) {
        return null;
      }
    }
    return found.get(0);
  }

  /**
   * The exit handler's own name, the display name ({@code taskInfo.name}) of the group the root's exit task {@code exitName}
   * runs after, as KFP's compiler writes {@code dsl.ExitHandler(exit_task, name='notify')}; null when there is no exit task
   * or the group shows its task's name.
   */
  static String exitHandlerName(JsonNode dag, String exitName) {
    if (exitName == null) {
      return null;
    }
    String group = dag.path("tasks").path(exitName).path("dependentTasks").path(0).asString("");
    String shown = dag.path("tasks").path(group).path("taskInfo").path("name").asString("");
    return shown.isEmpty() || shown.equals(group) ? null : shown;
  }

  /** Whether {@code task} runs once the tasks it depends on have ended, whatever happened to them. */
  static boolean afterAll(JsonNode task) {
    return "ALL_UPSTREAM_TASKS_COMPLETED".equals(task.path("triggerPolicy").path("strategy").asString(""));
  }
}
