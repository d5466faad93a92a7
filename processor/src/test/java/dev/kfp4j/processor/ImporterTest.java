package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.ImporterStep;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Task;
import dev.kfp4j.model.RunSetting;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.yaml.Yaml;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * {@code Dsl.importer}, KFP's {@code dsl.importer}: its model, its KFP 2 spec (the structure KFP's
 * compiler writes for {@code pipeline_with_importer.py}), and each misuse as an error on the
 * expression that is wrong, saying what to write instead.
 */
class ImporterTest {
  static final JavaFileObject LIB = Compile.source("test.Lib",
      "package test;",
      "import dev.kfp4j.annotations.*;",
      "import dev.kfp4j.artifacts.*;",
      "import java.nio.file.Path;",
      "public class Lib {",
      "  @Component public static String train(Dataset dataset) { return \"123\"; }",
      "  @Component public static void any(Artifact artifact) {}",
      "  @Component public static void evaluate(Model model) {}",
      "  @Component public static void readText(@InputPath(\"Dataset\") Path data) {}",
      "  @Component public static String echo(String text) { return text; }",
      "}");

  static Path lib;

  static synchronized Compilation compile(List<Pipeline> models, JavaFileObject pipeline) {
    if (lib == null) {
      Compilation c = Compile.compile(LIB);
      assertThat(c).succeeded();
      lib = Compile.writeOutput(c, Path.of("target", "compiled-lib", "ImporterTest"));
    }
    return models == null ? Compile.compileAgainst(lib, pipeline) : Compile.compile(models, LIB, pipeline);
  }

