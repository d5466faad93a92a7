package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.local.TaskResult.State;
import dev.kfp4j.testing.Shared;
import dev.kfp4j.yaml.Yaml;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.io.TempDir;

/** The local runner on workflows of shell steps: DAG order, data, and every fault. */
class LocalRunnerTest {
  /** A task's command making its run's run.json a folder that is not empty, which no writing of run.json can replace. */
  static final String RUN_JSON_A_FOLDER = "until mkdir ../run.json 2>/dev/null; do rm -f ../run.json; done; touch ../run.json/x";

  @TempDir Path dir;
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  private LocalRunner runner(boolean caching) {
    return LocalRunner.builder().root(dir.resolve("runs")).caching(caching).parallelism(2)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).progress(false).summary(true).build();
  }

  /** A workflow: {@code templates} are YAML list items under spec.templates. */
  static Workflow workflow(String name, String params, String dagTasks, String... templates) {
    StringBuilder y = new StringBuilder()
        .append("apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  generateName: ").append(name).append("-\n")
        .append("spec:\n  entrypoint: main\n");
    if (!params.isEmpty()) {
      y.append("  arguments:\n    parameters:\n").append(params);
    }
    y.append("  templates:\n  - name: main\n    dag:\n      tasks:\n").append(dagTasks);
    for (String t : templates) {
      y.append(t);
    }
    return Workflow.parse(y.toString(), name + ".yaml");
  }

  /** A template running {@code sh -c script} with one input {@code x} and one output {@code out}. */
  static String sh(String name, String script) {
    return "  - name: " + name + "\n"
        + "    inputs: {parameters: [{name: x}]}\n"
        + "    outputs: {parameters: [{name: out, valueFrom: {path: /tmp/outputs/out/data}}]}\n"
        + "    container:\n      image: alpine\n      command: [sh, -c]\n"
        + "      args: ['" + script.replace("'", "''") + "', '{{inputs.parameters.x}}', /tmp/outputs/out/data]\n";
  }

  static String task(String name, String template, String x, String... deps) {
    return "      - name: " + name + "\n        template: " + template + "\n"
        + (deps.length == 0 ? "" : "        dependencies: [" + String.join(", ", deps) + "]\n")
        + "        arguments: {parameters: [{name: x, value: '" + x + "'}]}\n";
  }

  static final String DOUBLE = "mkdir -p $(dirname $1); echo $(( $0 * 2 )) > $1; echo doubled $0";

  @Test
  void runsTheDagPassingOutputs() throws Exception {
    Workflow wf = workflow("chain", "    - {name: n, value: '5'}\n",
        task("a", "double", "{{workflow.parameters.n}}") + task("b", "double", "{{tasks.a.outputs.parameters.out}}", "a"),
        sh("double", DOUBLE));
    RunResult r = runner(false).run(wf, Map.of("n", "3"));
    assertTrue(r.succeeded());
    assertEquals("6", r.output("a", "out"));
    assertEquals("12", r.output("b", "out"));
    assertTrue(Files.readString(r.task("b").get().log()).contains("doubled 6"));
    assertTrue(Files.isRegularFile(r.runDir().resolve("run.json")));
    assertEquals("Succeeded", Yaml.json().readTree(r.runDir().resolve("run.json").toFile()).path("state").asString());
  }

  @Test
  void aFailedTaskStopsItsDependantsOthersFinishAndTheExitHandlerRuns() throws Exception {
    String fail = "  - name: fail\n    inputs: {parameters: [{name: x}]}\n    container:\n      image: a\n      command: [sh, -c, 'echo going wrong; echo really >&2; exit 3']\n";
    Path marker = dir.resolve("exit-ran");
    String exit = "  - name: cleanup\n    container:\n      image: a\n      command: [sh, -c, 'echo {{workflow.status}} > " + marker + "']\n"
        + "  - name: on-exit\n    dag:\n      tasks:\n      - {name: cleanup, template: cleanup}\n";
    String y = "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {generateName: faulty-}\nspec:\n  entrypoint: main\n  onExit: on-exit\n  templates:\n"
        + "  - name: main\n    dag:\n      tasks:\n" + task("bad", "fail", "1") + task("after-bad", "double", "1", "bad") + task("fine", "double", "2")
        + fail + sh("double", DOUBLE) + exit;
    RunResult r = runner(false).run(Workflow.parse(y, "faulty.yaml"), Map.of());
    assertFalse(r.succeeded());
    assertEquals(State.Failed, r.task("bad").get().state());
    assertEquals(3, r.task("bad").get().exitCode());
    assertEquals(State.Omitted, r.task("after-bad").get().state());
    assertEquals(State.Succeeded, r.task("fine").get().state());
    assertEquals("Failed\n", Files.readString(marker), "the exit handler ran and saw the run's status");
    String out = console.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("task 'bad' failed: exit code 3"), out);
    assertTrue(out.contains("  | going wrong") && out.contains("  | really"), out);
  }

  @Test
  void aTaskThatTimesOutIsStoppedWithItsProcessTree() throws Exception {
    Path pid = dir.resolve("child.pid");
    String slow = "  - name: slow\n    inputs: {parameters: [{name: x}]}\n    activeDeadlineSeconds: 1\n    container:\n      image: a\n"
        + "      command: [sh, -c, 'sleep 60 & echo $! > " + pid + "; wait']\n";
    long start = System.nanoTime();
    RunResult r = runner(false).run(workflow("slow", "", task("s", "slow", "1"), slow), Map.of());
    assertFalse(r.succeeded());
    assertEquals("timed out after 1 s", r.task("s").get().message());
    assertTrue((System.nanoTime() - start) / 1e9 < 30, "stopped, not waited for");
    long child = Long.parseLong(Files.readString(pid).strip());
    boolean alive = ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false);
    for (int i = 0; i < 50 && alive; i++) {
      Thread.sleep(100);
      alive = ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false);
    }
    assertFalse(alive, "the task's child process was stopped too");
  }

  @Test
  void aTaskSucceedsOnItsSecondTry() throws Exception {
    Path count = dir.resolve("count");
    String flaky = "  - name: flaky\n    inputs: {parameters: [{name: x}]}\n    retryStrategy: {limit: '2', backoff: {duration: 10ms, factor: '2'}}\n"
        + "    outputs: {parameters: [{name: out, valueFrom: {path: /tmp/o}}]}\n"
        + "    container:\n      image: a\n      command: [sh, -c, 'echo x >> " + count + "; test $(wc -l < " + count + ") -ge 2 && echo ok > /tmp/o']\n";
    RunResult r = runner(false).run(workflow("flaky", "", task("f", "flaky", "1"), flaky), Map.of());
    assertTrue(r.succeeded());
    assertEquals(2, r.task("f").get().attempts());
    assertEquals("ok", r.output("f", "out"));
    assertTrue(Files.readString(r.task("f").get().log()).contains("attempt 1 failed (exit code 1); retrying"));
  }

  @Test
  void unchangedTasksAreCachedAndCachingCanBeTurnedOff() throws Exception {
    Path count = dir.resolve("count");
    String counted = "  - name: counted\n    inputs: {parameters: [{name: x}]}\n    outputs: {parameters: [{name: out, valueFrom: {path: /tmp/o}}]}\n"
        + "    container:\n      image: a\n      command: [sh, -c, 'echo x >> " + count + "; echo {{inputs.parameters.x}} > /tmp/o']\n";
    Workflow wf = workflow("cached", "", task("c", "counted", "1"), counted);
    runner(true).run(wf, Map.of());
    RunResult second = runner(true).run(wf, Map.of());
    assertEquals(State.Cached, second.task("c").get().state());
    assertEquals("1", second.output("c", "out"));
    assertEquals(1, Files.readAllLines(count).size());
    runner(false).run(wf, Map.of());
    assertEquals(2, Files.readAllLines(count).size());
    Workflow other = workflow("cached", "", task("c", "counted", "2"), counted);
    assertEquals("2", runner(true).run(other, Map.of()).output("c", "out"), "another input is another cache entry");
  }

  @Test
  void aTaskWithNoOutputsIsCachedToo() throws Exception {
    Path count = dir.resolve("count");
    String t = "  - name: t\n    inputs: {parameters: [{name: x}]}\n"
        + "    container:\n      image: a\n      command: [sh, -c, 'echo x >> " + count + "']\n";
    Workflow wf = workflow("no-outputs", "", task("t", "t", "1"), t);
    RunResult first = runner(true).run(wf, Map.of());
    assertFalse(Files.readString(first.task("t").get().log()).contains("not cached"), Files.readString(first.task("t").get().log()));
    RunResult second = runner(true).run(wf, Map.of());
    assertEquals(State.Cached, second.task("t").get().state());
    assertEquals(1, Files.readAllLines(count).size());
  }

  @Test
  void maxCacheStalenessP0DTurnsCachingOffForATask() throws Exception {
    Path count = dir.resolve("count");
    String t = "  - name: t\n    metadata: {annotations: {pipelines.kubeflow.org/max_cache_staleness: P0D}}\n    inputs: {parameters: [{name: x}]}\n"
        + "    container:\n      image: a\n      command: [sh, -c, 'echo x >> " + count + "']\n";
    Workflow wf = workflow("nocache", "", task("t", "t", "1"), t);
    runner(true).run(wf, Map.of());
    runner(true).run(wf, Map.of());
    assertEquals(2, Files.readAllLines(count).size());
  }

  /**
   * Workflow {@code name}'s file: task 'one' counts its runs in {@code first-ran} and gives 42; 'two', after it, writes its
   * pid to {@code two.pid} and half its output, then waits for the file {@code gate} before it gives {@code got 42}.
   */
  private Path resumable(String name) throws java.io.IOException {
    String first = "  - name: first\n    inputs: {parameters: [{name: x}]}\n    outputs: {parameters: [{name: out, valueFrom: {path: /tmp/o}}]}\n"
        + "    container:\n      image: a\n      command: [sh, -c, 'echo x >> " + dir.resolve("first-ran") + "; echo 42 > /tmp/o']\n";
    String second = "  - name: second\n    inputs: {parameters: [{name: x}]}\n    outputs: {parameters: [{name: out, valueFrom: {path: /tmp/o}}]}\n"
        + "    container:\n      image: a\n      command: [sh, -c, 'echo $$ > " + dir.resolve("two.pid") + "; printf half > /tmp/o; while [ ! -f "
        + dir.resolve("gate") + " ]; do sleep 0.1; done; echo got {{inputs.parameters.x}} > /tmp/o']\n";
    return Files.writeString(dir.resolve(name + ".yaml"), "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {generateName: " + name
        + "-}\nspec:\n  entrypoint: main\n  templates:\n  - name: main\n    dag:\n      tasks:\n" + task("one", "first", "1")
        + task("two", "second", "{{tasks.one.outputs.parameters.out}}", "one") + first + second);
  }

  @Test
  void aKilledRunResumesWithoutRerunningFinishedTasks() throws Exception {
    Path count = dir.resolve("first-ran");
    Path gate = dir.resolve("gate");
    Path file = resumable("resumable");
    // A real crash: the run goes on in another JVM, which is killed (kill -9) while 'two' waits.
    Process p = Child.localRun(dir.resolve("killed.log"), Map.of(), file.toString(), "--root", dir.resolve("runs").toString(), "--no-cache");
    // 'two' runs once 'one' finished and was journaled.
    long two = Child.number(dir.resolve("two.pid"), 60);
    Path runDir = onlyRun(dir.resolve("runs").resolve("resumable"));
    p.destroyForcibly();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertTrue(Child.await(20, () -> !Child.alive(two)), "'two' ended with its runner");
    assertEquals("Running", Yaml.json().readTree(runDir.resolve("run.json").toFile()).path("state").asString());

    Files.writeString(gate, "open");
    RunResult r = runner(false).resume(Workflow.read(file), runDir);
    assertTrue(r.succeeded());
    assertEquals(1, Files.readAllLines(count).size(), "'one' did not run again");
    assertEquals("42", r.output("one", "out"));
    assertEquals("got 42", r.output("two", "out"));
    assertEquals(runDir, r.runDir());
  }

  @Test
  void aRunnerStoppedMidRunRecordsTheRunInterruptedAndTheResumeRunsWhatWasRunning() throws Exception {
    Path count = dir.resolve("first-ran");
    Path gate = dir.resolve("gate");
    Path file = resumable("interrupted");
    Process p = Child.localRun(dir.resolve("interrupted.log"), Map.of(), file.toString(), "--root", dir.resolve("runs").toString(),
        "--no-cache");
    long two = Child.number(dir.resolve("two.pid"), 60);
    Path runDir = onlyRun(dir.resolve("runs").resolve("interrupted"));
    p.destroy(); // SIGTERM, as Ctrl-C's SIGINT: the JVM ends through its shutdown hooks
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertTrue(Child.await(20, () -> !Child.alive(two)), "'two' ended with its runner");
    // what a script reading run.json sees: the run did not end, and 'two' did not finish (the old record said Running, for ever)
    JsonNode recorded = Yaml.json().readTree(runDir.resolve("run.json").toFile());
    assertEquals("Interrupted", recorded.path("state").asString(), recorded.toString());
    assertFalse(recorded.has("finishedAt"), recorded.toString());
    assertEquals("Succeeded", recorded.at("/tasks/one/state").asString(), recorded.toString());
    assertEquals("Interrupted", recorded.at("/tasks/two/state").asString(), recorded.toString());
    // what 'two' half wrote may be left (the JVM may end before its thread deletes it), never journaled as finished: the
    // resume clears it and runs 'two' again

    Files.writeString(gate, "open");
    RunResult r = runner(false).resume(Workflow.read(file), runDir);
    assertTrue(r.succeeded());
    assertEquals(1, Files.readAllLines(count).size(), "'one' did not run again");
    assertEquals("got 42", r.output("two", "out"));
    JsonNode resumed = Yaml.json().readTree(runDir.resolve("run.json").toFile());
    assertEquals("Succeeded", resumed.path("state").asString());
    // the run started when its first attempt did, as Argo's retry keeps the workflow's creation (Dsl.runCreateTime())
    assertEquals(recorded.path("startedAt").asString(), resumed.path("startedAt").asString(), resumed.toString());
  }

  @Test
  void runJsonGoesOnBeingWrittenOnceItCanBeAgain() throws Exception {
    // 'a' makes run.json unwritable for a while, as a full disk does (run.json a folder that is not empty), then writable again
    String breaks = "  - name: breaks\n    container:\n      image: a\n"
        + "      command: [sh, -c, '" + RUN_JSON_A_FOLDER + "; sleep 3; rm -r ../run.json']\n";
    String waits = "  - name: waits\n    container:\n      image: a\n      command: [sh, -c, 'echo $$ > " + dir.resolve("b.pid")
        + "; while [ ! -f " + dir.resolve("gate") + " ]; do sleep 0.1; done']\n";
    Workflow wf = workflow("unwritable", "", "      - {name: a, template: breaks}\n      - {name: b, template: waits, dependencies: [a]}\n",
        breaks, waits);
    CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> runner(false).run(wf, Map.of()));
    Child.number(dir.resolve("b.pid"), 60);
    Path runDir = onlyRun(dir.resolve("runs").resolve("unwritable"));
    // the old record stopped rewriting run.json at the first write that failed: 'b' never showed, until the run ended
    boolean shown = Child.await(30, () -> {
      try {
        return "Running".equals(Yaml.json().readTree(runDir.resolve("run.json").toFile()).at("/tasks/b/state").asString(""));
      } catch (RuntimeException e) {
        return false;
      }
    });
    Files.writeString(dir.resolve("gate"), "open");
    assertTrue(run.get(60, TimeUnit.SECONDS).succeeded());
    assertTrue(shown, "run.json shows 'b' running while it runs");
  }

  /**
   * The disk filled before the run's end: run.json's last writing failed, and LocalRun printed a stack trace without the
   * system's reason, and no summary. Now one line with the reason, after the summary, exit 5 (as kfp4j run's file errors).
   */
  @Test
  void aRunWhoseRecordCannotBeWrittenAtItsEndSaysWhyInOneLine() throws Exception {
    // the task makes run.json a folder that is not empty: every later writing of run.json fails, as on a full disk
    Path file = Files.writeString(dir.resolve("full.yaml"), "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\n"
        + "metadata: {generateName: full-}\nspec:\n  entrypoint: main\n  templates:\n  - name: main\n    dag:\n      tasks:\n"
        + "      - {name: fills, template: fills}\n  - name: fills\n    container:\n      image: a\n"
        + "      command: [sh, -c, '" + RUN_JSON_A_FOLDER + "']\n");
    Process p = Child.localRun(dir.resolve("out.log"), Map.of(), file.toString(), "--root", dir.resolve("runs").toString(), "--no-cache",
        "--summary");
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    String out = Files.readString(dir.resolve("out.log"));
    assertEquals(5, p.exitValue(), out);
    Path runDir = onlyRun(dir.resolve("runs").resolve("full"));
    assertTrue(out.endsWith("\nLocalRun: error: cannot write " + runDir.resolve("run.json") + ": Is a directory\n"), out);
    assertFalse(out.contains("\tat "), "no stack trace: " + out);
    assertTrue(out.contains("\nrun full " + runDir.getFileName() + ": Succeeded\n"), "the summary is printed: " + out);
  }

  @Test
  void aRunnerStoppedMidRunSaysHowToCompleteTheRun() throws Exception {
    // four tasks at once, each of whose threads could say it failed as the JVM ends
    String waits = "  - name: waits\n    inputs: {parameters: [{name: n}]}\n    container:\n      image: a\n      command: [sh, -c, 'echo $$ > "
        + dir.resolve("waits-") + "{{inputs.parameters.n}}.pid; while true; do sleep 0.1; done']\n";
    StringBuilder tasks = new StringBuilder();
    for (int n = 1; n <= 4; n++) {
      tasks.append("      - {name: w").append(n).append(", template: waits, arguments: {parameters: [{name: n, value: '").append(n)
          .append("'}]}}\n");
    }
    Path file = Files.writeString(dir.resolve("stopped.yaml"), "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\n"
        + "metadata: {generateName: stopped-}\nspec:\n  entrypoint: main\n  templates:\n  - name: main\n    dag:\n      tasks:\n"
        + tasks + waits);
    Process p = Child.localRun(dir.resolve("stopped.log"), Map.of(), file.toString(), "--root", dir.resolve("runs").toString(),
        "--parallelism", "4");
    List<Long> waiting = new java.util.ArrayList<>();
    for (int n = 1; n <= 4; n++) {
      waiting.add(Child.number(dir.resolve("waits-" + n + ".pid"), 60));
    }
    Path runDir = onlyRun(dir.resolve("runs").resolve("stopped"));
    p.destroy(); // SIGTERM, as a kill or the end of a CI job sends
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertTrue(Child.await(20, () -> waiting.stream().noneMatch(Child::alive)), "its tasks ended with it");
    String out = Files.readString(dir.resolve("stopped.log"));
    assertTrue(out.contains("kfp4j: the run " + runDir.getFileName() + " was stopped before it ended; complete it with --resume " + runDir
        + "\n"), out);
    // the tasks were stopped with it, not failed: nothing says one failed, nor does the run's record (the old runner said
    // "task 'w1' failed: exit code 137" as the JVM ended, when a task's thread got there first, and recorded it so)
    assertFalse(out.contains("failed"), out);
    JsonNode recorded = Yaml.json().readTree(runDir.resolve("run.json").toFile()).path("tasks");
    for (int n = 1; n <= 4; n++) {
      assertNotEquals("Failed", recorded.path("w" + n).path("state").asString(), recorded.toString());
    }
  }

  /** The one run folder in {@code runs}, or {@code runs} while there is none. */
  private static Path onlyRun(Path runs) {
    try (var list = Files.list(runs)) {
      return list.findFirst().orElse(runs);
    } catch (java.io.IOException e) {
      return runs;
    }
  }

  /**
   * Two runs of the same id (the same millisecond, the same 16 random bits) shared a folder: the second's workflow.json
   * overwrote the first's before the lock refused it. A folder of the id the runner picked is now never entered: another id.
   */
  @Test
  void aRunNeverEntersAFolderOfItsIdThatIsThereAlready() throws Exception {
    Path theirs = Files.createDirectories(dir.resolve("runs").resolve("taken").resolve("same"));
    Files.writeString(theirs.resolve(LocalRunner.WORKFLOW_FILE), "theirs");
    java.util.Iterator<String> ids = List.of("same", "other").iterator();
    RunResult r = LocalRunner.builder().root(dir.resolve("runs")).caching(false).progress(false).summary(false)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).runIds(ids::next).build()
        .run(workflow("taken", "", task("a", "double", "1"), sh("double", DOUBLE)), Map.of());
    assertTrue(r.succeeded());
    assertEquals("other", r.runId());
    assertEquals(dir.resolve("runs").resolve("taken").resolve("other").toAbsolutePath(), r.runDir());
    assertEquals("theirs", Files.readString(theirs.resolve(LocalRunner.WORKFLOW_FILE)));
    try (var in = Files.list(theirs)) {
      assertEquals(List.of(theirs.resolve(LocalRunner.WORKFLOW_FILE)), in.toList(), "nothing of the new run in it");
    }
  }

  @Test
  void twoRunsAtOnceDoNotShareFiles() throws Exception {
    Workflow wf = workflow("twice", "    - {name: n}\n", task("a", "double", "{{workflow.parameters.n}}"), sh("double", DOUBLE));
    LocalRunner runner = runner(false);
    CompletableFuture<RunResult> one = CompletableFuture.supplyAsync(() -> runner.run(wf, Map.of("n", "1")));
    CompletableFuture<RunResult> two = CompletableFuture.supplyAsync(() -> runner.run(wf, Map.of("n", "2")));
    RunResult r1 = one.get();
    RunResult r2 = two.get();
    assertNotEquals(r1.runDir(), r2.runDir());
    assertEquals("2", r1.output("a", "out"));
    assertEquals("4", r2.output("a", "out"));
    assertEquals("2\n", Files.readString(r1.runDir().resolve("a/outputs/out/data")));
    assertEquals("4\n", Files.readString(r2.runDir().resolve("a/outputs/out/data")));
  }

  @Test
  void conditionsAndLoops() {
    String tasks = task("a", "double", "{{workflow.parameters.n}}")
        + "      - name: big\n        template: double\n        dependencies: [a]\n        when: '{{tasks.a.outputs.parameters.out}} > 5'\n"
        + "        arguments: {parameters: [{name: x, value: '1'}]}\n"
        + "      - name: small\n        template: double\n        dependencies: [a]\n        when: '{{tasks.a.outputs.parameters.out}} <= 5 && \"x\" == \"x\"'\n"
        + "        arguments: {parameters: [{name: x, value: '1'}]}\n"
        + "      - name: each\n        template: double\n        arguments: {parameters: [{name: x, value: '{{item.v}}'}]}\n"
        + "        withItems: [{v: '1'}, {v: '2'}]\n"
        + "      - name: range\n        template: list\n        arguments: {parameters: [{name: x, value: '3'}]}\n"
        + "      - name: over\n        template: double\n        dependencies: [range]\n        arguments: {parameters: [{name: x, value: '{{item}}'}]}\n"
        + "        withParam: '{{tasks.range.outputs.parameters.out}}'\n";
    String list = sh("list", "mkdir -p $(dirname $1); echo [10, 20, $0] > $1");
    RunResult r = runner(false).run(workflow("flow", "    - {name: n, value: '4'}\n", tasks, sh("double", DOUBLE), list), Map.of());
    assertTrue(r.succeeded(), console.toString());
    assertEquals(State.Succeeded, r.task("big").get().state());
    assertEquals(State.Skipped, r.task("small").get().state());
    assertEquals("2", r.output("each(0)", "out"));
    assertEquals("4", r.output("each(1)", "out"));
    assertEquals(List.of("20", "40", "6"),
        List.of(r.output("over(0)", "out"), r.output("over(1)", "out"), r.output("over(2)", "out")));
  }

  @Test
  void badArgumentsAreRefusedBeforeAnythingRuns() {
    Workflow wf = workflow("typed", "    - {name: n}\n    - {name: m, value: '1'}\n", task("a", "double", "{{workflow.parameters.n}}"),
        sh("double", DOUBLE));
    assertEquals("pipeline 'typed' has no parameter 'nn'; did you mean 'n'? Its parameters are [n, m]",
        assertThrows(WorkflowException.class, () -> runner(false).run(wf, Map.of("nn", "1"))).getMessage());
    assertEquals("pipeline 'typed' needs a value for [n] (they have no default); pass name=value",
        assertThrows(WorkflowException.class, () -> runner(false).run(wf, Map.of())).getMessage());
    assertFalse(Files.exists(dir.resolve("runs")), "nothing ran");
  }

  @Test
  void aRootThatIsAFileIsOneLineSayingWhatToDo() throws Exception {
    Path file = Files.writeString(dir.resolve("runs"), "a file");
    Workflow wf = workflow("rooted", "", task("a", "double", "1"), sh("double", DOUBLE));
    String message = assertThrows(WorkflowException.class, () -> runner(false).run(wf, Map.of())).getMessage();
    assertTrue(message.matches("cannot create the run folder \\S+/runs/rooted/\\S+: " + java.util.regex.Pattern.quote(file.toString())
        + " is a file, not a folder; give a root \\(--root\\) that is a folder you can write, or can create"), message);

    Path yaml = Files.writeString(dir.resolve("rooted.yaml"), "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {generateName: rooted-}\n"
        + "spec:\n  entrypoint: main\n  templates:\n  - name: main\n    dag:\n      tasks:\n" + task("a", "double", "1") + sh("double", DOUBLE));
    Process p = Child.localRun(dir.resolve("out.log"), Map.of(), yaml.toString(), "--root", file.toString());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    String out = Files.readString(dir.resolve("out.log"));
    assertEquals(2, p.exitValue(), out);
    assertTrue(out.startsWith("usage: LocalRun ") && out.lines().count() == 2
        && out.lines().skip(1).findFirst().orElseThrow().startsWith("LocalRun: error: cannot create the run folder "),
        "the usage and one line, no stack trace: " + out);
    assertEquals("a file", Files.readString(file));
  }

  @Test
  void aResumeGivenOtherArgumentsRefusesThemRatherThanIgnoreThem() {
    Workflow wf = workflow("resumed", "    - {name: n}\n", task("a", "double", "{{workflow.parameters.n}}"), sh("double", DOUBLE));
    RunResult first = runner(false).run(wf, Map.of("n", "3"));
    // the values unsaid, as every error about arguments: they may be credentials (it said 'started with n=3 ... leave out n=5')
    assertEquals(first.runDir() + " was started with another value of 'n', and a resumed run keeps the arguments it started with: "
        + "leave out the argument 'n', or start a new run", assertThrows(WorkflowException.class,
            () -> runner(false).resume(wf, first.runDir(), Map.of("n", "5"))).getMessage());
    assertEquals("6", runner(false).resume(wf, first.runDir(), Map.of("n", "3")).output("a", "out"), "the same ones are fine");
  }

  /** A workflow file {@code <name>.yaml} of one task that doubles its parameter {@code n}. */
  private Path doubleFile(String name) throws IOException {
    return Files.writeString(dir.resolve(name + ".yaml"), "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\n"
        + "metadata: {generateName: " + name + "-}\nspec:\n  entrypoint: main\n  arguments:\n    parameters:\n    - {name: n}\n"
        + "  templates:\n  - name: main\n    dag:\n      tasks:\n" + task("a", "double", "{{workflow.parameters.n}}")
        + sh("double", DOUBLE));
  }

  @Test
  void localRunResumeWithOtherArgumentsIsAUsageError() throws Exception {
    Path file = doubleFile("resumed");
    String root = dir.resolve("runs").toString();
    assertEquals(0, LocalRun.run(new String[] {file.toString(), "n=3", "--root", root, "--no-cache"}));
    Path runDir;
    try (var runs = Files.list(dir.resolve("runs/resumed"))) {
      runDir = runs.findFirst().orElseThrow();
    }
    String record = Files.readString(runDir.resolve("run.json"));
    assertEquals(2, LocalRun.run(new String[] {file.toString(), "n=5", "--root", root, "--resume", runDir.toString()}),
        "n=5 is not what the run started with, and would not be used");
    assertEquals(record, Files.readString(runDir.resolve("run.json")), "nothing ran");
  }

  /**
   * An option's value after '=', as kfp4j run takes it ({@code --engine-arg=--runtime} in the README): LocalRun refused
   * every such option as "unknown option --root=DIR".
   */
  @Test
  void localRunTakesAnOptionsValueAfterEqualsAsKfp4jRunDoes() throws Exception {
    Path file = doubleFile("equals");
    assertEquals(0, LocalRun.run(new String[] {file.toString(), "n=3", "--root=" + dir.resolve("runs"), "--parallelism=2", "--no-cache"}));
    assertTrue(Files.isDirectory(dir.resolve("runs/equals")), "the run is under --root=DIR");
    // and a value that holds '=' after an option is that option's value as it is
    Process p = Child.localRun(dir.resolve("out.log"), Map.of(), "any.yaml", "--engine-arg=--runtime", "--engine-arg=runc",
        "--engine-arg", "--root=x");
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    String out = Files.readString(dir.resolve("out.log"));
    assertEquals(2, p.exitValue(), out);
    assertTrue(out.endsWith("\nLocalRun: error: --engine, --engine-arg and --map-image are for --containers\n"), out);
  }

  /** An argument given twice was run with the last value: a usage error naming it, not its values. */
  @Test
  void anArgumentGivenTwiceIsAUsageErrorNamingIt() throws Exception {
    Process p = Child.localRun(dir.resolve("out.log"), Map.of(), "any.yaml", "token=31415", "token=27182");
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    String out = Files.readString(dir.resolve("out.log"));
    assertEquals(2, p.exitValue(), out);
    assertTrue(out.startsWith("usage: LocalRun ")
        && out.endsWith("\nLocalRun: error: pipeline argument 'token' is given twice; give each parameter once\n"), out);
  }

  @Test
  void aParallelismThatIsNoNumberIsAUsageErrorSayingSo() throws Exception {
    Process p = Child.localRun(dir.resolve("out.log"), Map.of(), "any.yaml", "--parallelism", "four");
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    String out = Files.readString(dir.resolve("out.log"));
    assertEquals(2, p.exitValue(), out);
    assertTrue(out.startsWith("usage: LocalRun ") && out.endsWith("\nLocalRun: error: --parallelism takes a whole number, found 'four'\n"), out);
  }

  /** --parallelism 0 said "parallelism must be at least 1", naming no option, as 'kfp4j run' did before 08ad5447. */
  @Test
  void aParallelismBelowOneIsAUsageErrorNamingTheOption() throws Exception {
    Process p = Child.localRun(dir.resolve("out.log"), Map.of(), "any.yaml", "--parallelism", "0");
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    String out = Files.readString(dir.resolve("out.log"));
    assertEquals(2, p.exitValue(), out);
    assertTrue(out.startsWith("usage: LocalRun ") && out.endsWith("\nLocalRun: error: --parallelism must be at least 1, not 0\n"), out);
  }

  /** A pipeline file that is not there said only "no workflow ... on the classpath", with no usage line. */
  @Test
  void aPipelineThatIsNeitherFileNorResourceIsAUsageErrorSayingWhereItLooked() throws Exception {
    Process p = Child.localRun(dir.resolve("out.log"), Map.of(), "nope.yaml", "n=1");
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    String out = Files.readString(dir.resolve("out.log"));
    assertEquals(2, p.exitValue(), out);
    assertTrue(out.startsWith("usage: LocalRun ") && out.contains("\nLocalRun: error: no pipeline file 'nope.yaml' here (")
        && out.endsWith("), nor a resource of that name on the classpath; name a compiled pipeline's file, such as"
            + " target/classes/META-INF/kfp4j/pipelines/<name>.yaml\n"), out);
  }

  /** An argument the pipeline has no parameter for was refused without the usage line other argument errors print. */
  @Test
  void anArgumentThePipelineDoesNotTakeIsAUsageError() throws Exception {
    Path file = doubleFile("typed");
    Process p = Child.localRun(dir.resolve("out.log"), Map.of(), file.toString(), "m=1", "--root", dir.resolve("runs").toString());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    String out = Files.readString(dir.resolve("out.log"));
    assertEquals(2, p.exitValue(), out);
    assertTrue(out.startsWith("usage: LocalRun ") && out.contains("\nLocalRun: error: ") && out.contains("'m'"), out);
    assertFalse(Files.exists(dir.resolve("runs")), "nothing ran");
  }

  /** A Java task whose main class the runner cannot find failed with java's "Could not find or load main class" alone. */
  @Test
  void aJavaTaskWhoseClassIsNotOnTheClasspathSaysWhereToRunIt() throws Exception {
    Workflow wf = workflow("missing-class", "", "      - {name: a, template: java}\n", "  - name: java\n    container:\n"
        + "      image: alpine\n      command: [java, -cp, /app/classes, org.acme.NotCompiledEntrypoint, add]\n");
    RunResult r = runner(false).run(wf, Map.of());
    TaskResult a = r.task("a").orElseThrow();
    assertEquals(State.Failed, a.state());
    String log = Files.readString(a.log());
    assertTrue(log.contains("org.acme.NotCompiledEntrypoint"), log);
    assertTrue(log.endsWith("kfp4j: org.acme.NotCompiledEntrypoint is on none of the runner's classpath entries: run where the project's "
        + "classes and dependencies are (kfp4j run in the project's folder after 'mvn compile', a dependency's classes in the jars of "
        + "target/dependency/ that 'mvn dependency:copy-dependencies -DincludeScope=runtime' writes, or with --classes and "
        + "--classpath; the kfp4j:run goal)\n"), log);
  }

  @Test
  void aCycleIsNamedBeforeAnythingRuns() {
    Workflow wf = workflow("cycle", "", task("a", "double", "1", "c") + task("b", "double", "1", "a") + task("c", "double", "1", "b")
        + task("d", "double", "1"), sh("double", DOUBLE));
    assertEquals("cycle.yaml: tasks of template 'main' depend on each other in a cycle: a -> c -> b -> a",
        assertThrows(WorkflowException.class, () -> runner(false).run(wf, Map.of())).getMessage());
    assertFalse(Files.exists(dir.resolve("runs")), "nothing ran");
  }

  /** Argo's enhanced {@code depends} (a claim's deletion waits so) is checked as {@code dependencies} is: unknown tasks and cycles. */
  @Test
  void aCycleOrUnknownTaskThroughDependsIsNamedBeforeAnythingRuns() {
    Workflow cycle = workflow("cycle", "", dependsTask("a", "c") + dependsTask("b", "a") + dependsTask("c", "b.Succeeded"),
        sh("double", DOUBLE));
    assertEquals("cycle.yaml: tasks of template 'main' depend on each other in a cycle: a -> c -> b -> a",
        assertThrows(WorkflowException.class, () -> runner(false).run(cycle, Map.of())).getMessage());
    Workflow unknown = workflow("unknown", "", dependsTask("a", "") + dependsTask("b", "a && nope"), sh("double", DOUBLE));
    assertEquals("unknown.yaml: task 'b' of template 'main' depends on an unknown task 'nope'",
        assertThrows(WorkflowException.class, () -> runner(false).run(unknown, Map.of())).getMessage());
    assertFalse(Files.exists(dir.resolve("runs")), "nothing ran");
  }

  private static String dependsTask(String name, String depends) {
    return "      - name: " + name + "\n        template: double\n" + (depends.isEmpty() ? "" : "        depends: '" + depends + "'\n")
        + "        arguments: {parameters: [{name: x, value: '1'}]}\n";
  }

  @Test
  void argumentsAreCheckedAgainstTheirKfpTypes() {
    String y = "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  generateName: typed-\n  annotations:\n"
        + "    pipelines.kubeflow.org/pipeline_spec: '{\"inputs\": [{\"name\": \"n\", \"type\": \"Integer\"}, {\"name\": \"l\", \"type\": \"JsonArray\"}], \"name\": \"typed\"}'\n"
        + "spec:\n  entrypoint: main\n  arguments: {parameters: [{name: n}, {name: l, value: '[]'}]}\n  templates:\n  - name: main\n    dag:\n      tasks:\n"
        + task("a", "double", "{{workflow.parameters.n}}") + sh("double", DOUBLE);
    Workflow wf = Workflow.parse(y, "typed.yaml");
    assertEquals("parameter 'n' is Integer: invalid int value: 'ten'",
        assertThrows(WorkflowException.class, () -> runner(false).run(wf, Map.of("n", "ten"))).getMessage());
    assertEquals("parameter 'l' is JsonArray: not a JSON array: '{}'; write a JSON array, such as [1, 2] or [\"a\", \"b\"]",
        assertThrows(WorkflowException.class, () -> runner(false).run(wf, Map.of("n", "1", "l", "{}"))).getMessage());
  }

  @Test
  void unsupportedTemplatesAndBadFilesAreNamed() {
    String resource = "  - name: make-secret\n    resource: {action: create, manifest: 'kind: Secret'}\n";
    Workflow forCluster = workflow("res", "", "      - {name: s, template: make-secret}\n", resource);
    assertEquals("res", forCluster.name(), "a cluster-only workflow still loads, for the client");
    WorkflowException e = assertThrows(WorkflowException.class, () -> runner(false).run(forCluster, Map.of()));
    assertEquals("res.yaml: step 's' is a Kubernetes resource step, which the local runner does not run; run this pipeline on a cluster",
        e.getMessage());
    assertEquals("res.yaml: task 's' of template 'main' names an unknown template 'nope'",
        assertThrows(WorkflowException.class,
            () -> runner(false).run(workflow("res", "", "      - {name: s, template: nope}\n"), Map.of())).getMessage());
    Path latin1 = dir.resolve("latin1.yaml");
    try {
      Files.write(latin1, "kind: Workflow # caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    } catch (java.io.IOException io) {
      throw new java.io.UncheckedIOException(io);
    }
    assertEquals(latin1 + ": not UTF-8 text", assertThrows(WorkflowException.class, () -> Workflow.read(latin1)).getMessage());
    assertEquals("x.yaml: not an Argo Workflow (kind: Workflow)",
        assertThrows(WorkflowException.class, () -> Workflow.parse("kind: Pod\n", "x.yaml")).getMessage());
  }

  @Test
  void aTaskThatWritesNoDeclaredOutputFails() {
    RunResult r = runner(false).run(workflow("lazy", "", task("a", "lazy", "1"), sh("lazy", "true")), Map.of());
    assertFalse(r.succeeded());
    assertTrue(r.task("a").get().message().startsWith("it wrote no output 'out' (expected a file at "), r.task("a").get().message());
  }

  @Test
  void theKfpSdksOwnPythonPipelineRunsWithPython3() throws Exception {
    Workflow wf = Workflow.read(Shared.testdata("kfp-sdk-1.8.22/add_pipeline.yaml"));
    RunResult r = runner(false).run(wf, Map.of("value_1", "3", "value_2", "4"));
    assertTrue(r.succeeded(), console.toString());
    assertEquals("7", r.output("add", "add-Output"));
    assertEquals("-1", r.output("subtract", "subtract-Output"));
    assertEquals("-7", Files.readString(r.task("multiply").get().artifacts().get("multiply-Output")));
  }

  @Test
  void javaComponentsRunInProcessUnlessASubprocessIsWhatWorks() {
    LocalRunner.JavaMode in = LocalRunner.JavaMode.IN_PROCESS;
    LocalRunner.JavaMode sub = LocalRunner.JavaMode.SUBPROCESS;
    assertEquals(in, JavaModes.choose("", in, 0, false));
    assertEquals(sub, JavaModes.choose("", sub, 0, false));
    assertEquals(sub, JavaModes.choose("", in, 60, false), "a timeout must be able to kill it");
    assertEquals(sub, JavaModes.choose("", in, 0, true), "env needs a process");
    assertEquals(sub, JavaModes.choose("subprocess", in, 0, false));
    assertEquals(in, JavaModes.choose("in-process", sub, 0, false));
  }

}
