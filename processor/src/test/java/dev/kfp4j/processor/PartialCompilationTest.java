package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.kfp4j.local.PipelinesIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Compiling part of a project against the earlier output, as IDEs and incremental builds do,
 * gives what a full build gives, or an error naming the file to compile too.
 */
class PartialCompilationTest {
  @TempDir Path dir;

  static final String COMPONENT_YAML = "META-INF/kfp4j/components/scale.yaml";
  static final String PIPELINE_YAML = "META-INF/kfp4j/pipelines/linreg-search.yaml";

  /** The components' file. */
  static JavaFileObject steps(String... scaleParameters) {
    return Compile.source("test.Steps", "package test;", "import dev.kfp4j.annotations.*;", "public class Steps {",
        "  @Component public static double scale(double x" + String.join("", scaleParameters) + ") { return x; }",
        "  @Component public static String report(double y) { return \"\" + y; }",
        "}");
  }

  /** The pipeline's file. */
  static final JavaFileObject PIPELINE = Compile.source("test.LinregSearch", "package test;",
      "import dev.kfp4j.annotations.*;",
      "public class LinregSearch {",
      "  @Pipeline(name = \"linreg-search\") public static void linregSearch(@Default(\"2.0\") double x) {",
      "    var s = StepsOps.scale(x);",
      "    StepsOps.report(s.output());",
      "  }",
      "}");

  static void sameFile(Compilation actual, Compilation expected, String resource) {
    assertThat(Compile.resource(actual, resource)).isEqualTo(Compile.resource(expected, resource));
  }

  @Test
  void thePipelinesFileAloneGivesTheFullBuildsOutput() {
    Compilation full = Compile.compile(steps(), PIPELINE);
    assertThat(full).succeeded();
    Path classes = Compile.writeOutput(full, dir);

    Compilation pipelineAlone = Compile.compileAgainst(classes, PIPELINE);
    assertThat(pipelineAlone).succeeded();
    sameFile(pipelineAlone, full, PIPELINE_YAML);
    assertThat(Compile.source(pipelineAlone, "test.LinregSearchPipeline")).isEqualTo(Compile.source(full, "test.LinregSearchPipeline"));
    sameFile(pipelineAlone, full, PipelineIndex.RESOURCE);

    Compilation componentsAlone = Compile.compileAgainst(classes, steps());
    assertThat(componentsAlone).succeeded();
    sameFile(componentsAlone, full, COMPONENT_YAML);
    assertThat(Compile.source(componentsAlone, "test.StepsOps")).isEqualTo(Compile.source(full, "test.StepsOps"));
  }

  @Test
  void componentsFirstThenThePipelineGivesTheFullBuildsOutput() {
    Compilation full = Compile.compile(steps(), PIPELINE);
    Compilation components = Compile.compile(steps());
    assertThat(components).succeeded();
    Compilation pipeline = Compile.compileAgainst(Compile.writeOutput(components, dir), PIPELINE);
    assertThat(pipeline).succeeded();
    sameFile(pipeline, full, PIPELINE_YAML);
  }

  @Test
  void aChangedComponentCompiledWithoutThePipelineThatEmbedsItNamesThePipelinesFile() {
    Path classes = Compile.writeOutput(Compile.compile(steps(), PIPELINE), dir);
    JavaFileObject changed = steps(", @Default(\"1.0\") double factor");

    Compilation alone = Compile.compileAgainst(classes, changed);
    assertThat(alone).hadErrorContaining("[kfp4j:StalePipeline] component 'scale' changed, but pipeline 'linreg-search' in "
            + "test/LinregSearch.java embeds its earlier spec and is not compiled now; compile test/LinregSearch.java together with "
            + "this file (an IDE's rebuild, or mvn clean compile)")
        .inFile(changed).onLineContaining("public static double scale(");
    assertThat(alone).hadErrorCount(1);

    Compilation both = Compile.compileAgainst(classes, changed, PIPELINE);
    assertThat(both).succeeded();
    sameFile(both, Compile.compile(changed, PIPELINE), PIPELINE_YAML);
    assertThat(Compile.resource(both, PIPELINE_YAML)).contains("--factor");
  }

