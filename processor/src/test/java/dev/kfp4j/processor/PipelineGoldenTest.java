package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.kfp4j.testing.ArgoSchemas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Compiles the examples module's sources (the add example and the ports of KFP's compiler test
 * pipelines) with the processor, and checks the workflows and pipeline class against goldens.
 */
class PipelineGoldenTest {
  static final Path EXAMPLES = Path.of("../examples/src/main/java");
  // MixedExample needs the KFP SDK's component on the classpath, which only the examples build copies.
  static final String SKIP = "python";
  static final List<String> PIPELINES = List.of(
      "add-example", "pipeline-flip-coin", "withitem-basic", "withparam-output", "withparam-global",
      "task-settings", "volume", "default-value", "exit-handler", "volumeop-basic", "resourceop-basic", "count-calls");

  static JavaFileObject[] exampleSources() {
    try (Stream<Path> files = Files.walk(EXAMPLES)) {
      return files.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("/" + SKIP + "/")).sorted().map(p -> {
        try {
          return JavaFileObjects.forResource(p.toUri().toURL());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).toArray(JavaFileObject[]::new);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void examplePipelines() {
    Compilation c = Compile.compile(exampleSources());
    assertThat(c).succeeded();
    for (String name : PIPELINES) {
      String path = "META-INF/kfp4j/pipelines/" + name + ".yaml";
      ArgoSchemas.assertValid(Compile.resource(c, path), path);
      Compile.yamlGolden(c, path, "PipelineGoldenTest", "examplePipelines");
    }
    Compile.javaGolden(c, "dev.kfp4j.examples.AddExamplePipeline", "PipelineGoldenTest", "examplePipelines");
  }

  @Test
  void twoCompilationsGiveByteIdenticalWorkflows() {
    Compilation first = Compile.compile(exampleSources());
    Compilation second = Compile.compile(exampleSources());
    for (String name : PIPELINES) {
      String path = "META-INF/kfp4j/pipelines/" + name + ".yaml";
      assertThat(Compile.resource(second, path)).isEqualTo(Compile.resource(first, path));
    }
  }
}
