package dev.kfp4j.entrypoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.artifacts.Artifact;
import dev.kfp4j.artifacts.Dataset;
import dev.kfp4j.artifacts.Metrics;
import dev.kfp4j.artifacts.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * KFP 2's protocol, {@code <component> --executor_input <json>}, as KFP's launcher runs a
 * lightweight component: values from {@code inputs.parameterValues}, artifacts from {@code
 * inputs.artifacts}, returned values to their {@code outputFile}s and, with the output artifacts'
 * metadata, to the executor output at {@code outputs.outputFile}. Every path is inside a temporary
 * folder: artifact URIs here are plain paths (as {@code kfp.local} writes them), which are their
 * local paths.
 */
class ExecutorProtocolTest {
  @TempDir Path dir;

  /** {@code train(Dataset data, int epochs, @Out Model model, @Out Metrics metrics) -> double}, as KFP's example. */
  static final Signature TRAIN = new Signature("train", "Trains.")
      .inputArtifact("data", true).value("epochs").outputArtifact("model").outputArtifact("metrics").output("Output");

  private final List<Object> seen = new ArrayList<>();

  private final Entrypoint.Handler train = in -> {
    Dataset data = in.artifact("data", Dataset.class);
    int epochs = in.intValue("epochs");
    Model model = in.outputArtifact("model", Model.class);
    Metrics metrics = in.outputArtifact("metrics", Metrics.class);
    seen.add(data);
    seen.add(epochs);
    Files.writeString(model.path(), "weights of " + Files.readString(data.path()).strip() + " after " + epochs);
    model.metadata().put("framework", "none");
    metrics.log("rmse", 0.25);
    in.output("Output", 0.25);
  };

  private Path data;
  private Path outputs;

  private String executorInput(String parameterValues) throws IOException {
    data = Files.writeString(Files.createDirectories(dir.resolve("in")).resolve("data"), "1,2,3");
    outputs = dir.resolve("outputs");
    return """
        {"inputs": {"parameterValues": %s,
                    "artifacts": {"data": {"artifacts": [{"name": "data", "uri": "%s",
                        "type": {"schemaTitle": "system.Dataset", "schemaVersion": "0.0.1"}, "metadata": {"rows": 3}}]}}},
         "outputs": {"parameters": {"Output": {"outputFile": "%s"}},
                     "artifacts": {
                       "model": {"artifacts": [{"name": "model", "uri": "%s", "type": {"schemaTitle": "system.Model"}}]},
                       "metrics": {"artifacts": [{"name": "metrics", "uri": "%s", "type": {"schemaTitle": "system.Metrics"}}]}},
                     "outputFile": "%s"}}
        """.formatted(parameterValues, data, outputs.resolve("Output"), outputs.resolve("model"), outputs.resolve("metrics"),
        outputs.resolve("executor_output.json"));
  }

  private Run run(Entrypoint.Handler handler, String json) {
    return Run.of(handler, TRAIN, "train", "--executor_input", json);
  }

  @Test
  void readsInputsAndWritesOutputsWhereKfpsLauncherLooks() throws IOException {
    Run r = run(train, executorInput("{\"epochs\": 5}"));
    assertEquals(0, r.code(), r.err());
    Dataset given = (Dataset) seen.get(0);
    assertEquals("data", given.name());
    assertEquals(data.toString(), given.uri());
    assertEquals(data, given.path());
    assertEquals(Map.of("rows", 3), given.metadata());
    assertEquals(5, seen.get(1));
    assertEquals("weights of 1,2,3 after 5", Files.readString(outputs.resolve("model")));
    assertEquals("0.25", Files.readString(outputs.resolve("Output")));
    assertFalse(Files.exists(outputs.resolve("metrics")), "a metrics artifact is metadata only: no file, as KFP");
    Map<?, ?> out = (Map<?, ?>) JsonText.parse(Files.readString(outputs.resolve("executor_output.json")));
    assertEquals(Map.of("Output", 0.25), out.get("parameterValues"));
    Map<?, ?> artifacts = (Map<?, ?>) out.get("artifacts");
    assertEquals(Map.of("artifacts", List.of(Map.of("name", "metrics", "uri", outputs.resolve("metrics").toString(),
        "metadata", Map.of("rmse", 0.25)))), artifacts.get("metrics"));
    assertEquals(Map.of("artifacts", List.of(Map.of("name", "model", "uri", outputs.resolve("model").toString(),
        "metadata", Map.of("framework", "none")))), artifacts.get("model"));
    assertEquals(List.of(outputs.resolve("Output"), outputs.resolve("executor_output.json"), outputs.resolve("model")),
        list(outputs), "no staging file left");
  }

