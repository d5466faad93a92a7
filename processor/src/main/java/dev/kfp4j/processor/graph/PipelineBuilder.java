package dev.kfp4j.processor.graph;

import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Branches;
import dev.kfp4j.model.Condition;
import dev.kfp4j.model.Loop;
import dev.kfp4j.model.Node;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Predicate;
import dev.kfp4j.model.RunSetting;
import dev.kfp4j.model.TaskNames;
import dev.kfp4j.processor.base.Position;
import dev.kfp4j.processor.model.PipelineModel;
import dev.kfp4j.spec.ComponentSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The DAG of a pipeline body while it is read: steps and groups that still take settings and
 * arguments, each with where it is written, and the places that name tasks. Checks read it
 * ({@code dev.kfp4j.processor.validation.graph}); {@link #build} makes the immutable {@link
 * Pipeline}. Steps are named as they are made ({@code add}, {@code add-2}), groups numbered
 * ({@code condition-1}, {@code for-loop-2}).
 */
public final class PipelineBuilder {
  private static final Predicate UNREAD =
      new Predicate.Comparison(Argument.Constant.of(""), Predicate.Operator.EQ, Argument.Constant.of(""));
  private final PipelineModel pipeline;
  private final Group root = Group.root();
  private final List<StepBuilder> steps = new ArrayList<>();
  private final Map<String, StepBuilder> byName = new HashMap<>();
  private final Map<String, Group> groups = new java.util.LinkedHashMap<>();
  private final TaskNames names = new TaskNames();
  private final Set<GraphCall> graphCalls = new LinkedHashSet<>();
  private final List<TaskBuilder> pipelineCalls = new ArrayList<>();
  private final List<Use> uses = new ArrayList<>();
  private final List<ComparisonCall> comparisons = new ArrayList<>();
  private final Map<String, Argument> outputs = new LinkedHashMap<>();
  private TaskBuilder exitTask;
  private final Set<TaskBuilder> handlerExitTasks = new LinkedHashSet<>();
  private String exitHandlerName;
  private Position exitHandlerAt;
  private boolean incomplete;
  /**
   * The last group number given, as KFP's compiler counts its groups: one counter for conditions, chains, loops, the items of
   * loops over constants and exit handlers.
   */
  private int numbered;
  private Position method;
  private boolean cachingByDefault = true;

  public PipelineBuilder(PipelineModel pipeline) {
    this.pipeline = pipeline;
  }

  public PipelineModel pipeline() {
    return pipeline;
  }

  /**
   * Whether a task without a {@code caching(...)} call of its own caches (the default) or has the cache off, as the
   * processor option {@code kfp4j.disableExecutionCachingByDefault} says.
   */
  public void cachingByDefault(boolean on) {
    this.cachingByDefault = on;
  }

  /** Sets where the pipeline's method is written. */
  public void at(Position method) {
    this.method = method;
  }

  /** Where the pipeline's method is written (for errors on it after its class is written), or null. */
  public Position at() {
    return method;
  }

  public Group root() {
    return root;
  }

  /**
   * A new group of {@code parent} whose members run when {@code condition} holds; {@code
   * condition} is null when it could not be read (an error said why), and the body is read all
   * the same.
   */
  public Group condition(Group parent, ComparisonCall condition) {
    Predicate predicate = UNREAD;
    if (condition != null) {
      comparisons.add(condition);
      predicate = condition.comparison();
    }
    if (parent.kind() == Group.Kind.BRANCHES) {
      return branch(parent, predicate);
    }
    return add(parent, Group.condition(++numbered, parent, predicate));
  }

  /**
   * A new chain of branches in {@code parent}, as KFP 2's {@code dsl.If}/{@code Elif}/{@code
   * Else}: add its branches with {@link #condition} (on the chain) and {@link #otherwise}.
   */
  public Group branches(Group parent) {
    return add(parent, Group.branches(++numbered, parent));
  }

  /** The last branch of chain {@code branches}: it runs when no other did. */
  public Group otherwise(Group branches) {
    return branch(branches, null);
  }

  /**
   * A new branch of chain {@code branches}, numbered as KFP 2's compiler numbers its {@code dsl.If}/{@code Elif}/{@code
   * Else}: the first branch when the second is added, after the groups of its body (KFP numbers the {@code dsl.If} when
   * the {@code dsl.Elif} after it is read, and the chain takes the {@code dsl.If}'s number), the others before theirs.
   * {@code Dsl.when(a, ...{Dsl.when(b, ...)}).otherwise(...)}: {@code condition-branches-1}, its first branch {@code
   * condition-3} holding {@code condition-2}, and {@code condition-4}.
   */
  private Group branch(Group branches, Predicate predicate) {
    if (branches.members.isEmpty()) {
      Group first = Group.firstBranch(branches, predicate);
      branches.members.add(first);
      return first;
    }
    if (branches.members.size() == 1 && branches.members.get(0) instanceof Group first && first.name() == null) {
      first.number(++numbered);
      groups.put(first.name(), first);
    }
    return add(branches, Group.condition(++numbered, branches, predicate));
  }

