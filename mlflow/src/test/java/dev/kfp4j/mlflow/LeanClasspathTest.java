package dev.kfp4j.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kfp4j.entrypoint.PyJson;
import dev.kfp4j.testing.server.FakeMlflowServer;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tracking steps run in a JVM whose class path is this module and kfp4j's entrypoint alone, as
 * its POM promises: no JSON library to load or set up at every tracked step's start.
 */
class LeanClasspathTest {
  private final FakeMlflowServer server = FakeMlflowServer.start();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    server.close();
  }

  /** {@code MlflowSteps ARGS} in a child JVM on the lean class path; its exit code, its output in {@code log}. */
  private int steps(Path log, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        where(MlflowSteps.class) + File.pathSeparator + where(PyJson.class), MlflowSteps.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    child.environment().put("MLFLOW_TRACKING_URI", server.uri().toString());
    return child.start().waitFor();
  }

  private static String where(Class<?> type) throws Exception {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }

  @Test
  void aRunIsStartedLoggedToAndEndedWithOnlyTheEntrypointOnTheClassPath() throws Exception {
    Path log = dir.resolve("log.txt");
    Path idFile = dir.resolve("run-id");
    assertEquals(0, steps(log, "mlflow-start-run", "--experiment", "churn", "--pipeline", "train", "--kubeflow-run-id", "k1",
        "--param", "epochs=20", "--run-id-file", idFile.toString()), () -> read(log));
    Path metrics = Files.writeString(dir.resolve("metrics.json"), "{\"metrics\": [{\"name\": \"f1\", \"numberValue\": 0.8}]}");
    assertEquals(0, steps(log, "mlflow-log-metrics", "--metrics", metrics.toString(), "--run-id", Files.readString(idFile)),
        () -> read(log));
    assertEquals(0, steps(log, "mlflow-end-run", "--experiment", "churn", "--kubeflow-run-id", "k1", "--status",
        "{\"state\": \"SUCCEEDED\"}"), () -> read(log));
    FakeMlflowServer.Run run = server.runs().get(0);
    assertEquals(Map.of("epochs", "20"), run.params());
    assertEquals(Map.of("f1", List.of(0.8)), run.metrics());
    assertEquals("FINISHED", run.status());
    assertEquals(List.of(), server.refused());
  }

  private static String read(Path log) {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }
}
