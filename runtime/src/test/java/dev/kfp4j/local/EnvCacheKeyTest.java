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
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The environment a task sets keys its cache in a run of an Argo workflow, as KFP v1's cache keys a template on its {@code
 * container.env} ({@code generateCacheKeyFromTemplate} in {@code backend/src/cache/server/mutation.go}), and not in a run of
 * a KFP 2 spec, whose cache key holds none ({@code GenerateCacheKey} in {@code backend/src/v2/cacheutils/cache.go}: inputs,
 * outputs, command line, image, claims). Before, two tasks of one component setting {@code X} to {@code a} and to {@code b}
 * shared one entry in either: the second said {@code a}.
 */
class EnvCacheKeyTest {
  @TempDir Path dir;

  /** Prints its variable {@code X} to its output. */
  private static final ComponentSpec SAY_X = new ComponentSpec("say-x", null, null, null, List.of(),
      List.of(new OutputSpec("out", TypeSpec.named("String"), null)),
      new ContainerSpec("alpine:3", List.of(new Placeholder.Literal("sh")), List.of(new Placeholder.Literal("-c"),
          new Placeholder.Literal("mkdir -p \"$(dirname \"$0\")\" && printf %s \"$X\" > \"$0\""), new Placeholder.OutputPath("out")),
          null, null),
      null);

  private static final Pipeline PIPELINE = new Pipeline("env-cache", null, List.of(),
      List.of(new Task("first", SAY_X, Map.of()).with(new TaskSetting.Env("X", "a")),
          new Task("second", SAY_X, Map.of(), List.of("first"), List.of(new TaskSetting.Env("X", "b")))),
      null, PipelineSettings.DEFAULTS, null);

  private RunResult run(String yaml, String source) {
    return LocalRunner.builder().root(dir.resolve("runs")).caching(true)
        .console(new PrintStream(OutputStream.nullOutputStream(), true)).build().run(Workflow.parse(yaml, source), Map.of());
  }

  @Test
  void anArgoTaskSettingAnotherValueIsNotTheOthersEntry() {
    RunResult r = run(ArgoWriter.write(PIPELINE), "env-cache.yaml");
    assertEquals(State.Succeeded, r.task("second").orElseThrow().state());
    assertEquals("a", r.output("first", "out"));
    assertEquals("b", r.output("second", "out"));
    RunResult again = run(ArgoWriter.write(PIPELINE), "env-cache.yaml");
    assertEquals(State.Cached, again.task("second").orElseThrow().state(), "its own entry");
    assertEquals("b", again.output("second", "out"));
  }

  @Test
  void aKfp2TaskIsKeyedWithoutItsEnvironmentAsOnKfp() {
    RunResult r = run(Kfp2Writer.write(PIPELINE), "env-cache.json");
    assertEquals(State.Cached, r.task("second").orElseThrow().state(), "KFP 2's cache key holds no environment");
    assertEquals("a", r.output("second", "out"));
  }
}