  /**
   * A new group of {@code parent} run once per item, with the Java types of the item and its fields. A loop over constant
   * items takes two numbers, its item's ({@code loop-item-param-1}) and then its own ({@code for-loop-2}), as KFP's
   * compilers (v1's and 2's) number a {@code dsl.ParallelFor([1, 2, 3])}; a loop over a parameter or an output takes one.
   */
  public Group loop(Group parent, Loop.Items items, int parallelism, ParameterType itemType, Map<String, ParameterType> fieldTypes,
      Position itemsAt) {
    if (items instanceof Loop.Constants) {
      numbered++; // the item's number: Channels.loopItemParam names it from the loop's
    }
    return add(parent, Group.loop(++numbered, parent, items, parallelism, itemType, fieldTypes, itemsAt));
  }

  private Group add(Group parent, Group group) {
    parent.members.add(group);
    groups.put(group.name(), group);
    return group;
  }

  /** A task of {@code component}, named after {@code baseName}, made unique. */
  public TaskBuilder task(String baseName, ComponentSpec component, Group group, Position at) {
    return add(new TaskBuilder(names.unique(baseName), component, group, at, null, null));
  }

  /** The call of graph component {@code component}, as its op {@code name}s it; its tasks come from {@link #graphTask}. */
  public GraphCall graphCall(String name, ComponentSpec component, Group group, Position at) {
    GraphCall call = new GraphCall(name, component, group, at);
    graphCalls.add(call);
    return call;
  }

  /** Task {@code id} of {@code call}'s graph, running {@code component}, named after {@code baseName}. */
  public TaskBuilder graphTask(GraphCall call, String baseName, ComponentSpec component, String id) {
    TaskBuilder task = add(new TaskBuilder(names.unique(baseName), component, call.group(), call.position(), call, id));
    call.add(task);
    return task;
  }

  /**
   * The call of {@code @Pipeline} method {@code call}: a stand-in task named after the called
   * pipeline, made unique, whose component is that pipeline's interface ({@code iface}: its
   * parameters as inputs, its outputs).
   */
  public TaskBuilder pipelineCall(PipelineCall call, ComponentSpec iface, Group group, Position at) {
    TaskBuilder task = add(new TaskBuilder(names.unique(call.pipelineName()), iface, group, at, null, null, call));
    pipelineCalls.add(task);
    return task;
  }

  /** The stand-in tasks of calls of other pipelines, in the order read. */
  public List<TaskBuilder> pipelineCalls() {
    return Collections.unmodifiableList(pipelineCalls);
  }

  /** How many group numbers the body has given: the groups of a pipeline called here are numbered after them. */
  public int groupCount() {
    return numbered;
  }

  public VolumeBuilder volume(String resourceName, String accessMode, String storageClass, Group group, Position at) {
    return add(new VolumeBuilder(names.unique(resourceName), resourceName, accessMode, storageClass, group, at));
  }

  /** An importer of an artifact of {@code artifactType}, named {@code importer}, made unique, as KFP names it. */
  public ImporterBuilder importer(String artifactType, Group group, Position at) {
    return add(new ImporterBuilder(names.unique("importer"), artifactType, group, at));
  }

  /** A resource step named {@code <action>-<kind>}, made unique. */
  public ResourceBuilder resource(String action, String kind, String manifest, Group group, Position at) {
    return add(new ResourceBuilder(names.unique(action + "-" + kind), action, manifest, group, at));
  }

  private <S extends StepBuilder> S add(S step) {
    steps.add(step);
    byName.put(step.name(), step);
    step.group().members.add(step);
    return step;
  }

  /**
   * Makes {@code task}, read in the root, the exit task: it runs when the rest ends, whatever the outcome. The exit handler's
   * group takes the first group number ({@code exit-handler-1}), so the groups in its body are numbered from 2, as KFP's
   * compilers (v1's and 2's) number them.
   */
  public void exitTask(TaskBuilder task) {
    root.members.remove(task);
    exitTask = task;
    numbered = Math.max(numbered, 1);
  }

  public TaskBuilder exitTask() {
    return exitTask;
  }

  /**
   * A new group of the root for the body of one of several exit handlers (KFP 2's {@code exit-handler-N}, numbered with the
   * conditions and loops, as KFP's compiler numbers its groups), named {@code displayName} (null: no name of its own).
   */
  public Group exitHandler(String displayName) {
    Group g = add(root, Group.exitHandler(++numbered, root));
    g.displayName = displayName;
    return g;
  }

  /**
   * Makes {@code task}, read in the root, the exit task of one of several exit handlers (KFP 2's), whose body is group
   * {@code handler}: it runs after every step in it, whatever happened to them ({@code ALL_UPSTREAM_TASKS_COMPLETED}, as
   * kfp4j's model holds each exit task of KFP's exit handlers beside others), put after it; {@code afterFailure} false when
   * the pipeline cannot have it (an error said why).
   */
  public void handlerExitTask(TaskBuilder task, Group handler, Position at, boolean afterFailure) {
    for (StepBuilder s : steps(handler)) { // as after(loop): the formats write the wait for the group that holds them
      task.after(s.name());
    }
    if (afterFailure) {
      task.setting(new SettingCall(new RunSetting.IgnoreUpstreamFailure(), "exitHandler", at));
    }
    root.members.remove(task);
    root.members.add(task);
    handlerExitTasks.add(task);
  }