  /** With log publishing on, KFP's driver adds an output artifact for the launcher's log: not the component's. */
  @Test
  void theLaunchersLogArtifactIsLeftToTheLauncher() throws IOException {
    String json = executorInput("{\"epochs\": 5}").replace("\"artifacts\": {\n", "\"artifacts\": {\n"
        + "\"executor-logs\": {\"artifacts\": [{\"name\": \"executor-logs\", \"uri\": \"" + outputs.resolve("executor-logs")
        + "\", \"type\": {\"schemaTitle\": \"system.Artifact\"}}]},\n");
    assertTrue(json.contains("executor-logs"), json);
    Run r = run(train, json);
    assertEquals(0, r.code(), r.err());
    assertFalse(Files.exists(outputs.resolve("executor-logs")));
    assertFalse(Files.readString(outputs.resolve("executor_output.json")).contains("executor-logs"));
  }

  @Test
  void theExecutorInputMayComeAfterAnEqualsSign() throws IOException {
    Run r = Run.of(train, TRAIN, "train", "--executor_input=" + executorInput("{\"epochs\": 5}"));
    assertEquals(0, r.code(), r.err());
  }

  /** KFP 2 keeps numbers as protobuf doubles: 5.0 is the integer 5. */
  @Test
  void aWholeNumberWithAFractionIsAnInteger() throws IOException {
    Run r = run(train, executorInput("{\"epochs\": 5.0}"));
    assertEquals(0, r.code(), r.err());
    assertEquals(5, seen.get(1));
  }

  @Test
  void everyParameterTypeReadsItsJsonValue() throws IOException {
    Signature all = new Signature("all", "").value("i").value("l").value("d").value("f").value("b").value("s").value("list")
        .value("map").value("e").optionalValue("dflt", "7").optionalValue("absent", null);
    Entrypoint.Handler handler = in -> {
      seen.add(in.intValue("i"));
      seen.add(in.longValue("l"));
      seen.add(in.doubleValue("d"));
      seen.add(in.floatValue("f"));
      seen.add(in.booleanValue("b"));
      seen.add(in.string("s"));
      seen.add(in.json("list", new TypeToken<List<Integer>>() {}.type()));
      seen.add(in.json("map", new TypeToken<Map<String, List<String>>>() {}.type()));
      seen.add(in.enumValue("e", java.time.DayOfWeek.class));
      seen.add(in.intValue("dflt"));
      seen.add(in.has("absent"));
    };
    String json = """
        {"inputs": {"parameterValues": {"i": -3, "l": 12345678901, "d": 0.5, "f": 1.5, "b": true, "s": "text",
            "list": [1, 2], "map": {"k": ["v"]}, "e": "MONDAY", "absent": null}},
         "outputs": {"outputFile": "%s"}}""".formatted(dir.resolve("out/executor_output.json"));
    Run r = Run.of(handler, all, "all", "--executor_input", json);
    assertEquals(0, r.code(), r.err());
    assertEquals(List.of(-3, 12345678901L, 0.5, 1.5f, true, "text", List.of(1, 2), Map.of("k", List.of("v")),
        java.time.DayOfWeek.MONDAY, 7, false), seen);
    assertEquals("{}", Files.readString(dir.resolve("out/executor_output.json")), "nothing to report, as KFP writes it");
  }

