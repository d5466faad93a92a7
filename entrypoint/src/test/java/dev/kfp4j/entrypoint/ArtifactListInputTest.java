package dev.kfp4j.entrypoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.artifacts.Artifact;
import dev.kfp4j.artifacts.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An input taking a list of artifacts ({@code List<Model>}, KFP 2's {@code isArtifactList}): every
 * artifact of {@code inputs.artifacts[name].artifacts}, in order, each with its path, URI, metadata
 * and the kind its schema title names; none is an empty list; KFP v1's command line has no list of
 * artifacts.
 */
class ArtifactListInputTest {
  @TempDir Path dir;

  static final Signature PICK = new Signature("pick", "Picks.").inputArtifacts("models", true).output("Output");

  private final List<Artifact> seen = new ArrayList<>();

  private final Entrypoint.Handler pick = in -> {
    List<Artifact> models = in.artifacts("models", Artifact.class);
    seen.addAll(models);
    StringBuilder best = new StringBuilder();
    for (Artifact m : models) {
      best.append(Files.readString(m.path()));
    }
    in.output("Output", best.toString());
  };

  private String executorInput(String artifacts) {
    Path out = dir.resolve("out");
    return """
        {"inputs": {"artifacts": {"models": {"artifacts": [%s]}}},
         "outputs": {"parameters": {"Output": {"outputFile": "%s"}}, "outputFile": "%s"}}
        """.formatted(artifacts, out.resolve("Output"), out.resolve("executor_output.json"));
  }

  private String model(String name, String text, String title) throws IOException {
    Path p = Files.writeString(Files.createDirectories(dir.resolve("in").resolve(name)).resolve("data"), text);
    return "{\"name\": \"" + name + "\", \"uri\": \"" + p + "\", \"type\": {\"schemaTitle\": \"" + title + "\"}, "
        + "\"metadata\": {\"n\": \"" + name + "\"}}";
  }

  @Test
  void everyArtifactInOrder() throws IOException {
    Run r = Run.of(pick, PICK, "pick", "--executor_input",
        executorInput(model("b", "B", "system.Model") + ", " + model("a", "A", "system.Model") + ", " + model("c", "C", "system.Artifact")));
    assertEquals(0, r.code(), r.err());
    assertEquals("BAC", Files.readString(dir.resolve("out/Output")));
    assertEquals(List.of("b", "a", "c"), seen.stream().map(Artifact::name).toList());
    assertEquals(List.of(Model.class, Model.class, Artifact.class), seen.stream().map(Object::getClass).toList(),
        "each of the kind its schema title names");
    assertEquals(Map.of("n", "a"), seen.get(1).metadata());
    assertEquals(dir.resolve("in/a/data"), seen.get(1).path());
  }

  @Test
  void noArtifactsAreAnEmptyList() throws IOException {
    Run r = Run.of(pick, PICK, "pick", "--executor_input", executorInput(""));
    assertEquals(0, r.code(), r.err());
    assertEquals(List.of(), seen);
    assertEquals("", Files.readString(dir.resolve("out/Output")));
  }

  @Test
  void kfpV1HasNoListOfArtifacts() throws IOException {
    Run r = Run.of(pick, PICK, "pick", "--models", dir.toString(), "----output-paths", dir.resolve("o").toString());
    assertEquals(Entrypoint.USAGE, r.code());
    assertTrue(r.err().contains("argument --models: 'models' takes a list of artifacts, which only KFP 2's --executor_input gives"),
        r.err());
  }
}
