package dev.kfp4j.processor.pipeline;

import dev.kfp4j.entrypoint.PyJson;
import dev.kfp4j.processor.pipeline.Graph.Arg;
import dev.kfp4j.processor.pipeline.Graph.Group;
import dev.kfp4j.processor.pipeline.Graph.Node;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ComponentYaml;
import dev.kfp4j.spec.ContainerTemplate;
import dev.kfp4j.spec.InputSpec;
import dev.kfp4j.spec.OutputSpec;
import dev.kfp4j.yaml.Yaml;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
 * Writes a {@link Graph} as an Argo Workflow that KFP v1 accepts. Compact by design: one template
 * per distinct component configuration (component, inputs given, settings), not one per task.
 * Conditions and loops become DAG templates of their own, with the values they use from outside
 * passed in as inputs, as KFP's compiler does.
 */
final class WorkflowWriter {
  static final String SDK_TYPE = "kfp4j";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Graph graph;
  private final PipelineOptions options;
  /** Template key → template; insertion order is the order tasks first use them. */
  private final Map<String, ObjectNode> templates = new LinkedHashMap<>();
  private final Map<String, Integer> templateNames = new HashMap<>();
  private final Map<Node, String> templateOf = new HashMap<>();
  private final Map<Group, Map<String, Arg>> groupInputs = new HashMap<>();
  private final Map<Group, Set<String>> groupArtifactInputs = new HashMap<>();
  private final List<ObjectNode> groupTemplates = new ArrayList<>();
  /** Outputs that some consumer takes as a file, by task. */
  private final Map<Node, Set<String>> artifactOutputs = new HashMap<>();
  /** File outputs that some consumer takes as a value (graph components wire them so), by task. */
  private final Map<Node, Set<String>> valuesOfFiles = new HashMap<>();
  /** DAG tasks: written one per line in flow style, so large DAGs stay small and scannable. */
  private final Set<JsonNode> flow = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
  private final Map<ComponentSpec, String> componentSpecJson = new java.util.IdentityHashMap<>();
  private final Map<ComponentSpec, Integer> specIds = new java.util.IdentityHashMap<>();

  WorkflowWriter(Graph graph, PipelineOptions options) {
    this.graph = graph;
    this.options = options;
  }

  ObjectNode write() {
    PipelineModel p = graph.pipeline;
    for (Node n : graph.tasks) {
      Set<String> files = artifactOutputs.computeIfAbsent(n, k -> new LinkedHashSet<>());
      if (n.spec == null) {
        continue;
      }
      for (OutputSpec o : n.spec.outputs()) {
        if (n.spec.outputIsFile(o.name())) {
          files.add(o.name());
        }
      }
    }
    for (Node n : graph.tasks) {
      for (Map.Entry<String, Arg> e : n.arguments.entrySet()) {
        if (n.spec != null && e.getValue() instanceof Graph.Output o && n.spec.inputIsFile(e.getKey())) {
          artifactOutputs.computeIfAbsent(o.task(), k -> new LinkedHashSet<>()).add(o.output());
        } else if (n.spec != null && e.getValue() instanceof Graph.Output o && o.task().spec != null
            && o.task().spec.outputIsFile(o.output())) {
          valuesOfFiles.computeIfAbsent(o.task(), k -> new LinkedHashSet<>()).add(o.output());
        }
      }
    }
    String rootName = p.name();
    ObjectNode root = dag(graph.root, rootName);

    ObjectNode wf = NODES.objectNode();
    wf.put("apiVersion", "argoproj.io/v1alpha1");
    wf.put("kind", "Workflow");
    ObjectNode metadata = wf.putObject("metadata");
    metadata.put("generateName", p.name() + "-");
    ObjectNode annotations = metadata.putObject("annotations");
    annotations.put("pipelines.kubeflow.org/pipeline_spec", pipelineSpec(p));
    metadata.putObject("labels").put("pipelines.kubeflow.org/pipeline-sdk-type", SDK_TYPE);
    ObjectNode spec = wf.putObject("spec");
    spec.put("entrypoint", rootName);
    spec.put("serviceAccountName", p.serviceAccount());
    options.writeSpec(spec);
    if (!p.parameters().isEmpty()) {
      ArrayNode params = spec.putObject("arguments").putArray("parameters");
      for (PipelineModel.Parameter param : p.parameters()) {
        ObjectNode n = params.addObject();
        n.put("name", param.name());
        if (param.defaultText() != null) {
          n.put("value", param.defaultText());
        }
      }
    }
    if (graph.exitTask != null) {
      String exitName = rootName + "-exit-handler";
      ObjectNode exitDag = NODES.objectNode();
      exitDag.put("name", exitName);
      ArrayNode tasks = exitDag.putObject("dag").putArray("tasks");
      tasks.add(task(graph.exitTask, graph.root));
      spec.put("onExit", exitName);
      groupTemplates.add(exitDag);
    }
    ArrayNode all = spec.putArray("templates");
    all.add(root);
    groupTemplates.forEach(all::add);
    templates.values().forEach(all::add);
    return wf;
  }