  @Test
  void aValueOfTheWrongTypeIsExitTwoNamingTheField() throws IOException {
    Run r = run(train, executorInput("{\"epochs\": \"five\"}"));
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("usage: Test train [-h] --executor_input EXECUTOR_INPUT\n"), r.err());
    assertTrue(r.err().contains("Test train: error: argument --executor_input: inputs.parameterValues['epochs']: "
        + "expected a number, found \"five\""), r.err());
    assertNothingWritten();
  }

  @Test
  void aFractionForAnIntegerIsExitTwo() throws IOException {
    Run r = run(train, executorInput("{\"epochs\": 5.5}"));
    assertEquals(2, r.code());
    assertTrue(r.err().contains("inputs.parameterValues['epochs']: expected a whole number, found 5.5"), r.err());
  }

  @Test
  void aMissingParameterIsExitTwoBeforeTheComponentRuns() throws IOException {
    Run r = run(train, executorInput("{}"));
    assertEquals(2, r.code());
    assertTrue(r.err().contains("error: argument --executor_input: the following are required: inputs.parameterValues['epochs']"),
        r.err());
    assertEquals(List.of(), seen, "the component did not run");
    assertNothingWritten();
  }

  /**
   * KFP's driver puts every input of the task in the executor input, also those KFP's compiler gives the task beyond its
   * component's for an f-string argument or a resource setting from a channel ({@code pipelinechannel--name}, {@code
   * cpu_limit}): the component runs without them, as KFP's Python executor does; found running specs with {@code
   * kfp.local}, which passes them as KFP's driver does.
   */
  @Test
  void theTasksOwnInputsAreLeftAlone() throws IOException {
    Run r = run(train, executorInput("{\"epochs\": 5, \"pipelinechannel--name\": \"Ada\", \"cpu_limit\": \"{{$.inputs."
        + "parameters['pipelinechannel--generate-resource-request-cpu']}}\", \"pipelinechannel--generate-resource-request-cpu\": "
        + "\"1\", \"model\": \"an output's name\"}"));
    assertEquals(0, r.code(), r.err());
    assertEquals(5, seen.get(1));
    assertEquals("0.25", Files.readString(outputs.resolve("Output")));
  }

  @Test
  void anArtifactGivenAsAParameterIsExitTwo() throws IOException {
    Run r = run(train, executorInput("{\"epochs\": 5, \"data\": \"x\"}"));
    assertEquals(2, r.code());
    assertTrue(r.err().contains("inputs.parameterValues['data']: 'data' is a file or artifact input of component 'train'; "
        + "it comes in inputs.artifacts"), r.err());
  }

  @Test
  void textThatIsNotJsonIsExitTwo() {
    Run r = run(train, "{inputs: 1}");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("error: argument --executor_input: not JSON: expected a property name in double quotes at "
        + "character 2"), r.err());
  }

  @Test
  void missingOutputPlacesAreListedTogether() {
    Run r = run(train, "{\"inputs\": {\"parameterValues\": {\"epochs\": 1}, \"artifacts\": {\"data\": {\"artifacts\": "
        + "[{\"uri\": \"/nowhere\"}]}}}}");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("the following are required: outputs.artifacts['model'], outputs.artifacts['metrics'], "
        + "outputs.parameters['Output'].outputFile, outputs.outputFile"), r.err());
  }

  @Test
  void aWrongShapeIsExitTwoNamingTheField() {
    Run r = run(train, "{\"inputs\": {\"parameterValues\": [1]}}");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("argument --executor_input: inputs.parameterValues is not a JSON object but a JSON array"),
        r.err());
  }

  /**
   * The arguments no flag takes are listed by their flags, their values hidden: "unrecognized arguments: --pasword hunter2"
   * printed a password given to a flag misspelled, or given without its flag, into the container's log.
   */
  @Test
  void unrecognizedArgumentsAreListedWithoutTheirValues() throws IOException {
    Run v1 = Run.of(train, TRAIN, "train", "--data", "d", "--epochs", "5", "--pasword", "hunter2", "--token=hunter3", "hunter4");
    assertEquals(2, v1.code());
    assertTrue(v1.err().startsWith("usage: Test train [-h] "), v1.err());
    assertTrue(v1.err().endsWith("error: unrecognized arguments: --pasword *** --token=*** ***\n"), v1.err());
    Run kfp2 = Run.of(train, TRAIN, "train", "--executor_input", executorInput("{\"epochs\": 5}"), "hunter2", "--key=hunter3");
    assertEquals(2, kfp2.code());
    assertTrue(kfp2.err().endsWith("error: unrecognized arguments: *** --key=*** (KFP 2's executor input carries every input)\n"),
        kfp2.err());
    for (Run r : List.of(v1, kfp2)) {
      assertFalse(r.err().contains("hunter") || r.out().contains("hunter"), r.err());
    }
  }

  @Test
  void argumentsBesideTheExecutorInputAreExitTwo() throws IOException {
    Run r = Run.of(train, TRAIN, "train", "--executor_input", executorInput("{\"epochs\": 5}"), "--epochs", "6");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("error: unrecognized arguments: --epochs *** (KFP 2's executor input carries every input)"), r.err());
    Run none = Run.of(train, TRAIN, "train", "--executor_input");
    assertEquals(2, none.code());
    assertTrue(none.err().contains("error: argument --executor_input: expected one argument"), none.err());
  }

  @Test
  void aFailedComponentLeavesNoOutputAndNoExecutorOutput() throws IOException {
    Entrypoint.Handler fails = in -> {
      Files.writeString(in.outputArtifact("model", Model.class).path(), "half of it");
      in.outputArtifact("metrics", Metrics.class).log("rmse", 1);
      in.output("Output", 1.0);
      throw new IllegalStateException("failing on purpose");
    };
    Run r = run(fails, executorInput("{\"epochs\": 5}"));
    assertEquals(1, r.code());
    assertTrue(r.err().contains("failing on purpose"), r.err());
    assertNothingWritten();
  }

  @Test
  void aReturnedNanIsAFailureNotAnExecutorOutputKfpCannotRead() throws IOException {
    Entrypoint.Handler nan = in -> {
      in.outputArtifact("model", Model.class);
      in.outputArtifact("metrics", Metrics.class);
      in.output("Output", Double.NaN);
    };
    Run r = run(nan, executorInput("{\"epochs\": 5}"));
    assertEquals(1, r.code());
    assertTrue(r.err().contains("output 'Output' of component 'train' is NaN, which KFP 2 cannot pass"), r.err());
    assertNothingWritten();
  }

  @Test
  void nanInMetadataIsAFailureNamingTheKey() throws IOException {
    Entrypoint.Handler nan = in -> {
      in.outputArtifact("model", Model.class).metadata().put("scores", List.of(1.0, Double.POSITIVE_INFINITY));
      in.outputArtifact("metrics", Metrics.class);
      in.output("Output", 1.0);
    };
    Run r = run(nan, executorInput("{\"epochs\": 5}"));
    assertEquals(1, r.code());
    assertTrue(r.err().contains("the metadata of output artifact 'model' at scores[1] is Infinity"), r.err());
    assertNothingWritten();
  }

  @Test
  void anInputArtifactsMetadataIsReadOnly() throws IOException {
    Entrypoint.Handler writes = in -> in.artifact("data", Dataset.class).metadata().put("x", 1);
    Run r = run(writes, executorInput("{\"epochs\": 5}"));
    assertEquals(1, r.code());
    assertTrue(r.err().contains("UnsupportedOperationException"), r.err());
  }

  /** An {@code Artifact} parameter given a {@code system.Metrics} gets a {@code Metrics}, as KFP's executor makes it. */
  @Test
  void anArtifactIsOfTheKindItsSchemaTitleNames() throws IOException {
    Signature any = new Signature("any", "").inputArtifact("a", true).inputArtifact("b", true);
    Entrypoint.Handler handler = in -> {
      seen.add(in.artifact("a", Artifact.class));
      seen.add(in.artifact("b", Dataset.class));
    };
    String json = """
        {"inputs": {"artifacts": {
            "a": {"artifacts": [{"uri": "/a", "type": {"schemaTitle": "system.Metrics"}, "metadata": {"acc": 0.5}}]},
            "b": {"artifacts": [{"uri": "/b", "type": {"schemaTitle": "system.Artifact"}}]}}},
         "outputs": {"outputFile": "%s"}}""".formatted(dir.resolve("executor_output.json"));
    Run r = Run.of(handler, any, "any", "--executor_input", json);
    assertEquals(0, r.code(), r.err());
    assertEquals(Metrics.class, seen.get(0).getClass());
    assertEquals(Map.of("acc", 0.5), ((Metrics) seen.get(0)).metadata());
    assertEquals(Dataset.class, seen.get(1).getClass(), "a system.Artifact given to a Dataset input is a Dataset");
  }

  @Test
  void anInputPathIsTheArtifactsLocalPath() throws IOException {
    Signature file = new Signature("file", "").inputPath("text", true).outputPath("copy");
    Entrypoint.Handler handler = in -> Files.copy(in.path("text"), in.outputPath("copy"));
    Path text = Files.writeString(dir.resolve("text.txt"), "hello");
    String json = """
        {"inputs": {"artifacts": {"text": {"artifacts": [{"uri": "%s"}]}}},
         "outputs": {"artifacts": {"copy": {"artifacts": [{"name": "copy", "uri": "%s", "metadata": {"kept": true}}]}},
                     "outputFile": "%s"}}""".formatted(text.toUri(), dir.resolve("out/copy"), dir.resolve("out/executor_output.json"));
    Run r = Run.of(handler, file, "file", "--executor_input", json);
    assertEquals(0, r.code(), r.err());
    assertEquals("hello", Files.readString(dir.resolve("out/copy")));
    assertEquals("{\"artifacts\": {\"copy\": {\"artifacts\": [{\"metadata\": {\"kept\": true}, \"name\": \"copy\", \"uri\": \""
        + dir.resolve("out/copy") + "\"}]}}}", Files.readString(dir.resolve("out/executor_output.json")));
  }

  /**
   * A file output of a parameter type, {@code @OutputPath("String") Path key} (KFP's {@code OutputPath(str)}), is an
   * output parameter in KFP 2's spec: the executor input gives its {@code outputFile}, which the method writes, and
   * KFP's launcher reads the value from; it is no returned value in the executor output.
   */
  @Test
  void aFileOutputOfAParameterTypeIsWrittenToItsOutputFile() throws IOException {
    Signature key = new Signature("key", "").value("text").outputPath("key").output("Output");
    Entrypoint.Handler handler = in -> {
      Files.writeString(in.outputPath("key"), in.string("text"));
      in.output("Output", 3);
    };
    String json = """
        {"inputs": {"parameterValues": {"text": "Got tails!"}},
         "outputs": {"parameters": {"key": {"outputFile": "%s"}, "Output": {"outputFile": "%s"}},
                     "outputFile": "%s"}}""".formatted(dir.resolve("out/key"), dir.resolve("out/Output"),
        dir.resolve("out/executor_output.json"));
    Run r = Run.of(handler, key, "key", "--executor_input", json);
    assertEquals(0, r.code(), r.err());
    assertEquals("Got tails!", Files.readString(dir.resolve("out/key")));
    assertEquals("3", Files.readString(dir.resolve("out/Output")));
    assertEquals("{\"parameterValues\": {\"Output\": 3}}", Files.readString(dir.resolve("out/executor_output.json")));
  }

  @Test
  void anInputWhoseUriHasNoLocalPathIsExitTwoWhenItsPathIsNeeded() throws IOException {
    Signature file = new Signature("file", "").inputPath("text", true);
    String json = """
        {"inputs": {"artifacts": {"text": {"artifacts": [{"uri": "https://example.com/text"}]}}},
         "outputs": {"outputFile": "%s"}}""".formatted(dir.resolve("executor_output.json"));
    Run r = Run.of(in -> in.path("text"), file, "file", "--executor_input", json);
    assertEquals(2, r.code());
    assertTrue(r.err().contains("inputs.artifacts['text']: URI 'https://example.com/text' has no local path"), r.err());
    Run artifact = Run.of(in -> seen.add(in.artifact("text", Artifact.class)), file, "file", "--executor_input", json);
    assertEquals(0, artifact.code(), "an artifact's URI alone may be all the component needs");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> ((Artifact) seen.get(0)).path());
    assertTrue(e.getMessage().contains("has no local path"), e.getMessage());
  }

  @Test
  void helpShowsBothProtocols() {
    Run r = Run.of(train, TRAIN, "train", "-h");
    assertEquals(0, r.code());
    assertTrue(r.out().startsWith("usage: Test train [-h] --data DATA --epochs EPOCHS --model MODEL --metrics METRICS "
        + "----output-paths OUTPUT\n       Test train [-h] --executor_input EXECUTOR_INPUT\n"), r.out());
  }

  private void assertNothingWritten() throws IOException {
    if (Files.exists(outputs)) {
      assertEquals(List.of(), list(outputs), "no output, no executor output, no staging file");
    }
  }

  private static List<Path> list(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.sorted().toList();
    }
  }
}
