package dev.kfp4j.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kfp4j.cli.Kfp4j;
import dev.kfp4j.testing.server.FakeMlflowServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tracked project's pipeline ({@code example.Tracked}) run with {@code kfp4j run} and a config
 * file naming the MLflow server: one MLflow run for the pipeline run, tagged with the local run
 * id, holding what the component logged and, without code, the arguments and the metrics file.
 */
class TrackedRunTest {
  private final FakeMlflowServer server = FakeMlflowServer.start();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    server.close();
  }

  private String[] run(String config, String... more) throws Exception {
    Path file = Files.writeString(dir.resolve("kfp4j.yaml"), config);
    List<String> args = new java.util.ArrayList<>(List.of("run", "--classes", "target/test-classes", "-p", "tracked-training",
        "--config", file.toString(), "--root", dir.resolve("runs").toString()));
    args.addAll(List.of(more));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Kfp4j.execute(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    assertEquals(0, code, out + "\n" + err);
    return new String[] {out.toString(), err.toString()};
  }

  @Test
  void aLocalRunLogsToOneMlflowRunTaggedWithTheLocalRunId() throws Exception {
    String err = run("mlflow:\n  tracking_uri: " + server.uri() + "\n  experiment_name: churn\n", "-a", "epochs=2")[1];
    List<FakeMlflowServer.Run> runs = server.runs();
    assertEquals(1, runs.size(), "one MLflow run for the pipeline run");
    FakeMlflowServer.Run r = runs.get(0);
    assertEquals("churn", r.experiment());
    String runFolder = err.lines().filter(l -> l.startsWith("run folder: ")).findFirst().orElseThrow().substring(12);
    assertEquals(Path.of(runFolder).getFileName().toString(), r.tags().get(MlflowSteps.RUN_ID_TAG), "the local run id");
    assertEquals("tracked-training", r.tags().get(MlflowSteps.PIPELINE_TAG));
    assertEquals(Map.of("epochs", "2", "rate", "0.5", "optimizer", "sgd"), r.params(), "the arguments, and the component's own");
    assertEquals(List.of(0.5, 0.25), r.metrics().get("loss"));
    assertEquals(List.of(0.25), r.metrics().get("final-loss"), "the metrics file, without code");
    assertEquals("final loss 0.25", new String(r.artifacts().get("reports/report.txt"), StandardCharsets.UTF_8));
    assertEquals(List.of(), server.refused());
  }

  @Test
  void withoutAnMlflowSectionNothingIsTracked() throws Exception {
    run("run_config:\n  experiment_name: churn\n");
    assertEquals(List.of(), server.requests());
  }
}
