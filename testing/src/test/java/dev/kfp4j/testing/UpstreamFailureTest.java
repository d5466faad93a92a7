package dev.kfp4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.argo.ArgoWriter;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.TaskResult;
import dev.kfp4j.local.Workflow;
import dev.kfp4j.model.Node;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Task;
import dev.kfp4j.model.RunSetting;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.yaml.Yaml;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * KFP's {@code ignore_upstream_failure()}: a task with the trigger strategy {@code ALL_UPSTREAM_TASKS_COMPLETED} runs once
 * the tasks it waits for have ended, even when one failed, an input whose producer gave nothing taking its default; given a
 * {@code PipelineTaskFinalStatus}, it gets the status of the one task it waits for. kfp4j read such a task as the exit
 * task, which then failed for want of the failed task's output; and of several exit handlers it kept the last one's task.
 */
class UpstreamFailureTest {
  @TempDir Path dir;

  private static String spec(String name) {
    return Yaml.resource(UpstreamFailureTest.class, "upstream/" + name);
  }

  private RunResult run(String yaml, String source) {
    return LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).build()
        .run(Workflow.parse(yaml, source), Map.of());
  }

  private static boolean afterFailure(Pipeline p, String task) {
    return ((Task) p.node(task).orElseThrow()).settings().contains(new RunSetting.IgnoreUpstreamFailure());
  }

  @Test
  void aTaskRunAfterAFailureIsReadAsOneNotAsTheExitTask() {
    Pipeline p = Kfp2Reader.read(spec("ignore_upstream_failure.yaml"), "ignore_upstream_failure.yaml");
    assertNull(p.exitTask());
    assertEquals(List.of("fail-op", "fail-op-2", "print-op", "status-op"), p.allNodes().stream().map(Node::name).toList());
    assertEquals(true, afterFailure(p, "print-op"));
    assertEquals(true, afterFailure(p, "status-op"));
    assertEquals(List.of("fail-op-2"), ((Task) p.node("status-op").orElseThrow()).after());
  }

  @Test
  void kfp2WritesItAsKfpDoesValidAndReadsItBack() {
    Pipeline p = Kfp2Reader.read(spec("ignore_upstream_failure.yaml"), "ignore_upstream_failure.yaml");
    String yaml = Kfp2Writer.write(p);
    Shared.root(Shared.KFP_API);
    assertEquals(List.of(), Kfp2Schemas.errors(yaml), yaml);
    JsonNode tasks = Yaml.readAll(yaml).get(0).at("/root/dag/tasks");
    JsonNode original = Yaml.readAll(spec("ignore_upstream_failure.yaml")).get(0).at("/root/dag/tasks");
    for (String t : List.of("print-op", "status-op")) {
      assertEquals(original.get(t).get("triggerPolicy"), tasks.get(t).get("triggerPolicy"), yaml);
      assertEquals(original.get(t).get("dependentTasks"), tasks.get(t).get("dependentTasks"), yaml);
      assertEquals(original.get(t).get("inputs"), tasks.get(t).get("inputs"), yaml);
    }
    assertEquals(p.nodes(), Kfp2Reader.read(yaml, "p.yaml").nodes());
  }

  @Test
  void argoRefusesIt() {
    Pipeline p = Kfp2Reader.read(spec("ignore_upstream_failure.yaml"), "ignore_upstream_failure.yaml");
    FormatException e = assertThrows(FormatException.class, () -> ArgoWriter.write(p));
    assertEquals("pipeline 'my-pipeline', task 'print-op' runs even when a task it waits for failed (KFP 2's "
        + "ignore_upstream_failure()); an Argo DAG runs a task after a failed one only with continueOn on the failed task, for "
        + "every task after it: write this pipeline in the KFP 2 format only", e.getMessage());
  }

  @Test
  void locallyItRunsAfterTheFailureWithItsDefaultAndTheFailedTasksStatus() {
    RunResult r = run(spec("ignore_upstream_failure.yaml"), "ignore_upstream_failure.yaml");
    assertFalse(r.succeeded());
    assertEquals(TaskResult.State.Failed, r.task("fail-op").orElseThrow().state());
    assertEquals(TaskResult.State.Failed, r.task("fail-op-2").orElseThrow().state());
    assertEquals("default", r.output("print-op", "text"));
    JsonNode status = Yaml.read(r.output("status-op", "text"));
    assertEquals("FAILED", status.path("state").asString());
    assertEquals("fail-op-2", status.path("pipelineTaskName").asString());
  }

  @Test
  void whenNothingFailsItRunsAsAnyTaskWithTheOutput() {
    String yaml = spec("ignore_upstream_failure.yaml").replace("echo \"$0\"; exit 1", "mkdir -p \"$(dirname \"$1\")\" && printf '%s' \"$0\" > \"$1\"")
        .replace("- '{{$.inputs.parameters[''message'']}}'\n        image: alpine:3\n    exec-print-op",
            "- '{{$.inputs.parameters[''message'']}}'\n        - '{{$.outputs.parameters[''Output''].output_file}}'\n        image: alpine:3\n"
            + "    exec-print-op");
    RunResult r = run(yaml, "ignore_upstream_failure.yaml");
    assertEquals(true, r.succeeded(), () -> String.valueOf(r.failedTask()));
    assertEquals("message", r.output("print-op", "text"));
    assertEquals("SUCCEEDED", Yaml.read(r.output("status-op", "text")).path("state").asString());
  }

  @Test
  void severalExitHandlersKeepEveryExitTaskAndGroup() {
    Pipeline p = Kfp2Reader.read(spec("two_exit_handlers.yaml"), "two_exit_handlers.yaml");
    assertNull(p.exitTask());
    // each handler's group, which always runs, and its exit task beside it, run after the group's tasks whatever happened
    assertEquals(List.of("exit-handler-1", "fail-op", "exit-handler-2", "print-op-2", "print-op", "print-op-3"),
        p.allNodes().stream().map(Node::name).toList());
    assertNull(((dev.kfp4j.model.Condition) p.node("exit-handler-1").orElseThrow()).predicate());
    assertEquals(List.of("fail-op"), ((Task) p.node("print-op").orElseThrow()).after());
    assertEquals(List.of("print-op-2"), ((Task) p.node("print-op-3").orElseThrow()).after());
    RunResult r = run(spec("two_exit_handlers.yaml"), "two_exit_handlers.yaml");
    assertFalse(r.succeeded());
    assertEquals("First exit handler has worked!", r.output("print-op", "text"));
    assertEquals("Hello World!", r.output("exit-handler-2/print-op-2", "text")); // in its handler's group, as KFP shows it
    assertEquals("Second exit handler has worked!", r.output("print-op-3", "text"));
  }
}
