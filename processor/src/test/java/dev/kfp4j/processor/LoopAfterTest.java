package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Task;
import dev.kfp4j.testing.ArgoSchemas;
import dev.kfp4j.yaml.Yaml;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * KFP's {@code .after(one)} on a task of a {@code dsl.ParallelFor} ({@code parallel_for_after_dependency.py}) in Java:
 * {@code var loop = Dsl.forEach(...); t.after(loop)} runs {@code t} once every iteration finished, written as KFP's
 * compiler writes it ({@code dependentTasks: [for-loop-N]}) and as a dependency on the loop's DAG task in Argo; a loop
 * used for anything else is an error on it saying what to write.
 */
class LoopAfterTest {
  private static final List<String> HEADER =
      List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.dsl.Dsl;", "import java.util.*;", "import test.*;");

  private JavaFileObject source;

  private Compilation compile(List<Pipeline> models, String... body) {
    source = Compile.testClass("P", HEADER, body);
    return Compile.compile(models, PipelineModelTest.LIB, source);
  }

  @Test
  void aTaskAfterALoopWaitsForTheLoopsGroupInBothFormats() {
    List<Pipeline> models = new ArrayList<>();
    Compilation c = compile(models,
        "@Pipeline public static void p() {",
        "  var loop = Dsl.forEach(List.of(1, 2, 3), i -> LibOps.greet(\"foo\"));",
        "  LibOps.greet(\"bar\").after(loop);",
        "  LibOps.greet(\"baz\").after(loop);",
        "}");
    assertThat(c).succeeded();
    // the model waits for the loop's steps, as kfp4j reads KFP's dependentTasks: [for-loop-2]
    assertThat(((Task) models.get(0).node("greet-2").orElseThrow()).after()).containsExactly("greet");
    assertThat(((Task) models.get(0).node("greet-3").orElseThrow()).after()).containsExactly("greet");
    String yaml = Compile.resource(c, Kfp2PipelineTest.P2);
    JsonNode spec = Yaml.readAll(yaml).get(0);
    for (String t : List.of("greet-2", "greet-3")) {
      assertThat(spec.at("/root/dag/tasks/" + t + "/dependentTasks").toString()).isEqualTo("[\"for-loop-2\"]");
    }
    assertThat(spec.at("/root/dag/tasks/for-loop-2/dependentTasks").isMissingNode()).isTrue();
    String argo = Compile.resource(c, Kfp2PipelineTest.P);
    JsonNode root = template(Yaml.read(argo), "p");
    assertThat(task(root, "greet-2").get("dependencies").toString()).isEqualTo("[\"for-loop-2\"]");
    assertThat(task(root, "greet-3").get("dependencies").toString()).isEqualTo("[\"for-loop-2\"]");
    assertThat(task(root, "for-loop-2").has("dependencies")).isFalse();
    if (Compile.sharedPresent()) {
      Compile.validKfp2(yaml, "p.yaml");
      ArgoSchemas.assertValid(argo, "p.yaml");
    }
  }

  @Test
  void aLoopWithParallelismAndNestedGroupsIsWaitedForAsAWhole() {
    List<Pipeline> models = new ArrayList<>();
    Compilation c = compile(models,
        "@Pipeline public static void p(int n) {",
        "  var first = LibOps.add(n, 1);",
        "  var loop = Dsl.forEach(List.of(1, 2), 2, i -> {",
        "    var a = LibOps.add(i, 1);",
        "    Dsl.when(Dsl.gt(a.output(), 1), () -> LibOps.add(a.output(), 2));",
        "  });",
        "  LibOps.greet(\"done\").after(first).after(loop);",
        "}");
    assertThat(c).succeeded();
    assertThat(((Task) models.get(0).node("greet").orElseThrow()).after()).containsExactly("add", "add-2", "add-3").inOrder();
    JsonNode spec = Yaml.readAll(Compile.resource(c, Kfp2PipelineTest.P2)).get(0);
    assertThat(spec.at("/root/dag/tasks/greet/dependentTasks").toString()).isEqualTo("[\"add\",\"for-loop-2\"]");
    JsonNode root = template(Yaml.read(Compile.resource(c, Kfp2PipelineTest.P)), "p");
    assertThat(task(root, "greet").get("dependencies").toString()).isEqualTo("[\"add\",\"for-loop-2\"]");
  }

  @Test
  void aLoopInsideALoopIsWaitedForInsideTheOuterOne() {
    Compilation c = compile(new ArrayList<>(),
        "@Pipeline public static void p() {",
        "  Dsl.forEach(List.of(1, 2), i -> {",
        "    var inner = Dsl.forEach(List.of(3, 4), j -> LibOps.add(i, j));",
        "    LibOps.add(i, 0).after(inner);",
        "  });",
        "}");
    assertThat(c).succeeded();
    JsonNode spec = Yaml.readAll(Compile.resource(c, Kfp2PipelineTest.P2)).get(0);
    assertThat(spec.at("/components/comp-for-loop-2/dag/tasks/add-2/dependentTasks").toString()).isEqualTo("[\"for-loop-4\"]");
  }

