package dev.kfp4j.format.kfp2;

import dev.kfp4j.yaml.Yaml;
import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.kfp2.Levels.Level;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Condition;
import dev.kfp4j.model.ImporterStep;
import dev.kfp4j.model.Loop;
import dev.kfp4j.model.Parameter;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.Predicate;
import dev.kfp4j.model.ResourceStep;
import dev.kfp4j.model.Step;
import dev.kfp4j.model.Task;
import dev.kfp4j.model.RunSetting;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.model.VolumeStep;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.InputSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the DAGs of a pipeline spec: the root's, and a component per group whose inputs are the
 * values the group takes from outside. Tasks read values of their own DAG from the producing task
 * ({@code taskOutputParameter}), others through the DAG's inputs ({@code componentInputParameter}).
 */
final class Kfp2Dags {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  static final String PREFIX = dev.kfp4j.model.Channels.PREFIX;

  private final Pipeline pipeline;
  private final Levels levels;
  private final Kfp2Components components;
  private final ArgumentTypes types;
  private final TaskInputs inputs;
  private final Kfp2Importers importers;
  private final Kfp2OneOfs oneOfs;
  private final Kfp2Collects collects;
  private final Kfp2Volumes volumes;
  private final Kfp2Calls calls;

  Kfp2Dags(Pipeline pipeline, Levels levels, Kfp2Components components) {
    this.pipeline = pipeline;
    this.levels = levels;
    this.components = components;
    this.types = new ArgumentTypes(pipeline, levels);
    this.inputs = new TaskInputs(pipeline, levels);
    this.importers = new Kfp2Importers(inputs, types, components);
    this.oneOfs = new Kfp2OneOfs(pipeline, levels, types);
    this.collects = new Kfp2Collects(pipeline, levels, types);
    this.volumes = new Kfp2Volumes(pipeline, levels, inputs, components);
    this.calls = new Kfp2Calls(pipeline, inputs, components);
  }

  /** The root component: the pipeline's inputs, its DAG and its outputs. */
  ObjectNode root() {
    ObjectNode root = NODES.objectNode();
    root.set("dag", dag(levels.root));
    for (Map.Entry<String, Argument> o : pipeline.outputs().entrySet()) {
      outputOfPipeline(root, o.getKey(), o.getValue());
    }
    java.util.Set<String> finalStatus = Kfp2Types.finalStatusParameters(pipeline);
    java.util.Set<String> lists = Kfp2Types.artifactListParameters(pipeline);
    for (Parameter p : pipeline.parameters()) {
      ObjectNode def;
      if (p.isArtifact()) {
        def = root.withObject("inputDefinitions").withObject("artifacts").putObject(p.name());
        Kfp2Components.artifactType(def, p.artifactType());
        if (lists.contains(p.name())) {
          def.put("isArtifactList", true);
        }
      } else if (finalStatus.contains(p.name())) {
        // as KFP's compiler writes the root of a component taking the final status: optional, no default
        def = root.withObject("inputDefinitions").withObject("parameters").putObject(p.name());
        def.put("parameterType", Kfp2Types.TASK_FINAL_STATUS);
        def.put("isOptional", true);
      } else {
        def = root.withObject("inputDefinitions").withObject("parameters").putObject(p.name());
        ParameterType type = p.type() == null ? ParameterType.STRING : p.type();
        def.put("parameterType", type.v2Name());
        if (p.defaultValue() != null) {
          def.set("defaultValue", Kfp2Components.value(p.defaultValue(), type, "parameter '" + p.name() + "'"));
        }
      }
      if (p.optional()) {
        def.put("isOptional", true);
      }
      if (p.description() != null && !p.description().isEmpty()) {
        def.put("description", p.description());
      }
    }
    return root;
  }

