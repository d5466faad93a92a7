package dev.kfp4j.local;

import static dev.kfp4j.local.LocalRunnerTest.task;
import static dev.kfp4j.local.LocalRunnerTest.workflow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.local.TaskResult.State;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task whose cache entry lost a file is a miss: the entry is removed and the task runs afresh, storing a whole entry again.
 * Its log begins with why it ran (before, nothing said so: a user saw a task that should have been reused run again).
 */
class DamagedCacheEntryTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  private RunResult run() {
    String t = "  - name: big\n    inputs: {parameters: [{name: x}]}\n    outputs: {artifacts: [{name: d, path: /tmp/d, archive: {none: {}}}]}\n"
        + "    container:\n      image: a\n      command: [sh, -c, 'echo x >> " + dir.resolve("count") + "; mkdir -p /tmp/d; "
        + "echo a > /tmp/d/a; echo ran; echo b > /tmp/d/b']\n";
    return LocalRunner.builder().root(dir.resolve("runs")).progress(false).summary(true)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).build()
        .run(workflow("restored", "", task("big", "big", "1"), t), Map.of());
  }

  @Test
  void aCachedTaskWhoseEntryLostAFileRunsAfreshItsLogSayingWhy() throws Exception {
    assertTrue(run().succeeded(), console.toString());
    Path entry;
    try (Stream<Path> entries = Files.list(dir.resolve("runs/.cache"))) {
      entry = entries.filter(p -> !p.getFileName().toString().startsWith(".")).findFirst().orElseThrow();
    }
    Files.delete(entry.resolve("artifacts/d/b"));

    RunResult r = run();
    TaskResult t = r.task("big").orElseThrow();
    assertEquals(State.Succeeded, t.state(), console.toString());
    assertEquals(2, Files.readAllLines(dir.resolve("count")).size(), "run afresh");
    assertEquals("b\n", Files.readString(t.artifacts().get("d").resolve("b")), "its own output, whole");
    assertEquals("kfp4j: the cache entry " + entry + " is damaged (" + entry.resolve("artifacts/d/b") + ": no such file or folder); "
        + "it was removed, and the task runs afresh\nran\n", Files.readString(r.runDir().resolve("big/log.txt")));

    assertEquals(State.Cached, run().task("big").orElseThrow().state(), "a whole entry stored again");
    assertEquals(2, Files.readAllLines(dir.resolve("count")).size());
  }
}
