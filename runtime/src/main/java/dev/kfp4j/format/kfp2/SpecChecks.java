package dev.kfp4j.format.kfp2;

import dev.kfp4j.format.Cycles;
import dev.kfp4j.format.FormatException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Checks that a KFP 2 pipeline spec hangs together before it is read into the model, as the WorkflowChecks
 * of the Argo side do for a workflow: every container component's executor is in {@code deploymentSpec.executors},
 * every executor the platform document configures is one of those, every task reads outputs its producer, a task of
 * the same DAG, declares, and no tasks of a DAG depend on each other (or a task on itself) in a cycle. KFP's backend
 * would find each of these only when the run gets there, after other tasks ran, or, for the platform document,
 * drop the settings; and that tasks and containers hold only fields kfp4j reads ({@link TaskFields}).
 */
final class SpecChecks {
  private final String source;
  private final JsonNode components;
  private final JsonNode executors;

  private SpecChecks(String source, JsonNode spec) {
    this.source = source;
    this.components = spec.path("components");
    this.executors = spec.path("deploymentSpec").path("executors");
  }

  /** Checks {@code spec} and its platform document {@code platform} (or null); {@code source} names it in the FormatException. */
  static void check(JsonNode spec, JsonNode platform, String source) {
    new SpecChecks(source, spec).check(spec, platform);
  }

  private void check(JsonNode spec, JsonNode platform) {
    for (Map.Entry<String, JsonNode> e : executors.properties()) {
      if (e.getValue().has("container")) {
        TaskFields.container(source, e.getKey(), e.getValue().get("container"));
      }
    }
    for (Map.Entry<String, JsonNode> c : components.properties()) {
      JsonNode comp = c.getValue();
      if (comp.has("executorLabel") && !executors.has(comp.get("executorLabel").asString(""))) {
        throw new FormatException(source + ": component '" + c.getKey() + "' runs executor '" + comp.get("executorLabel").asString("")
            + "', which deploymentSpec.executors does not hold; it holds " + names(executors));
      }
    }
    if (platform != null) {
      for (String label : platform.path("platforms").path("kubernetes").path("deploymentSpec").path("executors").propertyNames()) {
        if (!executors.has(label)) {
          throw new FormatException(source + ": the platform document's kubernetes.deploymentSpec.executors names '" + label
              + "', which is no executor of the pipeline spec; it has " + names(executors));
        }
      }
    }
    dag(spec.path("root").path("dag"), "root");
    for (Map.Entry<String, JsonNode> c : components.properties()) {
      if (c.getValue().has("dag")) {
        dag(c.getValue().get("dag"), "component '" + c.getKey() + "'");
      }
    }
  }

  /** Checks the tasks of {@code dag} ({@code where} names it): what they read, and that they wait for each other in no cycle. */
  private void dag(JsonNode dag, String where) {
    JsonNode tasks = dag.path("tasks");
    Map<String, List<String>> upstream = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> t : tasks.properties()) {
      String at = where + ", task '" + t.getKey() + "'";
      TaskFields.task(source, at, t.getValue());
      Set<String> deps = new LinkedHashSet<>();
      t.getValue().path("dependentTasks").forEach(d -> deps.add(d.asString("")));
      for (Map.Entry<String, JsonNode> p : t.getValue().path("inputs").path("parameters").properties()) {
        JsonNode o = p.getValue().path("taskOutputParameter");
        if (o.isObject()) {
          deps.add(read(tasks, o.path("producerTask").asString(""), o.path("outputParameterKey").asString(""), "parameters",
              at + ", input '" + p.getKey() + "'"));
        }
      }
      for (Map.Entry<String, JsonNode> a : t.getValue().path("inputs").path("artifacts").properties()) {
        JsonNode o = a.getValue().path("taskOutputArtifact");
        if (o.isObject()) {
          deps.add(read(tasks, o.path("producerTask").asString(""), o.path("outputArtifactKey").asString(""), "artifacts",
              at + ", input '" + a.getKey() + "'"));
        }
      }
      upstream.put(t.getKey(), new ArrayList<>(deps));
    }
    for (Map.Entry<String, JsonNode> o : dag.path("outputs").path("parameters").properties()) {
      JsonNode from = o.getValue().path("valueFromParameter");
      if (from.isObject()) {
        read(tasks, from.path("producerSubtask").asString(""), from.path("outputParameterKey").asString(""), "parameters",
            where + ", output '" + o.getKey() + "'");
      }
    }
    for (Map.Entry<String, JsonNode> o : dag.path("outputs").path("artifacts").properties()) {
      for (JsonNode from : o.getValue().path("artifactSelectors")) {
        read(tasks, from.path("producerSubtask").asString(""), from.path("outputArtifactKey").asString(""), "artifacts",
            where + ", output '" + o.getKey() + "'");
      }
    }
    noCycle(upstream, where);
  }

  /** {@code producer}, after checking it is a task of the DAG whose component declares output {@code key} among its {@code kind}. */
  private String read(JsonNode tasks, String producer, String key, String kind, String where) {
    JsonNode task = tasks.path(producer);
    if (!task.isObject()) {
      throw new FormatException(source + ": " + where + " reads an output of '" + producer + "', which is no task of its DAG; "
          + "its tasks are " + names(tasks));
    }
    String compName = task.path("componentRef").path("name").asString("");
    JsonNode comp = components.path(compName);
    if (!comp.isObject()) {
      return producer; // named by the task's own check, when the task is read
    }
    Set<String> declared = new LinkedHashSet<>(names(comp.path("outputDefinitions").path(kind)));
    declared.addAll(names(comp.path("dag").path("outputs").path(kind)));
    if (!declared.contains(key)) {
      throw new FormatException(source + ": " + where + " reads output '" + key + "' of task '" + producer + "', which its component '"
          + compName + "' does not declare; its " + (kind.equals("artifacts") ? "artifact" : "parameter") + " outputs are " + declared);
    }
    return producer;
  }

  private void noCycle(Map<String, List<String>> upstream, String where) {
    List<String> path = Cycles.find(upstream);
    if (path != null && path.size() == 2) {
      throw new FormatException(source + ": " + where + ", task '" + path.get(0) + "' depends on itself");
    }
    if (path != null) {
      throw new FormatException(source + ": tasks of " + where + " depend on each other in a cycle: " + String.join(" -> ", path));
    }
  }

  private static List<String> names(JsonNode object) {
    List<String> out = new ArrayList<>();
    object.propertyNames().forEach(out::add);
    return out;
  }
}
