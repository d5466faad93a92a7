package dev.kfp4j.local;

import static dev.kfp4j.local.LocalRunnerTest.workflow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task's log.txt keeps the first bytes it prints and the last of each attempt ({@link LogBounds}), with a line saying how
 * many were left out between: a task printing without end no longer fills the disk. The console ({@code --logs}) shows every
 * line. Before, log.txt took all of it, in every mode.
 */
class LogBoundsTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  /** Lines {@code line 1} to {@code line n}, 8 or 9 bytes each with their newline, as {@code seq} prints them. */
  private static String lines(int from, int to) {
    return IntStream.rangeClosed(from, to).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
  }

  private RunResult run(boolean logs, LocalRunner.JavaMode mode, String command) {
    String t = "  - name: loud\n    container:\n      image: a\n      command: " + command + "\n";
    return LocalRunner.builder().root(dir.resolve("runs")).caching(false).logs(logs).javaMode(mode).progress(false).summary(false)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).logBounds(new LogBounds(70, 40)).build()
        .run(workflow("loud", "", "      - {name: t, template: loud}\n", t), Map.of());
  }

  @Test
  void aShellTasksLogKeepsItsHeadAndTailWithALineSayingHowMuchWasLeftOut() throws Exception {
    for (boolean logs : List.of(false, true)) {
      RunResult r = run(logs, LocalRunner.JavaMode.IN_PROCESS, "[sh, -c, 'for i in $(seq 1 99); do echo line $i; done']");
      assertTrue(r.succeeded());
      String all = lines(1, 99); // 9 lines of 7 bytes, 90 of 8: 783
      assertEquals(783, all.length());
      String kept = all.substring(0, 70) + "\nkfp4j: 673 bytes of the output left out here (log.txt keeps the first 70 bytes a task "
          + "prints, then the last 40 of each attempt)\n" + all.substring(all.length() - 40);
      assertEquals(kept, Files.readString(r.task("t").orElseThrow().log()), "--logs " + logs);
    }
    assertTrue(console.toString(StandardCharsets.UTF_8).contains("t | line 1\n"));
    assertTrue(console.toString(StandardCharsets.UTF_8).contains("t | line 50\n"), "the console shows every line");
    assertTrue(console.toString(StandardCharsets.UTF_8).contains("t | line 99\n"));
  }

  @Test
  void aLogWithinItsBoundIsWhole() throws Exception {
    RunResult r = run(false, LocalRunner.JavaMode.IN_PROCESS, "[sh, -c, 'for i in $(seq 1 12); do echo line $i; done']");
    assertEquals(lines(1, 12), Files.readString(r.task("t").orElseThrow().log()), "99 bytes: 70 and the last 29");
  }

  @Test
  void eachAttemptKeepsItsTail() throws Exception {
    String t = "  - name: loud\n    retryStrategy: {limit: 1}\n    container:\n      image: a\n"
        + "      command: [sh, -c, 'for i in $(seq 1 99); do echo line $i; done; exit 1']\n";
    RunResult r = LocalRunner.builder().root(dir.resolve("runs")).caching(false).progress(false).summary(false)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).logBounds(new LogBounds(70, 40)).build()
        .run(workflow("loud", "", "      - {name: t, template: loud}\n", t), Map.of());
    String log = Files.readString(r.task("t").orElseThrow().log());
    String all = lines(1, 99);
    assertTrue(log.startsWith(all.substring(0, 70) + "\nkfp4j: 673 bytes of the output left out here"), log);
    assertTrue(log.contains(all.substring(all.length() - 40) + "kfp4j: attempt 1 failed (exit code 1); retrying\n"
        + "\nkfp4j: 743 bytes of the output left out here"), log);
    assertTrue(log.endsWith(all.substring(all.length() - 40)), log);
  }

  @Test
  void aJavaTaskInProcessOrAsASubprocessIsBoundToo() throws Exception {
    for (LocalRunner.JavaMode mode : LocalRunner.JavaMode.values()) {
      RunResult r = run(false, mode, "[java, -cp, /app/classes, dev.kfp4j.local.TestEntrypoint, print, '99']");
      String log = Files.readString(r.task("t").orElseThrow().log());
      assertTrue(log.contains(" bytes of the output left out here (log.txt keeps the first 70 bytes"), mode + ": " + log);
      assertTrue(log.length() < 300, mode + ": " + log);
    }
  }
}
