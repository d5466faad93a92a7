package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.Workflow;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Task;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Dsl.collected()}, KFP 2's {@code dsl.Collected} through nested loops and under conditions: a list declared before the
 * loops, one task output added to it inside them, read after the outermost: the model's {@link Argument.Collected} from that
 * loop, written as KFP's compiler writes it, run locally as one flat list, the outer items first, none from an iteration whose
 * condition was false. Each misuse is one error where it is written.
 */
class CollectedListTest {
  @TempDir Path dir;

  static final JavaFileObject STEPS = Compile.source("test.Steps",
      "package test;",
      "import dev.kfp4j.annotations.*;",
      "import java.util.List;",
      "public class Steps {",
      "  @Component public static String pair(int x, int y) { return x + \"/\" + y; }",
      "  @Component public static String join(List<String> values) { return String.join(\",\", values); }",
      "  @Component public static String one(String value) { return value; }",
      "  @Component public static void make(int x, int y, @Out dev.kfp4j.artifacts.Dataset data) {}",
      "  @Component public static String read(dev.kfp4j.artifacts.Dataset data) { return \"\"; }",
      "}");

  static JavaFileObject pipeline(String... body) {
    return Compile.testClass("P", List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.dsl.Dsl;", "import java.util.*;"), body);
  }

  /** A pipeline of the body's statements, written for KFP 2 only. */
  static JavaFileObject kfp2(String... statements) {
    List<String> lines = new ArrayList<>(List.of("@Pipeline(formats = Format.KFP2) public static void p(int threshold) {"));
    lines.addAll(List.of(statements));
    lines.add("}");
    return pipeline(lines.toArray(String[]::new));
  }

  private static final String[] NESTED = {
      "@Pipeline(formats = Format.KFP2) public static List<String> p(@Default(\"2\") int threshold) {",
      "  List<String> pairs = Dsl.collected();",
      "  Dsl.forEach(List.of(1, 2, 3), x -> {",
      "    List<String> inner = Dsl.collected();",
      "    Dsl.forEach(List.of(1, 2, 3), y -> Dsl.when(Dsl.ge(y, threshold), () -> {",
      "      var made = test.StepsOps.pair(x, y);",
      "      pairs.add(made.output());",
      "      inner.add(made.output());",
      "    }));",
      "    test.StepsOps.join(inner);",
      "  });",
      "  test.StepsOps.join(pairs);",
      "  return pairs;",
      "}"};

  @Test
  void aListFilledInNestedLoopsIsTheOutputsCollectedFromTheOutermostLoopUnderItsDeclaration() {
    List<Pipeline> models = new ArrayList<>();
    Compilation c = Compile.compile(models, STEPS, pipeline(NESTED));
    assertThat(c).succeeded();
    Pipeline p = models.get(0);
    Argument.Collected all = new Argument.Collected("for-loop-2", "pair", "Output");
    assertThat(((Task) p.node("join-2").orElseThrow()).arguments()).containsExactly("values", all);
    assertThat(((Task) p.node("join").orElseThrow()).arguments()).containsExactly("values", new Argument.Collected("for-loop-4", "pair", "Output"));
    assertThat(p.outputs()).containsExactly("Output", all);
    String kfp2 = Compile.resource(c, "META-INF/kfp4j/kfp2/pipelines/p.yaml");
    Compile.validKfp2(kfp2, "p.yaml");
    // each group on the way outputs the list under one key, selected from the group below, as KFP's compiler writes it
    tools.jackson.databind.JsonNode spec = dev.kfp4j.yaml.Yaml.readAll(kfp2).get(0);
    assertThat(spec.at("/components/comp-condition-5/dag/outputs/parameters/pipelinechannel--pair-Output/valueFromParameter").toString())
        .isEqualTo("{\"outputParameterKey\":\"Output\",\"producerSubtask\":\"pair\"}");
    assertThat(spec.at("/components/comp-for-loop-4/dag/outputs/parameters/pipelinechannel--pair-Output/valueFromParameter").toString())
        .isEqualTo("{\"outputParameterKey\":\"pipelinechannel--pair-Output\",\"producerSubtask\":\"condition-5\"}");
    assertThat(spec.at("/components/comp-for-loop-2/dag/outputs/parameters/pipelinechannel--pair-Output/valueFromParameter").toString())
        .isEqualTo("{\"outputParameterKey\":\"pipelinechannel--pair-Output\",\"producerSubtask\":\"for-loop-4\"}");
    assertThat(spec.at("/root/dag/tasks/join-2/inputs/parameters/values/taskOutputParameter").toString())
        .isEqualTo("{\"outputParameterKey\":\"pipelinechannel--pair-Output\",\"producerTask\":\"for-loop-2\"}");
    // read back: the same model, written again the same
    Pipeline back = Kfp2Reader.read(kfp2, "p.yaml");
    assertThat(((Task) back.node("join-2").orElseThrow()).arguments()).containsExactly("values", all);
    assertThat(Kfp2Writer.write(back)).isEqualTo(kfp2);
  }

  /** A list of artifacts filled in nested loops is looped over after them, one artifact an item (KFP 2's artifactIterator). */
  @Test
  void aListOfArtifactsFilledInNestedLoopsIsLoopedOverAfterThem() {
    List<Pipeline> models = new ArrayList<>();
    Compilation c = Compile.compile(models, STEPS, kfp2(
        "  List<java.nio.file.Path> made = Dsl.collected();",
        "  Dsl.forEach(List.of(1, 2), x -> Dsl.forEach(List.of(3, 4), y -> made.add(test.StepsOps.make(x, y).data())));",
        "  Dsl.forEach(made, data -> test.StepsOps.read(data));"));
    assertThat(c).succeeded();
    dev.kfp4j.model.Loop over = (dev.kfp4j.model.Loop) models.get(0).nodes().get(1);
    assertThat(over.items()).isEqualTo(new dev.kfp4j.model.Loop.Over(new Argument.Collected("for-loop-2", "make", "data")));
    String kfp2 = Compile.resource(c, "META-INF/kfp4j/kfp2/pipelines/p.yaml");
    Compile.validKfp2(kfp2, "p.yaml");
    assertThat(dev.kfp4j.yaml.Yaml.readAll(kfp2).get(0).at("/root/dag/tasks/for-loop-5/artifactIterator/items/inputArtifact").asString())
        .isEqualTo("pipelinechannel--for-loop-2-pipelinechannel--make-data");
  }

  /** Locally: one flat list, the outer items first, none where the condition was false; the inner list, per outer item. */
  @Test
  void aLocalRunGivesOneFlatListOuterItemsFirstWithoutTheIterationsWhoseConditionWasFalse() throws IOException {
    RunResult r = run(Compile.compile(STEPS, pipeline(NESTED)), Map.of());
    assertThat(r.failedTask().map(t -> t.id() + ": " + t.message())).isEmpty();
    assertThat(r.output("join-2", "Output")).isEqualTo("1/2,1/3,2/2,2/3,3/2,3/3");
    assertThat(r.output("for-loop-2(1)/join", "Output")).isEqualTo("2/2,2/3");
    RunResult three = run(Compile.compile(STEPS, pipeline(NESTED)), Map.of("threshold", "3"));
    assertThat(three.output("join-2", "Output")).isEqualTo("1/3,2/3,3/3");
  }

  /** Plain Java runs the lambdas (a condition's too, which it cannot evaluate): the list holds what they added, in order. */
  @Test
  void calledFromPlainJavaTheListHoldsWhatTheLambdasAdded() {
    List<String> pairs = dev.kfp4j.dsl.Dsl.collected();
    dev.kfp4j.dsl.Dsl.forEach(List.of(1, 2), x -> dev.kfp4j.dsl.Dsl.forEach(List.of(1, 2, 3), y -> pairs.add(x + "/" + y)));
    assertThat(pairs).containsExactly("1/1", "1/2", "1/3", "2/1", "2/2", "2/3").inOrder();
  }

  private RunResult run(Compilation c, Map<String, String> arguments) throws IOException {
    assertThat(c).succeeded();
    Path classes = Compile.writeOutput(c, dir.resolve("classes-" + arguments.size()));
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      return LocalRunner.builder().root(dir.resolve("run-" + arguments.size())).caching(false)
          .console(new PrintStream(OutputStream.nullOutputStream())).classLoader(loader).progress(false).summary(false).build()
          .run(Workflow.parse(Compile.resource(c, "META-INF/kfp4j/kfp2/pipelines/p.yaml"), "p.yaml"), arguments);
    }
  }

