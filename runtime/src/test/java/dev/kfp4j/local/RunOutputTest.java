package dev.kfp4j.local;

import static dev.kfp4j.local.LocalRunnerTest.sh;
import static dev.kfp4j.local.LocalRunnerTest.task;
import static dev.kfp4j.local.LocalRunnerTest.workflow;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a local run shows: outputs with loop items, the run's folder, a failure once with its log's tail, task output on request. */
class RunOutputTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  private LocalRunner.Builder runner() {
    return LocalRunner.builder().root(dir.resolve("runs")).caching(false).parallelism(1)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).progress(false).summary(true);
  }

  private String console() {
    return console.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aLoopIterationIsShownWithItsItem() {
    String tasks = "      - name: each\n        template: double\n        arguments: {parameters: [{name: x, value: '{{item.v}}'}]}\n"
        + "        withItems: [{v: '1', w: b}, {v: '2', w: a}]\n"
        + "      - name: over\n        template: double\n        arguments: {parameters: [{name: x, value: '{{item}}'}]}\n"
        + "        withItems: [3, 4]\n";
    RunResult r = runner().build().run(workflow("loops", "", tasks, sh("double", LocalRunnerTest.DOUBLE)), Map.of());
    assertEquals(List.of("each(0:v:1,w:b) = 2", "each(1:v:2,w:a) = 4", "over(0:3) = 6", "over(1:4) = 8"),
        LocalRun.results(r).stream().map(l -> l.replace(".out", "")).toList());
    assertEquals("6", r.output("over(0)", "out"), "a task's id stays what Argo's parent and index make it");
    assertTrue(console().contains("\nover(1:4)   "), console());
  }

  @Test
  void aFailedTaskIsShownOnceWithItsExitCodeAndTheEndOfItsLog() {
    String fail = "  - name: fail\n    inputs: {parameters: [{name: x}]}\n    container:\n      image: a\n"
        + "      command: [sh, -c, 'printf \"bad \\377\\376 bytes\\n\"; echo last words; exit 3']\n";
    RunResult r = runner().build().run(workflow("failing", "", task("bad", "fail", "1"), fail), Map.of());
    assertFalse(r.succeeded());
    String out = console();
    assertTrue(out.contains("task 'bad' failed: exit code 3\n  | bad \ufffd\ufffd bytes\n  | last words\n  log: "), out);
    assertEquals(1, out.split("exit code", -1).length - 1, out);
  }

  @Test
  void theTailOfAHugeLogIsReadFromItsEnd() throws Exception {
    // The task makes its log a sparse file of 4 GiB, then writes its last words at the end: in its folder, by name, as its
    // output is a pipe (log.txt is made as the runner starts copying it, and the task waits for its first line there: the
    // runner appends, so a line copied after the truncate would land past the 4 GiB)
    String fail = "  - name: fail\n    inputs: {parameters: [{name: x}]}\n    container:\n      image: a\n"
        + "      command: [sh, -c, 'echo first; while [ ! -s log.txt ]; do sleep 0.01; done; truncate -s 4G log.txt; "
        + "printf \"\\nlast words\\n\" >> log.txt; exit 1']\n";
    RunResult r = runner().build().run(workflow("huge", "", task("bad", "fail", "1"), fail), Map.of());
    assertEquals(4L << 30, Files.size(r.task("bad").get().log()) - "\nlast words\n".length());
    assertTrue(console().contains("task 'bad' failed: exit code 1\n  | ..."), console());
    assertTrue(console().contains("\n  | last words\n  log: "), console());
    assertEquals(List.of(), Console.tail(dir.resolve("missing"), 2), "a log that is not there has no tail");
  }

  @Test
  void aTasksOutputIsShownWhenAsked() {
    Workflow wf = workflow("chatty", "", task("a", "double", "3") + task("b", "double", "{{tasks.a.outputs.parameters.out}}", "a"),
        sh("double", LocalRunnerTest.DOUBLE));
    runner().summary(false).build().run(wf, Map.of());
    assertFalse(console().contains("doubled"), "quiet by default");
    RunResult r = runner().summary(false).logs(true).build().run(wf, Map.of());
    assertEquals("a | doubled 3\nb | doubled 6\n", console());
    assertTrue(Child.read(r.task("a").get().log()).contains("doubled 3"), "and still in the task's log");

    console.reset();
    String java = "  - name: java\n    outputs: {parameters: [{name: out, valueFrom: {path: /tmp/o}}]}\n    container:\n      image: a\n"
        + "      command: [java, -cp, /app/classes, dev.kfp4j.local.TestEntrypoint, write, hello, /tmp/o]\n";
    RunResult inProcess = runner().summary(false).logs(true).build().run(workflow("java", "", "      - {name: j, template: java}\n", java), Map.of());
    assertEquals("hello", inProcess.output("j", "out"));
    assertEquals("j | writing hello\n", console(), "an in-process task's output too");
  }

  @Test
  void theCommandLinePrintsTheRunFolderAndShowsTaskOutputWithLogs() throws Exception {
    Path file = Files.writeString(dir.resolve("chatty.yaml"), "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {generateName: chatty-}\n"
        + "spec:\n  entrypoint: main\n  templates:\n  - name: main\n    dag:\n      tasks:\n" + task("a", "double", "3")
        + sh("double", LocalRunnerTest.DOUBLE));
    Process p = Child.localRun(dir.resolve("out.log"), Map.of(), file.toString(), "--root", dir.resolve("runs").toString(), "--logs");
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    String out = Files.readString(dir.resolve("out.log"));
    assertEquals(0, p.exitValue(), out);
    Path runDir;
    try (var runs = Files.list(dir.resolve("runs/chatty"))) {
      runDir = runs.findFirst().orElseThrow();
    }
    assertEquals("a | doubled 3\na.out = 6\nrun folder: " + runDir + "\n", out);
  }
}