  @Test
  void aConditionWaitsForTheLoopWhenATaskInsideItDoes() {
    Compilation c = compile(new ArrayList<>(),
        "@Pipeline public static void p(int n) {",
        "  var loop = Dsl.forEach(List.of(1, 2), i -> LibOps.add(i, 1));",
        "  Dsl.when(Dsl.gt(n, 1), () -> LibOps.greet(\"big\").after(loop));",
        "}");
    assertThat(c).succeeded();
    JsonNode spec = Yaml.readAll(Compile.resource(c, Kfp2PipelineTest.P2)).get(0);
    assertThat(spec.at("/root/dag/tasks/condition-3/dependentTasks").toString()).isEqualTo("[\"for-loop-2\"]");
    JsonNode root = template(Yaml.read(Compile.resource(c, Kfp2PipelineTest.P)), "p");
    assertThat(task(root, "condition-3").get("dependencies").toString()).isEqualTo("[\"for-loop-2\"]");
  }

  @Test
  void aLoopCallingAPipelineIsWaitedForWithTheCalledPipelinesTasks() {
    List<Pipeline> models = new ArrayList<>();
    Compilation c = compile(models,
        "@Pipeline public static void inner(int x) { LibOps.add(x, 1); LibOps.add(x, 2); }",
        "@Pipeline public static void p() {",
        "  var loop = Dsl.forEach(List.of(1, 2), i -> inner(i));",
        "  LibOps.greet(\"done\").after(loop);",
        "}");
    assertThat(c).succeeded();
    Pipeline p = models.stream().filter(m -> m.name().equals("p")).findFirst().orElseThrow();
    assertThat(((Task) p.node("greet").orElseThrow()).after()).containsExactly("inner-add", "inner-add-2").inOrder();
    JsonNode spec = Yaml.readAll(Compile.resource(c, Kfp2PipelineTest.P2)).get(0);
    assertThat(spec.at("/root/dag/tasks/greet/dependentTasks").toString()).isEqualTo("[\"for-loop-2\"]");
  }

  @Test
  void aLoopPassedAsAValueIsAnErrorSayingToWaitForIt() {
    Compilation c = compile(new ArrayList<>(),
        "@Pipeline public static void p() {",
        "  var loop = Dsl.forEach(List.of(1, 2, 3), i -> LibOps.greet(\"foo\"));",
        "  Dsl.when(Dsl.eq(loop, \"x\"), () -> LibOps.greet(\"bar\"));",
        "}");
    assertThat(c).hadErrorContaining("[kfp4j:UnsupportedArgument] 'loop' is a loop (Dsl.forEach), which a task can only wait for: "
        + "write t.after(loop) to run t once every iteration finished; to pass what the loop made, give the loop's outputs with "
        + "Dsl.collect").inFile(source).onLineContaining("Dsl.eq(loop");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void aLoopGivenToAnotherVariableIsAnError() {
    Compilation c = compile(new ArrayList<>(),
        "@Pipeline public static void p() {",
        "  var loop = Dsl.forEach(List.of(1, 2, 3), i -> LibOps.greet(\"foo\"));",
        "  var again = loop;",
        "  LibOps.greet(\"bar\").after(again);",
        "}");
    assertThat(c).hadErrorContaining("[kfp4j:UnsupportedArgument] 'loop' is a loop (Dsl.forEach), which a task can only wait for")
        .inFile(source).onLineContaining("var again = loop;");
    assertThat(c).hadErrorCount(1); // its use is not reported again
  }

  @Test
  void aLoopWrittenInsideAfterIsAnErrorSayingToNameIt() {
    Compilation c = compile(new ArrayList<>(),
        "@Pipeline public static void p() {",
        "  LibOps.greet(\"bar\").after(",
        "      Dsl.forEach(List.of(1, 2, 3), i -> LibOps.greet(\"foo\")));",
        "}");
    assertThat(c).hadErrorContaining("[kfp4j:UnsupportedArgument] after(...) waits for a loop through its variable: write var loop = "
        + "Dsl.forEach(...); before the task, then t.after(loop)").inFile(source).onLineContaining("Dsl.forEach(List.of(1, 2, 3)");
    assertThat(c).hadErrorCount(1);
  }

  /**
   * A task inside the loop waiting for it: a cycle, which kfp4j names with what to write instead, beside javac's own
   * error (the loop's variable is not assigned yet in its lambda).
   */
  @Test
  void aTaskInsideTheLoopWaitingForItIsACycle() {
    Compilation c = compile(new ArrayList<>(),
        "@Pipeline public static void p() {",
        "  Dsl.Loop loop = Dsl.forEach(List.of(1, 2, 3), i -> LibOps.greet(\"foo\").after(loop));",
        "}");
    assertThat(c).hadErrorContaining("[kfp4j:Cycle] task inside loop 'for-loop-2' waits for that loop (loop), which ends only after "
        + "the task: a cycle; call after(loop) on a task written after the loop, outside its lambda")
        .inFile(source).onLineContaining(".after(loop)");
    assertThat(c).hadErrorContaining("variable loop might not have been initialized").inFile(source).onLineContaining(".after(loop)");
    assertThat(c).hadErrorCount(2);
  }

  private static JsonNode template(JsonNode wf, String name) {
    for (JsonNode t : wf.at("/spec/templates")) {
      if (t.get("name").asString().equals(name)) {
        return t;
      }
    }
    throw new AssertionError("no template " + name);
  }

  private static JsonNode task(JsonNode template, String name) {
    for (JsonNode t : template.at("/dag/tasks")) {
      if (t.get("name").asString().equals(name)) {
        return t;
      }
    }
    throw new AssertionError("no task " + name + " in " + template);
  }
}