  /**
   * A pipeline output: what a task of the root DAG outputs, or what a loop of the root DAG
   * collects, as KFP 2's compiler connects a pipeline's return value. One made in the exit
   * handler's body, which always runs, comes through an output of the exit handler's group
   * ({@link #surfaceOutputs}).
   */
  private void outputOfPipeline(ObjectNode root, String name, Argument a) {
    Level level = producerLevel(a);
    if (level == null) {
      throw new FormatException("pipeline '" + pipeline.name() + "': output '" + name + "' comes from '" + producer(a)
          + "', which is no step of the pipeline; a pipeline's outputs come from its tasks");
    }
    if (level != levels.root && level != levels.exitHandler) {
      throw new FormatException("pipeline '" + pipeline.name() + "': output '" + name + "' comes from '" + producer(a)
          + "', which runs inside a condition or loop; a pipeline's outputs come from tasks of its top level (or of its exit "
          + "handler's body)");
    }
    if (level == levels.exitHandler) {
      connect(root, name, a, Levels.EXIT_HANDLER, surfacedKey(a), types);
    } else {
      connect(root, name, a, producer(a), outputKey(a), types);
    }
    String description = pipeline.outputDescriptions().get(name);
    if (description != null) { // as KFP's compiler writes a docstring's Returns:
      root.withObject("outputDefinitions").withObject(types.isArtifact(a) ? "artifacts" : "parameters").withObject(name)
          .put("description", description);
    }
  }

  /**
   * The outputs of the exit handler's group that carry the pipeline's outputs made in its body, as
   * KFP's compiler surfaces a value through a group around it: {@code pipelinechannel--size-Output}
   * from task {@code size}, or from the loop that collects it.
   */
  private void surfaceOutputs(ObjectNode comp) {
    for (Argument a : pipeline.outputs().values()) {
      if (producerLevel(a) == levels.exitHandler) {
        connect(comp, surfacedKey(a), a, producer(a), outputKey(a), types);
      }
    }
  }

  /** Output {@code name} of {@code comp}, with its definition: output {@code key} of task {@code producer} of its DAG. */
  static void connect(ObjectNode comp, String name, Argument a, String producer, String key, ArgumentTypes types) {
    ObjectNode outputs = comp.withObject("dag").withObject("outputs");
    if (types.isArtifact(a)) {
      outputs.withObject("artifacts").putObject(name).putArray("artifactSelectors").addObject()
          .put("producerSubtask", producer).put("outputArtifactKey", key);
      ObjectNode definition = comp.withObject("outputDefinitions").withObject("artifacts").putObject(name);
      Kfp2Components.artifactType(definition, types.schemaTitle(a));
      if (types.isArtifactList(a)) {
        definition.put("isArtifactList", true);
      }
    } else {
      outputs.withObject("parameters").putObject(name).putObject("valueFromParameter")
          .put("producerSubtask", producer).put("outputParameterKey", key);
      comp.withObject("outputDefinitions").withObject("parameters").putObject(name).put("parameterType", types.type(a).v2Name());
    }
  }

  /** The task, or the loop collecting it, that gives pipeline output {@code a}. */
  private static String producer(Argument a) {
    if (a instanceof Argument.OneOf o) {
      return o.branches();
    }
    return a instanceof Argument.Collected c ? c.loop() : ((Argument.TaskOutput) a).task();
  }

  /** The DAG where pipeline output {@code a} is made: its task's, or the one holding the loop that collects it. */
  private Level producerLevel(Argument a) {
    if (a instanceof Argument.OneOf o) {
      return levels.chain(o.branches()).parent;
    }
    return a instanceof Argument.Collected c ? levels.loop(c.loop()).parent : levels.levelOf(((Argument.TaskOutput) a).task());
  }

  /** The key of pipeline output {@code a} among its producer's outputs. */
  private String outputKey(Argument a) {
    if (a instanceof Argument.OneOf o) {
      return levels.oneOfKey(o);
    }
    return a instanceof Argument.Collected c ? collectedKey(c) : ((Argument.TaskOutput) a).output();
  }

