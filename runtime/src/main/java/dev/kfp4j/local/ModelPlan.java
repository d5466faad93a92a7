package dev.kfp4j.local;

import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Branches;
import dev.kfp4j.model.Condition;
import dev.kfp4j.model.Nodes;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.ResourceStep;
import dev.kfp4j.model.Task;
import dev.kfp4j.model.VolumeStep;
import dev.kfp4j.spec.InputSpec;
import dev.kfp4j.yaml.Yaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What to run, read from the typed pipeline model (a KFP 2 pipeline spec, as {@code Kfp2Reader}
 * reads it): each list of nodes as a graph whose tasks wait for the siblings holding what they
 * read; a {@link dev.kfp4j.model.Loop} once per item, in an iteration scope of its own (its outputs collected from
 * there, in item order); a {@link Condition} when its {@link dev.kfp4j.model.Predicate} holds,
 * evaluated on the values (never on text with values in it); of {@link Branches}, the first branch
 * whose predicate holds; a {@link Task} as a {@link Step} that {@link TaskSteps} makes.
 */
final class ModelPlan implements Plan {
  /** A branch of an if / else-if / else chain, which runs when its effective predicate holds. */
  private record Branch(Branches chain, int index) {}

  private final Pipeline pipeline;
  private final Map<String, String> parameters;
  private final Values values;
  private final TaskSteps steps;
  private final Path runDir;
  /** Each node's name to the nodes holding it, outermost first, itself last. */
  private final Map<String, List<Object>> ancestry = new HashMap<>();
  private final Map<List<?>, Graph> graphs = java.util.Collections.synchronizedMap(new IdentityHashMap<>());

  ModelPlan(Pipeline pipeline, Map<String, String> parameters, RunValues run, TaskSteps steps, Path runDir) {
    this.pipeline = pipeline;
    this.parameters = parameters;
    this.values = new Values(parameters, run);
    this.steps = steps;
    this.runDir = runDir;
    index(pipeline.nodes(), List.of());
    if (pipeline.exitTask() != null) {
      ancestry.put(pipeline.exitTask().name(), List.of(pipeline.exitTask()));
    }
  }

  /** Checks that the pipeline hangs together: every task reads and waits for known tasks. */
  static void check(Pipeline pipeline, String source) {
    Set<String> names = new LinkedHashSet<>();
    pipeline.allNodes().forEach(n -> names.add(n.name()));
    for (dev.kfp4j.model.Step s : pipeline.steps()) {
      for (String u : Nodes.upstream(s)) {
        if (!names.contains(u)) {
          throw new WorkflowException(source + ": task '" + s.name() + "' reads or waits for an unknown task '" + u + "'");
        }
      }
    }
  }

  /** Checks that the local runner can run the pipeline: its steps are tasks, its parameters values. */
  static void checkRunnable(Pipeline pipeline, String source) {
    for (dev.kfp4j.model.Step s : pipeline.steps()) {
      if (s instanceof ResourceStep || s instanceof VolumeStep) {
        throw new WorkflowException(source + ": step '" + s.name() + "' is a " + (s instanceof ResourceStep ? "Kubernetes resource" : "volume")
            + " step, which the local runner does not run; run this pipeline on a cluster");
      }
    }
    for (dev.kfp4j.model.Parameter p : pipeline.parameters()) {
      if (p.isArtifact()) {
        throw new WorkflowException(source + ": the pipeline takes artifact '" + p.name() + "' (" + p.artifactType()
            + "), which the local runner cannot be given; pass it from a task instead");
      }
    }
  }

  private void index(List<dev.kfp4j.model.Node> nodes, List<Object> chain) {
    for (dev.kfp4j.model.Node n : nodes) {
      List<Object> own = new ArrayList<>(chain);
      own.add(n);
      ancestry.put(n.name(), own);
      if (n instanceof Branches b) {
        for (int i = 0; i < b.branches().size(); i++) {
          List<Object> branch = new ArrayList<>(own);
          branch.add(b.branches().get(i));
          ancestry.put(b.branches().get(i).name(), branch);
          index(b.branches().get(i).body(), branch);
        }
      } else {
        index(Nodes.body(n), own);
      }
    }
  }

  @Override
  public Graph main() {
    return graph("root", pipeline.nodes());
  }

  @Override
  public Scope mainScope() {
    return new Scope(parameters, Map.of());
  }

  @Override
  public Graph exitHandler() {
    Task exit = pipeline.exitTask();
    return exit == null ? null : new Graph("exit-handler", List.of(new Node(exit.name(), exit.component().name(), List.of(), exit)));
  }

