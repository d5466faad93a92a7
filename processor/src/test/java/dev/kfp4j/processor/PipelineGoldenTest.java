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
  static final List<String> PIPELINES = List.of(
      "add-example", "pipeline-flip-coin", "withitem-basic", "withparam-output", "withparam-global",
      "task-settings", "volume", "default-value", "exit-handler", "volumeop-basic", "resourceop-basic", "count-calls",
      "mixed-java-python");

  static JavaFileObject[] exampleSources() {
    try (Stream<Path> files = Files.walk(EXAMPLES)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().map(p -> {
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

  /** The examples' sources, with their own component files (imported by the mixed example) on the classpath. */
  static Compilation compileExamples() {
    return ImportComponentsTest.compile(exampleSources());
  }

  @Test
  void examplePipelines() {
    Compilation c = compileExamples();
    assertThat(c).succeeded();
    for (String name : PIPELINES) {
      Compile.yamlGolden(c, "META-INF/kfp4j/pipelines/" + name + ".yaml", "PipelineGoldenTest", "examplePipelines");
    }
    Compile.javaGolden(c, "dev.kfp4j.examples.AddExamplePipeline", "PipelineGoldenTest", "examplePipelines");
    for (String name : PIPELINES) {
      String path = "META-INF/kfp4j/pipelines/" + name + ".yaml";
      ArgoSchemas.assertValid(Compile.resource(c, path), path);
    }
  }

  @Test
  void twoCompilationsGiveByteIdenticalWorkflows() {
    Compilation first = compileExamples();
    Compilation second = compileExamples();
    for (String name : PIPELINES) {
      String path = "META-INF/kfp4j/pipelines/" + name + ".yaml";
      assertThat(Compile.resource(second, path)).isEqualTo(Compile.resource(first, path));
    }
  }
}
