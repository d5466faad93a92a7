package dev.kfp4j.entrypoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.artifacts.Dataset;
import dev.kfp4j.artifacts.Metrics;
import dev.kfp4j.artifacts.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Artifacts in KFP v1's protocol, which has only file paths: an input artifact is the file given
 * ({@code --data <path>}), an output artifact the file to write ({@code --model <path>}), its URI
 * the {@code file:} URI of that path, and its metadata, which KFP v1 has no place for, in a file
 * beside it, {@code <path>.metadata.json}, read back by the artifact's consumer.
 */
class ArtifactsV1Test {
  @TempDir Path dir;

  private final List<Object> seen = new ArrayList<>();

  private final Entrypoint.Handler train = in -> {
    Dataset data = in.artifact("data", Dataset.class);
    Model model = in.outputArtifact("model", Model.class);
    Metrics metrics = in.outputArtifact("metrics", Metrics.class);
    seen.add(data);
    seen.add(model);
    Files.writeString(model.path(), "weights of " + Files.readString(data.path()));
    model.metadata().put("framework", "none");
    metrics.log("rmse", 0.25);
    in.output("Output", 0.25);
  };

  private Run train(Path data) {
    return Run.of(train, ExecutorProtocolTest.TRAIN, "train", "--data", data.toString(), "--epochs", "5",
        "--model", dir.resolve("out/model/data").toString(), "--metrics", dir.resolve("out/metrics/data").toString(),
        "----output-paths", dir.resolve("out/Output/data").toString());
  }

  @Test
  void artifactsArePathsWithFileUrisAndTheirMetadataBesideThem() throws IOException {
    Path data = Files.writeString(Files.createDirectories(dir.resolve("in")).resolve("data"), "1,2");
    Run r = train(data);
    assertEquals(0, r.code(), r.err());
    Dataset given = (Dataset) seen.get(0);
    assertEquals("data", given.name());
    assertEquals(data.toUri().toString(), given.uri());
    assertEquals(Map.of(), given.metadata());
    Model model = (Model) seen.get(1);
    assertEquals(dir.resolve("out/model/data").toUri().toString(), model.uri(), "the URI of its place, not of its staging path");
    assertEquals("weights of 1,2", Files.readString(dir.resolve("out/model/data")));
    assertEquals("{\"framework\": \"none\"}", Files.readString(dir.resolve("out/model/data.metadata.json")));
    assertEquals("", Files.readString(dir.resolve("out/metrics/data")), "an unwritten artifact is an empty file: Argo needs one");
    assertEquals("{\"rmse\": 0.25}", Files.readString(dir.resolve("out/metrics/data.metadata.json")));
    assertEquals("0.25", Files.readString(dir.resolve("out/Output/data")));
    assertEquals(List.of(dir.resolve("out/model/data"), dir.resolve("out/model/data.metadata.json")), list(dir.resolve("out/model")));
  }

  @Test
  void anInputArtifactReadsTheMetadataItsProducerLeftBesideIt() throws IOException {
    Path data = Files.writeString(Files.createDirectories(dir.resolve("in")).resolve("data"), "1,2");
    Files.writeString(dir.resolve("in/data.metadata.json"), "{\"rows\": 2, \"source\": {\"name\": \"csv\"}}");
    Run r = train(data);
    assertEquals(0, r.code(), r.err());
    assertEquals(Map.of("rows", 2, "source", Map.of("name", "csv")), ((Dataset) seen.get(0)).metadata());
  }

  @Test
  void metadataBesideAnInputThatIsNotAJsonObjectIsExitTwo() throws IOException {
    Path data = Files.writeString(Files.createDirectories(dir.resolve("in")).resolve("data"), "1,2");
    Files.writeString(dir.resolve("in/data.metadata.json"), "[1]");
    Run r = train(data);
    assertEquals(2, r.code());
    assertTrue(r.err().contains("error: argument --data: its metadata file " + dir.resolve("in/data.metadata.json")
        + " holds a JSON array, not a JSON object"), r.err());
    assertFalse(Files.exists(dir.resolve("out")), "nothing written");
  }

  @Test
  void aFailedComponentLeavesNeitherArtifactsNorMetadata() throws IOException {
    Path data = Files.writeString(Files.createDirectories(dir.resolve("in")).resolve("data"), "1,2");
    Entrypoint.Handler fails = in -> {
      in.outputArtifact("metrics", Metrics.class).log("rmse", 1);
      Files.writeString(in.outputArtifact("model", Model.class).path(), "half");
      throw new IllegalStateException("failing on purpose");
    };
    Run r = Run.of(fails, ExecutorProtocolTest.TRAIN, "train", "--data", data.toString(), "--epochs", "5",
        "--model", dir.resolve("out/model").toString(), "--metrics", dir.resolve("out/metrics").toString());
    assertEquals(1, r.code());
    assertEquals(List.of(), list(dir.resolve("out")));
  }

  @Test
  void theUsageLineNamesArtifactsAsFlags() {
    Run r = Run.of(train, ExecutorProtocolTest.TRAIN, "train", "--epochs", "5");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("usage: Test train [-h] --data DATA --epochs EPOCHS --model MODEL --metrics METRICS "
        + "----output-paths OUTPUT\n"), r.err());
    assertTrue(r.err().contains("error: the following arguments are required: --data, --model, --metrics"), r.err());
  }

  private static List<Path> list(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.sorted().toList();
    }
  }
}