  /** A list of sibling nodes as a graph: each waits for the siblings that hold what it (or anything in it) reads or waits for. */
  private Graph graph(String name, List<?> siblings) {
    return graphs.computeIfAbsent(siblings, k -> {
      Set<Object> here = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
      here.addAll(siblings);
      List<Node> nodes = new ArrayList<>();
      for (Object o : siblings) {
        dev.kfp4j.model.Node n = o instanceof Branch b ? b.chain().branches().get(b.index()) : (dev.kfp4j.model.Node) o;
        Set<String> deps = new LinkedHashSet<>();
        Nodes.walk(List.of(n), m -> {
          if (m instanceof dev.kfp4j.model.Step s) {
            Nodes.upstream(s).forEach(u -> deps.add(sibling(u, here)));
          }
          for (Argument a : Nodes.groupArguments(m)) {
            String producer = producer(a);
            if (producer != null) {
              deps.add(sibling(producer, here));
            }
          }
        });
        deps.remove(null);
        deps.remove(n.name());
        nodes.add(new Node(n.name(), template(n), List.copyOf(deps), o));
      }
      return new Graph(name, List.copyOf(nodes));
    });
  }

  /** The name of the node among {@code siblings} that holds node {@code name}, or null. */
  private String sibling(String name, Set<Object> siblings) {
    for (Object o : ancestry.getOrDefault(name, List.of())) {
      if (siblings.contains(o)) {
        return o instanceof dev.kfp4j.model.Node n ? n.name() : null;
      }
    }
    return null;
  }

  private static String producer(Argument a) {
    if (a instanceof Argument.TaskOutput o) {
      return o.task();
    }
    return a instanceof Argument.Collected c ? c.task() : null;
  }

  private static String template(dev.kfp4j.model.Node n) {
    return n instanceof Task t ? t.component().name() : n.name();
  }

  @Override
  public Plan.Loop loop(Node node, Scope scope) {
    if (!(node.source() instanceof dev.kfp4j.model.Loop loop)) {
      return null;
    }
    List<JsonNode> items = new ArrayList<>();
    if (loop.items() instanceof dev.kfp4j.model.Loop.Constants constants) {
      for (Argument.Constant c : constants.values()) {
        items.add(Values.json(c.text(), c.type()));
      }
    } else {
      Argument source = ((dev.kfp4j.model.Loop.Over) loop.items()).source();
      String where = "loop '" + loop.name() + "'";
      String text = values.value(source, scope, where);
      JsonNode list = Values.parse(text);
      if (list == null || !list.isArray()) {
        throw new WorkflowException(where + ": its items are not a JSON list: " + text);
      }
      list.forEach(items::add);
    }
    return new Plan.Loop(items, loop.parallelism());
  }

  @Override
  public String skipReason(Node node, Scope scope, JsonNode item) {
    dev.kfp4j.model.Predicate predicate = null;
    if (node.source() instanceof Condition c) {
      predicate = c.predicate();
    } else if (node.source() instanceof Branch b) {
      predicate = b.chain().effectivePredicate(b.index());
    }
    if (predicate == null) {
      return null;
    }
    String where = "condition '" + node.name() + "'";
    return values.holds(predicate, scope, where) ? null : "condition " + values.shown(predicate, scope, where) + " is false";
  }

  @Override
  public Work work(Node node, Scope scope, JsonNode item, TaskId id) {
    Object source = node.source();
    if (source instanceof dev.kfp4j.model.Loop loop) {
      return new SubGraph(graph(loop.name(), loop.body()), scope.iteration(loop.name(), id.order(), item));
    }
    if (source instanceof Condition c) {
      return new SubGraph(graph(c.name(), c.body()), scope);
    }
    if (source instanceof Branch b) {
      Condition c = b.chain().branches().get(b.index());
      return new SubGraph(graph(c.name(), c.body()), scope);
    }
    if (source instanceof Branches chain) {
      List<Branch> branches = new ArrayList<>();
      for (int i = 0; i < chain.branches().size(); i++) {
        branches.add(new Branch(chain, i));
      }
      return new SubGraph(branchGraph(chain, branches), scope);
    }
    return task((Task) source, scope, id);
  }

  private final Map<Branches, Graph> branchGraphs = new java.util.concurrent.ConcurrentHashMap<>();

  private Graph branchGraph(Branches chain, List<Branch> branches) {
    return branchGraphs.computeIfAbsent(chain, c -> {
      List<Node> nodes = new ArrayList<>();
      for (Branch b : branches) {
        Condition cond = chain.branches().get(b.index());
        nodes.add(new Node(cond.name(), cond.name(), List.of(), b));
      }
      return new Graph(chain.name(), List.copyOf(nodes));
    });
  }

