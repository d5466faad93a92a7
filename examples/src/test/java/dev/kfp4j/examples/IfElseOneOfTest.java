package dev.kfp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.local.LocalRun;
import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.TaskResult;
import dev.kfp4j.local.Workflow;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code if-else-one-of} example's KFP 2 spec, compiled by the real processor, run on this
 * machine both ways: the task after the branches gets the text of the branch that ran, and the
 * other branch is skipped.
 */
class IfElseOneOfTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"2, heads, tails", "1, tails, heads"})
  void theTaskAfterTheBranchesGetsWhatTheBranchThatRanSaid(String seed, String side, String other) {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    Workflow wf = Workflow.resource(getClass().getClassLoader(), "META-INF/kfp4j/kfp2/pipelines/if-else-one-of.yaml");
    RunResult r = LocalRunner.builder().root(dir).caching(false)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).build().run(wf, Map.of("seed", seed));
    assertTrue(r.succeeded(), () -> r.failedTask() + "\n" + console);
    assertEquals(side, r.output("flip-coin", "Output"));
    String said = side.equals("heads") ? "Got heads!" : "Got tails!";
    assertEquals(said, r.output("print-and-return-3", "Output"), console::toString);
    String skipped = other.equals("heads") ? "condition-branches-1/condition-2" : "condition-branches-1/condition-3";
    assertEquals(TaskResult.State.Skipped, r.task(skipped).orElseThrow().state());
    // the pipeline returns the dsl.OneOf: kfp.local's pipeline_task.output, printed after the tasks by kfp4j run
    assertEquals(Map.of("Output", said), r.outputs());
    assertEquals(said, r.output("Output"));
    java.util.List<String> printed = LocalRun.results(r);
    assertEquals("pipeline output Output = " + said, printed.get(printed.size() - 1));
  }

  @org.junit.jupiter.api.Test
  void anArgoWorkflowHasNoPipelineOutputs() {
    Workflow wf = Workflow.resource(getClass().getClassLoader(), "META-INF/kfp4j/pipelines/add-example.yaml");
    RunResult r = LocalRunner.builder().root(dir).caching(false).console(new PrintStream(java.io.OutputStream.nullOutputStream()))
        .build().run(wf, Map.of());
    assertTrue(r.succeeded());
    assertEquals(Map.of(), r.outputs());
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> r.output("Output"));
    assertTrue(e.getMessage().startsWith("pipeline 'add-example' gave no output 'Output' in run "), e.getMessage());
  }
}
