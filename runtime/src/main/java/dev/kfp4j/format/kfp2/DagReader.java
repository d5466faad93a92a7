package dev.kfp4j.format.kfp2;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Condition;
import dev.kfp4j.model.Loop;
import dev.kfp4j.model.Node;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Predicate;
import dev.kfp4j.model.Task;
import dev.kfp4j.model.RunSetting;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.model.VolumeStep;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.yaml.Yaml;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads the DAGs of a KFP 2 pipeline spec into the model's nodes: container tasks, kfp-kubernetes'
 * PVC steps as volume steps, importers as importer steps, groups by what their task says (an
 * iterator: a loop; a condition: a condition; a chain of conditions: branches); a plain nested
 * DAG's tasks into the DAG that runs it, a nested pipeline's named uniquely in the whole pipeline
 * ({@link TaskScope}); a condition on a task that runs a container as a condition around that task
 * ({@code condition-<task>}). Inputs become the arguments they name through each DAG's inputs,
 * those a DAG's task does not give as KFP's driver fills them in ({@link GroupInputs}).
 */
final class DagReader {
  private static final Pattern SELECTOR = Pattern.compile("parseJson\\(string_value\\)\\[\"([^\"]+)\"]");

  private final String source;
  private final JsonNode components;
  private final JsonNode executors;
  private final JsonNode kubernetes;
  private final Map<String, ComponentSpec> specs = new HashMap<>();
  /** The names of the spec's tasks, in every DAG, and of the groups made around a task: no new group takes one. */
  private final Set<String> taken = new HashSet<>();
  /** The names the model's nodes have been given ({@link TaskScope}). */
  private final Set<String> used = new HashSet<>();
  private final CollectedReader collects;
  /** The root pipeline's task names, set by {@link #root}. */
  private TaskScope rootScope;
  /** The groups made around one task that runs a container ({@code condition-<task>}), which a run shows as that task. */
  final Set<String> aroundSteps = new TreeSet<>();
  /** The exit task found at the root, if any. */
  Task exitTask;
  /** The exit task's name in the spec's root DAG, or null. */
  private String exitName;
  /** The exit handler's own name (its group's display name), or null. */
  String exitHandlerName;
  /** The pipeline run as the exit task found at the root, if any. */
  dev.kfp4j.model.ExitPipeline exitPipeline;
  /** The loops read from an {@code artifactIterator}, by name, with where each is ({@link ArtifactLoops#check}). */
  final Map<String, String> artifactLoops = new java.util.LinkedHashMap<>();

  /** Whether a task running another pipeline is read as a call of it ({@link Kfp2Reader#readNested}), not as its tasks. */
  private final boolean keepCalls;
  private final JsonNode spec;
  private final JsonNode platform;

  DagReader(String source, JsonNode spec, JsonNode platform, boolean keepCalls) {
    this.keepCalls = keepCalls;
    this.spec = spec;
    this.platform = platform;
    this.source = source;
    this.components = spec.path("components");
    this.executors = spec.path("deploymentSpec").path("executors");
    this.collects = new CollectedReader(components, source, this);
    this.kubernetes = platform == null ? Yaml.object()
        : platform.path("platforms").path("kubernetes").path("deploymentSpec").path("executors");
    taken.addAll(spec.path("root").path("dag").path("tasks").propertyNames());
    components.forEach(c -> taken.addAll(c.path("dag").path("tasks").propertyNames()));
  }

  List<Node> root(JsonNode dag, Map<String, Argument> inputs) {
    rootScope = TaskScope.root(components, dag, used);
    exitName = TriggerPolicies.exitName(dag, components, executors);
    exitHandlerName = TriggerPolicies.exitHandlerName(dag, exitName);
    List<Node> out = new ArrayList<>();
    for (Draft d : dag(rootScope, dag, inputs, "root", true)) {
      out.add(d.build());
    }
    return out;
  }

