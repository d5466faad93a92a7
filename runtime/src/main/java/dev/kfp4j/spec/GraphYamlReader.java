package dev.kfp4j.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads a KFP v1 component's {@code implementation.graph} for {@link ComponentYamlReader.Reader}: its tasks (each
 * {@code componentRef} and arguments), its output values, every reference checked against the component's inputs and the
 * tasks' outputs, and no cycle; errors at the field, as the reader's.
 */
final class GraphYamlReader {
  private final ComponentYamlReader.Reader reader;

  GraphYamlReader(ComponentYamlReader.Reader reader) {
    this.reader = reader;
  }

  /** {@code implementation.graph}, checked as KFP checks it: known inputs, tasks and outputs, no cycle. */
  GraphSpec graph(JsonNode g, FieldPath at) {
    reader.requireObject(g, at);
    JsonNode ts = g.get("tasks");
    if (ts == null || ts.isNull()) {
      throw reader.error(at, "missing 'tasks'; a graph is {tasks: {<task id>: {componentRef: {...}, arguments: {...}}}, outputValues: {...}}");
    }
    reader.requireObject(ts, at.key("tasks"));
    Map<String, GraphSpec.Task> tasks = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : ts.properties()) {
      tasks.put(e.getKey(), task(e.getValue(), at.key("tasks").key(e.getKey())));
    }
    for (Map.Entry<String, GraphSpec.Task> e : tasks.entrySet()) {
      FieldPath args = at.key("tasks").key(e.getKey()).key("arguments");
      ComponentSpec child = e.getValue().componentRef().spec();
      for (Map.Entry<String, GraphSpec.Argument> a : e.getValue().arguments().entrySet()) {
        if (child != null && child.input(a.getKey()).isEmpty()) {
          List<String> names = child.inputs().stream().map(InputSpec::name).toList();
          throw reader.error(args.key(a.getKey()), "component '" + child.name() + "' has no input '" + a.getKey() + "'"
              + choices(a.getKey(), new java.util.LinkedHashSet<>(names), "inputs"));
        }
        reference(a.getValue(), tasks, args.key(a.getKey()));
      }
    }
    Map<String, GraphSpec.Argument> outputValues = new LinkedHashMap<>();
    JsonNode ov = g.get("outputValues");
    if (ov != null && !ov.isNull()) {
      reader.requireObject(ov, at.key("outputValues"));
      for (Map.Entry<String, JsonNode> e : ov.properties()) {
        FieldPath field = at.key("outputValues").key(e.getKey());
        if (!reader.outputs.containsKey(e.getKey())) {
          throw reader.error(field, "no output '" + e.getKey() + "'" + choices(e.getKey(), reader.outputs.keySet(), "outputs"));
        }
        GraphSpec.Argument value = argument(e.getValue(), field);
        reference(value, tasks, field);
        outputValues.put(e.getKey(), value);
      }
    }
    List<String> sorted = GraphSpec.sort(tasks);
    if (sorted.size() < tasks.size()) {
      // walk up from a task that cannot be ordered until a task repeats: that is the cycle
      String id = tasks.keySet().stream().filter(t -> !sorted.contains(t)).findFirst().orElseThrow();
      List<String> path = new ArrayList<>();
      while (!path.contains(id)) {
        path.add(id);
        id = tasks.get(id).upstream().stream().filter(t -> !sorted.contains(t)).findFirst().orElseThrow();
      }
      List<String> cycle = new ArrayList<>(path.subList(path.indexOf(id), path.size()));
      cycle.add(id);
      java.util.Collections.reverse(cycle);
      throw reader.error(at.key("tasks").key(id), "tasks take each other's outputs in a cycle: " + String.join(" -> ", cycle));
    }
    return new GraphSpec(tasks, outputValues);
  }

  private GraphSpec.Task task(JsonNode t, FieldPath at) {
    reader.requireObject(t, at);
    JsonNode r = t.get("componentRef");
    FieldPath refAt = at.key("componentRef");
    if (r == null || r.isNull()) {
      throw reader.error(at, "missing 'componentRef'; write componentRef: {spec: {...}} (or url, name, digest)");
    }
    reader.requireObject(r, refAt);
    ComponentSpec spec = null;
    JsonNode inline = r.get("spec");
    if (inline != null && !inline.isNull()) {
      spec = reader.child().spec(inline, refAt.key("spec"));
    }
    GraphSpec.ComponentRef ref = new GraphSpec.ComponentRef(
        reader.text(r, "name", refAt), reader.text(r, "digest", refAt), reader.text(r, "tag", refAt), reader.text(r, "url", refAt), spec);
    if (spec == null && ref.name() == null && ref.digest() == null && ref.tag() == null && ref.url() == null) {
      throw reader.error(refAt, "names no component; give one of spec, url, name, digest, tag");
    }
    Map<String, GraphSpec.Argument> arguments = new LinkedHashMap<>();
    JsonNode as = t.get("arguments");
    if (as != null && !as.isNull()) {
      reader.requireObject(as, at.key("arguments"));
      for (Map.Entry<String, JsonNode> e : as.properties()) {
        arguments.put(e.getKey(), argument(e.getValue(), at.key("arguments").key(e.getKey())));
      }
    }
    GraphSpec.Task task = new GraphSpec.Task(ref, arguments, ComponentYamlReader.Reader.raw(t.get("isEnabled")), ComponentYamlReader.Reader.raw(t.get("executionOptions")),
        reader.annotations(t.get("annotations"), at.key("annotations")));
    if (reader.compilable) {
      compilable(task, at);
    }
    return task;
  }

  /** What kfp4j compiles of a graph task ({@link GraphSpec#uncompilable}), refused at its field. */
  private void compilable(GraphSpec.Task task, FieldPath at) {
    String[] problem = GraphSpec.uncompilable(task);
    if (problem != null) {
      FieldPath field = at;
      for (String key : problem[0].split("\\.")) {
        field = field.key(key);
      }
      throw reader.error(field, problem[1]);
    }
  }

  private GraphSpec.Argument argument(JsonNode n, FieldPath at) {
    if (n == null || n.isNull()) {
      throw reader.error(at, "an empty argument; expected a constant, {graphInput: {inputName: ...}} or {taskOutput: {taskId: ..., outputName: ...}}");
    }
    if (n.isValueNode()) {
      return new GraphSpec.Argument.Constant(n.asString());
    }
    if (n.isObject() && n.size() == 1 && n.has("graphInput")) {
      FieldPath ref = at.key("graphInput");
      JsonNode g = n.get("graphInput");
      reader.requireObject(g, ref);
      return new GraphSpec.Argument.GraphInput(reader.required(g, "inputName", ref), reader.type(g.get("type")));
    }
    if (n.isObject() && n.size() == 1 && n.has("taskOutput")) {
      FieldPath ref = at.key("taskOutput");
      JsonNode o = n.get("taskOutput");
      reader.requireObject(o, ref);
      return new GraphSpec.Argument.TaskOutput(reader.required(o, "taskId", ref), reader.required(o, "outputName", ref), reader.type(o.get("type")));
    }
    throw reader.error(at, "expected a constant, {graphInput: {inputName: ...}} or {taskOutput: {taskId: ..., outputName: ...}}, found "
        + ComponentYamlReader.Reader.describe(n));
  }

  /** A graph input must be declared; a task output must name a task of the graph, and an output of its inline spec. */
  private void reference(GraphSpec.Argument a, Map<String, GraphSpec.Task> tasks, FieldPath at) {
    if (a instanceof GraphSpec.Argument.GraphInput g && !reader.inputs.containsKey(g.inputName())) {
      throw reader.error(at.key("graphInput").key("inputName"),
          "no input '" + g.inputName() + "'" + choices(g.inputName(), reader.inputs.keySet(), "inputs"));
    }
    if (a instanceof GraphSpec.Argument.TaskOutput o) {
      GraphSpec.Task task = tasks.get(o.taskId());
      if (task == null) {
        throw reader.error(at.key("taskOutput").key("taskId"), "no task '" + o.taskId() + "'" + choices(o.taskId(), tasks.keySet(), "tasks"));
      }
      ComponentSpec spec = task.componentRef().spec();
      if (spec != null && spec.output(o.outputName()).isEmpty()) {
        List<String> names = spec.outputs().stream().map(OutputSpec::name).toList();
        throw reader.error(at.key("taskOutput").key("outputName"), "task '" + o.taskId() + "' has no output '" + o.outputName() + "'"
            + choices(o.outputName(), new java.util.LinkedHashSet<>(names), "outputs"));
      }
    }
  }

  private static String choices(String name, java.util.Set<String> declared, String what) {
    return ComponentYamlReader.Reader.choices(name, declared, what);
  }
}
