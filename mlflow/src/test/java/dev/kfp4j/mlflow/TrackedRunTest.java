package dev.kfp4j.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.cli.Kfp4j;
import dev.kfp4j.testing.server.FakeMlflowServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
      String folder = err.lines().filter(l -> l.startsWith("run folder: ")).findFirst().orElseThrow().substring(12);
      return Path.of(folder).getFileName().toString();
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

  @Test
  void withoutAnMlflowSectionNothingIsTracked() throws Exception {
    Ran ran = run("run_config:\n  experiment_name: churn\n", "tracked-training", "kfp2");
    assertEquals(0, ran.code(), ran.err());
    assertEquals(List.of(), server.requests());
  }
}