  /**
   * An op whose {@code @Op} names no inputs (it passes all its component's inputs, in order) and
   * one that leaves the optional input out (whose {@code @Op} names them), read from class files,
   * where javac knows no parameter names: each argument reaches its input, as in a full build.
   */
  @Test
  void opsReadFromClassFilesPassEachArgumentToItsInput() {
    JavaFileObject mixer = Compile.source("test.Mixer", "package test;", "import dev.kfp4j.annotations.*;",
        "public class Mixer {",
        "  @Component public static double mix(double first, String label, @Default(\"0.5\") Double weight) { return first; }",
        "  @Component public static void show(double value) {}",
        "  @Component public static void maybe(@Default(\"1.0\") Double x) {}",
        "}");
    JavaFileObject pipeline = Compile.source("test.Mixing", "package test;", "import dev.kfp4j.annotations.*;",
        "public class Mixing {",
        "  @Pipeline(name = \"mixing\") public static void mixing() {",
        "    var all = MixerOps.mix(1.5, \"a\", 0.25);",
        "    var required = MixerOps.mix(2.5, \"b\");",
        "    MixerOps.show(all.output());",
        "    MixerOps.show(required.output());",
        "    MixerOps.maybe(3.5);",
        "    MixerOps.maybe();",
        "  }",
        "}");
    Compilation full = Compile.compile(mixer, pipeline);
    assertThat(full).succeeded();
    String ops = Compile.source(full, "test.MixerOps");
    assertThat(ops).contains("@Op(\"mix\")");
    assertThat(ops).contains("@Op(\n      value = \"mix\",\n      inputs = {\n          \"first\",\n          \"label\"\n      }\n  )");
    assertThat(ops.split("@Op\\(\"maybe\"\\)", -1)).hasLength(3); // both ops of maybe, the one without inputs too

    Compilation components = Compile.compile(mixer);
    Compilation alone = Compile.compileAgainst(Compile.writeOutput(components, dir), pipeline);
    assertThat(alone).succeeded();
    String yaml = Compile.resource(alone, "META-INF/kfp4j/pipelines/mixing.yaml");
    assertThat(yaml).isEqualTo(Compile.resource(full, "META-INF/kfp4j/pipelines/mixing.yaml"));
    assertThat(yaml).contains("[{name: first, value: '1.5'}, {name: label, value: a}, {name: weight, value: '0.25'}]");
    assertThat(yaml).contains("[{name: first, value: '2.5'}, {name: label, value: b}, {name: weight, value: '0.5'}]");
    assertThat(yaml).contains("{name: maybe, template: maybe, arguments: {parameters: [{name: x, value: '3.5'}]}}");
    assertThat(yaml).contains("{name: maybe-2, template: maybe, arguments: {parameters: [{name: x, value: '1.0'}]}}");
    assertThat(yaml).doesNotContain("arg0");
  }

  @Test
  void anotherMethodsPipelineClassIsStillAClash() {
    Path classes = Compile.writeOutput(Compile.compile(steps(), PIPELINE), dir);
    JavaFileObject other = Compile.source("test.Other", "package test;", "import dev.kfp4j.annotations.*;", "public class Other {",
        "  @Pipeline(name = \"other\") public static void linregSearch() { StepsOps.report(1.0); }", "}");
    assertThat(Compile.compileAgainst(classes, other)).hadErrorContaining(
            "[kfp4j:PipelineClassClash] the class kfp4j generates for pipeline method 'linregSearch' would be named "
                + "'test.LinregSearchPipeline', which is already a type")
        .inFile(other).onLineContaining("public static void linregSearch()");
  }

  /**
   * A pipeline whose signature changed since the last build, compiled against that build's output: the class that build
   * generated for the method is its own still, with or without an error in the new signature; no clash.
   */
  @Test
  void aChangedSignatureIsNoClashWithTheClassTheLastBuildGeneratedForTheMethod() {
    Path classes = Compile.writeOutput(Compile.compile(steps(), PIPELINE), dir);
    JavaFileObject changed = Compile.source("test.LinregSearch", "package test;", "import dev.kfp4j.annotations.*;",
        "public class LinregSearch {",
        "  @Pipeline(name = \"linreg-search\") public static void linregSearch(@Default(\"2.0\") double x, @Default(\"1\") int n) {",
        "    StepsOps.report(StepsOps.scale(x).output());",
        "  }", "}");
    assertThat(Compile.compileAgainst(classes, changed)).succeeded();
    JavaFileObject wrong = Compile.source("test.LinregSearch", "package test;", "import dev.kfp4j.annotations.*;",
        "public class LinregSearch {",
        "  @Pipeline(name = \"linreg-search\") public static void linregSearch(Thread t) {",
        "    StepsOps.report(1.0);",
        "  }", "}");
    Compilation c = Compile.compileAgainst(classes, wrong);
    assertThat(c).hadErrorContaining("[kfp4j:PipelineParameterType] pipeline parameter 't' has type 'java.lang.Thread'")
        .inFile(wrong).onLineContaining("Thread t");
    assertThat(c).hadErrorCount(1);
  }

