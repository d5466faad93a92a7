package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.kfp4j.model.Parameter;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.yaml.Yaml;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * KFP's {@code Optional[str] = None} pipeline parameter in Java: a parameter marked {@code
 * @Nullable} (any annotation of that name) without a {@code @Default}, which a run may leave out.
 * KFP 2 only; it goes only to optional inputs.
 */
class OptionalParameterTest {
  static final JavaFileObject TAG = Compile.source("test.Tag",
      "package test;",
      "import dev.kfp4j.annotations.*;",
      "import java.util.Optional;",
      "public class Tag {",
      "  @Component public static String label(String name, Optional<String> tag) { return name + tag.map(t -> \":\" + t).orElse(\"\"); }",
      "  @Component public static String withDefault(@Default(\"none\") String tag) { return tag; }",
      "  @Component public static String need(String tag) { return tag; }",
      "  @Component public static int count(int n) { return n; }",
      "}");
  /** A declaration annotation, as javax.annotation's and jakarta.annotation's. */
  static final JavaFileObject NULLABLE = Compile.source("test.Nullable",
      "package test;",
      "public @interface Nullable {}");
  /** A type-use annotation, as JSpecify's. */
  static final JavaFileObject TYPE_USE = Compile.source("other.Nullable",
      "package other;",
      "@java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE_USE)",
      "public @interface Nullable {}");

