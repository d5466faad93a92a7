package dev.kfp4j.local;

import static dev.kfp4j.local.LocalRunnerTest.sh;
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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever goes wrong inside one task fails that task, with a message, and nothing else: the run
 * goes on with the other tasks, ends Failed in run.json, the summary prints. A damaged cache
 * entry is a miss: the task runs again.
 */
class TaskFaultTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  private LocalRunner runner(boolean caching) {
    return LocalRunner.builder().root(dir.resolve("runs")).caching(caching).parallelism(2)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).progress(false).summary(true).build();
  }

  private static String state(RunResult r) {
    return Yaml.json().readTree(r.runDir().resolve("run.json").toFile()).path("state").asString();
  }

  /** A task counting its runs in {@code count}, writing its input to output {@code out} and a file to artifact {@code art}. */
  private Workflow counted(Path count) {
    String t = "  - name: counted\n    inputs: {parameters: [{name: x}]}\n"
        + "    outputs:\n      parameters: [{name: out, valueFrom: {path: /tmp/o}}]\n      artifacts: [{name: art, path: /tmp/a}]\n"
        + "    container:\n      image: a\n      command: [sh, -c, 'echo x >> " + count + "; echo {{inputs.parameters.x}} > /tmp/o; echo file > /tmp/a']\n";
    return workflow("cached", "", task("c", "counted", "1"), t);
  }

  private Path cacheEntry() throws Exception {
    try (Stream<Path> entries = Files.list(dir.resolve("runs/.cache"))) {
      return entries.filter(p -> !p.getFileName().toString().startsWith(".")).findFirst().orElseThrow();
    }
  }

  @Test
  void aDeletedCachedValueIsAMissAndTheTaskRunsAgain() throws Exception {
    Path count = dir.resolve("count");
    runner(true).run(counted(count), Map.of());
    Files.delete(cacheEntry().resolve("parameters/out"));
    RunResult r = runner(true).run(counted(count), Map.of());
    assertEquals(State.Succeeded, r.task("c").get().state(), console.toString());
    assertEquals("1", r.output("c", "out"));
    assertEquals(2, Files.readAllLines(count).size(), "it ran again");
    assertEquals(State.Cached, runner(true).run(counted(count), Map.of()).task("c").get().state(), "and stored a whole entry");
  }

  @Test
  void aChangedOrTruncatedCachedFileIsAMiss() throws Exception {
    Path count = dir.resolve("count");
    runner(true).run(counted(count), Map.of());
    Files.writeString(cacheEntry().resolve("parameters/out"), "999\n");
    RunResult r = runner(true).run(counted(count), Map.of());
    assertEquals("1", r.output("c", "out"), "a changed value is not used");
    Files.writeString(cacheEntry().resolve("artifacts/art"), "fi");
    RunResult again = runner(true).run(counted(count), Map.of());
    assertEquals(State.Succeeded, again.task("c").get().state());
    assertEquals("file\n", Files.readString(again.task("c").get().artifacts().get("art")));
    assertEquals(3, Files.readAllLines(count).size());
  }

  @Test
  void aDeletedCachedArtifactIsAMiss() throws Exception {
    Path count = dir.resolve("count");
    runner(true).run(counted(count), Map.of());
    Files.delete(cacheEntry().resolve("artifacts/art"));
    RunResult r = runner(true).run(counted(count), Map.of());
    assertEquals(State.Succeeded, r.task("c").get().state(), console.toString());
    assertEquals("file\n", Files.readString(r.task("c").get().artifacts().get("art")));
  }

  @Test
  void aCacheFolderThatIsAFileTurnsCachingOffWithANote() throws Exception {
    Files.createDirectories(dir.resolve("runs"));
    Files.writeString(dir.resolve("runs/.cache"), "not a folder");
    RunResult r = runner(true).run(counted(dir.resolve("count")), Map.of());
    assertTrue(r.succeeded(), console.toString());
    assertEquals("Succeeded", state(r));
    assertTrue(Files.readString(r.task("c").get().log()).contains("kfp4j: its outputs were not cached"));
    assertEquals("not a folder", Files.readString(dir.resolve("runs/.cache")));
  }

  @Test
  void aComponentThatCallsSystemExitInProcessFailsTheRunSayingWhatToDo() throws Exception {
    String[] outAndLog = exitingRun("exit");
    assertTrue(outAndLog[0].contains("kfp4j: error: task 'quits' called System.exit, which ends the runner's JVM and the run with it; "
        + "return or throw instead, or run it as a java subprocess (--subprocess"), outAndLog[0]);
    assertTrue(outAndLog[1].contains("task 'quits' called System.exit"), "and in the task's log");
  }

  @Test
  void aThreadAComponentStartedThatCallsSystemExitInProcessFailsTheRunNamingTheTask() throws Exception {
    String[] outAndLog = exitingRun("exit-thread");
    assertTrue(outAndLog[0].contains("kfp4j: error: a thread started by task 'quits' called System.exit, which ends the runner's JVM"),
        outAndLog[0]);
    assertFalse(outAndLog[0].contains("was stopped before it ended"), outAndLog[0]);
    assertTrue(outAndLog[1].contains("a thread started by task 'quits' called System.exit"), "and in the task's log");
  }

  /**
   * A run, in a JVM of its own, of task 'quits' running TestEntrypoint's {@code command} with exit
   * code 0, which must fail the run with exit code 1: what the runner printed, and the task's log.
   */
  private String[] exitingRun(String command) throws Exception {
    Path file = Files.writeString(dir.resolve("exits.yaml"), "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\n"
        + "metadata: {generateName: exits-}\nspec:\n  entrypoint: main\n  templates:\n  - name: main\n    dag:\n      tasks:\n"
        + "      - {name: quits, template: quits}\n  - name: quits\n    container:\n      image: a\n"
        + "      command: [java, -cp, /app/classes, dev.kfp4j.local.TestEntrypoint, " + command + ", '0']\n");
    Process p = Child.localRun(dir.resolve("out.log"), Map.of(), file.toString(), "--root", dir.resolve("runs").toString());
    assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
    String out = Files.readString(dir.resolve("out.log"));
    assertEquals(1, p.exitValue(), "System.exit(0) of a component is no successful run: " + out);
    try (Stream<Path> runs = Files.list(dir.resolve("runs/exits"))) {
      return new String[] {out, Files.readString(runs.findFirst().orElseThrow().resolve("quits/log.txt"))};
    }
  }

  @Test
  void theSummaryOfAJavaTaskThatThrewShowsWhatItThrew() {
    String t = "  - name: throws\n    container:\n      image: a\n"
        + "      command: [java, -cp, /app/classes, dev.kfp4j.local.TestEntrypoint, throw, 'the input file is empty']\n";
    RunResult r = runner(false).run(workflow("throws", "", "      - {name: t, template: throws}\n", t), Map.of());
    assertFalse(r.succeeded());
    String summary = console.toString();
    assertTrue(summary.contains("task 't' failed: exit code 1\n  | java.lang.IllegalStateException: the input file is empty\n"
        + "  | \tat "), summary);
    assertTrue(summary.contains("dev.kfp4j.local.TestEntrypoint.deep(TestEntrypoint.java:"), "where it was thrown: " + summary);
    assertTrue(summary.contains("more frames (in the log)\n  log: "), summary);
  }

  @Test
  void theFramesOfAJavaTaskThatThrewInProcessReadAsASubprocesssDoWithoutTheRunsLoaderName() throws Exception {
    String t = "  - name: throws\n    container:\n      image: a\n"
        + "      command: [java, -cp, /app/classes, dev.kfp4j.local.TestEntrypoint, throw, 'the input file is empty']\n";
    RunResult r = LocalRunner.builder().root(dir.resolve("runs")).caching(false).javaMode(LocalRunner.JavaMode.IN_PROCESS)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).progress(false).summary(true).build()
        .run(workflow("throws", "", "      - {name: t, template: throws}\n", t), Map.of());
    String log = Files.readString(r.task("t").get().log());
    assertTrue(log.contains("\tat dev.kfp4j.local.TestEntrypoint.deep(TestEntrypoint.java:"), log);
    assertFalse(log.contains("kfp4j-run-") || console.toString().contains("kfp4j-run-"), log);
  }

  @Test
  void aTaskKilledByASignalSaysWhichAsTheOutOfMemoryKillerKillsIt() throws Exception {
    String t = "  - name: t\n    container:\n      image: a\n      command: [sh, -c, 'echo started; kill -9 $$']\n"
        + "  - name: s\n    container:\n      image: a\n      command: [sh, -c, 'kill -SEGV $$']\n";
    RunResult r = runner(false).run(workflow("killed", "", "      - {name: oom, template: t}\n      - {name: segv, template: s}\n", t),
        Map.of());
    assertFalse(r.succeeded());
    TaskResult oom = r.task("oom").orElseThrow();
    assertEquals(137, oom.exitCode());
    // was "exit code 137", which says nothing to one who does not know the shell's 128 + signal
    assertEquals("exit code 137 (killed by SIGKILL, signal 9: out of memory, or kill -9)", oom.message());
    assertEquals("exit code 139 (killed by SIGSEGV, signal 11)", r.task("segv").orElseThrow().message());
    assertTrue(console.toString(StandardCharsets.UTF_8).contains("failed: exit code 137 (killed by SIGKILL"), console.toString());
  }

  /**
   * With {@code --logs}, a task whose log.txt could not be written (here a folder in its place, for its second attempt) died
   * of SIGPIPE as it printed, exit 141, nothing said of its log: it runs to its end, and fails saying why its log is lost.
   */
  @Test
  void aTaskWhoseLogCannotBeWrittenRunsToItsEndAndFailsSayingSo() throws Exception {
    // the folder made until it is there: the runner opens the first attempt's log as the task starts, and opened between its
    // rm and mkdir, made the file again, so that the second attempt wrote its log and succeeded (seen once under load)
    for (boolean logs : List.of(true, false)) { // without --logs, it failed to start: "cannot start sh"
      Path count = dir.resolve("attempts" + logs);
      Path ended = dir.resolve("ended" + logs);
      String t = "  - name: t\n    retryStrategy: {limit: 1}\n    container:\n      image: a\n      command: [sh, -c, 'echo x >> " + count
          + "; if [ $(wc -l < " + count + ") -eq 1 ]; then until [ -d log.txt ]; do rm -f log.txt; mkdir log.txt 2> /dev/null; done; exit 1; fi; echo printed; echo done > "
          + ended + "']\n";
      RunResult r = LocalRunner.builder().root(dir.resolve("runs")).caching(false).logs(logs)
          .console(new PrintStream(console, true, StandardCharsets.UTF_8)).progress(false).summary(true).build()
          .run(workflow("unlogged", "", "      - {name: t, template: t}\n", t), Map.of());
      assertFalse(r.succeeded());
      String message = r.task("t").orElseThrow().message();
      assertTrue(message.matches("its output could not be written to .*/t/log\\.txt: Is a directory"), logs + ": " + message);
      assertTrue(Files.exists(ended), "the task ran to its end");
    }
  }

  /**
   * The journal could not be written as a task that succeeded ended (here a folder in its place): the task was shown twice,
   * Succeeded and Failed ("kfp4j could not run it: java.io.UncheckedIOException: ..." with a stack trace), its output kept in
   * its folder and stored in the cache, so that the next run took it from there as Cached, from a run that had failed. Now the
   * task fails once, saying why with the system's reason, its outputs deleted and not cached: the next run runs it again.
   */
  @Test
  void aSuccessThatCannotBeRecordedFailsItsTaskAndIsNotCached() throws Exception {
    Path once = dir.resolve("once");
    // the first run only: once the runner journaled the task's process, the journal a folder until it is one (the runner
    // may write it between the rm and the mkdir)
    String t = "  - name: t\n    outputs: {parameters: [{name: out, valueFrom: {path: /tmp/o}}]}\n    container:\n      image: a\n"
        + "      command: [sh, -c, 'echo hi > /tmp/o; if [ ! -e " + once + " ]; then touch " + once + "; until grep -q process "
        + "../journal.jsonl; do sleep 0.1; done; until [ -d ../journal.jsonl ]; do rm -f ../journal.jsonl; "
        + "mkdir ../journal.jsonl 2> /dev/null; done; fi']\n";
    Workflow wf = workflow("unrecorded", "", "      - {name: t, template: t}\n", t);
    RunResult first = runner(true).run(wf, Map.of());
    assertFalse(first.succeeded());
    assertEquals(1, first.tasks().size(), "shown once: " + first.tasks());
    TaskResult failed = first.task("t").orElseThrow();
    assertEquals(State.Failed, failed.state());
    assertTrue(failed.message().matches("its outputs were deleted, as its result could not be recorded: cannot write "
        + ".*/journal\\.jsonl: Is a directory"), failed.message());
    assertFalse(Files.exists(first.runDir().resolve("t/outputs")), "no output left in its folder");
    assertEquals("Failed", Yaml.json().readTree(first.runDir().resolve("run.json").toFile()).path("tasks").path("t").path("state")
        .asString());
    RunResult second = runner(true).run(wf, Map.of());
    assertEquals(State.Succeeded, second.task("t").orElseThrow().state(), "run again, not taken from the cache");
    assertEquals("hi", second.output("t", "out"));
  }

  /**
   * The journal could not be written as a task's process started (here a folder in its place, as its first attempt left it):
   * the task failed with "kfp4j could not run it: java.io.UncheckedIOException: cannot write .../journal.jsonl: ..." and a
   * stack trace in its log. Now one line with the file and the system's reason, no stack trace, no output left, no retry.
   */
  @Test
  void aStartThatCannotBeRecordedFailsItsTaskInOneLine() throws Exception {
    Path once = dir.resolve("once");
    // the first attempt: once the runner journaled its process, the journal a folder until it is one (the runner may write it
    // between the rm and the mkdir), then it fails; the second's start cannot be journaled
    String t = "  - name: t\n    retryStrategy: {limit: '2'}\n    outputs: {parameters: [{name: out, valueFrom: {path: /tmp/o}}]}\n"
        + "    container:\n      image: a\n"
        + "      command: [sh, -c, 'echo hi > /tmp/o; if [ ! -e " + once + " ]; then touch " + once + "; until grep -q process "
        + "../journal.jsonl; do sleep 0.1; done; until [ -d ../journal.jsonl ]; do rm -f ../journal.jsonl; "
        + "mkdir ../journal.jsonl 2> /dev/null; done; exit 1; fi; sleep 60']\n";
    RunResult r = runner(false).run(workflow("unstarted", "", "      - {name: t, template: t}\n", t), Map.of());
    assertFalse(r.succeeded());
    TaskResult failed = r.task("t").orElseThrow();
    assertEquals(State.Failed, failed.state());
    assertTrue(failed.message().matches("it was stopped as it started, as its start could not be recorded: cannot write "
        + ".*/journal\\.jsonl: Is a directory"), failed.message());
    assertEquals(2, failed.attempts(), "not retried again: " + failed);
    String log = Files.readString(failed.log());
    assertTrue(log.endsWith("kfp4j: " + failed.message() + "\n"), log);
    assertFalse(log.contains("Exception") || log.contains("\tat "), "no stack trace: " + log);
    assertFalse(Files.exists(r.runDir().resolve("t/outputs")), "no output left in its folder");
    assertEquals("Failed", state(r));
  }

  /**
   * A raw artifact's file could not be written into its task's folder (here a file in the way; a full disk): the task failed
   * with "kfp4j could not run it: java.io.UncheckedIOException: cannot write .../data", without why, and a stack trace in
   * its log. Now one line with the file in the way, or the file and the system's reason; the run goes on. The task ends in
   * Error, as Argo's node does when its pod's init container cannot load an input artifact ({@code inferFailedReason}).
   */
  @Test
  void aRawArtifactThatCannotBeWrittenFailsItsTaskInOneLine() throws Exception {
    String blocks = "  - name: blocks\n    container: {image: a, command: [sh, -c, 'mkdir -p ../c && touch ../c/inputs']}\n";
    String consumer = "  - name: c\n    inputs: {artifacts: [{name: in, path: /tmp/in}]}\n    container: {image: a, command: [cat, /tmp/in]}\n";
    String tasks = "      - {name: blocks, template: blocks}\n"
        + "      - name: c\n        template: c\n        dependencies: [blocks]\n        arguments: {artifacts: [{name: in, raw: {data: hi}}]}\n";
    RunResult r = runner(false).run(workflow("raw", "", tasks, blocks, consumer), Map.of());
    assertEquals(State.Succeeded, r.task("blocks").orElseThrow().state());
    TaskResult c = r.task("c").orElseThrow();
    assertEquals(State.Error, c.state());
    assertEquals("cannot write its input artifact 'in': " + r.runDir().resolve("c/inputs") + " is a file, not a folder", c.message());
    assertFalse(console.toString().contains("Exception"), console.toString());
    assertTrue(c.log() == null || !Files.readString(c.log()).contains("\tat "), "no stack trace in its log");
  }

  @Test
  void anOutputThatIsAFolderErrorsItsTask() throws Exception {
    String t = "  - name: t\n    inputs: {parameters: [{name: x}]}\n    outputs: {parameters: [{name: out, valueFrom: {path: /tmp/o}}]}\n"
        + "    container:\n      image: a\n      command: [sh, -c, 'mkdir -p /tmp/o/inside']\n";
    RunResult r = runner(false).run(workflow("folder", "", task("t", "t", "1") + task("other", "double", "2"), t,
        sh("double", LocalRunnerTest.DOUBLE)), Map.of());
    assertFalse(r.succeeded());
    assertTrue(r.task("t").get().message().matches("its output 'out' at .*/t/outputs/out/data is not a file"), r.task("t").get().message());
    assertEquals("4", r.output("other", "out"), "the other task ran");
    // Argo's wait container cannot read it, after the main container succeeded: the pod's node is in Error (inferFailedReason)
    assertEquals("Error", state(r));
    assertTrue(console.toString().contains("task 't' errored: its output 'out' at "), console.toString());
  }

  @Test
  void aValueCannotChangeAConditionsStructure() {
    String tasks = "      - name: guarded\n        template: double\n        when: '\"{{workflow.parameters.v}}\" == \"magic\"'\n"
        + "        arguments: {parameters: [{name: x, value: '1'}]}\n"
        + "      - name: unbalanced\n        template: double\n        when: '\"{{workflow.parameters.w}}\" != \"magic\"'\n"
        + "        arguments: {parameters: [{name: x, value: '2'}]}\n";
    Workflow wf = workflow("when", "    - {name: v}\n    - {name: w}\n", tasks, sh("double", LocalRunnerTest.DOUBLE));
    // Argo pastes the value into the older form's text, where its quote ends the quoted text: the condition then reads
    // otherwise ("x" == "x" || "a" == "magic") or not at all ("a"b" != "magic"); the runner never reads a value as the
    // condition's text, and ends the task in Error (as Argo ends a task whose when it cannot evaluate), saying why
    RunResult r = runner(false).run(wf, Map.of("v", "x\" == \"x\" || \"a", "w", "a\"b"));
    assertEquals(State.Error, r.task("guarded").get().state(), "the value is never read as the condition's text");
    assertTrue(r.task("guarded").get().message().contains("the value 'x\" == \"x\" || \"a' has a quote, or a backslash at its end, "
        + "which ends the quoted text Argo's when pastes it into"), r.task("guarded").get().message());
    assertEquals(State.Error, r.task("unbalanced").get().state());
    assertEquals(State.Succeeded, runner(false).run(wf, Map.of("v", "magic", "w", "b")).task("guarded").get().state());

    String tag = "      - name: tagged\n        template: double\n        when: \"{{=workflow.parameters['v'] == 'magic'}}\"\n"
        + "        arguments: {parameters: [{name: x, value: '3'}]}\n";
    Workflow expr = workflow("expr", "    - {name: v}\n", tag, sh("double", LocalRunnerTest.DOUBLE));
    RunResult skipped = runner(false).run(expr, Map.of("v", "x' == 'x' || 'a"));
    assertEquals(State.Skipped, skipped.task("tagged").get().state());
    assertEquals("condition 'x\\' == \\'x\\' || \\'a' == 'magic' is false", skipped.task("tagged").get().message(),
        "the value shown whole, its quotes escaped");
    assertEquals("6", runner(false).run(expr, Map.of("v", "magic")).output("tagged", "out"), "Argo's expression tags run too");
  }

  @Test
  void aReferenceThatResolvesToNothingErrsItsTaskAndTheRunGoesOn() throws Exception {
    String tasks = task("a", "double", "1") + task("b", "double", "{{tasks.a.outputs.parameters.nope}}", "a")
        + "      - name: c\n        template: double\n        dependencies: [a]\n        withParam: '{{tasks.a.outputs.parameters.out}}'\n"
        + "        arguments: {parameters: [{name: x, value: '{{item}}'}]}\n" + task("d", "double", "3");
    RunResult r = runner(false).run(workflow("unresolved", "", tasks, sh("double", LocalRunnerTest.DOUBLE)), Map.of());
    assertFalse(r.succeeded());
    assertEquals("task 'b' input 'x': task 'a' has no output 'nope'; it has [out]", r.task("b").get().message());
    assertEquals("task 'c': its items are not a JSON list: 2", r.task("c").get().message());
    assertEquals(State.Error, r.task("b").get().state(), "as Argo ends a task whose references it cannot resolve");
    assertEquals(State.Error, r.task("c").get().state());
    assertEquals("6", r.output("d", "out"));
    assertEquals("Error", state(r));
    assertEquals(List.of("a", "b", "c", "d"), r.tasks().stream().map(TaskResult::id).toList());
  }
}