  /**
   * What a DAG's output parameter {@code key} of its task {@code producer} stands for: that task's
   * output, or, when {@code producer} is a loop whose DAG outputs a task's value (of its body, or
   * through the loops, conditions and pipelines in it), those values collected ({@code
   * dsl.Collected}, {@link CollectedReader}), or, when it is a plain nested DAG (the exit handler's) whose
   * DAG outputs a value of its own task, what that value stands for in there.
   */
  Argument output(JsonNode dag, String producer, String key) {
    return output(rootScope, dag, producer, key);
  }

  private Argument output(TaskScope scope, JsonNode dag, String producer, String key) {
    JsonNode producerTask = dag.path("tasks").path(producer);
    JsonNode comp = components.path(producerTask.path("componentRef").path("name").asString(""));
    JsonNode from = comp.path("dag").path("outputs").path("parameters").path(key).path("valueFromParameter");
    JsonNode oneOf = comp.path("dag").path("outputs").path("parameters").path(key).path("valueFromOneof").path("parameterSelectors");
    if (!oneOf.isEmpty()) {
      return OneOfReader.read(components, source, scope, dag, producer, comp, oneOf, false);
    }
    if ((TaskKinds.isLoop(producerTask) || TaskKinds.collectsInNoLoop(producer, producerTask, comp)) && from.has("producerSubtask")) {
      return collects.read(scope, dag, producer, comp, key, false);
    }
    if (keptCall(producer, producerTask, comp)) {
      return new Argument.TaskOutput(scope.name(dag, producer), key);
    }
    if (TaskKinds.plainGroup(producer, producerTask, comp) && from.has("producerSubtask")) {
      return output(inner(scope, dag, producer, producerTask, comp), comp.get("dag"), from.get("producerSubtask").asString(""),
          from.path("outputParameterKey").asString(""));
    }
    return new Argument.TaskOutput(scope.name(dag, producer), key);
  }

  /**
   * What a DAG's output artifact {@code key} of its task {@code producer} stands for: that task's
   * output, or, when {@code producer} is a loop whose DAG selects an artifact of a task (of its
   * body, or through the groups in it), those artifacts collected (a list of artifacts, {@code
   * isArtifactList}), or, from a plain nested DAG
   * (the exit handler's), the output of its task it selects.
   */
  Argument artifactOutput(JsonNode dag, String producer, String key) {
    return artifactOutput(rootScope, dag, producer, key);
  }

  private Argument artifactOutput(TaskScope scope, JsonNode dag, String producer, String key) {
    JsonNode producerTask = dag.path("tasks").path(producer);
    JsonNode comp = components.path(producerTask.path("componentRef").path("name").asString(""));
    JsonNode selectors = comp.path("dag").path("outputs").path("artifacts").path(key).path("artifactSelectors");
    if (selectors.size() > 1) {
      return OneOfReader.read(components, source, scope, dag, producer, comp, selectors, true);
    }
    if ((TaskKinds.isLoop(producerTask) || TaskKinds.collectsInNoLoop(producer, producerTask, comp)) && selectors.size() == 1
        && selectors.get(0).has("producerSubtask")) {
      return collects.read(scope, dag, producer, comp, key, true);
    }
    if (keptCall(producer, producerTask, comp)) {
      return new Argument.TaskOutput(scope.name(dag, producer), key);
    }
    if (TaskKinds.plainGroup(producer, producerTask, comp) && selectors.size() == 1 && selectors.get(0).has("producerSubtask")) {
      return artifactOutput(inner(scope, dag, producer, producerTask, comp), comp.get("dag"),
          selectors.get(0).get("producerSubtask").asString(""), selectors.get(0).path("outputArtifactKey").asString(""));
    }
    return new Argument.TaskOutput(scope.name(dag, producer), key);
  }