  /**
   * The name of the exit handler's output carrying {@code a}, as KFP names a value surfaced through
   * a group: {@code pipelinechannel--size-Output}, also for the values a loop collects.
   */
  private String surfacedKey(Argument a) {
    if (a instanceof Argument.Collected c) {
      return collectedKey(c);
    }
    if (a instanceof Argument.OneOf o) {
      return levels.oneOfKey(o);
    }
    Argument.TaskOutput o = (Argument.TaskOutput) a;
    return PREFIX + o.task() + "-" + o.output();
  }

  /** The output of a loop's DAG that collects {@code c}, as KFP 2 names it: {@code pipelinechannel--square-Output}. */
  static String collectedKey(Argument.Collected c) {
    return PREFIX + c.task() + "-" + c.output();
  }

  private ObjectNode dag(Level level) {
    ObjectNode tasks = NODES.objectNode();
    for (Object m : level.members) {
      if (m instanceof Step s) {
        tasks.set(s.name(), step(s, level));
        ObjectNode deletion = s instanceof VolumeStep v && v.deletion() != null ? volumes.delete(v, level) : null;
        if (deletion != null) {
          tasks.set(((VolumeStep) s).deletion().name(), deletion);
        }
      } else {
        Level child = (Level) m;
        String name = components.group(child.name, groupComponent(child));
        ObjectNode task = groupTask(child, level);
        task.putObject("componentRef").put("name", name);
        tasks.set(child.name, task);
      }
    }
    ObjectNode dag = NODES.objectNode();
    dag.set("tasks", tasks);
    return dag;
  }

  // ------------------------------------------------------------------ groups

  private ObjectNode groupComponent(Level group) {
    ObjectNode comp = NODES.objectNode();
    comp.set("dag", dag(group));
    for (Map.Entry<String, Argument> c : group.channels.entrySet()) {
      define(comp, PREFIX + c.getKey(), c.getValue(), group);
    }
    if (group.node instanceof Loop loop) {
      String item = PREFIX + levels.itemChannel(loop.name());
      if (pipeline.overArtifacts(loop)) { // one artifact of the list, as KFP's compiler declares a LoopArtifactArgument
        Kfp2Components.artifactType(comp.withObject("inputDefinitions").withObject("artifacts").putObject(item),
            types.schemaTitle(((Loop.Over) loop.items()).source()));
      } else {
        comp.withObject("inputDefinitions").withObject("parameters").putObject(item)
            .put("parameterType", types.itemType(loop).v2Name());
      }
    }
    collects.outputs(comp, group);
    if (group == levels.exitHandler) {
      surfaceOutputs(comp);
    }
    String status = exitStatus(group);
    if (status != null) { // as KFP's compiler writes a pipeline's PipelineTaskFinalStatus parameter
      comp.withObject("inputDefinitions").withObject("parameters").putObject(status)
          .put("isOptional", true).put("parameterType", Kfp2Types.TASK_FINAL_STATUS);
    }
    oneOfs.outputs(comp, group);
    return comp;
  }

  /** Declares channel {@code name} carrying {@code a} as an input of a group component. */
  private void define(ObjectNode comp, String name, Argument a, Level group) {
    if (types.isArtifact(a)) {
      ObjectNode definition = comp.withObject("inputDefinitions").withObject("artifacts").putObject(name);
      Kfp2Components.artifactType(definition, types.schemaTitle(a));
      if (types.isArtifactList(a)) {
        definition.put("isArtifactList", true);
      }
    } else { // the status passed down an exit pipeline's groups: KFP's struct, as KFP's compiler types the channel
      comp.withObject("inputDefinitions").withObject("parameters").putObject(name)
          .put("parameterType", (Argument.RunValue.isStatus(a) ? ParameterType.STRUCT : types.type(a)).v2Name());
    }
  }

