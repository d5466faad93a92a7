package dev.kfp4j.format.argo;

import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Branches;
import dev.kfp4j.model.Condition;
import dev.kfp4j.model.Loop;
import dev.kfp4j.model.Node;
import dev.kfp4j.model.Nodes;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Step;
import dev.kfp4j.model.Task;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.yaml.Yaml;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a pipeline's DAG as Argo DAG templates: the root, and one template per condition and
 * loop, with the values a group uses from outside passed in as its inputs, as KFP v1's compiler
 * does. Steps are written through {@link Templates}.
 */
final class DagWriter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Pipeline pipeline;
  private final Templates templates;
  private final Scopes scopes;
  private final ItemNames itemNames;
  /** Per group (by identity; the root is {@code null}), the values passed in from outside, by input name. */
  private final Map<Node, Map<String, Argument>> groupInputs = new IdentityHashMap<>();
  private final Map<Node, Set<String>> groupArtifactInputs = new IdentityHashMap<>();
  private final List<ObjectNode> groupTemplates = new ArrayList<>();
  /** Outputs that some consumer takes as a file, by step name. */
  private final Map<String, Set<String>> artifactOutputs = new HashMap<>();
  /** File outputs that some consumer takes as a value, by step name. */
  private final Map<String, Set<String>> valuesOfFiles = new HashMap<>();
  /** DAG tasks, written one a line in flow style so large DAGs stay small and scannable. */
  private final Set<JsonNode> flow = Collections.newSetFromMap(new IdentityHashMap<>());

  DagWriter(Pipeline pipeline, Templates templates) {
    this.pipeline = pipeline;
    this.templates = templates;
    this.scopes = new Scopes(pipeline);
    this.itemNames = new ItemNames(scopes, this::argoOutput);
    passing();
  }

  /** Which outputs pass as files (artifacts) and which file outputs pass as values. */
  private void passing() {
    for (Step s : pipeline.steps()) {
      Set<String> files = artifactOutputs.computeIfAbsent(s.name(), k -> new LinkedHashSet<>());
      if (s instanceof Task t) {
        t.component().outputs().stream().filter(o -> t.component().outputIsFile(o.name())).forEach(o -> files.add(o.name()));
      }
    }
    for (Step s : pipeline.steps()) {
      if (!(s instanceof Task t)) {
        continue;
      }
      for (Map.Entry<String, Argument> e : t.arguments().entrySet()) {
        if (e.getValue() instanceof Argument.TaskOutput o) {
          if (t.component().inputIsFile(e.getKey())) {
            artifactOutputs.computeIfAbsent(o.task(), k -> new LinkedHashSet<>()).add(o.output());
          } else {
            valueOfFile(o);
          }
        }
      }
    }
    // a condition compares values, a loop runs over one, a setting (a secret's name) takes one
    pipeline.steps().forEach(s -> Nodes.settingArguments(s).forEach(a -> {
      if (a instanceof Argument.TaskOutput o) {
        valueOfFile(o);
      }
    }));
    Nodes.walk(pipeline.nodes(), n -> Nodes.groupArguments(n).forEach(a -> {
      if (a instanceof Argument.TaskOutput o) {
        valueOfFile(o);
      }
    }));
  }

  private void valueOfFile(Argument.TaskOutput o) {
    if (scopes.step(o.task()) instanceof Task producer && producer.component().outputIsFile(o.output())) {
      valuesOfFiles.computeIfAbsent(o.task(), k -> new LinkedHashSet<>()).add(o.output());
    }
  }

  Set<JsonNode> flow() {
    return flow;
  }

  List<ObjectNode> groupTemplates() {
    return groupTemplates;
  }

  /** The root DAG template, named {@code name}; condition and loop templates go to {@link #groupTemplates()}. */
  ObjectNode root(String name) {
    return dag(null, pipeline.nodes(), name);
  }

  /** The DAG template that runs the exit task alone. */
  ObjectNode exitHandler(String name) {
    ObjectNode dag = NODES.objectNode();
    dag.put("name", name);
    dag.putObject("dag").putArray("tasks").add(step(pipeline.exitTask(), null));
    groupTemplates.add(dag);
    return dag;
  }

  private ObjectNode dag(Node group, List<Node> members, String name) {
    ArrayNode tasks = NODES.arrayNode();
    List<String> afterAll = new ArrayList<>(); // deletions run whatever happened to the steps they wait for
    for (Node member : members) {
      if (member instanceof Step s) {
        ObjectNode t = step(s, group);
        putDependencies(t, member, group);
        tasks.add(reorder(t));
        if (s instanceof dev.kfp4j.model.VolumeStep v && VolumeManifests.deletionWritten(v)) {
          tasks.add(reorder(deletion(v, group)));
          if (v.deletion().whateverHappened()) {
            afterAll.add(v.deletion().name());
          }
        }
      } else if (member instanceof Branches b) {
        for (int i = 0; i < b.branches().size(); i++) {
          tasks.add(groupTask(b.branches().get(i), b.effectivePredicate(i), group));
        }
      } else {
        tasks.add(groupTask(member, member instanceof Condition c ? c.predicate() : null, group));
      }
    }
    ObjectNode template = NODES.objectNode();
    template.put("name", name);
    Map<String, Argument> inputs = groupInputs.getOrDefault(group, Map.of());
    if (!inputs.isEmpty()) {
      ObjectNode in = template.putObject("inputs");
      in.putArray("parameters");
      in.putArray("artifacts"); // in this order whatever comes first, as the reader reads them back
      Set<String> artifacts = groupArtifactInputs.getOrDefault(group, Set.of());
      for (String key : inputs.keySet()) {
        in.withArray(artifacts.contains(key) ? "artifacts" : "parameters").addObject().put("name", key);
      }
      dropEmpty(in);
    }
    ObjectNode dag = template.putObject("dag");
    if (!afterAll.isEmpty()) {
      dag.put("target", AfterAll.target(tasks, afterAll));
      tasks = AfterAll.dependsInstead(tasks, flow);
    }
    dag.set("tasks", tasks);
    return template;
  }

  /** {@code node} without its empty arrays. */
  private static void dropEmpty(ObjectNode node) {
    for (String key : List.of("parameters", "artifacts")) {
      if (node.path(key).isEmpty()) {
        node.remove(key);
      }
    }
  }

  /** The task running a condition's or loop's own DAG template, which is made first. */
  private ObjectNode groupTask(Node child, dev.kfp4j.model.Predicate predicate, Node parent) {
    int slot = groupTemplates.size();
    groupTemplates.add(null); // parents before children, in body order
    ObjectNode childTemplate = dag(child, Nodes.body(child), child.name());
    if (child instanceof Loop l && l.parallelism() > 0) {
      childTemplate.put("parallelism", l.parallelism());
    }
    groupTemplates.set(slot, childTemplate);

    ObjectNode t = NODES.objectNode();
    t.put("name", child.name());
    t.put("template", child.name());
    if (predicate != null) {
      t.put("when", Conditions.write(predicate, a -> value(a, parent), scopes::isNumber));
    }
    putDependencies(t, child, parent, predicate);
    Map<String, Argument> inputs = groupInputs.getOrDefault(child, Map.of());
    Set<String> artifacts = groupArtifactInputs.getOrDefault(child, Set.of());
    ObjectNode arguments = NODES.objectNode();
    arguments.putArray("parameters");
    arguments.putArray("artifacts");
    for (Map.Entry<String, Argument> e : inputs.entrySet()) {
      Argument a = e.getValue();
      if (artifacts.contains(e.getKey())) {
        arguments.withArray("artifacts").addObject().put("name", e.getKey()).put("from", artifactRef((Argument.TaskOutput) a, parent));
      } else {
        String value = a instanceof Argument.LoopItem item && item.loop().equals(child.name())
            ? Argo.item(item.field())
            : value(a, parent);
        arguments.withArray("parameters").addObject().put("name", e.getKey()).put("value", value);
      }
    }
    dropEmpty(arguments);
    if (!arguments.isEmpty()) {
      t.set("arguments", arguments);
    }
    if (child instanceof Loop l) {
      if (l.items() instanceof Loop.Over over) {
        t.put("withParam", value(over.source(), parent));
      } else {
        ArrayNode items = NODES.arrayNode();
        for (Argument.Constant item : ((Loop.Constants) l.items()).values()) {
          items.add(withItem(item));
        }
        boolean whole = inputs.values().stream().anyMatch(a -> a instanceof Argument.LoopItem i && i.loop().equals(l.name()) && i.field() == null);
        boolean containers = items.valueStream().anyMatch(JsonNode::isContainer);
        if (whole && containers) { // Argo's rules give a withItems of maps or lists no {{item}}; a withParam's, whole
          t.put("withParam", Yaml.pyJsonInOrder(items));
        } else {
          t.set("withItems", items);
        }
      }
    }
    return reorder(t);
  }

  /**
   * A constant loop item as Argo's {@code withItems} takes it: a value as its text; a record, map or list as its JSON,
   * as KFP v1 writes a list of dicts ({@code - {a: 1, xs: [1, 2]}}), so that Argo gives {@code {{item.a}}} as {@code 1},
   * {@code {{item.xs}}} and {@code {{item}}} as JSON; but a field that is true or false as KFP's text, {@code True} or
   * {@code False}, which a condition on it compares.
   */
  private static JsonNode withItem(Argument.Constant item) {
    if (item.type() != dev.kfp4j.model.ParameterType.LIST && item.type() != dev.kfp4j.model.ParameterType.STRUCT) {
      return NODES.stringNode(item.text());
    }
    JsonNode json = Yaml.readJson(item.text());
    if (json instanceof ObjectNode fields) {
      fields.properties().forEach(f -> {
        if (f.getValue().isBoolean()) {
          f.setValue(NODES.stringNode(f.getValue().asBoolean() ? "True" : "False"));
        }
      });
    }
    return json;
  }

  /** Fixed key order for DAG tasks: name, template, when, dependencies or depends, arguments, loops. */
  private ObjectNode reorder(ObjectNode t) {
    ObjectNode out = NODES.objectNode();
    for (String key : List.of("name", "template", "when", "dependencies", "depends", "arguments", "withItems", "withParam")) {
      if (t.has(key)) {
        out.set(key, t.get(key));
      }
    }
    flow.add(out);
    return out;
  }

  private void putDependencies(ObjectNode t, Node member, Node group) {
    putDependencies(t, member, group, null);
  }

  /**
   * The tasks {@code member} waits for: those its steps read from, those its groups (itself and
   * the groups nested in it) read, and those its {@code when} reads, which for a branch of an if/elif/else chain are its own condition's and every earlier
   * branch's ({@code predicate}, the effective condition written).
   */
  private void putDependencies(ObjectNode t, Node member, Node group, dev.kfp4j.model.Predicate predicate) {
    Set<String> deps = new LinkedHashSet<>();
    if (predicate != null) {
      List<Argument> operands = new java.util.ArrayList<>();
      Nodes.operands(predicate, operands);
      for (Argument a : operands) {
        if (a instanceof Argument.TaskOutput o) {
          addDependency(deps, o.task(), member, group);
        }
      }
    }
    for (Step s : Nodes.steps(member)) {
      for (String d : Nodes.upstream(s)) {
        addDependency(deps, d, member, group);
      }
    }
    // the groups inside it too: a nested condition or loop reads its operands through this group's inputs
    Nodes.walk(List.of(member), n -> {
      for (Argument a : n instanceof Step ? List.<Argument>of() : Nodes.groupArguments(n)) {
        if (a instanceof Argument.TaskOutput o) {
          addDependency(deps, o.task(), member, group);
        }
      }
    });
    if (!deps.isEmpty()) {
      ArrayNode array = t.putArray("dependencies");
      deps.forEach(array::add);
    }
  }

  private void addDependency(Set<String> deps, String step, Node member, Node group) {
    Node containing = scopes.memberContaining(step, group);
    if (containing != null && containing != member) {
      deps.add(containing.name());
    }
  }

  // ------------------------------------------------------------------ values

  /** An Argo expression for {@code a} that is valid inside {@code group}'s template. */
  private String value(Argument a, Node group) {
    if (a instanceof Argument.Constant c) {
      return c.text();
    }
    if (a instanceof Argument.PipelineParameter p) {
      return Argo.workflowParameter(p.name());
    }
    if (a instanceof Argument.RunValue r) {
      return Argo.runValue(r.kind()); // global: valid in every template
    }
    if (a instanceof Argument.TaskOutput o && scopes.groupOf(o.task()) == group) {
      return Argo.taskParameter(o.task(), argoOutput(o));
    }
    String key = key(a, group);
    groupInputs.computeIfAbsent(group, k -> new LinkedHashMap<>()).put(key, a);
    return Argo.inputParameter(key);
  }

  /** An Argo artifact reference for a task output taken as a file inside {@code group}. */
  private String artifactRef(Argument.TaskOutput o, Node group) {
    if (scopes.groupOf(o.task()) == group) {
      return Argo.taskArtifact(o.task(), argoOutput(o));
    }
    String key = key(o, group);
    groupInputs.computeIfAbsent(group, k -> new LinkedHashMap<>()).put(key, o);
    groupArtifactInputs.computeIfAbsent(group, k -> new HashSet<>()).add(key);
    return Argo.inputArtifact(key);
  }

  /**
   * The name of {@code group}'s input that passes {@code a} in: {@code <task>-<output>}, or a loop item's as KFP 1.8's
   * compiler names it ({@link ItemNames}: {@code loop-item-param-1}, {@code loop-item-param-1-subvar-a}, {@code
   * xs-loop-item}), with {@code -<loop>} added when another input of the group has that name (the items of two nested
   * loops over one list, both read inside the inner one, which KFP 1.8 would give one name).
   */
  private String key(Argument a, Node group) {
    String key;
    if (a instanceof Argument.TaskOutput o) {
      key = o.task() + "-" + argoOutput(o);
    } else {
      key = itemNames.of((Argument.LoopItem) a);
    }
    Map<String, Argument> taken = groupInputs.getOrDefault(group, Map.of());
    if (taken.containsKey(key) && !taken.get(key).equals(a) && a instanceof Argument.LoopItem item) {
      key += "-" + item.loop();
    }
    return key;
  }

  /**
   * The Argo name of a task's output: a component's names may be what Argo refuses ({@code Hash
   * algorithm}), so the workflow uses {@link ContainerTemplate#argoOutput}; the spec keeps its own.
   */
  private String argoOutput(Argument.TaskOutput o) {
    return scopes.step(o.task()) instanceof Task t ? ContainerTemplate.argoOutput(t.component(), o.output()) : o.output();
  }

  /** Whether {@code step} gives {@code input} a constant that is the input's default. */
  private static boolean isDefault(Step step, String input) {
    return step instanceof Task t && t.arguments().get(input) instanceof Argument.Constant c
        && t.component().input(input).map(in -> c.text().equals(in.defaultValue())).orElse(false);
  }

  /** The Argo name of an input of {@code step}'s component ({@link ContainerTemplate#argoInput}). */
  private static String argoInput(Step step, String input) {
    return step instanceof Task t ? ContainerTemplate.argoInput(t.component(), input) : input;
  }

  // ------------------------------------------------------------------ steps

  /**
   * The task deleting {@code v}'s claim, in {@code group}'s DAG: after the volume step and the steps its deletion names, or every step
   * that mounts the claim ({@link dev.kfp4j.model.VolumeStep.Deletion#afterMounts}), their members there; whatever happened to those
   * when the deletion says so ({@link AfterAll}), after the volume step's success all the same (no claim, nothing to delete).
   */
  private ObjectNode deletion(dev.kfp4j.model.VolumeStep v, Node group) {
    ObjectNode t = NODES.objectNode();
    t.put("name", v.deletion().name());
    t.put("template", templates.deletion(v));
    Set<String> deps = new LinkedHashSet<>();
    if (v.deletion().afterMounts()) {
      deps.add(v.name());
      pipeline.steps().stream().filter(v::mountedBy).forEach(s -> addDependency(deps, s.name(), null, group));
    } else {
      v.deletion().after().forEach(step -> addDependency(deps, step, null, group));
    }
    deps.add(v.name()); // whose output names the claim
    if (v.deletion().whateverHappened()) {
      t.put("depends", String.join(" && ", deps.stream().map(d -> d.equals(v.name()) ? d : AfterAll.done(d)).toList()));
    } else {
      deps.forEach(t.withArray("dependencies")::add);
    }
    t.putObject("arguments").putArray("parameters").addObject().put("name", VolumeManifests.CLAIM_INPUT)
        .put("value", value(new Argument.TaskOutput(v.name(), "name"), group));
    return t;
  }

  private ObjectNode step(Step s, Node group) {
    String template = templates.of(s, artifactOutputs.getOrDefault(s.name(), Set.of()), valuesOfFiles.getOrDefault(s.name(), Set.of()));
    ObjectNode t = NODES.objectNode();
    t.put("name", s.name());
    t.put("template", template);
    ObjectNode arguments = NODES.objectNode();
    // KFP's f-strings: the text with each channel's Argo reference in the place of its placeholder, as KFP v1's compiler wrote them
    Map<String, String> channels = new LinkedHashMap<>();
    if (s instanceof Task task) {
      dev.kfp4j.model.Channels.of(task).forEach((channel, a) -> channels.put(channel, value(a, group)));
    }
    for (Map.Entry<String, Argument> e : s.arguments().entrySet()) {
      String input = e.getKey();
      Argument a = e.getValue();
      if (isDefault(s, input) || channels.containsKey(input)) {
        continue; // written with the defaults below, where the reader, which leaves it out, writes it again; a channel, in its text
      }
      if (!channels.isEmpty() && a instanceof Argument.Constant c) {
        a = new Argument.Constant(dev.kfp4j.model.Channels.fill(c.text(), channels), c.type());
      }
      if (s instanceof Task task && task.component().inputIsFile(input)) {
        ObjectNode art = arguments.withArray("artifacts").addObject().put("name", argoInput(s, input));
        if (a instanceof Argument.TaskOutput o) {
          art.put("from", artifactRef(o, group));
        } else {
          art.putObject("raw").put("data", value(a, group));
        }
        if (ArgoKeys.optional(s, input)) {
          art.put("optional", true);
        }
      } else {
        arguments.withArray("parameters").addObject().put("name", argoInput(s, input)).put("value", value(a, group));
      }
    }
    for (TaskSetting setting : s.settings()) {
      if (setting instanceof TaskSetting.VolumeMount m) {
        arguments.withArray("parameters").addObject().put("name", m.volume() + "-name")
            .put("value", value(new Argument.TaskOutput(m.volume(), "name"), group));
      }
    }
    RunNames.inputs(s.settings()).forEach((input, a) -> arguments.withArray("parameters").addObject().put("name", input)
        .put("value", value(a, group)));
    if (s instanceof Task task) {
      for (var in : task.component().inputs()) {
        if ((!task.arguments().containsKey(in.name()) || isDefault(s, in.name())) && in.defaultValue() != null) {
          if (task.component().inputIsFile(in.name())) {
            arguments.withArray("artifacts").addObject().put("name", argoInput(s, in.name())).putObject("raw").put("data", in.defaultValue());
          } else {
            arguments.withArray("parameters").addObject().put("name", argoInput(s, in.name())).put("value", in.defaultValue());
          }
        }
      }
    }
    if (!arguments.isEmpty()) {
      t.set("arguments", arguments);
    }
    return t;
  }
}
