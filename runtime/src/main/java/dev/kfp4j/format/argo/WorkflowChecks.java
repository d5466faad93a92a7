package dev.kfp4j.format.argo;

import dev.kfp4j.format.Cycles;
import dev.kfp4j.format.FormatException;
import dev.kfp4j.spec.Names;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Checks that an Argo workflow hangs together, as Argo would, before anything reads or runs it:
 * names follow Argo's rules (the runner turns them into files and folders), the entrypoint and
 * exit handler name templates, every task names a known template, every dependency a known task,
 * and no tasks depend on each other in a cycle.
 */
public final class WorkflowChecks {
  /** What Argo requires of a template's or DAG task's name. */
  private static final String FIELD_RULE = "letters, digits and '-', starting with a letter or digit, at most 128";
  /** What Argo requires of a parameter's or an artifact's name. */
  private static final String PARAM_RULE = "letters, digits, '-' and '_'";

  private final JsonNode root;
  private final String source;
  private final Map<String, JsonNode> templates = new LinkedHashMap<>();

  private WorkflowChecks(JsonNode root, String source) {
    this.root = root;
    this.source = source;
    root.path("spec").path("templates").forEach(t -> templates.put(t.path("name").asString(""), t));
  }

  /** Checks workflow {@code root}; {@code source} names it in the FormatException that says what is wrong. */
  public static void check(JsonNode root, String source) {
    new WorkflowChecks(root, source).check();
  }

  private void check() {
    checkNames();
    String entrypoint = root.path("spec").path("entrypoint").asString("");
    String onExit = root.path("spec").path("onExit").asString("");
    if (!templates.containsKey(entrypoint)) {
      throw new FormatException(source + ": spec.entrypoint '" + entrypoint + "' names no template; templates are " + templates.keySet());
    }
    if (!onExit.isEmpty() && !templates.containsKey(onExit)) {
      throw new FormatException(source + ": spec.onExit '" + onExit + "' names no template");
    }
    for (JsonNode t : templates.values()) {
      String tn = t.path("name").asString();
      Set<String> tasks = new HashSet<>();
      t.path("dag").path("tasks").forEach(task -> tasks.add(task.path("name").asString()));
      Map<String, List<String>> deps = new LinkedHashMap<>();
      for (JsonNode task : t.path("dag").path("tasks")) {
        String name = task.path("name").asString();
        String ref = task.path("template").asString("");
        if (!templates.containsKey(ref)) {
          throw new FormatException(source + ": task '" + name + "' of template '" + tn + "' names an unknown template '" + ref + "'");
        }
        deps.put(name, ArgumentTexts.dependencies(task, source + ": task '" + name + "' of template '" + tn + "'"));
        for (String dep : deps.get(name)) {
          if (!tasks.contains(dep)) {
            throw new FormatException(source + ": task '" + name + "' of template '" + tn + "' depends on an unknown task '" + dep + "'");
          }
        }
      }
      checkNoCycle(tn, deps);
    }
  }

  /** The names that the runner turns into files and folders: the workflow's, every template's and task's, every output's and artifact's. */
  private void checkNames() {
    String name = ArgoReader.name(root);
    if (!Names.isKubernetesObjectName(name)) {
      throw new FormatException(source + ": the workflow's name '" + name + "' (metadata.name, or generateName without its last '-') "
          + "is not a Kubernetes name: lower case letters, digits, '-' and '.', starting and ending with a letter or digit");
    }
    for (JsonNode t : templates.values()) {
      String tn = t.path("name").asString("");
      checkName(ArgoRules.isFieldName(tn), FIELD_RULE, tn, "template", "");
      for (JsonNode task : t.path("dag").path("tasks")) {
        String taskName = task.path("name").asString("");
        checkName(ArgoRules.isFieldName(taskName), FIELD_RULE, taskName, "task", " of template '" + tn + "'");
        for (JsonNode a : task.path("arguments").path("artifacts")) {
          String artifact = a.path("name").asString("");
          checkName(Names.isArgoName(artifact), PARAM_RULE, artifact, "artifact", " of task '" + task.path("name").asString() + "'");
        }
      }
      for (String kind : new String[] {"/outputs/parameters", "/outputs/artifacts", "/inputs/artifacts"}) {
        for (JsonNode p : t.at(kind)) {
          String output = p.path("name").asString("");
          checkName(Names.isArgoName(output), PARAM_RULE, output, kind.contains("parameters") ? "output" : "artifact",
              " of template '" + tn + "'");
        }
      }
    }
  }

  private void checkName(boolean allowed, String rule, String value, String what, String where) {
    if (!allowed) {
      throw new FormatException(source + ": " + what + " name '" + value + "'" + where + " is not allowed: " + rule + ", as Argo requires");
    }
  }

  /** No task of DAG template {@code template} depends on itself, through others or directly: {@code deps}, each task's. */
  private void checkNoCycle(String template, Map<String, List<String>> deps) {
    List<String> path = Cycles.find(deps);
    if (path != null) {
      throw new FormatException(source + ": tasks of template '" + template + "' depend on each other in a cycle: " + String.join(" -> ", path));
    }
  }
}
