package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.kfp4j.local.Workflow;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.TaskResult;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Condition;
import dev.kfp4j.model.Loop;
import dev.kfp4j.model.Node;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Predicate;
import dev.kfp4j.model.Task;
import dev.kfp4j.testing.ArgoSchemas;
import dev.kfp4j.yaml.Yaml;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A {@code @Pipeline} method called in another's body, as KFP's pipeline used as a component: its
 * tasks put into the calling pipeline ({@code <call>-<task>}), its parameters given the call's
 * arguments, its outputs read where the call's are; in both formats, run locally, and each misuse
 * one error on the call.
 */
class NestedPipelineTest {
  @TempDir Path dir;

  static final List<String> HEADER = List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.dsl.Dsl;", "import java.util.*;");

  static final JavaFileObject INNER = Compile.testClass("Inner", HEADER,
      "public record Sums(int total, String said) {}",
      "@Pipeline(name = \"inner\") public static int inner(int a, @Default(\"10\") int b) {",
      "  var s = LibOps.add(a, b);",
      "  Dsl.when(Dsl.gt(s.output(), 20), () -> LibOps.greet(\"big\"));",
      "  return LibOps.add(s.output(), 1).output();",
      "}",
      "@Pipeline(name = \"sums\") public static Sums sums(int n) {",
      "  var g = LibOps.greet(\"sum\");",
      "  Dsl.forEach(List.of(1, 2), i -> LibOps.add(i, n));",
      "  return new Sums(LibOps.add(n, n).output(), g.output());",
      "}");

  static final JavaFileObject OUTER = Compile.testClass("Outer", HEADER,
      "@Pipeline(name = \"outer\") public static int outer(int n) {",
      "  var first = LibOps.add(n, 1);",
      "  int once = Inner.inner(first.output(), 5);",
      "  var twice = Inner.inner(once, 20);",
      "  var s = Inner.sums(twice);",
      "  Dsl.when(Dsl.eq(s.said(), \"sum\"), () -> LibOps.add(s.total(), 1));",
      "  LibOps.add(once, Inner.inner(n, 2));",
      "  return twice;",
      "}");

