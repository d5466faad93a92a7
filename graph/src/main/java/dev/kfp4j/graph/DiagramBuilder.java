package dev.kfp4j.graph;

import dev.kfp4j.graph.Diagram.Box;
import dev.kfp4j.graph.Diagram.BoxKind;
import dev.kfp4j.graph.Diagram.Edge;
import dev.kfp4j.graph.Diagram.EdgeKind;
import dev.kfp4j.graph.Diagram.Group;
import dev.kfp4j.graph.Diagram.GroupKind;
import dev.kfp4j.graph.Diagram.Shape;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Branches;
import dev.kfp4j.model.Condition;
import dev.kfp4j.model.Loop;
import dev.kfp4j.model.Node;
import dev.kfp4j.model.Nodes;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.ImporterStep;
import dev.kfp4j.model.ResourceStep;
import dev.kfp4j.model.Step;
import dev.kfp4j.model.Task;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.model.VolumeStep;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a pipeline into its {@link Diagram}: one box per step, one group per condition, loop and exit handler. */
final class DiagramBuilder {
  private static final Pattern KIND = Pattern.compile("(?m)^\\s*\"?kind\"?\\s*:\\s*\"?([A-Za-z0-9]+)");

  /** Shape ids by node name. */
  private final Map<String, String> ids = new HashMap<>();
  private final Map<String, Step> steps = new HashMap<>();
  /** The ids of the groups around each node, innermost first, by node name. */
  private final Map<String, List<String>> enclosing = new HashMap<>();
  /** The groups being built around the node at hand, innermost first. */
  private final ArrayDeque<String> around = new ArrayDeque<>();
  /** The label lines of each edge, in the order found. */
  private final Map<Key, List<String>> edges = new LinkedHashMap<>();
  private int boxes;
  private int groups;

  private DiagramBuilder() {}

  static Diagram of(Pipeline pipeline) {
    return new DiagramBuilder().build(pipeline);
  }

  private Diagram build(Pipeline p) {
    String handler = p.exitTask() == null && p.exitPipeline() == null ? null : "g" + groups++;
    List<Shape> top = shapes(p.nodes());
    // the exit handler's own name (dsl.ExitHandler(t, name='notify')) in quotes, as a task's display name
    String handlerLabel = p.exitHandlerName() == null ? "exit handler" : "exit handler \"" + p.exitHandlerName() + "\"";
    if (p.exitTask() != null) {
      top = List.of(new Group(handler, "exit-handler", GroupKind.EXIT_HANDLER, handlerLabel, top),
          box(p.exitTask(), BoxKind.EXIT));
    }
    String exitGroup = null;
    if (p.exitPipeline() != null) { // a pipeline as exit task: its nodes in a group of its own, run on exit
      Group body = new Group(handler, "exit-handler", GroupKind.EXIT_HANDLER, handlerLabel, top);
      exitGroup = "g" + groups++;
      top = List.of(body, new Group(exitGroup, p.exitPipeline().name(), GroupKind.EXIT_HANDLER, "exit pipeline",
          shapes(p.exitPipeline().nodes())));
      Nodes.walk(p.exitPipeline().nodes(), this::edgesInto);
    }
    Nodes.walk(p.nodes(), this::edgesInto);
    if (p.exitTask() != null) {
      edgesInto(p.exitTask());
      add(handler, ids.get(p.exitTask().name()), EdgeKind.AFTER, "on exit");
    }
    if (exitGroup != null) {
      add(handler, exitGroup, EdgeKind.AFTER, "on exit");
    }
    List<Edge> out = new ArrayList<>();
    edges.forEach((key, label) -> out.add(new Edge(key.from(), key.to(), key.kind(), label)));
    return new Diagram(p.name(), top, out);
  }

  private List<Shape> shapes(List<? extends Node> nodes) {
    List<Shape> out = new ArrayList<>();
    for (Node n : nodes) {
      enclosing.put(n.name(), List.copyOf(around));
      out.add(shape(n));
    }
    return out;
  }