  private static final List<String> HEADER = List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.dsl.Dsl;",
      "import java.util.List;", "import test.*;");

  private JavaFileObject source;

  private Compilation compile(List<Pipeline> models, String... body) {
    source = Compile.testClass("P", HEADER, body);
    return Compile.compile(models, TAG, NULLABLE, TYPE_USE, source);
  }

  @Test
  void aNullableParameterIsOptionalWithoutADefaultInKfp2AndFeedsOptionalInputs() {
    List<Pipeline> models = new ArrayList<>();
    Compilation c = compile(models,
        "@Pipeline(formats = Format.KFP2) public static void p(String name, @Nullable String tag, @other.Nullable Long n) {",
        "  TagOps.label(name, tag);",
        "  TagOps.withDefault(tag);",
        "  TagOps.label(name, null);",
        "}");
    assertThat(c).succeeded();
    assertThat(models.get(0).parameters()).containsExactly(
        new Parameter("name", ParameterType.STRING, null, null),
        new Parameter("tag", ParameterType.STRING, null, null, null, true),
        new Parameter("n", ParameterType.INTEGER, null, null, null, true)).inOrder();
    String yaml = Compile.resource(c, Kfp2PipelineTest.P2);
    JsonNode spec = Yaml.readAll(yaml).get(0);
    assertThat(spec.at("/root/inputDefinitions/parameters/tag").toString())
        .isEqualTo("{\"isOptional\":true,\"parameterType\":\"STRING\"}");
    assertThat(spec.at("/root/inputDefinitions/parameters/name").toString()).isEqualTo("{\"parameterType\":\"STRING\"}");
    assertThat(spec.at("/root/dag/tasks/label/inputs/parameters/tag").toString())
        .isEqualTo("{\"componentInputParameter\":\"tag\"}");
    assertThat(Compile.source(c, "test.PPipeline")).contains("public static Map<String, String> arguments(String name, String tag, Long n)");
    if (Compile.sharedPresent()) {
      Compile.validKfp2(yaml, "p.yaml");
    }
  }

  /**
   * A KFP user ports {@code def greet(title: str = None)} as {@code greet(@Nullable String title)},
   * as a pipeline parameter is written: on a component, {@code @Nullable} made nothing optional, the
   * input stayed required, and a pipeline giving it {@code null} was told only that the input needs a
   * value. It is an error on the parameter saying what to write, for a declaration or type-use
   * annotation, a primitive (boxed in the advice) and an artifact; with a {@code @Default}, or on an
   * {@code Optional}, it changes nothing and is no error.
   */
  @Test
  void onAComponentParameterItIsAnErrorOnTheParameterSayingToWriteOptional() {
    source = Compile.testClass("C", List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.artifacts.*;",
            "import java.util.Optional;"),
        "@Component public static String greet(String name,",
        "    @Nullable String title) { return name; }",
        "@Component public static int count(@other.Nullable int n) { return 0; }",
        "@Component public static int read(@Nullable Dataset data) { return 0; }",
        "@Component public static String fine(@Nullable @Default(\"x\") String a, @Nullable Optional<String> b) { return a; }");
    Compilation c = Compile.compile(new ArrayList<>(), NULLABLE, TYPE_USE, source);
    assertThat(c).hadErrorContaining("[kfp4j:NullableParameter] component parameter 'title' is @Nullable, which does not make its "
        + "input optional: the input stays required. For KFP's 'title: ... = None', write Optional<String> title (or give it a "
        + "@Default)").inFile(source).onLineContaining("@Nullable String title");
    assertThat(c).hadErrorContaining("[kfp4j:NullableParameter] component parameter 'n' is @Nullable").inFile(source)
        .onLineContaining("int n");
    assertThat(c).hadErrorContaining("write Optional<Integer> n").inFile(source).onLineContaining("int n");
    assertThat(c).hadErrorContaining("write Optional<Dataset> data").inFile(source).onLineContaining("Dataset data");
    assertThat(c).hadErrorCount(3);
  }

  @Test
  void inAnArgoWorkflowItIsAnErrorOnTheParameterSayingWhatToWrite() {
    Compilation c = compile(new ArrayList<>(),
        "@Pipeline public static void p(String name,",
        "    @Nullable String tag) {",
        "  TagOps.label(name, tag);",
        "}");
    assertThat(c).hadErrorContaining("[kfp4j:NotInArgo] pipeline parameter 'tag' may be left out (@Nullable, no @Default), which "
        + "KFP v1 cannot express: Argo needs a value for each workflow parameter; give it a @Default, or write this pipeline for "
        + "KFP 2 only: @Pipeline(formats = Format.KFP2)").inFile(source).onLineContaining("@Nullable String tag");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void withADefaultItIsAnOrdinaryParameterInBothFormats() {
    List<Pipeline> models = new ArrayList<>();
    Compilation c = compile(models,
        "@Pipeline public static void p(@Nullable @Default(\"v1\") String tag) {",
        "  TagOps.need(tag);",
        "}");
    assertThat(c).succeeded();
    assertThat(models.get(0).parameters()).containsExactly(new Parameter("tag", ParameterType.STRING, "v1", null));
  }

  @Test
  void givenToARequiredInputItIsAnErrorOnTheArgument() {
    Compilation c = compile(new ArrayList<>(),
        "@Pipeline(formats = Format.KFP2) public static void p(@Nullable String tag) {",
        "  TagOps.need(",
        "      tag);",
        "}");
    assertThat(c).hadErrorContaining("[kfp4j:OptionalParameter] pipeline parameter 'tag' may be left out (@Nullable, no @Default), "
        + "and input 'tag' of 'need' needs a value; pass it to an optional input (Optional<...>, or one with a @Default), or give "
        + "the parameter a @Default").inFile(source).onLineContaining("tag);");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void comparedInAConditionOrLoopedOverItIsAnErrorWhereItIsUsed() {
    Compilation c = compile(new ArrayList<>(),
        "@Pipeline(formats = Format.KFP2) public static void p(@Nullable String tag, @Nullable List<Integer> xs) {",
        "  Dsl.when(Dsl.eq(tag, \"x\"), () -> TagOps.label(\"a\", null));",
        "  Dsl.forEach(xs, x -> TagOps.count(x));",
        "}");
    assertThat(c).hadErrorContaining("[kfp4j:OptionalParameter] the condition Dsl.eq(...) needs a value, and pipeline parameter "
        + "'tag' may be left out (@Nullable, no @Default); give the parameter a @Default").inFile(source)
        .onLineContaining("Dsl.when");
    assertThat(c).hadErrorContaining("[kfp4j:OptionalParameter] a loop needs a value, and pipeline parameter 'xs' may be left out")
        .inFile(source).onLineContaining("Dsl.forEach");
    assertThat(c).hadErrorCount(2);
  }

  /**
   * KFP 2 passes a value left out only to a task of the root DAG: a group or a called pipeline is a DAG whose driver fails on it
   * ({@code resolveInputs} in {@code backend/src/v2/driver/resolve.go}: {@code ErrResolvedParameterNull} for an input not
   * declared optional, else the input is skipped and the tasks inside find no {@code pipelinechannel--tag}). Before, each was
   * written, and a local run passed the task nothing and ran it.
   */
  @Test
  void passedIntoAGroupOrACalledPipelineInKfp2ItIsAnErrorOnTheArgument() {
    Compilation c = compile(new ArrayList<>(),
        "@Pipeline(formats = Format.KFP2) public static void q(@Nullable String tag) { TagOps.label(\"q\", tag); }",
        "@Pipeline(formats = Format.KFP2) public static void p(@Nullable String tag, List<Integer> xs) {",
        "  TagOps.label(\"root\", tag);",
        "  Dsl.when(Dsl.eq(TagOps.count(1).output(), 1), () -> TagOps.label(\"a\",",
        "      tag));",
        "  Dsl.forEach(xs, x -> TagOps.withDefault(",
        "      tag));",
        "  q(",
        "      tag);",
        "}");
    assertThat(c).hadErrorContaining("[kfp4j:OptionalParameter] pipeline parameter 'tag' may be left out (@Nullable, no @Default), "
        + "and 'label-2' passes it into group 'condition-1', a DAG of its own in KFP 2, whose driver fails the run on an input "
        + "left out").inFile(source).onLine(11);
    assertThat(c).hadErrorContaining("and 'with-default' passes it into group 'for-loop-2'").inFile(source).onLine(13);
    assertThat(c).hadErrorContaining("and 'q' passes it into called pipeline 'q'").inFile(source).onLine(15);
    assertThat(c).hadErrorCount(3);
  }

  /**
   * An artifact left out is missing for a DAG it is passed into: the group's or called pipeline's driver finds no such input
   * artifact ({@code resolveInputArtifact} in {@code backend/src/v2/driver/resolve.go}: "parent DAG does not have input
   * artifact") and fails the run. Before, only a value parameter was an error there; an artifact was written, and a local run
   * passed the task inside nothing and ran it.
   */
  @Test
  void anArtifactLeftOutPassedIntoAGroupOrACalledPipelineIsAnErrorOnTheArgument() {
    JavaFileObject p = Compile.testClass("Opt", List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.artifacts.*;",
            "import dev.kfp4j.dsl.Dsl;", "import java.nio.file.*;", "import java.util.Optional;"),
        "@Component public static String show(Optional<Dataset> data) { return data.isPresent() ? \"some\" : \"none\"; }",
        "@Pipeline(formats = Format.KFP2) public static String inner(@Nullable @InputPath(\"Dataset\") Path data) {",
        "  return OptOps.show(data).output();",
        "}",
        "@Pipeline(formats = Format.KFP2) public static void outer(@Nullable @InputPath(\"Dataset\") Path data, long n) {",
        "  OptOps.show(data);",
        "  Dsl.when(Dsl.eq(n, 1), () -> OptOps.show(",
        "      data));",
        "  inner(",
        "      data);",
        "}");
    Compilation c = Compile.compile(new ArrayList<>(), NULLABLE, p);
    assertThat(c).hadErrorContaining("[kfp4j:OptionalParameter] pipeline parameter 'data' is an artifact that may be left out "
        + "(@Nullable), and 'show-2' passes it into group 'condition-1', a DAG of its own in KFP 2, whose driver fails the run "
        + "when a caller leaves it out (resolveInputArtifact in backend/src/v2/driver/resolve.go: the parent DAG does not have "
        + "the input artifact); drop @Nullable, so that every caller gives one").inFile(p).onLine(15);
    assertThat(c).hadErrorContaining("and 'inner' passes it into called pipeline 'inner'").inFile(p).onLine(17);
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void aTypeUseNullablePrimitiveIsNamedAsTheUserWroteIt() {
    // JSpecify's @Nullable is a type annotation: the type javac gives is '@other.Nullable int'
    Compilation c = compile(new ArrayList<>(),
        "@Pipeline(formats = Format.KFP2) public static void p(@other.Nullable int n) {",
        "}");
    assertThat(c).hadErrorContaining("[kfp4j:PipelineParameterType] pipeline parameter 'n' is @Nullable, but the primitive int "
        + "cannot be left out; write @Nullable Integer n").inFile(source).onLineContaining("@other.Nullable int n");
  }

  @Test
  void aNullablePrimitiveOrAnOptionalIsAnErrorSayingWhatToWrite() {
    Compilation c = compile(new ArrayList<>(),
        "@Pipeline(formats = Format.KFP2) public static void p(@Nullable int n,",
        "    java.util.Optional<String> tag) {",
        "}");
    assertThat(c).hadErrorContaining("[kfp4j:PipelineParameterType] pipeline parameter 'n' is @Nullable, but the primitive int "
        + "cannot be left out; write @Nullable Integer n").inFile(source).onLineContaining("@Nullable int n");
    assertThat(c).hadErrorContaining("[kfp4j:PipelineParameterType] pipeline parameter 'tag' has type "
        + "'java.util.Optional<java.lang.String>', which the ops it is passed to do not take; a parameter a run may leave out is "
        + "its value's type marked @Nullable (any annotation of that name): @Nullable String tag")
        .inFile(source).onLineContaining("Optional<String> tag");
    assertThat(c).hadErrorCount(2);
  }
}
