package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.kfp4j.testing.Shared;
import dev.kfp4j.yaml.Yaml;
import java.io.File;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code @ImportComponents} of KFP 2 component files, those KFP 2.17's compiler wrote ({@code
 * ../shared/testdata/kfp-sdk-2.17.0}): a Python component with artifacts ({@code train}), one with
 * parameters ({@code add}) and a container component ({@code add-container}) become typed ops,
 * artifacts as files, and their tasks in a KFP 2 pipeline have KFP's definitions.
 */
class Kfp2ImportTest {
  @BeforeAll
  static void needsShared() {
    boolean present;
    try {
      present = Files.isDirectory(Shared.testdata("kfp-sdk-2.17.0"));
    } catch (IllegalStateException e) {
      present = false;
    }
    Assumptions.assumeTrue(present, "needs ../shared (KFP 2.17's component files); set -Dkfp4j.shared");
  }

  /** Compiles with KFP 2.17's files on the classpath, as resources. */
  static Compilation compile(JavaFileObject... sources) {
    List<File> classpath = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      classpath.add(new File(entry));
    }
    classpath.add(Shared.testdata("kfp-sdk-2.17.0").toFile());
    return Compiler.javac().withProcessors(new Kfp4jProcessor()).withOptions("-Akfp4j.image=" + Compile.IMAGE)
        .withClasspath(classpath).compile(sources);
  }

  static final JavaFileObject IMPORTS = Compile.source("test.Imports", "package test;", "import dev.kfp4j.annotations.*;",
      "@ImportComponents({\"train_component.yaml\", \"add_component.yaml\", \"add_container_component.yaml\"})",
      "public final class Imports {}");

  @Test
  void kfp2ComponentFilesBecomeTypedOpsWithArtifactsAsFiles() {
    Compilation c = compile(IMPORTS);
    assertThat(c).succeededWithoutWarnings();
    Compile.javaGolden(c, "test.ImportsOps", "Kfp2ImportTest", "kfp2ComponentFilesBecomeTypedOpsWithArtifactsAsFiles");
  }

  @Test
  void theirTasksHaveKfpsDefinitionsInAKfp2Pipeline() throws Exception {
    JavaFileObject pipeline = Compile.testClass("P",
        List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.artifacts.Dataset;"),
        "@Component public static void makeData(@Out Dataset data) {}",
        "@Component public static void show(@InputPath(\"Model\") java.nio.file.Path model, double loss, long sum) {}",
        "@Pipeline(name = \"uses-kfp\", formats = Format.KFP2) public static long p(@Default(\"5\") long epochs) {",
        "  var data = POps.makeData();",
        "  var train = ImportsOps.train(epochs, data.data());",
        "  var add = ImportsOps.add(1, 2);",
        "  var sum = ImportsOps.addContainer(add.output(), 3);",
        "  POps.show(train.model(), train.output(), sum.sum());",
        "  return sum.sum();",
        "}");
    Compilation c = compile(IMPORTS, pipeline);
    assertThat(c).succeeded();
    String yaml = Compile.resource(c, "META-INF/kfp4j/kfp2/pipelines/uses-kfp.yaml");
    Compile.validKfp2(yaml, "uses-kfp.yaml");
    JsonNode ours = Yaml.readAll(yaml).get(0);
    for (String[] file : new String[][] {{"train_component.yaml", "comp-train"}, {"add_component.yaml", "comp-add"},
        {"add_container_component.yaml", "comp-add-container"}}) {
      JsonNode kfp = Yaml.readAll(Files.readString(Shared.testdata("kfp-sdk-2.17.0").resolve(file[0]))).get(0);
      JsonNode theirs = kfp.at("/components/" + file[1]);
      assertThat(ours.at("/components/" + file[1] + "/inputDefinitions")).isEqualTo(theirs.get("inputDefinitions"));
      assertThat(ours.at("/components/" + file[1] + "/outputDefinitions")).isEqualTo(theirs.get("outputDefinitions"));
      // the executor runs what KFP's does
      String label = theirs.get("executorLabel").asString();
      assertThat(ours.at("/deploymentSpec/executors/" + label)).isEqualTo(kfp.at("/deploymentSpec/executors/" + label));
    }
    JsonNode train = ours.at("/root/dag/tasks/train");
    assertThat(train.at("/inputs/artifacts/data/taskOutputArtifact").toString())
        .isEqualTo("{\"outputArtifactKey\":\"data\",\"producerTask\":\"make-data\"}");
    assertThat(ours.at("/root/dag/tasks/show/inputs/artifacts/model/taskOutputArtifact/producerTask").asString()).isEqualTo("train");
  }

  @Test
  void aPythonComponentWrittenForKfp2IsNotForKfpV1() {
    JavaFileObject pipeline = Compile.testClass("P", List.of("import dev.kfp4j.annotations.*;"),
        "@Pipeline public static void p() {",
        "  ImportsOps.add(1, 2);",
        "}");
    Compilation c = compile(IMPORTS, pipeline);
    assertThat(c).hadErrorContaining("[kfp4j:NotInArgo] component 'add' runs KFP 2's executor protocol").inFile(pipeline)
        .onLineContaining("ImportsOps.add(1, 2)");
    // the container component runs on both
    JavaFileObject both = Compile.testClass("P", List.of("import dev.kfp4j.annotations.*;"),
        "@Pipeline public static void p() { ImportsOps.addContainer(1, 2); }");
    Compilation ok = compile(IMPORTS, both);
    assertThat(ok).succeeded();
    Compile.validKfp2(Compile.resource(ok, "META-INF/kfp4j/kfp2/pipelines/p.yaml"), "p.yaml");
    dev.kfp4j.testing.ArgoSchemas.assertValid(Compile.resource(ok, "META-INF/kfp4j/pipelines/p.yaml"), "p.yaml");
  }
}