  private ObjectNode groupTask(Level group, Level parent) {
    ObjectNode t = NODES.objectNode();
    t.putObject("componentRef").put("name", "comp-" + group.name); // made unique when the component is added
    // the exit handler's own name is its display name; its task and component keep KFP's exit-handler-1, as KFP's compiler writes
    boolean named = group == levels.exitHandler && pipeline.exitHandlerName() != null;
    // a group's own name (a condition's, a loop's, one of several exit handlers'), as KFP's dsl.If(c, name='big') writes it
    String display = group.node instanceof Condition c ? c.displayName() : group.node instanceof Loop l ? l.displayName() : null;
    t.putObject("taskInfo").put("name", named ? pipeline.exitHandlerName() : display != null ? display : group.name);
    Set<String> deps = inputs.dependencies(group, parent);
    if (group == levels.exitPipeline) { // as KFP's compiler writes a pipeline as exit task
      t.putObject("cachingOptions").put("enableCache", true);
      deps.add(Levels.EXIT_HANDLER);
      String status = exitStatus(group);
      if (status != null) { // none for a pipeline taking no status, as KFP's compiler gives it none
        t.withObject("inputs").withObject("parameters").putObject(status).putObject("taskFinalStatus")
            .put("producerTask", Levels.EXIT_HANDLER);
      }
      t.withObject("triggerPolicy").put("strategy", "ALL_UPSTREAM_TASKS_COMPLETED");
    }
    for (Map.Entry<String, Argument> c : group.channels.entrySet()) {
      inputs.input(t, PREFIX + c.getKey(), c.getValue(), parent, deps, types.isArtifact(c.getValue()));
    }
    if (group.node instanceof Loop loop && pipeline.overArtifacts(loop)) {
      // dsl.ParallelFor over a list of artifacts: the list comes in as an artifact input of the loop's task
      Argument source = ((Loop.Over) loop.items()).source();
      String name = PREFIX + levels.channel(source, group);
      inputs.input(t, name, source, parent, deps, true);
      ObjectNode iterator = t.putObject("artifactIterator");
      iterator.put("itemInput", PREFIX + levels.itemChannel(loop.name()));
      iterator.putObject("items").put("inputArtifact", name);
      if (loop.parallelism() > 0) {
        t.putObject("iteratorPolicy").put("parallelismLimit", loop.parallelism());
      }
    } else if (group.node instanceof Loop loop) {
      ObjectNode iterator = t.putObject("parameterIterator");
      iterator.put("itemInput", PREFIX + levels.itemChannel(loop.name()));
      if (loop.items() instanceof Loop.Over over) { // a field of an outer item: selected by an input of the loop's own, as conditions do
        String name = PREFIX + levels.listChannel(over.source(), group);
        inputs.input(t, name, over.source(), parent, deps, false);
        iterator.putObject("items").put("inputParameter", name);
      } else {
        ArrayNode raw = NODES.arrayNode();
        for (Argument.Constant c : ((Loop.Constants) loop.items()).values()) {
          raw.add(Kfp2Components.value(c.text(), c.type(), "loop '" + loop.name() + "'"));
        }
        iterator.putObject("items").put("raw", Yaml.pyJson(raw));
      }
      if (loop.parallelism() > 0) {
        t.putObject("iteratorPolicy").put("parallelismLimit", loop.parallelism());
      }
    }
    Predicate predicate = Levels.predicate(group);
    if (predicate != null) {
      t.putObject("triggerPolicy").put("condition", Cel.write(predicate, a -> operand(a, group)));
    }
    if (!deps.isEmpty()) {
      TaskInputs.putDependencies(t, deps);
    }
    return t;
  }

  /**
   * The input of {@code group}'s DAG that takes the pipeline's final status, named as the exit pipeline's parameter that takes
   * it; null for another group, or an exit pipeline that takes none.
   */
  private String exitStatus(Level group) {
    return group == levels.exitPipeline ? pipeline.exitPipeline().status() : null;
  }

