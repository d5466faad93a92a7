package dev.kfp4j.local;

import static dev.kfp4j.local.LocalRunnerTest.workflow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
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

  /** A runner in a JVM of its own, {@code --logs}, its logs bound to 70 bytes and the last 40: {@code ROOT WORKFLOW}. */
  static final class BoundRunner {
    public static void main(String[] args) {
      LocalRunner.builder().root(Path.of(args[0])).caching(false).logs(true).progress(false).summary(false)
          .logBounds(new LogBounds(70, 40)).build().run(Workflow.read(Path.of(args[1])), Map.of());
    }
  }

  /**
   * The last bytes of each attempt were held in memory and written as it ended: a runner killed mid-task ({@code kill -9},
   * the out-of-memory killer) left a log.txt of the first bytes only, without the end that says what the task was doing. Now
   * the file ends with the last bytes the runner was given, as the console showed them.
   */
  @Test
  void aRunnerKilledMidTaskLeavesALogEndingWithTheLastBytesPrinted() throws Exception {
    Path pid = dir.resolve("task.pid");
    Path file = Files.writeString(dir.resolve("loud.yaml"), "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {generateName: loud-}\n"
        + "spec:\n  entrypoint: main\n  templates:\n  - name: main\n    dag:\n      tasks:\n      - {name: t, template: loud}\n"
        + "  - name: loud\n    container:\n      image: a\n      command: [sh, -c, 'echo $$ > " + pid + "; for i in $(seq 1 999); do "
        + "echo line $i; done; echo the end; sleep 300']\n");
    Path console = dir.resolve("runner.out");
    Process runner = Child.start(List.of(Child.java(), "-cp", System.getProperty("java.class.path"), BoundRunner.class.getName(),
        dir.resolve("runs").toString(), file.toString()), console, Map.of(), null);
    long task = Child.number(pid, 60);
    try {
      assertTrue(Child.await(60, () -> Child.read(console).contains("t | the end\n")), Child.read(console));
      runner.destroyForcibly(); // SIGKILL: nothing of the runner runs after it
      assertTrue(runner.waitFor(30, TimeUnit.SECONDS));
      Path log;
      try (Stream<Path> files = Files.walk(dir.resolve("runs/loud"))) {
        log = files.filter(p -> p.endsWith("t/log.txt")).findFirst().orElseThrow();
      }
      String kept = Files.readString(log);
      String all = lines(1, 999) + "the end\n";
      assertTrue(kept.startsWith(all.substring(0, 70)), kept);
      assertTrue(kept.endsWith(all.substring(all.length() - 40)), "the end the runner was given: " + kept);
      assertTrue(kept.length() < 70 + 200 + 2 * 40 + 1024 + 8192, "still bound: " + kept.length() + " bytes");
    } finally {
      Child.kill(task);
    }
  }

  /** What {@code bounds} keep of {@code before} (an earlier attempt's log) and {@code printed}: the head, then the tail. */
  private static byte[] expected(LogBounds bounds, byte[] before, byte[] printed) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(before);
    int head = (int) Math.max(0, Math.min(printed.length, bounds.head() - before.length));
    out.write(printed, 0, head);
    int rest = printed.length - head;
    int tail = Math.min(rest, bounds.tail());
    if (rest > tail) {
      out.writeBytes(("\nkfp4j: " + (rest - tail) + " bytes of the output left out here (log.txt keeps the first " + bounds.head()
          + " bytes a task prints, then the last " + bounds.tail() + " of each attempt)\n").getBytes(StandardCharsets.UTF_8));
    }
    out.write(printed, printed.length - tail, tail);
    return out.toByteArray();
  }

  /**
   * Whatever the sizes of the writes (one byte, a few, more than the tail at once) and of the bounds, the file keeps the head,
   * the line saying how much was left out, and the last bytes, however often its part past the head was cut back.
   */
  @Test
  void writesOfAnySizeKeepTheHeadAndTheTail() throws Exception {
    Random random = new Random(42);
    for (LogBounds bounds : List.of(new LogBounds(70, 40), new LogBounds(0, 7), new LogBounds(5, 0), new LogBounds(100, 3000),
        new LogBounds(1, 1))) {
      for (int round = 0; round < 20; round++) {
        byte[] before = new byte[round % 3 == 0 ? 0 : random.nextInt(200)];
        random.nextBytes(before);
        byte[] printed = new byte[random.nextInt(round % 2 == 0 ? 500 : 40_000)];
        random.nextBytes(printed);
        Path file = Files.write(dir.resolve("log.txt"), before);
        try (OutputStream out = bounds.bound(FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.READ)
            .position(before.length))) {
          for (int at = 0; at < printed.length; ) {
            int n = Math.min(printed.length - at, random.nextInt(4) == 0 ? random.nextInt(9000) : random.nextInt(50));
            if (n == 1) {
              out.write(printed[at]);
            } else {
              out.write(printed, at, n);
            }
            at += n;
          }
        }
        assertEquals(java.util.HexFormat.of().formatHex(expected(bounds, before, printed)),
            java.util.HexFormat.of().formatHex(Files.readAllBytes(file)), bounds + ", round " + round);
      }
    }
  }
}
