package dev.kfp4j.ui;

import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.Workflow;
import dev.kfp4j.yaml.Yaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Real runs for the UI's tests, made by the local runner into a runs folder of their own. */
final class TestRuns {
  private TestRuns() {}

  static Workflow workflow(String resource) {
    return Workflow.resource(TestRuns.class.getClassLoader(), resource);
  }

  static Workflow example(String name) {
    return workflow("META-INF/kfp4j/pipelines/" + name + ".yaml");
  }

  static RunResult run(Path root, Workflow w, Map<String, String> arguments) {
    return LocalRunner.builder().root(root).caching(false).build().run(w, arguments);
  }

  /** A folder made empty, under the module's target folder. */
  static Path fresh(String name) throws IOException {
    Path dir = Path.of("target", name).toAbsolutePath();
    if (Files.exists(dir)) {
      try (Stream<Path> all = Files.walk(dir)) {
        all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    Files.createDirectories(dir);
    return dir;
  }

  /** A classes folder holding the named example pipelines, as {@code mvn compile} leaves them. */
  static Path classes(Path dir, String... pipelines) throws IOException {
    Path folder = Files.createDirectories(dir.resolve(Pipelines.FOLDER));
    for (String p : pipelines) {
      try (InputStream in = TestRuns.class.getClassLoader().getResourceAsStream("META-INF/kfp4j/pipelines/" + p + ".yaml")) {
        Files.write(folder.resolve(p + ".yaml"), in.readAllBytes());
      }
    }
    return dir;
  }
}
