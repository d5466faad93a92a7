package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.argo.ArgoWriter;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.Task;
import dev.kfp4j.model.Workspace;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ContainerSpec;
import dev.kfp4j.spec.InputSpec;
import dev.kfp4j.spec.OutputSpec;
import dev.kfp4j.spec.Placeholder;
import dev.kfp4j.spec.TypeSpec;
import dev.kfp4j.testing.containers.BaseImages;
import dev.kfp4j.testing.containers.Engine;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * KFP 2's workspace run locally, as {@code kfp.local} runs it: a folder of the run, {@code
 * workspace}, whose path a task given {@code {{$.workspace_path}}} gets in its place, so that one
 * task writes a file there and a later one reads it.
 */
class WorkspaceTest {
  @TempDir Path dir;

  /** {@code sh -c CMD path out}: runs {@code script} with the input as $0 and the output file as $1. */
  private static ComponentSpec shell(String name, String script) {
    return new ComponentSpec(name, null, null, null,
        List.of(new InputSpec("path", TypeSpec.named("String"), null, null, false)),
        List.of(new OutputSpec("out", TypeSpec.named("String"), null)),
        new ContainerSpec("alpine:3", List.of(new Placeholder.Literal("sh")), List.of(new Placeholder.Literal("-c"),
            new Placeholder.Literal(script), new Placeholder.InputValue("path"), new Placeholder.OutputPath("out")), null, null), null);
  }

  private static Pipeline pipeline(Workspace workspace) {
    Task write = new Task("write", shell("write", "mkdir -p \"$(dirname \"$0\")\" && printf hello > \"$0\" && printf %s \"$0\" > \"$1\""),
        Map.of("path", new Argument.Constant(Workspace.PLACEHOLDER + "/data/greeting.txt", ParameterType.STRING)));
    Task read = new Task("read", shell("read", "cat \"$0\" > \"$1\""), Map.of("path", new Argument.TaskOutput("write", "out")));
    PipelineSettings settings = workspace == null ? PipelineSettings.DEFAULTS : PipelineSettings.DEFAULTS.withWorkspace(workspace);
    return new Pipeline("with-workspace", null, List.of(), List.of(write, read), null, settings, null);
  }

  private RunResult run(Pipeline p) {
    return run(p, LocalRunner.builder());
  }

  private RunResult run(Pipeline p, LocalRunner.Builder builder) {
    return builder.root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(OutputStream.nullOutputStream(), true)).build()
        .run(Workflow.parse(Kfp2Writer.write(p), "with-workspace.yaml"), Map.of());
  }

  @Test
  void inContainersTheWorkspaceIsMountedWhereKfpMountsIt() throws Exception {
    Engine engine = Engine.require();
    Containers containers = Containers.engine(engine.command().get(0)).withEngineArgs(engine.command().subList(1, engine.command().size()))
        .withImage("alpine:3", BaseImages.shell(engine));
    RunResult r = run(pipeline(new Workspace("1Gi", "{}")), LocalRunner.builder().containers(containers));
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    assertEquals("/kfp-workspace/data/greeting.txt", r.output("write", "out"), "the placeholder gave the mount's path");
    assertEquals("hello", r.output("read", "out"), "a task given a path under /kfp-workspace has it mounted too");
    assertEquals("hello", Files.readString(r.runDir().resolve("workspace/data/greeting.txt")));
  }

  @Test
  void aTaskWritesToTheWorkspaceAndALaterOneReadsIt() throws Exception {
    RunResult r = run(pipeline(new Workspace("1Gi", "{}")));
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    Path file = r.runDir().resolve("workspace/data/greeting.txt");
    assertEquals("hello", Files.readString(file), "the workspace is the run's folder 'workspace'");
    assertEquals(file.toString(), r.output("write", "out"), "the placeholder gave the workspace's path");
    assertEquals("hello", r.output("read", "out"));
  }

  @Test
  void aPipelineWithoutAWorkspaceFailsTheTaskGivenItsPlaceholderSayingWhat() {
    RunResult r = run(pipeline(null));
    assertFalse(r.succeeded());
    TaskResult failed = r.failedTask().orElseThrow();
    assertEquals("write", failed.name());
    String message = failed.message();
    assertTrue(message.contains("is given {{$.workspace_path}}, the run's workspace, which the pipeline does not have"), message);
  }

  @Test
  void argoHasNoWorkspace() {
    FormatException e = assertThrows(FormatException.class, () -> ArgoWriter.write(pipeline(new Workspace("1Gi", "{}"))));
    assertTrue(e.getMessage().contains("has a workspace (KFP 2's PipelineConfig.workspace), which KFP v1 has no form for"),
        e.getMessage());
  }

  /**
   * A task named {@code workspace} would have the run's folder of that name, the pipeline's workspace, for its own: its
   * start cleared the workspace's {@code outputs} and {@code tmp} folders, what earlier tasks wrote there. It is refused,
   * saying why, and the workspace keeps what was written to it.
   */
  @Test
  void aTaskNamedWorkspaceIsRefusedAndTheWorkspaceKeepsItsFiles() throws Exception {
    Task write = new Task("write", shell("write", "mkdir -p \"$(dirname \"$0\")\" && printf kept > \"$0\" && printf %s \"$0\" > \"$1\""),
        Map.of("path", new Argument.Constant(Workspace.PLACEHOLDER + "/outputs/kept.txt", ParameterType.STRING)));
    Task named = new Task("workspace", shell("read", "cat \"$0\" > \"$1\""), Map.of("path", new Argument.TaskOutput("write", "out")));
    RunResult r = run(new Pipeline("with-workspace", null, List.of(), List.of(write, named), null,
        PipelineSettings.DEFAULTS.withWorkspace(new Workspace("1Gi", "{}")), null));
    assertEquals("kept", Files.readString(r.runDir().resolve("workspace/outputs/kept.txt")), "the workspace keeps its files");
    TaskResult failed = r.failedTask().orElseThrow();
    assertEquals("workspace", failed.name());
    assertEquals("task 'workspace' would have the folder workspace of the run, which is the pipeline's workspace: name the "
        + "task otherwise", failed.message());
  }
}
