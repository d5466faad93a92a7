package dev.kfp4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.testing.server.FakeKfpServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code KFP4J_TOKEN}, bare or copied with its scheme ({@code Bearer abc}): the server gets {@code Bearer abc} either way. */
class TokenVariableTest {
  private static final String TOKEN = "kfp-t0ken-Zq81";

  @TempDir Path dir;

  @Test
  void aTokenWithItsSchemeIsSentOnceAndNeverPrinted() throws Exception {
    try (FakeKfpServer kfp = FakeKfpServer.start()) {
      kfp.requireBearer(TOKEN);
      for (String given : List.of(TOKEN, "Bearer " + TOKEN)) {
        ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), Kfp4j.class.getName(), "-v", "list-pipelines", "--host", kfp.uri().toString()))
            .directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().remove("IAP_CLIENT_ID");
        pb.environment().remove(ServiceAccountToken.PATH_ENV);
        pb.environment().put("KFP4J_TOKEN", given);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(Kfp4j.OK, p.exitValue(), given.replace(TOKEN, "***") + ": " + output);
        assertFalse(output.contains(TOKEN), output);
      }
    }
  }
}