  /** A task's step: its inputs given as the component takes them (values, or files), defaults filled in. */
  private Step task(Task task, Scope scope, TaskId id) {
    String where = "task '" + task.name() + "'";
    Path dir = RunPaths.inside(runDir, RunPaths.taskFolder(id.id()));
    Map<String, String> given = new LinkedHashMap<>();
    Map<String, Path> files = new LinkedHashMap<>();
    Map<String, Map<String, Object>> metadata = new LinkedHashMap<>();
    for (InputSpec in : task.component().inputs()) {
      String n = in.name();
      Argument a = task.arguments().get(n);
      boolean artifact = task.component().inputIsArtifact(n);
      String text = null;
      if (a != null && artifact) {
        OutputArtifact file = values.file(a, scope);
        if (file != null) {
          files.put(n, file.path());
          metadata.put(n, file.metadata());
          continue;
        }
      }
      if (a != null) {
        text = values.value(a, scope, where + " input '" + n + "'");
      }
      if (text == null) {
        text = in.defaultValue();
      }
      if (text == null) {
        if (!in.optional()) {
          throw new WorkflowException(where + " gives no value for input '" + n + "' of component '" + task.component().name() + "'");
        }
        continue;
      }
      if (artifact) {
        Path raw = RunPaths.inside(dir, "inputs", n, "data");
        write(raw, text);
        files.put(n, raw);
      } else {
        given.put(n, text);
      }
    }
    return steps.step(task, given, files, metadata, id, dir);
  }

  private static void write(Path p, String text) {
    try {
      Files.createDirectories(p.getParent());
      Files.writeString(p, text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + p, e);
    }
  }

  /** Values of a pipeline's arguments and predicates in a scope. */
  static final class Values {
    private final Map<String, String> parameters;
    private final RunValues run;

    Values(Map<String, String> parameters, RunValues run) {
      this.parameters = parameters;
      this.run = run;
    }

    /**
     * The run's status as KFP 2 gives the exit task's {@code PipelineTaskFinalStatus} input: KFP's
     * struct as JSON, its {@code state} {@code SUCCEEDED} or {@code FAILED} ({@code RUNNING} before the exit handler).
     */
    static String finalStatus(RunValues run) {
      String status = run.value(Argument.RunValue.Kind.STATUS);
      String state = status.equals("Succeeded") ? "SUCCEEDED" : status.equals("Running") ? "RUNNING" : "FAILED";
      tools.jackson.databind.node.ObjectNode s = Yaml.json().createObjectNode();
      s.put("state", state).put("pipelineJobResourceName", run.name()).put("pipelineTaskName", "exit-handler-1").putObject("error");
      return s.toString();
    }

    /** The text value {@code a} gives in {@code scope}, or null when it is an optional parameter not given. */
    String value(Argument a, Scope scope, String where) {
      if (a instanceof Argument.Constant c) {
        return c.text();
      }
      if (a instanceof Argument.PipelineParameter p) {
        return parameters.get(p.name());
      }
      if (a instanceof Argument.RunValue v) {
        return v.kind() == Argument.RunValue.Kind.STATUS ? finalStatus(run) : run.value(v.kind());
      }
      if (a instanceof Argument.TaskOutput o) {
        TaskResult r = scope.result(o.task());
        if (r == null) {
          throw new WorkflowException(where + ": task '" + o.task() + "' has given no outputs here (it did not run, or was skipped)");
        }
        String v = r.outputs().get(o.output());
        if (v == null && r.artifacts().containsKey(o.output())) {
          return read(r.artifacts().get(o.output()), where);
        }
        if (v == null) {
          throw new WorkflowException(where + ": task '" + o.task() + "' has no output '" + o.output() + "'; it has "
              + r.outputs().keySet());
        }
        return v;
      }
      if (a instanceof Argument.LoopItem li) {
        JsonNode item = scope.item(li.loop());
        if (item == null) {
          throw new WorkflowException(where + ": it is not inside loop '" + li.loop() + "'");
        }
        JsonNode v = li.field() == null ? item : item.path(li.field());
        if (v.isMissingNode()) {
          throw new WorkflowException(where + ": the item " + item + " of loop '" + li.loop() + "' has no field '" + li.field() + "'");
        }
        return text(v);
      }
      Argument.Collected c = (Argument.Collected) a;
      Map<String, Scope> iterations = scope.iterations(c.loop());
      List<JsonNode> out = new ArrayList<>();
      if (iterations != null) {
        for (Scope s : iterations.values()) {
          TaskResult r = s.results.get(c.task());
          if (r != null && r.outputs().containsKey(c.output())) {
            String v = r.outputs().get(c.output());
            JsonNode parsed = Values.parse(v);
            out.add(parsed != null ? parsed : Yaml.json().getNodeFactory().stringNode(v));
          }
        }
      }
      return Yaml.pyJson(Yaml.json().createArrayNode().addAll(out));
    }

