package dev.kfp4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.kfp4j.yaml.Yaml;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Artifacts between tasks: an input artifact takes a task's artifact or file output of its type,
 * as KFP 2 checks it ({@code system.Artifact} takes any); another type is a {@code TypeMismatch}.
 */
class ArtifactPipelineTest {
  static final JavaFileObject STEPS = Compile.source("test.Steps",
      "package test;",
      "import dev.kfp4j.annotations.*;",
      "import dev.kfp4j.artifacts.*;",
      "import java.nio.file.Path;",
      "public class Steps {",
      "  @Component public static void makeData(@Out Dataset data) {}",
      "  @Component public static void export(@OutputPath(\"Dataset\") Path table) {}",
      "  @Component public static double train(Dataset data, int epochs, @Out Model model) { return 0; }",
      "  @Component public static void describe(Artifact anything) {}",
      "  @Component public static void serve(Model model) {}",
      "}");

  static JavaFileObject pipeline(String... body) {
    return Compile.testClass("P", List.of("import dev.kfp4j.annotations.*;"), body);
  }

  @Test
  void artifactAndFileOutputsFeedArtifactInputsOfTheirType() {
    JavaFileObject p = pipeline(
        "@Pipeline public static void p() {",
        "  var data = StepsOps.makeData();",
        "  var train = StepsOps.train(data.data(), 5);",
        "  StepsOps.serve(train.model());",
        "  StepsOps.train(StepsOps.export().table(), 6);",
        "  StepsOps.describe(train.model());",
        "}");
    Compilation c = Compile.compile(STEPS, p);
    assertThat(c).succeeded();
    JsonNode tasks = Yaml.read(Compile.resource(c, "META-INF/kfp4j/pipelines/p.yaml")).at("/spec/templates/0/dag/tasks");
    Assertions.assertEquals("{{tasks.make-data.outputs.artifacts.data}}", tasks.get(1).at("/arguments/artifacts/0/from").asString());
    Assertions.assertEquals("{{tasks.train.outputs.artifacts.model}}", tasks.get(2).at("/arguments/artifacts/0/from").asString());
  }

  @Test
  void anArtifactOfAnotherTypeIsATypeMismatch() {
    JavaFileObject p = pipeline(
        "@Pipeline public static void p() {",
        "  var data = StepsOps.makeData();",
        "  StepsOps.serve(data.data());",
        "}");
    Compilation c = Compile.compile(STEPS, p);
    assertThat(c).hadErrorContaining("[kfp4j:TypeMismatch] output 'data' of task 'make-data' has type Dataset but input "
        + "'model' of 'serve' takes Model; pass an output of type Model").inFile(p).onLineContaining("StepsOps.serve(data.data())");
  }
}
