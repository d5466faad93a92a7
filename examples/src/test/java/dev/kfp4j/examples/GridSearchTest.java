package dev.kfp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.TaskResult;
import dev.kfp4j.local.Workflow;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code grid-search} example's KFP 2 spec, compiled by the real processor, run on this machine: the models kept under
 * the condition in the nested loop reach the task after both loops as one flat list (the rates' order first, none whose
 * score was under the threshold), and each rate's scores, collected by the inner loop only, reach that rate's task.
 */
class GridSearchTest {
  @TempDir Path dir;

  @Test
  void theModelsKeptInTheNestedLoopReachTheTaskAfterItAndEachRateGetsItsScores() {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    Workflow wf = Workflow.resource(getClass().getClassLoader(), "META-INF/kfp4j/kfp2/pipelines/grid-search.yaml");
    LocalRunner runner = LocalRunner.builder().root(dir).caching(false)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).build();
    RunResult r = runner.run(wf, Map.of());
    assertTrue(r.succeeded(), () -> r.failedTask() + "\n" + console);
    // kept: (0.3, 4) 80, (0.1, 2) 80, (0.1, 4) 100, in the grid's order; ranked best first, ties in that order
    assertEquals("rate=0.1 depth=4: 100, rate=0.3 depth=4: 80, rate=0.1 depth=2: 80", r.output("rank-models", "Output"), console::toString);
    assertEquals("80", r.output("for-loop-1(0)/best-score", "Output"));
    assertEquals("100", r.output("for-loop-1(1)/best-score", "Output"));
    List<String> keeps = r.tasks().stream().filter(t -> t.name().endsWith("keep-model")).map(TaskResult::id).sorted().toList();
    assertEquals(List.of("for-loop-1(0)/for-loop-2(1)/condition-3/keep-model", "for-loop-1(1)/for-loop-2(0)/condition-3/keep-model",
        "for-loop-1(1)/for-loop-2(1)/condition-3/keep-model"), keeps);

    RunResult strict = runner.run(wf, Map.of("threshold", "90", "depths", "[4, 8]"));
    assertTrue(strict.succeeded(), () -> strict.failedTask() + "\n" + console);
    assertEquals("rate=0.1 depth=4: 100", strict.output("rank-models", "Output"));
    assertEquals("80", strict.output("for-loop-1(0)/best-score", "Output"));
  }
}
