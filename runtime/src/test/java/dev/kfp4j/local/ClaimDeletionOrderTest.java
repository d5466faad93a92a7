package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kfp4j.format.TestComponents;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.Task;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.model.VolumeStep;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The deletion of a claim that kfp4j deletes after its mounts ({@link VolumeStep.Deletion#afterMounts}) waits, in a local run of
 * the KFP 2 file as in the file, for every task that mounts the claim: by the volume ({@code mountVolume(v, ...)}), by the name
 * the volume gives ({@code mountPvc(v.name(), ...)}) and, for a claim of a fixed name, by that name ({@code
 * mountPvc("shared-data", ...)}). Before, the local run waited for the first kind alone, and the file for the first two, so the
 * claim could be deleted while a task mounting it by name ran.
 */
class ClaimDeletionOrderTest {
  private static Task task(String name, TaskSetting mount) {
    return new Task(name, TestComponents.ECHO, Map.of("msg", Argument.Constant.of(name)), List.of("shared-data"), List.of(mount));
  }

  @Test
  void theDeletionWaitsForEveryTaskMountingTheClaim() {
    VolumeStep claim = new VolumeStep("shared-data", "shared-data", Argument.Constant.of("1Gi"), "ReadWriteOnce", "", List.of(),
        List.of(), VolumeStep.Deletion.afterMounts("shared-data"), false);
    Task byVolume = task("by-volume", new TaskSetting.VolumeMount("shared-data", "/a"));
    Task byOutput = task("by-output", new TaskSetting.PvcMountFrom(new Argument.TaskOutput("shared-data", "name"), "/b"));
    Task byName = task("by-name", new TaskSetting.PvcMount("shared-data", "/c"));
    Pipeline p = new Pipeline("claims", null, List.of(), List.of(claim, byVolume, byOutput, byName), null,
        PipelineSettings.DEFAULTS, null);
    String yaml = Kfp2Writer.write(p);
    List<String> waited = new java.util.ArrayList<>();
    dev.kfp4j.yaml.Yaml.readAll(yaml).get(0).at("/root/dag/tasks/shared-data-delete/dependentTasks").forEach(t -> waited.add(t.asString()));
    assertEquals(List.of("by-name", "by-output", "by-volume", "shared-data"), waited.stream().sorted().toList(), yaml);
    Pipeline read = Kfp2Reader.read(yaml, "claims.yaml");
    assertEquals(List.of("shared-data", "by-volume", "by-output", "by-name"), ClaimSteps.deletionAfter(p, claim),
        "the local run of the model");
    VolumeStep readClaim = (VolumeStep) read.node("shared-data").orElseThrow();
    assertEquals(List.of("by-name", "by-output", "by-volume", "shared-data"),
        ClaimSteps.deletionAfter(read, readClaim).stream().sorted().toList(), "the local run of the file");
  }
}
