package dev.kfp4j.format.kfp2;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The names a KFP 2 spec's tasks take in kfp4j's model, whose node names are unique in the whole
 * pipeline. KFP's compiler makes a task's name unique in its own pipeline only: a pipeline used as
 * a component of another (a task running a plain DAG component, not the exit handler's) names its
 * tasks on its own, and two of its tasks, or two calls of it, may name a task as another does.
 *
 * <p>A scope is one pipeline: the tasks of its DAG and of the loops, conditions and exit handler in
 * it. Each keeps its name when no scope read before took it, the outer pipeline's first; else it is
 * named after the task that runs its pipeline, {@code <caller>-<task>} ({@code -2}, {@code -3}...
 * when that is taken too): in {@code pipeline_in_pipeline.yaml}, the outer {@code print-op1} and
 * the nested pipeline's {@code inner-pipeline-print-op1}. A spec without such a clash reads as
 * named.
 */
final class TaskScope {
  private final JsonNode components;
  /** Every name given out, in any scope. */
  private final Set<String> used;
  /** The model's name of the task that runs this pipeline; null at the root. */
  private final String caller;
  /** Each DAG of this scope: its tasks' names in the spec, to their names in the model. */
  private final Map<JsonNode, Map<String, String>> names = new IdentityHashMap<>();
  /** The nested pipelines' scopes, by the DAG that runs one and the task in it. */
  private final Map<JsonNode, Map<String, TaskScope>> nested = new IdentityHashMap<>();

  private TaskScope(JsonNode components, Set<String> used, String caller, JsonNode dag) {
    this.components = components;
    this.used = used;
    this.caller = caller;
    reserve(dag);
  }

  /** The root pipeline's scope, of its DAG {@code dag}; {@code used} gets every name given out. */
  static TaskScope root(JsonNode components, JsonNode dag, Set<String> used) {
    return new TaskScope(components, used, null, dag);
  }

  /** The model's name of task {@code task} of {@code dag}, a DAG of this scope. */
  String name(JsonNode dag, String task) {
    Map<String, String> of = names.get(dag);
    String name = of == null ? null : of.get(task);
    return name == null ? task : name;
  }

  /** The scope of the pipeline that task {@code task} of {@code dag} runs, a DAG of this scope: one for each such task. */
  TaskScope nested(JsonNode dag, String task) {
    return nested.computeIfAbsent(dag, k -> new HashMap<>()).computeIfAbsent(task,
        t -> new TaskScope(components, used, name(dag, t), components.path(componentOf(dag, t)).path("dag")));
  }

  private String componentOf(JsonNode dag, String task) {
    return dag.path("tasks").path(task).path("componentRef").path("name").asString("");
  }

  /** Names the tasks of {@code dag} and of the groups in it, but not those of the pipelines it runs. */
  private void reserve(JsonNode dag) {
    if (names.containsKey(dag)) {
      return;
    }
    Map<String, String> of = new HashMap<>();
    names.put(dag, of);
    for (String task : dag.path("tasks").propertyNames()) {
      of.put(task, unique(task));
    }
    for (String task : dag.path("tasks").propertyNames()) {
      JsonNode comp = components.path(componentOf(dag, task));
      if (comp.has("dag") && !TaskKinds.runsPipeline(task, dag.path("tasks").path(task), comp)) {
        reserve(comp.get("dag"));
      }
    }
  }

  private String unique(String task) {
    if (used.add(task)) {
      return task;
    }
    String base = caller == null ? task : caller + "-" + task;
    String name = base;
    for (int n = 2; !used.add(name); n++) {
      name = base + "-" + n;
    }
    return name;
  }
}