  /** The scope of the DAG that task {@code name} of {@code dag} runs: its own when it runs another pipeline, else {@code scope}. */
  static TaskScope inner(TaskScope scope, JsonNode dag, String name, JsonNode task, JsonNode comp) {
    return TaskKinds.runsPipeline(name, task, comp) ? scope.nested(dag, name) : scope;
  }

  /**
   * Whether task {@code name} runs another pipeline, read as a call of it: when calls are kept, or when it is the exit task of
   * one of several exit handlers, which a flat read puts in as a call ({@link Kfp2Reader}).
   */
  boolean keptCall(String name, JsonNode task, JsonNode comp) {
    return TaskKinds.runsPipeline(name, task, comp)
        && (keepCalls && !task.path("triggerPolicy").has("strategy") || handlerExitCall(name, task));
  }

  /**
   * Whether task {@code name}, running a pipeline whatever happened ({@code ALL_UPSTREAM_TASKS_COMPLETED}), is the exit task of
   * one of several exit handlers: waiting for one group {@code exit-handler-N} (KFP's compiler's name), but not the one exit
   * handler's exit pipeline ({@link ExitReader}); read as a call run after a failure.
   */
  private boolean handlerExitCall(String name, JsonNode task) {
    return TriggerPolicies.afterAll(task) && !task.path("triggerPolicy").has("condition") && !task.has("parameterIterator")
        && task.path("dependentTasks").size() == 1 && task.path("dependentTasks").path(0).asString("").startsWith("exit-handler-")
        && !name.equals(exitName);
  }

  private List<Draft> dag(TaskScope scope, JsonNode dag, Map<String, Argument> inputs, String where, boolean root) {
    Map<String, Draft> drafts = new LinkedHashMap<>();
    Map<String, JsonNode> tasks = RunOrder.of(dag.path("tasks"));
    for (Map.Entry<String, JsonNode> t : tasks.entrySet()) {
      Draft d = task(scope, t.getKey(), t.getValue(), inputs, where, root, dag);
      if (d != null) {
        t.getValue().path("dependentTasks").forEach(x -> d.dependencies.add(x.asString("")));
        drafts.put(t.getKey(), d); // by task name: a task under a condition of its own is a group of another name
      }
    }
    for (Draft d : drafts.values()) {
      List<String> steps = new ArrayList<>();
      for (String dep : d.dependencies) {
        Draft sibling = drafts.get(dep);
        if (sibling == null && !tasks.containsKey(dep)) {
          throw new FormatException(source + ": " + where + ", task '" + d.name + "' depends on an unknown task '" + dep + "'");
        }
        if (sibling != null && sibling.deletes != null) {
          throw new FormatException(source + ": " + where + ", task '" + d.name + "' runs after task '" + dep + "', which deletes a "
              + "claim; kfp4j's model runs nothing after a claim's deletion");
        }
        if (sibling != null) {
          steps.addAll(sibling.stepNames());
        }
      }
      d.pushAfter(steps);
    }
    VolumeTasks.link(drafts, source + ": " + where);
    List<Draft> out = new ArrayList<>();
    for (Draft d : drafts.values()) {
      if (d.make == null) {
        out.addAll(d.children); // a plain nested DAG: its nodes are this DAG's
      } else {
        out.add(d);
      }
    }
    return out;
  }

