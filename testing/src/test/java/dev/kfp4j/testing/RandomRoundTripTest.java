package dev.kfp4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.argo.ArgoReader;
import dev.kfp4j.format.argo.ArgoRules;
import dev.kfp4j.format.argo.ArgoWriter;
import dev.kfp4j.format.argo.WorkflowChecks;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Branches;
import dev.kfp4j.model.Condition;
import dev.kfp4j.model.Loop;
import dev.kfp4j.model.Node;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Predicate;
import dev.kfp4j.model.Task;
import dev.kfp4j.model.RunSetting;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.yaml.Yaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Random but valid models ({@link RandomModels}, one per fixed seed) written in both formats: each
 * file is valid (Argo's schemas and submission rules; KFP's {@code .proto} messages and references),
 * reads back as the model written (in the normal form of each format: {@link #normal}, {@link
 * #loose}), and writes again byte for byte. Argo has no collected outputs, so its models have
 * none; a KFP 2-only model of each seed has them. A failure names its seed: {@code
 * RandomModels.pipeline(seed, argo)} makes the model again.
 */
class RandomRoundTripTest {
  static final int MODELS = 300;

  @BeforeAll
  static void shared() {
    Shared.root(Shared.ARGO_SCHEMAS, Shared.KFP_API);
  }

  /**
   * Seeds past {@link #MODELS} whose models found a defect when many more were run: 3650 and 5940, a condition in a loop
   * given a file of a task in the loop before the loop's item, written again with the group's parameters first.
   */
  static final long[] FOUND = {3650, 5940};

  static LongStream seeds() {
    return LongStream.concat(LongStream.range(1, MODELS + 1), LongStream.of(FOUND));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void argoWorkflowIsValidAndReadsBackAsWritten(long seed) {
    Pipeline model = RandomModels.pipeline(seed, true);
    String yaml = at(seed, "argo write", () -> ArgoWriter.write(model));
    JsonNode root = Yaml.read(yaml);
    assertEquals(List.of(), ArgoSchemas.errors(yaml), "seed " + seed + ": Argo's schema\n" + yaml);
    assertEquals(List.of(), ArgoRules.errors(root), "seed " + seed + ": Argo's rules\n" + yaml);
    at(seed, "argo checks", () -> {
      WorkflowChecks.check(root, "seed-" + seed);
      return null;
    });
    // read as to be written again: kfp4j's templates unedited are written again as they are (EditedTemplates)
    Pipeline back = at(seed, "argo read", () -> ArgoReader.readToWrite(yaml, "seed-" + seed + ".yaml"));
    same(seed, loose(normal(model, true), true), loose(back, true), yaml);
    assertEquals(yaml, ArgoWriter.write(back), "seed " + seed + ": written again");
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void kfp2SpecIsValidAndReadsBackAsWritten(long seed) {
    for (boolean both : new boolean[] {true, false}) {
      Pipeline model = RandomModels.pipeline(seed, both);
      String yaml = at(seed, "kfp2 write", () -> Kfp2Writer.write(model));
      assertEquals(List.of(), Kfp2Schemas.errors(yaml), "seed " + seed + ": KFP's .proto files\n" + yaml);
      Pipeline back = at(seed, "kfp2 read", () -> Kfp2Reader.read(yaml, "seed-" + seed + ".yaml"));
      same(seed, loose(normal(model, false), false), loose(back, false), yaml);
      assertEquals(yaml, Kfp2Writer.write(back), "seed " + seed + ": written again");
    }
  }

  @org.junit.jupiter.api.Test
  void kfp2OnlyModelsPassFilesByUriToo() {
    java.util.regex.Pattern input = java.util.regex.Pattern.compile("\\{\\{\\$\\.inputs\\.artifacts\\[''\\w+''\\]\\.uri}}");
    java.util.regex.Pattern output = java.util.regex.Pattern.compile("\\{\\{\\$\\.outputs\\.artifacts\\[''\\w+''\\]\\.uri}}");
    int inputs = 0;
    int outputs = 0;
    for (long seed : seeds().toArray()) {
      String yaml = Kfp2Writer.write(RandomModels.pipeline(seed, false));
      inputs += input.matcher(yaml).find() ? 1 : 0;
      outputs += output.matcher(yaml).find() ? 1 : 0;
    }
    assertTrue(inputs > 0 && outputs > 0, inputs + " with inputs and " + outputs + " with outputs by URI of " + MODELS);
  }

  /** The model read back is the model written: its parameters, nodes, exit task, settings and outputs. */
  /** The KFP 2 models collect loops' files into lists of artifacts, given to tasks and as pipeline outputs. */
  @org.junit.jupiter.api.Test
  void someKfp2ModelsCollectFilesIntoListsOfArtifacts() {
    long given = 0;
    long returned = 0;
    for (long seed : seeds().toArray()) {
      Pipeline p = RandomModels.pipeline(seed, false);
      given += p.steps().stream().filter(s -> s instanceof dev.kfp4j.model.Task t
          && t.component().inputs().stream().anyMatch(dev.kfp4j.spec.InputSpec::isArtifactList)).count();
      returned += p.outputs().keySet().stream().filter(k -> k.startsWith("files-of-")).count();
    }
    assertTrue(given >= 5 && returned >= 2, given + " tasks take a list of artifacts, " + returned + " pipeline outputs are one");
  }

  /** The KFP 2 models loop over lists of artifacts they collected (artifactIterator), some with a parallelism. */
  @org.junit.jupiter.api.Test
  void someKfp2ModelsLoopOverListsOfArtifacts() {
    long loops = 0;
    long limited = 0;
    for (long seed : seeds().toArray()) {
      Pipeline p = RandomModels.pipeline(seed, false);
      for (dev.kfp4j.model.Node n : p.allNodes()) {
        if (n instanceof dev.kfp4j.model.Loop l && p.overArtifacts(l)) {
          loops++;
          limited += l.parallelism() > 0 ? 1 : 0;
        }
      }
    }
    assertTrue(loops >= 5 && limited >= 2, loops + " loops over artifacts, " + limited + " with a parallelism");
  }

  /** The KFP 2 models collect values of tasks in loops and conditions inside the collecting loop, read by tasks and given as pipeline outputs. */
  @org.junit.jupiter.api.Test
  void someKfp2ModelsCollectThroughNestedLoopsAndConditions() {
    long nested = 0;
    for (long seed : seeds().toArray()) {
      Pipeline p = RandomModels.pipeline(seed, false);
      java.util.List<dev.kfp4j.model.Argument> read = new java.util.ArrayList<>(p.outputs().values());
      p.steps().forEach(s -> read.addAll(s.arguments().values()));
      for (dev.kfp4j.model.Argument a : read) {
        if (a instanceof dev.kfp4j.model.Argument.Collected c && ((dev.kfp4j.model.Loop) p.node(c.loop()).orElseThrow()).body().stream()
            .noneMatch(n -> n.name().equals(c.task()))) {
          nested++;
        }
      }
    }
    assertTrue(nested >= 5, nested + " collected outputs are of a task in a loop or condition inside the loop");
  }

  /** The KFP 2 models hold chains' outputs (dsl.OneOf), read by tasks and given as pipeline outputs. */
  @org.junit.jupiter.api.Test
  void someKfp2ModelsReadAChainsOutput() {
    long read = 0;
    long returned = 0;
    for (long seed : seeds().toArray()) {
      Pipeline p = RandomModels.pipeline(seed, false);
      read += p.steps().stream().filter(s -> s.arguments().values().stream().anyMatch(a -> a instanceof dev.kfp4j.model.Argument.OneOf))
          .count();
      returned += p.outputs().values().stream().filter(a -> a instanceof dev.kfp4j.model.Argument.OneOf).count();
    }
    assertTrue(read >= 5 && returned >= 5, read + " tasks read a chain's output, " + returned + " pipeline outputs are one");
  }

  static void same(long seed, Pipeline written, Pipeline read, String yaml) {
    String at = "seed " + seed + ": ";
    String difference = difference(written, read, "pipeline");
    if (difference != null) {
      throw new AssertionError(at + "read back differs at " + difference + "\n" + yaml);
    }
    assertEquals(written.name(), read.name(), at + "name\n" + yaml);
    assertEquals(written.parameters(), read.parameters(), at + "parameters\n" + yaml);
    assertEquals(written.nodes(), read.nodes(), at + "nodes\n" + yaml);
    assertEquals(written.exitTask(), read.exitTask(), at + "exit task\n" + yaml);
    assertEquals(written.settings(), read.settings(), at + "settings\n" + yaml);
    assertEquals(written.outputs(), read.outputs(), at + "outputs\n" + yaml);
    assertEquals(written.description(), read.description(), at + "description\n" + yaml);
  }

  /**
   * The model as a format reads it back: the records a loop runs over as compact JSON, and in
   * Argo, which gives a {@code withItems} field that is true or false as KFP's text, with such fields as text; in Argo
   * too, a chain of branches as a condition per branch (each with the earlier ones negated) and a
   * constant argument that is the input's default left out, and no pipeline outputs (KFP v1 has
   * none).
   */
  static Pipeline normal(Pipeline p, boolean argo) {
    Task exit = p.exitTask() == null ? null : (Task) normal(List.of(p.exitTask()), argo).get(0);
    return new Pipeline(p.name(), p.description(), p.parameters(), normal(p.nodes(), argo), exit, p.settings(), p.source(),
        argo ? Map.of() : p.outputs());
  }

  /**
   * What the formats leave open, on both sides (see the report of the test's first run): the order
   * of a DAG's nodes (KFP 2 sorts them by name), of a task's settings (each format writes them in
   * its own order), a default caching(true), a task's waits (Argo's reader gives a task the
   * dependencies of its group), the {@code -2} a reader adds to a component name used with other
   * settings, the type of a Boolean constant in a comparison (compared as text), and in KFP 2 the
   * policy of a retry.
   */
  static Pipeline loose(Pipeline p, boolean argo) {
    Pipeline tasks = p.mapTasks(t -> {
      List<TaskSetting> settings = new ArrayList<>();
      for (TaskSetting s : t.settings()) { // KFP 2 retries failures: its retries have no policy, its backoff a maximum
        if (!argo && s instanceof RunSetting.Retry r) {
          s = new RunSetting.Retry(r.limit(), null);
        } else if (!argo && s instanceof RunSetting.RetryBackoff b && b.maxDuration().isEmpty()) {
          s = new RunSetting.RetryBackoff(b.duration(), b.factor(), "3600s");
        }
        settings.add(s);
      }
      settings.remove(new RunSetting.Retry(0, null)); // a backoff alone is in a retry policy of no retries
      settings.remove(new RunSetting.Caching(true));
      settings.sort(java.util.Comparator.comparing(Object::toString));
      String name = t.component().name().replaceAll("-[0-9]+$", "");
      dev.kfp4j.spec.ComponentSpec c = t.component();
      List<dev.kfp4j.spec.OutputSpec> outputs = c.outputs();
      List<dev.kfp4j.spec.InputSpec> inputs = c.inputs();
      if (!argo) {
        inputs = inputs.stream().map(i -> new dev.kfp4j.spec.InputSpec(i.name(), artifactType(i.type()), i.description(), i.defaultValue(),
            i.optional(), i.annotations())).sorted(java.util.Comparator.comparing(dev.kfp4j.spec.InputSpec::name)).toList(); // KFP 2 declares parameters, then artifacts of a schema title
        outputs = outputs.stream().map(o -> new dev.kfp4j.spec.OutputSpec(o.name(), artifactType(o.type()), o.description(), o.annotations()))
            .sorted(java.util.Comparator.comparing(dev.kfp4j.spec.OutputSpec::name)).toList();
      }
      c = new dev.kfp4j.spec.ComponentSpec(name, c.description(), c.annotations(), c.labels(), inputs, outputs, c.container(),
          c.graph());
      return new Task(t.name(), c, t.arguments(), List.of(), settings);
    });
    return new Pipeline(p.name(), p.description(), p.parameters(), loose(tasks.nodes()), tasks.exitTask(), p.settings(), p.source(),
        p.outputs());
  }

  private static dev.kfp4j.spec.TypeSpec artifactType(dev.kfp4j.spec.TypeSpec t) {
    return t != null && t.name() != null && t.name().startsWith("system.") ? dev.kfp4j.spec.TypeSpec.named(t.name().substring(7)) : t;
  }

  private static List<Node> loose(List<Node> nodes) {
    List<Node> out = new ArrayList<>();
    for (Node n : nodes) {
      if (n instanceof Loop l) {
        out.add(new Loop(l.name(), l.items(), l.parallelism(), loose(l.body())));
      } else if (n instanceof Condition c) {
        out.add(new Condition(c.name(), loose(c.predicate()), loose(c.body())));
      } else if (n instanceof Branches b) {
        List<Condition> branches = new ArrayList<>();
        for (Condition c : b.branches()) {
          branches.add(new Condition(c.name(), loose(c.predicate()), loose(c.body())));
        }
        out.add(new Branches(b.name(), branches));
      } else {
        out.add(n);
      }
    }
    out.sort(java.util.Comparator.comparing(Node::name));
    return out;
  }

  private static Predicate loose(Predicate p) {
    if (p instanceof Predicate.Comparison c) {
      return new Predicate.Comparison(loose(c.left()), c.operator(), loose(c.right()));
    }
    if (p instanceof Predicate.Not n) {
      return new Predicate.Not(loose(n.predicate()));
    }
    if (p instanceof Predicate.All a) {
      return new Predicate.All(a.predicates().stream().map(RandomRoundTripTest::loose).toList());
    }
    if (p instanceof Predicate.Any a) {
      return new Predicate.Any(a.predicates().stream().map(RandomRoundTripTest::loose).toList());
    }
    return p;
  }

  private static Argument loose(Argument a) {
    return a instanceof Argument.Constant c && c.type() == ParameterType.BOOLEAN ? Argument.Constant.of(c.text()) : a;
  }

  private static List<Node> normal(List<Node> nodes, boolean argo) {
    List<Node> out = new ArrayList<>();
    for (Node n : nodes) {
      if (n instanceof Loop l) {
        Loop.Items items = l.items();
        if (items instanceof Loop.Constants c) {
          List<Argument.Constant> values = new ArrayList<>();
          for (Argument.Constant v : c.values()) {
            values.add(v.type() != ParameterType.STRUCT ? v : new Argument.Constant(record(v.text(), argo), v.type()));
          }
          items = new Loop.Constants(values);
        }
        out.add(new Loop(l.name(), items, l.parallelism(), normal(l.body(), argo)));
      } else if (n instanceof Condition c) {
        out.add(new Condition(c.name(), c.predicate(), normal(c.body(), argo)));
      } else if (n instanceof Branches b && argo) { // Argo: a condition per branch, with the earlier branches negated
        for (int i = 0; i < b.branches().size(); i++) {
          out.add(new Condition(b.branches().get(i).name(), b.effectivePredicate(i), normal(b.branches().get(i).body(), argo)));
        }
      } else if (n instanceof Branches b) {
        List<Condition> branches = new ArrayList<>();
        for (Condition c : b.branches()) {
          branches.add(new Condition(c.name(), c.predicate(), normal(c.body(), argo)));
        }
        out.add(new Branches(b.name(), branches));
      } else if (n instanceof Task t && argo) { // Argo: a constant that is the input's default is left out
        Map<String, Argument> arguments = new java.util.LinkedHashMap<>(t.arguments());
        arguments.entrySet().removeIf(e -> e.getValue() instanceof Argument.Constant c
            && t.component().input(e.getKey()).map(in -> c.text().equals(in.defaultValue())).orElse(false));
        out.add(new Task(t.name(), t.component(), arguments, t.after(), t.settings()));
      } else {
        out.add(n);
      }
    }
    return out;
  }

  private static String record(String json, boolean argo) {
    tools.jackson.databind.node.ObjectNode o = (tools.jackson.databind.node.ObjectNode) Yaml.readJson(json);
    if (argo) {
      o.properties().forEach(e -> {
        if (e.getValue().isBoolean()) {
          e.setValue(Yaml.json().getNodeFactory().textNode(e.getValue().asBoolean() ? "True" : "False"));
        }
      });
    }
    return Yaml.jsonText(o);
  }

  /** Where {@code a} and {@code b} first differ, walking records, lists and maps: a path and both values; null when equal. */
  static String difference(Object a, Object b, String path) {
    if (java.util.Objects.equals(a, b)) {
      return null;
    }
    if (a != null && b != null && a.getClass() == b.getClass() && a.getClass().isRecord()) {
      for (java.lang.reflect.RecordComponent c : a.getClass().getRecordComponents()) {
        try {
          String d = difference(c.getAccessor().invoke(a), c.getAccessor().invoke(b), path + "." + c.getName());
          if (d != null) {
            return d;
          }
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(e);
        }
      }
    }
    if (a instanceof List<?> x && b instanceof List<?> y && x.size() == y.size()) {
      for (int i = 0; i < x.size(); i++) {
        String d = difference(x.get(i), y.get(i), path + "[" + i + "]");
        if (d != null) {
          return d;
        }
      }
    }
    if (a instanceof java.util.Map<?, ?> x && b instanceof java.util.Map<?, ?> y && x.keySet().equals(y.keySet())) {
      for (Object k : x.keySet()) {
        String d = difference(x.get(k), y.get(k), path + "[" + k + "]");
        if (d != null) {
          return d;
        }
      }
    }
    return path + ": written " + a + ", read " + b;
  }

  private static <T> T at(long seed, String what, java.util.function.Supplier<T> step) {
    try {
      return step.get();
    } catch (RuntimeException e) {
      throw new AssertionError("seed " + seed + ": " + what + ": " + e, e);
    }
  }
}
