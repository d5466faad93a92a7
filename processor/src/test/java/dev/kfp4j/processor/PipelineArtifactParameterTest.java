package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.TaskResult;
import dev.kfp4j.local.Workflow;
import dev.kfp4j.testing.ArgoSchemas;
import dev.kfp4j.yaml.Yaml;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A {@code @Pipeline} taking an artifact, {@code @InputPath("Dataset") Path data} (KFP's {@code data: Input[Dataset]}):
 * written for KFP 2 only, called by pipelines that give it a task's artifact, in both formats (in Argo its tasks are put
 * into the caller's and read the caller's task's artifact), and run locally through its callers.
 */
class PipelineArtifactParameterTest {
  @TempDir Path dir;

  static final List<String> HEADER = List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.artifacts.*;",
      "import java.io.IOException;", "import java.nio.file.*;");

  static final JavaFileObject STEPS = Compile.testClass("Steps", HEADER,
      "@Component public static void make(String text, @Out Dataset data) throws IOException {",
      "  Files.writeString(data.path(), text);",
      "}",
      "@Component public static void upper(Dataset data, @Out Dataset upper) throws IOException {",
      "  Files.writeString(upper.path(), Files.readString(data.path()).toUpperCase());",
      "}",
      "@Component public static String read(@InputPath(\"Dataset\") Path data) throws IOException {",
      "  return Files.readString(data);",
      "}",
      "@Component public static void makeModel(@Out Model model) {}");

  /** The called pipeline: its artifact given to a task, returned, and passed on to another called pipeline. */
  static final JavaFileObject INNER = Compile.testClass("Inner", HEADER,
      "public record Both(String original, Path upper) {}",
      "@Pipeline(name = \"shout\", formats = Format.KFP2)",
      "public static Both shout(@InputPath(\"Dataset\") Path data, String unused) {",
      "  var copy = StepsOps.upper(data);",
      "  return new Both(StepsOps.read(data).output(), copy.upper());",
      "}",
      "@Pipeline(name = \"shout-twice\", formats = Format.KFP2)",
      "public static Path shoutTwice(@InputPath(\"Dataset\") Path data) {",
      "  var once = shout(data, \"x\");",
      "  var twice = shout(once.upper(), \"y\");",
      "  return twice.upper();",
      "}");

  static final JavaFileObject OUTER = Compile.testClass("Outer", HEADER,
      "@Pipeline(name = \"outer\")",
      "public static String outer(String text) {",
      "  var made = StepsOps.make(text);",
      "  return StepsOps.read(Inner.shoutTwice(made.data())).output();",
      "}");

  private RunResult run(Compilation c, String resource, Map<String, String> arguments) throws Exception {
    Path classes = Compile.writeOutput(c, dir.resolve("classes"));
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      return LocalRunner.builder().root(dir.resolve("run-" + resource.hashCode())).caching(false)
          .console(new PrintStream(OutputStream.nullOutputStream())).classLoader(loader).progress(false).summary(false).build()
          .run(Workflow.parse(Compile.resource(c, resource), resource), arguments);
    }
  }

  @Test
  void aCallerInBothFormatsGivesTheCalledPipelineItsTasksArtifactAndRunsFromEither() throws Exception {
    Compilation c = Compile.compile(STEPS, INNER, OUTER);
    assertThat(c).succeededWithoutWarnings();
    String kfp2 = Compile.resource(c, "META-INF/kfp4j/kfp2/pipelines/outer.yaml");
    Compile.validKfp2(kfp2, "outer.yaml");
    JsonNode spec = Yaml.readAll(kfp2).get(0);
    assertThat(spec.at("/root/dag/tasks/shout-twice/inputs/artifacts/data/taskOutputArtifact").toString())
        .isEqualTo("{\"outputArtifactKey\":\"data\",\"producerTask\":\"make\"}");
    assertThat(spec.at("/components/comp-shout-twice/inputDefinitions/artifacts/data/artifactType/schemaTitle").asString())
        .isEqualTo("system.Dataset");
    assertThat(spec.at("/components/comp-shout-twice/dag/tasks/shout/inputs/artifacts/data/componentInputArtifact").asString())
        .isEqualTo("data");
    String argo = Compile.resource(c, "META-INF/kfp4j/pipelines/outer.yaml");
    ArgoSchemas.assertValid(argo, "outer.yaml");
    for (String resource : List.of("META-INF/kfp4j/kfp2/pipelines/outer.yaml", "META-INF/kfp4j/pipelines/outer.yaml")) {
      RunResult r = run(c, resource, Map.of("text", "quiet"));
      assertThat(r.failedTask().map(t -> t.id() + ": " + t.message())).isEmpty();
      assertThat(r.output("read", "Output")).isEqualTo("QUIET"); // made, shouted twice by the called pipelines, read
    }
  }

  @Test
  void thePipelineTakingAnArtifactIsWrittenForKfp2AloneAndItsClassOffersNoRun() {
    Compilation c = Compile.compile(STEPS, INNER);
    assertThat(c).succeededWithoutWarnings();
    String inner = Compile.resource(c, "META-INF/kfp4j/kfp2/pipelines/shout.yaml");
    Compile.validKfp2(inner, "shout.yaml");
    JsonNode spec = Yaml.readAll(inner).get(0);
    assertThat(spec.at("/root/inputDefinitions/artifacts/data/artifactType/schemaTitle").asString()).isEqualTo("system.Dataset");
    assertThat(spec.at("/root/dag/tasks/upper/inputs/artifacts/data/componentInputArtifact").asString()).isEqualTo("data");
    assertThat(spec.at("/root/dag/outputs/artifacts/upper/artifactSelectors/0/producerSubtask").asString()).isEqualTo("upper");
    assertThat(c.generatedFiles().stream().anyMatch(f -> f.getName().endsWith("pipelines/shout.yaml")
        && !f.getName().contains("kfp2"))).isFalse();
    String cls = Compile.source(c, "test.ShoutPipeline");
    assertThat(cls).contains("PARAMETERS = List.of(\"unused\");");
    assertThat(cls).contains("public static Map<String, String> arguments(String unused)");
    assertThat(cls).doesNotContain("runLocally");
  }

  @Test
  void aCalledPipelinesModelInputGivenADatasetIsATypeMismatchOnTheArgument() {
    JavaFileObject outer = Compile.testClass("Outer", HEADER,
        "@Pipeline(name = \"outer\") public static void outer() {",
        "  Inner.shout(StepsOps.makeModel().model(), \"x\");",
        "}");
    JavaFileObject inner = Compile.testClass("Inner", HEADER,
        "@Pipeline(name = \"shout\", formats = Format.KFP2)",
        "public static Path shout(@InputPath(\"Dataset\") Path data, String unused) {",
        "  return StepsOps.upper(data).upper();",
        "}");
    Compilation c = Compile.compile(STEPS, inner, outer);
    assertThat(c).hadErrorContaining("[kfp4j:TypeMismatch] output 'model' of task 'make-model' has type Model but input 'data' of "
        + "'shout' takes Dataset").inFile(outer).onLineContaining("StepsOps.makeModel().model()");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void aRequiredArtifactLeftOutOfACallIsAnErrorOnTheCall() {
    JavaFileObject outer = Compile.testClass("Outer", HEADER,
        "@Pipeline(name = \"outer\") public static void outer() {",
        "  Inner.shoutTwice(null);",
        "}");
    Compilation c = Compile.compile(STEPS, INNER, outer);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[kfp4j:MissingArgument] the call of pipeline 'shout-twice' gives no artifact for its "
        + "parameter 'data', which it needs (KFP's Input[...], not Optional); give it a task's artifact output, or mark the "
        + "parameter @Nullable").inFile(outer).onLineContaining("Inner.shoutTwice(null)");
    assertThat(c).hadErrorCount(1);
  }

  /**
   * From a jar, the called pipeline is read from its KFP 2 spec (it has no Argo workflow): a KFP 2 caller takes it, one
   * written for Argo too is told why it cannot put its tasks in (the workflow's command lines are not in the KFP 2 spec).
   */
  @Test
  void aPipelineTakingAnArtifactFromTheClassPathIsCalledFromKfp2AndRefusedFromArgoSayingWhy() {
    Compilation lib = Compile.compile(STEPS, INNER);
    assertThat(lib).succeeded();
    Path classes = Compile.writeOutput(lib, dir.resolve("lib"));
    JavaFileObject kfp2Outer = Compile.testClass("Outer", HEADER,
        "@Pipeline(name = \"outer\", formats = Format.KFP2) public static String outer(String text) {",
        "  return StepsOps.read(Inner.shoutTwice(StepsOps.make(text).data())).output();",
        "}");
    Compilation c = Compile.compileAgainst(classes, kfp2Outer);
    assertThat(c).succeededWithoutWarnings();
    String kfp2 = Compile.resource(c, "META-INF/kfp4j/kfp2/pipelines/outer.yaml");
    Compile.validKfp2(kfp2, "outer.yaml");
    assertThat(Yaml.readAll(kfp2).get(0).at("/root/dag/tasks/shout-twice/inputs/artifacts/data/taskOutputArtifact/producerTask")
        .asString()).isEqualTo("make");

    Compilation both = Compile.compileAgainst(classes, OUTER);
    assertThat(both).hadErrorContaining("[kfp4j:UnsupportedStatement] pipeline 'shout-twice' cannot be put into this pipeline: "
        + "it takes an artifact, so it is compiled for KFP 2 only, and a pipeline written for Argo puts its tasks in only when "
        + "compiled with it").inFile(OUTER).onLineContaining("Inner.shoutTwice(made.data())");
    assertThat(both).hadErrorCount(1);
  }

  /**
   * KFP's {@code Input[List[Dataset]]}: {@code @InputPath("Dataset") List<Path>}, given the artifacts a loop collects, looped
   * over one artifact an iteration, given to a list input and passed on to another called pipeline, whose root input is then
   * a list too ({@code isArtifactList}).
   */
  @Test
  void aListOfArtifactsIsLoopedOverAndPassedOn() throws Exception {
    JavaFileObject lists = Compile.testClass("Lists", List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.artifacts.*;",
            "import dev.kfp4j.dsl.Dsl;", "import java.io.IOException;", "import java.nio.file.*;", "import java.util.List;"),
        "@Component public static String join(List<Dataset> parts) throws IOException {",
        "  StringBuilder b = new StringBuilder();",
        "  for (Dataset d : parts) { b.append(Files.readString(d.path())); }",
        "  return b.toString();",
        "}",
        "@Pipeline(name = \"each\", formats = Format.KFP2)",
        "public static String each(@InputPath(\"Dataset\") List<Path> parts) {",
        "  Dsl.forEach(parts, part -> StepsOps.read(part));",
        "  return ListsOps.join(parts).output();",
        "}",
        "@Pipeline(name = \"pass-on\", formats = Format.KFP2)",
        "public static String passOn(@InputPath(\"Dataset\") List<Path> parts) {",
        "  return each(parts);",
        "}",
        "@Pipeline(name = \"outer\", formats = Format.KFP2)",
        "public static String outer() {",
        "  var made = Dsl.collect(List.of(\"a\", \"b\"), t -> StepsOps.make(t).data());",
        "  return passOn(made);",
        "}");
    Compilation c = Compile.compile(STEPS, lists);
    assertThat(c).succeededWithoutWarnings();
    for (String name : List.of("each", "pass-on", "outer")) {
      Compile.validKfp2(Compile.resource(c, "META-INF/kfp4j/kfp2/pipelines/" + name + ".yaml"), name + ".yaml");
    }
    JsonNode passOn = Yaml.readAll(Compile.resource(c, "META-INF/kfp4j/kfp2/pipelines/pass-on.yaml")).get(0);
    assertThat(passOn.at("/root/inputDefinitions/artifacts/parts/isArtifactList").asBoolean()).isTrue();
    JsonNode each = Yaml.readAll(Compile.resource(c, "META-INF/kfp4j/kfp2/pipelines/each.yaml")).get(0);
    assertThat(each.at("/root/inputDefinitions/artifacts/parts/isArtifactList").asBoolean()).isTrue();
    assertThat(each.at("/root/dag/tasks/for-loop-1/artifactIterator/items/inputArtifact").asString())
        .isEqualTo("pipelinechannel--parts");
    RunResult r = run(c, "META-INF/kfp4j/kfp2/pipelines/outer.yaml", Map.of());
    assertThat(r.failedTask().map(t -> t.id() + ": " + t.message())).isEmpty();
    assertThat(r.output("join", "Output")).isEqualTo("ab");
    assertThat(r.tasks().stream().filter(t -> t.name().equals("read")).map(t -> t.outputs().get("Output")).sorted().toList())
        .containsExactly("a", "b");
  }

  /**
   * A pipeline returning {@code List<Path>} (KFP's {@code List[Dataset]} output: {@code isArtifactList}, selected from its
   * loop), alone or as a record component: its caller gives the list to a {@code List<Dataset>} input and to another
   * pipeline's {@code @InputPath("Dataset") List<Path>}, and loops over it ({@code artifactIterator} over the call's output; the
   * list passed on by a pipeline returning the one it calls returns),
   * and the run gives each the artifacts the called pipeline's loop made, in its items' order.
   */
  @Test
  void aReturnedListOfArtifactsIsLoopedOverAndPassedOnByTheCaller() throws Exception {
    JavaFileObject lists = Compile.testClass("Made", List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.artifacts.*;",
            "import dev.kfp4j.dsl.Dsl;", "import java.io.IOException;", "import java.nio.file.*;", "import java.util.List;"),
        "@Component public static String join(List<Dataset> parts) throws IOException {",
        "  StringBuilder b = new StringBuilder();",
        "  for (Dataset d : parts) { b.append(Files.readString(d.path())); }",
        "  return b.toString();",
        "}",
        "public record Both(List<Path> parts, String first) {}",
        "@Pipeline(name = \"make-all\", formats = Format.KFP2)",
        "public static List<Path> makeAll(List<String> texts) {",
        "  return Dsl.collect(texts, t -> StepsOps.make(t).data());",
        "}",
        "@Pipeline(name = \"pass-all\", formats = Format.KFP2)",
        "public static List<Path> passAll(List<String> texts) {",
        "  return makeAll(texts);",
        "}",
        "@Pipeline(name = \"make-both\", formats = Format.KFP2)",
        "public static Both makeBoth(List<String> texts) {",
        "  var parts = Dsl.collect(texts, t -> StepsOps.make(t).data());",
        "  return new Both(parts, MadeOps.join(parts).output());",
        "}",
        "@Pipeline(name = \"count\", formats = Format.KFP2)",
        "public static String count(@InputPath(\"Dataset\") List<Path> parts) {",
        "  return MadeOps.join(parts).output();",
        "}",
        "@Pipeline(name = \"outer\", formats = Format.KFP2)",
        "public static String outer() {",
        "  var made = passAll(List.of(\"a\", \"b\"));",
        "  Dsl.forEach(made, part -> StepsOps.read(part));",
        "  var uppers = Dsl.collect(made, part -> StepsOps.upper(part).upper());",
        "  var both = makeBoth(List.of(\"x\", \"y\", \"z\"));",
        "  MadeOps.join(uppers);",
        "  return count(both.parts());",
        "}");
    Compilation c = Compile.compile(STEPS, lists);
    assertThat(c).succeededWithoutWarnings();
    for (String name : List.of("make-all", "pass-all", "make-both", "count", "outer")) {
      Compile.validKfp2(Compile.resource(c, "META-INF/kfp4j/kfp2/pipelines/" + name + ".yaml"), name + ".yaml");
    }
    JsonNode outer = Yaml.readAll(Compile.resource(c, "META-INF/kfp4j/kfp2/pipelines/outer.yaml")).get(0);
    assertThat(outer.at("/components/comp-make-all/outputDefinitions/artifacts/Output/isArtifactList").asBoolean()).isTrue();
    assertThat(outer.at("/components/comp-pass-all/outputDefinitions/artifacts/Output/isArtifactList").asBoolean()).isTrue();
    assertThat(outer.at("/components/comp-pass-all/dag/outputs/artifacts/Output/artifactSelectors/0/producerSubtask").asString())
        .isEqualTo("make-all");
    assertThat(outer.at("/components/comp-make-all/dag/outputs/artifacts/Output/artifactSelectors/0/producerSubtask").asString())
        .isEqualTo("for-loop-1");
    assertThat(outer.at("/components/comp-make-both/outputDefinitions/artifacts/parts/isArtifactList").asBoolean()).isTrue();
    assertThat(outer.at("/root/dag/tasks/for-loop-1/inputs/artifacts/pipelinechannel--pass-all-Output/taskOutputArtifact")
        .toString()).isEqualTo("{\"outputArtifactKey\":\"Output\",\"producerTask\":\"pass-all\"}");
    assertThat(outer.at("/root/dag/tasks/for-loop-1/artifactIterator/items/inputArtifact").asString())
        .isEqualTo("pipelinechannel--pass-all-Output");
    assertThat(outer.at("/root/dag/tasks/count/inputs/artifacts/parts/taskOutputArtifact").toString())
        .isEqualTo("{\"outputArtifactKey\":\"parts\",\"producerTask\":\"make-both\"}");
    RunResult r = run(c, "META-INF/kfp4j/kfp2/pipelines/outer.yaml", Map.of());
    assertThat(r.failedTask().map(t -> t.id() + ": " + t.message())).isEmpty();
    assertThat(r.tasks().stream().filter(t -> t.name().equals("read")).map(t -> t.outputs().get("Output")).sorted().toList())
        .containsExactly("a", "b");
    assertThat(r.tasks().stream().filter(t -> t.name().endsWith("join")).map(t -> t.outputs().get("Output")).sorted().toList())
        .containsExactly("AB", "xyz", "xyz");
  }

  /** A pipeline returning {@code List<Path>} compiled earlier (read from the class path) is looped over the same way. */
  @Test
  void aReturnedListOfArtifactsFromTheClassPathIsLoopedOver() throws Exception {
    JavaFileObject made = Compile.testClass("Made", List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.dsl.Dsl;",
            "import java.nio.file.*;", "import java.util.List;"),
        "@Pipeline(name = \"make-all\", formats = Format.KFP2)",
        "public static List<Path> makeAll(List<String> texts) {",
        "  return Dsl.collect(texts, t -> StepsOps.make(t).data());",
        "}");
    Compilation lib = Compile.compile(STEPS, made);
    assertThat(lib).succeeded();
    Path classes = Compile.writeOutput(lib, dir.resolve("lib"));
    JavaFileObject outer = Compile.testClass("Outer", List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.dsl.Dsl;",
            "import java.util.List;"),
        "@Pipeline(name = \"outer\", formats = Format.KFP2) public static void outer() {",
        "  Dsl.forEach(Made.makeAll(List.of(\"a\", \"b\", \"c\")), part -> StepsOps.read(part));",
        "}");
    Compilation c = Compile.compileAgainst(classes, outer);
    assertThat(c).succeededWithoutWarnings();
    String kfp2 = Compile.resource(c, "META-INF/kfp4j/kfp2/pipelines/outer.yaml");
    Compile.validKfp2(kfp2, "outer.yaml");
    assertThat(Yaml.readAll(kfp2).get(0).at("/root/dag/tasks/for-loop-1/artifactIterator/items/inputArtifact").asString())
        .isEqualTo("pipelinechannel--make-all-Output");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      Path outClasses = Compile.writeOutput(c, dir.resolve("classes"));
      try (URLClassLoader both = new URLClassLoader(new URL[] {outClasses.toUri().toURL()}, loader)) {
        RunResult r = LocalRunner.builder().root(dir.resolve("run-lib")).caching(false)
            .console(new PrintStream(OutputStream.nullOutputStream())).classLoader(both).progress(false).summary(false).build()
            .run(Workflow.parse(kfp2, "outer.yaml"), Map.of());
        assertThat(r.failedTask().map(t -> t.id() + ": " + t.message())).isEmpty();
        assertThat(r.tasks().stream().filter(t -> t.name().equals("read")).map(t -> t.outputs().get("Output")).toList())
            .containsExactly("a", "b", "c");
      }
    }
  }

  /**
   * {@code @InputPath Path} is any artifact ({@code system.Artifact}), which KFP 2 gives to an input of any type; a schema
   * title is kept as written ({@code google.VertexModel}).
   */
  @Test
  void anUntypedArtifactGoesToAnyInputAndASchemaTitleIsKept() {
    JavaFileObject p = Compile.testClass("P", HEADER,
        "@Pipeline(name = \"p\", formats = Format.KFP2)",
        "public static String p(@InputPath Path anything, @InputPath(\"google.VertexModel\") Path vertex) {",
        "  return StepsOps.read(anything).output();",
        "}");
    Compilation c = Compile.compile(STEPS, p);
    assertThat(c).succeededWithoutWarnings();
    String yaml = Compile.resource(c, "META-INF/kfp4j/kfp2/pipelines/p.yaml");
    Compile.validKfp2(yaml, "p.yaml");
    JsonNode inputs = Yaml.readAll(yaml).get(0).at("/root/inputDefinitions/artifacts");
    assertThat(inputs.at("/anything/artifactType/schemaTitle").asString()).isEqualTo("system.Artifact");
    assertThat(inputs.at("/vertex/artifactType/schemaTitle").asString()).isEqualTo("google.VertexModel");
    assertThat(yaml).contains("#    vertex: google.VertexModel\n"); // the header's Inputs, as KFP's compiler writes them
  }

  /** A pipeline taking a {@code @Nullable} artifact (KFP's {@code Optional[Input[Dataset]] = None}), and {@code outer} calling it. */
  private static JavaFileObject optional(String outerFormats) {
    return Compile.testClass("Opt", List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.artifacts.*;",
            "import java.nio.file.*;", "import java.util.Optional;"),
        "@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.CLASS) public @interface Nullable {}",
        "@Component public static String show(Optional<Dataset> data) throws java.io.IOException {",
        "  return data.isPresent() ? Files.readString(data.get().path()) : \"none\";",
        "}",
        "@Pipeline(name = \"inner\", formats = Format.KFP2)",
        "public static String inner(@Nullable @InputPath(\"Dataset\") Path data) {",
        "  return OptOps.show(data).output();",
        "}",
        "@Pipeline(name = \"outer\"" + outerFormats + ")",
        "public static void outer() {",
        "  inner(StepsOps.make(\"given\").data());",
        "  inner(null);",
        "}");
  }

  /**
   * A call leaving out ({@code null}) a called pipeline's {@code @Nullable} artifact, in a caller written for KFP 2: KFP's driver
   * fails the task of the called pipeline's DAG that reads it, though the task's input is optional ({@code
   * resolveInputArtifact} in {@code backend/src/v2/driver/resolve.go}: "parent DAG does not have input artifact"), as it would
   * KFP's own {@code components_with_optional_artifacts.py}'s {@code inner_pipeline()}. Before, the processor wrote it, and a
   * local run gave the input nothing.
   */
  @Test
  void aCallLeavingOutACalledPipelinesOptionalArtifactIsAnErrorOnTheNull() {
    JavaFileObject p = optional("");
    Compilation c = Compile.compile(STEPS, p);
    assertThat(c).hadErrorContaining("[kfp4j:OptionalParameter] this call of pipeline 'inner' leaves out its artifact 'data' "
        + "(null), which its task 'show' reads; KFP 2 runs a called pipeline as a DAG of its own, whose tasks reading an input artifact the DAG was not given "
        + "fail, though their inputs are optional (resolveInputArtifact in backend/src/v2/driver/resolve.go: \"parent DAG does "
        + "not have input artifact\"); give it an artifact (a task's output, Dsl.importer(...).artifact()), or, to run without "
        + "one, call in this pipeline's body the ops that take it as optional").inFile(p).onLineContaining("inner(null)");
    assertThat(c).hadErrorCount(1);
  }

  /**
   * A caller with another mistake in its graph (a type mismatch) or in its body (an argument that cannot be read) gets the
   * call's left-out artifact in the same build, its class analysed before the called pipeline's or after. Before, the check
   * ran only once the caller's graph had no mistake, so the {@code OptionalParameter} error showed in a second build.
   */
  @Test
  void aLeftOutArtifactIsReportedBesideTheCallersOtherMistakes() {
    java.util.function.Function<String, JavaFileObject> callers = name -> Compile.testClass(name, HEADER,
        "@Pipeline public static void mismatched" + name + "() {",
        "  StepsOps.upper(StepsOps.makeModel().model());",
        "  Opt.inner(null); // in mismatched",
        "}",
        "@Pipeline public static void unread" + name + "() {",
        "  StepsOps.make(String.valueOf(7));",
        "  Opt.inner(null); // in unread",
        "}");
    JavaFileObject before = callers.apply("Before");
    JavaFileObject opt = optional(", formats = Format.KFP2");
    JavaFileObject after = callers.apply("After");
    Compilation c = Compile.compile(STEPS, before, opt, after);
    for (JavaFileObject caller : List.of(before, after)) {
      assertThat(c).hadErrorContaining("[kfp4j:TypeMismatch] output 'model' of task 'make-model' has type Model but input 'data'"
          + " of 'upper' takes Dataset").inFile(caller).onLineContaining("StepsOps.makeModel().model()");
      assertThat(c).hadErrorContaining("[kfp4j:UnsupportedArgument] 'String.valueOf(7)'").inFile(caller)
          .onLineContaining("String.valueOf(7)");
      for (String pipeline : List.of("mismatched", "unread")) {
        assertThat(c).hadErrorContaining("[kfp4j:OptionalParameter] this call of pipeline 'inner' leaves out its artifact 'data'"
            + " (null), which its task 'show' reads").inFile(caller).onLineContaining("inner(null); // in " + pipeline);
      }
    }
    assertThat(c).hadErrorContaining("[kfp4j:OptionalParameter]").inFile(opt).onLineContaining("inner(null)"); // its own outer
    assertThat(c).hadErrorCount(9);
  }

  /**
   * A pipeline written for KFP 2 whose root task reads its own {@code @Nullable} artifact (KFP's {@code
   * components_with_optional_artifacts.py} has one) is no error: no KFP run gives a root any artifact, {@code @Nullable} or
   * not (a run's {@code RuntimeConfig} holds parameters only; {@code RootDAG} in {@code backend/src/v2/driver/root_dag.go}
   * records only their values as the root DAG's inputs), so it runs only as a task of other pipelines, and a call written
   * for KFP 2 leaving the artifact out is the error ({@link #aCallLeavingOutACalledPipelinesOptionalArtifactIsAnErrorOnTheNull}).
   */
  @Test
  void aPipelineReadingItsOwnOptionalArtifactAtItsRootIsNoError() {
    Compilation c = Compile.compile(Compile.testClass("Own", List.of("import dev.kfp4j.annotations.*;",
            "import dev.kfp4j.artifacts.*;", "import java.nio.file.*;", "import java.util.Optional;"),
        "@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.CLASS) public @interface Nullable {}",
        "@Component public static String show(Optional<Dataset> data) { return data.isPresent() ? \"given\" : \"none\"; }",
        "@Pipeline(name = \"own\", formats = Format.KFP2)",
        "public static String own(@Nullable @InputPath(\"Dataset\") Path data) {",
        "  return OwnOps.show(data).output();",
        "}"));
    assertThat(c).succeededWithoutWarnings();
    JsonNode own = Yaml.readAll(Compile.resource(c, "META-INF/kfp4j/kfp2/pipelines/own.yaml")).get(0);
    assertThat(own.at("/root/inputDefinitions/artifacts/data/isOptional").asBoolean()).isTrue();
    assertThat(own.at("/root/dag/tasks/show/inputs/artifacts/data/componentInputArtifact").asString()).isEqualTo("data");
  }

  /**
   * A call leaving out a called pipeline's {@code @Nullable} artifact that no task of it reads, in a caller written for KFP 2:
   * KFP's driver resolves a task's input artifacts only, so the called pipeline's DAG runs without it; the call's task gives
   * it nothing, and a local run of the KFP 2 spec runs it. Before, the call was an error however the called pipeline used it.
   */
  @Test
  void aCallLeavingOutAnOptionalArtifactTheCalledPipelineDoesNotReadRuns() throws Exception {
    JavaFileObject p = Compile.testClass("Unread", HEADER,
        "@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.CLASS) public @interface Nullable {}",
        "@Pipeline(name = \"tag\", formats = Format.KFP2)",
        "public static String tag(@Nullable @InputPath(\"Dataset\") Path data, String text) {",
        "  return StepsOps.read(StepsOps.make(text).data()).output();",
        "}",
        "@Pipeline(name = \"outer\", formats = Format.KFP2)",
        "public static String outer() {",
        "  return tag(null, \"hello\");",
        "}");
    Compilation c = Compile.compile(STEPS, p);
    assertThat(c).succeededWithoutWarnings();
    JsonNode outer = Yaml.readAll(Compile.resource(c, "META-INF/kfp4j/kfp2/pipelines/outer.yaml")).get(0);
    assertThat(outer.at("/root/dag/tasks/tag/inputs/artifacts").isMissingNode()).isTrue();
    assertThat(outer.at("/components/comp-tag/inputDefinitions/artifacts/data/isOptional").asBoolean()).isTrue();
    RunResult r = run(c, "META-INF/kfp4j/kfp2/pipelines/outer.yaml", Map.of());
    assertThat(r.failedTask().map(t -> t.id() + ": " + t.message())).isEmpty();
    assertThat(r.output("Output")).isEqualTo("hello");
  }

  /**
   * In an Argo workflow the called pipeline's tasks are put into the caller's (KFP v1 has no DAG driver): the call leaving the
   * artifact out gives the optional input it feeds nothing.
   */
  @Test
  void anOptionalArtifactLeftOutByTheCallGivesItsInputNothingInAnArgoWorkflow() throws Exception {
    Compilation c = Compile.compile(STEPS, optional(", formats = Format.ARGO"));
    assertThat(c).succeededWithoutWarnings();
    JsonNode inner = Yaml.readAll(Compile.resource(c, "META-INF/kfp4j/kfp2/pipelines/inner.yaml")).get(0);
    assertThat(inner.at("/root/inputDefinitions/artifacts/data/isOptional").asBoolean()).isTrue();
    ArgoSchemas.assertValid(Compile.resource(c, "META-INF/kfp4j/pipelines/outer.yaml"), "outer.yaml");
    RunResult r = run(c, "META-INF/kfp4j/pipelines/outer.yaml", Map.of());
    assertThat(r.failedTask().map(t -> t.id() + ": " + t.message())).isEmpty();
    assertThat(r.tasks().stream().filter(t -> t.name().endsWith("show")).map(t -> t.outputs().get("Output")).sorted().toList())
        .containsExactly("given", "none");
  }
}