  /** Whether {@code step} is the exit task of one of several exit handlers. */
  public boolean handlerExitTask(StepBuilder step) {
    return handlerExitTasks.contains(step);
  }

  /** Where the {@code Dsl.exitHandler} statement is written. */
  public void exitHandlerAt(Position at) {
    exitHandlerAt = at;
  }

  /** Where the {@code Dsl.exitHandler} statement is written, or null. */
  public Position exitHandlerAt() {
    return exitHandlerAt;
  }

  /** Whether the exit task is a pipeline's ({@code Dsl.exitHandler(() -> Cleanup.cleanup(Dsl.runStatus()), ...)}), put in when it is read. */
  public boolean exitsByPipeline() {
    return exitTask != null && exitTask.pipelineCall() != null;
  }

  /** Names the exit handler ({@code Dsl.exitHandler(t, "notify", ...)}, KFP's {@code dsl.ExitHandler(t, name='notify')}). */
  public void exitHandlerName(String name) {
    exitHandlerName = name;
  }

  /** Makes {@code value}, a task's output or a loop's collected outputs, the pipeline's output {@code name}. */
  public void output(String name, Argument value) {
    outputs.put(name, value);
  }

  public Map<String, Argument> outputs() {
    return Collections.unmodifiableMap(outputs);
  }

  /** Records a place that reads an output of a task or waits for it. */
  public void use(Use use) {
    uses.add(use);
  }

  /** Every step, the exit task too, in the order made. */
  public List<StepBuilder> steps() {
    return Collections.unmodifiableList(steps);
  }

  /** The steps inside {@code group}, in its groups too, in the order made. */
  public List<StepBuilder> steps(Group group) {
    return steps.stream().filter(s -> s != exitTask && s.group().within(group)).toList();
  }

  /** The calls of graph components. */
  public Set<GraphCall> graphCalls() {
    return Collections.unmodifiableSet(graphCalls);
  }

  public StepBuilder step(String name) {
    return byName.get(name);
  }

  /** The condition or loop named {@code name}. */
  public Group group(String name) {
    return groups.get(name);
  }

  /** Every group but the root, in the order made. */
  public java.util.Collection<Group> groups() {
    return Collections.unmodifiableCollection(groups.values());
  }

  public List<Use> uses() {
    return Collections.unmodifiableList(uses);
  }

  public List<ComparisonCall> comparisons() {
    return Collections.unmodifiableList(comparisons);
  }

  /** Marks the body as not read whole: some of it could not be read, and an error (kfp4j's or javac's) said why. */
  public void markIncomplete() {
    incomplete = true;
  }

  public boolean incomplete() {
    return incomplete;
  }

  /** The pipeline read. */
  public Pipeline build() {
    if (!cachingByDefault) {
      steps.forEach(PipelineBuilder::cacheOffUnlessSet);
    }
    Map<String, String> described = new LinkedHashMap<>(pipeline.outputDescriptions());
    described.keySet().retainAll(outputs.keySet());
    return new Pipeline(pipeline.name(), pipeline.description(), pipeline.modelParameters(), nodes(root),
        exitTask == null ? null : exitTask.build(), pipeline.settings(), pipeline.source(), outputs, null,
        exitTask == null ? null : exitHandlerName).withOutputDescriptions(described);
  }

  /**
   * Turns the cache off on a task or importer that does not set it, as KFP's compiler gives every task it makes the
   * default then: a call of another pipeline too (KFP 2 writes it on the call's DAG task), whose own tasks take the default
   * where that pipeline is compiled.
   */
  private static void cacheOffUnlessSet(StepBuilder step) {
    if ((step instanceof ImporterBuilder || step instanceof TaskBuilder) && step.settings().stream().noneMatch(s -> s.setting() instanceof RunSetting.Caching)) {
      step.setting(new SettingCall(new RunSetting.Caching(false), "caching", step.position()));
    }
  }

  private static List<Node> nodes(Group group) {
    List<Node> out = new ArrayList<>(group.members.size());
    for (Object member : group.members) {
      if (member instanceof StepBuilder s) {
        out.add(s.build());
      } else {
        out.add(node((Group) member));
      }
    }
    return out;
  }

  private static Node node(Group g) {
    switch (g.kind()) {
      case CONDITION:
      case EXIT_HANDLER: // an exit handler's group: no predicate
        return new Condition(g.name(), g.predicate, nodes(g), g.displayName);
      case BRANCHES:
        List<Condition> branches = new ArrayList<>();
        for (Object member : g.members) {
          branches.add((Condition) node((Group) member));
        }
        return new Branches(g.name(), branches);
      default:
        return new Loop(g.name(), g.items, g.parallelism, nodes(g), g.displayName);
    }
  }
}
