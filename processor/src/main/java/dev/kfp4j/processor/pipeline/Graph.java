package dev.kfp4j.processor.pipeline;

import dev.kfp4j.spec.ComponentSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The DAG read from a pipeline body: tasks, their arguments, dependencies and settings. */
final class Graph {
  final PipelineModel pipeline;
  final List<Node> tasks = new ArrayList<>();
  final Group root = new Group(0, Group.Kind.ROOT, null);
  Node exitTask;
  private int groups;
  private final Map<String, Integer> names = new LinkedHashMap<>();

  Graph(PipelineModel pipeline) {
    this.pipeline = pipeline;
  }

  Group newGroup(Group.Kind kind, Group parent) {
    Group g = new Group(++groups, kind, parent);
    parent.members.add(g);
    return g;
  }

  /** A unique task name: {@code add}, {@code add-2}, {@code add-3}... */
  String taskName(String component) {
    int n = names.merge(component, 1, Integer::sum);
    String name = n == 1 ? component : component + "-" + n;
    while (n > 1 && names.containsKey(name)) {
      name = component + "-" + (++n);
    }
    if (n > 1) {
      names.put(name, 1);
    }
    return name;
  }

  /** An argument of a task input. */
  sealed interface Arg permits Constant, Param, Output, Item {}

  /** A compile-time constant in KFP text form. */
  record Constant(String text) implements Arg {}

  /** A pipeline parameter. */
  record Param(String name) implements Arg {}

  /** An output of another task. */
  record Output(Node task, String output) implements Arg {}

  /** The current item of an enclosing loop, or one of its fields (null for the whole item). */
  record Item(Loop loop, String field) implements Arg {}

  /** A condition on two values: {@code left op right}. */
  record Condition(Arg left, String operator, Arg right) {}

  /** A parallel loop: over constant items, a list parameter or a list output. */
  static final class Loop {
    final List<Object> items; // constant items (String, Number, Boolean, Map) or null
    final Arg source; // Param or Output, or null for constant items
    final int parallelism;

    Loop(List<Object> items, Arg source, int parallelism) {
      this.items = items;
      this.source = source;
      this.parallelism = parallelism;
    }
  }

  /**
   * A group of tasks: the pipeline's root, a condition or a loop. Each non-root group compiles to
   * a DAG template of its own and a task running it in its parent, as KFP's compiler does.
   */
  static final class Group {
    enum Kind {
      ROOT,
      CONDITION,
      LOOP
    }

    final int id;
    final Kind kind;
    final Group parent;
    final List<Object> members = new ArrayList<>(); // Node or Group, in body order
    Condition condition;
    Loop loop;

    Group(int id, Kind kind, Group parent) {
      this.id = id;
      this.kind = kind;
      this.parent = parent;
    }

    String templateName() {
      return kind == Kind.CONDITION ? "condition-" + id : "for-loop-" + id;
    }

    /** Whether {@code this} is {@code other} or inside it. */
    boolean within(Group other) {
      for (Group g = this; g != null; g = g.parent) {
        if (g == other) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * A Kubernetes resource step ({@code Dsl.volume}, {@code Dsl.resource}): an Argo resource
   * template. The manifest may use {@code {{inputs.parameters.X}}} for the task's arguments.
   */
  static final class Resource {
    final String action;
    final String manifest;
    String successCondition;
    String failureCondition;
    final Map<String, String> outputs = new LinkedHashMap<>(); // name -> JSON path

    Resource(String action, String manifest) {
      this.action = action;
      this.manifest = manifest;
    }
  }

  /** A task: one op call, or a resource step. */
  static final class Node {
    final String name;
    final ComponentSpec spec;
    final Object tree; // the op call, for error positions
    final Map<String, Arg> arguments = new LinkedHashMap<>();
    final Set<Node> after = new LinkedHashSet<>();
    final Map<String, List<Object>> settings = new LinkedHashMap<>();
    final Group group;
    Resource resource;
    /**
     * For the call of a graph component, which is not a task itself: the container tasks it
     * expanded to, as KFP v1 inlines a graph's tasks into the pipeline; null for a task.
     */
    List<Node> graphTasks;
    /** For the call of a graph component: each of its outputs, from its spec's outputValues. */
    Map<String, Arg> graphOutputs;

    @Override
    public String toString() {
      return name;
    }

    Node(String name, ComponentSpec spec, Object tree, Group group) {
      this.name = name;
      this.spec = spec;
      this.tree = tree;
      this.group = group;
    }

    /** Tasks this one waits for: data dependencies and {@code after(...)} (a graph call: all its tasks). */
    Set<Node> dependencies() {
      Set<Node> deps = new LinkedHashSet<>();
      for (Node a : after) {
        deps.addAll(a.graphTasks != null ? a.graphTasks : List.of(a));
      }
      for (Arg a : arguments.values()) {
        if (a instanceof Output o) {
          deps.add(o.task());
        }
      }
      deps.remove(this);
      return deps;
    }
  }
}
