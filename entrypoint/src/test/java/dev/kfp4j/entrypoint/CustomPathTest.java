package dev.kfp4j.entrypoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.artifacts.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output artifact the method writes at a place of its own ({@code setCustomPath}, KFP's Python {@code set_path}): in
 * KFP 2 the entrypoint reports the place in the executor output ({@code custom_path}), from where KFP's launcher uploads
 * the artifact, and moves nothing; in KFP v1 it copies what is there to the output file Argo collects.
 */
class CustomPathTest {
  @TempDir Path dir;

  static final Signature SAVE = new Signature("save", "Saves.").outputArtifact("model");

  /** Saves the model at {@code custom}, a file or (with {@code folder}) a folder; with {@code ownToo}, writes path() first too. */
  private static Entrypoint.Handler save(Path custom, boolean folder, boolean ownToo, boolean fail) {
    return in -> {
      Model model = in.outputArtifact("model", Model.class);
      if (ownToo) {
        Files.writeString(model.path(), "own");
      }
      model.setCustomPath(custom);
      assertEquals(custom.toAbsolutePath(), model.path(), "path() is the custom path now");
      if (folder) {
        Files.createDirectories(model.path().resolve("sub"));
        Files.writeString(model.path().resolve("sub/w"), "weights");
      } else {
        Files.createDirectories(model.path().getParent());
        Files.writeString(model.path(), "weights");
      }
      model.metadata().put("framework", "none");
      if (fail) {
        throw new IllegalStateException("boom");
      }
    };
  }

  private String executorInput(Path outputs) {
    return """
        {"inputs": {},
         "outputs": {"artifacts": {"model": {"artifacts": [{"name": "model", "uri": "%s", "type": {"schemaTitle": "system.Model"}}]}},
                     "outputFile": "%s"}}
        """.formatted(outputs.resolve("model"), outputs.resolve("executor_output.json"));
  }

  private static List<String> files(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return List.of();
    }
    try (Stream<Path> all = Files.walk(folder)) {
      return all.filter(p -> !p.equals(folder)).map(p -> folder.relativize(p).toString()).sorted().toList();
    }
  }

  @Test
  void kfp2ReportsTheCustomPathInTheExecutorOutputAndMovesNothing() throws IOException {
    Path outputs = dir.resolve("outputs");
    Path custom = dir.resolve("lib/model.bin");
    Run r = Run.of(save(custom, false, false, false), SAVE, "save", "--executor_input", executorInput(outputs));
    assertEquals(0, r.code(), r.err());
    assertEquals("weights", Files.readString(custom), "where the method wrote it, left there for the launcher to upload");
    Map<?, ?> out = (Map<?, ?>) JsonText.parse(Files.readString(outputs.resolve("executor_output.json")));
    assertEquals(Map.of("model", Map.of("artifacts", List.of(Map.of("name", "model", "uri", outputs.resolve("model").toString(),
        "metadata", Map.of("framework", "none"), "custom_path", custom.toString())))), out.get("artifacts"));
    assertEquals(List.of("executor_output.json"), files(outputs), "nothing at the artifact's own path, no staging folder left");
  }

  @Test
  void kfp1CopiesWhatIsAtTheCustomPathToTheOutputFile() throws IOException {
    Path custom = dir.resolve("lib/saved");
    Path target = dir.resolve("out/model/data");
    Run r = Run.of(save(custom, true, false, false), SAVE, "save", "--model", target.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("weights", Files.readString(target.resolve("sub/w")), "a folder with what it holds");
    assertEquals("weights", Files.readString(custom.resolve("sub/w")), "the method's own folder is left as it is");
    assertTrue(Files.readString(dir.resolve("out/model/data.metadata.json")).contains("\"framework\": \"none\""));
    assertEquals(List.of("data", "data.metadata.json", "data/sub", "data/sub/w"), files(dir.resolve("out/model")));
  }

  @Test
  void writingTheOwnPathAndACustomPathFailsTheTask() throws IOException {
    Path outputs = dir.resolve("outputs");
    Run r = Run.of(save(dir.resolve("lib/model.bin"), false, true, false), SAVE, "save", "--executor_input",
        executorInput(outputs));
    assertEquals(Entrypoint.FAILED, r.code());
    assertTrue(r.err().contains("wrote its output artifact 'model' at its own path and gave it the custom path"), r.err());
    assertEquals(List.of(), files(outputs), "no executor output, nothing at the artifact's path");
  }

  @Test
  void aCustomPathBesideTheStagingPathIsRefusedAsItWouldBeRemoved() throws IOException {
    Path outputs = dir.resolve("outputs");
    Run r = Run.of(in -> {
      Model model = in.outputArtifact("model", Model.class);
      model.setCustomPath(model.path().resolveSibling("saved.bin")); // the staging folder's, not the artifact's folder
      Files.writeString(model.path(), "weights");
    }, SAVE, "save", "--executor_input", executorInput(outputs));
    assertEquals(Entrypoint.FAILED, r.code());
    assertTrue(r.err().contains("inside the staging folder of its own path, which is removed once the method returned"), r.err());
    assertEquals(List.of(), files(outputs), "no executor output: the task fails rather than report a path that is gone");
  }

  @Test
  void aMethodThatThrowsLeavesNoExecutorOutput() throws IOException {
    Path outputs = dir.resolve("outputs");
    Run r = Run.of(save(dir.resolve("lib/model.bin"), false, false, true), SAVE, "save", "--executor_input",
        executorInput(outputs));
    assertEquals(Entrypoint.FAILED, r.code());
    assertEquals(List.of(), files(outputs), "the launcher uploads nothing of a failed task");
  }

  @Test
  void aTestsArtifactHasNoCustomPathUntilGivenOne() {
    Model m = new Model(dir.resolve("m"));
    assertNull(m.customPath());
    assertEquals(dir.resolve("m"), m.path());
    m.setCustomPath(dir.resolve("x/../y"));
    assertEquals(dir.resolve("y"), m.customPath());
    m.setCustomPath(null);
    assertEquals(dir.resolve("m"), m.path());
    assertFalse(Files.exists(dir.resolve("y")), "setting it writes nothing");
  }
}
