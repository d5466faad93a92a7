package dev.kfp4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.testing.server.FakeKfpServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -v} logs every request, as {@code kfp4j} runs in its own JVM, and never a credential. */
class VerboseLogTest {
  @Test
  void verboseLogsRequestsButNoCredential(@TempDir Path dir) throws Exception {
    try (FakeKfpServer kfp = FakeKfpServer.start()) {
      kfp.requireBearer("t0ken-s3cret-value");
      Path config = dir.resolve("kfp4j.yaml");
      Files.writeString(config, "host: " + kfp.uri() + "\nauth: {token: t0ken-s3cret-value, headers: {kubeflow-userid: me@example.com}}\n");
      Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), Kfp4j.class.getName(), "-v", "list-pipelines", "--config", config.toString()))
          .redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(60, TimeUnit.SECONDS));
      assertEquals(0, p.exitValue(), output);
      assertTrue(output.contains("GET /apis/v1beta1/pipelines -> 200"), output);
      assertFalse(output.contains("t0ken-s3cret-value"), output);
      assertFalse(output.contains("me@example.com"), output);
    }
  }
}
