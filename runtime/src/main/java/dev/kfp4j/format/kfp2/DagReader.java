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
  private final String source;
  private final JsonNode components;
  private final JsonNode executors;
  private final JsonNode kubernetes;
  private final Map<String, ComponentSpec> specs = new HashMap<>();
  /** The names of the spec's tasks, in every DAG, and of the groups made around a task: no new group takes one. */
  private final Set<String> taken = new HashSet<>();
  /** The names the model's nodes have been given ({@link TaskScope}). */
  private final Set<String> used = new HashSet<>();
  private final InputReader inputReader;
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
    this.inputReader = new InputReader(source, components, this);
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
   * What a DAG's output parameter {@code key} of its task {@code producer} stands for, in the root pipeline's names: see {@link
   * InputReader#output}.
   */
  Argument output(JsonNode dag, String producer, String key) {
    return inputReader.output(rootScope, dag, producer, key);
  }

  /** What a DAG's output artifact {@code key} of its task {@code producer} stands for: see {@link InputReader#artifactOutput}. */
  Argument artifactOutput(JsonNode dag, String producer, String key) {
    return inputReader.artifactOutput(rootScope, dag, producer, key);
  }

  /** Refuses a read of an output of a task under a condition of its own: see {@link InputReader#notConditional}. */
  void notConditional(JsonNode dag, String producer, String where) {
    inputReader.notConditional(dag, producer, where);
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
        Map<String, Argument> arguments = inputReader.arguments(scope, task, inputs, comp, at, dag);
        d.make = ImporterReader.read(name, task, comp, executor.get("importer"), kubernetes.path(label), arguments, source + ": " + at);
        return d;
      }
      Map<String, Argument> arguments = inputReader.arguments(scope, task, inputs, comp, at, dag);
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
      d.make = CallReader.read(spec, platform, name, task, compName, inputReader.arguments(scope, task, inputs, comp, at, dag), source + ": " + at);
      return d;
    }
    d.group = true;
    Map<String, Argument> groupInputs = inputReader.arguments(scope, task, inputs, comp, at, dag);
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
        Argument over = inputReader.lookup(groupInputs, it.path("items").path("inputParameter").asString(""), at);
        // a constant list given to the DAG: a nested pipeline's default, or its caller's constant
        items = over instanceof Argument.Constant c ? Values.loopItems(c.text(), source + ": " + at) : new Loop.Over(over);
      }
      groupInputs.put(it.path("itemInput").asString(""), new Argument.LoopItem(name, null));
      int parallelism = task.path("iteratorPolicy").path("parallelismLimit").asInt(0);
      d.children.addAll(dag(scope, comp.get("dag"), groupInputs, "component '" + compName + "'", false));
      ParameterType declared = ParameterType.ofV2Name(comp.at("/inputDefinitions/parameters").path(it.path("itemInput").asString(""))
          .path("parameterType").asString(""));
      String display = displayName(task, specName);
      d.make = (after, body) -> ArgumentTypes.declaredItem(new Loop(name, items, parallelism, body, display), declared);
    } else if (task.has("artifactIterator")) {
      JsonNode it = task.get("artifactIterator");
      String list = it.path("items").path("inputArtifact").asString("");
      Argument over = ArtifactLoops.items(inputReader.lookup(groupInputs, list, at), comp, list, source + ": " + at);
      artifactLoops.put(name, source + ": " + at);
      groupInputs.put(it.path("itemInput").asString(""), new Argument.LoopItem(name, null));
      int parallelism = task.path("iteratorPolicy").path("parallelismLimit").asInt(0);
      d.children.addAll(dag(scope, comp.get("dag"), groupInputs, "component '" + compName + "'", false));
      String display = displayName(task, specName);
      d.make = (after, body) -> new Loop(name, new Loop.Over(over), parallelism, body, display);
    } else if (task.path("triggerPolicy").has("condition")) {
      Predicate p = CelParser.parse(task.get("triggerPolicy").get("condition").asString(""), source + ": " + at,
          input -> inputReader.lookup(groupInputs, input, at), comp);
      d.children.addAll(dag(scope, comp.get("dag"), groupInputs, "component '" + compName + "'", false));
      String display = displayName(task, specName);
      d.make = (after, body) -> new Condition(name, p, body, display);
    } else if (specName.startsWith("condition-branches")) { // KFP's name; the model's may be <caller>-condition-branches-1
      d.children.addAll(dag(scope, comp.get("dag"), groupInputs, "component '" + compName + "'", false));
      d.make = (after, body) -> RunOrder.branches(name, body);
    } else if (root && exitName == null && specName.startsWith("exit-handler-")) {
      // one of several exit handlers, or one beside other tasks: its group, which its exit task beside it waits for
      d.children.addAll(dag(scope, comp.get("dag"), groupInputs, "component '" + compName + "'", false));
      String display = displayName(task, specName);
      d.make = (after, body) -> new Condition(name, null, body, display);
    } else {
      d.children.addAll(dag(inner(scope, dag, specName, task, comp), comp.get("dag"), groupInputs, "component '" + compName + "'",
          false));
      d.make = null; // a plain nested DAG: the exit handler's, or another pipeline's
    }
    return d;
  }

  /**
   * The own name of group task {@code task}, keyed {@code specName}: its {@code taskInfo.name} where that is not its key
   * ({@code dsl.If(c, name='big')}, {@code dsl.ParallelFor(xs, name='loop')}, {@code dsl.ExitHandler(t, name='notify')});
   * else null.
   */
  private static String displayName(JsonNode task, String specName) {
    String shown = task.path("taskInfo").path("name").asString("");
    return shown.isBlank() || shown.equals(specName) ? null : shown;
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

  private Draft taskDraft(TaskScope scope, Draft d, String compName, JsonNode comp, JsonNode executor, String label, JsonNode task,
      Map<String, Argument> arguments, Map<String, Argument> inputs, String at, JsonNode dag) {
    String name = d.name;
    ComponentSpec spec = specs.computeIfAbsent(compName,
        k -> ComponentReader.read(k.startsWith("comp-") ? k.substring(5) : k, comp, executor, source + ": " + k));
    List<TaskSetting> settings;
    try {
      settings = SettingsReader.read(name, task, executor.path("container"), kubernetes.path(label),
          (field, claim) -> inputReader.volumeOf(scope, claim, inputs, at + ", kubernetes setting " + field, dag),
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
    Argument size = inputReader.argument(rootScope, in.path("size"), inputs, ParameterType.STRING, at + ", input 'size'", null);
    List<TaskSetting> settings = VolumeTasks.settings(task);
    return (after, body) -> new VolumeStep(name, claim.resourceName(), size, claim.accessMode(), claim.storageClass(), after, settings,
        VolumeTasks.deletion(draft), claim.uniqueName());
  }

}
