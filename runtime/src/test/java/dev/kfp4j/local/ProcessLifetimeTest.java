package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.yaml.Yaml;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Task processes live no longer than their runner and their task: a runner killed with
 * {@code kill -9} takes them with it, a resume stops what an earlier runner left, a timeout or a
 * task's end stops what the task started in the background. And they never get the runner's
 * own credentials.
 */
class ProcessLifetimeTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  private LocalRunner runner() {
    return LocalRunner.builder().root(dir.resolve("runs")).caching(false).console(new PrintStream(console, true, StandardCharsets.UTF_8))
        .progress(false).summary(false).build();
  }

  private Path workflowFile(String name, String tasks, String templates) throws Exception {
    return Files.writeString(dir.resolve(name + ".yaml"), "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {generateName: " + name
        + "-}\nspec:\n  entrypoint: main\n  templates:\n  - name: main\n    dag:\n      tasks:\n" + tasks + templates);
  }

  private static String shell(String name, String script) {
    return "  - name: " + name + "\n    container:\n      image: a\n      command: [sh, -c, '" + script.replace("'", "''") + "']\n";
  }

  @Test
  void killingTheRunnerWithKill9StopsItsTasksProcesses() throws Exception {
    Path javaPid = dir.resolve("java.pid");
    Path shPid = dir.resolve("sh.pid");
    Path sleepPid = dir.resolve("sleep.pid");
    String javaStep = "  - name: java-sleep\n    container:\n      image: a\n      command: [java, -cp, /app/classes, dev.kfp4j.local.TestEntrypoint, "
        + "sleep, '300', " + javaPid + "]\n";
    Path file = workflowFile("orphans", "      - {name: j, template: java-sleep}\n      - {name: s, template: sh-sleep}\n",
        javaStep + shell("sh-sleep", "sleep 300 & echo $! > " + sleepPid + "; echo $$ > " + shPid + "; wait"));
    Process runner = Child.localRun(dir.resolve("runner.log"), Map.of(), file.toString(), "--root", dir.resolve("runs").toString(),
        "--no-cache", "--subprocess");
    long[] pids = {Child.number(javaPid, 60), Child.number(shPid, 60), Child.number(sleepPid, 60)};
    try {
      runner.destroyForcibly(); // SIGKILL: no shutdown hook runs
      assertTrue(runner.waitFor(30, TimeUnit.SECONDS));
      for (long pid : pids) {
        assertTrue(Child.await(20, () -> !Child.alive(pid)), "task process " + pid + " ended with its runner");
      }
    } finally {
      Child.kill(pids);
    }
  }

  /**
   * A runner that starts task processes as {@link ProcessGroups#start} does, one of them killed
   * before it tells the watcher: {@code watched.pid} {@code ran.pid} {@code started.pid}.
   */
  static final class KilledWhileStarting {
    public static void main(String[] args) throws Exception {
      ProcessGroups groups = new ProcessGroups();
      groups.start(new ProcessBuilder(groups.command(List.of("sh", "-c", "echo $$ > " + args[0] + "; exec sleep 304"))));
      // start() up to where it tells the watcher: the process runs, its group not told yet
      Process unwatched = new ProcessBuilder(groups.command(List.of("sh", "-c", "echo $$ > " + args[1] + "; exec sleep 305"))).start();
      Files.writeString(Path.of(args[2]), Long.toString(unwatched.pid()));
      Thread.sleep(300_000);
    }
  }

  @Test
  void aTaskProcessStartedAsItsRunnerIsKilledEndsWithoutRunningItsCommand() throws Exception {
    Path watchedPid = dir.resolve("watched.pid");
    Path ran = dir.resolve("ran.pid");
    Path started = dir.resolve("started.pid");
    Process runner = Child.start(List.of(Child.java(), "-cp", System.getProperty("java.class.path"), KilledWhileStarting.class.getName(),
        watchedPid.toString(), ran.toString(), started.toString()), dir.resolve("runner.log"), Map.of(), null);
    long[] pids = {Child.number(watchedPid, 60), Child.number(started, 60)};
    try {
      runner.destroyForcibly();
      assertTrue(runner.waitFor(30, TimeUnit.SECONDS));
      for (long pid : pids) {
        assertTrue(Child.await(20, () -> !Child.alive(pid)), "task process " + pid + " ended with its runner");
      }
      assertFalse(Files.exists(ran), "the process its runner never told the watcher of did not run its command");
    } finally {
      Child.kill(pids);
    }
  }

  @Test
  void theWatcherKillsATaskProcessItWasToldOfBeforeItMadeItsGroup() throws Exception {
    Process task = new ProcessBuilder("sleep", "306").start(); // in this JVM's group, as a task process before setsid has run
    try {
      Process watcher = new ProcessBuilder("sh", "-c", ProcessGroups.WATCHER, "kfp4j-watch").start();
      try (Writer toWatcher = new OutputStreamWriter(watcher.getOutputStream(), StandardCharsets.US_ASCII)) {
        toWatcher.write("+ " + task.pid() + "\n");
      } // its input ends, as when the runner dies
      assertTrue(task.waitFor(20, TimeUnit.SECONDS), "the watcher killed the process though no group had its number");
      assertTrue(watcher.waitFor(20, TimeUnit.SECONDS));
    } finally {
      task.destroyForcibly();
    }
  }

  @Test
  void aResumeStopsWhatAnEarlierRunnerLeftBeforeItRunsTheTaskAgain() throws Exception {
    Path pids = dir.resolve("pids");
    Path gate = dir.resolve("gate");
    // The first attempt sleeps, then would write 'stale'; the resumed one writes 'fresh' at once.
    String t = "  - name: t\n    outputs: {parameters: [{name: out, valueFrom: {path: /tmp/o}}]}\n    container:\n      image: a\n"
        + "      command: [sh, -c, 'echo $$ >> " + pids + "; if [ -f " + gate + " ]; then echo fresh > /tmp/o; "
        + "else touch " + gate + "; sleep 8; echo stale > /tmp/o; fi']\n";
    Path file = workflowFile("leftover", "      - {name: t, template: t}\n", t);
    Process runner = Child.localRun(dir.resolve("runner.log"), Map.of(), file.toString(), "--root", dir.resolve("runs").toString(), "--no-cache");
    long orphan = Child.number(pids, 60);
    try {
      // the first attempt's gate, before its runner dies: else a resume that stops it first finds none, and its attempt sleeps
      assertTrue(Child.await(30, () -> Files.exists(gate)), "the first attempt started its sleep");
      Path runDir = Files.list(dir.resolve("runs/leftover")).findFirst().orElseThrow();
      assertTrue(Child.await(30, () -> Child.read(runDir.resolve("journal.jsonl")).contains("\"process\"")), "the task's process is journaled");
      // The runner dies, and so does its watcher: the task outlives both.
      runner.descendants().filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains("kfp4j-watch")).orElse(false))
          .forEach(ProcessHandle::destroyForcibly);
      runner.destroyForcibly();
      assertTrue(runner.waitFor(30, TimeUnit.SECONDS));
      assertTrue(Child.alive(orphan), "the task outlived its runner");

      RunResult r = runner().resume(Workflow.read(file), runDir);
      assertFalse(Child.alive(orphan), "the resume stopped the earlier attempt before running the task again");
      assertTrue(r.succeeded(), console.toString());
      assertEquals("fresh", r.output("t", "out"));
      assertEquals("fresh\n", Files.readString(runDir.resolve("t/outputs/out/data")));
    } finally {
      Child.kill(orphan);
    }
  }

  @Test
  void aTimeoutStopsTheTasksDetachedGrandchildrenToo() throws Exception {
    Path pid = dir.resolve("detached.pid");
    String slow = "  - name: slow\n    activeDeadlineSeconds: 1\n    container:\n      image: a\n"
        + "      command: [sh, -c, '(sleep 302 & echo $! > " + pid + "); sleep 60']\n";
    RunResult r = runner().run(Workflow.parse(Files.readString(workflowFile("detached", "      - {name: s, template: slow}\n", slow)), "d"), Map.of());
    long detached = Child.number(pid, 10);
    try {
      assertEquals("timed out after 1 s", r.task("s").get().message());
      assertTrue(Child.await(10, () -> !Child.alive(detached)), "the detached grandchild was stopped with the task");
    } finally {
      Child.kill(detached);
    }
  }

  @Test
  void whatATaskLeftRunningInTheBackgroundEndsWithIt() throws Exception {
    Path pid = dir.resolve("daemon.pid");
    String t = shell("t", "(sleep 303 & echo $! > " + pid + ")");
    RunResult r = runner().run(Workflow.parse(Files.readString(workflowFile("daemon", "      - {name: t, template: t}\n", t)), "d"), Map.of());
    long daemon = Child.number(pid, 10);
    try {
      assertTrue(r.succeeded());
      assertTrue(Child.await(10, () -> !Child.alive(daemon)), "a task's background process ends with the task, as in a container");
    } finally {
      Child.kill(daemon);
    }
  }

  /**
   * A task that left a process running out of its group's reach ({@code setsid}), holding its output: the task's end waited 10
   * s for that output to end, then went on with the process's output still copied to its log. Now each task ends with its own
   * process, its log with what it printed and a note: four such tasks one after the other ended after 40 s, now in a few.
   */
  @Test
  void aTaskEndsWithItsProcessThoughAProcessItLeftHoldsItsOutput() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(ProcessGroups.supported(), "setsid: Linux only");
    Path pids = dir.resolve("held.pids");
    // the task's own process sleeps a little after it printed, so that the runner waits for more output as it ends
    String t = shell("held", "setsid sleep 60 & echo $! >> " + pids + "; echo printed; sleep 1");
    String tasks = "      - {name: a, template: held}\n      - {name: b, template: held, dependencies: [a]}\n"
        + "      - {name: c, template: held, dependencies: [b]}\n      - {name: d, template: held, dependencies: [c]}\n";
    long start = System.nanoTime();
    RunResult r = runner().run(Workflow.parse(Files.readString(workflowFile("held", tasks, t)), "h"), Map.of());
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
    long[] held = Files.readAllLines(pids).stream().mapToLong(Long::parseLong).toArray();
    try {
      assertTrue(r.succeeded(), console.toString());
      assertEquals(4, held.length);
      for (long pid : held) {
        assertTrue(Child.alive(pid), "the process it left runs on, holding its output");
      }
      assertTrue(seconds < 30, "the run ended with its tasks' processes, well before those they left: " + seconds + " s");
      for (String task : List.of("a", "b", "c", "d")) {
        assertEquals("printed\nkfp4j: the task ended while a process it left running still held its output (stdout, stderr); what "
            + "that process prints from now on is not in this log\n", Files.readString(r.task(task).orElseThrow().log()));
      }
    } finally {
      Child.kill(held);
    }
  }

  /**
   * A task cut short by a process it left holding its output: the task ended, but the thread reading its output waited on
   * until that process closed it (for as long as it ran: a thread for each such task). Now the reading stops as the task
   * ends, what the task printed kept.
   */
  @Test
  void noReaderOfATasksOutputOutlivesTheTask() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(ProcessGroups.supported(), "setsid: Linux only");
    Path pids = dir.resolve("held.pids");
    String t = shell("held", "setsid sleep 60 & echo $! >> " + pids + "; echo printed; sleep 1");
    Set<Thread> before = readers();
    RunResult r = runner().run(Workflow.parse(Files.readString(workflowFile("held", "      - {name: a, template: held}\n", t)), "h"), Map.of());
    Set<Thread> after = readers();
    long[] held = Files.readAllLines(pids).stream().mapToLong(Long::parseLong).toArray();
    try {
      assertTrue(r.succeeded(), console.toString());
      assertTrue(Child.alive(held[0]), "the process it left runs on");
      after.removeAll(before);
      assertEquals(Set.of(), after, "no thread reads the ended task's output");
      assertEquals("printed\nkfp4j: the task ended while a process it left running still held its output (stdout, stderr); what "
          + "that process prints from now on is not in this log\n", Files.readString(r.task("a").orElseThrow().log()));
    } finally {
      Child.kill(held);
    }
  }

  /** The live threads reading a task's output. */
  private static Set<Thread> readers() {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("kfp4j-task-output") && t.isAlive())
        .collect(java.util.stream.Collectors.toCollection(java.util.HashSet::new));
  }

  @Test
  void tasksDoNotGetTheRunnersCredentials() throws Exception {
    Path shOut = dir.resolve("sh.out");
    Path javaOut = dir.resolve("java.out");
    String sh = shell("sh-env", "echo \"${KFP4J_TOKEN:-none} ${ARGO_TOKEN:-none} ${OTHER:-none}\" > " + shOut);
    String java = "  - name: java-env\n    container:\n      image: a\n      command: [java, -cp, /app/classes, dev.kfp4j.local.TestEntrypoint, "
        + "env, KFP4J_TOKEN, " + javaOut + "]\n";
    Path file = workflowFile("secrets", "      - {name: s, template: sh-env}\n      - {name: j, template: java-env}\n", sh + java);
    Process p = Child.localRun(dir.resolve("runner.log"), Map.of("KFP4J_TOKEN", "secret-kfp", "ARGO_TOKEN", "secret-argo", "OTHER", "kept"),
        file.toString(), "--root", dir.resolve("runs").toString(), "--no-cache", "--subprocess");
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), Child.read(dir.resolve("runner.log")));
    assertEquals("none none kept\n", Files.readString(shOut));
    assertEquals("none", Files.readString(javaOut));
  }

  @Test
  void aRunFolderHasOneRunnerAtATime() throws Exception {
    Path gate = dir.resolve("gate");
    Path started = dir.resolve("started");
    Path file = workflowFile("owned", "      - {name: t, template: t}\n",
        // the first runner's attempt waits for the gate; any later one (a second runner) ends at once
        shell("t", "if [ -f " + started + " ]; then exit 0; fi; touch " + started + "; while [ ! -f " + gate + " ]; do sleep 0.1; done"));
    Process first = Child.localRun(dir.resolve("runner.log"), Map.of(), file.toString(), "--root", dir.resolve("runs").toString(), "--no-cache");
    try {
      assertTrue(Child.await(60, () -> Files.exists(started)));
      Path runDir = Files.list(dir.resolve("runs/owned")).findFirst().orElseThrow();
      WorkflowException e = org.junit.jupiter.api.Assertions.assertThrows(WorkflowException.class,
          () -> runner().resume(Workflow.read(file), runDir));
      assertEquals(runDir + " is in use: another run of it is going on (it holds " + runDir.resolve(".lock")
          + "); wait for it to end, or stop it", e.getMessage());
      assertEquals("Running", Yaml.json().readTree(runDir.resolve("run.json").toFile()).path("state").asString(), "the refused resume changed nothing");
      Files.writeString(gate, "open");
      assertTrue(first.waitFor(60, TimeUnit.SECONDS));
      assertEquals(0, first.exitValue(), Child.read(dir.resolve("runner.log")));
      assertTrue(runner().resume(Workflow.read(file), runDir).succeeded(), "once the first runner ended, the folder is free");
    } finally {
      first.destroyForcibly();
    }
  }
}