  @Test
  void theCalledPipelinesTasksArePutInNamedAfterTheCall() {
    List<Pipeline> models = new ArrayList<>();
    Compilation c = Compile.compile(models, PipelineModelTest.LIB, OUTER, INNER);
    assertThat(c).succeededWithoutWarnings();
    Pipeline outer = models.stream().filter(p -> p.name().equals("outer")).findFirst().orElseThrow();
    assertThat(outer.allNodes().stream().map(Node::name).toList()).containsExactly(
        "add", "inner-add", "condition-2", "inner-greet", "inner-add-2",
        "inner-2-add", "condition-3", "inner-2-greet", "inner-2-add-2",
        "sums-greet", "for-loop-5", "sums-add", "sums-add-2",
        "condition-1", "add-2", "add-3", "inner-3-add", "condition-6", "inner-3-greet", "inner-3-add-2").inOrder();
    assertThat(((Task) outer.node("inner-add").orElseThrow()).arguments()).containsExactly(
        "a", new Argument.TaskOutput("add", "Output"), "b", new Argument.Constant("5", dev.kfp4j.model.ParameterType.INTEGER));
    // the second call takes the first's output, which is its last task's
    assertThat(((Task) outer.node("inner-2-add").orElseThrow()).arguments().get("a")).isEqualTo(new Argument.TaskOutput("inner-add-2", "Output"));
    Condition big = (Condition) outer.node("condition-3").orElseThrow();
    assertThat(big.predicate()).isEqualTo(new Predicate.Comparison(new Argument.TaskOutput("inner-2-add", "Output"), Predicate.Operator.GT,
        new Argument.Constant("20", dev.kfp4j.model.ParameterType.INTEGER)));
    assertThat(((Loop) outer.node("for-loop-5").orElseThrow()).body().stream().map(Node::name).toList()).containsExactly("sums-add");
    assertThat(((Task) outer.node("sums-add").orElseThrow()).arguments().get("b")).isEqualTo(new Argument.TaskOutput("inner-2-add-2", "Output"));
    Condition said = (Condition) outer.node("condition-1").orElseThrow();
    assertThat(said.predicate()).isEqualTo(new Predicate.Comparison(new Argument.TaskOutput("sums-greet", "Output"), Predicate.Operator.EQ,
        Argument.Constant.of("sum")));
    assertThat(((Task) outer.node("add-2").orElseThrow()).arguments().get("a")).isEqualTo(new Argument.TaskOutput("sums-add-2", "Output"));
    assertThat(((Task) outer.node("add-3").orElseThrow()).arguments()).containsExactly(
        "a", new Argument.TaskOutput("inner-add-2", "Output"), "b", new Argument.TaskOutput("inner-3-add-2", "Output"));
    assertThat(outer.outputs()).containsExactly("Output", new Argument.TaskOutput("inner-2-add-2", "Output"));

    String argo = Compile.resource(c, "META-INF/kfp4j/pipelines/outer.yaml");
    ArgoSchemas.assertValid(argo, "outer.yaml");
    String kfp2 = Compile.resource(c, "META-INF/kfp4j/kfp2/pipelines/outer.yaml");
    Compile.validKfp2(kfp2, "outer.yaml");
    // KFP 2's spec has one task a call, running the called pipeline's DAG, as KFP's compiler writes a pipeline used as a component
    JsonNode spec = Yaml.readAll(kfp2).get(0);
    assertThat(names(spec.at("/root/dag/tasks"))).containsExactly("add", "add-3", "condition-1", "inner", "inner-2", "inner-3",
        "sums");
    assertThat(names(spec.at("/components/comp-inner/dag/tasks"))).containsExactly("add", "add-2", "condition-1");
    assertThat(names(spec.at("/components/comp-inner/inputDefinitions/parameters"))).containsExactly("a", "b");
    assertThat(spec.at("/components/comp-inner/dag/tasks/add/inputs/parameters/a/componentInputParameter").asString()).isEqualTo("a");
    assertThat(spec.at("/components/comp-inner/dag/outputs/parameters/Output/valueFromParameter/producerSubtask").asString())
        .isEqualTo("add-2");
    assertThat(spec.at("/root/dag/tasks/inner-2/componentRef/name").asString()).isEqualTo("comp-inner-2");
    assertThat(spec.at("/root/dag/tasks/inner-2/inputs/parameters/a/taskOutputParameter/producerTask").asString()).isEqualTo("inner");
    assertThat(spec.at("/root/dag/tasks/inner-2/inputs/parameters/b/runtimeValue/constant").asInt()).isEqualTo(20);
    assertThat(names(spec.at("/root/dag/tasks/inner-2/dependentTasks"))).containsExactly("inner");
    // read back, the calls' tasks are put in, named after the call where their names are taken in the pipeline
    assertThat(Kfp2Reader.read(kfp2, "outer.yaml").allNodes().stream().map(Node::name).toList()).containsAtLeast("inner-add",
        "inner-2-add", "inner-3-add", "sums-add", "greet");
  }

