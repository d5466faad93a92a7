package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;

import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.Workflow;
import dev.kfp4j.yaml.Yaml;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Constant loop items that hold lists or maps: {@code Dsl.forEach(List.of(Map.of(...)), ...)} (KFP's {@code
 * dsl.ParallelFor([{'A_a': '1', 'B_b': '2'}, ...])} of {@code pipeline_with_loops.py}) and records with a list field,
 * written as JSON in KFP 2's {@code raw} and Argo's {@code withItems}, as KFP writes a list of dicts. They were {@code
 * [kfp4j:UnsupportedArgument]} ("loop items are constants (literals, ...) or records built from them").
 */
class ConstantLoopItemsTest {
  @TempDir Path dir;

  private static final String[] BODY = {
      "public record Group(List<Integer> xs, String name) {}",
      "@Pipeline public static void p() {",
      "  Dsl.forEach(List.of(new Group(List.of(1, 2), \"a\"), new Group(List.of(10), \"b\")), g -> {",
      "    LibOps.count(g.xs());",
      "    Dsl.forEach(g.xs(), x -> LibOps.add(x, 1));",
      "  });",
      "  Dsl.forEach(List.of(Map.of(\"a\", 1, \"b\", 2), Map.of(\"c\", 3)), m -> LibOps.keys(m));",
      "  Dsl.forEach(List.of(List.of(1, 2, 3), List.of(4)), xs -> LibOps.count(xs));",
      "}"};

  @Test
  void kfp2WritesThemAsJsonInRaw() {
    JsonNode spec = Kfp2PipelineTest.compile(BODY).spec();
    assertThat(Kfp2PipelineTest.task(spec, "root", "for-loop-2").at("/parameterIterator/items/raw").asString())
        .isEqualTo("[{\"name\": \"a\", \"xs\": [1, 2]}, {\"name\": \"b\", \"xs\": [10]}]");
    assertThat(Kfp2PipelineTest.task(spec, "root", "for-loop-5").at("/parameterIterator/items/raw").asString())
        .isEqualTo("[{\"a\": 1, \"b\": 2}, {\"c\": 3}]");
    assertThat(Kfp2PipelineTest.task(spec, "root", "for-loop-7").at("/parameterIterator/items/raw").asString())
        .isEqualTo("[[1, 2, 3], [4]]");
  }

  /**
   * Items whose fields alone are passed are Argo's {@code withItems}, as KFP v1 writes a list of dicts; items passed whole
   * ({@code {{item}}}) are a constant {@code withParam}, its JSON list: Argo's submission rules give a {@code withItems}
   * of maps only {@code {{item.<key>}}} and of lists only {@code {{item.[i]}}}, and refused the workflow kfp4j wrote
   * with {@code withItems} there ("failed to resolve {{item}}"), where a {@code withParam}'s items may be passed whole.
   */
  @Test
  void argoWritesThemAsJsonInWithItemsOrWithParamWhenPassedWhole() {
    JsonNode argo = Yaml.read(Kfp2PipelineTest.compile(BODY).argo());
    assertThat(dev.kfp4j.format.argo.ArgoRules.errors(argo)).isEmpty();
    List<JsonNode> items = new java.util.ArrayList<>();
    List<String> params = new java.util.ArrayList<>();
    argo.at("/spec/templates").forEach(t -> t.at("/dag/tasks").forEach(task -> {
      if (task.has("withItems")) {
        items.add(task.get("withItems"));
      }
      if (task.has("withParam")) {
        params.add(task.get("withParam").asString());
      }
    }));
    assertThat(items).containsExactly(Yaml.read("[{xs: [1, 2], name: a}, {xs: [10], name: b}]"));
    assertThat(params).containsExactly("{{inputs.parameters.loop-item-param-1-subvar-xs}}", "[{\"a\": 1, \"b\": 2}, {\"c\": 3}]",
        "[[1, 2, 3], [4]]");
  }