  private Shape shape(Node n) {
    if (n instanceof Task t) {
      return box(t, BoxKind.TASK);
    }
    if (n instanceof VolumeStep v) {
      String size = v.size() instanceof Argument.Constant c ? c.text() : Describe.argument(v.size());
      String claim = size + ", " + v.accessMode() + (v.storageClass().isEmpty() ? "" : ", " + v.storageClass())
          + (v.uniqueName() ? "" : ", fixed name");
      return v.deletion() == null ? box(v, BoxKind.VOLUME, "volume " + v.resourceName(), claim)
          : box(v, BoxKind.VOLUME, "volume " + v.resourceName(), claim, deletion(v));
    }
    if (n instanceof ImporterStep i) {
      String uri = i.uri() instanceof Argument.Constant c ? c.text() : Describe.argument(i.uri());
      return box(i, BoxKind.IMPORTER, "imports " + i.artifactType(), uri + (i.reimport() ? ", again" : ""));
    }
    if (n instanceof ResourceStep r) {
      Matcher kind = KIND.matcher(r.manifest());
      return box(r, BoxKind.RESOURCE, r.action() + " " + (kind.find() ? kind.group(1) : "resource"));
    }
    String id = "g" + groups++;
    ids.put(n.name(), id);
    if (n instanceof Loop l) {
      return new Group(id, l.name(), GroupKind.LOOP, Describe.loop(l), inside(id, l.body()));
    }
    if (n instanceof Condition c) {
      String label = c.predicate() != null ? "if " + Describe.predicate(c.predicate()) // else an exit handler's group
          : "exit handler" + (c.displayName() == null ? "" : " \"" + c.displayName() + "\""); // its name in quotes, as above
      return new Group(id, c.name(), GroupKind.CONDITION, label, inside(id, c.body()));
    }
    Branches b = (Branches) n;
    List<Shape> branches = new ArrayList<>();
    for (int i = 0; i < b.branches().size(); i++) {
      Condition c = b.branches().get(i);
      String branch = "g" + groups++;
      ids.put(c.name(), branch);
      String label = c.predicate() == null ? "else" : (i == 0 ? "if " : "elif ") + Describe.predicate(c.predicate());
      around.push(id);
      branches.add(new Group(branch, c.name(), GroupKind.CONDITION, label, inside(branch, c.body())));
      around.pop();
    }
    return new Group(id, b.name(), GroupKind.BRANCHES, chain(b), branches);
  }

  /** What a chain of branches is: {@code if / else}, {@code if / elif}, {@code if / elif / else}. */
  private static String chain(Branches b) {
    boolean otherwise = b.branches().get(b.branches().size() - 1).predicate() == null;
    int elifs = b.branches().size() - 1 - (otherwise ? 1 : 0);
    return "if" + (elifs > 0 ? " / elif" : "") + (otherwise ? " / else" : "");
  }

  /** The shapes of {@code body}, inside the group {@code id}. */
  private List<Shape> inside(String id, List<Node> body) {
    around.push(id);
    List<Shape> out = shapes(body);
    around.pop();
    return out;
  }

  /**
   * When a volume's claim is deleted, a step of the run drawn in the volume's box: after the steps that mount it or those its
   * {@code DeletePVC} names (the volume step aside), when they end whatever happened to them or when they succeed.
   */
  private static String deletion(VolumeStep v) {
    VolumeStep.Deletion d = v.deletion();
    if (d.afterMounts()) {
      return "deleted when its mounts end";
    }
    List<String> after = d.after().stream().filter(s -> !s.equals(v.name())).toList();
    String when = d.whateverHappened() ? "end" : "succeed";
    return after.isEmpty() ? "deleted once made"
        : "deleted when " + String.join(", ", after) + " " + when + (after.size() == 1 ? "s" : "");
  }

  private Box box(Task t, BoxKind kind) {
    List<String> lines = new ArrayList<>();
    if (t.component().name() != null && !t.component().name().isEmpty()) {
      lines.add("runs " + t.component().name());
    }
    for (TaskSetting s : t.settings()) {
      if (s instanceof TaskSetting.DisplayName d) {
        lines.add("“" + d.name() + "”");
      } else if (s instanceof TaskSetting.PvcMount m) {
        lines.add("mounts " + m.claim() + " at " + m.mountPath());
      }
    }
    return box(t, kind, lines.toArray(String[]::new));
  }

