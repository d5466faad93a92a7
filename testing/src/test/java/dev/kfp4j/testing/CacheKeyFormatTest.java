package dev.kfp4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.argo.ArgoWriter;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.TaskResult;
import dev.kfp4j.local.Workflow;
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

/**
 * A task's own cache key, KFP's {@code set_caching_options(cache_key=...)}: {@code cachingOptions.cacheKey} read and written
 * back as KFP writes it, valid as KFP's {@code .proto} says, and kept by the local runner as KFP's driver keys it: the
 * component's name and the key alone, whatever the task's inputs.
 */
class CacheKeyFormatTest {
  @TempDir Path dir;

  /** fail-op of the upstream spec made to succeed, echoing its message, with the cache key {@code key}. */
  private static String spec(String key) {
    return Yaml.resource(CacheKeyFormatTest.class, "upstream/ignore_upstream_failure.yaml")
        .replace("echo \"$0\"; exit 1", "mkdir -p \"$(dirname \"$1\")\" && printf '%s' \"$0\" > \"$1\"")
        .replace("- '{{$.inputs.parameters[''message'']}}'\n        image: alpine:3\n    exec-print-op",
            "- '{{$.inputs.parameters[''message'']}}'\n        - '{{$.outputs.parameters[''Output''].output_file}}'\n        image: alpine:3\n"
            + "    exec-print-op")
        .replace("      fail-op:\n        cachingOptions:\n", "      fail-op:\n        cachingOptions:\n          cacheKey: " + key + "\n");
  }

  @Test
  void kfp2ReadsAndWritesTheKeyAsKfpWritesIt() {
    Pipeline p = Kfp2Reader.read(spec("v1"), "p.yaml");
    assertEquals(List.of(new RunSetting.CacheKey("v1")), ((Task) p.node("fail-op").orElseThrow()).settings());
    String yaml = Kfp2Writer.write(p);
    Shared.root(Shared.KFP_API);
    assertEquals(List.of(), Kfp2Schemas.errors(yaml), yaml);
    assertEquals(Yaml.read("{cacheKey: v1, enableCache: true}"), Yaml.readAll(yaml).get(0).at("/root/dag/tasks/fail-op/cachingOptions"));
    assertEquals(yaml, Kfp2Writer.write(Kfp2Reader.read(yaml, "again.yaml")));
    FormatException e = assertThrows(FormatException.class, () -> ArgoWriter.write(p));
    assertEquals("pipeline 'my-pipeline', task 'fail-op' has a cache key of its own (KFP 2's set_caching_options(cache_key=...)), "
        + "which KFP v1's cache does not take: write this pipeline in the KFP 2 format only", e.getMessage());
  }

  @Test
  void locallyTheSameKeyReusesTheResultWhateverTheInputs() {
    LocalRunner runner = LocalRunner.builder().root(dir.resolve("runs")).caching(true)
        .console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).build();
    RunResult first = runner.run(Workflow.parse(spec("v1"), "p.yaml"), Map.of("sample_input", "one"));
    assertEquals("one", first.output("fail-op", "Output"));
    RunResult again = runner.run(Workflow.parse(spec("v1"), "p.yaml"), Map.of("sample_input", "two"));
    assertEquals(TaskResult.State.Cached, again.task("fail-op").orElseThrow().state());
    assertEquals("one", again.output("fail-op", "Output"));
    RunResult otherKey = runner.run(Workflow.parse(spec("v2"), "p.yaml"), Map.of("sample_input", "two"));
    assertEquals(TaskResult.State.Succeeded, otherKey.task("fail-op").orElseThrow().state());
    assertEquals("two", otherKey.output("fail-op", "Output"));
  }
}
