package dev.kfp4j.format.kfp2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.TestComponents;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Loop;
import dev.kfp4j.model.Node;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.Task;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.model.VolumeStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * kfp4j's own deletion of a {@code Dsl.volume}'s claim in KFP 2, as KFP's backend runs it. Its compiler makes a task of
 * {@code triggerPolicy.strategy: ALL_UPSTREAM_TASKS_COMPLETED} no task of its DAG but an Argo exit hook of each task in its
 * {@code dependentTasks} ({@code DAG} in {@code backend/src/v2/compiler/argocompiler/dag.go}: {@code taskToExitTemplate[dep]};
 * {@code createpvc} gets none, running no executor, and a loop none, {@code iteratorTask} dropping it). So the deletion runs
 * whatever happened only after one task or group mounting the claim; after two it would run once after each, deleting the claim
 * when the first ends while the second still uses it, and after a loop never: there it waits for them to succeed, as
 * kfp-kubernetes' {@code DeletePVC(...).after(...)} is written. After a task that is itself such a hook nothing can wait: the claim
 * is kept.
 */
class VolumeDeletionHooksTest {
  private static final List<TaskSetting> MOUNT = List.of(new TaskSetting.VolumeMount("data", "/mnt"));

  private static Task mounting(String name) {
    return new Task(name, TestComponents.ECHO, Map.of("msg", Argument.Constant.of(name)), List.of(), MOUNT);
  }

  private static JsonNode delete(Node... mounts) {
    List<Node> nodes = new ArrayList<>();
    nodes.add(new VolumeStep("data", "data", Argument.Constant.of("1Gi"), "ReadWriteOnce", "", List.of(), List.of(),
        VolumeStep.Deletion.afterMounts("data"), true));
    nodes.addAll(List.of(mounts));
    Pipeline p = new Pipeline("p", null, List.of(), nodes, null, PipelineSettings.DEFAULTS, null);
    return Kfp2Writer.documents(p).get(0).at("/root/dag/tasks/data-delete");
  }

  @Test
  void afterOneMountItRunsWhateverHappened() {
    JsonNode delete = delete(mounting("write"));
    assertEquals("[\"data\",\"write\"]", delete.path("dependentTasks").toString());
    assertEquals("ALL_UPSTREAM_TASKS_COMPLETED", delete.at("/triggerPolicy/strategy").asString());
  }

  @Test
  void afterTwoMountsItWaitsForThemToSucceed() {
    JsonNode delete = delete(mounting("write"), mounting("read"));
    assertEquals("[\"data\",\"write\",\"read\"]", delete.path("dependentTasks").toString());
    assertFalse(delete.has("triggerPolicy"), "KFP's backend would run it after each of them: " + delete);
  }

  /** A task run after a failure is an exit hook on KFP's backend, which no task can wait for: the claim it mounts is kept. */
  @Test
  void aClaimATaskRunAfterAFailureMountsIsKept() {
    List<TaskSetting> settings = new ArrayList<>(MOUNT);
    settings.add(new dev.kfp4j.model.RunSetting.IgnoreUpstreamFailure());
    Task clean = new Task("clean", TestComponents.ECHO, Map.of("msg", Argument.Constant.of("clean")), List.of("write"), settings);
    JsonNode delete = delete(mounting("write"), clean);
    assertTrue(delete.isMissingNode(), "no deletepvc: " + delete);
  }

  @Test
  void afterALoopItWaitsForItToSucceed() {
    Loop loop = new Loop("for-loop-1", new Loop.Constants(List.of(Argument.Constant.of("a"), Argument.Constant.of("b"))), 0,
        List.of(mounting("write")));
    JsonNode delete = delete(loop);
    assertEquals("[\"data\",\"for-loop-1\"]", delete.path("dependentTasks").toString());
    assertFalse(delete.has("triggerPolicy"), "KFP's backend hooks nothing on a loop's task: " + delete);
  }
}
