package dev.kfp4j.format.argo;

import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The names of the groups ({@code Condition}, {@code Loop}) a DAG task with {@code when}, {@code
 * withItems} or {@code withParam} is read into. A task that runs a DAG template is its group (its
 * loop, else its condition) and the DAG's own tasks are the body; a task that runs a step stays the
 * step, inside groups named {@code condition-<task>} and {@code for-loop-<task>}, made unique among
 * the workflow's task names and the groups named before.
 */
final class TaskGroups {
  /** A task's condition and loop names (null where it has none); {@code aroundStep}: made around a step. */
  record Names(String condition, String loop, boolean aroundStep) {}

  private final Map<String, JsonNode> templates;
  private final Set<String> taken = new HashSet<>();
  private final Map<JsonNode, Names> names = new IdentityHashMap<>();

  TaskGroups(Map<String, JsonNode> templates) {
    this.templates = templates;
    for (JsonNode t : templates.values()) {
      t.path("dag").path("tasks").forEach(task -> taken.add(task.path("name").asString("")));
    }
  }

  /** The group names of DAG task {@code task}, the same each time it is asked. */
  Names of(JsonNode task) {
    return names.computeIfAbsent(task, t -> {
      String name = t.path("name").asString("");
      JsonNode template = templates.get(t.path("template").asString(""));
      boolean dag = template != null && template.has("dag");
      boolean loop = t.has("withItems") || t.has("withParam");
      String loopName = !loop ? null : dag ? name : unique("for-loop-" + name);
      String condition = !t.has("when") ? null : dag && !loop ? name : unique("condition-" + name);
      return new Names(condition, loopName, !dag && (loop || condition != null));
    });
  }

  /** The groups named so far that are made around a step. */
  Set<String> aroundSteps() {
    Set<String> out = new java.util.TreeSet<>();
    for (Names n : names.values()) {
      if (n.aroundStep()) {
        if (n.loop() != null) {
          out.add(n.loop());
        }
        if (n.condition() != null) {
          out.add(n.condition());
        }
      }
    }
    return out;
  }

  private String unique(String base) {
    String name = base;
    for (int n = 2; !taken.add(name); n++) {
      name = base + "-" + n;
    }
    return name;
  }
}
