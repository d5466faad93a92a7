package dev.kfp4j.format.argo;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Channels;
import dev.kfp4j.model.Condition;
import dev.kfp4j.model.Loop;
import dev.kfp4j.model.Node;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Predicate;
import dev.kfp4j.model.ResourceStep;
import dev.kfp4j.model.Task;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.model.VolumeStep;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.InputSpec;
import dev.kfp4j.yaml.Yaml;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads Argo DAG templates into the model's nodes: container, resource and volume templates as
 * steps; a task with {@code when} as a {@link Condition}, with {@code withItems}/{@code withParam}
 * as a {@link Loop} (with both, the condition inside the loop, as Argo tests it per item), named
 * as {@link TaskGroups} says; a plain nested DAG's tasks into the DAG that runs it. References
 * ({@code {{workflow.parameters.x}}}, {@code {{inputs.parameters.x}}}, {@code {{tasks.t.outputs...}}},
 * {@code {{item}}}) become the arguments they name.
 */
final class DagReader {
  /** The keys of a DAG task that are read; any other is refused, not dropped. */
  private static final List<String> TASK_KEYS =
      List.of("name", "template", "dependencies", "depends", "arguments", "when", "withItems", "withParam");
  private static final Pattern REFERENCE = Pattern.compile("\\{\\{\\s*([^{}]+?)\\s*}}");

  private final String source;
  private final Map<String, JsonNode> templates;
  private final Set<String> workflowParameters;
  /** Each template's component, read once, so tasks of one template share it. */
  private final Map<String, ComponentReader.Component> specs = new HashMap<>();
  private final TaskGroups groups;
  /** The tasks read that wait for others whatever happened to them ({@link AfterAll}). */
  private final Set<String> afterAll = new java.util.HashSet<>();
  /** The conditions read that are a loop task's own {@code when} ({@link #loopWhens}). */
  private final Set<String> loopWhens = new java.util.TreeSet<>();

  /** What a template's body sees: its input parameters and artifacts as arguments. */
  record Scope(Map<String, Argument> parameters, Map<String, Argument> artifacts) {}

  DagReader(String source, Map<String, JsonNode> templates, Set<String> workflowParameters) {
    this.source = source;
    this.templates = templates;
    this.workflowParameters = workflowParameters;
    this.groups = new TaskGroups(templates);
  }

  /** The groups read so far that are made around a step ({@link TaskGroups}). */
  Set<String> groupsAroundSteps() {
    return groups.aroundSteps();
  }

  /**
   * The conditions read that are the {@code when} of a task with {@code withParam} (the only node of its loop), which
   * Argo's {@code expandTask} tests before the items when the {@code withParam} is no JSON list: the task is skipped where
   * it is false without them.
   */
  Set<String> loopWhens() {
    return Set.copyOf(loopWhens);
  }

  /** The nodes of DAG template {@code name} in {@code scope}. */
  List<Node> read(String name, Scope scope) {
    List<DagDraft> drafts = dag(template(name, "spec"), scope);
    List<Node> out = new ArrayList<>();
    for (DagDraft d : flatten(drafts)) {
      out.add(d.build(afterAll));
    }
    return VolumeManifests.withDeletions(out, afterAll);
  }

  /** The exit task: a container template run alone, or a DAG of one such task. */
  Task exitTask(String name, Scope scope) {
    JsonNode t = template(name, "spec.onExit");
    if (t.has("dag")) {
      List<Node> nodes = read(name, scope);
      if (nodes.size() != 1 || !(nodes.get(0) instanceof Task task)) {
        throw new FormatException(source + ": the exit handler '" + name + "' runs "
            + (nodes.size() == 1 ? "its task under a condition or a loop" : nodes.size() + " nodes")
            + "; kfp4j's model has one exit task, run unconditionally");
      }
      return task;
    }
    DagDraft d = step(name, name, t, Map.of(), Map.of(), false, scope, List.of(), name, Map.of(), Set.of());
    return (Task) d.build(afterAll);
  }

  private static List<DagDraft> flatten(List<DagDraft> drafts) {
    List<DagDraft> out = new ArrayList<>();
    for (DagDraft d : drafts) {
      if (d.make == null) {
        out.addAll(flatten(d.children));
      } else {
        out.add(d);
      }
    }
    return out;
  }

  private JsonNode template(String name, String where) {
    JsonNode t = templates.get(name);
    if (t == null) {
      throw new FormatException(source + ": " + where + " names an unknown template '" + name + "'; templates are " + templates.keySet());
    }
    return t;
  }

