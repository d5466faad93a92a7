package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.kfp4j.dsl.ComponentOp;
import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.TaskResult;
import dev.kfp4j.local.Workflow;
import dev.kfp4j.testing.ArgoSchemas;
import dev.kfp4j.yaml.Yaml;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Graph components imported with {@code @ImportComponents}: a typed op whose call compiles to the
 * graph's tasks, inlined into the pipeline as KFP v1's compiler does, and runs locally.
 */
class GraphComponentTest {
  @TempDir Path dir;

  static final String GRAPH = "testcomponents/sum_and_double.graph.yaml";

  static JavaFileObject pipeline(String... body) {
    String[] lines = new String[body.length + 2];
    lines[0] = "@Pipeline(name = \"graph-pipeline\", formats = Format.ARGO) public static void p(@Default(\"3\") long a) {";
    System.arraycopy(body, 0, lines, 1, body.length);
    lines[lines.length - 1] = "}";
    return Compile.testClass("P", List.of("import dev.kfp4j.annotations.*;"), lines);
  }

  static Compilation compile(JavaFileObject pipeline) {
    return ImportComponentsTest.compile(
        ImportComponentsTest.imports(GRAPH, ImportComponentsTest.ADD, ImportComponentsTest.HASH, "testcomponents/write_text.component.yaml"),
        pipeline);
  }

  static final JavaFileObject PIPELINE = pipeline(
      "  var g = ImportsOps.sumAndDouble(a);",            // b takes its default, 10
      "  ImportsOps.add(g.doubled(), 1);",                // a graph's value output into a Python component
      "  ImportsOps.hashFile(g.sum());",                  // a graph's file output into a file input
      "  var h = ImportsOps.sumAndDouble(g.doubled(), 2L);",  // a graph output into a graph input
      "  ImportsOps.writeText(\"done\").after(h);");        // after a graph: after each of its tasks

  @Test
  void aGraphOpCompilesToTheGraphsTasks() {
    Compilation c = compile(PIPELINE);
    assertThat(c).succeededWithoutWarnings();
    String yaml = Compile.resource(c, "META-INF/kfp4j/pipelines/graph-pipeline.yaml");
    Compile.yamlGolden(c, "META-INF/kfp4j/pipelines/graph-pipeline.yaml", "GraphComponentTest", "aGraphOpCompilesToTheGraphsTasks");
    Compile.javaGolden(c, "test.ImportsOps", "GraphComponentTest", "aGraphOpCompilesToTheGraphsTasks");
    String ops = Compile.source(c, "test.ImportsOps");
    // types through the graph: 'sum' is a file its step writes, 'doubled' a returned value
    assertThat(ops).contains("public Path sum()");
    assertThat(ops).contains("public long doubled()");
    assertThat(ops).contains("public static SumAndDoubleTask sumAndDouble(long a, Long b)");
    ArgoSchemas.assertValid(yaml, "graph-pipeline.yaml");
  }

