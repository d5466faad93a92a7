package dev.kfp4j.format.argo;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Where {@link ArgoRules} resolves {@code {{...}}} references: the workflow's globals, the
 * template's inputs, a loop's items, finished steps; in a DAG, the tasks of the DAG ({@code task}
 * sees the outputs of those it waits for, directly or not; with no {@code task}, as for the DAG's
 * own outputs, of any).
 */
final class Scope {
  /** Runtime values Argo lets any template refer to without declaring them. */
  private static final List<String> ALWAYS = List.of("outputs.", "workflow.creationTimestamp", "workflow.scheduledTime",
      "workflow.duration");
  private static final Pattern TASK_REF = Pattern.compile("tasks\\.([^.]+)\\.(.*)");

  private final Set<String> globals;
  private final Map<String, JsonNode> templates;
  final Set<String> names = new HashSet<>();
  boolean anyItem;
  Map<String, JsonNode> dag = Map.of();
  Map<String, List<String>> edges = Map.of();
  String task;

  Scope(Set<String> globals, Map<String, JsonNode> templates) {
    this.globals = globals;
    this.templates = templates;
  }

  Scope copy() {
    Scope s = new Scope(globals, templates);
    s.names.addAll(names);
    s.anyItem = anyItem;
    s.dag = dag;
    s.edges = edges;
    s.task = task;
    return s;
  }

  void add(String name) {
    names.add(name);
  }

  boolean resolves(String tag) {
    if (globals.contains(tag) || names.contains(tag) || (anyItem && tag.startsWith("item."))) {
      return true;
    }
    Matcher m = TASK_REF.matcher(tag);
    if (m.matches() && dag.containsKey(m.group(1))) {
      String other = m.group(1);
      if (!templates.containsKey(dag.get(other).path("template").asString(""))) {
        return true; // its template is missing, said once where the task names it
      }
      boolean awaited = task == null || awaits(task, other);
      return outputs(templates, "tasks." + other, dag.get(other), awaited)
          .stream().anyMatch(o -> o.equals(tag) && (awaited || o.endsWith(".id") || o.endsWith("At")));
    }
    return ALWAYS.stream().anyMatch(tag::startsWith);
  }

  /** Whether {@code task} waits for {@code other}, directly or through others. */
  boolean awaits(String task, String other) {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(edges.getOrDefault(task, List.of()));
    while (!todo.isEmpty()) {
      String d = todo.pop();
      if (d.equals(other)) {
        return true;
      }
      if (seen.add(d)) {
        todo.addAll(edges.getOrDefault(d, List.of()));
      }
    }
    return false;
  }

  /** Why {@code tag} does not resolve here, in words; empty when there is nothing more to say. */
  String why(String tag, String template) {
    Matcher m = TASK_REF.matcher(tag);
    if (m.matches() && !dag.isEmpty()) {
      String other = m.group(1);
      if (!dag.containsKey(other)) {
        return "there is no task '" + other + "' in this DAG" + ArgoRules.nearest(other, dag.keySet());
      }
      if (task != null && !awaits(task, other)) {
        return "task '" + task + "' does not depend on '" + other + "'; list it in its dependencies";
      }
      return "template '" + dag.get(other).path("template").asString("") + "' of task '" + other + "' declares no such output";
    }
    if (tag.startsWith("inputs.")) {
      return "template '" + template + "' declares no such input";
    }
    if (tag.startsWith("workflow.parameters.")) {
      return "spec.arguments.parameters declares no such parameter";
    }
    if (tag.equals("item") || tag.startsWith("item.")) {
      return "only a task with withItems or withParam has {{item}}, and {{item.<key>}} only for keys its items have";
    }
    return "";
  }

  /**
   * What a task or step gives those after it: its id and times; its outputs, result and exit code;
   * to those that wait for it, its status and a loop's aggregated outputs.
   */
  static Set<String> outputs(Map<String, JsonNode> templates, String prefix, JsonNode task, boolean awaited) {
    Set<String> out = new HashSet<>(List.of(prefix + ".id", prefix + ".startedAt", prefix + ".finishedAt"));
    JsonNode t = templates.get(task.path("template").asString(""));
    if (t == null) {
      return out;
    }
    t.at("/outputs/parameters").forEach(p -> out.add(prefix + ".outputs.parameters." + p.path("name").asString("")));
    t.at("/outputs/artifacts").forEach(a -> out.add(prefix + ".outputs.artifacts." + a.path("name").asString("")));
    if (t.has("container") || t.has("script") || t.has("containerSet")) {
      out.add(prefix + ".outputs.result");
      out.add(prefix + ".exitCode");
    }
    if (awaited) {
      out.add(prefix + ".status");
      if (task.has("withItems") || task.has("withParam") || task.has("withSequence")) {
        out.add(prefix + ".outputs.parameters");
        out.add(prefix + ".outputs.result");
      }
    }
    return out;
  }
}