  @Test
  void bothFormatsRunEachItem() throws Exception {
    Kfp2PipelineTest.Compiled c = Kfp2PipelineTest.compile(BODY);
    Path classes = Compile.writeOutput(c.compilation(), dir.resolve("classes"));
    for (String format : new String[] {c.kfp2(), c.argo()}) {
      RunResult r;
      try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
        r = LocalRunner.builder().root(dir.resolve("run")).caching(false).console(new PrintStream(OutputStream.nullOutputStream()))
            .classLoader(loader).progress(false).summary(false).build().run(Workflow.parse(format, "p.yaml"), Map.of());
      }
      assertThat(r.failedTask().map(t -> t.name() + ": " + t.message() + " " + t.command() + " " + read(t.log()))).isEmpty();
      assertThat(outputs(r, "add")).containsExactly("11", "2", "3");
      assertThat(outputs(r, "count")).containsExactly("1", "1", "2", "3");
      assertThat(outputs(r, "keys")).containsExactly("1", "2");
    }
  }

  private static final String[] MAP_VALUES = {
      "@Pipeline public static void p(@Default(\"[{\\\"a\\\": 5}]\") List<Map<String, Integer>> ms) {",
      "  Dsl.forEach(List.of(Map.of(\"A_a\", 1, \"B_b\", 2), Map.of(\"A_a\", 10, \"B_b\", 20)), item -> {",
      "    LibOps.add(item.get(\"A_a\"), item.get(\"B_b\"));",
      "    Dsl.when(Dsl.gt(item.get(\"A_a\"), 5), () -> LibOps.keys(item));",
      "  });",
      "  Dsl.forEach(ms, m -> LibOps.add(m.get(\"a\"), 1));",
      "}"};

  /** A map item's value, {@code item.get("A_a")}, is KFP's {@code item.A_a}: selected in KFP 2, {@code {{item.A_a}}} in Argo. */
  @Test
  void aMapItemsValueIsAField() throws Exception {
    Kfp2PipelineTest.Compiled c = Kfp2PipelineTest.compile(MAP_VALUES);
    assertThat(Kfp2PipelineTest.task(c.spec(), "comp-for-loop-2", "add").at("/inputs/parameters/a")).isEqualTo(Yaml.read(
        "{componentInputParameter: pipelinechannel--loop-item-param-1, parameterExpressionSelector: 'parseJson(string_value)[\"A_a\"]'}"));
    assertThat(c.argo()).contains("{name: loop-item-param-1-subvar-A_a, value: '{{item.A_a}}'}");
    assertThat(dev.kfp4j.format.argo.ArgoRules.errors(Yaml.read(c.argo()))).isEmpty(); // the item goes whole into the condition
    // the items' A_a are numbers: Argo compares them as numbers (as text, '10' > '5' would be false on the cluster)
    assertThat(c.argo()).contains("asFloat(");
    assertThat(c.argo()).contains(") > 5}}");
    Path classes = Compile.writeOutput(c.compilation(), dir.resolve("classes"));
    for (String format : new String[] {c.kfp2(), c.argo()}) {
      RunResult r;
      try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
        r = LocalRunner.builder().root(dir.resolve("run")).caching(false).console(new PrintStream(OutputStream.nullOutputStream()))
            .classLoader(loader).progress(false).summary(false).build().run(Workflow.parse(format, "p.yaml"), Map.of());
      }
      assertThat(r.failedTask().map(t -> t.name() + ": " + t.message() + " " + t.command() + " " + read(t.log()))).isEmpty();
      assertThat(outputs(r, "add")).containsExactly("3", "30", "6");
      assertThat(outputs(r, "keys")).containsExactly("2");
    }
  }

  private static final String[] FIELDS = {
      "static final List<Integer> TRIALS = List.of(1, 2, 3);",
      "static final Map<String, Integer> WEIGHTS = Map.of(\"a\", 1);",
      "static final class Cfg { static final List<List<Integer>> GROUPS = List.of(List.of(1, 2), List.of(3)); }",
      "@Pipeline public static void p() {",
      "  Dsl.forEach(TRIALS, 2, t -> LibOps.add(t, 1));",
      "  Dsl.forEach(Cfg.GROUPS, xs -> LibOps.count(xs));",
      "  LibOps.count(TRIALS);",
      "  LibOps.keys(WEIGHTS);",
      "}"};

  /** Another class compiled with the pipeline, holding a constant list of lists, as a Python module's {@code GROUPS = [[1, 2], [3]]}: javac has analysed and lowered it before the pipeline's class, or not yet. */
  private static final javax.tools.JavaFileObject ITEMS = Compile.source("test.Items", "package test;", "import java.util.List;",
      "public final class Items {", "  public static final List<List<Integer>> GROUPS = List.of(List.of(1, 2), List.of(3));", "}");

  /**
   * A {@code static final} field holding {@code List.of}/{@code Map.of} of constants, as the error for a local
   * variable says to write ({@code pipeline_with_parallelfor_pipeline_param.py}'s {@code static_items = ['x', 'y']}),
   * is read as the same constant written in the call: a loop's items and a task's argument. It was
   * {@code [kfp4j:UnsupportedArgument] 'TRIALS' cannot be passed to a task: pass ... a constant (literal or static final
   * field)}.
   */
  @Test
  void aStaticFinalFieldOfConstantsIsTheConstantWrittenInPlace() {
    com.google.testing.compile.Compilation c = compileP(FIELDS);
    com.google.testing.compile.CompilationSubject.assertThat(c).succeeded();
    JsonNode spec = Yaml.read(Compile.resource(c, "META-INF/kfp4j/kfp2/pipelines/p.yaml"));
    assertThat(Kfp2PipelineTest.task(spec, "root", "for-loop-2").at("/parameterIterator/items/raw").asString()).isEqualTo("[1, 2, 3]");
    assertThat(Kfp2PipelineTest.task(spec, "root", "for-loop-4").at("/parameterIterator/items/raw").asString()).isEqualTo("[[1, 2], [3]]");
    assertThat(Kfp2PipelineTest.task(spec, "root", "keys").at("/inputs/parameters/m/runtimeValue/constant")).isEqualTo(Yaml.read("{a: 1}"));
    // both formats' files are those of the same pipeline with the values written in the calls
    com.google.testing.compile.Compilation inPlace = compileP(
        "@Pipeline public static void p() {",
        "  Dsl.forEach(List.of(1, 2, 3), 2, t -> LibOps.add(t, 1));",
        "  Dsl.forEach(List.of(List.of(1, 2), List.of(3)), xs -> LibOps.count(xs));",
        "  LibOps.count(List.of(1, 2, 3));",
        "  LibOps.keys(Map.of(\"a\", 1));",
        "}");
    for (String file : List.of("META-INF/kfp4j/kfp2/pipelines/p.yaml", "META-INF/kfp4j/pipelines/p.yaml")) {
      assertThat(Compile.resource(c, file)).isEqualTo(Compile.resource(inPlace, file));
    }
  }

  private static com.google.testing.compile.Compilation compileP(String... body) {
    return Compile.compile(PipelineModelTest.LIB, Compile.testClass("P",
        List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.dsl.Dsl;", "import java.util.*;"), body));
  }

  /**
   * A static final field whose value kfp4j cannot read (no constant, or another class's list) is an error on its use
   * saying which fields it reads, where it said that any static final field is one.
   */
  @Test
  void aStaticFinalFieldThatIsNoConstantIsAnErrorOnItsUse() {
    javax.tools.JavaFileObject source = Compile.testClass("P",
        java.util.List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.dsl.Dsl;", "import java.util.*;"),
        "static final List<Integer> SIZES = new ArrayList<>(List.of(1));",
        "@Pipeline public static void p() {",
        "  Dsl.forEach(SIZES, n -> LibOps.add(n, 1));",
        "  LibOps.count(SIZES);",
        "  Dsl.forEach(Items.GROUPS, xs -> LibOps.count(xs));",
        "}");
    com.google.testing.compile.Compilation c = Compile.compile(PipelineModelTest.LIB, ITEMS, source);
    com.google.testing.compile.CompilationSubject.assertThat(c).hadErrorContaining(
        "[kfp4j:UnsupportedArgument] static final field 'SIZES' is no constant kfp4j can read at compile time").inFile(source)
        .onLineContaining("Dsl.forEach(SIZES");
    com.google.testing.compile.CompilationSubject.assertThat(c).hadErrorContaining(
        "[kfp4j:UnsupportedArgument] static final field 'SIZES' is no constant kfp4j can read at compile time").inFile(source)
        .onLineContaining("LibOps.count(SIZES)");
    com.google.testing.compile.CompilationSubject.assertThat(c).hadErrorContaining(
        "static final field 'GROUPS' is no constant kfp4j can read at compile time: a field given to a task or looped over is a "
            + "compile-time constant (String or primitive) of any class, or List.of, Map.of or a record built from constants in the "
            + "pipeline's own class").inFile(source).onLineContaining("Items.GROUPS");
  }

  private static String read(Path log) {
    try {
      return log == null ? "" : java.nio.file.Files.readString(log);
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }

  /** The outputs of the tasks of {@code component}: task {@code add}, or {@code count} and {@code count-2}. */
  private static List<String> outputs(RunResult r, String component) {
    return r.tasks().stream().filter(t -> t.name().equals(component) || t.name().equals(component + "-2")).map(t -> t.outputs().get("Output")).sorted().toList();
  }
}
