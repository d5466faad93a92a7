package dev.kfp4j.local;

import static dev.kfp4j.local.LocalRunnerTest.DOUBLE;
import static dev.kfp4j.local.LocalRunnerTest.sh;
import static dev.kfp4j.local.LocalRunnerTest.task;
import static dev.kfp4j.local.LocalRunnerTest.workflow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.local.TaskResult.State;
import dev.kfp4j.yaml.Yaml;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A task whose folder cannot be made fails saying why, the folder and what stood in the way, in its result, in run.json and
 * on the console. Before, it failed with "kfp4j could not run it: java.io.UncheckedIOException: cannot prepare the task's
 * folder ...", the reason (a file in its place, no permission) lost. It failed in its first attempt: attempts 1 (it said 0).
 */
class TaskFolderErrorTest {
  @TempDir Path dir;

  @Test
  void aTaskWhoseFolderIsAFileFailsSayingSo() throws Exception {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    LocalRunner runner = LocalRunner.builder().root(dir.resolve("runs")).caching(false).progress(false).summary(true)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).build();
    // task a writes a file where task b's folder goes
    String spoil = "  - name: spoil\n    inputs: {parameters: [{name: x}]}\n    container:\n      image: a\n"
        + "      command: [sh, -c, 'echo in the way > ../b']\n";
    RunResult r = runner.run(workflow("inway", "", task("a", "spoil", "1") + task("b", "double", "2", "a"), spoil,
        sh("double", DOUBLE)), Map.of());
    assertFalse(r.succeeded());
    TaskResult b = r.task("b").orElseThrow();
    assertEquals(State.Failed, b.state());
    Path folder = r.runDir().resolve("b");
    String why = "cannot prepare its folder: " + folder + " is a file, not a folder";
    assertEquals(why, b.message());
    JsonNode recorded = Yaml.json().readTree(r.runDir().resolve("run.json").toFile()).path("tasks").path("b");
    assertEquals(why, recorded.path("message").asString());
    // its first attempt failed so, as run.json said while it ran (before: attempts 0, as if never tried)
    assertEquals(1, b.attempts());
    assertEquals(1, recorded.path("attempts").asInt());
    assertNull(b.log(), "no log.txt could be made in it: none shown");
    assertTrue(console.toString(StandardCharsets.UTF_8).contains("task 'b' failed: " + why), console.toString(StandardCharsets.UTF_8));
  }
}