  private static void error(JavaFileObject p, String message, String line) {
    Compilation c = Compile.compile(STEPS, p);
    assertThat(c).hadErrorContaining(message).inFile(p).onLineContaining(line);
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void addingAnythingButAnOutputOfATaskMadeBesideTheAddIsAnError() {
    error(kfp2("  List<String> xs = Dsl.collected();",
            "  Dsl.forEach(List.of(1, 2), x -> xs.add(\"x\"));",
            "  test.StepsOps.join(xs);"),
        "[kfp4j:UnsupportedArgument] xs.add(...) adds '\"x\"', which is no output of a task made in the same lambda", "xs.add(");
    error(kfp2("  List<String> xs = Dsl.collected();",
            "  Dsl.forEach(List.of(1, 2), x -> {",
            "    var made = test.StepsOps.pair(x, 1);",
            "    Dsl.when(Dsl.ge(x, threshold), () -> xs.add(made.output()));",
            "  });",
            "  test.StepsOps.join(xs);"),
        "[kfp4j:UnsupportedArgument] xs.add(...) adds 'made.output()', which is no output of a task made in the same lambda",
        "xs.add(");
  }

  @Test
  void aSecondAddIsAnError() {
    error(kfp2("  List<String> xs = Dsl.collected();",
            "  Dsl.forEach(List.of(1, 2), x -> {",
            "    xs.add(test.StepsOps.pair(x, 1).output());",
            "    xs.add(test.StepsOps.pair(x, 2).output());",
            "  });",
            "  test.StepsOps.join(xs);"),
        "[kfp4j:UnsupportedStatement] 'xs' collects output 'Output' of 'pair' already: a list of Dsl.collected() collects one task "
            + "output, as KFP's dsl.Collected", "pair(x, 2)");
  }

  @Test
  void anAddInNoLoopUnderTheDeclarationIsAnErrorSayingToPassTheOutputItself() {
    error(kfp2("  Dsl.forEach(List.of(1, 2), x -> {",
            "    List<String> xs = Dsl.collected();",
            "    Dsl.when(Dsl.ge(x, threshold), () -> xs.add(test.StepsOps.pair(x, 1).output()));",
            "    test.StepsOps.join(xs);",
            "  });"),
        "[kfp4j:UnsupportedStatement] 'xs' is added to outside any loop written in the lambda where it is declared, so it would "
            + "hold one output: pass the output itself, test.StepsOps.pair(x, 1).output()", "xs.add(");
  }

  @Test
  void aReadBeforeOrInsideTheLoopThatFillsItIsAnError() {
    error(kfp2("  List<String> xs = Dsl.collected();",
            "  test.StepsOps.join(xs);",
            "  Dsl.forEach(List.of(1, 2), x -> xs.add(test.StepsOps.pair(x, 1).output()));"),
        "[kfp4j:UnsupportedArgument] 'xs' is read before the loop that fills it, where it holds nothing yet", "join(xs)");
    error(kfp2("  List<String> xs = Dsl.collected();",
            "  Dsl.forEach(List.of(1, 2), x -> {",
            "    Dsl.forEach(List.of(1, 2), y -> xs.add(test.StepsOps.pair(x, y).output()));",
            "    test.StepsOps.join(xs);",
            "  });"),
        "[kfp4j:UnsupportedArgument] 'xs' is read inside the loop that fills it, where it holds nothing yet", "join(xs)");
    error(kfp2("  List<String> xs = Dsl.collected();",
            "  Dsl.forEach(List.of(1, 2), x -> {",
            "    test.StepsOps.join(xs);",
            "    Dsl.forEach(List.of(1, 2), y -> xs.add(test.StepsOps.pair(x, y).output()));",
            "  });"),
        "[kfp4j:UnsupportedArgument] 'xs' is read inside the loop that fills it", "join(xs)");
  }

  @Test
  void aListNeverAddedToIsAnErrorOnItsDeclaration() {
    error(kfp2("  List<String> xs = Dsl.collected();",
            "  test.StepsOps.join(xs);"),
        "[kfp4j:UnsupportedStatement] 'xs' = Dsl.collected() is never added to, so it holds nothing", "List<String> xs =");
  }

  @Test
  void dslCollectedNotAssignedToALocalIsAnError() {
    error(kfp2("  test.StepsOps.join(Dsl.collected());"),
        "[kfp4j:UnsupportedStatement] Dsl.collected() is a list that loops fill: declare it as a local variable before them",
        "join(Dsl.collected())");
    error(kfp2("  Dsl.collected();"), "[kfp4j:UnsupportedStatement] Dsl.collected() is a list that loops fill", "Dsl.collected();");
  }

  @Test
  void otherListMethodsAreAnError() {
    error(kfp2("  List<String> xs = Dsl.collected();",
            "  Dsl.forEach(List.of(1, 2), x -> xs.add(test.StepsOps.pair(x, 1).output()));",
            "  test.StepsOps.one(xs.get(0));"),
        "[kfp4j:UnsupportedArgument] 'xs.get(0)' calls get on a list of Dsl.collected(), which is filled only while the pipeline runs",
        "xs.get(0)");
    error(kfp2("  List<String> xs = Dsl.collected();",
            "  Dsl.forEach(List.of(1, 2), x -> xs.add(test.StepsOps.pair(x, 1).output()));",
            "  xs.clear();",
            "  test.StepsOps.join(xs);"),
        "[kfp4j:UnsupportedArgument] 'xs.clear()' calls clear on a list of Dsl.collected()", "xs.clear()");
  }

  @Test
  void aLoopInAGroupTheReadsCannotSeeOrABranchOfAChainIsAnError() {
    error(kfp2("  List<String> xs = Dsl.collected();",
            "  Dsl.when(Dsl.ge(threshold, 1), () -> Dsl.forEach(List.of(1, 2), x -> xs.add(test.StepsOps.pair(x, 1).output())));",
            "  test.StepsOps.join(xs);"),
        "[kfp4j:UnsupportedStatement] loop 'for-loop-3', which fills 'xs', is inside 'condition-1'", "xs.add(");
    error(kfp2("  List<String> xs = Dsl.collected();",
            "  Dsl.forEach(List.of(1, 2), x -> Dsl.when(Dsl.ge(x, threshold), () -> xs.add(test.StepsOps.pair(x, 1).output()))",
            "      .otherwise(() -> test.StepsOps.one(\"no\")));",
            "  test.StepsOps.join(xs);"),
        "[kfp4j:UnsupportedStatement] 'xs' is added to in a branch of chain 'condition-branches-3'", "xs.add(");
    error(kfp2("  List<String> xs = Dsl.collected();",
            "  Dsl.forEach(List.of(1, 2), x -> Dsl.when(Dsl.ge(x, threshold), () ->",
            "      Dsl.forEach(List.of(3, 4), y -> xs.add(test.StepsOps.pair(x, y).output()))).otherwise(() -> test.StepsOps.one(\"no\")));",
            "  test.StepsOps.join(xs);"),
        "[kfp4j:UnsupportedStatement] 'xs' is added to in a branch of chain 'condition-branches-3'", "xs.add(");
  }

  @Test
  void aPipelineWrittenAsAnArgoWorkflowTooHasNoFormForIt() {
    JavaFileObject p = pipeline("@Pipeline public static void p() {",
        "  List<String> xs = Dsl.collected();",
        "  Dsl.forEach(List.of(1, 2), x -> Dsl.forEach(List.of(3, 4), y -> xs.add(test.StepsOps.pair(x, y).output())));",
        "  test.StepsOps.join(xs);",
        "}");
    error(p, "[kfp4j:NotInArgo] Dsl.collected() collects a task's outputs through loops, which only KFP 2 can", "List<String> xs =");
  }
}
