package dev.kfp4j.testing;

import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Branches;
import dev.kfp4j.model.Condition;
import dev.kfp4j.model.ImporterStep;
import dev.kfp4j.model.Loop;
import dev.kfp4j.model.Node;
import dev.kfp4j.model.Parameter;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.Predicate;
import dev.kfp4j.model.Task;
import dev.kfp4j.model.RunSetting;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ContainerSpec;
import dev.kfp4j.spec.InputSpec;
import dev.kfp4j.spec.OutputSpec;
import dev.kfp4j.spec.Placeholder;
import dev.kfp4j.spec.TypeSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random but valid pipeline models from a seed: tasks of small shell components with random
 * inputs and outputs, dependencies, outputs passed on, conditions, branches, loops, nested groups,
 * collected outputs, an exit task, parameters with defaults, pipeline outputs and task settings;
 * in KFP 2, an importer and a task reading what it imports, and files passed by their URIs.
 * With {@code argo}, only what both formats hold (no collected outputs; pipeline outputs, which
 * Argo leaves out); without, what KFP 2 holds. Pipeline settings are those both hold (KFP 2 has no
 * service account, pod GC or parallelism of its own).
 */
final class RandomModels {
  private static final ParameterType[] TYPES = ParameterType.values();
  private static final Predicate.Operator[] OPERATORS = Predicate.Operator.values();
  /** The type of a file passed between tasks: an artifact in KFP 2. */
  private static final String DATASET = "Dataset";

  private final Random random;
  /** Whether and how a KFP 2 model imports an artifact: a generator of its own, so the rest of each seed's model is as before. */
  private final Random imports;
  /** Whether a KFP 2 model's file is passed by its URI rather than its path: a generator of its own, as {@link #imports}. */
  private final Random uris;
  /** Whether a KFP 2 model reads a chain's output (dsl.OneOf): a generator of its own, as {@link #imports}. */
  private final Random oneOfs;
  /** Whether a KFP 2 model collects a loop's files into a list of artifacts for a task after it: a generator of its own, as {@link #imports}. */
  private final Random artifactLists;
  /** Whether a KFP 2 model loops over a list of artifacts it collected (artifactIterator): a generator of its own, as {@link #imports}. */
  private final Random artifactLoops;
  /** Draws the settings of kfp-kubernetes added since the others (envFromField, mountEmptyDir, node affinity, ephemeral volumes). */
  private final Random kubernetes;
  /** Whether a KFP 2 model's task runs after a failure of a task it waits for (ignoreUpstreamFailure()). */
  private final Random upstreamFailures;
  private final boolean argo;
  private final List<ComponentSpec> components = new ArrayList<>();
  private final List<Parameter> parameters = new ArrayList<>();
  private final Map<String, Argument> outputs = new LinkedHashMap<>();
  /** The type of the value each chain's output read gives. */
  private final Map<Argument.OneOf, ParameterType> oneOfTypes = new java.util.HashMap<>();
  private int groups;
  private int tasks;
  /** Whether a KFP 2 loop collects the values of a task in a loop or condition inside it: a generator of its own, as {@link #imports}. */
  private final Random nestedCollects;
  /** Whether a KFP 2 model has a display name or a pipeline root: a generator of its own, as {@link #imports}. */
  private final Random info;

  /** What a node at some depth sees: the tasks written before it on its path, and its enclosing loops. */
  private record Scope(List<Task> tasks, List<LoopItem> items, int depth, List<Argument> collected) {
    Scope inner(LoopItem item) {
      List<LoopItem> more = new ArrayList<>(items);
      if (item != null) {
        more.add(item);
      }
      return new Scope(new ArrayList<>(tasks), more, depth + 1, new ArrayList<>(collected));
    }
  }

  /** A loop's item that a body may read, whole ({@code field} null) or one field, of type {@code type}. */
  private record LoopItem(String loop, String field, ParameterType type) {}

  private RandomModels(long seed, boolean argo) {
    this.random = new Random(seed);
    this.imports = new Random(seed * 31 + 7);
    this.uris = new Random(seed * 31 + 11);
    this.oneOfs = new Random(seed * 17 + 3);
    this.artifactLists = new Random(seed * 13 + 5);
    this.artifactLoops = new Random(seed * 23 + 9);
    this.kubernetes = new Random(seed * 19 + 2);
    this.upstreamFailures = new Random(seed * 29 + 4);
    this.argo = argo;
    this.nestedCollects = new Random(seed * 37 + 6);
    this.info = new Random(seed * 41 + 8);
  }

