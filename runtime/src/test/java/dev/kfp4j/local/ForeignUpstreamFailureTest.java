package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.testing.Shared;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A KFP 2 file written by the Python SDK with a task run after a failure ({@code ignore_upstream_failure()}) that KFP's backend
 * runs otherwise than a local run would: its compiler ({@code DAG} in {@code backend/src/v2/compiler/argocompiler/dag.go}) makes
 * the task an Argo exit hook of each task it waits for ({@code taskToExitTemplate[dep] = name}), so after two tasks it runs
 * twice, once as each ends, and of two such tasks after one task only the last by name runs. The local run is refused before
 * anything runs, naming the task; before, it ran the task once after both, or both tasks.
 */
class ForeignUpstreamFailureTest {
  @TempDir Path dir;

  private RunResult run(String yaml, Map<String, String> arguments) {
    return LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(OutputStream.nullOutputStream(), true)).build().run(Workflow.parse(yaml, "p.yaml"), arguments);
  }

  /** The SDK's add example with {@code multiply} run after a failure of add or subtract, its inputs then defaulting to 0. */
  private static String addExample() throws Exception {
    String yaml = Files.readString(Shared.testdata("kfp-sdk-2.17.0/add_pipeline.yaml"));
    String multiply = "        componentRef:\n          name: comp-multiply\n";
    assertTrue(yaml.contains(multiply));
    yaml = yaml.replace(multiply, multiply + "        triggerPolicy:\n          strategy: ALL_UPSTREAM_TASKS_COMPLETED\n");
    String inputs = "  comp-multiply:\n    executorLabel: exec-multiply\n    inputDefinitions:\n      parameters:\n"
        + "        value_1:\n          parameterType: NUMBER_INTEGER\n        value_2:\n          parameterType: NUMBER_INTEGER\n";
    assertTrue(yaml.contains(inputs));
    return yaml.replace(inputs, "  comp-multiply:\n    executorLabel: exec-multiply\n    inputDefinitions:\n      parameters:\n"
        + "        value_1:\n          defaultValue: 0\n          isOptional: true\n          parameterType: NUMBER_INTEGER\n"
        + "        value_2:\n          defaultValue: 0\n          isOptional: true\n          parameterType: NUMBER_INTEGER\n");
  }

  @Test
  void aTaskAfterTwoTasksIsRefusedBeforeAnythingRuns() throws Exception {
    String yaml = addExample();
    WorkflowException e = assertThrows(WorkflowException.class, () -> run(yaml, Map.of("value_1", "3", "value_2", "4")));
    assertEquals("p.yaml: root, task 'multiply' runs after a failure (ignore_upstream_failure) and waits for 2 tasks [add, "
        + "subtract]; KFP's backend runs such a task as an exit hook of each of them (DAG in "
        + "backend/src/v2/compiler/argocompiler/dag.go), once after each as soon as that one ends, which a local run does not "
        + "do: make it wait for one task, or make it the exit task of a dsl.ExitHandler around them", e.getMessage());
    assertFalse(Files.exists(dir.resolve("runs")), "nothing ran");
  }

  @Test
  void twoTasksAfterAFailureOfOneTaskAreRefused() throws Exception {
    // subtract, too, runs after a failure of add; multiply waits for add only
    String yaml = addExample().replace("        dependentTasks:\n        - add\n        - subtract\n",
        "        dependentTasks:\n        - add\n").replace("        componentRef:\n          name: comp-subtract\n",
        "        componentRef:\n          name: comp-subtract\n        dependentTasks:\n        - add\n"
        + "        triggerPolicy:\n          strategy: ALL_UPSTREAM_TASKS_COMPLETED\n");
    WorkflowException e = assertThrows(WorkflowException.class, () -> run(yaml, Map.of("value_1", "3", "value_2", "4")));
    assertEquals("p.yaml: root, tasks 'multiply' and 'subtract' both run after a failure of task 'add' (ignore_upstream_failure); "
        + "KFP's backend gives a task one exit hook (DAG in backend/src/v2/compiler/argocompiler/dag.go) and would run only "
        + "'subtract': make one of them wait for another task, or run both in one component", e.getMessage());
    assertFalse(Files.exists(dir.resolve("runs")), "nothing ran");
  }
}