  private Box box(Step s, BoxKind kind, String... lines) {
    String id = "n" + boxes++;
    ids.put(s.name(), id);
    steps.put(s.name(), s);
    return new Box(id, s.name(), kind, List.of(lines));
  }

  /** The edges into {@code n}: from what its arguments, mounts and {@code after} name. */
  private void edgesInto(Node n) {
    String to = ids.get(n.name());
    if (n instanceof Step s) {
      s.arguments().forEach((input, a) -> {
        // a loop's collected outputs come from the task inside the loop, a branch output from each branch's task
        if (a instanceof Argument.TaskOutput o) {
          flow(o.task(), o.output(), s, input, o.output() + " → " + input);
        } else if (a instanceof Argument.Collected c) {
          flow(c.task(), c.output(), s, input, c.output() + " collected → " + input);
        } else if (a instanceof Argument.OneOf one) {
          one.outputs().forEach(o -> flow(o.task(), o.output(), s, input, o.output() + " → " + input));
        }
      });
      for (TaskSetting setting : s.settings()) {
        if (setting instanceof TaskSetting.VolumeMount m && ids.containsKey(m.volume())) {
          add(ids.get(m.volume()), to, EdgeKind.FILE, "mounted at " + m.mountPath());
        }
      }
      for (String after : s.after()) {
        if (ids.containsKey(after) && !joined(ids.get(after), to, enclosing.getOrDefault(s.name(), List.of()))) {
          add(ids.get(after), to, EdgeKind.AFTER, null);
        }
      }
    }
    groupEdges(Nodes.groupArguments(n), to, n instanceof Loop ? "items" : "condition");
    if (n instanceof Branches b) {
      // each branch, the else too, waits for what the conditions before it read
      for (int i = 0; i < b.branches().size(); i++) {
        List<Argument> read = new ArrayList<>();
        Nodes.operands(b.effectivePredicate(i), read);
        groupEdges(read, ids.get(b.branches().get(i).name()), "condition");
      }
    }
  }

  private void groupEdges(List<Argument> read, String to, String what) {
    for (Argument a : read) {
      if (a instanceof Argument.TaskOutput o && ids.containsKey(o.task())) {
        add(ids.get(o.task()), to, EdgeKind.VALUE, o.output() + " → " + what);
      }
    }
  }

  /** The edge of {@code task}'s {@code output} into {@code consumer}'s {@code input}, when {@code task} is drawn. */
  private void flow(String task, String output, Step consumer, String input, String line) {
    if (ids.containsKey(task)) {
      add(ids.get(task), ids.get(consumer.name()), isFile(task, output, consumer, input) ? EdgeKind.FILE : EdgeKind.VALUE, line);
    }
  }

  /** Whether a file or artifact flows: the producer writes one, or the consumer reads one. */
  private boolean isFile(String task, String output, Step consumer, String input) {
    return steps.get(task) instanceof Task producer && producer.component().outputIsArtifact(output)
        || steps.get(task) instanceof ImporterStep
        || consumer instanceof Task t && t.component().inputIsArtifact(input);
  }

  /**
   * Whether an edge from {@code from} to {@code to} or to a group around it is drawn already, so
   * an {@code after} edge would say nothing more (readers put a group's dependencies on the steps
   * inside it too).
   */
  private boolean joined(String from, String to, List<String> groupsAround) {
    for (Key key : edges.keySet()) {
      if (key.from().equals(from) && (key.to().equals(to) || groupsAround.contains(key.to()))) {
        return true;
      }
    }
    return false;
  }

  private void add(String from, String to, EdgeKind kind, String line) {
    List<String> label = edges.computeIfAbsent(new Key(from, to, kind), k -> new ArrayList<>());
    if (line != null && !label.contains(line)) {
      label.add(line);
    }
  }

  private record Key(String from, String to, EdgeKind kind) {}
}