  // ------------------------------------------------------------------ DAG templates

  private ObjectNode dag(Group group, String name) {
    ArrayNode tasks = NODES.arrayNode();
    for (Object member : group.members) {
      if (member instanceof Node n) {
        ObjectNode t = task(n, group);
        putDependencies(t, member, group);
        tasks.add(reorder(t));
      } else {
        Group child = (Group) member;
        int slot = groupTemplates.size();
        groupTemplates.add(null); // parents before children, in body order
        ObjectNode childTemplate = dag(child, child.templateName());
        if (child.loop != null && child.loop.parallelism > 0) {
          childTemplate.put("parallelism", child.loop.parallelism);
        }
        groupTemplates.set(slot, childTemplate);
        tasks.add(groupTask(child, group));
      }
    }
    ObjectNode template = NODES.objectNode();
    template.put("name", name);
    Map<String, Arg> inputs = groupInputs.getOrDefault(group, Map.of());
    if (!inputs.isEmpty()) {
      ObjectNode in = template.putObject("inputs");
      Set<String> artifacts = groupArtifactInputs.getOrDefault(group, Set.of());
      for (String key : inputs.keySet()) {
        in.withArray(artifacts.contains(key) ? "artifacts" : "parameters").addObject().put("name", key);
      }
    }
    template.putObject("dag").set("tasks", tasks);
    return template;
  }

  private ObjectNode groupTask(Group child, Group parent) {
    ObjectNode t = NODES.objectNode();
    t.put("name", child.templateName());
    t.put("template", child.templateName());
    if (child.condition != null) {
      t.put("when", condition(child.condition, parent));
    }
    putDependencies(t, child, parent);
    Map<String, Arg> inputs = groupInputs.getOrDefault(child, Map.of());
    Set<String> artifacts = groupArtifactInputs.getOrDefault(child, Set.of());
    ObjectNode arguments = NODES.objectNode();
    for (Map.Entry<String, Arg> e : inputs.entrySet()) {
      Arg a = e.getValue();
      if (artifacts.contains(e.getKey())) {
        arguments.withArray("artifacts").addObject().put("name", e.getKey()).put("from", artifactRef((Graph.Output) a, parent));
      } else {
        String value = a instanceof Graph.Item item && child.loop == item.loop()
            ? (item.field() == null ? "{{item}}" : "{{item." + item.field() + "}}")
            : value(a, parent);
        arguments.withArray("parameters").addObject().put("name", e.getKey()).put("value", value);
      }
    }
    if (!arguments.isEmpty()) {
      t.set("arguments", arguments);
    }
    if (child.loop != null) {
      if (child.loop.source != null) {
        t.put("withParam", value(child.loop.source, parent));
      } else {
        ArrayNode items = t.putArray("withItems");
        for (Object item : child.loop.items) {
          items.add(Yaml.json().valueToTree(item instanceof Map<?, ?> m ? textValues(m) : BodyReader.text(item)));
        }
      }
    }
    return reorder(t);
  }