  /**
   * A class of the user's named as the class the last build generated for a pipeline is a clash still, beside the
   * pipeline's signature error: the earlier class is the pipeline's, but the user's source declares it again.
   */
  @Test
  void aUsersClassNamedAsTheLastBuildsPipelineClassIsAClashBesideASignatureError() {
    Path classes = Compile.writeOutput(Compile.compile(steps(), PIPELINE), dir);
    JavaFileObject wrong = Compile.source("test.LinregSearch", "package test;", "import dev.kfp4j.annotations.*;",
        "public class LinregSearch {",
        "  @Pipeline(name = \"linreg-search\") public static void linregSearch(@Default(\"two\") double x) {",
        "    StepsOps.report(StepsOps.scale(x).output());",
        "  }", "}");
    JavaFileObject own = Compile.source("test.LinregSearchPipeline", "package test;", "public class LinregSearchPipeline {}");
    Compilation c = Compile.compileAgainst(classes, wrong, own);
    assertThat(c).hadErrorContaining("[kfp4j:BadDefault] @Default(\"two\") of 'x'").inFile(wrong)
        .onLineContaining("@Default(\"two\")");
    assertThat(c).hadErrorContaining("[kfp4j:PipelineClassClash] the class kfp4j generates for pipeline method 'linregSearch'"
        + " would be named 'test.LinregSearchPipeline', which is already a type").inFile(wrong).onLineContaining("@Pipeline");
    assertThat(c).hadErrorCount(2);
  }

  /**
   * A class whose signature names a type that is gone since the last build (its class file deleted), compiled against that
   * build's output: javac's error and kfp4j's unknown type, but no clash with the classes that build generated for it.
   */
  @Test
  void aTypeGoneSinceTheLastBuildIsNoClashWithWhatThatBuildGenerated() throws IOException {
    JavaFileObject missing = Compile.source("test.Missing", "package test;", "public enum Missing { A }");
    JavaFileObject components = Compile.source("test.C", "package test;", "import dev.kfp4j.annotations.*;", "public class C {",
        "  @Component public static int one(Missing m) { return 1; }",
        "  @Component public static int two() { return 2; }", "}");
    JavaFileObject pipeline = Compile.source("test.P", "package test;", "import dev.kfp4j.annotations.*;", "public class P {",
        "  @Pipeline public static void p(Missing m) { COps.two(); }", "}");
    Compilation earlier = Compile.compile(missing, components, pipeline);
    assertThat(earlier).succeeded();
    Path classes = Compile.writeOutput(earlier, dir);
    for (String generated : List.of("COps", "CEntrypoint", "PPipeline")) {
      assertThat(Files.exists(classes.resolve("test/" + generated + ".class"))).isTrue();
    }
    Files.delete(classes.resolve("test/Missing.class"));
    for (JavaFileObject source : List.of(components, pipeline)) {
      Compilation again = Compile.compileAgainst(classes, source);
      assertThat(again).hadErrorContaining("cannot find symbol").inFile(source).onLineContaining("Missing m");
      assertThat(again).hadErrorContaining("[kfp4j:UnresolvedType]").inFile(source).onLineContaining("Missing m");
      assertThat(again).hadErrorCount(2);
    }
  }

