package dev.kfp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.kfp4j.format.argo.ArgoReader;
import dev.kfp4j.format.argo.ArgoWriter;
import dev.kfp4j.model.Pipeline;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every workflow the examples' build wrote reads back into the model, and writing that model
 * gives the same file, byte for byte: the reader loses nothing the writer put in.
 */
class ArgoFormatTest {
  static Stream<Path> workflows() throws IOException, URISyntaxException {
    Path dir = Path.of(ArgoFormatTest.class.getClassLoader().getResource("META-INF/kfp4j/pipelines").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> all = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
      assertFalse(all.isEmpty());
      return all.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("workflows")
  void readingAndWritingAgainGivesTheSameFile(Path file) throws IOException {
    String yaml = Files.readString(file);
    Pipeline model = ArgoReader.read(yaml, file.getFileName().toString());
    assertEquals(yaml, ArgoWriter.write(model), file.getFileName().toString());
  }
}
