package dev.kfp4j.format.argo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.RunVolume;
import dev.kfp4j.model.Task;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.yaml.Yaml;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A run's volume in Argo: a claim template the workflow deletes on completion, mounted in every container template. */
class RunVolumeTest {
  static final RunVolume VOLUME = new RunVolume("2Gi", "ReadWriteMany", "fast", "/data");

  static Pipeline withVolume(RunVolume volume) {
    Task first = ArgoFormatTest.echo("first", Argument.Constant.of("hi"), new TaskSetting.PvcMount("shared", "/shared"));
    Task second = ArgoFormatTest.echo("second", new Argument.TaskOutput("first", "Output"));
    Task exit = ArgoFormatTest.echo("bye", Argument.Constant.of("bye"));
    return new Pipeline("p", null, List.of(), List.of(first, second), exit, PipelineSettings.DEFAULTS.withRunVolume(volume), "T.p()");
  }

  @Test
  void theClaimIsMadeForTheRunMountedInEveryStepAndDeletedOnCompletion() {
    String yaml = ArgoWriter.write(withVolume(VOLUME));
    JsonNode spec = Yaml.read(yaml).path("spec");
    JsonNode claim = spec.path("volumeClaimTemplates").get(0);
    assertEquals(1, spec.path("volumeClaimTemplates").size());
    assertEquals(RunVolume.NAME, claim.at("/metadata/name").asString());
    assertEquals("[\"ReadWriteMany\"]", claim.at("/spec/accessModes").toString());
    assertEquals("2Gi", claim.at("/spec/resources/requests/storage").asString());
    assertEquals("fast", claim.at("/spec/storageClassName").asString());
    assertEquals("OnWorkflowCompletion", spec.at("/volumeClaimGC/strategy").asString());
    int containers = 0;
    for (JsonNode t : spec.path("templates")) {
      if (t.has("container")) {
        containers++;
        JsonNode mounts = t.at("/container/volumeMounts");
        JsonNode last = mounts.get(mounts.size() - 1);
        assertEquals(RunVolume.NAME, last.path("name").asString(), t.toString());
        assertEquals("/data", last.path("mountPath").asString());
      }
    }
    assertEquals(2, containers, "the tasks' template and the exit task's");
    assertEquals(List.of(), ArgoRules.errors(Yaml.read(yaml)));
  }

  @Test
  void itReadsBackAndWritesTheSameFile() {
    String yaml = ArgoWriter.write(withVolume(VOLUME));
    Pipeline read = ArgoReader.read(yaml, "p.yaml");
    assertEquals(VOLUME, read.settings().runVolume());
    assertEquals(List.of(new TaskSetting.PvcMount("shared", "/shared")), ((Task) read.nodes().get(0)).settings(),
        "the run's mount is no setting of the task");
    assertEquals(yaml, ArgoWriter.write(read));
    RunVolume plain = new RunVolume("1Gi", "ReadWriteOnce", null, "/work");
    assertEquals(plain, ArgoReader.read(ArgoWriter.write(withVolume(plain)), "p.yaml").settings().runVolume());
  }

  @Test
  void withoutOneNothingIsWritten() {
    String yaml = ArgoWriter.write(withVolume(null));
    assertTrue(!yaml.contains("volumeClaim") && !yaml.contains(RunVolume.NAME), yaml);
    assertNull(ArgoReader.read(yaml, "p.yaml").settings().runVolume());
  }

  @Test
  void aVolumeIsCheckedWhenMade() {
    assertEquals("the volume's size 'big' is not a Kubernetes quantity; write e.g. 1Gi or 500Mi",
        assertThrows(IllegalArgumentException.class, () -> new RunVolume("big", "ReadWriteOnce", null, "/d")).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new RunVolume("1Gi", "ReadWriteSome", null, "/d"))
        .getMessage().startsWith("the volume's access mode 'ReadWriteSome' is not one of [ReadOnlyMany,"));
    assertEquals("the volume's storage class 'Fast_SSD' is not a Kubernetes name",
        assertThrows(IllegalArgumentException.class, () -> new RunVolume("1Gi", "ReadWriteOnce", "Fast_SSD", "/d")).getMessage());
    assertEquals("the volume's mount path 'data' must be absolute, such as /data",
        assertThrows(IllegalArgumentException.class, () -> new RunVolume("1Gi", "ReadWriteOnce", "", "data")).getMessage());
  }
}
