package dev.kfp4j.format.kfp2;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Branches;
import dev.kfp4j.model.Channels;
import dev.kfp4j.model.Condition;
import dev.kfp4j.model.Loop;
import dev.kfp4j.model.Node;
import dev.kfp4j.model.Nodes;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Step;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.model.VolumeStep;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The DAGs of a KFP 2 pipeline spec: the root, and one per condition, loop, branch chain, exit
 * handler and pipeline run as the exit task, each a component of its own. Knows which DAG holds each step, and which values from
 * outside each group needs (its "pipeline channels", passed in as {@code pipelinechannel--*}
 * inputs, as KFP's compiler names them).
 */
final class Levels {
  static final String EXIT_HANDLER = "exit-handler-1";

  /** A DAG: the root ({@code node} and {@code parent} null), a group of the model, or the exit handler. */
  static final class Level {
    final String name;
    final Node node;
    final Level parent;
    final List<Object> members = new ArrayList<>(); // Step or Level, in the order written
    /** Values from outside that the group needs, by channel name, in the order first used. */
    final Map<String, Argument> channels = new LinkedHashMap<>();

    Level(String name, Node node, Level parent) {
      this.name = name;
      this.node = node;
      this.parent = parent;
    }

    boolean isRoot() {
      return parent == null;
    }

    boolean within(Level other) {
      for (Level l = this; l != null; l = l.parent) {
        if (l == other) {
          return true;
        }
      }
      return false;
    }
  }

  private final Pipeline pipeline;
  final Level root = new Level("root", null, null);
  /** The exit handler's group, which holds the pipeline's body when it has an exit task, else null. */
  final Level exitHandler;
  /** The DAG of the pipeline run as the exit task ({@link dev.kfp4j.model.ExitPipeline}), or null. */
  final Level exitPipeline;
  private final Map<String, Level> levelOfStep = new HashMap<>();
  private final Map<String, Step> steps = new HashMap<>();
  private final Map<String, Level> loops = new HashMap<>();
  /** The collected outputs read anywhere, by loop, each once, in the order first read. */
  private final Map<String, Set<Argument.Collected>> collected = new LinkedHashMap<>();
  private final Map<String, Level> chains = new HashMap<>();
  /** The outputs of chains of branches read anywhere ({@code dsl.OneOf}), by chain, each once, in the order first read. */
  private final Map<String, Set<Argument.OneOf>> oneOfs = new HashMap<>();

  Levels(Pipeline pipeline) {
    this.pipeline = pipeline;
    VolumeStep runVolume = RunVolumes.step(pipeline);
    if (runVolume != null) {
      add(runVolume, root); // before the exit handler, so the exit task mounts it too
    }
    boolean exits = pipeline.exitTask() != null || pipeline.exitPipeline() != null;
    exitHandler = exits ? new Level(EXIT_HANDLER, null, root) : null;
    exitPipeline = pipeline.exitPipeline() == null ? null : new Level(pipeline.exitPipeline().name(), null, root);
    Level body = root;
    if (exitHandler != null) {
      body = exitHandler;
      root.members.add(body);
    }
    if (pipeline.exitTask() != null) {
      add(pipeline.exitTask(), root);
    }
    if (exitPipeline != null) {
      root.members.add(exitPipeline);
      for (Node n : pipeline.exitPipeline().nodes()) {
        add(n, exitPipeline);
      }
    }
    for (Node n : pipeline.nodes()) {
      add(n, body);
    }
    for (Step s : pipeline.steps()) {
      s.arguments().values().forEach(a -> collected(a, "task '" + s.name() + "'"));
    }
    pipeline.outputs().forEach((name, a) -> collected(a, "output '" + name + "'"));
    // a condition comparing a OneOf
    pipeline.allNodes().forEach(n -> Nodes.groupArguments(n).forEach(a -> collected(a, "group '" + n.name() + "'")));
    channels(root);
  }

  /** Notes what {@code a}, read by {@code reader}, collects from a loop or takes from a chain of branches. */
  private void collected(Argument a, String reader) {
    if (a instanceof Argument.Collected c) {
      if (pipeline.node(c.loop()).orElse(null) instanceof Condition && !loops.containsKey(c.loop())) {
        // KFP's compiler writes dsl.Collected of a task in no loop (conditional_producer_and_consumers.py); kfp4j reads it so
        throw new FormatException("pipeline '" + pipeline.name() + "': " + reader + " is the outputs of task '" + c.task()
            + "' (output '" + c.output() + "') collected (KFP's dsl.Collected) from condition '" + c.loop() + "', in no loop, which "
            + "KFP's compiler writes as a LIST output of the condition's DAG carrying the task's one value; kfp4j's model collects "
            + "a task's outputs only from a loop around it, and has no output of a condition: collect the outputs from a loop, or "
            + "read an output of a task outside the condition");
      }
      if (!loops.containsKey(c.loop())) {
        throw new FormatException("the outputs of '" + c.task() + "' collected from '" + c.loop() + "', which is no loop of pipeline '"
            + pipeline.name() + "'");
      }
      collected.computeIfAbsent(c.loop(), k -> new LinkedHashSet<>()).add(c);
    }
    if (a instanceof Argument.OneOf o) {
      chain(o.branches());
      oneOfs.computeIfAbsent(o.branches(), k -> new LinkedHashSet<>()).add(o);
    }
  }

  /** The outputs read of chain {@code chain}, each once, in the order first read. */
  List<Argument.OneOf> oneOfs(String chain) {
    return List.copyOf(oneOfs.getOrDefault(chain, Set.of()));
  }

  /**
   * The output of a chain's DAG that gives {@code o}, as KFP 2 names it: {@code
   * pipelinechannel--condition-branches-1-oneof-1}, numbered in the order first read.
   */
  String oneOfKey(Argument.OneOf o) {
    int index = oneOfs(o.branches()).indexOf(o);
    if (index < 0) {
      throw new FormatException("pipeline '" + pipeline.name() + "': one of the outputs of '" + o.branches() + "' is read nowhere");
    }
    return Kfp2Dags.PREFIX + o.branches() + "-oneof-" + (index + 1);
  }

  /** The level of chain of branches {@code name}. */
  Level chain(String name) {
    Level l = chains.get(name);
    if (l == null) {
      throw new FormatException("'" + name + "' is no chain of branches of pipeline '" + pipeline.name() + "'");
    }
    return l;
  }

  /** The outputs collected from any loop, each once, loop by loop in the order first read. */
  List<Argument.Collected> allCollected() {
    List<Argument.Collected> out = new ArrayList<>();
    collected.values().forEach(out::addAll);
    return out;
  }

  /** The level of loop {@code name}. */
  Level loop(String name) {
    Level l = loops.get(name);
    if (l == null) {
      throw new FormatException("'" + name + "' is no loop of pipeline '" + pipeline.name() + "'");
    }
    return l;
  }

  private void add(Node n, Level level) {
    if (n instanceof Step s) {
      level.members.add(s);
      levelOfStep.put(s.name(), level);
      steps.put(s.name(), s);
      return;
    }
    Level child = new Level(n.name(), n, level);
    level.members.add(child);
    if (n instanceof Loop) {
      loops.put(n.name(), child);
    }
    if (n instanceof Branches) {
      chains.put(n.name(), child);
    }
    for (Node m : Nodes.body(n)) {
      add(m, child);
    }
  }

  Step step(String name) {
    return steps.get(name);
  }

  Level levelOf(String step) {
    return levelOfStep.get(step);
  }

  /** The member of {@code level} that is or holds step {@code name}, or null when it is outside. */
  Object memberContaining(String name, Level level) {
    Level l = levelOfStep.get(name);
    if (l == null) {
      return null;
    }
    if (l == level) {
      return steps.get(name);
    }
    while (l != null && l.parent != level) {
      l = l.parent;
    }
    return l;
  }

  /**
   * The name of a loop's item, as KFP names it: {@code loop-item-param-3}, or {@code <source>-loop-item}; {@code -2} after it
   * for a loop over the same list inside a loop over it whose item it reads (KFP's compiler would give both the one name),
   * as KFP's name where it reads none of them.
   */
  String itemChannel(String loop) {
    Level l = loops.get(loop);
    if (l == null) {
      throw new FormatException("a loop item of '" + loop + "', which is no loop of pipeline '" + pipeline.name() + "'");
    }
    Loop.Items items = ((Loop) l.node).items();
    if (items instanceof Loop.Over over) {
      // a loop inside another over the same list would shadow the outer one's item: numbered, -2, -3, from the outside in
      String name = listChannel(over.source(), l) + "-loop-item";
      int outer = 0;
      boolean hides = false;
      for (Level a = l.parent; a != null; a = a.parent) {
        if (a.node instanceof Loop o && o.items() instanceof Loop.Over ao && name.equals(listChannel(ao.source(), a) + "-loop-item")) {
          outer++;
          hides |= readsItem(l, a);
        }
      }
      return !hides ? name : name + "-" + (outer + 1);
    }
    return Channels.loopItemParam(loop);
  }

  /**
   * The channel of the list loop {@code l} runs over: {@link #channel}'s, or for a field of an outer loop's item ({@code
   * dsl.ParallelFor(item.p_a)}) the field selected from the whole item, as KFP names it ({@code loop_parameter-loop-item-subvar-p_a}).
   */
  String listChannel(Argument source, Level l) {
    return source instanceof Argument.LoopItem item && item.field() != null ? subvar(item) : channel(source, l);
  }

  /** Whether anything in loop {@code inner} reads the item of loop {@code outer} around it, or a condition between them does. */
  private static boolean readsItem(Level inner, Level outer) {
    List<Argument> read = new ArrayList<>();
    for (Level a = inner.parent; a != outer; a = a.parent) {
      read.addAll(groupArguments(a)); // a condition's operands reach every group inside it
    }
    Nodes.walk(List.of(inner.node), n -> read.addAll(n instanceof Step s ? arguments(s) : Nodes.groupArguments(n)));
    return read.stream().anyMatch(x -> x instanceof Argument.LoopItem item && item.loop().equals(outer.name));
  }

  /**
   * The channel's full name of an argument used inside {@code level} from outside it ({@code n},
   * {@code add-Output}, a loop item, {@code for-loop-2-pipelinechannel--square-Output}), or null
   * where the level has it itself (a constant, an output of a step inside, its own item, what a
   * loop of its own collects).
   */
  String channel(Argument a, Level level) {
    if (a instanceof Argument.PipelineParameter p) {
      return p.name();
    }
    if (Argument.RunValue.isStatus(a)) { // the status the exit pipeline takes, passed down into its groups (none elsewhere)
      return level != exitPipeline && statusInput(level) != null ? pipeline.exitPipeline().status() : null;
    }
    if (a instanceof Argument.TaskOutput o) {
      Level producer = levelOfStep.get(o.task());
      if (producer == null) {
        throw new FormatException("an output of '" + o.task() + "', which is no step of pipeline '" + pipeline.name() + "'");
      }
      return producer.within(level) ? null : o.task() + "-" + o.output();
    }
    if (a instanceof Argument.LoopItem item) {
      return item.loop().equals(level.name) && level.node instanceof Loop ? null : itemChannel(item.loop());
    }
    if (a instanceof Argument.Collected c) {
      Level loop = loop(c.loop());
      if (level.within(loop)) {
        throw new FormatException("pipeline '" + pipeline.name() + "': the outputs of '" + c.task() + "' collected from '" + c.loop()
            + "' are read inside that loop; read them after it");
      }
      return level.within(loop.parent) && level != loop.parent ? c.loop() + "-" + Kfp2Dags.collectedKey(c) : null;
    }
    if (a instanceof Argument.OneOf o) {
      Level chain = chain(o.branches());
      if (level.within(chain)) {
        throw new FormatException("pipeline '" + pipeline.name() + "': one of the outputs of '" + o.branches()
            + "' is read inside that chain; read it after it");
      }
      return level.within(chain.parent) && level != chain.parent ? o.branches() + "-" + oneOfKey(o) : null;
    }
    return null;
  }

  /**
   * Where a task or a group's task in {@code level} reads the pipeline's final status the exit pipeline takes, as KFP's
   * compiler passes it down: the exit pipeline's own input ({@code status}, as its parameter is named) at its top level, the
   * channel of a group inside it ({@code pipelinechannel--status}, a {@code STRUCT}) below; null outside the exit pipeline,
   * or when it takes no status.
   */
  String statusInput(Level level) {
    if (exitPipeline == null || pipeline.exitPipeline().status() == null || !level.within(exitPipeline)) {
      return null;
    }
    return level == exitPipeline ? pipeline.exitPipeline().status() : Channels.PREFIX + pipeline.exitPipeline().status();
  }

  /**
   * The channel of a field of a loop's item that a condition compares, as KFP names it ({@code
   * loop-item-param-1-subvar-a}): the condition's task selects the field from the whole item, so
   * that its condition reads the field's value.
   */
  String subvar(Argument.LoopItem item) {
    return itemChannel(item.loop()) + "-subvar-" + item.field();
  }

  /** The whole value a channel carries: a loop item's whole item, else the argument itself. */
  static Argument source(Argument a) {
    return a instanceof Argument.LoopItem item && item.field() != null ? new Argument.LoopItem(item.loop(), null) : a;
  }

  /**
   * Fills each level's channels: what the steps and groups inside it read from outside it, and,
   * as KFP's compiler does, the values a condition compares, in every group inside the condition.
   */
  private void channels(Level level) {
    for (Object m : level.members) {
      if (m instanceof Step s) {
        for (Argument a : arguments(s)) {
          need(a, level);
        }
      } else {
        Level child = (Level) m;
        for (Argument a : groupArguments(child)) {
          need(a, child);
          need(a, level);
          if ((predicate(child) != null || child.node instanceof Loop) && a instanceof Argument.LoopItem item && item.field() != null) {
            child.channels.putIfAbsent(subvar(item), item);
          }
        }
        for (Level l = level; l != null; l = l.parent) {
          if (predicate(l) != null) {
            for (Argument a : groupArguments(l)) {
              need(a, child);
            }
          }
        }
        channels(child);
        for (Argument a : child.channels.values()) {
          need(a, level);
        }
      }
    }
  }

  private void need(Argument a, Level level) {
    if (level.isRoot()) {
      return;
    }
    String c = channel(a, level);
    if (c != null) {
      level.channels.putIfAbsent(c, source(a));
    }
  }

  /** A step's arguments, with the claim names of volumes it mounts and the values its settings take. */
  static List<Argument> arguments(Step s) {
    List<Argument> out = new ArrayList<>(s.arguments().values());
    for (TaskSetting t : s.settings()) {
      if (t instanceof TaskSetting.VolumeMount m) {
        out.add(new Argument.TaskOutput(m.volume(), "name"));
      }
    }
    out.addAll(Nodes.settingArguments(s));
    return out;
  }

  /** What a group task reads itself: a condition's operands, a loop's items. */
  static List<Argument> groupArguments(Level group) {
    List<Argument> out = new ArrayList<>();
    dev.kfp4j.model.Predicate p = predicate(group);
    if (p != null) {
      Nodes.operands(p, out);
    } else if (group.node instanceof Loop) {
      out.addAll(Nodes.groupArguments(group.node));
    }
    return out;
  }

  /** When a condition's task runs: its predicate, and in a chain of branches no earlier branch's. */
  static dev.kfp4j.model.Predicate predicate(Level group) {
    if (!(group.node instanceof Condition c)) {
      return null;
    }
    if (group.parent != null && group.parent.node instanceof Branches b) {
      return b.effectivePredicate(b.branches().indexOf(c));
    }
    return c.predicate();
  }
}