  /** The keys of an object, the texts of an array. */
  private static List<String> names(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n.isArray()) {
      n.forEach(x -> out.add(x.asString()));
    } else {
      out.addAll(n.propertyNames());
    }
    return out;
  }

  @Test
  void anOuterPipelineCallingAnInnerOneTwiceRunsLocally() throws Exception {
    List<Pipeline> models = new ArrayList<>();
    Compilation c = Compile.compile(models, PipelineModelTest.LIB, OUTER, INNER);
    assertThat(c).succeededWithoutWarnings();
    String argo = Compile.resource(c, "META-INF/kfp4j/pipelines/outer.yaml");
    Path classes = Compile.writeOutput(c, dir.resolve("classes"));
    RunResult r;
    try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {classes.toUri().toURL()},
        getClass().getClassLoader())) {
      r = LocalRunner.builder().root(dir.resolve("run")).caching(false).console(new PrintStream(OutputStream.nullOutputStream()))
          .classLoader(loader).progress(false).summary(false).build()
          .run(Workflow.parse(argo, "outer.yaml"), Map.of("n", "3"));
    }
    assertThat(r.failedTask().map(TaskResult::message)).isEmpty();
    assertThat(r.succeeded()).isTrue();
    // n=3: add 4; inner(4, 5): 9, not big, 10; inner(10, 20): 30, big, 31; sums(31): 62
    assertThat(r.output("inner-add-2", "Output")).isEqualTo("10");
    assertThat(r.output("inner-2-add", "Output")).isEqualTo("30");
    assertThat(r.tasks().stream().filter(t -> t.name().equals("inner-2-greet")).map(TaskResult::state).toList())
        .containsExactly(TaskResult.State.Succeeded); // 30 > 20: the second call's condition holds
    assertThat(r.tasks().stream().filter(t -> t.name().equals("inner-greet")).map(TaskResult::state).toList())
        .doesNotContain(TaskResult.State.Succeeded); // 9: the first's does not
    assertThat(r.output("sums-add-2", "Output")).isEqualTo("62");
    assertThat(r.tasks().stream().filter(t -> t.name().equals("add-2")).map(t -> t.outputs().get("Output")).toList())
        .containsExactly("63"); // in the condition on sums' 'said' output
    assertThat(r.output("add-3", "Output")).isEqualTo("16"); // 10 + inner(3, 2) = 10 + 6
  }

  @Test
  void aCallInALoopAConditionOrABranchPutsItsTasksThereAndItsOutputsCanBeCollectedOrChosen() {
    List<Pipeline> models = new ArrayList<>();
    JavaFileObject outer = Compile.testClass("Outer", HEADER,
        "@Pipeline(name = \"outer\", formats = Format.KFP2) public static Inner.Sums outer(List<Integer> xs) {",
        "  Dsl.forEach(List.of(1, 2), i -> Inner.inner(i, 1));",
        "  var all = Dsl.collect(xs, x -> Inner.inner(x, 2));",
        "  LibOps.count(all);",
        "  Dsl.when(Dsl.gt(LibOps.count(xs).output(), 1), () -> Inner.sums(3));",
        "  var either = Dsl.oneOf(Dsl.gt(LibOps.count(xs).output(), 2), () -> Inner.inner(1, 2)).otherwise(() -> Inner.inner(3, 4));",
        "  LibOps.add(either, 1);",
        "  return Inner.sums(4);",
        "}");
    Compilation c = Compile.compile(models, PipelineModelTest.LIB, outer, INNER);
    assertThat(c).succeededWithoutWarnings();
    Pipeline p = models.stream().filter(m -> m.name().equals("outer")).findFirst().orElseThrow();
    Loop first = (Loop) p.nodes().get(0);
    assertThat(first.body().stream().map(Node::name).toList()).containsExactly("inner-add", "condition-8", "inner-add-2").inOrder();
    assertThat(((Task) p.node("inner-add").orElseThrow()).arguments().get("a")).isEqualTo(new Argument.LoopItem("for-loop-2", null));
    assertThat(((Task) p.node("count").orElseThrow()).arguments().get("xs"))
        .isEqualTo(new Argument.Collected("for-loop-3", "inner-2-add-2", "Output"));
    assertThat(p.outputs()).containsExactly("total", new Argument.TaskOutput("sums-2-add-2", "Output"),
        "said", new Argument.TaskOutput("sums-2-greet", "Output"));
    assertThat(((Task) p.node("add").orElseThrow()).arguments().get("a")).isEqualTo(new Argument.OneOf("condition-branches-5",
        List.of(new Argument.TaskOutput("inner-3-add-2", "Output"), new Argument.TaskOutput("inner-4-add-2", "Output"))));
    assertThat(((Condition) p.node("condition-4").orElseThrow()).body().stream().map(Node::name).toList())
        .containsExactly("sums-greet", "for-loop-11", "sums-add-2").inOrder();
    Compile.validKfp2(Compile.resource(c, "META-INF/kfp4j/kfp2/pipelines/outer.yaml"), "outer.yaml");
  }

  @Test
  void nullLeavesAParameterOutForItsDefaultAndARecordVariableIsReturnedWhole() {
    List<Pipeline> models = new ArrayList<>();
    JavaFileObject outer = Compile.testClass("Outer", HEADER,
        "@Pipeline(name = \"plus\") public static int plus(int a, @Default(\"10\") Integer b) { return LibOps.add(a, b).output(); }",
        "@Pipeline(name = \"outer\") public static Inner.Sums outer(int n) {",
        "  var s = Inner.sums(plus(n, null));",
        "  return s;",
        "}",
        "@Pipeline(name = \"exiting\") public static void exiting(int n) {",
        "  Dsl.exitHandler(LibOps.greet(\"done\"), () -> Inner.inner(n, 1));",
        "}");
    Compilation c = Compile.compile(models, PipelineModelTest.LIB, outer, INNER);
    assertThat(c).succeededWithoutWarnings();
    Pipeline p = models.stream().filter(m -> m.name().equals("outer")).findFirst().orElseThrow();
    assertThat(((Task) p.node("plus-add").orElseThrow()).arguments()).containsExactly("a", new Argument.PipelineParameter("n"),
        "b", new Argument.Constant("10", dev.kfp4j.model.ParameterType.INTEGER));
    assertThat(p.outputs()).containsExactly("total", new Argument.TaskOutput("sums-add-2", "Output"),
        "said", new Argument.TaskOutput("sums-greet", "Output"));
    Pipeline exiting = models.stream().filter(m -> m.name().equals("exiting")).findFirst().orElseThrow();
    assertThat(exiting.exitTask().name()).isEqualTo("greet");
    assertThat(exiting.steps().stream().map(Node::name).toList()).containsExactly("inner-add", "inner-greet", "inner-add-2", "greet");
    for (String name : List.of("outer", "exiting")) {
      ArgoSchemas.assertValid(Compile.resource(c, "META-INF/kfp4j/pipelines/" + name + ".yaml"), name);
      Compile.validKfp2(Compile.resource(c, "META-INF/kfp4j/kfp2/pipelines/" + name + ".yaml"), name);
    }
  }

  /**
   * A called pipeline returns a file or artifact as a {@code Path}, which says nothing of its type:
   * a {@code Model} it returned, given to a {@code Dataset} input, compiled (and ran locally, the
   * model read as a dataset), where the same output of a task in the caller is a {@code TypeMismatch}
   * and KFP's compiler refuses it. It is one error on the argument, for a returned {@code Path} and
   * a record's; an {@code Artifact} input still takes it.
   */
  @Test
  void anArtifactACalledPipelineReturnsIsTypeCheckedWhereItIsGiven() {
    JavaFileObject steps = Compile.testClass("Steps", List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.artifacts.*;"),
        "@Component public static void fit(@Out Model model) {}",
        "@Component public static int score(Dataset data) { return 0; }",
        "@Component public static int any(Artifact data) { return 0; }");
    JavaFileObject calls = Compile.testClass("Calls", List.of("import dev.kfp4j.annotations.*;", "import java.nio.file.Path;"),
        "public record Fitted(Path model, int n) {}",
        "@Pipeline(name = \"fit-one\") public static Path fitOne() { return StepsOps.fit().model(); }",
        "@Pipeline(name = \"fit-rec\") public static Fitted fitRec() { return new Fitted(StepsOps.fit().model(), StepsOps.any(StepsOps.fit().model()).output()); }",
        "@Pipeline(name = \"outer\") public static void outer() {",
        "  Path m = fitOne();",
        "  StepsOps.score(m);",
        "  var r = fitRec();",
        "  StepsOps.score(r.model());",
        "  StepsOps.any(m);",
        "}");
    Compilation c = Compile.compile(new ArrayList<>(), steps, calls);
    assertThat(c).hadErrorContaining("[kfp4j:TypeMismatch] output 'Output' of task 'fit-one' has type Model but input 'data' of "
        + "'score' takes Dataset; pass an output of type Dataset").inFile(calls).onLineContaining("StepsOps.score(m);");
    assertThat(c).hadErrorContaining("[kfp4j:TypeMismatch] output 'model' of task 'fit-rec' has type Model but input 'data' of "
        + "'score' takes Dataset").inFile(calls).onLineContaining("StepsOps.score(r.model());");
    assertThat(c).hadErrorCount(2);
  }

  /**
   * In KFP 2's spec, a call's DAG gives the called pipeline's outputs, artifacts as artifacts (a record's components each an
   * output), and what reads them reads the call's task: {@code taskOutputArtifact} / {@code taskOutputParameter} of it.
   */
  @Test
  void aCallsArtifactsAndRecordComponentsAreOutputsOfItsDagInKfp2() {
    JavaFileObject steps = Compile.testClass("Steps", List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.artifacts.*;"),
        "@Component public static void fit(@Out Model model) {}",
        "@Component public static int any(Artifact data) { return 0; }");
    JavaFileObject calls = Compile.testClass("Calls", List.of("import dev.kfp4j.annotations.*;", "import java.nio.file.Path;"),
        "public record Fitted(Path model, int n) {}",
        "@Pipeline(name = \"fit-rec\") public static Fitted fitRec() { var f = StepsOps.fit(); return new Fitted(f.model(), StepsOps.any(f.model()).output()); }",
        "@Pipeline(name = \"outer\", formats = Format.KFP2) public static int outer() {",
        "  var r = fitRec();",
        "  return StepsOps.any(r.model()).output();",
        "}");
    Compilation c = Compile.compile(new ArrayList<>(), steps, calls);
    assertThat(c).succeededWithoutWarnings();
    String kfp2 = Compile.resource(c, "META-INF/kfp4j/kfp2/pipelines/outer.yaml");
    Compile.validKfp2(kfp2, "outer.yaml");
    JsonNode spec = Yaml.readAll(kfp2).get(0);
    JsonNode dag = spec.at("/components/comp-fit-rec");
    assertThat(dag.at("/outputDefinitions/artifacts/model/artifactType/schemaTitle").asString()).isEqualTo("system.Model");
    assertThat(dag.at("/outputDefinitions/parameters/n/parameterType").asString()).isEqualTo("NUMBER_INTEGER");
    assertThat(dag.at("/dag/outputs/artifacts/model/artifactSelectors/0/producerSubtask").asString()).isEqualTo("fit");
    assertThat(dag.at("/dag/outputs/parameters/n/valueFromParameter/producerSubtask").asString()).isEqualTo("any");
    JsonNode any = spec.at("/root/dag/tasks/any");
    assertThat(any.at("/inputs/artifacts/data/taskOutputArtifact/producerTask").asString()).isEqualTo("fit-rec");
    assertThat(any.at("/inputs/artifacts/data/taskOutputArtifact/outputArtifactKey").asString()).isEqualTo("model");
    assertThat(names(any.at("/dependentTasks"))).containsExactly("fit-rec");
    // the called pipeline's components are merged in, the caller's own any renamed after them
    assertThat(names(spec.at("/components"))).containsExactly("comp-any", "comp-any-2", "comp-fit", "comp-fit-rec");
  }

  @Test
  void aPipelineOnTheClassPathIsReadFromItsFileThere() {
    Compilation lib = Compile.compile(PipelineModelTest.LIB, INNER);
    assertThat(lib).succeeded();
    Path classes = Compile.writeOutput(lib, dir.resolve("lib"));
    JavaFileObject outer = Compile.testClass("Outer", HEADER,
        "@Pipeline(name = \"outer\", formats = Format.KFP2) public static int outer(int n) {",
        "  var once = Inner.inner(n, 5);",
        "  var s = Inner.sums(once);",
        "  return LibOps.add(once, s.total()).output();",
        "}");
    Compilation c = Compile.compileAgainst(classes, outer);
    assertThat(c).succeededWithoutWarnings();
    String kfp2 = Compile.resource(c, "META-INF/kfp4j/kfp2/pipelines/outer.yaml");
    Compile.validKfp2(kfp2, "outer.yaml");
    JsonNode root = Yaml.readAll(kfp2).get(0).at("/root/dag/tasks");
    assertThat(names(root)).containsExactly("add", "inner", "sums");
    assertThat(root.at("/sums/inputs/parameters/n/taskOutputParameter/producerTask").asString()).isEqualTo("inner");
    assertThat(root.at("/add/inputs/parameters/a/taskOutputParameter/producerTask").asString()).isEqualTo("inner");
    assertThat(root.at("/add/inputs/parameters/b/taskOutputParameter/outputParameterKey").asString()).isEqualTo("total");
    // by position: the class file has no parameter names
    assertThat(root.at("/inner/inputs/parameters/a/componentInputParameter").asString()).isEqualTo("n");
    assertThat(root.at("/inner/inputs/parameters/b/runtimeValue/constant").asInt()).isEqualTo(5);
    Pipeline p = Kfp2Reader.read(kfp2, "outer.yaml");
    assertThat(((Task) p.node("add").orElseThrow()).arguments()).containsExactly("a", new Argument.TaskOutput("add-2", "Output"),
        "b", new Argument.TaskOutput("sums-add-2", "Output"));

    // for Argo, from its Argo workflow, with its outputs from its KFP 2 spec
    Compilation both = Compile.compileAgainst(classes, OUTER);
    assertThat(both).succeededWithoutWarnings();
    ArgoSchemas.assertValid(Compile.resource(both, "META-INF/kfp4j/pipelines/outer.yaml"), "outer.yaml");
    Pipeline fromArgo = dev.kfp4j.format.argo.ArgoReader.read(Compile.resource(both, "META-INF/kfp4j/pipelines/outer.yaml"), "outer.yaml");
    assertThat(((Task) fromArgo.node("sums-add").orElseThrow()).arguments().get("b")).isEqualTo(new Argument.TaskOutput("inner-2-add-2", "Output"));
    Compile.validKfp2(Compile.resource(both, "META-INF/kfp4j/kfp2/pipelines/outer.yaml"), "outer.yaml");
  }

  /**
   * A pipeline of the class path given null for a value parameter without a default is the error it is in one javac run: it
   * was "[kfp4j:NotInArgo] greet: no value provided for input 'name'" on the caller's method, from the Argo writer.
   */
  @Test
  void nullForAValueWithoutADefaultOfAPipelineOfTheClassPathIsAnErrorOnTheNull() {
    JavaFileObject inner = Compile.testClass("In", HEADER,
        "@Pipeline(name = \"inner\") public static String inner(String name, @Default(\"x\") String other) {",
        "  return LibOps.greet(name + other).output();", "}");
    Path classes = Compile.writeOutput(Compile.compile(PipelineModelTest.LIB, inner), dir.resolve("inner"));
    JavaFileObject caller = Compile.testClass("Out", HEADER,
        "@Pipeline public static void p() {", "  LibOps.greet(In.inner(null, null));", "}");
    Compilation c = Compile.compileAgainst(classes, caller);
    assertThat(c).hadErrorContaining("[kfp4j:MissingArgument] null leaves out parameter 'name' of pipeline 'inner', which has no "
        + "@Default, so that a run, and a call, must give it a value; pass one, or give 'name' a @Default there")
        .inFile(caller).onLineContaining("In.inner(null, null)");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void aCalledPipelineChangedAndCompiledWithoutItsCallerNamesTheCallersFile() {
    Path classes = Compile.writeOutput(Compile.compile(PipelineModelTest.LIB, OUTER, INNER), dir.resolve("all"));
    assertThat(Compile.compileAgainst(classes, INNER)).succeededWithoutWarnings(); // unchanged: the caller's files hold
    String[] changed = {"public record Sums(int total, String said) {}",
        "@Pipeline(name = \"inner\") public static int inner(int a, @Default(\"10\") int b) {",
        "  return LibOps.add(a, b).output();", "}",
        "@Pipeline(name = \"sums\") public static Sums sums(int n) {",
        "  return new Sums(LibOps.add(n, n).output(), LibOps.greet(\"sum\").output());", "}"};
    JavaFileObject inner = Compile.testClass("Inner", HEADER, changed);
    Compilation alone = Compile.compileAgainst(classes, inner);
    assertThat(alone).hadErrorContaining("[kfp4j:StalePipeline] pipeline 'inner' changed, but pipeline 'outer' in test/Outer.java calls it, "
        + "holds its earlier tasks and is not compiled now; compile test/Outer.java together with this file")
        .inFile(inner).onLineContaining("@Pipeline(name = \"inner\")");
    assertThat(alone).hadErrorCount(2); // 'sums' changed too
  }

  static Stream<Arguments> misuses() {
    return Stream.of(
        Arguments.of("kfp4j:PipelineRecursion", "P.p(n - 1);",
            new String[] {"@Pipeline public static void p(int n) {", "  LibOps.add(n, 1);", "  P.p(n - 1);", "}"},
            "'P.p(n - 1)' makes pipeline 'p' hold itself (p -> p), which would never end; call the ops of its tasks here instead"),
        Arguments.of("kfp4j:PipelineRecursion", "return P.a(n);",
            new String[] {"@Pipeline public static int a(int n) { return P.b(n); }",
                "@Pipeline public static int b(int n) { return P.a(n); }"},
            "which would never end"),
        // null for a value without a default: the Argo writer failed on the caller's method ("[kfp4j:NotInArgo] greet: no value
        // provided for input 'name'"), and a pipeline written for KFP 2 only compiled, its inner DAG given no value for it
        Arguments.of("kfp4j:MissingArgument", "LibOps.greet(P.inner(null, null))",
            new String[] {"@Pipeline public static String inner(String name, @Default(\"x\") String other) {",
                "  return LibOps.greet(name + other).output();", "}",
                "@Pipeline public static void p() {", "  LibOps.greet(P.inner(null, null));", "}"},
            "null leaves out parameter 'name' of pipeline 'inner', which has no @Default, so that a run, and a call, must give it a "
                + "value; pass one, or give 'name' a @Default there"),
        Arguments.of("kfp4j:MissingArgument", "LibOps.greet(P.inner(null))",
            new String[] {"@Pipeline(formats = Format.KFP2) public static String inner(String name) {",
                "  return LibOps.greet(name).output();", "}",
                "@Pipeline(formats = Format.KFP2) public static void p() {", "  LibOps.greet(P.inner(null));", "}"},
            "null leaves out parameter 'name' of pipeline 'inner', which has no @Default"),
        Arguments.of("kfp4j:UnsupportedStatement", "P.withExit()",
            new String[] {"@Pipeline(name = \"with-exit\") public static void withExit() {",
                "  Dsl.exitHandler(LibOps.greet(\"bye\"), () -> LibOps.add(1, 2));", "}",
                "@Pipeline public static void p() { P.withExit(); }"},
            "pipeline 'with-exit' cannot be put into this pipeline: it has an exit handler (Dsl.exitHandler)"),
        Arguments.of("kfp4j:UnsupportedStatement", "Dsl.eq(P.r(1)",
            new String[] {"public record R(int a, int b) {}",
                "@Pipeline public static R r(int n) { return new R(LibOps.add(n, 1).output(), LibOps.add(n, 2).output()); }",
                "@Pipeline public static void p() { Dsl.when(Dsl.eq(P.r(1), 3), () -> LibOps.add(1, 2)); }"},
            "'P.r(1)' passes the call of @Pipeline method 'r' as a value, but it returns a record; assign it first, var r = P.r(1);, "
                + "and pass r.<component>()"),
        // a component read straight off the call was "cannot be passed to a task: pass a pipeline parameter, a constant ..."
        Arguments.of("kfp4j:UnsupportedStatement", "LibOps.add(P.r(1).a(), 1)",
            new String[] {"public record R(int a, int b) {}",
                "@Pipeline public static R r(int n) { return new R(LibOps.add(n, 1).output(), LibOps.add(n, 2).output()); }",
                "@Pipeline public static void p() { LibOps.add(P.r(1).a(), 1); }"},
            "'P.r(1)' passes the call of @Pipeline method 'r' as a value, but it returns a record; assign it first, var r = P.r(1);, "
                + "and pass r.a()"),
        Arguments.of("kfp4j:UnsupportedStatement", "x -> P.o(x)",
            new String[] {"@Pipeline(formats = Format.KFP2) public static String o(int n) {",
                "  var said = Dsl.oneOf(Dsl.gt(n, 1), () -> LibOps.greet(\"a\").output()).otherwise(() -> LibOps.greet(\"b\").output());",
                "  return said;", "}",
                "@Pipeline(formats = Format.KFP2) public static List<String> p() {",
                "  var all = Dsl.collect(List.of(1, 2), x -> P.o(x));", "  return all;", "}"},
            "pipeline 'o' cannot be put into this pipeline: its output 'Output' comes from a condition or a loop inside it, which "
                + "Dsl.collect cannot take; give Dsl.collect an output of a task of its own lambda"));
  }

  @Test
  void whatArgoCannotHoldOfACalledPipelineIsAnErrorOnTheCaller() {
    JavaFileObject kfp2Only = Compile.testClass("K", HEADER,
        "@Pipeline(name = \"said\", formats = Format.KFP2) public static String said(int n) {",
        "  var said = Dsl.oneOf(Dsl.gt(n, 1), () -> LibOps.greet(\"a\").output()).otherwise(() -> LibOps.greet(\"b\").output());",
        "  return said;", "}");
    JavaFileObject caller = Compile.testClass("Caller", HEADER,
        "@Pipeline(name = \"caller\") public static void caller(int n) {", "  LibOps.greet(K.said(n));", "}");
    Compilation c = Compile.compile(PipelineModelTest.LIB, caller, kfp2Only);
    assertThat(c).hadErrorContaining("[kfp4j:NotInArgo] pipeline 'caller', task 'greet': the output of whichever branch of "
        + "'condition-branches-1' ran (KFP 2's dsl.OneOf) has no Argo form; write this pipeline in the KFP 2 format only").inFile(caller).onLineContaining("@Pipeline(name = \"caller\")");
    assertThat(c).hadErrorCount(1);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("misuses")
  void eachMisuseIsOneErrorOnTheCall(String tag, String line, String[] body, String message) {
    JavaFileObject source = Compile.testClass("P", HEADER, body);
    Compilation c = Compile.compile(PipelineModelTest.LIB, source);
    assertThat(c).hadErrorContaining("[" + tag + "]");
    assertThat(c).hadErrorContaining(message).inFile(source).onLineContaining(line);
    assertThat(c).hadErrorCount(1);
  }
}
