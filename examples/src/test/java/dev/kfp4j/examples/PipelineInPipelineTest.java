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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pipelines of {@code PipelineInPipeline}, compiled by the real processor, run on this machine
 * from each format: the called pipeline's tasks run where the call is, named after it, the second
 * call of {@code greet} taking what the first gave.
 */
class PipelineInPipelineTest {
  @TempDir Path dir;

  private RunResult run(String resource, Map<String, String> arguments) {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    Workflow wf = Workflow.resource(getClass().getClassLoader(), resource);
    RunResult r = LocalRunner.builder().root(dir).caching(false)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).build().run(wf, arguments);
    assertTrue(r.succeeded(), () -> r.failedTask() + "\n" + console);
    return r;
  }

  private static List<TaskResult.State> states(RunResult r, String name) {
    return r.tasks().stream().filter(t -> t.name().equals(name)).map(TaskResult::state).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"META-INF/kfp4j/pipelines/", "META-INF/kfp4j/kfp2/pipelines/"})
  void aPipelineCalledTwiceRunsTwiceTheSecondAfterTheFirst(String folder) {
    RunResult r = run(folder + "greet-twice.yaml", Map.of("greeting", "Hi"));
    assertEquals("Hi", r.output("greet-print-op1", "Output"));
    assertEquals("Hi", r.output("greet-2-print-op1", "Output"));
    assertEquals(List.of(TaskResult.State.Succeeded), states(r, "greet-print-op2"));
    assertEquals(List.of(TaskResult.State.Succeeded), states(r, "greet-2-print-op2"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"META-INF/kfp4j/pipelines/", "META-INF/kfp4j/kfp2/pipelines/"})
  void aPipelineCalledInALoopRunsOncePerItem(String folder) {
    RunResult r = run(folder + "pipeline-in-pipeline-complex.yaml", Map.of());
    assertEquals("Hello", r.output("print-op1", "Output"));
    assertEquals(2, states(r, "inner-pipeline-print-op1").size());
    // 'Hello' says world, 'world!' says Bye!: each branch runs once, and is skipped once
    assertEquals(1, states(r, "inner-pipeline-print-op2").stream().filter(s -> s == TaskResult.State.Succeeded).count());
    assertEquals(1, states(r, "inner-pipeline-print-op2-2").stream().filter(s -> s == TaskResult.State.Succeeded).count());
  }
}