  private Draft task(TaskScope scope, String specName, JsonNode task, Map<String, Argument> inputs, String where, boolean root,
      JsonNode dag) {
    String at = where + ", task '" + specName + "'";
    String compName = task.path("componentRef").path("name").asString("");
    JsonNode comp = components.path(compName);
    if (comp.isMissingNode()) {
      throw new FormatException(source + ": " + at + ": componentRef '" + compName + "' names no component");
    }
    String name = scope.name(dag, specName); // the model's: unique in the pipeline
    Draft d = new Draft(name);
    if (comp.has("executorLabel")) {
      String label = comp.get("executorLabel").asString("");
      JsonNode executor = executors.path(label);
      String image = executor.path("container").path("image").asString("");
      String condition = task.path("triggerPolicy").path("condition").asString("");
      if (TaskKinds.isLoop(task)) {
        throw new FormatException(source + ": " + at + " runs a container with a " + (task.has("artifactIterator")
            ? "artifactIterator" : "parameterIterator") + "; kfp4j reads a loop as a task running a DAG component, as KFP's "
            + "compiler writes dsl.ParallelFor");
      }
      boolean exit = root && specName.equals(exitName);
      if (!condition.isEmpty() && (exit || image.startsWith("argostub/"))) {
        throw new FormatException(source + ": " + at + " has a triggerPolicy.condition, which kfp4j's model does not hold on "
            + (exit ? "the exit task, which runs whatever happened" : "a volume's createpvc or deletepvc") + "; put it on a group task");
      }
      if (image.equals("argostub/deletepvc")) { // its volume step's deletion: read onto it ({@link VolumeTasks#link})
        d.deletes = VolumeTasks.deletedClaim(task, dag, components, executors, source + ": " + at);
        d.whateverHappened = TriggerPolicies.afterAll(task);
        d.settings = VolumeTasks.settings(task);
        return d;
      }
      if (image.equals("argostub/createpvc")) {
        d.make = volume(name, task, inputs, at, d);
        return d;
      }
      if (executor.has("importer")) {
        if (!condition.isEmpty() || TriggerPolicies.afterAll(task)) {
          throw new FormatException(source + ": " + at + " imports an artifact " + (exit ? "as the exit task"
              : TriggerPolicies.afterAll(task) ? "after a failure (ignore_upstream_failure)" : "under a triggerPolicy.condition of its own")
              + ", which kfp4j's model does not hold; put it in a group task");
        }
        Map<String, Argument> arguments = arguments(scope, task, inputs, comp, at, dag);
        d.make = ImporterReader.read(name, task, comp, executor.get("importer"), kubernetes.path(label), arguments, source + ": " + at);
        return d;
      }
      Map<String, Argument> arguments = arguments(scope, task, inputs, comp, at, dag);
      Predicate predicate = condition.isEmpty() ? null : CelParser.taskCondition(condition, arguments, comp, source + ": " + at);
      taskDraft(scope, d, compName, comp, executor, label, task, arguments, inputs, at, dag);
      if (!exit && TriggerPolicies.afterAll(task)) {
        BiFunction<List<String>, List<Node>, Node> make = d.make;
        d.make = (after, body) -> ((Task) make.apply(after, body)).with(new RunSetting.IgnoreUpstreamFailure());
      }
      if (exit) {
        exitTask = (Task) d.build();
        return null;
      }
      return predicate == null ? d : around(d, predicate);
    }
    if (keptCall(specName, task, comp) && !(root && specName.equals(exitName))) {
      d.make = CallReader.read(spec, platform, name, task, compName, arguments(scope, task, inputs, comp, at, dag), source + ": " + at);
      return d;
    }
    d.group = true;
    Map<String, Argument> groupInputs = arguments(scope, task, inputs, comp, at, dag);
    GroupInputs.notGiven(groupInputs, comp);
    if (TriggerPolicies.afterAll(task) && !(root && specName.equals(exitName))) {
      throw new FormatException(source + ": " + at + " runs a DAG (a pipeline) even when a task it waits for failed "
          + "(ignore_upstream_failure, or one of several exit handlers); kfp4j's model runs a task after a failure, or one pipeline "
          + "as the exit task");
    }
    if (root && specName.equals(exitName)) {
      exitPipeline = ExitReader.read(name, specName, task, comp, at, source,
          () -> dag(inner(scope, dag, specName, task, comp), comp.get("dag"), groupInputs, "component '" + compName + "'", false));
      return null;
    }
    if (task.has("parameterIterator")) {
      JsonNode it = task.get("parameterIterator");
      Loop.Items items;
      if (it.path("items").has("raw")) {
        items = Values.loopItems(it.path("items").path("raw").asString("[]"), source + ": " + at);
      } else {
        Argument over = lookup(groupInputs, it.path("items").path("inputParameter").asString(""), at);
        // a constant list given to the DAG: a nested pipeline's default, or its caller's constant
        items = over instanceof Argument.Constant c ? Values.loopItems(c.text(), source + ": " + at) : new Loop.Over(over);
      }
      groupInputs.put(it.path("itemInput").asString(""), new Argument.LoopItem(name, null));
      int parallelism = task.path("iteratorPolicy").path("parallelismLimit").asInt(0);
      d.children.addAll(dag(scope, comp.get("dag"), groupInputs, "component '" + compName + "'", false));
      ParameterType declared = ParameterType.ofV2Name(comp.at("/inputDefinitions/parameters").path(it.path("itemInput").asString(""))
          .path("parameterType").asString(""));
      d.make = (after, body) -> ArgumentTypes.declaredItem(new Loop(name, items, parallelism, body), declared);
    } else if (task.has("artifactIterator")) {
      JsonNode it = task.get("artifactIterator");
      String list = it.path("items").path("inputArtifact").asString("");
      Argument over = ArtifactLoops.items(lookup(groupInputs, list, at), comp, list, source + ": " + at);
      artifactLoops.put(name, source + ": " + at);
      groupInputs.put(it.path("itemInput").asString(""), new Argument.LoopItem(name, null));
      int parallelism = task.path("iteratorPolicy").path("parallelismLimit").asInt(0);
      d.children.addAll(dag(scope, comp.get("dag"), groupInputs, "component '" + compName + "'", false));
      d.make = (after, body) -> new Loop(name, new Loop.Over(over), parallelism, body);
    } else if (task.path("triggerPolicy").has("condition")) {
      Predicate p = CelParser.parse(task.get("triggerPolicy").get("condition").asString(""), source + ": " + at,
          input -> lookup(groupInputs, input, at));
      d.children.addAll(dag(scope, comp.get("dag"), groupInputs, "component '" + compName + "'", false));
      d.make = (after, body) -> new Condition(name, p, body);
    } else if (specName.startsWith("condition-branches")) { // KFP's name; the model's may be <caller>-condition-branches-1
      d.children.addAll(dag(scope, comp.get("dag"), groupInputs, "component '" + compName + "'", false));
      d.make = (after, body) -> RunOrder.branches(name, body);
    } else if (root && exitName == null && specName.startsWith("exit-handler-")) {
      // one of several exit handlers, or one beside other tasks: its group, which its exit task beside it waits for
      d.children.addAll(dag(scope, comp.get("dag"), groupInputs, "component '" + compName + "'", false));
      String shown = task.path("taskInfo").path("name").asString("");
      String display = shown.isEmpty() || shown.equals(specName) ? null : shown;
      d.make = (after, body) -> new Condition(name, null, body, display);
    } else {
      d.children.addAll(dag(inner(scope, dag, specName, task, comp), comp.get("dag"), groupInputs, "component '" + compName + "'",
          false));
      d.make = null; // a plain nested DAG: the exit handler's, or another pipeline's
    }
    return d;
  }

