package dev.kfp4j.format.argo;

import dev.kfp4j.format.FormatException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A task that runs whatever happened to the tasks it waits for, in an Argo DAG: a claim's deletion after the steps that mount it (KFP
 * 2's {@code ALL_UPSTREAM_TASKS_COMPLETED}). Argo's {@code dependencies} run a task after its tasks succeeded (or were skipped) only;
 * its enhanced {@code depends} names their results ({@code Succeeded}, {@code Failed}, {@code Errored}, {@code Skipped}, {@code
 * Omitted}, in Argo 3.3 as in 4), so such a task waits for each of them with {@code (a.Succeeded || a.Failed || a.Errored || a.Skipped
 * || a.Omitted)}. A DAG may not mix {@code depends} with {@code dependencies}, so every task of its DAG waits through {@code depends}
 * ({@code a && b}, what {@code dependencies: [a, b]} means). And an Argo DAG's phase is its target tasks' (by default the tasks no other
 * waits for: the deletion, which succeeds after a failed task it waited for), so the DAG names its {@code target}: the tasks no other
 * task but such a one waits for, and those, so that the run fails when a task failed, as KFP reports it.
 */
final class AfterAll {
  /** The results of a task that has run or will not run, as Argo names them. */
  static final List<String> RESULTS = List.of("Succeeded", "Failed", "Errored", "Skipped", "Omitted");

  private AfterAll() {}

  /** The {@code depends} term that waits for {@code task} whatever happened to it. */
  static String done(String task) {
    return "(" + String.join(" || ", RESULTS.stream().map(r -> task + "." + r).toList()) + ")";
  }

  /**
   * {@code tasks} (a DAG's, in flow style: each in {@code flow}) waiting through {@code depends}: {@code dependencies: [a, b]} as {@code
   * depends: a && b}, in its place among the task's keys; the task in {@code flow} replaced.
   */
  static ArrayNode dependsInstead(ArrayNode tasks, Set<JsonNode> flow) {
    ArrayNode out = tasks.arrayNode();
    for (JsonNode task : tasks) {
      if (!task.has("dependencies")) {
        out.add(task);
        continue;
      }
      ObjectNode t = out.addObject();
      task.properties().forEach(e -> {
        if (e.getKey().equals("dependencies")) {
          List<String> deps = new ArrayList<>();
          e.getValue().forEach(d -> deps.add(d.asString()));
          t.put("depends", String.join(" && ", deps));
        } else {
          t.set(e.getKey(), e.getValue());
        }
      });
      if (flow.remove(task)) {
        flow.add(t);
      }
    }
    return out;
  }

  /**
   * The DAG's {@code target}: the tasks of {@code tasks} (before {@link #dependsInstead}) that no task waits for but those named in
   * {@code afterAll}, in their order, then those.
   */
  static String target(ArrayNode tasks, List<String> afterAll) {
    Set<String> waitedFor = new LinkedHashSet<>();
    for (JsonNode task : tasks) {
      if (!afterAll.contains(task.path("name").asString(""))) {
        task.path("dependencies").forEach(d -> waitedFor.add(d.asString()));
      }
    }
    List<String> target = new ArrayList<>();
    for (JsonNode task : tasks) {
      String name = task.path("name").asString("");
      if (!waitedFor.contains(name) && !afterAll.contains(name)) {
        target.add(name);
      }
    }
    target.addAll(afterAll);
    return String.join(" ", target);
  }

  /**
   * Refuses a DAG {@code target} that leaves a task of the DAG unrun (one no target task waits for, directly or not, is not run): a
   * target naming every task no other waits for, and others, changes only the DAG's phase (a failed task among them fails it), which
   * the model does not hold ({@link AfterAll}: kfp4j's own with a deletion that runs whatever happened).
   */
  static void checkTarget(JsonNode template, Map<String, JsonNode> tasks, String at) {
    if (!template.path("dag").hasNonNull("target")) {
      return;
    }
    Set<String> waitedFor = new java.util.HashSet<>();
    tasks.forEach((name, task) -> waitedFor.addAll(ArgumentTexts.dependencies(task, at + ": task '" + name + "'")));
    List<String> target = List.of(template.path("dag").get("target").asString("").strip().split("\\s+"));
    for (String name : target) {
      if (!tasks.containsKey(name)) {
        throw new FormatException(at + ": the DAG's target names an unknown task '" + name + "'; its tasks are " + tasks.keySet());
      }
    }
    for (String name : tasks.keySet()) {
      if (!waitedFor.contains(name) && !target.contains(name)) {
        throw new FormatException(at + ": the DAG's target '" + template.path("dag").get("target").asString("") + "' leaves task '"
            + name + "' unrun, which kfp4j's model does not hold (it runs every task); name every task no other waits for in it, "
            + "or leave the target out");
      }
    }
  }
}
