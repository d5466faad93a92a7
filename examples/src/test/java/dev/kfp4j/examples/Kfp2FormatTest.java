package dev.kfp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.argo.ArgoReader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.testing.Kfp2Schemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example pipeline written as KFP 2's pipeline spec parses strictly as KFP's messages and
 * its references and types resolve; the two KFP 2 cannot express are refused, saying why.
 */
class Kfp2FormatTest {
  /** Pipelines KFP 2 has no form for: a Kubernetes resource step, and @Pipeline(podGc). */
  static final Set<String> NOT_KFP2 = Set.of("resourceop-basic.yaml", "task-settings.yaml");

  static java.util.stream.Stream<Path> workflows() throws Exception {
    return ArgoFormatTest.workflows();
  }

  @ParameterizedTest
  @MethodSource("workflows")
  void eachExampleIsAValidPipelineSpec(Path file) throws IOException {
    Pipeline model = ArgoReader.read(Files.readString(file), file.getFileName().toString());
    String name = file.getFileName().toString();
    if (NOT_KFP2.contains(name)) {
      FormatException e = assertThrows(FormatException.class, () -> Kfp2Writer.write(model));
      assertTrue(e.getMessage().contains("has no KFP 2 equivalent"), e.getMessage());
      return;
    }
    String yaml = Kfp2Writer.write(model);
    Kfp2Schemas.assertValid(yaml, name);
    assertEquals(yaml, Kfp2Writer.write(model), "deterministic");
  }
}