  private List<DagDraft> dag(JsonNode template, Scope scope) {
    String templateName = template.path("name").asString("");
    String at = source + ": template '" + templateName + "'";
    ComponentReader.checkKeys(template, at);
    TemplateIo.checkRun(template, at);
    Map<String, JsonNode> tasks = new LinkedHashMap<>();
    for (JsonNode t : template.path("dag").path("tasks")) {
      tasks.put(t.path("name").asString(""), t);
    }
    AfterAll.checkTarget(template, tasks, at);
    // by task name: a step under a condition or loop of its own is a group of another name
    Map<String, DagDraft> drafts = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> t : tasks.entrySet()) {
      drafts.put(t.getKey(), task(t.getValue(), templateName, scope, tasks));
    }
    // dependencies on siblings: on every step inside a group sibling; a group's own pass to its steps
    for (Map.Entry<String, DagDraft> e : drafts.entrySet()) {
      DagDraft d = e.getValue();
      List<String> steps = new ArrayList<>();
      for (String dep : d.dependencies) {
        DagDraft sibling = drafts.get(dep);
        if (sibling == null) {
          throw new FormatException(source + ": task '" + e.getKey() + "' of template '" + templateName + "' depends on an unknown task '" + dep + "'");
        }
        steps.addAll(sibling.leafStepNames()); // Argo links a task after a DAG task to its leaves
      }
      if (d.group || d.make == null) {
        d.pushAfter(steps);
      } else {
        d.after.addAll(0, steps);
      }
    }
    return new ArrayList<>(drafts.values());
  }

  private DagDraft task(JsonNode task, String dagName, Scope scope, Map<String, JsonNode> siblings) {
    String name = task.path("name").asString("");
    String where = "task '" + name + "' of template '" + dagName + "'";
    for (String key : task.propertyNames()) {
      if (!TASK_KEYS.contains(key)) {
        throw new FormatException(source + ": " + where + " uses '" + key + "', which kfp4j's model does not hold; it reads "
            + String.join(", ", TASK_KEYS.subList(0, TASK_KEYS.size() - 1)) + " and " + TASK_KEYS.get(TASK_KEYS.size() - 1));
      }
    }
    JsonNode template = template(task.path("template").asString(""), where);
    Map<String, Depends.Wait> waits = task.hasNonNull("depends")
        ? Depends.waits(task.get("depends").asString(""), siblings, source + ": " + where) : Map.of();
    List<String> dependencies = ArgumentTexts.dependencies(task, waits.keySet());
    if (waits.containsValue(Depends.Wait.ANY)) {
      if (!template.has("resource") || task.has("when") || task.has("withItems") || task.has("withParam")) {
        throw new FormatException(source + ": " + where + " runs " + (template.has("resource") ? "under a when or a loop" : "no "
            + "resource template") + " whatever happened to the tasks it waits for (its depends takes their .Failed, .Errored, "
            + ".Skipped and .Omitted too), which kfp4j reads only for the deletion of a claim a volume step of its DAG makes");
      }
      afterAll.add(name); // a claim's deletion, or refused with its DAG's nodes (VolumeManifests.withDeletions)
    }
    TaskGroups.Names groups = this.groups.of(task);
    String loop = groups.loop();
    Map<String, Argument> parameters = new LinkedHashMap<>();
    Map<String, Argument> artifacts = new LinkedHashMap<>();
    Map<String, Argument> channels = new LinkedHashMap<>();
    for (JsonNode p : task.path("arguments").path("parameters")) {
      String text = p.path("value").asString("");
      parameters.put(p.path("name").asString(""), template.has("container") ? joined(text, scope, loop, siblings, where, channels)
          : value(text, scope, loop, siblings, where));
    }
    for (JsonNode a : task.path("arguments").path("artifacts")) {
      String input = a.path("name").asString("");
      OptionalArguments.check(a, template, siblings, templates, source + ": " + where);
      if (a.hasNonNull("from")) {
        artifacts.put(input, value(a.get("from").asString(), scope, loop, siblings, where));
      } else if (a.has("raw")) {
        artifacts.put(input, value(a.path("raw").path("data").asString(""), scope, loop, siblings, where));
      } else {
        throw new FormatException(source + ": " + where + " passes artifact '" + input + "' from neither 'from' nor 'raw'; kfp4j reads those");
      }
    }
    List<DagDraft> content;
    if (!template.has("dag")) {
      // the writers list a task's arguments by kind in the order of the first of each: keep that order
      boolean artifactsFirst = task.path("arguments").propertyNames().iterator().hasNext()
          && task.path("arguments").propertyNames().iterator().next().equals("artifacts");
      DagDraft step = step(name, task.path("template").asString(""), template, parameters, artifacts, artifactsFirst, scope,
          dependencies, where, channels, ArgoKeys.optionalArguments(task));
      if (groups.condition() == null && loop == null) {
        return step;
      }
      content = List.of(step);
    } else {
      content = flatten(dag(template, new Scope(TemplateIo.withDefaults(parameters, template), artifacts)));
    }
    DagDraft d = null;
    if (groups.condition() != null) {
      // Argo tests a looped task's when once per item: the condition sits inside the loop and may read the item
      Predicate predicate = WhenParser.parse(task.get("when").asString(""), source + ": " + where,
          text -> value(text, scope, loop, siblings, where));
      d = group(groups.condition(), dependencies, content, (after, body) -> new Condition(groups.condition(), predicate, body));
      if (task.has("withParam")) {
        loopWhens.add(groups.condition());
      }
    }
    if (loop != null) {
      Loop.Items items = task.has("withItems") ? ArgumentTexts.constants(task.get("withItems")) : over(task.get("withParam").asString(""), scope, siblings, where);
      // a DAG template's parallelism limits its loop; a step's own parallelism is not the loop's
      int parallelism = template.has("dag") ? template.path("parallelism").asInt(0) : 0;
      d = group(loop, dependencies, d == null ? content : List.of(d), (after, body) -> new Loop(loop, items, parallelism, body));
    }
    if (d == null) {
      d = group(name, dependencies, content, null); // a plain nested DAG
    }
    return d;
  }

  /** A group's draft: {@code make} builds it from its body (null: a plain nested DAG, whose nodes are its parent's). */
  private static DagDraft group(String name, List<String> dependencies, List<DagDraft> children,
      java.util.function.BiFunction<List<String>, List<Node>, Node> make) {
    DagDraft d = new DagDraft(name, dependencies);
    d.group = true;
    d.children.addAll(children);
    d.make = make;
    return d;
  }

  private DagDraft step(String name, String templateName, JsonNode template, Map<String, Argument> parameters,
      Map<String, Argument> artifacts, boolean artifactsFirst, Scope scope, List<String> dependencies, String where,
      Map<String, Argument> channels, Set<String> optional) {
    DagDraft d = new DagDraft(name, dependencies);
    if (template.has("resource")) {
      d.make = resource(name, template, parameters, where);
      return d;
    }
    if (!template.has("container")) {
      throw new FormatException(source + ": " + where + " runs template '" + templateName
          + "', which is neither a container, a resource nor a DAG; kfp4j reads those");
    }
    ComponentReader.Component component = component(templateName, template);
    ComponentSpec spec = component.spec();
    List<TaskSetting> settings = new ArrayList<>(SettingsReader.read(template, writtenEnv(template, spec),
        Set.of(Argo.COMPONENT_SPEC), source + ": template '" + templateName + "'"));
    settings.addAll(component.envSettings());
    settings.addAll(ArgoKeys.read(template, spec, optional));
    String image = template.path("container").path("image").asString("");
    if (ComponentReader.writtenByKfp4j(template) && !image.equals(spec.container().image())) {
      try {
        settings.add(new TaskSetting.ContainerImage(Argument.Constant.of(image))); // containerImage(...)'s, in the component's place
      } catch (IllegalArgumentException e) {
        throw new FormatException(source + ": template '" + templateName + "': container.image: " + e.getMessage(), e);
      }
    }
    Set<String> volumeInputs = new java.util.HashSet<>();
    for (TaskSetting s : settings) {
      if (s instanceof TaskSetting.VolumeMount m) {
        volumeInputs.add(m.volume() + "-name");
      }
    }
    Map<String, Argument> arguments = new LinkedHashMap<>();
    Map<String, Argument> given = new LinkedHashMap<>(artifactsFirst ? artifacts : parameters);
    given.putAll(artifactsFirst ? parameters : artifacts);
    // the workflow names inputs as Argo takes them ({@code Hash-algorithm}); the component as it says
    TemplateIo.checkGiven(component.sources(), given.keySet(), source + ": template '" + templateName + "'",
        where.equals(name) ? "the workflow, which runs it alone," : where);
    Map<String, String> inputNames = ArgoKeys.inverse(ContainerTemplate.argoInputs(spec));
    for (Map.Entry<String, Argument> e : given.entrySet()) {
      if (volumeInputs.contains(e.getKey()) || RunNames.isInput(e.getKey()) && spec.input(e.getKey()).isEmpty()) {
        continue;
      }
      InputSpec in = spec.input(inputNames.getOrDefault(e.getKey(), e.getKey())).orElseThrow(() -> new FormatException(source + ": "
          + where + " passes '" + e.getKey() + "', which template '" + templateName + "' does not take"));
      Argument a = typed(e.getValue(), in);
      if (!(a instanceof Argument.Constant c && c.text().equals(in.defaultValue()))) {
        arguments.put(in.name(), a);
      }
    }
    arguments.putAll(channels);
    // the workflow's variables the template's text names, given as the inputs made for them
    component.globals().forEach((input, variable) -> arguments.put(input, value("{{" + variable + "}}", scope, null, Map.of(),
        "template '" + templateName + "'")));
    try {
      settings.replaceAll(s -> RunNames.resolve(s, given));
    } catch (IllegalArgumentException e) {
      throw new FormatException(source + ": " + where + ": " + e.getMessage(), e);
    }
    d.make = (after, body) -> new Task(name, spec, arguments, after, settings);
    return d;
  }

  /** The component's name of the output a task's template names {@code argoName} in the workflow. */
  private String outputName(JsonNode task, String argoName) {
    JsonNode template = templates.get(task.path("template").asString(""));
    if (template == null || !ComponentReader.writtenByKfp4j(template)) {
      return argoName;
    }
    ComponentSpec spec = component(task.path("template").asString(""), template).spec();
    return ArgoKeys.inverse(ContainerTemplate.argoOutputs(spec)).getOrDefault(argoName, argoName);
  }

  private ComponentReader.Component component(String name, JsonNode template) {
    return specs.computeIfAbsent(name, n -> ComponentReader.component(template, source + ": template '" + n + "'"));
  }

  /** How many env entries of a template kfp4j wrote come from the component itself. */
  private static int writtenEnv(JsonNode template, ComponentSpec spec) {
    return ComponentReader.writtenByKfp4j(template) ? spec.container().env().size() : template.path("container").path("env").size();
  }

  private java.util.function.BiFunction<List<String>, List<Node>, Node> resource(String name, JsonNode template,
      Map<String, Argument> arguments, String where) {
    JsonNode r = template.get("resource");
    Map<String, String> outputs = new LinkedHashMap<>();
    for (JsonNode p : template.path("outputs").path("parameters")) {
      outputs.put(p.path("name").asString(""), p.path("valueFrom").path("jsonPath").asString(""));
    }
    List<TaskSetting> settings = SettingsReader.read(template, 0, Set.of(), source + ": template '" + template.path("name").asString("") + "'");
    String manifest = r.path("manifest").asString("");
    String action = r.path("action").asString("");
    VolumeStep volume = VolumeManifests.read(name, action, manifest, outputs, arguments, settings);
    if (volume != null) {
      return (after, body) -> new VolumeStep(volume.name(), volume.resourceName(), volume.size(), volume.accessMode(),
          volume.storageClass(), after, settings, volume.deletion(), volume.uniqueName());
    }
    String success = r.hasNonNull("successCondition") ? r.get("successCondition").asString() : null;
    String failure = r.hasNonNull("failureCondition") ? r.get("failureCondition").asString() : null;
    return (after, body) -> new ResourceStep(name, action, manifest, arguments, success, failure, outputs, after, settings);
  }

  private static Argument typed(Argument a, InputSpec in) {
    if (a instanceof Argument.Constant c && in.type() != null) {
      ParameterType type = ParameterType.ofV1Name(in.type().name());
      return type == null ? c : new Argument.Constant(c.text(), type);
    }
    return a;
  }

  private Loop.Items over(String value, Scope scope, Map<String, JsonNode> siblings, String where) {
    Argument source = value(value, scope, null, siblings, where);
    if (source instanceof Argument.Constant c) {
      JsonNode list = Yaml.readJsonAsRaw(c.text(), 2);
      if (!list.isArray()) {
        throw new FormatException(this.source + ": " + where + ": withParam '" + value + "' is not a JSON list");
      }
      return ArgumentTexts.jsonConstants(list);
    }
    return new Loop.Over(source);
  }

  /**
   * The argument a container task's argument text gives: as {@link #value}, or, for a text with references among other text (KFP
   * v1's compiler's f-string, {@code {{item}} and {{tasks.n.outputs.parameters.Output}} > 5!}), the text with KFP 2's placeholder
   * of a channel in the place of each reference, the channels added to {@code channels} as KFP 2's compiler names them.
   */
  private Argument joined(String text, Scope scope, String loop, Map<String, JsonNode> siblings, String where,
      Map<String, Argument> channels) {
    Matcher m = REFERENCE.matcher(text);
    if (!m.find() || m.start() == 0 && m.end() == text.length()) {
      return value(text, scope, loop, siblings, where);
    }
    StringBuilder out = new StringBuilder();
    int from = 0;
    do {
      Argument a = value(m.group(), scope, loop, siblings, where);
      String name = a instanceof Argument.PipelineParameter p ? p.name()
          : a instanceof Argument.TaskOutput o ? o.task() + "-" + o.output()
          : a instanceof Argument.LoopItem i ? Channels.loopItemParam(i.loop()) + (i.field() == null ? "" : "-subvar-" + i.field())
          : null;
      if (name == null) {
        throw new FormatException(source + ": " + where + ": '" + text + "' joins '" + m.group()
            + "' into a text; kfp4j's model joins parameters, task outputs and loop items (KFP's f-strings)");
      }
      channels.put(Channels.PREFIX + name, a);
      out.append(text, from, m.start()).append(Channels.placeholder(Channels.PREFIX + name));
      from = m.end();
    } while (m.find());
    return Argument.Constant.of(out.append(text.substring(from)).toString());
  }

  /** The argument a task argument's text names: a whole reference, or a constant. */
  private Argument value(String text, Scope scope, String loop, Map<String, JsonNode> siblings, String where) {
    Matcher m = REFERENCE.matcher(text);
    if (!m.find()) {
      return ArgumentTexts.constant(text);
    }
    if (m.start() != 0 || m.end() != text.length()) {
      throw new FormatException(source + ": " + where + ": '" + text
          + "' mixes text and references; kfp4j's model passes a whole value (a parameter, an output, an item or a constant)");
    }
    String[] ref = m.group(1).split("\\.");
    String whole = m.group(1);
    if (ref.length == 3 && ref[0].equals("workflow") && ref[1].equals("parameters")) {
      if (!workflowParameters.contains(ref[2])) {
        throw new FormatException(source + ": " + where + ": '" + text + "' names no parameter of the workflow; it has " + workflowParameters);
      }
      return new Argument.PipelineParameter(ref[2]);
    }
    if (ref.length == 2 && ref[0].equals("workflow") && Argo.runValue(ref[1]) != null) {
      return Argo.runValue(ref[1]);
    }
    if (ref.length == 3 && ref[0].equals("inputs")) {
      Map<String, Argument> inputs = ref[1].equals("artifacts") ? scope.artifacts() : scope.parameters();
      Argument a = inputs.get(ref[2]);
      if (a == null) {
        throw new FormatException(source + ": " + where + ": '" + text + "' names no input of the template that holds it");
      }
      return a;
    }
    if (ref.length == 5 && ref[0].equals("tasks") && ref[2].equals("outputs")) {
      if (!siblings.containsKey(ref[1])) {
        throw new FormatException(source + ": " + where + ": '" + text + "' names no task of the same DAG");
      }
      JsonNode producer = siblings.get(ref[1]);
      TaskGroups.Names producerGroups = groups.of(producer);
      if (producerGroups.aroundStep()) {
        throw new FormatException(source + ": " + where + ": '" + text + "' reads an output of task '" + ref[1]
            + "', which runs " + (producerGroups.loop() != null ? "once per item (withItems/withParam)" : "only when its 'when' holds")
            + "; kfp4j's model reads such a task's outputs only inside its loop or condition: move the reader there");
      }
      return new Argument.TaskOutput(ref[1], outputName(siblings.get(ref[1]), ref[4]));
    }
    if (whole.equals("item") || (ref.length == 2 && ref[0].equals("item"))) {
      if (loop == null) {
        throw new FormatException(source + ": " + where + ": '" + text + "' is used outside withItems/withParam");
      }
      return new Argument.LoopItem(loop, ref.length == 2 ? ref[1] : null);
    }
    throw new FormatException(source + ": " + where + ": kfp4j does not read the reference '" + text + "'");
  }
}
