package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Java tasks in subprocess mode run from JVMs the runner started ahead, while the tasks they wait
 * for ran: with the same outputs, logs and environment as a JVM started for the task, timed out
 * as one, and a JVM started ahead for a task that does not run (skipped, its upstream failed,
 * cached) leaves no process and no file.
 */
class PrestartRunTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  private LocalRunner runner(boolean logs) {
    return LocalRunner.builder().root(dir.resolve("runs")).caching(false).javaMode(LocalRunner.JavaMode.SUBPROCESS).logs(logs)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).progress(false).summary(false).build();
  }

  private Workflow workflow(String name, String tasks, String templates) {
    return Workflow.parse("apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {generateName: " + name + "-}\n"
        + "spec:\n  entrypoint: main\n  templates:\n  - name: main\n    dag:\n      tasks:\n" + tasks + templates, name);
  }

  /** A template running {@code TestEntrypoint args}, its output {@code out} at {@code /tmp/outputs/out/data}. */
  private static String java(String name, String settings, String... args) {
    return "  - name: " + name + "\n" + settings + "    outputs: {parameters: [{name: out, valueFrom: {path: /tmp/outputs/out/data}}]}\n"
        + "    container:\n      image: a\n      command: [java, -cp, /app/classes, dev.kfp4j.local.TestEntrypoint, "
        + String.join(", ", args) + "]\n";
  }

  private static final String OUT = "/tmp/outputs/out/data";

  /** The JVMs this JVM started that wait for a task (the test runs the runner here). */
  static List<ProcessHandle> waiting() {
    return ProcessHandle.current().descendants().filter(p -> p.info().arguments()
        .map(a -> List.of(a).contains("dev.kfp4j.entrypoint.Prestart")).orElse(false)).toList();
  }

  /**
   * {@link #waiting}, once {@code n} of them show, or as they are after 10 s: a JVM just started
   * may not show its arguments yet (in {@code /proc}, while {@code setsid} executes {@code java}).
   */
  static List<ProcessHandle> waiting(int n) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    List<ProcessHandle> seen = waiting();
    while (seen.size() != n && System.nanoTime() < end) {
      Thread.sleep(20);
      seen = waiting();
    }
    return seen;
  }

  @Test
  void aChainRunsFromJvmsStartedAheadWithTheSameOutputsAndLogs() throws Exception {
    for (boolean logs : List.of(false, true)) {
      String longer = "x".repeat(40_000); // framed, more than a pipe takes at once
      Workflow chain = workflow("chain" + logs, "      - {name: a, template: w1}\n      - {name: b, template: jvm, dependencies: [a]}\n"
          + "      - {name: c, template: w3, dependencies: [b]}\n      - {name: d, template: w4, dependencies: [c]}\n",
          java("w1", "", "write", "one", OUT) + java("jvm", "", "jvm", OUT) + java("w3", "", "write", "'thr ee'", OUT)
          + java("w4", "", "write", longer, OUT));
      RunResult r = runner(logs).run(chain, Map.of());
      assertTrue(r.succeeded(), console.toString());
      assertEquals("one", r.output("a", "out"));
      assertEquals("dev.kfp4j.entrypoint.Prestart dev.kfp4j.local.TestEntrypoint", r.output("b", "out"),
          "b's JVM was started ahead, while a ran");
      assertEquals("thr ee", r.output("c", "out"));
      assertEquals("writing one\n", Files.readString(r.task("a").get().log()));
      assertEquals("", Files.readString(r.task("b").get().log()));
      assertEquals("writing thr ee\n", Files.readString(r.task("c").get().log()));
      assertEquals(longer, r.output("d", "out"));
      assertEquals("writing " + longer + "\n", Files.readString(r.task("d").get().log()));
      assertEquals(List.of(), waiting());
    }
    assertTrue(console.toString().contains("writing thr ee"), "with --logs, the task's output is shown: " + console);
  }

  @Test
  void aJvmStartedAheadForATaskThatIsSkippedLeavesNoProcessAndNoFile() throws Exception {
    Workflow w = workflow("skip", "      - {name: a, template: ahead}\n"
        + "      - {name: b, template: w, dependencies: [a], when: '{{tasks.a.outputs.parameters.out}} == never'}\n",
        java("ahead", "", "ahead", OUT) + java("w", "", "write", "b", OUT));
    RunResult r = runner(false).run(w, Map.of());
    assertTrue(r.succeeded(), console.toString());
    assertEquals(TaskResult.State.Skipped, r.task("b").get().state());
    String pid = r.output("a", "out");
    assertTrue(pid.matches("\\d+"), "a saw b's JVM started ahead: " + pid);
    assertFalse(ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false), "b's JVM was stopped");
    assertFalse(Files.exists(r.runDir().resolve("b")), "b left no folder");
    assertEquals(List.of(), waiting());
  }

  @Test
  void aJvmStartedAheadForATaskWhoseUpstreamFailedOrThatIsCachedLeavesNoProcessAndNoFile() throws Exception {
    Path pid = dir.resolve("ahead.pid");
    Workflow failing = workflow("failing", "      - {name: a, template: ahead}\n      - {name: b, template: w, dependencies: [a]}\n",
        // a writes no output 'out': it fails, once it saw b's JVM started ahead
        java("ahead", "", "ahead", pid.toString()) + java("w", "", "write", "b", OUT));
    RunResult r = runner(false).run(failing, Map.of());
    assertEquals(TaskResult.State.Omitted, r.task("b").get().state());
    assertTrue(Files.readString(pid).matches("\\d+"), "a saw b's JVM started ahead");
    assertFalse(ProcessHandle.of(Long.parseLong(Files.readString(pid))).map(ProcessHandle::isAlive).orElse(false));
    assertFalse(Files.exists(r.runDir().resolve("b")), "b left no folder");
    assertEquals(List.of(), waiting());

    Workflow cached = workflow("cached", "      - {name: a, template: w1}\n      - {name: b, template: w2, dependencies: [a]}\n",
        java("w1", "", "write", "one", OUT) + java("w2", "", "write", "two", OUT));
    LocalRunner caching = LocalRunner.builder().root(dir.resolve("runs")).javaMode(LocalRunner.JavaMode.SUBPROCESS)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).progress(false).summary(false).build();
    assertTrue(caching.run(cached, Map.of()).succeeded(), console.toString());
    RunResult again = caching.run(cached, Map.of());
    assertEquals(TaskResult.State.Cached, again.task("b").get().state());
    assertEquals("two", again.output("b", "out"));
    assertFalse(Files.exists(again.runDir().resolve("b").resolve("log.txt")), "b did not run");
    assertEquals(List.of(), waiting());
  }

  @Test
  void aTaskFromAJvmStartedAheadSeesItsVariablesAndNotTheRunnersCredentials() throws Exception {
    Path file = Files.writeString(dir.resolve("env.yaml"), "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {generateName: env-}\n"
        + "spec:\n  entrypoint: main\n  templates:\n  - name: main\n    dag:\n      tasks:\n      - {name: a, template: first}\n"
        + "      - {name: b, template: token, dependencies: [a]}\n      - {name: c, template: own, dependencies: [b]}\n"
        + java("first", "", "write", "a", OUT)
        + java("token", "", "env", "KFP4J_TOKEN", OUT).replace("      image: a\n", "      image: a\n      env: [{name: OWN, value: mine}]\n")
        + java("own", "", "env", "OWN", OUT).replace("      image: a\n", "      image: a\n      env: [{name: OWN, value: 'my own'}]\n"));
    Process p = Child.localRun(dir.resolve("runner.log"), Map.of("KFP4J_TOKEN", "secret-kfp", "ARGO_TOKEN", "secret-argo"),
        file.toString(), "--root", dir.resolve("runs").toString(), "--no-cache", "--subprocess");
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    String log = Child.read(dir.resolve("runner.log"));
    assertEquals(0, p.exitValue(), log);
    Path runDir;
    try (Stream<Path> runs = Files.list(dir.resolve("runs/env"))) {
      runDir = runs.filter(Files::isDirectory).findFirst().orElseThrow();
    }
    assertEquals("none", Files.readString(runDir.resolve("b/outputs/out/data")));
    assertEquals("my own", Files.readString(runDir.resolve("c/outputs/out/data")));
  }

  @Test
  void aTaskFromAJvmStartedAheadTimesOutAsOneStartedForIt() throws Exception {
    Path pid = dir.resolve("sleep.pid");
    Workflow w = workflow("slow", "      - {name: a, template: w}\n      - {name: b, template: sleep, dependencies: [a]}\n",
        java("w", "", "write", "a", OUT) + java("sleep", "    activeDeadlineSeconds: 1\n", "sleep", "'300'", pid.toString()));
    RunResult r = runner(false).run(w, Map.of());
    long sleeping = Child.number(pid, 10);
    try {
      assertEquals("timed out after 1 s", r.task("b").get().message());
      assertFalse(Child.alive(sleeping), "the task's JVM was stopped");
      assertEquals(List.of(), waiting());
    } finally {
      Child.kill(sleeping);
    }
  }
}
