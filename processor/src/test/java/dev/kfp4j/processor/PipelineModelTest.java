package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Condition;
import dev.kfp4j.model.Loop;
import dev.kfp4j.model.Node;
import dev.kfp4j.model.Parameter;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Predicate;
import dev.kfp4j.model.ResourceStep;
import dev.kfp4j.model.Task;
import dev.kfp4j.model.VolumeStep;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * What a {@code @Pipeline} body compiles to in the pipeline model: task names, typed constants,
 * parameters, outputs, loop items, groups, the exit task and the Kubernetes steps.
 */
class PipelineModelTest {
  /** Components the pipelines below call. */
  static final JavaFileObject LIB = Compile.source("test.Lib",
      "package test;",
      "import dev.kfp4j.annotations.*;",
      "import java.nio.file.Path;",
      "import java.util.*;",
      "public class Lib {",
      "  public enum Mode { FAST, SLOW }",
      "  @Component public static int add(int a, int b) { return a + b; }",
      "  @Component public static String greet(String name) { return name; }",
      "  @Component public static double scale(double x) { return x; }",
      "  @Component public static boolean flag(boolean on) { return on; }",
      "  @Component public static long big(long n) { return n; }",
      "  @Component public static int count(List<Integer> xs) { return xs.size(); }",
      "  @Component public static int keys(Map<String, Integer> m) { return m.size(); }",
      "  @Component public static String mode(Mode mode) { return mode.name(); }",
      "  @Component public static List<Integer> range(int n) { return List.of(); }",
      "  @Component public static void read(@InputPath(\"Text\") String textPath) {}",
      "}");

