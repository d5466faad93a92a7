package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.kfp4j.format.argo.ArgoWriter;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.local.TaskResult.State;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.Task;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ContainerSpec;
import dev.kfp4j.spec.OutputSpec;
import dev.kfp4j.spec.Placeholder;
import dev.kfp4j.spec.TypeSpec;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run of a KFP 2 spec reuses the cache of runs of the same pipeline only, as KFP 2's driver looks a task's fingerprint up
 * for its pipeline ({@code GetExecutionCache(fingerPrint, "pipeline/" + PipelineName, namespace)} in {@code
 * backend/src/v2/driver}); a run of an Argo workflow reuses any pipeline's, as KFP v1's cache server keys the template alone.
 * Before, a KFP 2 pipeline's task reused the outputs of the same task in another pipeline run from the same root, where KFP
 * runs it.
 */
class PipelineCacheScopeTest {
  @TempDir Path dir;

  /** Writes the time it ran, in nanoseconds, to its output: a task run again says another. */
  private static final ComponentSpec STAMP = new ComponentSpec("stamp", null, null, null, List.of(),
      List.of(new OutputSpec("out", TypeSpec.named("String"), null)),
      new ContainerSpec("alpine:3", List.of(new Placeholder.Literal("sh")), List.of(new Placeholder.Literal("-c"),
          new Placeholder.Literal("mkdir -p \"$(dirname \"$0\")\" && date +%s%N > \"$0\""), new Placeholder.OutputPath("out")),
          null, null),
      null);

  private static Pipeline pipeline(String name) {
    return new Pipeline(name, null, List.of(), List.of(new Task("stamp", STAMP, Map.of())), null, PipelineSettings.DEFAULTS, null);
  }

  private RunResult run(Function<Pipeline, String> writer, String name, String source) {
    return LocalRunner.builder().root(dir.resolve("runs")).caching(true)
        .console(new PrintStream(OutputStream.nullOutputStream(), true)).build()
        .run(Workflow.parse(writer.apply(pipeline(name)), source), Map.of());
  }

  @Test
  void aKfp2TaskReusesTheCacheOfItsOwnPipelineOnly() {
    RunResult one = run(Kfp2Writer::write, "one", "one.json");
    RunResult two = run(Kfp2Writer::write, "two", "two.json");
    assertEquals(State.Succeeded, two.task("stamp").orElseThrow().state(), "another pipeline's entry is not its own");
    assertNotEquals(one.output("stamp", "out"), two.output("stamp", "out"));
    RunResult again = run(Kfp2Writer::write, "one", "one.json");
    assertEquals(State.Cached, again.task("stamp").orElseThrow().state(), "its own pipeline's entry");
    assertEquals(one.output("stamp", "out"), again.output("stamp", "out"));
  }

  @Test
  void anArgoTaskReusesAnyPipelinesEntryAsKfpV1sCacheDoes() {
    RunResult one = run(ArgoWriter::write, "one", "one.yaml");
    RunResult two = run(ArgoWriter::write, "two", "two.yaml");
    assertEquals(State.Cached, two.task("stamp").orElseThrow().state(), "KFP v1's cache keys the template alone");
    assertEquals(one.output("stamp", "out"), two.output("stamp", "out"));
  }
}