  @Test
  void theCompiledGraphRunsLocally() throws Exception {
    Compilation c = compile(PIPELINE);
    assertThat(c).succeededWithoutWarnings();
    String yaml = Compile.resource(c, "META-INF/kfp4j/pipelines/graph-pipeline.yaml");
    RunResult r = LocalRunner.builder().root(dir).caching(false).console(new PrintStream(OutputStream.nullOutputStream()))
        .progress(false).summary(false).build().run(Workflow.parse(yaml, "graph-pipeline.yaml"), Map.of("a", "3"));
    assertThat(r.failedTask().map(TaskResult::message)).isEmpty();
    assertThat(r.succeeded()).isTrue();
    assertThat(Files.readString(r.task("add-with-expr").orElseThrow().artifacts().get("sum"))).isEqualTo("13\n");
    assertThat(r.output("double-with-expr", "doubled")).isEqualTo("26");
    assertThat(r.output("add", "Output")).isEqualTo("27");
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest("13\n".getBytes(StandardCharsets.UTF_8)));
    assertThat(Files.readString(r.task("hash-file").orElseThrow().artifacts().get("Hash"))).isEqualTo(sha256 + "\n");
    assertThat(r.output("add-with-expr-2", "sum")).isEqualTo("28");
    assertThat(r.output("double-with-expr-2", "doubled")).isEqualTo("56");
    assertThat(r.task("write-text").orElseThrow().state()).isEqualTo(TaskResult.State.Succeeded);
  }

  @Test
  void theRuntimeOpOfAGraphRunsTheSameTasksWithTheSameCommands() throws Exception {
    ComponentOp op = ComponentOp.fromResource(getClass().getClassLoader(), GRAPH);
    String alone = op.workflow(Map.of("a", 3));
    Compilation c = compile(PIPELINE);
    JsonNode compiled = Yaml.read(Compile.resource(c, "META-INF/kfp4j/pipelines/graph-pipeline.yaml"));
    JsonNode runtime = Yaml.read(alone);
    for (String template : List.of("add-with-expr", "double-with-expr")) {
      assertThat(template(runtime, template).get("container")).isEqualTo(template(compiled, template).get("container"));
      assertThat(template(runtime, template).get("outputs")).isEqualTo(template(compiled, template).get("outputs"));
      assertThat(template(runtime, template).get("retryStrategy")).isEqualTo(template(compiled, template).get("retryStrategy"));
    }
    TaskResult r = op.run(LocalRunner.builder().root(dir).caching(false).console(new PrintStream(OutputStream.nullOutputStream()))
        .progress(false).summary(false).build(), Map.of("a", 3));
    assertThat(r.state()).isEqualTo(TaskResult.State.Succeeded);
    assertThat(r.outputs()).isEqualTo(Map.of("doubled", "26"));
    assertThat(Files.readString(r.artifacts().get("sum"))).isEqualTo("13\n");
    assertThat(op.run(LocalRunner.builder().root(dir).caching(false).console(new PrintStream(OutputStream.nullOutputStream()))
        .progress(false).summary(false).build(), Map.of("a", 1, "b", 2)).outputs()).isEqualTo(Map.of("doubled", "6"));
    ArgoSchemas.assertValid(alone, "the graph's one-run workflow");
  }

  private static JsonNode template(JsonNode workflow, String name) {
    for (JsonNode t : workflow.at("/spec/templates")) {
      if (t.path("name").asString().equals(name)) {
        return t;
      }
    }
    throw new AssertionError("no template " + name);
  }

  /**
   * A graph's call puts its tasks in the caller's group, given what the call gives: a value a run may leave out reaches a task
   * that needs one whatever default the graph's input has, and in a group (a DAG of its own in KFP 2, whose driver fails on a
   * value left out: {@code resolveInputs} in {@code backend/src/v2/driver/resolve.go}) it fails every task given it. Before,
   * the tasks of a graph were not checked: each was written, and the run failed on KFP, or a local run passed them nothing.
   */
  @Test
  void aParameterLeftOutGivenToAGraphIsAnErrorOnTheArgumentWhereKfpWouldFail() {
    JavaFileObject p = Compile.testClass("P", List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.dsl.Dsl;"),
        "public @interface Nullable {}",
        "@Pipeline(name = \"graph-kfp2\", formats = Format.KFP2) public static void p(@Nullable Long b, long n) {",
        "  ImportsOps.sumAndDouble(3L,",
        "      b);",
        "  Dsl.when(Dsl.eq(n, 1), () -> ImportsOps.sumAndDouble(2L,",
        "      b));",
        "}");
    Compilation c = compile(p);
    assertThat(c).hadErrorContaining("[kfp4j:OptionalParameter] Input 'b' of graph component 'sum-and-double', which its task "
        + "'add-with-expr' takes as required input 'y', needs a value, and pipeline parameter 'b' may be left out (@Nullable, "
        + "no @Default); give the parameter a @Default").inFile(p).onLine(8);
    assertThat(c).hadErrorContaining("which its task 'add-with-expr-2' takes as required input 'y'").inFile(p).onLine(10);
    assertThat(c).hadErrorContaining("[kfp4j:OptionalParameter] pipeline parameter 'b' may be left out (@Nullable, no @Default), "
        + "and graph component 'sum-and-double' passes it into group 'condition-1', a DAG of its own in KFP 2").inFile(p).onLine(10);
    assertThat(c).hadErrorCount(3);
  }

  @Test
  void aLibraryGraphThatRefersToComponentsByUrlIsAnErrorAtTheLine() {
    JavaFileObject imports = ImportComponentsTest.imports("components/XGBoost/Train_regression_and_calculate_metrics/from_CSV/component.yaml");
    assertThat(ImportComponentsTest.compileWithReferenceFiles(imports)).hadErrorContaining(
            "[kfp4j:BadComponentFile] @ImportComponents file components/XGBoost/Train_regression_and_calculate_metrics/from_CSV/component.yaml:22:23: "
                + "implementation.graph.tasks['Xgboost train'].componentRef: refers to its component by url "
                + "'https://raw.githubusercontent.com/kubeflow/pipelines/567c04c51ff00a1ee525b3458425b17adbe3df61/components/XGBoost/Train/component.yaml', "
                + "digest '09b80053da29f8f51575b42e5d2e8ad4b7bdcc92a02c3744e189b1f597006b38', which kfp4j does not fetch while compiling; "
                + "put the component's YAML inline under componentRef.spec")
        .inFile(imports).onLineContaining("@ImportComponents");
  }

  @Test
  void settingsOtherThanAfterOnAGraphCallAreErrors() {
    JavaFileObject p = pipeline("  ImportsOps.sumAndDouble(a).cpuLimit(\"1\");");
    assertThat(compile(p)).hadErrorContaining("[kfp4j:BadSetting] cpuLimit(...) sets one container task; 'sum-and-double' is a graph component")
        .inFile(p).onLineContaining("cpuLimit");
  }
}
