package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kfp4j.format.TestComponents;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Condition;
import dev.kfp4j.model.Node;
import dev.kfp4j.model.Parameter;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.Predicate;
import dev.kfp4j.model.RunSetting;
import dev.kfp4j.model.Task;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ContainerSpec;
import dev.kfp4j.spec.Placeholder;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task run after a failure ({@code ignoreUpstreamFailure()}, KFP 2's {@code ALL_UPSTREAM_TASKS_COMPLETED}) in a local run of
 * a KFP 2 spec runs as KFP's backend runs it: as an Argo exit hook of the task it waits for ({@code DAG} in {@code
 * backend/src/v2/compiler/argocompiler/dag.go}), which Argo fires once that task has run, succeeded or failed, and not when it
 * was skipped by its condition or not run after a failure ({@code NodePhase.Completed} in argo-workflows' {@code
 * workflow_types.go}: a skipped phase has not completed). Before, the local runner ran it after a skipped or omitted task too.
 */
class ExitHookRunTest {
  private static final ComponentSpec FAIL = new ComponentSpec("fail", null, null, null, List.of(), List.of(),
      new ContainerSpec("alpine:3", List.of(new Placeholder.Literal("false")), List.of(), null, null), null);

  @TempDir Path dir;

  /** {@code first}, then {@code work} (in a condition on {@code n > 5}), then {@code clean} after it whatever happened. */
  private TaskResult.State clean(boolean firstFails, String n) {
    Task first = new Task("first", firstFails ? FAIL : TestComponents.ECHO, firstFails ? Map.of()
        : Map.of("msg", Argument.Constant.of("first")));
    Task work = new Task("work", TestComponents.ECHO, Map.of("msg", Argument.Constant.of("work")), List.of("first"), List.of());
    Condition big = new Condition("condition-1", new Predicate.Comparison(new Argument.PipelineParameter("n"),
        Predicate.Operator.GT, new Argument.Constant("5", ParameterType.INTEGER)), List.of(work));
    Task clean = new Task("clean", TestComponents.ECHO, Map.of("msg", Argument.Constant.of("clean")), List.of("work"),
        List.of(new RunSetting.IgnoreUpstreamFailure()));
    List<Node> nodes = List.of(first, big, clean);
    String yaml = Kfp2Writer.write(new Pipeline("hooks", null, List.of(new Parameter("n", ParameterType.INTEGER, "0", null)),
        nodes, null, PipelineSettings.DEFAULTS, null));
    LocalRunner runner = LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(OutputStream.nullOutputStream(), true)).build();
    RunResult r = runner.run(Workflow.parse(yaml, "hooks.yaml"), Map.of("n", n));
    return r.task("clean").map(TaskResult::state).orElse(null);
  }

  @Test
  void itRunsAfterTheTaskItWaitsForRan() {
    assertEquals(TaskResult.State.Succeeded, clean(false, "9"));
  }

  @Test
  void itDoesNotRunAfterATaskSkippedByItsCondition() {
    assertEquals(TaskResult.State.Skipped, clean(false, "1"));
  }

  @Test
  void itDoesNotRunAfterATaskNotRunAfterAFailure() {
    assertEquals(TaskResult.State.Skipped, clean(true, "9"));
  }

  /**
   * A task run after a failure of an importer alone: KFP's backend gives an importer no exit hook ({@code importerTask} in {@code
   * backend/src/v2/compiler/argocompiler/importer.go} takes no exit template, unlike a container's or a DAG's task), so on KFP
   * the task never runs. Before, the local run ran it once the importer had copied its file.
   */
  @Test
  void itDoesNotRunAfterAnImporterWhichGetsNoHook() throws Exception {
    Path source = java.nio.file.Files.writeString(dir.resolve("data.csv"), "x,y\n");
    dev.kfp4j.model.ImporterStep importer = new dev.kfp4j.model.ImporterStep("importer",
        Map.of(dev.kfp4j.model.ImporterStep.URI, Argument.Constant.of(source.toString())), "system.Dataset", false, null, false,
        List.of(), List.of());
    Task clean = new Task("clean", TestComponents.ECHO, Map.of("msg", Argument.Constant.of("clean")), List.of("importer"),
        List.of(new RunSetting.IgnoreUpstreamFailure()));
    String yaml = Kfp2Writer.write(new Pipeline("hooks", null, List.of(), List.of(importer, clean), null,
        PipelineSettings.DEFAULTS, null));
    LocalRunner runner = LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(OutputStream.nullOutputStream(), true)).build();
    RunResult r = runner.run(Workflow.parse(yaml, "hooks.yaml"), Map.of());
    assertEquals(TaskResult.State.Succeeded, r.task("importer").map(TaskResult::state).orElse(null));
    assertEquals(TaskResult.State.Skipped, r.task("clean").map(TaskResult::state).orElse(null));
  }
}
