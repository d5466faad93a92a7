package dev.kfp4j.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.cli.Kfp4j;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.testing.Kfp2Schemas;
import dev.kfp4j.testing.server.FakeMlflowServer;
import dev.kfp4j.tracking.MlflowTracking;
import dev.kfp4j.yaml.Yaml;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * A tracked project's pipelines ({@code example.Tracked}) run with {@code kfp4j run}, as Argo
 * workflows and as KFP 2 specs, and a config file naming the MLflow server: one MLflow run for
 * the pipeline run, tagged with the local run id, holding what the components logged and, without
 * code, the arguments and the metrics file, ended by the exit handler as the pipeline ended.
 */
class TrackedRunTest {
  private final FakeMlflowServer server = FakeMlflowServer.start();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    server.close();
  }

  private record Ran(int code, String out, String err) {
    /** The local run id: the run folder's name. */
    String runId() {
      return runDir().getFileName().toString();
    }

    Path runDir() {
      return Path.of(err.lines().filter(l -> l.startsWith("run folder: ")).findFirst().orElseThrow().substring(12));
    }
  }

  private Ran run(String config, String pipeline, String format, String... more) throws Exception {
    Path file = Files.writeString(dir.resolve("kfp4j.yaml"), config);
    List<String> args = new ArrayList<>(List.of("run", "--classes", "target/test-classes", "-p", pipeline, "--format", format,
        "--config", file.toString(), "--root", dir.resolve("runs").toString()));
    args.addAll(List.of(more));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Kfp4j.execute(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    return new Ran(code, out.toString(), err.toString());
  }

  private String config() {
    return "mlflow:\n  tracking_uri: " + server.uri() + "\n  experiment_name: churn\n";
  }

  @ParameterizedTest
  @ValueSource(strings = {"argo", "kfp2"})
  void aLocalRunLogsToOneMlflowRunTaggedWithTheLocalRunIdAndEndsItFinished(String format) throws Exception {
    Ran ran = run(config(), "tracked-training", format, "-a", "epochs=2");
    assertEquals(0, ran.code(), ran.out() + "\n" + ran.err());
    List<FakeMlflowServer.Run> runs = server.runs();
    assertEquals(1, runs.size(), "one MLflow run for the pipeline run");
    FakeMlflowServer.Run r = runs.get(0);
    assertEquals("churn", r.experiment());
    assertEquals(ran.runId(), r.tags().get(MlflowSteps.RUN_ID_TAG), "the local run id");
    assertEquals("tracked-training", r.tags().get(MlflowSteps.PIPELINE_TAG));
    assertEquals(Map.of("epochs", "2", "rate", "0.5", "limit", "1.0", "optimizer", "sgd"), r.params(),
        "the arguments, and the component's own");
    assertEquals(List.of(0.5, 0.25), r.metrics().get("loss"));
    assertEquals(List.of(0.25), r.metrics().get("final-loss"), "the metrics file, without code");
    assertEquals("final loss 0.25", new String(r.artifacts().get("reports/report.txt"), StandardCharsets.UTF_8));
    assertEquals("true", r.tags().get("checked"));
    assertEquals("FINISHED", r.status(), "the exit handler ended it: the pipeline succeeded");
    assertTrue(r.endTime() > 0, "with its end time");
    assertEquals(List.of(), server.refused());
  }

  /**
   * A workflow file with a key of its own that a workflow written again would lose ({@code spec.tolerations}, which
   * upload-pipeline refuses) runs tracked here, as it runs untracked: a run here reads it as a run reads it.
   */
  @Test
  void aWorkflowFileWithAKeyARunHereDoesNotUseRunsTrackedAsUntracked() throws Exception {
    String compiled = Files.readString(Path.of("target/test-classes/META-INF/kfp4j/pipelines/tracked-training.yaml"));
    assertTrue(compiled.contains("\nspec:\n"), compiled);
    Path file = Files.writeString(dir.resolve("tolerated.yaml"),
        compiled.replace("\nspec:\n", "\nspec:\n  tolerations:\n  - {key: gpu, operator: Exists}\n"));
    Ran ran = run(config(), file.toString(), "argo", "-a", "epochs=2");
    assertEquals(0, ran.code(), ran.out() + "\n" + ran.err());
    assertEquals("FINISHED", server.runs().get(0).status());
  }

  @ParameterizedTest
  @ValueSource(strings = {"argo", "kfp2"})
  void aFailedTaskEndsTheRunFailed(String format) throws Exception {
    Ran ran = run(config(), "tracked-training", format, "-a", "limit=0.1");
    assertNotEquals(0, ran.code(), "check failed: " + ran.err());
    FakeMlflowServer.Run r = server.runs().get(0);
    assertEquals("true", r.tags().get("checked"), "the failing task logged to the run");
    assertEquals("FAILED", r.status());
    assertEquals(List.of(), server.refused());
  }

  @ParameterizedTest
  @ValueSource(strings = {"argo", "kfp2"})
  void thePipelinesOwnExitTaskLogsToTheRunAndEndsIt(String format) throws Exception {
    Ran ran = run(config(), "tracked-with-exit", format);
    assertEquals(0, ran.code(), ran.out() + "\n" + ran.err());
    FakeMlflowServer.Run r = server.runs().get(0);
    assertEquals(ran.runId(), r.tags().get(MlflowSteps.RUN_ID_TAG));
    assertEquals("done true", r.tags().get("notified"), "the exit task saw the run's id");
    assertEquals(List.of(0.5, 0.25), r.metrics().get("loss"));
    assertEquals("FINISHED", r.status());
    assertEquals(List.of(), server.refused());
  }

  /** The outputs of tracked-outputs: of its second training, and what its loop collects. */
  private static final Map<String, Argument> OUTPUTS = Map.of("last", new Argument.TaskOutput("train-2", "Output"),
      "metrics", new Argument.TaskOutput("train-2", "mlpipeline_metrics"),
      "each", new Argument.Collected("for-loop-1", "train", "Output"));

  /**
   * Tracking puts the pipeline's body in an exit handler; in KFP 2 its outputs (a value, a file,
   * a collected list) then come through the exit handler's group, and the run goes on as without it.
   */
  @Test
  void aKfp2PipelineWithOutputsIsTrackedAndKeepsThemThroughTheExitHandler() throws Exception {
    Ran ran = run(config(), "tracked-outputs", "kfp2");
    assertEquals(0, ran.code(), ran.out() + "\n" + ran.err());
    assertEquals(1, server.runs().size());
    FakeMlflowServer.Run r = server.runs().get(0);
    assertEquals(ran.runId(), r.tags().get(MlflowSteps.RUN_ID_TAG));
    assertEquals(List.of(0.5, 0.25, 0.125), r.metrics().get("final-loss").stream().sorted(Comparator.reverseOrder()).toList(),
        "each task's metrics file, the loop's too");
    assertEquals("FINISHED", r.status());
    assertEquals(List.of(), server.refused());
    assertTrue(ran.out().contains("for-loop-1(1:2)/train = 0.25\n") && ran.out().contains("train-2 = 0.125\n"), ran.out());

    Path spec = ran.runDir().resolve("workflow.json");
    Pipeline ranSpec = Kfp2Reader.read(Files.readString(spec), spec.toString());
    assertEquals(MlflowTracking.END_RUN, ranSpec.exitTask().name());
    assertEquals(OUTPUTS, ranSpec.outputs(), "the outputs of the spec it ran, read back");
  }

  @Test
  void theTrackedKfp2SpecOfAPipelineWithOutputsParsesStrictly() {
    String file = "META-INF/kfp4j/kfp2/pipelines/tracked-outputs.yaml";
    Pipeline tracked = new MlflowTracking(server.uri().toString(), "churn").apply(Kfp2Reader.read(resource(file), file));
    String yaml = Kfp2Writer.write(tracked);
    assertEquals(List.of(), Kfp2Schemas.errors(yaml));
    JsonNode spec = Yaml.readAll(yaml).get(0);
    assertEquals("exit-handler-1", spec.at("/root/dag/outputs/parameters/last/valueFromParameter/producerSubtask").asString());
    assertEquals("train-2", spec.at("/components/comp-exit-handler-1/dag/outputs/parameters/pipelinechannel--train-2-Output"
        + "/valueFromParameter/producerSubtask").asString());
    assertEquals(OUTPUTS, Kfp2Reader.read(yaml, "tracked").outputs(), "read back as the model it was written from");
    assertEquals(yaml, Kfp2Writer.write(Kfp2Reader.read(yaml, "tracked")), "and written again the same");
  }

  private static String resource(String name) {
    try (var in = TrackedRunTest.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void withoutAnMlflowSectionNothingIsTracked() throws Exception {
    Ran ran = run("run_config:\n  experiment_name: churn\n", "tracked-training", "kfp2");
    assertEquals(0, ran.code(), ran.err());
    assertEquals(List.of(), server.requests());
  }
}
