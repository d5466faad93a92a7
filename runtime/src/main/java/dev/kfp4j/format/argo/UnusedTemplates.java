package dev.kfp4j.format.argo;

import dev.kfp4j.format.FormatException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Refuses, where a workflow is read to be written again, a template the workflow does not run: neither its entrypoint nor
 * its exit handler, nor run by a task of a DAG they lead to. Argo takes such a template (its {@code ValidateWorkflow}
 * checks each template, run or not) and KFP v1's UI leaves it out of the graph it draws from the entrypoint; the model
 * holds what runs, so the workflow written again would not have it.
 */
final class UnusedTemplates {
  private UnusedTemplates() {}

  /** Refuses the templates of {@code spec} that it does not run; {@code source} names the file. */
  static void check(JsonNode spec, String source) {
    Map<String, JsonNode> templates = new LinkedHashMap<>();
    spec.path("templates").forEach(t -> templates.putIfAbsent(t.path("name").asString(""), t));
    String entrypoint = spec.path("entrypoint").asString("");
    String onExit = spec.path("onExit").asString("");
    if (!templates.containsKey(entrypoint) || !onExit.isEmpty() && !templates.containsKey(onExit)) {
      return; // the reader says which name is wrong
    }
    Set<String> run = new HashSet<>();
    Deque<String> next = new ArrayDeque<>(onExit.isEmpty() ? List.of(entrypoint) : List.of(entrypoint, onExit));
    while (!next.isEmpty()) {
      String name = next.pop();
      if (templates.containsKey(name) && run.add(name)) {
        templates.get(name).path("dag").path("tasks").forEach(task -> next.push(task.path("template").asString("")));
      }
    }
    List<String> unused = new ArrayList<>();
    templates.keySet().stream().filter(n -> !run.contains(n)).forEach(n -> unused.add("'" + n + "'"));
    if (!unused.isEmpty()) {
      boolean one = unused.size() == 1;
      throw new FormatException(source + ": template" + (one ? " " : "s ") + String.join(", ", unused) + (one ? " is" : " are")
          + " run by no task the workflow runs (from its entrypoint '" + entrypoint + "'" + (onExit.isEmpty() ? ""
          : " and its exit handler '" + onExit + "'") + "), which kfp4j does not carry: the workflow written again would lose "
          + (one ? "it" : "them") + ", as it writes only the templates its tasks run. Remove " + (one ? "it" : "them")
          + ", or run " + (one ? "it" : "them") + " from a task of the DAG, or submit the file with Argo's own tools");
    }
  }
}
