package dev.kfp4j.local;

import static dev.kfp4j.local.LocalRunnerTest.task;
import static dev.kfp4j.local.LocalRunnerTest.workflow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.local.TaskResult.State;
import dev.kfp4j.yaml.Yaml;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A task whose cache entry lost a file: it was a miss, and the task ran again, where KFP 2's driver fails a task whose cached
 * execution's outputs it cannot collect and never runs it ({@code reuseCachedOutputs}, {@code backend/src/v2/driver/cache.go});
 * a task whose cached outputs could not be written showed {@code millis} 0 and no log, as a task reused does. Now the task
 * fails, not run, with the time spent restoring, and a log saying why, in its result, run.json and the journal; the entry is
 * removed, so the next run runs the task afresh.
 */
class CacheRestoreFailureTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  private RunResult run() {
    String t = "  - name: big\n    inputs: {parameters: [{name: x}]}\n    outputs: {artifacts: [{name: d, path: /tmp/d, archive: {none: {}}}]}\n"
        + "    container:\n      image: a\n      command: [sh, -c, 'echo x >> " + dir.resolve("count") + "; mkdir -p /tmp/d; "
        + "head -c 16777216 /dev/zero > /tmp/d/a; echo b > /tmp/d/b']\n";
    return LocalRunner.builder().root(dir.resolve("runs")).progress(false).summary(true)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).build()
        .run(workflow("restored", "", task("big", "big", "1"), t), Map.of());
  }

  @Test
  void aCachedTaskWhoseEntryLostAFileFailsWithItsTimeAndALogSayingWhy() throws Exception {
    assertTrue(run().succeeded(), console.toString());
    Path entry;
    try (Stream<Path> entries = Files.list(dir.resolve("runs/.cache"))) {
      entry = entries.filter(p -> !p.getFileName().toString().startsWith(".")).findFirst().orElseThrow();
    }
    Files.delete(entry.resolve("artifacts/d/b")); // after 16 MiB of a: restoring it takes time

    RunResult r = run();
    TaskResult t = r.task("big").orElseThrow();
    String why = "cannot reuse its cached outputs: the cache entry " + entry + " is damaged (" + entry.resolve("artifacts/d/b")
        + ": no such file or folder); it was removed, and the next run runs the task afresh";
    assertEquals(State.Failed, t.state(), console.toString());
    assertEquals(why, t.message());
    assertEquals(1, Files.readAllLines(dir.resolve("count")).size(), "not run");
    assertEquals(0, t.attempts());
    assertTrue(t.millis() > 0, "the time spent (was 0): " + t.millis());
    Path log = r.runDir().resolve("big/log.txt");
    assertEquals(log, t.log(), "its log (was none)");
    assertEquals("kfp4j: " + why + "\n", Files.readString(log));
    assertFalse(Files.exists(r.runDir().resolve("big/outputs")), "nothing half-restored is left");
    assertFalse(Files.exists(entry), "the entry is removed");

    JsonNode recorded = Yaml.json().readTree(r.runDir().resolve("run.json").toFile()).path("tasks").path("big");
    assertEquals(t.millis(), recorded.path("millis").asLong(), "run.json says it");
    JsonNode journaled = Journal.read(r.runDir()).stream().filter(e -> e.has("task") && e.path("id").asString().equals("big"))
        .findFirst().orElseThrow().path("task");
    assertEquals(t.millis(), journaled.path("millis").asLong(), "the journal says it");
    assertTrue(console.toString().contains("  log: " + log + "\n"), console.toString());

    assertEquals(State.Succeeded, run().task("big").orElseThrow().state(), "the next run runs it afresh");
    assertEquals(2, Files.readAllLines(dir.resolve("count")).size());
  }
}
