package dev.kfp4j.model;

import dev.kfp4j.yaml.Yaml;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Puts called pipelines into the pipeline that calls them ({@link #flat}): each {@link
 * CalledPipeline} (or, given to {@link #inline}, each stand-in task of a call) becomes the called
 * pipeline's nodes, in the group the call is in; the call's own settings (display name, caching) are
 * its DAG's in KFP 2, and left out. The
 * called pipeline's parameters take the call's arguments (one left out: its default; without one,
 * left out of the tasks that take it), its tasks are named {@code <call>-<task>} (the call being
 * the stand-in's name: the called pipeline's, made unique, {@code inner}, {@code inner-2}), its
 * groups numbered after the calling pipeline's, and what reads the call's outputs reads the outputs
 * of the tasks they come from. The call run as the exit task becomes the {@link ExitPipeline}, its
 * steps keeping their own names where no other step has them, as KFP 2's reader names them. (The
 * processor's rule; {@link #flatAsRead} names them as the KFP 2 reader does.)
 */
public final class Flattening {
  /** Why the call {@code call} (a stand-in task's name) cannot be put into the pipeline. */
  public static final class Failure extends RuntimeException {
    private final String call;

    Failure(String call, String message) {
      super(message);
      this.call = call;
    }

    public String call() {
      return call;
    }
  }

  private static final Pattern GROUP = Pattern.compile("(?:condition|condition-branches|for-loop)-(\\d+)");

  private final Map<String, Pipeline> calls;
  /** Whether {@link CalledPipeline}s are put in too, not only the stand-ins of {@link #calls}. */
  private final boolean flatten;
  /**
   * Whether a called pipeline's nodes keep their names where free in the pipeline, else {@code <call>-<name>}, its groups
   * too, as kfp4j reads KFP 2's specs ({@link #flatAsRead}); else its steps are named {@code <call>-<step>}, its groups
   * numbered after the caller's, as the processor puts a called {@code @Pipeline} in.
   */
  private final boolean byName;
  private final TaskNames names = new TaskNames();
  private final Map<String, Map<String, Argument>> callOutputs = new HashMap<>();
  private final Map<String, Set<String>> rootSteps = new HashMap<>();
  private final Map<String, List<String>> callSteps = new HashMap<>();
  private final Map<String, List<Node>> inlined = new HashMap<>();
  private final Map<String, Step> standIns = new LinkedHashMap<>();
  private int groupNumber;
  /** The call run as the exit task (KFP 2's pipeline as exit task), or null. */
  private String exitCall;

  private Flattening(Map<String, Pipeline> calls, boolean flatten, boolean byName) {
    this.calls = calls;
    this.flatten = flatten;
    this.byName = byName;
  }

  /**
   * {@code pipeline} with each {@link CalledPipeline} in it (at any depth: the called pipelines
   * flat first) replaced by the called pipeline's nodes, as kfp4j runs and draws it, and as formats
   * without nested pipelines (Argo) write it; the pipeline itself when it calls none.
   *
   * @throws Failure naming the call that cannot be put in, and why
   */
  public static Pipeline flat(Pipeline pipeline) {
    boolean calls = pipeline.allNodes().stream().anyMatch(n -> n instanceof CalledPipeline);
    return calls ? new Flattening(Map.of(), true, false).run(pipeline) : pipeline;
  }

  /**
   * {@link #flat}, the called pipelines' nodes keeping their names where no other node of the pipeline has them, else named
   * {@code <call>-<name>} (groups too), as kfp4j reads a KFP 2 spec with nested pipelines flat.
   */
  public static Pipeline flatAsRead(Pipeline pipeline) {
    boolean calls = pipeline.allNodes().stream().anyMatch(n -> n instanceof CalledPipeline);
    return calls ? new Flattening(Map.of(), true, true).run(pipeline) : pipeline;
  }

  /**
   * {@code outer} with the stand-in task of each call in {@code calls} (by its name: the pipeline it
   * calls, read whole) replaced by that pipeline's nodes; its {@link CalledPipeline}s too when {@code
   * flatten}, else kept, reading what the calls put in give.
   *
   * @throws Failure naming the call that cannot be put in, and why
   */
  public static Pipeline inline(Pipeline outer, Map<String, Pipeline> calls, boolean flatten) {
    return new Flattening(calls, flatten, false).run(outer);
  }

  private Pipeline run(Pipeline outer) {
    for (Node n : outer.allNodes()) {
      names.unique(n.name());
      Matcher m = GROUP.matcher(n.name());
      if (!(n instanceof Step) && m.matches()) {
        groupNumber = Math.max(groupNumber, Integer.parseInt(m.group(1)));
      }
    }
    for (Node n : outer.allNodes()) {
      if (n instanceof Task t && calls.containsKey(t.name()) || n instanceof CalledPipeline && flatten) {
        standIns.put(n.name(), (Step) n);
      }
    }
    exitCall = outer.exitTask() != null && standIns.containsKey(outer.exitTask().name()) ? outer.exitTask().name() : null;
    standIns.keySet().forEach(this::put);
    Map<String, Argument> outputs = new LinkedHashMap<>();
    outer.outputs().forEach((k, v) -> outputs.put(k, outer(v)));
    ExitPipeline exitPipeline = exitCall == null ? outer.exitPipeline() == null ? null
        : new ExitPipeline(outer.exitPipeline().name(), outer.exitPipeline().status(), outerNodes(outer.exitPipeline().nodes()))
        : new ExitPipeline(exitCall, statusParameter((Task) standIns.get(exitCall)), inlined.get(exitCall));
    Task exit = outer.exitTask() == null || exitCall != null ? null : (Task) outerNodes(List.of(outer.exitTask())).get(0);
    return new Pipeline(outer.name(), outer.description(), outer.parameters(), outerNodes(outer.nodes()), exit, outer.settings(),
        outer.source(), outputs, exitPipeline, outer.exitTask() == null && outer.exitPipeline() == null ? null : outer.exitHandlerName())
        .withOutputDescriptions(outer.outputDescriptions());
  }

  /**
   * The parameter of the pipeline {@code call} calls that takes the pipeline's final status (its {@code
   * PipelineTaskFinalStatus} parameter), or null when it takes none: KFP's compiler gives the status to that parameter only.
   */
  private static String statusParameter(Task call) {
    return call.component().inputs().stream().filter(i -> dev.kfp4j.spec.TypeSpec.TASK_FINAL_STATUS.equals(i.type()))
        .map(dev.kfp4j.spec.InputSpec::name).findFirst().orElse(null);
  }

  private List<Node> outerNodes(List<Node> nodes) {
    List<Node> out = new ArrayList<>();
    for (Node n : nodes) {
      if (inlined.containsKey(n.name()) && (n instanceof Task || n instanceof CalledPipeline)) {
        out.addAll(inlined.get(n.name()));
      } else if (n instanceof CalledPipeline c) {
        out.add(new CalledPipeline(c.name(), c.pipeline(), outerArgs(c.arguments()), outerAfter(c.after()), c.settings()));
      } else if (n instanceof Task t) {
        out.add(new Task(t.name(), t.component(), outerArgs(t.arguments()), outerAfter(t.after()), t.settings()));
      } else if (n instanceof VolumeStep v) {
        out.add(new VolumeStep(v.name(), v.resourceName(), outer(v.size()), v.accessMode(), v.storageClass(), outerAfter(v.after()),
            v.settings(), v.deletion(), v.uniqueName()));
      } else if (n instanceof ResourceStep r) {
        out.add(new ResourceStep(r.name(), r.action(), r.manifest(), outerArgs(r.arguments()), r.successCondition(),
            r.failureCondition(), r.outputs(), outerAfter(r.after()), r.settings()));
      } else if (n instanceof ImporterStep i) {
        out.add(new ImporterStep(i.name(), outerArgs(i.arguments()), i.artifactType(), i.reimport(), i.metadata(),
            i.downloadToWorkspace(), outerAfter(i.after()), i.settings()));
      } else if (n instanceof Condition c) {
        out.add(new Condition(c.name(), c.predicate() == null ? null : outerPredicate(c.predicate()), outerNodes(c.body()), c.displayName()));
      } else if (n instanceof Branches b) {
        List<Condition> branches = new ArrayList<>();
        outerNodes(new ArrayList<>(b.branches())).forEach(c -> branches.add((Condition) c));
        out.add(new Branches(b.name(), branches));
      } else if (n instanceof Loop l) {
        Loop.Items items = l.items() instanceof Loop.Over o ? new Loop.Over(outer(o.source()), o.itemType()) : l.items();
        out.add(new Loop(l.name(), items, l.parallelism(), outerNodes(l.body()), l.displayName()));
      }
    }
    return out;
  }

  /** Puts call {@code name} in, once: after the calls whose outputs it is given, whose outputs must be known first. */
  private void put(String name) {
    if (!inlined.containsKey(name)) {
      inlined.put(name, new Call(standIns.get(name)).nodes());
    }
  }

  private Map<String, Argument> outerArgs(Map<String, Argument> args) {
    Map<String, Argument> out = new LinkedHashMap<>();
    args.forEach((k, v) -> out.put(k, outer(v)));
    return out;
  }

  private List<String> outerAfter(List<String> after) {
    List<String> out = new ArrayList<>();
    for (String a : after) {
      if (standIns.containsKey(a)) {
        put(a); // a call waited for: its steps, once it is put in
      }
      out.addAll(callSteps.getOrDefault(a, List.of(a)));
    }
    return out;
  }

  private Predicate outerPredicate(Predicate p) {
    if (p instanceof Predicate.Comparison c) {
      return c.of(outer(c.left()), outer(c.right()));
    }
    if (p instanceof Predicate.Not n) {
      return new Predicate.Not(outerPredicate(n.predicate()));
    }
    List<Predicate> parts = new ArrayList<>();
    (p instanceof Predicate.All a ? a.predicates() : ((Predicate.Any) p).predicates()).forEach(x -> parts.add(outerPredicate(x)));
    return p instanceof Predicate.All ? new Predicate.All(parts) : new Predicate.Any(parts);
  }

  /** What an argument of the calling pipeline reads once the calls it reads from are put in. */
  private Argument outer(Argument a) {
    if (a instanceof Argument.TaskOutput o && standIns.containsKey(o.task())) {
      return callOutput(o.task(), o.output());
    }
    if (a instanceof Argument.Collected c && standIns.containsKey(c.task())) {
      Argument.TaskOutput o = rootOutput(c.task(), c.output(), "Dsl.collect");
      return new Argument.Collected(c.loop(), o.task(), o.output());
    }
    if (a instanceof Argument.OneOf o) {
      List<Argument.TaskOutput> outs = new ArrayList<>();
      for (Argument.TaskOutput x : o.outputs()) {
        outs.add(standIns.containsKey(x.task()) ? rootOutput(x.task(), x.output(), "Dsl.oneOf") : x);
      }
      return new Argument.OneOf(o.branches(), outs);
    }
    return a;
  }

  private Argument callOutput(String call, String output) {
    put(call);
    Argument value = callOutputs.getOrDefault(call, Map.of()).get(output);
    if (value == null) {
      throw new Failure(call, "it gives no output '" + output + "'");
    }
    return value;
  }

  /** The output of a call that {@code what} takes: an output of a task the called pipeline runs directly, not in a group of its own. */
  private Argument.TaskOutput rootOutput(String call, String output, String what) {
    if (callOutput(call, output) instanceof Argument.TaskOutput o && rootSteps.get(call).contains(o.task())) {
      return o;
    }
    throw new Failure(call, "its output '" + output + "' comes from a condition or a loop inside it, which " + what
        + " cannot take; give " + what + " an output of a task of its own lambda");
  }

  /** One call: the called pipeline's nodes, renamed, its parameters given the call's arguments. */
  private final class Call {
    private final Step call;
    private final Pipeline callee;
    private final Map<String, Argument> given = new HashMap<>();
    private final Map<String, String> renamed = new HashMap<>();
    /** What the steps of the called pipeline's top level wait for besides their own: what the call waits for. */
    private final List<String> callAfter;
    /** Whether the call runs whatever happened: the exit task of one of several exit handlers ({@link HandlerExitCalls}). */
    private final boolean whateverHappened;
    /** Whether the step being put in, of a call run whatever happened, waits for nothing in the called pipeline. */
    private boolean first;

    Call(Step call) {
      this.call = call;
      this.callAfter = outerAfter(call.after());
      this.whateverHappened = HandlerExitCalls.whateverHappened(call, exitCall);
      if (call instanceof CalledPipeline c) {
        try {
          this.callee = byName ? flatAsRead(c.pipeline()) : flat(c.pipeline());
        } catch (Failure e) {
          throw new Failure(c.name(), "its call '" + e.call() + "' cannot be put in: " + e.getMessage());
        }
        c.arguments().forEach((parameter, value) -> given.put(parameter, outer(value)));
        return;
      }
      Task stand = (Task) call;
      this.callee = flat(calls.get(stand.name()));
      // by name; by position when the call's names are not the pipeline's (a class file compiled without -parameters: arg0, arg1)
      // not the final status a pipeline run as the exit task takes: its tasks read it as the run's (Dsl.runStatus())
      List<dev.kfp4j.spec.InputSpec> inputs = stand.component().inputs().stream()
          .filter(i -> !dev.kfp4j.spec.TypeSpec.TASK_FINAL_STATUS.equals(i.type())).toList();
      boolean namesMatch = inputs.stream().allMatch(i -> callee.parameter(i.name()).isPresent());
      for (int i = 0; i < inputs.size(); i++) {
        Argument value = stand.arguments().get(inputs.get(i).name());
        String parameter = namesMatch ? inputs.get(i).name() : i < callee.parameters().size() ? callee.parameters().get(i).name() : null;
        if (value != null && parameter != null) {
          given.put(parameter, outer(value));
        }
      }
    }

    List<Node> nodes() {
      if (callee.exitTask() != null || callee.exitPipeline() != null) {
        throw new Failure(call.name(), "it has an exit handler (Dsl.exitHandler), which kfp4j runs for a whole pipeline only;"
            + " call its tasks here, in this pipeline's exit handler");
      }
      List<String> steps = new ArrayList<>();
      Map<String, String> numbered = new HashMap<>();
      if (!byName) {
        Nodes.numberingOrder(callee.nodes()).forEach(g -> numbered.put(g.name(), group(g)));
      }
      for (Node n : callee.allNodes()) {
        // the exit pipeline's steps keep their names where free, as the KFP 2 reader names them (its TaskScope); as do all
        // nodes of a call kept by name (a KFP 2 spec's, read)
        boolean own = (call.name().equals(exitCall) || byName) && !names.given(n.name());
        String name = byName ? names.unique(own ? n.name() : call.name() + "-" + n.name())
            : n instanceof Step ? names.unique(own ? n.name() : call.name() + "-" + n.name()) : numbered.get(n.name());
        renamed.put(n.name(), name);
        if (n instanceof Step) {
          steps.add(name);
        }
      }
      callSteps.put(call.name(), steps);
      Set<String> root = new HashSet<>();
      callee.nodes().stream().filter(n -> n instanceof Step).forEach(n -> root.add(renamed.get(n.name())));
      rootSteps.put(call.name(), root);
      Map<String, Argument> outputs = new HashMap<>();
      callee.outputs().forEach((k, v) -> outputs.put(k, required(v, "output '" + k + "'")));
      callOutputs.put(call.name(), outputs);
      return nodes(callee.nodes());
    }

    /** A new number for group {@code n}: two for a loop over constants, its item's and its own, as the processor numbers it. */
    private String group(Node n) {
      String kind = n instanceof Loop ? "for-loop-" : n instanceof Branches ? "condition-branches-" : "condition-";
      if (n instanceof Loop l && l.items() instanceof Loop.Constants) {
        groupNumber++; // its item's, loop-item-param-N (Channels.loopItemParam)
      }
      return kind + (++groupNumber);
    }

    private List<Node> nodes(List<Node> nodes) {
      List<Node> out = new ArrayList<>();
      for (Node n : nodes) {
        String name = renamed.get(n.name());
        if (n instanceof Step s && whateverHappened) {
          first = HandlerExitCalls.first(s);
        }
        if (n instanceof Task t) {
          out.add(new Task(name, t.component(), args(t.arguments()), after(t.after()), shown(t, name, settings(t, t.settings()))));
        } else if (n instanceof VolumeStep v) {
          out.add(new VolumeStep(name, v.resourceName(), required(v.size(), "the size of " + v.name()), v.accessMode(),
              v.storageClass(), after(v.after()), settings(v, v.settings()),
              v.deletion() == null ? null : VolumeStep.Deletion.afterMounts(name), v.uniqueName())); // a Java pipeline's, after its mounts
        } else if (n instanceof ResourceStep r) {
          out.add(new ResourceStep(name, r.action(), r.manifest(), args(r.arguments()), r.successCondition(), r.failureCondition(),
              r.outputs(), after(r.after()), settings(r, r.settings())));
        } else if (n instanceof ImporterStep i) {
          out.add(new ImporterStep(name, args(i.arguments()), i.artifactType(), i.reimport(), i.metadata(), i.downloadToWorkspace(),
              after(i.after()), settings(i, i.settings())));
        } else if (n instanceof Condition c) {
          out.add(new Condition(name, c.predicate() == null ? null : predicate(c.predicate()), nodes(c.body()), c.displayName()));
        } else if (n instanceof Branches b) {
          List<Condition> branches = new ArrayList<>();
          nodes(new ArrayList<>(b.branches())).forEach(c -> branches.add((Condition) c));
          out.add(new Branches(name, branches));
        } else if (n instanceof Loop l) {
          out.add(new Loop(name, items(l.items()), l.parallelism(), nodes(l.body()), l.displayName()));
        }
      }
      return out;
    }

    private Map<String, Argument> args(Map<String, Argument> args) {
      Map<String, Argument> out = new LinkedHashMap<>();
      args.forEach((k, v) -> {
        Argument a = argument(v);
        if (a != null) {
          out.put(k, a); // null: a parameter left out, with no default: the task's own default
        }
      });
      return out;
    }

    private Argument required(Argument a, String what) {
      Argument out = argument(a);
      if (out == null) {
        throw new Failure(call.name(), what + " reads parameter '" + ((Argument.PipelineParameter) a).name()
            + "', which the call leaves out and which has no default; pass a value for it");
      }
      return out;
    }

    /** {@code a} of the called pipeline as the calling one reads it; null for a parameter left out without a default. */
    private Argument argument(Argument a) {
      if (a instanceof Argument.PipelineParameter p) {
        if (given.containsKey(p.name())) {
          return given.get(p.name());
        }
        Parameter declared = callee.parameter(p.name()).orElse(null);
        return declared == null || declared.defaultValue() == null ? null
            : new Argument.Constant(declared.defaultValue(), declared.type() == null ? ParameterType.STRING : declared.type());
      }
      if (a instanceof Argument.TaskOutput o) {
        return new Argument.TaskOutput(rename(o.task()), o.output());
      }
      if (a instanceof Argument.LoopItem i) {
        return new Argument.LoopItem(rename(i.loop()), i.field());
      }
      if (a instanceof Argument.Collected c) {
        return new Argument.Collected(rename(c.loop()), rename(c.task()), c.output());
      }
      if (a instanceof Argument.OneOf o) {
        List<Argument.TaskOutput> outs = new ArrayList<>();
        o.outputs().forEach(x -> outs.add(new Argument.TaskOutput(rename(x.task()), x.output())));
        return new Argument.OneOf(rename(o.branches()), outs);
      }
      return a;
    }

    private String rename(String name) {
      return renamed.getOrDefault(name, name);
    }

    /** A step's {@code after} renamed, what the call waits for first, as the KFP 2 reader gives a called pipeline's steps. */
    private List<String> after(List<String> after) {
      List<String> out = new ArrayList<>(whateverHappened && !first ? List.of() : callAfter);
      after.forEach(a -> {
        if (!out.contains(rename(a))) {
          out.add(rename(a));
        }
      });
      return out;
    }

    /**
     * A task's settings, shown under its own name where it is renamed when kept by name, as kfp4j reads a KFP 2 spec's task
     * (its {@code taskInfo.name}).
     */
    private List<TaskSetting> shown(Task t, String name, List<TaskSetting> settings) {
      if (!byName || name.equals(t.name()) || settings.stream().anyMatch(s -> s instanceof TaskSetting.DisplayName)) {
        return settings;
      }
      List<TaskSetting> out = new ArrayList<>(settings);
      out.add(0, new TaskSetting.DisplayName(t.name()));
      return out;
    }

    private List<TaskSetting> settings(Step step, List<TaskSetting> settings) {
      List<TaskSetting> out = new ArrayList<>();
      for (TaskSetting s : settings) {
        out.add(s instanceof TaskSetting.VolumeMount m ? new TaskSetting.VolumeMount(rename(m.volume()), m.mountPath()) : s);
      }
      return whateverHappened && first ? HandlerExitCalls.runWhateverHappened(call.name(), step, out) : out;
    }

    private Predicate predicate(Predicate p) {
      if (p instanceof Predicate.Comparison c) {
        return c.of(required(c.left(), "a condition"), required(c.right(), "a condition"));
      }
      if (p instanceof Predicate.Not n) {
        return new Predicate.Not(predicate(n.predicate()));
      }
      List<Predicate> parts = new ArrayList<>();
      (p instanceof Predicate.All a ? a.predicates() : ((Predicate.Any) p).predicates()).forEach(x -> parts.add(predicate(x)));
      return p instanceof Predicate.All ? new Predicate.All(parts) : new Predicate.Any(parts);
    }

    /** A loop's items: a list the call gives as a constant is the loop's constant items. */
    private Loop.Items items(Loop.Items items) {
      if (!(items instanceof Loop.Over o)) {
        return items;
      }
      Argument source = required(o.source(), "a loop");
      if (!(source instanceof Argument.Constant c)) {
        return new Loop.Over(source);
      }
      List<Argument.Constant> values = new ArrayList<>();
      for (JsonNode item : Yaml.readJson(c.text())) {
        values.add(item.isString() ? Argument.Constant.of(item.asString())
            : item.isBoolean() ? new Argument.Constant(item.asBoolean() ? "True" : "False", ParameterType.BOOLEAN)
            : new Argument.Constant(Yaml.jsonText(item), item.isIntegralNumber() ? ParameterType.INTEGER
                : item.isNumber() ? ParameterType.FLOAT : item.isObject() ? ParameterType.STRUCT : ParameterType.LIST));
      }
      return new Loop.Constants(values);
    }
  }
}