    /** The artifact {@code a} gives (an output artifact of a task), or null when it gives a value. */
    OutputArtifact file(Argument a, Scope scope) {
      if (a instanceof Argument.TaskOutput o) {
        TaskResult r = scope.result(o.task());
        if (r != null && r.artifacts().containsKey(o.output())) {
          OutputArtifact known = r.outputArtifacts().get(o.output());
          Path p = r.artifacts().get(o.output());
          return known != null ? known : new OutputArtifact("system.Artifact", p, p.toUri().toString(), Map.of());
        }
      }
      if (a instanceof Argument.Collected c) {
        throw new WorkflowException("collected artifacts of loop '" + c.loop() + "' are not run locally yet; collect values");
      }
      return null;
    }

    /** Whether {@code p} holds: each comparison of two values, as numbers when both are, true/false when both are, else text. */
    boolean holds(dev.kfp4j.model.Predicate p, Scope scope, String where) {
      if (p instanceof dev.kfp4j.model.Predicate.Not n) {
        return !holds(n.predicate(), scope, where);
      }
      if (p instanceof dev.kfp4j.model.Predicate.All all) {
        for (dev.kfp4j.model.Predicate q : all.predicates()) {
          if (!holds(q, scope, where)) {
            return false;
          }
        }
        return true;
      }
      dev.kfp4j.model.Predicate.Comparison c = (dev.kfp4j.model.Predicate.Comparison) p;
      return compare(operand(c.left(), scope, where), c.operator(), operand(c.right(), scope, where));
    }

    /** {@code p} with its operands' values, as people read it: {@code 'tails' == 'heads'}. */
    String shown(dev.kfp4j.model.Predicate p, Scope scope, String where) {
      if (p instanceof dev.kfp4j.model.Predicate.Not n) {
        return "not (" + shown(n.predicate(), scope, where) + ")";
      }
      if (p instanceof dev.kfp4j.model.Predicate.All all) {
        List<String> parts = new ArrayList<>();
        all.predicates().forEach(q -> parts.add(shown(q, scope, where)));
        return String.join(" and ", parts);
      }
      dev.kfp4j.model.Predicate.Comparison c = (dev.kfp4j.model.Predicate.Comparison) p;
      return "'" + operand(c.left(), scope, where) + "' " + c.operator().symbol() + " '" + operand(c.right(), scope, where) + "'";
    }

    private String operand(Argument a, Scope scope, String where) {
      String v = value(a, scope, where);
      if (v == null) {
        throw new WorkflowException(where + ": " + a + " has no value");
      }
      return v;
    }

    static boolean compare(String left, dev.kfp4j.model.Predicate.Operator op, String right) {
      int c;
      Double l = number(left);
      Double r = number(right);
      if (l != null && r != null) {
        c = Double.compare(l, r);
      } else if (bool(left) && bool(right)) {
        c = left.equalsIgnoreCase(right) ? 0 : 1;
        if (op != dev.kfp4j.model.Predicate.Operator.EQ && op != dev.kfp4j.model.Predicate.Operator.NE) {
          throw new WorkflowException("cannot order true/false with " + op.symbol());
        }
      } else {
        c = left.compareTo(right);
      }
      switch (op) {
        case EQ: return c == 0;
        case NE: return c != 0;
        case LT: return c < 0;
        case LE: return c <= 0;
        case GT: return c > 0;
        default: return c >= 0;
      }
    }

    private static Double number(String s) {
      try {
        double d = Double.parseDouble(s.strip());
        return Double.isFinite(d) ? d : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }

    private static boolean bool(String s) {
      return s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false");
    }

    /** A JSON value as text: a string as it is, anything else as JSON. */
    static String text(JsonNode v) {
      return v.isString() ? v.asString() : v.isValueNode() ? v.asString() : Yaml.pyJson(v);
    }

    /** {@code text} as JSON, or null when it is not JSON. */
    static JsonNode parse(String text) {
      try {
        return Yaml.json().readTree(text);
      } catch (RuntimeException e) {
        return null;
      }
    }

    /** A constant in KFP's text form as a JSON value of its type. */
    static JsonNode json(String text, dev.kfp4j.model.ParameterType type) {
      if (type == dev.kfp4j.model.ParameterType.STRING || type == null) {
        return Yaml.json().getNodeFactory().stringNode(text);
      }
      if (type == dev.kfp4j.model.ParameterType.BOOLEAN) {
        return Yaml.json().getNodeFactory().booleanNode(dev.kfp4j.entrypoint.KfpValues.parseBoolean(text));
      }
      JsonNode parsed = parse(text);
      return parsed != null ? parsed : Yaml.json().getNodeFactory().stringNode(text);
    }

    private static String read(Path p, String where) {
      try {
        return Files.readString(p);
      } catch (IOException e) {
        throw new WorkflowException(where + ": cannot read " + p + ": " + e.getMessage());
      }
    }
  }
}