  private Cel.Operand operand(Argument a, Level group) {
    if (a instanceof Argument.RunValue) {
      throw new FormatException("pipeline '" + pipeline.name() + "': condition '" + group.name + "' compares " + a
          + ", a value of the run, which KFP 2's conditions cannot read; compare it in a task");
    }
    if (types.isArtifact(a)) {
      throw new FormatException("pipeline '" + pipeline.name() + "': condition '" + group.name + "' compares " + a
          + ", an artifact, which KFP 2's conditions cannot read; compare the output of a task that reads it");
    }
    String channel = levels.channel(a, group);
    if (channel == null) {
      throw new FormatException("pipeline '" + pipeline.name() + "': condition '" + group.name + "' compares " + a
          + ", which is made inside it");
    }
    if (a instanceof Argument.LoopItem item && item.field() != null) {
      channel = levels.subvar(item);
    }
    return new Cel.Operand(PREFIX + channel, types.type(a));
  }

  // ------------------------------------------------------------------ steps

  private ObjectNode step(Step s, Level level) {
    String where = "pipeline '" + pipeline.name() + "', task '" + s.name() + "'";
    if (s instanceof ResourceStep) {
      throw new FormatException(where + ": a Kubernetes resource step (Dsl.resource) has no KFP 2 equivalent; "
          + "run kubectl in a component of your own, or compile this pipeline for KFP v1 (Argo) only");
    }
    ObjectNode t = NODES.objectNode();
    t.putObject("taskInfo").put("name", s.name());
    Set<String> deps = inputs.dependencies(s, level);
    ObjectNode container = NODES.objectNode();
    ObjectNode k8s = NODES.objectNode();
    if (s instanceof ImporterStep importer) {
      importers.task(t, importer, level, deps, where);
    } else if (s instanceof VolumeStep v) {
      volumes.create(t, v, level, deps);
    } else if (s instanceof dev.kfp4j.model.CalledPipeline call) {
      calls.task(t, call, level, deps);
    } else {
      Task task = (Task) s;
      ComponentSpec spec = task.component();
      t.putObject("cachingOptions").put("enableCache", true);
      List<InputSpec> statuses = new ArrayList<>();
      for (Map.Entry<String, Argument> e : task.arguments().entrySet()) {
        if (dev.kfp4j.model.Channels.isChannel(task, e.getKey())) { // read by an f-string of another argument, as KFP writes it
          inputs.input(t, e.getKey(), e.getValue(), level, deps, false);
          continue;
        }
        InputSpec in = spec.input(e.getKey()).orElseThrow(
            () -> new FormatException(where + ": component '" + spec.name() + "' has no input '" + e.getKey() + "'"));
        boolean artifact = Kfp2Types.inputIsArtifact(spec, in.name());
        Argument a = e.getValue();
        if (artifact && !types.isArtifact(a)) {
          throw new FormatException(where + ": input '" + in.name() + "' is a file (an artifact in KFP 2), which takes only a file "
              + "output of another task; KFP 2 passes no " + (a instanceof Argument.Constant ? "constant" : "value")
              + " to an artifact input: pass an output of a task that writes the file");
        }
        if (artifact && a instanceof Argument.LoopItem item && item.field() != null) {
          throw new FormatException(where + ": input '" + in.name() + "' takes field '" + item.field() + "' of an artifact of the "
              + "list loop '" + item.loop() + "' iterates over; an artifact has no fields: pass the item itself");
        }
        if (!artifact && types.isArtifact(a)) {
          throw new FormatException(where + ": input '" + in.name() + "' takes a value, but " + a
              + " is a file (an artifact in KFP 2); read the file in the component that takes it, with @InputPath");
        }
        if (a instanceof Argument.Constant c) {
          TaskInputs.constant(t, in.name(), Kfp2Components.value(c.text(), Kfp2Types.parameterType(in), where + ", input '" + in.name() + "'"));
        } else if (Argument.RunValue.isStatus(a)) {
          statuses.add(in);
        } else {
          inputs.input(t, in.name(), a, level, deps, artifact);
        }
      }
      for (InputSpec in : spec.inputs()) {
        // a file input's default text (another tool's raw artifact): KFP 2 has no default for an artifact, so it would be lost
        if (in.defaultValue() != null && !task.arguments().containsKey(in.name()) && Kfp2Types.inputIsArtifact(spec, in.name())) {
          throw new FormatException(where + ": input '" + in.name() + "' is a file (an artifact in KFP 2) whose default is a text; "
              + "KFP 2 gives an artifact input no default or constant: pass an output of a task that writes the file");
        }
      }
      for (InputSpec in : statuses) {
        finalStatus(t, s, in, where, deps);
      }
      Kfp2Settings settings = new Kfp2Settings(where, t, container, k8s, a -> inputs.parameter(a, level, deps));
      for (TaskSetting setting : task.settings()) {
        setting.accept(settings);
      }
      pipelineSettings(k8s);
      t.putObject("componentRef").put("name", components.container(spec, container, k8s, where));
    }
    if (!deps.isEmpty()) {
      TaskInputs.putDependencies(t, deps);
    }
    if (s == pipeline.exitTask()) {
      TaskInputs.putDependencies(t, new LinkedHashSet<>(List.of(Levels.EXIT_HANDLER)));
      t.withObject("triggerPolicy").put("strategy", "ALL_UPSTREAM_TASKS_COMPLETED");
    }
    return t;
  }