  /**
   * Task {@code task}'s draft inside a condition of its own, named {@code condition-<task>} (made unique), as the
   * Argo reader reads a {@code when} on a task that runs a container; the task's dependencies are the group's.
   */
  private Draft around(Draft task, Predicate predicate) {
    String name = "condition-" + task.name;
    for (int n = 2; used.contains(name) || !taken.add(name); n++) {
      name = "condition-" + task.name + "-" + n;
    }
    String group = name;
    used.add(group);
    aroundSteps.add(group);
    Draft d = new Draft(group);
    d.group = true;
    d.children.add(task);
    d.make = (after, body) -> new Condition(group, predicate, body);
    return d;
  }

  /**
   * Refuses a read of an output of {@code producer}, a task of {@code dag}, when it runs under a condition of its own
   * ({@code where} names the reader): the output is there only when the condition holds, and kfp4j's model, as its
   * Argo reader, reads such a task's outputs only inside its condition.
   */
  void notConditional(JsonNode dag, String producer, String where) {
    JsonNode task = dag.path("tasks").path(producer);
    if (!task.path("triggerPolicy").path("condition").asString("").isEmpty()
        && components.path(task.path("componentRef").path("name").asString("")).has("executorLabel")) {
      throw new FormatException(source + ": " + where + " reads an output of task '" + producer + "', which runs only when its "
          + "triggerPolicy.condition holds; kfp4j's model reads such a task's outputs only inside its condition: put the task "
          + "in a condition group (dsl.If) and the reader with it");
    }
  }

