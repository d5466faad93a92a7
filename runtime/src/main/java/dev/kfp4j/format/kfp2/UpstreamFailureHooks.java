package dev.kfp4j.format.kfp2;

import dev.kfp4j.format.FormatException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Refuses a DAG whose tasks run after a failure ({@code triggerPolicy.strategy: ALL_UPSTREAM_TASKS_COMPLETED}, KFP's {@code
 * ignore_upstream_failure()}) as KFP's backend would run them unlike a local run. Its compiler ({@code DAG} in {@code
 * backend/src/v2/compiler/argocompiler/dag.go}) makes such a task no task of its DAG but the Argo exit hook of each task in its
 * {@code dependentTasks} ({@code taskToExitTemplate[dep] = name}): waiting for two, it runs once after each, as soon as that one
 * ends, where a local run runs it once after both; and a task holds one hook, so of two such tasks waiting for one task only the
 * last by name runs. A loop's task, an importer and a volume's {@code createpvc} get no hook ({@code iteratorTask}, {@code
 * importerTask}, a dummy image's driver), and neither does a task run after a failure itself. The Python SDK writes both shapes
 * ({@code .after(a, b).ignore_upstream_failure()}); the processor refuses them in a {@code @Pipeline} ({@code
 * UpstreamFailureHooksCheck}). kfp-kubernetes' {@code deletepvc} tasks are {@link VolumeTasks}' to read.
 */
final class UpstreamFailureHooks {
  private UpstreamFailureHooks() {}

  /** Checks the tasks of {@code dag} ({@code where} names it, {@code source} the file). */
  static void check(String source, JsonNode dag, JsonNode components, JsonNode executors, String where) {
    JsonNode tasks = dag.path("tasks");
    Map<String, String> hooked = new TreeMap<>(); // by task hooked on, its hook; in the compiler's order, sorted names
    for (String name : new TreeSet<>(tasks.propertyNames())) {
      JsonNode task = tasks.get(name);
      if (!TriggerPolicies.afterAll(task) || image(task, components, executors).startsWith("argostub/")) {
        continue;
      }
      List<String> deps = new ArrayList<>();
      for (String dep : dependencies(task)) {
        if (hooks(tasks.path(dep), components, executors)) {
          deps.add(dep);
        }
      }
      String at = source + ": " + where + ", task '" + name + "'";
      if (deps.size() > 1) {
        throw new FormatException(at + " runs after a failure (ignore_upstream_failure) and waits for " + deps.size() + " tasks "
            + deps + "; KFP's backend runs such a task as an exit hook of each of them (DAG in "
            + "backend/src/v2/compiler/argocompiler/dag.go), once after each as soon as that one ends, which a local run does not "
            + "do: make it wait for one task, or make it the exit task of a dsl.ExitHandler around them");
      }
      for (String dep : deps) {
        String before = hooked.put(dep, name);
        if (before != null) {
          throw new FormatException(source + ": " + where + ", tasks '" + before + "' and '" + name + "' both run after a failure "
              + "of task '" + dep + "' (ignore_upstream_failure); KFP's backend gives a task one exit hook (DAG in "
              + "backend/src/v2/compiler/argocompiler/dag.go) and would run only '" + name + "': make one of them wait for "
              + "another task, or run both in one component");
        }
      }
    }
  }

  /** The tasks {@code task} waits for, as its {@code dependentTasks} names them. */
  private static Set<String> dependencies(JsonNode task) {
    Set<String> out = new LinkedHashSet<>();
    task.path("dependentTasks").forEach(d -> out.add(d.asString("")));
    return out;
  }

  /** Whether KFP's compiler puts an exit hook on {@code task}: not a loop's, an importer, a volume's step or a hook itself. */
  private static boolean hooks(JsonNode task, JsonNode components, JsonNode executors) {
    if (!task.isObject() || TaskKinds.isLoop(task) || TriggerPolicies.afterAll(task)) {
      return false;
    }
    JsonNode comp = components.path(task.path("componentRef").path("name").asString(""));
    JsonNode executor = executors.path(comp.path("executorLabel").asString(""));
    return comp.has("dag") || !executor.has("importer") && !image(task, components, executors).startsWith("argostub/");
  }

  private static String image(JsonNode task, JsonNode components, JsonNode executors) {
    JsonNode comp = components.path(task.path("componentRef").path("name").asString(""));
    return executors.path(comp.path("executorLabel").asString("")).path("container").path("image").asString("");
  }
}