  /**
   * The status given to input {@code in} of the exit task, as KFP 2 gives it: a {@code TASK_FINAL_STATUS} parameter whose
   * value is the final status of the exit handler's group; to a task of the exit pipeline, at any depth, the input of its DAG
   * that takes it ({@link Levels#statusInput}); or to a task run after a failure, that of the one task it waits for
   * ({@code deps}), as KFP's compiler allows it.
   */
  private void finalStatus(ObjectNode t, Step s, InputSpec in, String where, Set<String> deps) {
    String fromExitPipeline = levels.statusInput(levels.levelOf(s.name()));
    if (fromExitPipeline != null) {
      if (!dev.kfp4j.spec.TypeSpec.TASK_FINAL_STATUS.equals(in.type()) && !"JsonObject".equals(in.type() == null ? null : in.type().name())) {
        throw new FormatException(where + ": input '" + in.name() + "' takes the pipeline's status; in KFP 2 that is a "
            + "PipelineTaskFinalStatus (a struct), so type the input " + dev.kfp4j.spec.TypeSpec.TASK_FINAL_STATUS + " or a dict");
      }
      t.withObject("inputs").withObject("parameters").putObject(in.name()).put("componentInputParameter", fromExitPipeline);
      return;
    }
    boolean afterFailure = RunSetting.afterFailure(s);
    if (s != pipeline.exitTask() && !(afterFailure && deps.size() == 1)) {
      throw new FormatException(where + ": input '" + in.name() + "' takes the pipeline's status, which KFP 2 gives the exit "
          + "task only (the status of the rest, when it has ended), or a task of the exit pipeline, or a task "
          + "run after a failure (ignoreUpstreamFailure()) the status of the one task it waits for"
          + (afterFailure ? "; it waits for " + deps.size() : ""));
    }
    if (!dev.kfp4j.spec.TypeSpec.TASK_FINAL_STATUS.equals(in.type())) {
      throw new FormatException(where + ": input '" + in.name() + "' takes the pipeline's status; in KFP 2 that is a "
          + "PipelineTaskFinalStatus (a struct), so type the input " + dev.kfp4j.spec.TypeSpec.TASK_FINAL_STATUS);
    }
    t.withObject("inputs").withObject("parameters").putObject(in.name()).putObject("taskFinalStatus")
        .put("producerTask", s == pipeline.exitTask() ? Levels.EXIT_HANDLER : deps.iterator().next());
  }

  /** The pipeline's own Kubernetes settings, on every step: image pull secrets and a node selector. */
  private void pipelineSettings(ObjectNode k8s) {
    PipelineSettings p = pipeline.settings();
    for (String secret : p.imagePullSecrets()) {
      ObjectNode s = k8s.withArray("imagePullSecret").addObject();
      s.put("secretName", secret);
      s.set("secretNameParameter", Kfp2KubernetesSettings.constant(secret));
    }
    p.nodeSelector().forEach((k, v) -> k8s.withObject("nodeSelector").withObject("labels").put(k, v));
  }
}