  private Draft taskDraft(TaskScope scope, Draft d, String compName, JsonNode comp, JsonNode executor, String label, JsonNode task,
      Map<String, Argument> arguments, Map<String, Argument> inputs, String at, JsonNode dag) {
    String name = d.name;
    ComponentSpec spec = specs.computeIfAbsent(compName,
        k -> ComponentReader.read(k.startsWith("comp-") ? k.substring(5) : k, comp, executor, source + ": " + k));
    List<TaskSetting> settings;
    try {
      settings = SettingsReader.read(name, task, executor.path("container"), kubernetes.path(label),
          (field, claim) -> volumeOf(scope, claim, inputs, at + ", kubernetes setting " + field, dag),
          (field, input) -> SettingsReader.taskInput(source, arguments, comp, field, input, at));
    } catch (IllegalArgumentException e) { // a setting the model refuses, or does not hold
      throw new FormatException(source + ": " + e.getMessage(), e);
    }
    d.make = (after, body) -> new Task(name, spec, arguments, after, settings);
    return d;
  }

  private BiFunction<List<String>, List<Node>, Node> volume(String name, JsonNode task, Map<String, Argument> inputs, String at,
      Draft draft) {
    JsonNode in = task.path("inputs").path("parameters");
    VolumeTasks.Claim claim = VolumeTasks.claim(in, source + ": " + at);
    Argument size = argument(rootScope, in.path("size"), inputs, ParameterType.STRING, at + ", input 'size'", null);
    List<TaskSetting> settings = VolumeTasks.settings(task);
    return (after, body) -> new VolumeStep(name, claim.resourceName(), size, claim.accessMode(), claim.storageClass(), after, settings,
        VolumeTasks.deletion(draft), claim.uniqueName());
  }

  /** What a Kubernetes setting takes when the task runs: the claim a volume mount names (a volume step's), a toleration's JSON. */
  private Argument volumeOf(TaskScope scope, JsonNode claim, Map<String, Argument> inputs, String at, JsonNode dag) {
    String producer = claim.path("taskOutputParameter").path("producerTask").asString("");
    if (claim.has("taskOutputParameter") && (producer.isEmpty() || !dag.path("tasks").has(producer))) {
      throw new FormatException(source + ": " + at + ": its taskOutputParameter names producerTask '" + producer
          + "', which is no task of its DAG");
    }
    Argument a = argument(scope, claim, inputs, null, at, dag);
    if (a instanceof Argument.TaskOutput || a instanceof Argument.PipelineParameter) {
      return a;
    }
    throw new FormatException(source + ": " + at + ": a Kubernetes setting (a claim's name, a toleration) comes from " + a
        + ", not from a volume step, a task output or a pipeline parameter");
  }

