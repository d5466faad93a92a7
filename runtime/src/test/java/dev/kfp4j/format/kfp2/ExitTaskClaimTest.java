package dev.kfp4j.format.kfp2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.Workflow;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.Task;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.model.VolumeStep;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ContainerSpec;
import dev.kfp4j.spec.InputSpec;
import dev.kfp4j.spec.Placeholder;
import dev.kfp4j.spec.TypeSpec;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A claim of a fixed name ({@code Dsl.volume("shared-data", ...).uniqueName(false)}) made in the exit handler's body and
 * mounted by the exit task too ({@code mountPvc("shared-data", path)}). KFP's backend runs the exit task as an Argo exit hook of
 * the exit handler's group ({@code DAG} in {@code backend/src/v2/compiler/argocompiler/dag.go}), after the group's DAG, the
 * deletion after the body's mounts too: the exit task's pod would mount a deleted claim. So the claim is kept, no deletepvc
 * written, as it is when the exit task mounts the run's volume; the local run of that file gives the exit task what the body
 * wrote. (The testing module's UpstreamFailureTest checks the file against KFP's {@code .proto} files.)
 */
class ExitTaskClaimTest {
  @TempDir Path dir;

  /** {@code sh -c SCRIPT FOLDER}: the script with the claim's mount path as $0. */
  private static ComponentSpec sh(String name, String script) {
    return new ComponentSpec(name, null, null, null, List.of(new InputSpec("folder", TypeSpec.named("String"), null, null, false)),
        List.of(), new ContainerSpec("alpine:3", List.of(new Placeholder.Literal("sh")), List.of(new Placeholder.Literal("-c"),
            new Placeholder.Literal(script), new Placeholder.InputValue("folder")), null, null), null);
  }

  /** The pipeline: the claim and a task writing into it in the exit handler's body, an exit task reading it. */
  static Pipeline pipeline() {
    TaskSetting mount = new TaskSetting.PvcMount("shared-data", "/mnt/shared");
    Task write = new Task("write", sh("write", "printf kept > \"$0/note\""), Map.of("folder", Argument.Constant.of("/mnt/shared")),
        List.of("shared-data"), List.of(mount));
    Task read = new Task("read", sh("read", "cat \"$0/note\""), Map.of("folder", Argument.Constant.of("/mnt/shared")), List.of(),
        List.of(mount));
    VolumeStep claim = new VolumeStep("shared-data", "shared-data", Argument.Constant.of("1Gi"), "ReadWriteOnce", "", List.of(),
        List.of(), VolumeStep.Deletion.afterMounts("shared-data"), false);
    return new Pipeline("exit-claim", null, List.of(), List.of(claim, write), read, PipelineSettings.DEFAULTS, null);
  }

  @Test
  void theClaimIsKeptForTheExitTask() {
    JsonNode spec = Kfp2Writer.documents(pipeline()).get(0);
    assertTrue(spec.at("/components/comp-exit-handler-1/dag/tasks").has("shared-data"), spec.toString());
    assertFalse(spec.toString().contains("deletepvc"), "no deletepvc before the exit task: " + spec);
  }

  @Test
  void theLocalRunGivesTheExitTaskWhatTheBodyWrote() {
    LocalRunner runner = LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(OutputStream.nullOutputStream(), true)).build();
    RunResult r = runner.run(Workflow.parse(Kfp2Writer.write(pipeline()), "exit-claim.yaml"), Map.of());
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    assertEquals(true, r.tasks().stream().anyMatch(t -> t.name().equals("read") && t.state().ok()), "the exit task read the note");
  }

  /**
   * The exit task mounting the claim of a volume made in the body by the volume's output (its name, random per run) would
   * read a value made inside the exit handler's group from outside it, which KFP 2 cannot pass: refused, where the file
   * was written with a dangling {@code componentInputParameter: pipelinechannel--null} before.
   */
  @Test
  void anExitTaskReadingTheNameOfAClaimMadeInTheBodyIsRefused() {
    Pipeline p = pipeline();
    Task read = p.exitTask();
    Task mounting = new Task(read.name(), read.component(), read.arguments(), List.of(),
        List.of(new TaskSetting.VolumeMount("shared-data", "/mnt/shared")));
    Pipeline byVolume = new Pipeline(p.name(), null, List.of(), p.nodes(), mounting, PipelineSettings.DEFAULTS, null);
    dev.kfp4j.format.FormatException e = org.junit.jupiter.api.Assertions.assertThrows(dev.kfp4j.format.FormatException.class,
        () -> Kfp2Writer.write(byVolume));
    assertTrue(e.getMessage().contains("is read in 'root', outside the group that makes it"), e.getMessage());
  }
}
