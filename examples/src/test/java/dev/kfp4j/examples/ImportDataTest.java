package dev.kfp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.TaskResult;
import dev.kfp4j.local.Workflow;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code import-data} example ({@code ImportData}, KFP's {@code dsl.importer}) run locally from
 * its KFP 2 spec: the dataset a run names by URI is imported, a copy in the run, and both
 * consumers read it, one with the importer's metadata; the example's default URI, a bucket's,
 * fails the importer saying what to pass instead.
 */
class ImportDataTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  private RunResult run(Map<String, String> args) {
    Workflow wf = Workflow.resource(getClass().getClassLoader(), "META-INF/kfp4j/kfp2/pipelines/import-data.yaml");
    return LocalRunner.builder().root(dir.resolve("runs")).caching(false).summary(true)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).build().run(wf, args);
  }

  /** 40 points on the line y = 3x + 2. */
  private Path points() throws Exception {
    StringBuilder csv = new StringBuilder("x,y\n");
    for (int i = 0; i < 40; i++) {
      double x = i / 40.0;
      csv.append(String.format(Locale.ROOT, "%.6f,%.6f%n", x, 3 * x + 2));
    }
    return Files.writeString(dir.resolve("points.csv"), csv);
  }

  @Test
  void theDatasetARunNamesIsImportedAndItsConsumersReadIt() throws Exception {
    Path points = points();
    RunResult r = run(Map.of("dataUri", points.toUri().toString(), "epochs", "300"));
    assertTrue(r.succeeded(), () -> r.failedTask() + "\n" + console);
    assertEquals("40 points from the data warehouse", r.output("describe-data", "Output"), "the importer's metadata reached it");
    double rmse = Double.parseDouble(r.output("train", "Output"));
    assertTrue(rmse < 0.1, "the line fitted to the imported points: rmse " + rmse);
    TaskResult importer = r.task("importer").orElseThrow();
    assertEquals("system.Dataset", importer.outputArtifacts().get("artifact").type());
    assertEquals(Map.of("source", "the data warehouse"), importer.outputArtifacts().get("artifact").metadata());
    assertEquals(Files.readString(points), Files.readString(importer.outputArtifacts().get("artifact").path()));
    assertTrue(importer.outputArtifacts().get("artifact").path().startsWith(r.runDir()), "a copy in the run");
    assertTrue(Files.readString(r.runDir().resolve("run.json")).contains("\"importer\""), "in the run record as any task");
  }

  @Test
  void theDefaultBucketUriIsRefusedLocallySayingWhatToPass() {
    RunResult r = run(Map.of());
    assertFalse(r.succeeded());
    assertEquals("importer 'importer': the local runner reads only local files, and gs://my-bucket/datasets/points.csv is remote "
        + "(gs://); run the pipeline on a cluster, or pass a local path (file:///abs/path or /abs/path) as pipeline parameter 'dataUri'",
        r.task("importer").orElseThrow().message());
  }
}
