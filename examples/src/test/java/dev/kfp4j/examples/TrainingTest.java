package dev.kfp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.Workflow;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Parameter;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.Task;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ComponentYaml;
import dev.kfp4j.testing.Kfp2Schemas;
import dev.kfp4j.testing.Shared;
import dev.kfp4j.yaml.Yaml;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Java port of KFP 2.17's {@code train} component ({@code examples/.../kfp2/Training.java}),
 * run as KFP's launcher runs it (KFP 2's executor input) and as KFP v1 runs it (argparse), each
 * in a JVM of its own as in a container; and its KFP 2 form, against the one KFP 2.17 compiled.
 */
class TrainingTest {
  static final String ENTRYPOINT = "dev.kfp4j.examples.kfp2.TrainingEntrypoint";

  @TempDir Path dir;

  record Result(int code, String err) {}

  /** {@code java -cp <the test's class path> TrainingEntrypoint args...}, as a container runs it. */
  private static Result java(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), ENTRYPOINT));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(p.waitFor(), err);
  }

  private static void assumeShared() {
    boolean present;
    try {
      present = Shared.present() && Files.isDirectory(Shared.location().resolve("schemas/kfp-ir"));
    } catch (IllegalStateException e) {
      present = false;
    }
    Assumptions.assumeTrue(present, "needs ../shared (KFP's .proto files and KFP 2.17's files); set -Dkfp4j.shared");
  }

  /** The dataset make-data writes, where the launcher downloaded it. */
  private Path data() throws IOException {
    StringBuilder csv = new StringBuilder("x,y\n");
    for (int i = 0; i < 50; i++) {
      double x = i / 50.0;
      csv.append(x).append(',').append(3 * x + 2 + (i % 2 == 0 ? 0.1 : -0.1)).append('\n');
    }
    return Files.writeString(Files.createDirectories(dir.resolve("launcher/inputs")).resolve("data"), csv);
  }

  private static final String ROOT = "minio://mlpipeline/v2/artifacts/training/8c6e1d3e-run/";

  /**
   * The executor input KFP's launcher gives the {@code train} task ({@code {{$}}}): the parameter
   * as a JSON number, the artifacts with their {@code minio://} URIs and schema titles, where the
   * output parameter and the executor output go. The launcher keeps artifacts at the local path of
   * their URI ({@code /minio/...}); here each has a {@code customPath} in the test's folder, which
   * the launcher and the entrypoint both honour in its place.
   */
  private String executorInput(Path data, String epochs) {
    return """
        {"inputs": {
           "parameterValues": {"epochs": %s},
           "artifacts": {"data": {"artifacts": [{
             "name": "data", "uri": "%smake-data/41/data", "customPath": "%s",
             "type": {"schemaTitle": "system.Dataset", "schemaVersion": "0.0.1"}, "metadata": {"rows": 50}}]}}},
         "outputs": {
           "parameters": {"Output": {"outputFile": "%s"}},
           "artifacts": {
             "model": {"artifacts": [{"name": "model", "uri": "%strain/42/model", "customPath": "%s",
               "type": {"schemaTitle": "system.Model", "schemaVersion": "0.0.1"}}]},
             "metrics": {"artifacts": [{"name": "metrics", "uri": "%strain/42/metrics", "customPath": "%s",
               "type": {"schemaTitle": "system.Metrics", "schemaVersion": "0.0.1"}}]}},
           "outputFile": "%s"}}
        """.formatted(epochs, ROOT, data, dir.resolve("tmp/kfp/outputs/Output"), ROOT, dir.resolve("minio/model"), ROOT,
        dir.resolve("minio/metrics"), dir.resolve("tmp/kfp_outputs/output_metadata.json"));
  }

  @Test
  void theKfp2FormRunsAsKfpsLauncherRunsIt() throws Exception {
    assumeShared();
    String input = executorInput(data(), "200");
    Kfp2Schemas.parse(Kfp2Schemas.EXECUTOR_INPUT, input); // what the launcher sends, strictly
    Result r = java("train", "--executor_input", input);
    assertEquals(0, r.code(), r.err());

    String model = Files.readString(dir.resolve("minio/model"));
    assertTrue(model.matches("slope 2\\.9\\d*\nintercept 2\\.0\\d*\n"), model);
    double rmse = Double.parseDouble(Files.readString(dir.resolve("tmp/kfp/outputs/Output")));
    assertEquals(0.1, rmse, 0.005, "the data are 0.1 off the line");
    assertFalse(Files.exists(dir.resolve("minio/metrics")), "metrics are metadata only, as KFP's");

    String text = Files.readString(dir.resolve("tmp/kfp_outputs/output_metadata.json"));
    Kfp2Schemas.parse(Kfp2Schemas.EXECUTOR_OUTPUT, text); // what the launcher reads, strictly
    JsonNode out = Yaml.json().readTree(text);
    assertEquals(rmse, out.at("/parameterValues/Output").asDouble());
    JsonNode metrics = out.at("/artifacts/metrics/artifacts/0");
    assertEquals(ROOT + "train/42/metrics", metrics.get("uri").asString());
    assertEquals(rmse, metrics.at("/metadata/rmse").asDouble(), "the logged metric, where KFP's UI reads it");
    JsonNode trained = out.at("/artifacts/model/artifacts/0");
    assertEquals(ROOT + "train/42/model", trained.get("uri").asString());
    assertEquals("none", trained.at("/metadata/framework").asString());
    assertEquals(200, trained.at("/metadata/epochs").asInt());
  }

  /** KFP v1's form of the same component: artifacts are paths, and the results are the same. */
  @Test
  void theKfpV1FormRunsWithArgparseAndGivesTheSameResults() throws Exception {
    Path data = data();
    Path out = dir.resolve("v1");
    Result r = java("train", "--data", data.toString(), "--epochs", "200", "--model", out.resolve("model/data").toString(),
        "--metrics", out.resolve("metrics/data").toString(), "----output-paths", out.resolve("Output/data").toString());
    assertEquals(0, r.code(), r.err());
    String rmse = Files.readString(out.resolve("Output/data"));
    assertEquals("{\"rmse\": " + rmse + "}", Files.readString(out.resolve("metrics/data.metadata.json")));
    assertEquals("{\"epochs\": 200, \"framework\": \"none\"}", Files.readString(out.resolve("model/data.metadata.json")));

    Result v2 = java("train", "--executor_input", executorInput(data, "200"));
    assertEquals(0, v2.code(), v2.err());
    assertEquals(Files.readString(dir.resolve("minio/model")), Files.readString(out.resolve("model/data")));
    assertEquals(Files.readString(dir.resolve("tmp/kfp/outputs/Output")), rmse);
  }

  @Test
  void badExecutorInputIsExitTwoAndWritesNothing() throws Exception {
    Path data = data();
    Result wrongType = java("train", "--executor_input", executorInput(data, "\"many\""));
    assertEquals(2, wrongType.code(), wrongType.err());
    assertTrue(wrongType.err().startsWith("usage: " + ENTRYPOINT + " train [-h] --executor_input EXECUTOR_INPUT\n"), wrongType.err());
    assertTrue(wrongType.err().contains(ENTRYPOINT + " train: error: argument --executor_input: "
        + "inputs.parameterValues['epochs']: expected a number, found \"many\""), wrongType.err());

    Result missing = java("train", "--executor_input", executorInput(data, "null"));
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("error: argument --executor_input: the following are required: "
        + "inputs.parameterValues['epochs']"), missing.err());

    Result notJson = java("train", "--executor_input", "{{$}}");
    assertEquals(2, notJson.code());
    assertTrue(notJson.err().contains("error: argument --executor_input: not JSON: expected a property name in double quotes "
        + "at character 2"), notJson.err());
    assertFalse(Files.exists(dir.resolve("minio")) || Files.exists(dir.resolve("tmp")), "nothing written");
  }

  @Test
  void aFailedTrainingLeavesNoModelAndNoExecutorOutput() throws Exception {
    Path data = Files.writeString(Files.createDirectories(dir.resolve("launcher/inputs")).resolve("data"), "a,b\n1,2\n");
    Result r = java("train", "--executor_input", executorInput(data, "5"));
    assertEquals(1, r.code());
    assertTrue(r.err().contains("is not a CSV file with the header x,y"), r.err());
    assertEquals(List.of(), files(dir.resolve("minio")));
    assertEquals(List.of(), files(dir.resolve("tmp")), "no output file, no executor output");
  }

  /**
   * The KFP 2 form of the processor's component spec has the inputs and outputs KFP 2.17 gives
   * its {@code train}: the same names, parameter types and schema titles.
   */
  @Test
  void theKfp2FormHasTheInputsAndOutputsOfKfpsTrain() throws IOException {
    assumeShared();
    ClassLoader loader = getClass().getClassLoader();
    ComponentSpec makeData = ComponentYaml.readResource(loader, "META-INF/kfp4j/components/make-data.yaml");
    ComponentSpec train = ComponentYaml.readResource(loader, "META-INF/kfp4j/components/train.yaml");
    Pipeline pipeline = new Pipeline("train", null, List.of(new Parameter("epochs", ParameterType.INTEGER, null, null)),
        List.of(new Task("make-data", makeData, Map.of("rows", new Argument.Constant("50", ParameterType.INTEGER))),
            new Task("train", train, Map.of("data", new Argument.TaskOutput("make-data", "data"),
                "epochs", new Argument.PipelineParameter("epochs")))),
        null, PipelineSettings.DEFAULTS, null);
    String ours = Kfp2Writer.write(pipeline);
    Kfp2Schemas.assertValid(ours, "train pipeline");
    JsonNode kfp = Yaml.read(Files.readString(Shared.testdata("kfp-sdk-2.17.0/train_component.yaml")));
    JsonNode ourTrain = Yaml.read(ours).at("/components/comp-train");
    for (String part : List.of("inputDefinitions", "outputDefinitions")) {
      assertEquals(withoutDescriptions(kfp.at("/components/comp-train/" + part)), withoutDescriptions(ourTrain.get(part)), part);
    }
  }

  /** The definitions less their descriptions (ours come from Javadoc; KFP's train has none). */
  private static JsonNode withoutDescriptions(JsonNode definitions) {
    JsonNode copy = definitions.deepCopy();
    for (String kind : List.of("parameters", "artifacts")) {
      copy.path(kind).properties().forEach(e -> ((ObjectNode) e.getValue()).remove("description"));
    }
    return copy;
  }

  /** The example pipeline, make-data then train, run on this machine in its KFP v1 form. */
  @Test
  void theTrainingPipelineRunsLocally() {
    Workflow wf = Workflow.resource(getClass().getClassLoader(), "META-INF/kfp4j/pipelines/training.yaml");
    RunResult r = LocalRunner.builder().root(dir).caching(false)
        .console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).build()
        .run(wf, Map.of("rows", "100", "epochs", "300"));
    assertTrue(r.succeeded(), () -> "failed: " + r.failedTask());
    double rmse = Double.parseDouble(r.output("train", "Output"));
    assertTrue(rmse > 0.05 && rmse < 0.1, "the points are at most 0.1 off the line: " + rmse);
  }

  private static List<Path> files(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile).toList();
    }
  }
}
