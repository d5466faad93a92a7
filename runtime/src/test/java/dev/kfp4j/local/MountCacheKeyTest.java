package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kfp4j.format.argo.ArgoWriter;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.local.TaskResult.State;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.Task;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ContainerSpec;
import dev.kfp4j.spec.OutputSpec;
import dev.kfp4j.spec.Placeholder;
import dev.kfp4j.spec.TypeSpec;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The claims a task mounts key its cache, in both formats: KFP 2's driver keys a task on the names of the claims it mounts
 * ({@code pvcNames}, {@code backend/src/v2/driver/container.go}), KFP v1's cache an Argo template on its {@code volumeMounts}
 * and {@code volumes}. Before, two tasks of one component reading {@code /data} of claim {@code a} and of claim {@code b}
 * shared one entry: the second gave what the first read.
 */
class MountCacheKeyTest {
  @TempDir Path dir;

  /** Gives the text of {@code /data/x}, the file of the claim it mounts there. */
  private static final ComponentSpec READ = new ComponentSpec("read", null, null, null, List.of(),
      List.of(new OutputSpec("out", TypeSpec.named("String"), null)),
      new ContainerSpec("alpine:3", List.of(new Placeholder.Literal("sh")), List.of(new Placeholder.Literal("-c"),
          new Placeholder.Literal("mkdir -p \"$(dirname \"$0\")\" && cat \"$1\" > \"$0\""), new Placeholder.OutputPath("out"),
          new Placeholder.Literal("/data/x")),
          null, null),
      null);

  private static Pipeline reading(String first, String second) {
    return new Pipeline("mount-cache", null, List.of(),
        List.of(new Task("first", READ, Map.of()).with(new TaskSetting.PvcMount(first, "/data")),
            new Task("second", READ, Map.of(), List.of("first"), List.of(new TaskSetting.PvcMount(second, "/data")))),
        null, PipelineSettings.DEFAULTS, null);
  }

  private RunResult run(String yaml, String source) throws Exception {
    for (String claim : List.of("a", "b")) {
      Files.createDirectories(dir.resolve("runs/volumes").resolve(claim));
      Files.writeString(dir.resolve("runs/volumes").resolve(claim).resolve("x"), "in " + claim);
    }
    return LocalRunner.builder().root(dir.resolve("runs")).caching(true)
        .console(new PrintStream(OutputStream.nullOutputStream(), true)).build().run(Workflow.parse(yaml, source), Map.of());
  }

  @Test
  void aTaskMountingAnotherClaimIsNotTheOthersEntry() throws Exception {
    for (String yaml : List.of(ArgoWriter.write(reading("a", "b")), Kfp2Writer.write(reading("a", "b")))) {
      RunResult r = run(yaml, yaml.startsWith("{") ? "mount-cache.json" : "mount-cache.yaml");
      assertEquals(State.Succeeded, r.task("second").orElseThrow().state(), () -> yaml + r.failedTask());
      assertEquals("in a", r.output("first", "out"));
      assertEquals("in b", r.output("second", "out"));
    }
  }

  @Test
  void aTaskMountingTheSameClaimIsItsEntry() throws Exception {
    RunResult r = run(Kfp2Writer.write(reading("a", "a")), "mount-cache.json");
    assertEquals(State.Cached, r.task("second").orElseThrow().state());
  }

  @Test
  void aTaskMountingTheWorkspaceReusesAnEntryOfItsRunOnly() throws Exception {
    ComponentSpec write = new ComponentSpec("write", null, null, null,
        List.of(new dev.kfp4j.spec.InputSpec("path", TypeSpec.named("String"), null, null, false)),
        List.of(new OutputSpec("out", TypeSpec.named("String"), null)),
        new ContainerSpec("alpine:3", List.of(new Placeholder.Literal("sh")), List.of(new Placeholder.Literal("-c"),
            new Placeholder.Literal("mkdir -p \"$(dirname \"$0\")\" \"$(dirname \"$1\")\" && printf hi > \"$0\" && printf ok > \"$1\""),
            new Placeholder.InputValue("path"), new Placeholder.OutputPath("out")), null, null),
        null);
    Pipeline p = new Pipeline("workspace-cache", null, List.of(), List.of(new Task("write", write, Map.of("path",
        new dev.kfp4j.model.Argument.Constant(dev.kfp4j.model.Workspace.PLACEHOLDER + "/x", dev.kfp4j.model.ParameterType.STRING)))),
        null, PipelineSettings.DEFAULTS.withWorkspace(new dev.kfp4j.model.Workspace("1Gi", "{}")), null);
    assertEquals(State.Succeeded, run(Kfp2Writer.write(p), "workspace-cache.json").task("write").orElseThrow().state());
    assertEquals(State.Succeeded, run(Kfp2Writer.write(p), "workspace-cache.json").task("write").orElseThrow().state(),
        "another run, another workspace: on KFP, another claim (its name is the run's)");
  }
}