  private static Map<String, String> textValues(Map<?, ?> m) {
    Map<String, String> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k.toString(), BodyReader.text(v)));
    return out;
  }

  /** Fixed key order for DAG tasks: name, template, when, dependencies, arguments, loops. */
  private ObjectNode reorder(ObjectNode t) {
    ObjectNode out = NODES.objectNode();
    for (String key : List.of("name", "template", "when", "dependencies", "arguments", "withItems", "withParam")) {
      if (t.has(key)) {
        out.set(key, t.get(key));
      }
    }
    flow.add(out);
    return out;
  }

  /** The nodes to write in flow style. */
  Set<JsonNode> flowNodes() {
    return flow;
  }

  private void putDependencies(ObjectNode t, Object member, Group group) {
    Set<String> deps = new LinkedHashSet<>();
    for (Node n : nodesOf(member)) {
      for (Node d : n.dependencies()) {
        addDependency(deps, d, member, group);
      }
    }
    if (member instanceof Group g) {
      for (Arg a : groupSources(g)) {
        if (a instanceof Graph.Output o) {
          addDependency(deps, o.task(), member, group);
        }
      }
    }
    if (!deps.isEmpty()) {
      ArrayNode array = t.putArray("dependencies");
      deps.forEach(array::add);
    }
  }

  private static List<Arg> groupSources(Group g) {
    List<Arg> args = new ArrayList<>();
    if (g.condition != null) {
      args.add(g.condition.left());
      args.add(g.condition.right());
    }
    if (g.loop != null && g.loop.source != null) {
      args.add(g.loop.source);
    }
    return args;
  }

  private static void addDependency(Set<String> deps, Node d, Object member, Group group) {
    Object containing = memberContaining(d, group);
    if (containing != null && containing != member) {
      deps.add(containing instanceof Node n ? n.name : ((Group) containing).templateName());
    }
  }

  /** The member of {@code group} that is or holds {@code node}, or null if it is outside. */
  private static Object memberContaining(Node node, Group group) {
    if (node.group == group) {
      return node;
    }
    for (Group g = node.group; g != null; g = g.parent) {
      if (g.parent == group) {
        return g;
      }
    }
    return null;
  }

  private static List<Node> nodesOf(Object member) {
    List<Node> out = new ArrayList<>();
    if (member instanceof Node n) {
      out.add(n);
    } else {
      Group g = (Group) member;
      for (Object m : g.members) {
        out.addAll(nodesOf(m));
      }
    }
    return out;
  }

  private String condition(Graph.Condition c, Group parent) {
    boolean text = isText(c.left()) || isText(c.right());
    String left = value(c.left(), parent);
    String right = value(c.right(), parent);
    return text
        ? "\"" + left + "\" " + c.operator() + " \"" + right + "\""
        : left + " " + c.operator() + " " + right;
  }

  private boolean isText(Arg a) {
    if (a instanceof Graph.Constant c) {
      try {
        Double.parseDouble(c.text());
        return false;
      } catch (NumberFormatException e) {
        return true;
      }
    }
    if (a instanceof Graph.Param p) {
      PipelineModel.Parameter param = graph.pipeline.parameter(p.name());
      return param == null || !isNumeric(param.kfpType());
    }
    if (a instanceof Graph.Output o) {
      if (o.task().spec == null) {
        return true;
      }
      OutputSpec out = o.task().spec.output(o.output()).orElse(null);
      return out == null || out.type() == null || !isNumeric(out.type().name());
    }
    return true;
  }

  private static boolean isNumeric(String kfpType) {
    return "Integer".equals(kfpType) || "Float".equals(kfpType);
  }

  // ------------------------------------------------------------------ values

  /** An Argo expression for {@code a} that is valid inside {@code group}'s template. */
  private String value(Arg a, Group group) {
    if (a instanceof Graph.Constant c) {
      return c.text();
    }
    if (a instanceof Graph.Param p) {
      return "{{workflow.parameters." + p.name() + "}}";
    }
    if (a instanceof Graph.Output o && o.task().group == group) {
      return "{{tasks." + o.task().name + ".outputs.parameters." + argoName(o) + "}}";
    }
    String key = key(a);
    groupInputs.computeIfAbsent(group, k -> new LinkedHashMap<>()).put(key, a);
    return "{{inputs.parameters." + key + "}}";
  }

  /** An Argo artifact reference for a task output taken as a file inside {@code group}. */
  private String artifactRef(Graph.Output o, Group group) {
    if (o.task().group == group) {
      return "{{tasks." + o.task().name + ".outputs.artifacts." + argoName(o) + "}}";
    }
    String key = key(o);
    groupInputs.computeIfAbsent(group, k -> new LinkedHashMap<>()).put(key, o);
    groupArtifactInputs.computeIfAbsent(group, k -> new HashSet<>()).add(key);
    return "{{inputs.artifacts." + key + "}}";
  }

  private static String key(Arg a) {
    if (a instanceof Graph.Output o) {
      return o.task().name + "-" + argoName(o);
    }
    Graph.Item item = (Graph.Item) a;
    return "loop-item" + (item.field() == null ? "" : "-" + item.field());
  }

  /**
   * The Argo name of a task's output: a component's names may be what Argo refuses ({@code Hash
   * algorithm}), so the workflow uses {@link ContainerTemplate#argoOutput}; the spec keeps its own.
   */
  private static String argoName(Graph.Output o) {
    return o.task().spec == null ? o.output() : ContainerTemplate.argoOutput(o.task().spec, o.output());
  }

  /** The Argo name of an input of task {@code n}'s component ({@link ContainerTemplate#argoInput}). */
  private static String argoName(Node n, String input) {
    return n.spec == null ? input : ContainerTemplate.argoInput(n.spec, input);
  }

  // ------------------------------------------------------------------ component tasks

  private ObjectNode task(Node n, Group group) {
    String template = n.resource != null ? resourceTemplate(n) : componentTemplate(n);
    ObjectNode t = NODES.objectNode();
    t.put("name", n.name);
    t.put("template", template);
    ObjectNode arguments = NODES.objectNode();
    for (Map.Entry<String, Arg> e : n.arguments.entrySet()) {
      String input = e.getKey();
      Arg a = e.getValue();
      if (n.spec != null && n.spec.inputIsFile(input)) {
        ObjectNode art = arguments.withArray("artifacts").addObject().put("name", argoName(n, input));
        if (a instanceof Graph.Output o) {
          art.put("from", artifactRef(o, group));
        } else {
          art.putObject("raw").put("data", value(a, group));
        }
      } else {
        arguments.withArray("parameters").addObject().put("name", argoName(n, input)).put("value", value(a, group));
      }
    }
    for (List<Object> mount : mounts(n)) {
      Node volume = (Node) mount.get(0);
      arguments.withArray("parameters").addObject().put("name", volume.name + "-name")
          .put("value", value(new Graph.Output(volume, "name"), group));
    }
    for (InputSpec in : n.spec == null ? List.<InputSpec>of() : n.spec.inputs()) {
      if (!n.arguments.containsKey(in.name()) && in.defaultValue() != null) {
        if (n.spec.inputIsFile(in.name())) {
          arguments.withArray("artifacts").addObject().put("name", argoName(n, in.name())).putObject("raw").put("data", in.defaultValue());
        } else {
          arguments.withArray("parameters").addObject().put("name", argoName(n, in.name())).put("value", in.defaultValue());
        }
      }
    }
    if (!arguments.isEmpty()) {
      t.set("arguments", arguments);
    }
    return t;
  }

  @SuppressWarnings("unchecked")
  static List<List<Object>> mounts(Node n) {
    List<Object> m = n.settings.get("mountVolume");
    List<List<Object>> out = new ArrayList<>();
    if (m != null) {
      m.forEach(x -> out.add((List<Object>) x));
    }
    return out;
  }

  /** An Argo resource template for a {@code Dsl.volume}/{@code Dsl.resource} step: one per step. */
  private String resourceTemplate(Node n) {
    String name = uniqueTemplateName(n.name);
    ObjectNode t = NODES.objectNode();
    t.put("name", name);
    if (!n.arguments.isEmpty()) {
      ArrayNode params = t.putObject("inputs").putArray("parameters");
      n.arguments.keySet().forEach(k -> params.addObject().put("name", k));
    }
    ArrayNode outputs = t.putObject("outputs").putArray("parameters");
    n.resource.outputs.forEach((k, path) -> outputs.addObject().put("name", k).putObject("valueFrom").put("jsonPath", path));
    ObjectNode resource = t.putObject("resource");
    resource.put("action", n.resource.action);
    resource.put("manifest", n.resource.manifest);
    if (n.resource.successCondition != null) {
      resource.put("successCondition", n.resource.successCondition);
    }
    if (n.resource.failureCondition != null) {
      resource.put("failureCondition", n.resource.failureCondition);
    }
    TaskSettings.apply(n.settings, t, NODES.objectNode(), t.withObject("metadata").withObject("annotations"), NODES.objectNode());
    if (t.get("metadata").get("annotations").isEmpty()) {
      t.remove("metadata");
    }
    templates.put("resource|" + n.name, t);
    return name;
  }

  /** A template name from a component name the KFP SDK may have written freely ("Add", "Train model"). */
  static String templateBase(String componentName) {
    String s = componentName.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
    return s.isEmpty() ? "component" : s;
  }

  private String uniqueTemplateName(String base) {
    int count = templateNames.merge(base, 1, Integer::sum);
    String name = count == 1 ? base : base + "-" + count;
    return name.equals(graph.pipeline.name()) ? name + "-component" : name;
  }

  /** The name of the template running {@code n}, creating it if no task used that configuration yet. */
  private String componentTemplate(Node n) {
    Set<String> present = new LinkedHashSet<>();
    for (InputSpec in : n.spec.inputs()) {
      if (n.arguments.containsKey(in.name()) || in.defaultValue() != null) {
        present.add(in.name());
      }
    }
    Set<String> files = artifactOutputs.getOrDefault(n, Set.of());
    Set<String> values = valuesOfFiles.getOrDefault(n, Set.of());
    Map<String, List<Object>> templateSettings = new LinkedHashMap<>(n.settings);
    int specId = specIds.computeIfAbsent(n.spec, k -> specIds.size());
    String key = specId + "|" + present + "|" + values + "|" + files + "|" + templateSettings;
    ObjectNode existing = templates.get(key);
    if (existing != null) {
      return existing.get("name").asString();
    }
    String name = uniqueTemplateName(templateBase(n.spec.name()));
    templates.put(key, componentTemplate(name, n, present, values, files));
    return name;
  }

  private ObjectNode componentTemplate(String name, Node n, Set<String> present, Set<String> valuesOfFiles,
      Set<String> artifactOutputs) {
    ComponentSpec spec = n.spec;
    ObjectNode t = NODES.objectNode();
    t.put("name", name);
    ObjectNode metadata = t.putObject("metadata");
    ObjectNode annotations = metadata.putObject("annotations");
    annotations.put(
        "pipelines.kubeflow.org/component_spec",
        componentSpecJson.computeIfAbsent(spec, k -> PyJson.write(ComponentYaml.toNode(spec))));
    ObjectNode labels = metadata.putObject("labels");
    labels.put("pipelines.kubeflow.org/pipeline-sdk-type", SDK_TYPE);

    ObjectNode container = ContainerTemplate.write(t, spec, present, valuesOfFiles, artifactOutputs);
    TaskSettings.apply(n.settings, t, container, annotations, labels);
    for (List<Object> mount : mounts(n)) {
      String volume = ((Node) mount.get(0)).name;
      t.withObject("inputs").withArray("parameters").addObject().put("name", volume + "-name");
      container.withArray("volumeMounts").addObject().put("name", volume).put("mountPath", mount.get(1).toString());
      t.withArray("volumes").addObject().put("name", volume).putObject("persistentVolumeClaim")
          .put("claimName", "{{inputs.parameters." + volume + "-name}}");
    }
    if (labels.size() == 0) {
      metadata.remove("labels");
    }
    return t;
  }

  private static String pipelineSpec(PipelineModel p) {
    ObjectNode spec = NODES.objectNode();
    if (p.description() != null) {
      spec.put("description", p.description());
    }
    if (!p.parameters().isEmpty()) {
      ArrayNode inputs = spec.putArray("inputs");
      for (PipelineModel.Parameter param : p.parameters()) {
        ObjectNode n = inputs.addObject();
        n.put("name", param.name());
        if (param.kfpType() != null) {
          n.put("type", param.kfpType());
        }
        if (param.defaultText() != null) {
          n.put("default", param.defaultText());
        }
      }
    }
    spec.put("name", p.name());
    return PyJson.write(spec);
  }
}