  static JavaFileObject pipeline(String... body) {
    return Compile.testClass("P", List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.artifacts.*;", "import dev.kfp4j.dsl.Dsl;",
        "import java.util.*;"), body);
  }

  /** pipeline_with_importer.py in Java. */
  static final String[] SDK_PIPELINE = {
      "static final String SHAKESPEARE = \"gs://ml-pipeline-playground/shakespeare1.txt\";",
      "@Pipeline(name = \"pipeline-with-importer\", formats = Format.KFP2)",
      "public static void p(@Default(\"gs://ml-pipeline-playground/shakespeare2.txt\") String dataset2) {",
      "  var importer = Dsl.importer(SHAKESPEARE, Dataset.class).metadata(Map.of(\"key\", \"value\"));",
      "  var train = LibOps.train(importer.artifact());",
      "  Dsl.when(Dsl.eq(train.output(), \"123\"), () -> {",
      "    var importer2 = Dsl.importer(dataset2, Dataset.class).reimport(true);",
      "    LibOps.train(importer2.artifact());",
      "  });",
      "}"};

  @Test
  void anImporterIsAStepOfTheModel() {
    List<Pipeline> models = new ArrayList<>();
    assertThat(compile(models, pipeline(SDK_PIPELINE))).succeeded();
    Pipeline p = models.get(0);
    assertThat(p.node("importer").orElseThrow()).isEqualTo(new ImporterStep("importer",
        java.util.Map.of("uri", Argument.Constant.of("gs://ml-pipeline-playground/shakespeare1.txt")), "system.Dataset", false,
        "{\"key\":\"value\"}", false, List.of(), List.of()));
    assertThat(p.node("importer-2").orElseThrow()).isEqualTo(new ImporterStep("importer-2",
        java.util.Map.of("uri", new Argument.PipelineParameter("dataset2")), "system.Dataset", true, null, false, List.of(), List.of()));
    assertThat(((Task) p.node("train").orElseThrow()).arguments())
        .containsExactly("dataset", new Argument.TaskOutput("importer", ImporterStep.OUTPUT));
  }

  @Test
  void anImporterAsTheExitTaskIsAnErrorSayingItRunsNoContainer() {
    JavaFileObject source = pipeline(
        "@Pipeline(formats = Format.KFP2) public static void p() {",
        "  Dsl.exitHandler(Dsl.importer(\"gs://b/data.csv\", Dataset.class), () -> LibOps.echo(\"work\"));",
        "}");
    Compilation c = compile(null, source);
    assertThat(c).hadErrorContaining("[kfp4j:UnsupportedArgument] the exit task is one container task; 'importer' is an importer "
        + "(Dsl.importer), which runs no container of its own: make the exit task an op call, and do the rest inside the exit "
        + "handler's lambda").inFile(source).onLineContaining("Dsl.exitHandler");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void itsKfp2SpecHasTheStructureKfpsCompilerWrites() {
    Compilation c = compile(new ArrayList<>(), pipeline(SDK_PIPELINE));
    assertThat(c).succeeded();
    String yaml = Compile.resource(c, "META-INF/kfp4j/kfp2/pipelines/pipeline-with-importer.yaml");
    JsonNode spec = Yaml.read(yaml);
    // as KFP 2.14's compiler writes pipeline_with_importer.py (test_data/sdk_compiled_pipelines/valid)
    assertThat(spec.at("/root/dag/tasks/importer").toString()).isEqualTo("{\"cachingOptions\":{\"enableCache\":true},"
        + "\"componentRef\":{\"name\":\"comp-importer\"},\"inputs\":{\"parameters\":{\"uri\":{\"runtimeValue\":{\"constant\":"
        + "\"gs://ml-pipeline-playground/shakespeare1.txt\"}}}},\"taskInfo\":{\"name\":\"importer\"}}");
    assertThat(spec.at("/components/comp-condition-1/dag/tasks/importer-2").toString()).isEqualTo("{\"cachingOptions\":"
        + "{\"enableCache\":true},\"componentRef\":{\"name\":\"comp-importer-2\"},\"inputs\":{\"parameters\":{\"uri\":"
        + "{\"componentInputParameter\":\"pipelinechannel--dataset2\"}}},\"taskInfo\":{\"name\":\"importer-2\"}}");
    String type = "{\"artifactType\":{\"schemaTitle\":\"system.Dataset\",\"schemaVersion\":\"0.0.1\"}}";
    for (String n : List.of("importer", "importer-2")) {
      assertThat(spec.at("/components/comp-" + n).toString()).isEqualTo("{\"executorLabel\":\"exec-" + n + "\",\"inputDefinitions\":"
          + "{\"parameters\":{\"uri\":{\"parameterType\":\"STRING\"}}},\"outputDefinitions\":{\"artifacts\":{\"artifact\":" + type + "}}}");
    }
    assertThat(spec.at("/deploymentSpec/executors/exec-importer").toString()).isEqualTo("{\"importer\":{\"artifactUri\":{\"constant\":"
        + "\"gs://ml-pipeline-playground/shakespeare1.txt\"},\"metadata\":{\"key\":\"value\"},\"typeSchema\":"
        + "{\"schemaTitle\":\"system.Dataset\",\"schemaVersion\":\"0.0.1\"}}}");
    assertThat(spec.at("/deploymentSpec/executors/exec-importer-2").toString()).isEqualTo("{\"importer\":{\"artifactUri\":"
        + "{\"runtimeParameter\":\"uri\"},\"reimport\":true,\"typeSchema\":{\"schemaTitle\":\"system.Dataset\",\"schemaVersion\":\"0.0.1\"}}}");
    assertThat(spec.at("/root/dag/tasks/train/inputs/artifacts/dataset").toString())
        .isEqualTo("{\"taskOutputArtifact\":{\"outputArtifactKey\":\"artifact\",\"producerTask\":\"importer\"}}");
    assertThat(spec.at("/root/dag/tasks/train/dependentTasks").toString()).isEqualTo("[\"importer\"]");
    Compile.validKfp2(yaml, "pipeline-with-importer.yaml");
  }

  /** pipeline_with_dynamic_importer_metadata.py in Java, its artifact's URI {@code %s}. */
  static final String DYNAMIC_METADATA = String.join("\n",
      "static final String DEFAULT_ARTIFACT_URI = \"%s\";",
      "static final String DEFAULT_IMAGE_URI = \"us-docker.pkg.dev/vertex-ai/prediction/tf2-gpu.2-5:latest\";",
      "@Pipeline(name = \"pipeline-with-importer\", formats = Format.KFP2)",
      "public static void p(@Default(\"default-name\") String name, @Default(\"1\") int int_input,",
      "    @Default(DEFAULT_ARTIFACT_URI) String pipeline_input_artifact_uri, @Default(DEFAULT_IMAGE_URI) String pipeline_input_image_uri) {",
      "  Dsl.importer(pipeline_input_artifact_uri, Dataset.class).reimport(false)",
      "      .metadata(Map.of(\"name\", List.of(name, \"alias-name\"), \"containerSpec\", Map.of(\"imageUri\", pipeline_input_image_uri)));",
      "  var makeNameOp = LibOps.echo(\"a-different-name\");",
      "  Dsl.importer(DEFAULT_ARTIFACT_URI, Dataset.class).reimport(false)",
      "      .metadata(Map.of(\"name\", \"prefix-\" + makeNameOp.output(),",
      "          \"list-of-data\", List.of(makeNameOp.output(), name, int_input),",
      "          makeNameOp.output(), makeNameOp.output(),",
      "          name, DEFAULT_IMAGE_URI,",
      "          \"containerSpec\", Map.of(\"imageUri\", DEFAULT_IMAGE_URI)));",
      "}");

  /**
   * Metadata naming values of the run (KFP's {@code pipeline_with_dynamic_importer_metadata.py}: a parameter, a task's
   * output as a value, a key and in an f-string, lists and maps of them) is written as KFP's compiler writes it: each
   * value an input of the importer, {@code metadata}, {@code metadata-2}, ..., and its placeholder in the executor's
   * metadata. It was {@code [kfp4j:BadSetting] metadata(...) of Dsl.importer takes Map.of(...) of constants}.
   */
  @Test
  void metadataNamingValuesOfTheRunIsWrittenAsKfpsCompilerWritesIt() {
    Compilation c = compile(new ArrayList<>(), pipeline(String.format(DYNAMIC_METADATA, "gs://ml-pipeline-playground/shakespeare1.txt")));
    assertThat(c).succeeded();
    String yaml = Compile.resource(c, "META-INF/kfp4j/kfp2/pipelines/pipeline-with-importer.yaml");
    JsonNode spec = Yaml.read(yaml);
    // KFP's test_data/sdk_compiled_pipelines/valid/pipeline_with_dynamic_importer_metadata.yaml (KFP 2.14's compiler)
    String p = "{{$.inputs.parameters['metadata%s']}}";
    assertThat(spec.at("/deploymentSpec/executors/exec-importer/importer/metadata")).isEqualTo(Yaml.read(
        "{containerSpec: {imageUri: \"" + String.format(p, "-2") + "\"}, name: [\"" + String.format(p, "") + "\", alias-name]}"));
    assertThat(spec.at("/deploymentSpec/executors/exec-importer-2/importer/metadata")).isEqualTo(Yaml.read("{containerSpec: {imageUri: "
        + "'us-docker.pkg.dev/vertex-ai/prediction/tf2-gpu.2-5:latest'}, list-of-data: [\"" + String.format(p, "") + "\", \""
        + String.format(p, "-2") + "\", \"" + String.format(p, "-3") + "\"], name: \"prefix-" + String.format(p, "") + "\", \""
        + String.format(p, "") + "\": \"" + String.format(p, "") + "\", \"" + String.format(p, "-2")
        + "\": 'us-docker.pkg.dev/vertex-ai/prediction/tf2-gpu.2-5:latest'}"));
    assertThat(spec.at("/root/dag/tasks/importer/inputs/parameters")).isEqualTo(Yaml.read("{metadata: {componentInputParameter: name}, "
        + "metadata-2: {componentInputParameter: pipeline_input_image_uri}, uri: {componentInputParameter: pipeline_input_artifact_uri}}"));
    assertThat(spec.at("/root/dag/tasks/importer-2/inputs/parameters")).isEqualTo(Yaml.read("{metadata: {taskOutputParameter: "
        + "{outputParameterKey: Output, producerTask: echo}}, metadata-2: {componentInputParameter: name}, metadata-3: "
        + "{componentInputParameter: int_input}, uri: {runtimeValue: {constant: 'gs://ml-pipeline-playground/shakespeare1.txt'}}}"));
    assertThat(spec.at("/root/dag/tasks/importer-2/dependentTasks").toString()).isEqualTo("[\"echo\"]");
    assertThat(spec.at("/components/comp-importer-2/inputDefinitions/parameters")).isEqualTo(Yaml.read("{metadata: {parameterType: STRING}, "
        + "metadata-2: {parameterType: STRING}, metadata-3: {parameterType: NUMBER_INTEGER}, uri: {parameterType: STRING}}"));
    Compile.validKfp2(yaml, "pipeline-with-importer.yaml");
  }

  /**
   * Run here, the importers' artifacts carry the metadata with the run's values in the placeholders' places (as text, a
   * placeholder being text: {@code int_input} is {@code '7'}, as the local runner reads KFP's own spec of this pipeline).
   */
  @Test
  void metadataNamingValuesOfTheRunHoldsThemWhenRun(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path data = java.nio.file.Files.writeString(dir.resolve("data.txt"), "to be");
    Compilation c = compile(new ArrayList<>(), pipeline(String.format(DYNAMIC_METADATA, data.toString())));
    assertThat(c).succeeded();
    Path classes = Compile.writeOutput(c, dir.resolve("classes"));
    dev.kfp4j.local.RunResult r;
    try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      r = dev.kfp4j.local.LocalRunner.builder().root(dir.resolve("run")).caching(false)
          .console(new java.io.PrintStream(java.io.OutputStream.nullOutputStream())).classLoader(loader).progress(false).summary(false).build()
          .run(dev.kfp4j.local.Workflow.parse(Compile.resource(c, "META-INF/kfp4j/kfp2/pipelines/pipeline-with-importer.yaml"), "p.yaml"),
              java.util.Map.of("name", "ada", "int_input", "7", "pipeline_input_artifact_uri", data.toString()));
    }
    assertThat(r.failedTask().map(t -> t.name() + ": " + t.message())).isEmpty();
    assertThat(Yaml.json().<JsonNode>valueToTree(r.task("importer").orElseThrow().outputArtifacts().get("artifact").metadata())).isEqualTo(Yaml.read(
        "{containerSpec: {imageUri: 'us-docker.pkg.dev/vertex-ai/prediction/tf2-gpu.2-5:latest'}, name: [ada, alias-name]}"));
    assertThat(Yaml.json().<JsonNode>valueToTree(r.task("importer-2").orElseThrow().outputArtifacts().get("artifact").metadata())).isEqualTo(Yaml.read(
        "{containerSpec: {imageUri: 'us-docker.pkg.dev/vertex-ai/prediction/tf2-gpu.2-5:latest'}, list-of-data: [a-different-name, ada, '7'], "
            + "name: prefix-a-different-name, a-different-name: a-different-name, ada: 'us-docker.pkg.dev/vertex-ai/prediction/tf2-gpu.2-5:latest'}"));
  }

  /** KFP's {@code importer(..., download_to_workspace=True)} in a pipeline with a workspace: the executor's {@code downloadToWorkspace}. */
  @Test
  void anImportIntoTheWorkspaceIsKfpsDownloadToWorkspace() {
    Compilation c = compile(new ArrayList<>(), pipeline(
        "@Pipeline(formats = Format.KFP2, workspaceSize = \"1Gi\") public static void p() {",
        "  LibOps.train(Dsl.importer(\"gs://b/x\", Dataset.class).downloadToWorkspace(true).artifact());",
        "}"));
    assertThat(c).succeeded();
    String yaml = Compile.resource(c, "META-INF/kfp4j/kfp2/pipelines/p.yaml");
    assertThat(Yaml.readAll(yaml).get(0).at("/deploymentSpec/executors/exec-importer/importer/downloadToWorkspace").asBoolean()).isTrue();
    Compile.validKfp2(yaml, "p.yaml");
  }

  @Test
  void anArtifactInputTakesAnyImportAndSettingsChain() {
    List<Pipeline> models = new ArrayList<>();
    assertThat(compile(models, pipeline("@Pipeline(formats = Format.KFP2) public static void p(String uri) {",
        "  var first = LibOps.echo(\"go\");",
        "  var model = Dsl.importer(uri, Model.class).displayName(\"load model\").caching(false).after(first);",
        "  LibOps.any(model.artifact());",
        "  LibOps.evaluate(model.artifact());",
        "  LibOps.readText(Dsl.importer(\"/data/train.csv\", Dataset.class).artifact());",
        "}"))).succeeded();
    ImporterStep model = (ImporterStep) models.get(0).node("importer").orElseThrow();
    assertThat(model.settings()).containsExactly(new TaskSetting.DisplayName("load model"), new RunSetting.Caching(false)).inOrder();
    assertThat(model.after()).containsExactly("echo");
    assertThat(models.get(0).node("importer-2")).isPresent();
  }

  @Test
  void anImporterInALoopImportsEachItemsUri() {
    List<Pipeline> models = new ArrayList<>();
    Compilation c = compile(models, pipeline("@Pipeline(formats = Format.KFP2) public static void p(List<String> uris) {",
        "  Dsl.forEach(uris, uri -> LibOps.train(Dsl.importer(uri, Dataset.class).artifact()));",
        "}"));
    assertThat(c).succeeded();
    assertThat(((ImporterStep) models.get(0).node("importer").orElseThrow()).uri()).isInstanceOf(Argument.LoopItem.class);
    String yaml = Compile.resource(c, "META-INF/kfp4j/kfp2/pipelines/p.yaml");
    assertThat(Yaml.read(yaml).at("/components/comp-for-loop-1/dag/tasks/importer/inputs/parameters/uri/componentInputParameter")
        .asString()).isEqualTo("pipelinechannel--uris-loop-item");
    Compile.validKfp2(yaml, "p.yaml");
  }

  static Stream<Arguments> misuses() {
    return Stream.of(
        Arguments.of("kfp4j:ImporterType", "Dsl.importer(\"gs://b/x\", TYPE)",
            new String[] {"static final Class<Dataset> TYPE = Dataset.class;",
                "@Pipeline(formats = Format.KFP2) public static void p() {",
                "  LibOps.train(Dsl.importer(\"gs://b/x\", TYPE).artifact());", "}"},
            "Dsl.importer(uri, type): the type must be a class literal of one of kfp4j's artifact types, Artifact.class, Dataset.class, "
                + "Model.class, Metrics.class, ClassificationMetrics.class, SlicedClassificationMetrics.class, HTML.class, Markdown.class, not 'TYPE'"),
        Arguments.of("kfp4j:ImporterType", "Mine.class",
            new String[] {"public static class Mine extends Artifact { Mine() { super(java.nio.file.Path.of(\"x\")); } }",
                "@Pipeline(formats = Format.KFP2) public static void p() {",
                "  LibOps.any(Dsl.importer(\"gs://b/x\", Mine.class).artifact());", "}"},
            "the type must be a class literal of one of kfp4j's artifact types"),
        Arguments.of("kfp4j:BadSetting", "first.artifact()))",
            new String[] {"@Pipeline(formats = Format.KFP2) public static void p() {",
                "  var first = Dsl.importer(\"gs://b/x\", Dataset.class);",
                "  LibOps.train(Dsl.importer(\"gs://b/y\", Dataset.class)", "      .metadata(Map.of(\"from\", first.artifact())).artifact());", "}"},
            "metadata(...) of Dsl.importer takes Map.of(...) whose keys and values are constants, pipeline parameters, value outputs of "
                + "tasks such as t.output(), loop items, texts joined from these with +, or List.of/Map.of of these, as KFP's "
                + "importer(metadata={...}); 'first.artifact()' is none of them: write metadata(Map.of(\"key\", value))"),
        Arguments.of("kfp4j:BadSetting", ".metadata(meta)",
            new String[] {"@Pipeline(formats = Format.KFP2) public static void p(Map<String, Integer> meta) {",
                "  LibOps.train(Dsl.importer(\"gs://b/x\", Dataset.class)", "      .metadata(meta).artifact());", "}"},
            "'meta' is none of them"),
        Arguments.of("kfp4j:BadSetting", ".reimport(again)",
            new String[] {"@Pipeline(formats = Format.KFP2) public static void p(boolean again) {",
                "  LibOps.train(Dsl.importer(\"gs://b/x\", Dataset.class)", "      .reimport(again).artifact());", "}"},
            "the argument of reimport(...) must be a constant"),
        Arguments.of("kfp4j:MissingWorkspace", "LibOps.train(Dsl.importer",
            new String[] {"@Pipeline(formats = Format.KFP2) public static void p() {",
                "  LibOps.train(Dsl.importer(\"gs://b/x\", Dataset.class)", "      .downloadToWorkspace(true).artifact());", "}"},
            "importer 'importer' downloads to the run's workspace (downloadToWorkspace(true)), which this pipeline does not have"),
        Arguments.of("kfp4j:BadSetting", ".cpuLimit(\"2\")",
            new String[] {"@Pipeline(formats = Format.KFP2) public static void p() {",
                "  LibOps.train(Dsl.importer(\"gs://b/x\", Dataset.class)", "      .cpuLimit(\"2\").artifact());", "}"},
            "cpuLimit(...) does not apply to an importer, which runs no container of its own"),
        Arguments.of("kfp4j:TypeMismatch", "LibOps.evaluate(data.artifact())",
            new String[] {"@Pipeline(formats = Format.KFP2) public static void p() {",
                "  var data = Dsl.importer(\"gs://b/x\", Dataset.class);", "  LibOps.evaluate(data.artifact());", "}"},
            "output 'artifact' of task 'importer' has type Dataset but input 'model' of 'evaluate' takes Model; pass an output of type Model"),
        Arguments.of("kfp4j:NotInKfp2", "LibOps.echo((String) (Object) data.artifact())",
            new String[] {"@Pipeline(formats = Format.KFP2) public static void p() {",
                "  var data = Dsl.importer(\"gs://b/x\", Dataset.class);", "  LibOps.echo((String) (Object) data.artifact());", "}"},
            "input 'text' of 'echo' takes a value, but output 'artifact' of 'importer' is a file"),
        Arguments.of("kfp4j:UnsupportedArgument", "\"\"",
            new String[] {"@Pipeline(formats = Format.KFP2) public static void p() {",
                "  LibOps.train(Dsl.importer(\"\", Dataset.class).artifact());", "}"},
            "Dsl.importer(uri, type): the URI is empty"),
        // KFP's backend reads the URI only from an input of the importer's DAG (importer_launcher.go, ImportSpecToMLMDArtifact)
        Arguments.of("kfp4j:UnsupportedArgument", "named.output()",
            new String[] {"@Pipeline(formats = Format.KFP2) public static void p() {", "  var named = LibOps.echo(\"gs://b/x\");",
                "  LibOps.train(Dsl.importer(", "      named.output(), Dataset.class).artifact());", "}"},
            "Dsl.importer(uri, type): the URI is the output 'Output' of 'echo', a task of its own group; KFP's backend reads an "
                + "importer's URI only from an input of its DAG"),
        Arguments.of("kfp4j:UnsupportedArgument", "named.output()",
            new String[] {"@Pipeline(formats = Format.KFP2) public static void p() {",
                "  var first = LibOps.echo(\"a\");", "  Dsl.when(Dsl.eq(first.output(), \"a\"), () -> {",
                "    var named = LibOps.echo(\"gs://b/x\");",
                "    LibOps.train(Dsl.importer(", "        named.output(), Dataset.class).artifact());", "  });", "}"},
            "the URI is the output 'Output' of 'echo-2', a task of its own group"),
        Arguments.of("kfp4j:NotInArgo", "Dsl.importer(\"gs://b/x\"",
            new String[] {"@Pipeline public static void p() {", "  LibOps.train(Dsl.importer(\"gs://b/x\", Dataset.class).artifact());",
                "}"},
            "Dsl.importer(...) imports an artifact, which only KFP 2 can: KFP v1's Argo workflow has no importer; write this pipeline "
                + "for KFP 2 only: @Pipeline(formats = Format.KFP2)"));
  }

  /** A task's output from outside the importer's condition comes in as an input of the condition's DAG, which KFP's backend reads. */
  @org.junit.jupiter.api.Test
  void aTaskOutputFromOutsideItsGroupIsAUri() {
    JavaFileObject source = pipeline("@Pipeline(formats = Format.KFP2) public static void p() {",
        "  var named = LibOps.echo(\"gs://b/x\");",
        "  Dsl.when(Dsl.eq(named.output(), \"gs://b/x\"), () -> LibOps.train(Dsl.importer(named.output(), Dataset.class).artifact()));",
        "}");
    assertThat(compile(null, source)).succeededWithoutWarnings();
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("misuses")
  void eachMisuseIsOneErrorOnItsExpression(String tag, String line, String[] body, String message) {
    JavaFileObject source = pipeline(body);
    Compilation c = compile(null, source);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[" + tag + "]").inFile(source).onLineContaining(line);
    assertThat(c).hadErrorContaining(message);
    assertThat(c).hadErrorCount(1);
  }
}