  /** The model of the one pipeline {@code test.P} declares, with {@code body} as its class body. */
  static Pipeline model(String... body) {
    List<Pipeline> models = new ArrayList<>();
    JavaFileObject source = Compile.testClass("P",
        List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.dsl.Dsl;", "import java.util.*;"), body);
    Compilation c = Compile.compile(models, LIB, source);
    assertThat(c).succeeded();
    assertThat(models).hasSize(1);
    return models.get(0);
  }

  static Task task(Pipeline p, String name) {
    return (Task) p.node(name).orElseThrow(() -> new AssertionError("no node " + name + " in " + p.allNodes()));
  }

  @Test
  void tasksAreNamedAfterTheirComponentsMadeUnique() {
    Pipeline p = model(
        "@Pipeline public static void p() {",
        "  var a = LibOps.add(1, 2);",
        "  var b = LibOps.add(a.output(), 3);",
        "  LibOps.add(b.output(), a.output());",
        "}");
    assertThat(p.steps().stream().map(Node::name).toList()).containsExactly("add", "add-2", "add-3").inOrder();
    assertThat(task(p, "add-3").arguments()).containsExactly(
        "a", new Argument.TaskOutput("add-2", "Output"), "b", new Argument.TaskOutput("add", "Output")).inOrder();
    assertThat(task(p, "add").component().name()).isEqualTo("add");
    assertThat(p.name()).isEqualTo("p");
    assertThat(p.source()).isEqualTo("test.P.p()");
  }

  @Test
  void constantsKeepTheTypeOfTheirJavaValue() {
    Pipeline p = model(
        "static final String NAME = \"Ada\";",
        "static final int THREE = 3;",
        "@Pipeline public static void p() {",
        "  LibOps.add(THREE, -4);",
        "  LibOps.scale(0.5);",
        "  LibOps.flag(true);",
        "  LibOps.big(12345678901L);",
        "  LibOps.greet(NAME);",
        "  LibOps.mode(Lib.Mode.FAST);",
        "  LibOps.count(List.of(1, 2));",
        "  LibOps.keys(Map.of(\"b\", 2, \"a\", 1));",
        "  LibOps.greet((String) (\"in parentheses\"));",
        "}");
    assertThat(task(p, "add").arguments()).containsExactly(
        "a", new Argument.Constant("3", ParameterType.INTEGER), "b", new Argument.Constant("-4", ParameterType.INTEGER));
    assertThat(task(p, "scale").arguments()).containsExactly("x", new Argument.Constant("0.5", ParameterType.FLOAT));
    assertThat(task(p, "flag").arguments()).containsExactly("on", new Argument.Constant("True", ParameterType.BOOLEAN));
    assertThat(task(p, "big").arguments()).containsExactly("n", new Argument.Constant("12345678901", ParameterType.INTEGER));
    assertThat(task(p, "greet").arguments()).containsExactly("name", Argument.Constant.of("Ada"));
    assertThat(task(p, "mode").arguments()).containsExactly("mode", Argument.Constant.of("FAST"));
    assertThat(task(p, "count").arguments()).containsExactly("xs", new Argument.Constant("[1, 2]", ParameterType.LIST));
    assertThat(task(p, "keys").arguments()).containsExactly("m", new Argument.Constant("{\"a\": 1, \"b\": 2}", ParameterType.STRUCT));
    assertThat(task(p, "greet-2").arguments()).containsExactly("name", Argument.Constant.of("in parentheses"));
  }

  @Test
  void parametersAreTypedWithTheirDefaultsAndPassedByName() {
    Pipeline p = model(
        "/** Says hello.",
        " * @param n how many */",
        "@Pipeline(name = \"hello\") public static void p(@Default(\"3\") int n, String who, @Default(\"[1]\") List<Integer> xs) {",
        "  LibOps.add(n, 1);",
        "  LibOps.greet(who);",
        "  LibOps.count(xs);",
        "}");
    assertThat(p.name()).isEqualTo("hello");
    assertThat(p.description()).isEqualTo("Says hello.");
    assertThat(p.parameters()).containsExactly(
        new Parameter("n", ParameterType.INTEGER, "3", "how many"),  // its Javadoc @param
        new Parameter("who", ParameterType.STRING, null, null),
        new Parameter("xs", ParameterType.LIST, "[1]", null)).inOrder();
    assertThat(task(p, "add").arguments().get("a")).isEqualTo(new Argument.PipelineParameter("n"));
    assertThat(task(p, "greet").arguments().get("name")).isEqualTo(new Argument.PipelineParameter("who"));
    assertThat(task(p, "count").arguments().get("xs")).isEqualTo(new Argument.PipelineParameter("xs"));
  }

  @Test
  void anOptionalInputGivenNullIsLeftOut() {
    JavaFileObject lib = Compile.source("test.Opt", "package test;", "import dev.kfp4j.annotations.*;", "public class Opt {",
        "  @Component public static int inc(int a, @Default(\"1\") int by) { return a + by; }", "}");
    List<Pipeline> models = new ArrayList<>();
    assertThat(Compile.compile(models, lib, Compile.testClass("P", List.of("import dev.kfp4j.annotations.*;"),
        "@Pipeline public static void p() { OptOps.inc(5, null); }"))).succeeded();
    assertThat(task(models.get(0), "inc").arguments()).containsExactly("a", new Argument.Constant("5", ParameterType.INTEGER));
  }

  /**
   * A record built from constants, and List.of/Map.of holding lists, maps or records, pass as JSON constants, as a loop's
   * constant items do: {@code new Point(1, 2.0)} was "cannot be passed to a task", and {@code Map.of("z", List.of(9))}
   * "List.of/Map.of arguments to a task are constants only; 'List.of(9)' is not".
   */
  @Test
  void recordsAndNestedListsAndMapsOfConstantsPassAsJsonConstants() {
    JavaFileObject lib = Compile.source("test.Geo", "package test;", "import dev.kfp4j.annotations.*;", "import java.util.*;",
        "public class Geo {", "  public record Point(int x, double y) {}",
        "  @Component public static String place(Point p, Map<String, List<Integer>> m, List<Point> ps) { return \"\"; }", "}");
    List<Pipeline> models = new ArrayList<>();
    assertThat(Compile.compile(models, lib, Compile.testClass("P", List.of("import dev.kfp4j.annotations.*;", "import java.util.*;"),
        "@Pipeline public static void p() {",
        "  GeoOps.place(new Geo.Point(1, 2.0), Map.of(\"z\", List.of(9), \"a\", List.of()), List.of(new Geo.Point(3, 0.5)));",
        "}"))).succeeded();
    assertThat(task(models.get(0), "place").arguments()).containsExactly(
        "p", new Argument.Constant("{\"x\": 1, \"y\": 2.0}", ParameterType.STRUCT),
        "m", new Argument.Constant("{\"a\": [], \"z\": [9]}", ParameterType.STRUCT),
        "ps", new Argument.Constant("[{\"x\": 3, \"y\": 0.5}]", ParameterType.LIST)).inOrder();
  }

  @Test
  void aConditionIsAGroupWithItsComparison() {
    Pipeline p = model(
        "@Pipeline public static void p(int n) {",
        "  var t = LibOps.add(n, 1);",
        "  Dsl.when(Dsl.gt(t.output(), 5), () -> {",
        "    LibOps.greet(\"big\");",
        "    Dsl.when(Dsl.ne(n, 7), () -> LibOps.greet(\"not seven\"));",
        "  });",
        "  Dsl.when(Dsl.le(n, 0), () -> LibOps.greet(\"small\"));",
        "}");
    assertThat(p.nodes().stream().map(Node::name).toList()).containsExactly("add", "condition-1", "condition-3").inOrder();
    Condition big = (Condition) p.nodes().get(1);
    assertThat(big.predicate()).isEqualTo(new Predicate.Comparison(
        new Argument.TaskOutput("add", "Output"), Predicate.Operator.GT, new Argument.Constant("5", ParameterType.INTEGER)));
    assertThat(big.body().stream().map(Node::name).toList()).containsExactly("greet", "condition-2").inOrder();
    assertThat(((Condition) big.body().get(1)).predicate()).isEqualTo(new Predicate.Comparison(
        new Argument.PipelineParameter("n"), Predicate.Operator.NE, new Argument.Constant("7", ParameterType.INTEGER)));
    assertThat(((Condition) p.nodes().get(2)).predicate()).isEqualTo(new Predicate.Comparison(
        new Argument.PipelineParameter("n"), Predicate.Operator.LE, new Argument.Constant("0", ParameterType.INTEGER)));
  }

  @Test
  void aLoopOverConstantsGivesEachItemAsAConstant() {
    Pipeline p = model(
        "public record Item(int a, String b) {}",
        "@Pipeline public static void p() {",
        "  Dsl.forEach(List.of(1, 2, 3), item -> LibOps.add(item, 10));",
        "  Dsl.forEach(List.of(new Item(1, \"x\"), new Item(20, \"y\")), 2, item -> {",
        "    LibOps.add(item.a(), 1);",
        "    LibOps.greet(item.b());",
        "  });",
        "}");
    Loop numbers = (Loop) p.nodes().get(0);
    assertThat(numbers.name()).isEqualTo("for-loop-2"); // after its item's number, loop-item-param-1, as KFP numbers them
    assertThat(numbers.parallelism()).isEqualTo(0);
    assertThat(numbers.items()).isEqualTo(new Loop.Constants(List.of(
        new Argument.Constant("1", ParameterType.INTEGER), new Argument.Constant("2", ParameterType.INTEGER),
        new Argument.Constant("3", ParameterType.INTEGER))));
    assertThat(((Task) numbers.body().get(0)).arguments().get("a")).isEqualTo(new Argument.LoopItem("for-loop-2", null));
    Loop records = (Loop) p.nodes().get(1);
    assertThat(records.name()).isEqualTo("for-loop-4");
    assertThat(records.parallelism()).isEqualTo(2);
    assertThat(records.items()).isEqualTo(new Loop.Constants(List.of(
        new Argument.Constant("{\"a\":1,\"b\":\"x\"}", ParameterType.STRUCT),
        new Argument.Constant("{\"a\":20,\"b\":\"y\"}", ParameterType.STRUCT))));
    assertThat(task(p, "add-2").arguments().get("a")).isEqualTo(new Argument.LoopItem("for-loop-4", "a"));
    assertThat(task(p, "greet").arguments().get("name")).isEqualTo(new Argument.LoopItem("for-loop-4", "b"));
  }

  @Test
  void aLoopOverAListParameterOrOutputIteratesItWhenThePipelineRuns() {
    Pipeline p = model(
        "@Pipeline public static void p(List<Integer> xs) {",
        "  Dsl.forEach(xs, x -> LibOps.add(x, 1));",
        "  var r = LibOps.range(3);",
        "  Dsl.forEach(r.output(), x -> LibOps.add(x, 2));",
        "}");
    assertThat(((Loop) p.nodes().get(0)).items()).isEqualTo(new Loop.Over(new Argument.PipelineParameter("xs")));
    assertThat(((Loop) p.nodes().get(2)).items()).isEqualTo(new Loop.Over(new Argument.TaskOutput("range", "Output")));
    assertThat(task(p, "add-2").arguments().get("a")).isEqualTo(new Argument.LoopItem("for-loop-2", null));
  }

  @Test
  void theExitTaskIsKeptApartFromTheDag() {
    Pipeline p = model(
        "@Pipeline public static void p(String who) {",
        "  Dsl.exitHandler(LibOps.greet(who).displayName(\"bye\"), () -> {",
        "    LibOps.add(1, 2);",
        "  });",
        "}");
    assertThat(p.exitTask().name()).isEqualTo("greet");
    assertThat(p.exitTask().arguments()).containsExactly("name", new Argument.PipelineParameter("who"));
    assertThat(p.exitTask().settings()).containsExactly(new dev.kfp4j.model.TaskSetting.DisplayName("bye"));
    assertThat(p.nodes().stream().map(Node::name).toList()).containsExactly("add");
  }

  @Test
  void aVolumeIsAStepThatTasksMountAndWaitFor() {
    Pipeline p = model(
        "@Pipeline public static void p(@Default(\"1Gi\") String size) {",
        "  var data = Dsl.volume(\"data\", size, \"ReadWriteOnce\", \"fast-ssd\");",
        "  LibOps.greet(\"hi\").mountVolume(data, \"/mnt/data\");",
        "}");
    VolumeStep volume = (VolumeStep) p.node("data").orElseThrow();
    assertThat(volume).isEqualTo(new VolumeStep("data", "data", new Argument.PipelineParameter("size"), "ReadWriteOnce", "fast-ssd",
        List.of(), List.of(), VolumeStep.Deletion.afterMounts("data")));
    assertThat(task(p, "greet").settings()).containsExactly(new dev.kfp4j.model.TaskSetting.VolumeMount("data", "/mnt/data"));
    assertThat(task(p, "greet").after()).isEmpty();
    assertThat(dev.kfp4j.model.Nodes.upstream(task(p, "greet"))).containsExactly("data");
  }

  @Test
  void aResourceStepHasItsConditionsAndOutputs() {
    Pipeline p = model(
        "static final String JOB = \"apiVersion: batch/v1\\nkind: Job\\nmetadata:\\n  generateName: j-\\n\";",
        "@Pipeline(formats = Format.ARGO) public static void p() {",
        "  var job = Dsl.resource(\"create\", JOB)",
        "      .successCondition(\"status.succeeded > 0\")",
        "      .failureCondition(\"status.failed > 0\")",
        "      .attributeOutput(\"name\", \"{.metadata.name}\")",
        "      .retries(2);",
        "  LibOps.greet(job.output(\"name\"));",
        "}");
    ResourceStep job = (ResourceStep) p.node("create-job").orElseThrow();
    assertThat(job.action()).isEqualTo("create");
    assertThat(job.manifest()).isEqualTo("apiVersion: batch/v1\nkind: Job\nmetadata:\n  generateName: j-\n");
    assertThat(job.successCondition()).isEqualTo("status.succeeded > 0");
    assertThat(job.failureCondition()).isEqualTo("status.failed > 0");
    assertThat(job.outputs()).containsExactly("manifest", "{}", "name", "{.metadata.name}").inOrder();
    assertThat(job.settings()).containsExactly(new dev.kfp4j.model.RunSetting.Retry(2, null));
    assertThat(task(p, "greet").arguments()).containsExactly("name", new Argument.TaskOutput("create-job", "name"));
  }

  @Test
  void afterNamesTheTasksWaitedFor() {
    Pipeline p = model(
        "@Pipeline public static void p() {",
        "  var a = LibOps.greet(\"a\");",
        "  var b = LibOps.greet(\"b\");",
        "  var c = LibOps.add(1, 2).after(a);",
        "  c.after(b, a);",
        "}");
    assertThat(task(p, "add").after()).containsExactly("greet", "greet-2").inOrder();
  }

  @Test
  void aTaskVariableReassignedNamesTheNewTask() {
    Pipeline p = model(
        "@Pipeline public static void p() {",
        "  var t = LibOps.add(1, 1);",
        "  t = LibOps.add(t.output(), 1);",
        "  t = LibOps.add(t.output(), 1);",
        "}");
    assertThat(task(p, "add-3").arguments().get("a")).isEqualTo(new Argument.TaskOutput("add-2", "Output"));
  }

  @Test
  void aConstantGivenToAFileInputPassesAsItsContent() {
    Pipeline p = model(
        "@Pipeline(formats = Format.ARGO) public static void p(String text) {",
        "  LibOps.read(\"hello\");",
        "  LibOps.read(text);",
        "}");
    assertThat(task(p, "read").arguments()).containsExactly("text", Argument.Constant.of("hello"));
    assertThat(task(p, "read-2").arguments()).containsExactly("text", new Argument.PipelineParameter("text"));
  }

  @Test
  void theModelIsWhatTheWorkflowSays() {
    List<Pipeline> models = new ArrayList<>();
    Compilation c = Compile.compile(models, LIB, Compile.testClass("P", List.of("import dev.kfp4j.annotations.*;"),
        "@Pipeline public static void p(int n) { LibOps.add(n, 2).cpuLimit(\"1\"); }"));
    assertThat(c).succeeded();
    String yaml = Compile.resource(c, "META-INF/kfp4j/pipelines/p.yaml");
    assertThat(dev.kfp4j.format.argo.ArgoWriter.write(models.get(0))).isEqualTo(yaml);
    assertThat(yaml).startsWith("# Generated by kfp4j from test.P.p(int). Do not edit.\n");
  }
}