  @Test
  void theIndexNamesEachPipelinesSourceAndTheSpecsItEmbeds() throws NoSuchAlgorithmException {
    Compilation full = Compile.compile(steps(), PIPELINE);
    String index = Compile.resource(full, PipelineIndex.RESOURCE);
    assertThat(index).isEqualTo("# Written by kfp4j: where each pipeline of this class output was compiled from, and the digests"
        + " of the component specs it embeds, to keep partial compilations in step. Do not edit.\n"
        + "{\n  \"linreg-search\" : {\n    \"method\" : \"test.LinregSearch.linregSearch(double)\",\n"
        + "    \"owner\" : \"test.LinregSearch\",\n    \"file\" : \"test/LinregSearch.java\",\n"
        + "    \"class\" : \"test.LinregSearchPipeline\",\n    \"formatsFrom\" : \"option\",\n    \"components\" : {\n"
        + "      \"META-INF/kfp4j/components/report.yaml\" : \"" + digest(full, "META-INF/kfp4j/components/report.yaml") + "\",\n"
        + "      \"" + COMPONENT_YAML + "\" : \"" + digest(full, COMPONENT_YAML) + "\"\n    }\n  }\n}\n");
  }

  /**
   * The index says what chose each pipeline's formats, which the commands name as the one way to compile a pipeline in the
   * other form too: its {@code @Pipeline(formats = ...)} ("annotation"), where the option changes nothing, whatever the
   * option says; else the option {@code kfp4j.formats} ("option"), given or not. The compiled files did not say, nor the index.
   */
  @Test
  void theIndexSaysWhatChoseEachPipelinesFormats() {
    JavaFileObject forms = Compile.source("test.Forms", "package test;", "import dev.kfp4j.annotations.*;", "public class Forms {",
        "  @Pipeline(name = \"own\", formats = Format.KFP2) public static void own(double x) { StepsOps.scale(x); }",
        "  @Pipeline(name = \"built\") public static void built(double x) { StepsOps.scale(x); }",
        "}");
    for (List<String> options : List.of(List.<String>of(), List.of("-Akfp4j.formats=argo"))) {
      Compilation c = Compile.compileWithOptions(new ArrayList<>(), options, steps(), forms);
      assertThat(c).succeeded();
      JsonNode index = PipelinesIndex.parse(Compile.resource(c, PipelineIndex.RESOURCE));
      assertThat(index.at("/own/formatsFrom").asString()).isEqualTo("annotation");
      assertThat(index.at("/built/formatsFrom").asString()).isEqualTo("option");
      assertThat(PipelinesIndex.formatsFrom(index, "own")).isEqualTo(PipelinesIndex.FormatsFrom.ANNOTATION);
      assertThat(PipelinesIndex.formatsFrom(index, "built")).isEqualTo(PipelinesIndex.FormatsFrom.OPTION);
    }
  }

  /**
   * An index as kfp4j wrote it before 2026-12-03, in block YAML, is still read: a changed component
   * compiled alone against it names the pipeline that embeds its earlier spec.
   */
  @Test
  void anIndexInTheEarlierYamlFormIsStillRead() throws IOException, NoSuchAlgorithmException {
    Compilation full = Compile.compile(steps(), PIPELINE);
    Path classes = Compile.writeOutput(full, dir);
    Files.writeString(classes.resolve(PipelineIndex.RESOURCE), "# Written by kfp4j: where each pipeline of this class output"
        + " was compiled from, and the digests of the component specs it embeds, to keep partial compilations in step. Do not"
        + " edit.\nlinreg-search:\n  method: test.LinregSearch.linregSearch(double)\n  owner: test.LinregSearch\n"
        + "  file: test/LinregSearch.java\n  class: test.LinregSearchPipeline\n  components:\n"
        + "    META-INF/kfp4j/components/report.yaml: " + digest(full, "META-INF/kfp4j/components/report.yaml") + "\n"
        + "    " + COMPONENT_YAML + ": " + digest(full, COMPONENT_YAML) + "\n");

    JavaFileObject changed = steps(", @Default(\"1.0\") double factor");
    Compilation alone = Compile.compileAgainst(classes, changed);
    assertThat(alone).hadErrorContaining("[kfp4j:StalePipeline] component 'scale' changed, but pipeline 'linreg-search' in "
        + "test/LinregSearch.java embeds its earlier spec").inFile(changed).onLineContaining("public static double scale(");
    assertThat(alone).hadErrorCount(1);

    Compilation pipelineAlone = Compile.compileAgainst(classes, PIPELINE);
    assertThat(pipelineAlone).succeeded();
    sameFile(pipelineAlone, full, PipelineIndex.RESOURCE); // rewritten in today's form
  }

  /** The SHA-256 of a resource's text, as the JDK computes it. */
  private static String digest(Compilation c, String resource) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Compile.resource(c, resource).getBytes(StandardCharsets.UTF_8)));
  }

}
