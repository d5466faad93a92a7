package dev.kfp4j.local;

import static dev.kfp4j.local.LocalRunnerTest.DOUBLE;
import static dev.kfp4j.local.LocalRunnerTest.sh;
import static dev.kfp4j.local.LocalRunnerTest.workflow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kfp4j.local.TaskResult.State;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Argo's enhanced {@code depends} run as Argo's controller decides it (dag.go evaluateDependsLogic on ancestry.go's expanded logic):
 * read where it decides as the model does, refused where it does not, never read as a plain wait it is not.
 */
class ArgoDependsTest {
  @TempDir Path dir;

  private RunResult run(Workflow wf) {
    return LocalRunner.builder().root(dir.resolve("runs")).caching(false).parallelism(2)
        .console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).progress(false).build().run(wf, Map.of());
  }

  private static String task(String name, String depends, String more) {
    return "      - name: " + name + "\n        template: double\n" + (depends.isEmpty() ? "" : "        depends: '" + depends + "'\n")
        + more + "        arguments: {parameters: [{name: x, value: '1'}]}\n";
  }

  private String refusal(String depends, String bMore) {
    Workflow wf = workflow("dep", "", task("a", "", "") + task("b", "a", bMore) + task("c", depends, ""), sh("double", DOUBLE));
    String message = assertThrows(WorkflowException.class, () -> run(wf)).getMessage();
    assertFalse(Files.exists(dir.resolve("runs")), "nothing ran");
    return message;
  }

  /** {@code b.Succeeded} on a task {@code b} whose when was false: Argo omits c; it ran before, read as a plain {@code b}. */
  @Test
  void aSucceededResultOnATaskThatCanBeSkippedIsRefusedNotReadAsPlain() {
    assertEquals("dep.yaml: task 'c' of template 'main': depends 'b.Succeeded': it does not run it when 'b' was Skipped, where "
        + "kfp4j's model runs a task after each task it waits for either when that succeeded or was skipped (as a task named alone, "
        + "such as 'a', waits) or whatever happened to it ((a.Succeeded || a.Failed || a.Errored || a.Skipped || a.Omitted)); kfp4j "
        + "reads a depends that waits so", refusal("b.Succeeded", "        when: '1 == 2'\n"));
  }

  /** Argo's validation refuses a result it does not know ({@code ValidateTaskResults}); read as a plain wait before. */
  @Test
  void anUnknownResultIsRefused() {
    assertEquals("dep.yaml: task 'c' of template 'main': depends 'b.Completed': task result 'Completed' for task 'b' is invalid "
        + "(Argo takes Succeeded, Failed, Errored, Skipped, Omitted, Daemoned, AnySucceeded, AllFailed)", refusal("b.Completed", ""));
  }

  /** Runs after a failure, after either task, or on a loop's items: decisions the model does not hold, named. */
  @Test
  void dependsThatDecideUnlikeTheModelAreRefused() {
    assertEquals("dep.yaml: task 'c' of template 'main': depends 'a || b': it runs it when 'a' Failed and 'b' Succeeded, where",
        refusal("a || b", "").split(", where ")[0] + ", where");
    assertEquals("dep.yaml: task 'c' of template 'main': depends '!b.Failed': it runs it when 'b' Errored, where",
        refusal("!b.Failed", "").split(", where ")[0] + ", where");
    assertEquals("dep.yaml: task 'c' of template 'main': depends 'b.AnySucceeded': it does not run it when 'b' Succeeded, where",
        refusal("b.AnySucceeded", "        withItems: [1, 2]\n").split(", where ")[0] + ", where");
    assertEquals("dep.yaml: task 'c' of template 'main': depends 'b.Succeeded &&': it ends where a task is expected",
        refusal("b.Succeeded &&", ""));
  }

  /** Forms that decide as the model does run: a result on a task that cannot be skipped, the results a plain name means. */
  @Test
  void dependsThatDecideAsTheModelRun() {
    Workflow wf = workflow("dep", "", task("a", "", "") + task("b", "a.Succeeded", "        when: '1 == 2'\n")
        + task("c", "(b.Succeeded || b.Skipped || b.Daemoned) && (a.Succeeded)", "") + task("d", "!(b.Failed || b.Errored "
        + "|| b.Omitted) && c", "") + task("e", "", "        withItems: [1, 2]\n") + task("f", "e.Succeeded", ""),
        sh("double", DOUBLE));
    RunResult r = run(wf);
    assertEquals(State.Succeeded, r.task("f").orElseThrow().state(), "a loop over items it has is never skipped");
    assertEquals(State.Skipped, r.task("b").orElseThrow().state());
    assertEquals(State.Succeeded, r.task("c").orElseThrow().state());
    assertEquals(State.Succeeded, r.task("d").orElseThrow().state());
  }
}