  /** A task's inputs as arguments, by input name. */
  private Map<String, Argument> arguments(TaskScope scope, JsonNode task, Map<String, Argument> inputs, JsonNode comp, String at,
      JsonNode dag) {
    Map<String, Argument> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> p : task.path("inputs").path("parameters").properties()) {
      ParameterType type = ParameterType.ofV2Name(comp.path("inputDefinitions").path("parameters").path(p.getKey()).path("parameterType").asString(""));
      String where = at + ", input '" + p.getKey() + "'";
      GroupInputs.put(out, p.getKey(), argument(scope, p.getValue(), inputs, type, where, dag), comp, "parameters", source + ": " + where);
    }
    for (Map.Entry<String, JsonNode> a : task.path("inputs").path("artifacts").properties()) {
      JsonNode spec = a.getValue();
      String where = at + ", input '" + a.getKey() + "'";
      if (spec.has("taskOutputArtifact")) {
        if (dag != null) {
          notConditional(dag, spec.get("taskOutputArtifact").path("producerTask").asString(""), where);
        }
        String producer = spec.get("taskOutputArtifact").path("producerTask").asString("");
        String key = spec.get("taskOutputArtifact").path("outputArtifactKey").asString("");
        out.put(a.getKey(), dag == null ? new Argument.TaskOutput(producer, key) : artifactOutput(scope, dag, producer, key));
      } else if (spec.has("componentInputArtifact")) {
        GroupInputs.put(out, a.getKey(), given(inputs, spec.get("componentInputArtifact").asString(""), where), comp, "artifacts",
            source + ": " + where);
      } else {
        throw new FormatException(source + ": " + where + ": kfp4j reads artifacts from task outputs and DAG inputs");
      }
    }
    return out;
  }

  /** An input's argument; {@code dag} is the DAG the task is in, where a loop's collected outputs are read (or null). */
  private Argument argument(TaskScope scope, JsonNode spec, Map<String, Argument> inputs, ParameterType type, String where,
      JsonNode dag) {
    if (spec.has("componentInputParameter")) {
      Argument a = given(inputs, spec.get("componentInputParameter").asString(""), where);
      Matcher m = SELECTOR.matcher(spec.path("parameterExpressionSelector").asString(""));
      if (m.matches() && a instanceof Argument.LoopItem item) {
        return new Argument.LoopItem(item.loop(), m.group(1));
      }
      return a;
    }
    if (spec.has("taskOutputParameter")) {
      JsonNode o = spec.get("taskOutputParameter");
      String producer = o.path("producerTask").asString("");
      String key = o.path("outputParameterKey").asString("");
      if (dag != null) {
        notConditional(dag, producer, where);
      }
      return dag == null ? new Argument.TaskOutput(producer, key) : output(scope, dag, producer, key);
    }
    if (spec.has("taskFinalStatus")) {
      return new Argument.RunValue(Argument.RunValue.Kind.STATUS); // the exit handler's status, as Kfp2Dags writes it
    }
    if (spec.has("runtimeValue")) {
      Argument.RunValue run = Values.runValue(spec.get("runtimeValue").path("constant").asString(""));
      return run != null ? run : Values.constant(spec.get("runtimeValue").path("constant"), type);
    }
    throw new FormatException(source + ": " + where + ": kfp4j reads inputs from DAG inputs, task outputs and constants");
  }

  /** The argument behind input {@code name} of the enclosing DAG, which must have a value. */
  private Argument lookup(Map<String, Argument> inputs, String name, String where) {
    Argument a = given(inputs, name, where);
    if (GroupInputs.isAbsent(a)) {
      throw new FormatException(source + ": " + where + ": '" + name + "' has no value: it comes from " + GroupInputs.ABSENT_WHAT
          + "; kfp4j's model leaves such an input out of a task that takes it as optional, but has nothing to give a loop, a "
          + "condition or a volume: have the caller pass it, or give it a default");
    }
    return a;
  }

  /** The argument behind input {@code name} of the enclosing DAG, or {@link GroupInputs#isAbsent absent} when it has none. */
  private Argument given(Map<String, Argument> inputs, String name, String where) {
    Argument a = inputs.get(name);
    if (a == null) {
      throw new FormatException(source + ": " + where + ": '" + name + "' is no input of the enclosing DAG; it has " + inputs.keySet());
    }
    return a;
  }
}
