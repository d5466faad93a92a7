package dev.kfp4j.entrypoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kfp4j.artifacts.Artifact;
import dev.kfp4j.artifacts.SlicedClassificationMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code SlicedClassificationMetrics} through both protocols: KFP 2's executor output carries its
 * metadata as KFP's launcher reads it, KFP v1 keeps it beside the file, and an input typed {@code
 * system.SlicedClassificationMetrics} is one, as KFP's executor makes it.
 */
class SlicedMetricsProtocolTest {
  @TempDir Path dir;

  private static final Signature EVALUATE = new Signature("evaluate", "").outputArtifact("sliced");

  private static final Entrypoint.Handler EVALUATES = in -> {
    SlicedClassificationMetrics m = in.outputArtifact("sliced", SlicedClassificationMetrics.class);
    m.logConfusionMatrix("north", List.of("a", "b"), new int[][] {{3, 1}, {0, 4}});
  };

  private static final Map<String, Object> METADATA = Map.of("evaluationSlices", List.of(Map.of("slice", "north",
      "sliceClassificationMetrics", Map.of("confusionMatrix", Map.of(
          "annotationSpecs", List.of(Map.of("displayName", "a"), Map.of("displayName", "b")),
          "rows", List.of(Map.of("row", List.of(3, 1)), Map.of("row", List.of(0, 4))))))));

  @Test
  void kfp2sExecutorOutputCarriesTheSlices() throws IOException {
    Path out = dir.resolve("outputs");
    String json = """
        {"outputs": {"artifacts": {"sliced": {"artifacts": [{"name": "sliced", "uri": "%s",
             "type": {"schemaTitle": "system.SlicedClassificationMetrics", "schemaVersion": "0.0.1"}}]}},
         "outputFile": "%s"}}""".formatted(out.resolve("sliced"), out.resolve("executor_output.json"));
    Run r = Run.of(EVALUATES, EVALUATE, "evaluate", "--executor_input", json);
    assertEquals(0, r.code(), r.err());
    Map<?, ?> output = (Map<?, ?>) JsonText.parse(Files.readString(out.resolve("executor_output.json")));
    assertEquals(Map.of("sliced", Map.of("artifacts", List.of(Map.of("name", "sliced", "uri", out.resolve("sliced").toString(),
        "metadata", METADATA)))), output.get("artifacts"));
  }

  @Test
  void kfpV1KeepsTheSlicesBesideTheFile() throws IOException {
    Path file = dir.resolve("out/sliced/data");
    Run r = Run.of(EVALUATES, EVALUATE, "evaluate", "--sliced", file.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(METADATA, JsonText.parse(Files.readString(dir.resolve("out/sliced/data.metadata.json"))));
  }

  @Test
  void anArtifactInputTypedSoIsOne() throws IOException {
    List<Object> seen = new ArrayList<>();
    Signature any = new Signature("any", "").inputArtifact("a", true);
    String json = """
        {"inputs": {"artifacts": {
            "a": {"artifacts": [{"uri": "/a", "type": {"schemaTitle": "system.SlicedClassificationMetrics"},
                  "metadata": {"evaluationSlices": []}}]}}},
         "outputs": {"outputFile": "%s"}}""".formatted(dir.resolve("executor_output.json"));
    Run r = Run.of(in -> seen.add(in.artifact("a", Artifact.class)), any, "any", "--executor_input", json);
    assertEquals(0, r.code(), r.err());
    assertEquals(SlicedClassificationMetrics.class, seen.get(0).getClass());
    assertEquals(Map.of("evaluationSlices", List.of()), ((Artifact) seen.get(0)).metadata());
  }
}
