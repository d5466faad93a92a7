package dev.kfp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.local.RunResult;
import dev.kfp4j.yaml.Yaml;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * {@code ImportedPipelineFile}'s {@code text-stats-twice}, compiled by the real processor, calls the KFP 2 pipeline file
 * {@code text_stats.yaml} (written by KFP's compiler) twice: run on this machine from each format, the file's tasks run
 * where the calls are, their outputs the calls', a Java task reading the file's dataset.
 */
class ImportedPipelineFileTest {
  static final String TEXT = "to be or not to be";

  @TempDir Path dir;

  private RunResult run(String resource, Map<String, String> arguments) {
    return TrainOnDatasetTest.run(dir, resource, arguments);
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Six words, then one (the digest); the file's dataset read back in Java is the text as given. In the Argo workflow the
   * calls' tasks are {@code text-stats-<task>} and {@code text-stats-2-<task>}; a run of the KFP 2 spec names the first
   * call's as in the file, where free.
   */
  @ParameterizedTest
  @ValueSource(strings = {"META-INF/kfp4j/pipelines/", "META-INF/kfp4j/kfp2/pipelines/"})
  void thePipelineFileRunsWhereEachCallIs(String folder) throws Exception {
    RunResult r = run(folder + "text-stats-twice.yaml", Map.of());
    String first = folder.contains("kfp2") ? "" : "text-stats-";
    assertEquals("6", r.output(first + "count-words", "words"));
    assertEquals(sha256(TEXT), r.output(first + "sha256", "digest"));
    assertEquals("1", r.output("text-stats-2-count-words", "words"));
    assertEquals(sha256(sha256(TEXT)), r.output("text-stats-2-sha256", "digest"));
    assertEquals(TEXT, r.output("read-text", "Output"));
    assertEquals("7", r.output("add", "Output"));
    RunResult other = run(folder + "text-stats-twice.yaml", Map.of("text", "a b c"));
    assertEquals("4", other.output("add", "Output"));
  }

  /**
   * In KFP 2 each call is one task running the file's root as a DAG component, as KFP's compiler nests a loaded pipeline,
   * with the call's display name and caching ({@code set_display_name}, {@code set_caching_options}); the file's tasks keep
   * the settings the file gives them.
   */
  @Test
  void inKfp2EachCallIsOneTaskWithItsOwnDisplayNameAndCaching() {
    JsonNode spec = Yaml.readAll(Yaml.resource(getClass(), "META-INF/kfp4j/kfp2/pipelines/text-stats-twice.yaml")).get(0);
    JsonNode file = Yaml.readAll(Yaml.resource(getClass(), "dev/kfp4j/examples/kfp2/text_stats.yaml")).get(0);
    JsonNode first = spec.at("/root/dag/tasks/text-stats");
    assertEquals("comp-text-stats", first.at("/componentRef/name").asString());
    assertEquals("stats of the text", first.at("/taskInfo/name").asString());
    assertTrue(first.at("/cachingOptions/enableCache").asBoolean());
    JsonNode second = spec.at("/root/dag/tasks/text-stats-2");
    assertEquals("{}", second.get("cachingOptions").toString());
    assertEquals(file.at("/root/dag"), spec.at("/components/comp-text-stats/dag"));
    assertEquals(file.at("/root/outputDefinitions"), spec.at("/components/comp-text-stats/outputDefinitions"));
  }
}
