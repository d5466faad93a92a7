package dev.kfp4j.processor;

import dev.kfp4j.yaml.Yaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A KFP 2 pipeline spec's structure as text, for comparing kfp4j's spec of a Java port with the one KFP's compiler wrote
 * for the Python: the pipeline's info, its root's inputs and outputs, and each DAG's tasks, each with its settings,
 * inputs, dependencies, trigger, iterator, its component's input and output definitions, and, for a DAG component, its
 * tasks in turn (else its executor but for its command, arguments and image, and the task's platform settings). It leaves
 * out what may differ where the README says so: which component a task runs by name (kfp4j shares one component between
 * the tasks of one component, KFP writes one per task), and a number's form ({@code 1.0} and {@code 1} are the same protobuf value). It leaves out the
 * caching options of a task running a DAG (a called pipeline), which KFP's backend does not read (its driver caches
 * container tasks only) and which kfp4j writes as it writes every task's ({@code enableCache: true}), where a Python
 * {@code set_caching_options(False)} on the call writes {@code {}}; and the order of a task's {@code dependentTasks}, a set
 * to KFP's driver, which KFP's compiler sorts and kfp4j writes in the order its steps read them. Groups keep their names ({@code for-loop-2},
 * {@code loop-item-param-1}, {@code condition-3}), as KFP numbers them. A DAG's tasks are sorted by their
 * text.
 */
final class SpecShape {
  private final JsonNode spec;
  private final JsonNode platform;
  private SpecShape(String yaml) {
    List<JsonNode> docs = Yaml.readAll(yaml);
    spec = docs.get(0);
    platform = docs.size() > 1 ? docs.get(1).at("/platforms/kubernetes/deploymentSpec/executors") : JsonNodeFactory.instance.objectNode();
  }

  /** The structure of the spec {@code yaml}, one line each. */
  static String of(String yaml) {
    return new SpecShape(yaml).lines();
  }

  private String lines() {
    List<String> lines = new ArrayList<>();
    lines.add("pipelineInfo " + spec.get("pipelineInfo")); // its description too: the Javadoc, as KFP takes the docstring
    lines.add("root inputs " + norm(spec.at("/root/inputDefinitions")));
    lines.add("root outputs " + norm(spec.at("/root/outputDefinitions")));
    lines.add(dag(spec.at("/root/dag"), ""));
    return String.join("\n", lines);
  }

  private String dag(JsonNode dag, String indent) {
    List<String> tasks = new ArrayList<>();
    for (Map.Entry<String, JsonNode> t : dag.path("tasks").properties()) {
      tasks.add(task(t.getKey(), t.getValue(), indent));
    }
    tasks.sort(null);
    String outputs = dag.has("outputs") ? indent + "dag outputs " + norm(dag.get("outputs")) + "\n" : "";
    return outputs + String.join("\n", tasks);
  }

  private String task(String name, JsonNode task, String indent) {
    JsonNode component = spec.at("/components/" + task.at("/componentRef/name").asString());
    StringBuilder b = new StringBuilder(indent).append("task ").append(name);
    Map<String, JsonNode> fields = new TreeMap<>();
    task.properties().forEach(e -> fields.put(e.getKey(), e.getValue()));
    fields.remove("componentRef");
    if (component.has("dag")) {
      fields.remove("cachingOptions");
    }
    if (fields.get("dependentTasks") instanceof tools.jackson.databind.node.ArrayNode deps) { // as a set: KFP sorts them
      List<String> sorted = new ArrayList<>();
      deps.forEach(d -> sorted.add(d.asString()));
      sorted.sort(null);
      tools.jackson.databind.node.ArrayNode set = JsonNodeFactory.instance.arrayNode();
      sorted.forEach(set::add);
      fields.put("dependentTasks", set);
    }
    fields.forEach((k, v) -> b.append('\n').append(indent).append("  ").append(k).append(' ').append(norm(v)));
    b.append('\n').append(indent).append("  component inputs ").append(norm(component.path("inputDefinitions")));
    b.append('\n').append(indent).append("  component outputs ").append(norm(component.path("outputDefinitions")));
    if (component.has("dag")) {
      return b.append('\n').append(dag(component.get("dag"), indent + "    ")).toString();
    }
    String label = component.path("executorLabel").asString();
    JsonNode executor = spec.at("/deploymentSpec/executors/" + label).deepCopy();
    if (executor.has("container")) {
      ((tools.jackson.databind.node.ObjectNode) executor.get("container")).remove(List.of("command", "args", "image"));
    }
    b.append('\n').append(indent).append("  executor ").append(norm(executor));
    if (platform.has(label)) {
      b.append('\n').append(indent).append("  platform ").append(norm(platform.get(label)));
    }
    return b.toString();
  }

  /** {@code node} as JSON text, keys sorted, numbers as doubles, descriptions (Javadoc, docstrings) left out. */
  private String norm(JsonNode node) {
    return plain(node).toString();
  }

  private static JsonNode plain(JsonNode node) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (node == null || node.isMissingNode()) {
      return f.nullNode();
    }
    if (node.isNumber()) {
      return f.numberNode(node.asDouble());
    }
    if (node.isArray()) {
      var a = f.arrayNode();
      node.forEach(n -> a.add(plain(n)));
      return a;
    }
    if (node.isObject()) {
      var o = f.objectNode();
      new TreeMap<String, JsonNode>(node.propertyStream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))
          .forEach((k, v) -> {
            if (!k.equals("description")) {
              o.set(k, plain(v));
            }
          });
      return o;
    }
    return node;
  }
}
