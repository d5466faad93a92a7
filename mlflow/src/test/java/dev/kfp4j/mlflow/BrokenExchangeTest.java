package dev.kfp4j.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tracking server that takes a request and closes the connection without an answer: the step and the upload said what
 * Java's HTTP client threw ({@code java.io.IOException: HTTP/1.1 header parser received no bytes}); now they say it in
 * words, as a component file's download does.
 */
class BrokenExchangeTest {
  @TempDir Path dir;

  @Test
  void aStepWhoseServerDropsTheConnectionSaysSoInWords() throws Exception {
    try (DroppingServer dropping = new DroppingServer(Integer.MAX_VALUE, 0, false)) {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int code = MlflowSteps.run(new String[] {"mlflow-start-run", "--tracking-uri", dropping.uri(),
          "--experiment", "churn", "--pipeline", "train", "--kubeflow-run-id", "k1", "--run-id-file",
          dir.resolve("run-id").toString()}, Map.of(Retries.MAX_RETRIES_ENV, "0")::get, new PrintStream(new ByteArrayOutputStream()),
          new PrintStream(err, true, StandardCharsets.UTF_8));
      assertEquals(1, code);
      assertEquals("mlflow: the call to the tracking server " + dropping.uri() + " failed: the server closed the connection"
          + " without an answer", err.toString(StandardCharsets.UTF_8).strip());
    }
  }

  @Test
  void anUploadWhoseServerDropsTheConnectionSaysSoInWords() throws Exception {
    Path report = Files.writeString(dir.resolve("report.txt"), "ok");
    try (DroppingServer dropping = new DroppingServer(Integer.MAX_VALUE, Long.MAX_VALUE, false)) {
      ArtifactStore store = new ArtifactStore(Servers.of(dropping.uri(), Map.of(Retries.MAX_RETRIES_ENV, "0")::get),
          "mlflow-artifacts:/1/r1/artifacts");
      IOException e = assertThrows(IOException.class, () -> store.upload(report, null));
      assertEquals("cannot upload artifact report.txt: the call to the tracking server " + dropping.uri() + " failed: the server"
          + " closed the connection without an answer", e.getMessage());
    }
  }
}
