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
 * pipelines, v1's and 2's) with the processor, and checks the workflows, the KFP 2 pipeline specs
 * and the pipeline class against goldens.
 */
class PipelineGoldenTest {
  static final Path EXAMPLES = Path.of("../examples/src/main/java");
  static final List<String> PIPELINES = List.of(
      "add-example", "pipeline-flip-coin", "withitem-basic", "withparam-output", "withparam-global",
      "task-settings", "volume", "default-value", "exit-handler", "volumeop-basic", "resourceop-basic", "count-calls",
      "mixed-java-python", "text-stats-twice");
  /** The pipelines written in KFP 2's format: all but two of the ports of KFP v1's, and those of KFP 2's. */
  static final List<String> KFP2_PIPELINES = List.of(
      "add-example", "pipeline-flip-coin", "withitem-basic", "withparam-output", "withparam-global",
      "volume", "default-value", "exit-handler", "volumeop-basic", "count-calls", "training",
      "add-example-v2", "condition-loop-artifact", "container-if-loop", "kubernetes-settings", "control-flow", "java-and-python-v2",
      "text-stats-twice");

  /** The examples' sources, with their own component files (v1's and KFP 2's, which they import) on the classpath. */
  static Compilation compileExamples() {
    return ImportComponentsTest.compile(exampleSources());
  }

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

  @Test
  void examplePipelines() {
    Compilation c = compileExamples();
    assertThat(c).succeeded();
    for (String name : PIPELINES) {
      String path = "META-INF/kfp4j/pipelines/" + name + ".yaml";
      ArgoSchemas.assertValid(Compile.resource(c, path), path);
      Compile.yamlGolden(c, path, "PipelineGoldenTest", "examplePipelines");
    }
    for (String name : KFP2_PIPELINES) {
      String path = "META-INF/kfp4j/kfp2/pipelines/" + name + ".yaml";
      Compile.validKfp2(Compile.resource(c, path), path);
      Compile.yamlGolden(c, path, "PipelineGoldenTest", "examplePipelines/kfp2");
    }
    Compile.javaGolden(c, "dev.kfp4j.examples.AddExamplePipeline", "PipelineGoldenTest", "examplePipelines");
  }

  @Test
  void twoCompilationsGiveByteIdenticalFiles() {
    Compilation first = compileExamples();
    Compilation second = compileExamples();
    for (String name : PIPELINES) {
      String path = "META-INF/kfp4j/pipelines/" + name + ".yaml";
      assertThat(Compile.resource(second, path)).isEqualTo(Compile.resource(first, path));
    }
    for (String name : KFP2_PIPELINES) {
      String path = "META-INF/kfp4j/kfp2/pipelines/" + name + ".yaml";
      assertThat(Compile.resource(second, path)).isEqualTo(Compile.resource(first, path));
    }
    for (String component : List.of("add", "train", "make-data", "write-text")) {
      String path = "META-INF/kfp4j/kfp2/components/" + component + ".yaml";
      assertThat(Compile.resource(second, path)).isEqualTo(Compile.resource(first, path));
    }
  }
}