  /** The model of {@code seed}: for both formats when {@code argo}, else for KFP 2 only. */
  static Pipeline pipeline(long seed, boolean argo) {
    return new RandomModels(seed, argo).pipeline("random-" + seed);
  }

  private Pipeline pipeline(String name) {
    for (int i = 0, n = random.nextInt(4); i < n; i++) {
      ParameterType type = pick(TYPES);
      boolean withDefault = random.nextInt(3) > 0;
      parameters.add(new Parameter("p" + (i + 1), type, withDefault ? value(type) : null,
          random.nextBoolean() ? null : "parameter " + (i + 1)));
    }
    for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
      components.add(component("comp" + (i + 1), i == 0));
    }
    Scope top = new Scope(new ArrayList<>(), List.of(), 0, new ArrayList<>());
    List<Node> nodes = body(top, 1 + random.nextInt(6));
    if (!argo && imports.nextInt(3) == 0) {
      nodes = new ArrayList<>(nodes);
      nodes.addAll(0, importer());
    }
    Task exit = random.nextInt(4) == 0 ? task(new Scope(new ArrayList<>(), List.of(), 0, new ArrayList<>()), false) : null;
    if (exit != null) { // the exit task runs after a failure anyway: the setting says nothing on it
      exit = exit.withSettings(exit.settings().stream().filter(x -> !(x instanceof RunSetting.IgnoreUpstreamFailure)).toList());
    }
    return new Pipeline(name, random.nextBoolean() ? null : "A random pipeline", parameters, nodes, exit, settings(), null, outputs);
  }

  private List<Node> body(Scope scope, int size) {
    List<Node> out = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      int kind = scope.depth() >= 3 ? 0 : random.nextInt(8);
      switch (kind) {
        case 5 -> out.add(condition(scope));
        case 6 -> {
          Loop loop = loop(scope);
          out.add(loop);
          if (!argo) {
            out.addAll(fanIns(loop, scope));
          }
        }
        case 7 -> out.add(branches(scope));
        default -> out.add(task(scope, true));
      }
    }
    return out;
  }

  /**
   * An importer (KFP 2 only) of a constant URI or of a string parameter, with or without metadata,
   * reimported or not, and a task that reads what it imports.
   */
  private List<Node> importer() {
    List<String> strings = parameters.stream().filter(p -> p.type() == ParameterType.STRING).map(Parameter::name).toList();
    Argument uri = strings.isEmpty() || imports.nextBoolean() ? Argument.Constant.of("gs://bucket/data-" + imports.nextInt(9) + ".csv")
        : new Argument.PipelineParameter(strings.get(imports.nextInt(strings.size())));
    String metadata = imports.nextBoolean() ? null : "{\"source\": \"warehouse\", \"rows\": " + imports.nextInt(100) + "}";
    String type = imports.nextBoolean() ? "system.Dataset" : "system.Artifact";
    List<TaskSetting> settings = imports.nextBoolean() ? List.of() : List.of(new TaskSetting.DisplayName("load data"));
    ImporterStep importer = new ImporterStep("importer", Map.of(ImporterStep.URI, uri), type, imports.nextBoolean(), metadata, false,
        List.of(), settings);
    ComponentSpec read = new ComponentSpec("read-import", null, null, null,
        List.of(new InputSpec("data", TypeSpec.named(type.substring("system.".length())), null, null, false)), List.of(),
        new ContainerSpec("alpine:3", List.of(new Placeholder.Literal("cat")), List.of(new Placeholder.InputPath("data")), null, null),
        null);
    return List.of(importer, new Task("read-import", read, Map.of("data", new Argument.TaskOutput("importer", ImporterStep.OUTPUT))));
  }

  private Condition condition(Scope scope) {
    String name = "condition-" + ++groups;
    Predicate p = predicate(scope, 2);
    return new Condition(name, p, body(scope.inner(null), 1 + random.nextInt(3)));
  }

  private Branches branches(Scope scope) {
    String name = "condition-branches-" + ++groups;
    List<Condition> branches = new ArrayList<>();
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      boolean otherwise = i == n - 1 && i > 0 && random.nextBoolean();
      String branch = "condition-" + ++groups;
      Predicate p = otherwise ? null : predicate(scope, 1);
      branches.add(new Condition(branch, p, body(scope.inner(null), 1 + random.nextInt(2))));
    }
    Branches chain = new Branches(name, branches);
    if (!argo) {
      oneOf(chain, scope);
    }
    return chain;
  }

  /**
   * When the chain ends with an else branch and each branch's own body has a task with a value
   * output, all of one type: those outputs as one of the chain's outputs, for the tasks after the
   * chain; at the top level, sometimes a pipeline output too.
   */
  private void oneOf(Branches chain, Scope scope) {
    if (chain.branches().get(chain.branches().size() - 1).predicate() != null) {
      return;
    }
    for (ParameterType type : TYPES) {
      List<Argument.TaskOutput> given = new ArrayList<>();
      for (Condition branch : chain.branches()) {
        Argument.TaskOutput found = output(branch, type);
        if (found != null) {
          given.add(found);
        }
      }
      if (given.size() == chain.branches().size()) {
        Argument.OneOf oneOf = new Argument.OneOf(chain.name(), given);
        oneOfTypes.put(oneOf, type);
        scope.collected().add(oneOf);
        if (scope.depth() == 0 && oneOfs.nextBoolean()) {
          outputs.put("one-of" + (outputs.size() + 1), oneOf);
        }
        return;
      }
    }
  }

  /** A value output of type {@code type} of a task of the branch's own body, or null. */
  private static Argument.TaskOutput output(Condition branch, ParameterType type) {
    for (Node n : branch.body()) {
      if (n instanceof Task t) {
        for (OutputSpec o : t.component().outputs()) {
          if (!isFile(o.type()) && type(o.type()) == type) {
            return new Argument.TaskOutput(t.name(), o.name());
          }
        }
      }
    }
    return null;
  }

  private Loop loop(Scope scope) {
    String name = "for-loop-" + ++groups;
    Loop.Items items;
    List<LoopItem> seen = new ArrayList<>();
    Argument listSource = listSource(scope);
    int shape = random.nextInt(4);
    if (shape == 3 && listSource != null) {
      items = new Loop.Over(listSource);
      seen.add(new LoopItem(name, null, ParameterType.STRING));
    } else if (shape == 2) {
      List<Argument.Constant> records = new ArrayList<>();
      for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
        records.add(new Argument.Constant("{\"a\": " + (i + 1) + ", \"b\": \"x" + i + "\"}", ParameterType.STRUCT));
      }
      items = new Loop.Constants(records);
      seen.add(new LoopItem(name, "a", ParameterType.INTEGER));
      seen.add(new LoopItem(name, "b", ParameterType.STRING));
    } else {
      ParameterType type = shape == 0 ? ParameterType.INTEGER : ParameterType.STRING;
      List<Argument.Constant> values = new ArrayList<>();
      for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
        values.add(new Argument.Constant(type == ParameterType.INTEGER ? String.valueOf(i + random.nextInt(9)) : "v" + i, type));
      }
      items = new Loop.Constants(values);
      seen.add(new LoopItem(name, null, type));
    }
    Scope inner = scope.inner(null);
    List<LoopItem> withItems = new ArrayList<>(inner.items());
    withItems.addAll(seen);
    inner = new Scope(inner.tasks(), withItems, inner.depth(), inner.collected());
    List<Node> body = body(inner, 1 + random.nextInt(3));
    Loop loop = new Loop(name, items, random.nextInt(3) == 0 ? 1 + random.nextInt(3) : 0, body);
    if (!argo) {
      collect(loop, scope);
    }
    return loop;
  }

  /**
   * The value outputs of the tasks of the loop's own body, collected: for the tasks after the
   * loop; at the top level, sometimes a pipeline output too.
   */
  private void collect(Loop loop, Scope scope) {
    for (Node n : loop.body()) {
      if (n instanceof Task t && !t.component().outputs().isEmpty() && !isFile(t.component().outputs().get(0).type())) {
        Argument.Collected c = new Argument.Collected(loop.name(), t.name(), t.component().outputs().get(0).name());
        scope.collected().add(c);
        if (scope.depth() == 0 && random.nextBoolean()) {
          outputs.put("collected" + (outputs.size() + 1), c);
        }
      }
    }
    for (Task t : deeper(loop.body(), false, new ArrayList<>())) { // from nestedCollects, so the rest is as before
      if (!t.component().outputs().isEmpty() && !isFile(t.component().outputs().get(0).type()) && nestedCollects.nextInt(3) == 0) {
        Argument.Collected c = new Argument.Collected(loop.name(), t.name(), t.component().outputs().get(0).name());
        scope.collected().add(c);
        if (scope.depth() == 0 && nestedCollects.nextBoolean()) {
          outputs.put("nested-collected" + (outputs.size() + 1), c);
        }
      }
    }
  }

  /** The tasks in the loops and conditions (not chains of branches) of {@code nodes}, and, when {@code nested}, those of {@code nodes}. */
  private static List<Task> deeper(List<Node> nodes, boolean nested, List<Task> out) {
    for (Node n : nodes) {
      if (nested && n instanceof Task t) {
        out.add(t);
      } else if (n instanceof Loop l) {
        deeper(l.body(), true, out);
      } else if (n instanceof Condition c) {
        deeper(c.body(), true, out);
      }
    }
    return out;
  }

  /** A component taking a list of datasets ({@code isArtifactList}) on its command line, as KFP's container components do. */
  private static final ComponentSpec FAN_IN = new ComponentSpec("fan-in", null, null, null,
      List.of(InputSpec.artifactList("datasets", TypeSpec.named("system.Dataset"), null, false)), List.of(),
      new ContainerSpec("alpine:3", List.of(new Placeholder.Literal("sh")), List.of(new Placeholder.Literal("-c"),
          new Placeholder.Literal("printf '%s' \"$0\""), new Placeholder.InputArtifacts("datasets")), null, null), null);

  /** A component taking one artifact, the item of a loop over a list of them, and printing its path. */
  private static final ComponentSpec READ_ONE = new ComponentSpec("read-one", null, null, null,
      List.of(new InputSpec("dataset", TypeSpec.named("system.Artifact"), null, null, false)), List.of(),
      new ContainerSpec("alpine:3", List.of(new Placeholder.Literal("sh")), List.of(new Placeholder.Literal("-c"),
          new Placeholder.Literal("printf '%s' \"$0\""), new Placeholder.InputPath("dataset")), null, null), null);

  /**
   * KFP 2 only, from {@link #artifactLists}: tasks after the loop, each given the files of a task of the loop's own body,
   * collected into a list of artifacts; at the top level, sometimes a pipeline output too; and, from {@link #artifactLoops},
   * sometimes a loop over that list.
   */
  private List<Node> fanIns(Loop loop, Scope scope) {
    List<Node> out = new ArrayList<>();
    for (Node n : loop.body()) {
      if (n instanceof Task t && !t.component().outputs().isEmpty() && isFile(t.component().outputs().get(0).type())
          && artifactLists.nextInt(3) > 0) {
        Argument.Collected files = new Argument.Collected(loop.name(), t.name(), t.component().outputs().get(0).name());
        out.add(new Task("fan-in-" + t.name(), FAN_IN, Map.of("datasets", files)));
        if (artifactLoops.nextBoolean()) { // and a loop over them, one artifact an iteration, sometimes two at a time
          String each = "for-each-" + t.name();
          out.add(new Loop(each, new Loop.Over(files), artifactLoops.nextInt(3), List.of(new Task("read-" + t.name(), READ_ONE,
              Map.of("dataset", new Argument.LoopItem(each, null))))));
        }
        if (scope.depth() == 0 && artifactLists.nextBoolean()) {
          outputs.put("files-of-" + t.name(), files);
        }
      }
    }
    return out;
  }

  private Argument listSource(Scope scope) {
    List<Argument> lists = new ArrayList<>();
    for (Parameter p : parameters) {
      if (p.type() == ParameterType.LIST) {
        lists.add(new Argument.PipelineParameter(p.name()));
      }
    }
    for (Task t : scope.tasks()) {
      for (OutputSpec o : t.component().outputs()) {
        if (type(o.type()) == ParameterType.LIST) {
          lists.add(new Argument.TaskOutput(t.name(), o.name()));
        }
      }
    }
    return lists.isEmpty() ? null : lists.get(random.nextInt(lists.size()));
  }

  private Predicate predicate(Scope scope, int depth) {
    int kind = depth == 0 ? 0 : random.nextInt(6);
    return switch (kind) {
      case 3 -> new Predicate.Not(predicate(scope, depth - 1));
      case 4 -> new Predicate.All(List.of(predicate(scope, depth - 1), predicate(scope, depth - 1)));
      case 5 -> new Predicate.Any(List.of(predicate(scope, depth - 1), predicate(scope, depth - 1)));
      default -> comparison(scope);
    };
  }

  private Predicate comparison(Scope scope) {
    List<Argument> operands = new ArrayList<>();
    List<ParameterType> types = new ArrayList<>();
    for (Parameter p : parameters) {
      if (comparable(p.type())) {
        operands.add(new Argument.PipelineParameter(p.name()));
        types.add(p.type());
      }
    }
    for (Task t : scope.tasks()) {
      for (OutputSpec o : t.component().outputs()) {
        if (comparable(type(o.type()))) {
          operands.add(new Argument.TaskOutput(t.name(), o.name()));
          types.add(type(o.type()));
        }
      }
    }
    for (LoopItem item : scope.items()) {
      operands.add(new Argument.LoopItem(item.loop(), item.field()));
      types.add(item.type());
    }
    if (operands.isEmpty()) {
      operands.add(new Argument.Constant(String.valueOf(random.nextInt(5)), ParameterType.INTEGER));
      types.add(ParameterType.INTEGER);
    }
    int i = random.nextInt(operands.size());
    ParameterType type = types.get(i);
    Predicate.Operator op = type.isNumber() ? pick(OPERATORS) : random.nextBoolean() ? Predicate.Operator.EQ : Predicate.Operator.NE;
    Argument constant = new Argument.Constant(value(type), type);
    return random.nextBoolean()
        ? new Predicate.Comparison(operands.get(i), op, constant)
        : new Predicate.Comparison(constant, op, operands.get(i));
  }

  private static boolean comparable(ParameterType type) {
    return type != null && type != ParameterType.LIST && type != ParameterType.STRUCT;
  }

  private Task task(Scope scope, boolean visible) {
    String name = "task-" + ++tasks;
    ComponentSpec c = components.get(random.nextInt(components.size()));
    if (c.inputs().stream().anyMatch(in -> isFile(in.type())) && files(scope).isEmpty()) {
      c = components.get(0); // it takes no file
    }
    Map<String, Argument> arguments = new LinkedHashMap<>();
    for (InputSpec in : c.inputs()) {
      if (isFile(in.type())) {
        List<Argument> files = files(scope);
        arguments.put(in.name(), files.get(random.nextInt(files.size())));
        continue;
      }
      if (in.defaultValue() != null && random.nextBoolean()) {
        continue;
      }
      arguments.put(in.name(), argument(scope, type(in.type())));
    }
    List<String> after = new ArrayList<>();
    if (!scope.tasks().isEmpty() && random.nextInt(4) == 0) {
      String upstream = scope.tasks().get(random.nextInt(scope.tasks().size())).name();
      if (arguments.values().stream().noneMatch(a -> a instanceof Argument.TaskOutput o && o.task().equals(upstream))) {
        after.add(upstream);
      }
    }
    Task t = new Task(name, c, arguments, after, taskSettings());
    if (visible) {
      scope.tasks().add(t);
      if (scope.depth() == 0 && !c.outputs().isEmpty() && random.nextInt(3) == 0) {
        outputs.put("out" + (outputs.size() + 1), new Argument.TaskOutput(name, c.outputs().get(0).name()));
      }
    }
    return t;
  }

  /** The file outputs a task in {@code scope} may read. */
  private static List<Argument> files(Scope scope) {
    List<Argument> out = new ArrayList<>();
    for (Task t : scope.tasks()) {
      for (OutputSpec o : t.component().outputs()) {
        if (isFile(o.type())) {
          out.add(new Argument.TaskOutput(t.name(), o.name()));
        }
      }
    }
    return out;
  }

  private ParameterType oneOfType(Argument.OneOf o) {
    return oneOfTypes.get(o);
  }

  private static boolean isFile(TypeSpec t) {
    return t != null && DATASET.equals(t.name());
  }

  private Argument argument(Scope scope, ParameterType type) {
    List<Argument> choices = new ArrayList<>();
    choices.add(new Argument.Constant(value(type), type));
    if (type == ParameterType.STRING && random.nextInt(4) == 0) {
      choices.add(new Argument.RunValue(random.nextBoolean() ? Argument.RunValue.Kind.RUN_ID : Argument.RunValue.Kind.RUN_NAME));
    }
    if (type == ParameterType.LIST) {
      scope.collected().stream().filter(a -> a instanceof Argument.Collected).forEach(choices::add);
    }
    List<Argument> oneOfChoices = scope.collected().stream().filter(a -> a instanceof Argument.OneOf o && oneOfType(o) == type).toList();
    if (!oneOfChoices.isEmpty() && oneOfs.nextInt(3) > 0) {
      return oneOfChoices.get(oneOfs.nextInt(oneOfChoices.size()));
    }
    for (Parameter p : parameters) {
      if (p.type() == type) {
        choices.add(new Argument.PipelineParameter(p.name()));
      }
    }
    for (Task t : scope.tasks()) {
      for (OutputSpec o : t.component().outputs()) {
        if (type(o.type()) == type) {
          choices.add(new Argument.TaskOutput(t.name(), o.name()));
        }
      }
    }
    for (LoopItem item : scope.items()) {
      if (item.type() == type) {
        choices.add(new Argument.LoopItem(item.loop(), item.field()));
      }
    }
    return choices.get(random.nextInt(choices.size()));
  }

  private List<TaskSetting> taskSettings() {
    List<TaskSetting> out = drawnSettings();
    if (!argo && upstreamFailures.nextInt(6) == 0) { // drawn apart too, last, where the KFP 2 reader puts it
      out.add(new RunSetting.IgnoreUpstreamFailure());
    }
    if (!argo && upstreamFailures.nextInt(8) == 0) {
      out.add(new RunSetting.CacheKey("key-" + upstreamFailures.nextInt(3)));
    }
    return out;
  }

  private List<TaskSetting> drawnSettings() {
    List<TaskSetting> out = new ArrayList<>();
    if (random.nextInt(3) > 0) {
      return out;
    }
    List<TaskSetting> all = new ArrayList<>(List.of(
        new TaskSetting.DisplayName("Step " + random.nextInt(9)),
        new TaskSetting.Resource(TaskSetting.Resource.Kind.CPU_LIMIT, "500m"),
        new TaskSetting.Resource(TaskSetting.Resource.Kind.MEMORY_REQUEST, "1Gi"),
        new TaskSetting.Accelerator(1, TaskSetting.Accelerator.NVIDIA_GPU),
        new TaskSetting.Env("MODE", "fast"),
        new TaskSetting.SecretEnv("TOKEN", "creds", "token"),
        new TaskSetting.ConfigMapEnv("LEVEL", "settings", "level"),
        new TaskSetting.NodeSelector("pool", "gpu"),
        new TaskSetting.Toleration("dedicated", "Equal", "ml", "NoSchedule"),
        new RunSetting.Retry(2, random.nextBoolean() ? null : "OnFailure"),
        new RunSetting.Timeout(600),
        new RunSetting.RetryBackoff("10s", 2, random.nextBoolean() ? "" : "90s"),
        new RunSetting.Caching(random.nextBoolean()),
        new TaskSetting.ImagePullPolicy("IfNotPresent"),
        new TaskSetting.PodLabel("team", "ml"),
        new TaskSetting.PodAnnotation("note", "random"),
        new TaskSetting.PvcMount("data", "/data"),
        new TaskSetting.SecretVolume("creds", "/mnt/creds"),
        new TaskSetting.ConfigMapVolume("settings", "/etc/app")));
    for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
      TaskSetting s = all.remove(random.nextInt(all.size()));
      out.add(s);
    }
    // drawn apart, so that the models of the settings above stay as they were
    if (kubernetes.nextInt(3) == 0) {
      out.add(switch (kubernetes.nextInt(4)) {
        case 0 -> new TaskSetting.FieldPathEnv("POD", kubernetes.nextBoolean() ? "metadata.name" : "metadata.labels['team']");
        case 1 -> new TaskSetting.EmptyDirMount("scratch", "/scratch", kubernetes.nextBoolean() ? "" : "Memory",
            kubernetes.nextBoolean() ? "" : "1Gi");
        case 2 -> new TaskSetting.EphemeralVolume("eph", "/eph", List.of("ReadWriteOnce"), "1Gi", kubernetes.nextBoolean() ? "" : "fast",
            kubernetes.nextBoolean() ? Map.of() : Map.of("team", "ml"), Map.of());
        default -> new TaskSetting.NodeAffinity(List.of(new TaskSetting.NodeAffinity.Requirement("zone", "In", List.of("a", "b"))),
            kubernetes.nextBoolean() ? List.of() : List.of(new TaskSetting.NodeAffinity.Requirement("metadata.name", "NotIn", List.of("n1"))),
            kubernetes.nextBoolean() ? null : 1 + kubernetes.nextInt(100));
      });
    }
    return out;
  }

  private PipelineSettings settings() {
    PipelineSettings settings = random.nextBoolean() ? PipelineSettings.DEFAULTS
        : new PipelineSettings(PipelineSettings.PIPELINE_RUNNER, random.nextBoolean() ? -1 : 3600, random.nextBoolean() ? 0 : 7200,
            0, List.of(), Map.of(), "");
    if (argo) {
      return settings;
    }
    return settings.withInfo(info.nextInt(3) == 0 ? "A random pipeline, shown" : null, info.nextInt(3) == 0 ? "s3://bucket/root" : null);
  }

  private ComponentSpec component(String name, boolean first) {
    List<InputSpec> inputs = new ArrayList<>();
    List<Placeholder> args = new ArrayList<>();
    StringBuilder script = new StringBuilder("true");
    int n = random.nextInt(4);
    for (int i = 0; i < n; i++) {
      String in = "in" + (char) ('a' + i);
      if (!first && random.nextInt(6) == 0) { // a file: another task's file output
        inputs.add(new InputSpec(in, TypeSpec.named(DATASET), null, null, false));
        args.add(!argo && uris.nextBoolean() ? new Placeholder.InputUri(in) : new Placeholder.InputPath(in));
        continue;
      }
      ParameterType type = pick(TYPES);
      String defaultValue = random.nextInt(3) == 0 ? value(type) : null;
      inputs.add(new InputSpec(in, TypeSpec.named(type.v1Name()), null, defaultValue, defaultValue != null));
      args.add(new Placeholder.InputValue(in));
    }
    List<OutputSpec> outs = new ArrayList<>();
    for (int i = 0, m = random.nextInt(3); i < m; i++) {
      boolean file = random.nextInt(5) == 0;
      ParameterType type = pick(TYPES);
      String out = i == 0 ? "out" : "out" + (i + 1);
      outs.add(new OutputSpec(out, TypeSpec.named(file ? DATASET : type.v1Name()), null));
      script.append("; printf '%s' '").append(file ? "data" : value(type).replace("'", "")).append("' > \"$").append(n + i).append('"');
      args.add(file && !argo && uris.nextBoolean() ? new Placeholder.OutputUri(out) : new Placeholder.OutputPath(out));
    }
    List<Placeholder> all = new ArrayList<>(List.of(new Placeholder.Literal("-c"), new Placeholder.Literal(script.toString())));
    all.addAll(args);
    return new ComponentSpec(name, null, null, null, inputs, outs,
        new ContainerSpec("alpine:3", List.of(new Placeholder.Literal("sh")), all, null, null), null);
  }

  private String value(ParameterType type) {
    return switch (type) {
      case INTEGER -> String.valueOf(random.nextInt(21) - 10);
      case FLOAT -> pick(new String[] {"0.5", "1.25", "-3.5"});
      case BOOLEAN -> random.nextBoolean() ? "True" : "False";
      case STRING -> pick(new String[] {"hi", "a b", "x-1", "heads", "it's", "say \"hi\"", "größe", "50%", "a\\b", ""});
      case LIST -> pick(new String[] {"[1, 2]", "[\"a\", \"b\"]"});
      case STRUCT -> pick(new String[] {"{\"a\": 1}", "{\"k\": \"v\"}"});
    };
  }

  /** A value of {@code type} in KFP's text form, for a run's argument. */
  static String sample(ParameterType type) {
    return new RandomModels(0, true).value(type);
  }

  static ParameterType type(TypeSpec t) {
    return ParameterType.ofV1Name(t == null ? null : t.name());
  }

  private <T> T pick(T[] from) {
    return from[random.nextInt(from.length)];
  }
}
