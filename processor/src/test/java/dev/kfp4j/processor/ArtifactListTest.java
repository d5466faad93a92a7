package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Task;
import dev.kfp4j.spec.InputSpec;
import dev.kfp4j.spec.TypeSpec;
import dev.kfp4j.yaml.Yaml;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Lists of artifacts: a component parameter {@code List<Model>} is an input taking a list of
 * artifacts (KFP 2's {@code Input[List[Model]]}, {@code isArtifactList}), and {@code Dsl.collect}
 * over an artifact output gives the list a loop collects (KFP 2's {@code dsl.Collected}), written as
 * KFP's compiler writes both and read back the same. Each misuse is one error where it is written.
 */
class ArtifactListTest {
  static final JavaFileObject STEPS = Compile.source("test.Steps",
      "package test;",
      "import dev.kfp4j.annotations.*;",
      "import dev.kfp4j.artifacts.*;",
      "import java.nio.file.Path;",
      "import java.util.List;",
      "public class Steps {",
      "  @Component public static void train(int n, @Out Model model) {}",
      "  @Component public static void export(int n, @OutputPath(\"Dataset\") Path table) {}",
      "  @Component public static int n(int n) { return n; }",
      "  /**",
      "   * Picks the best.",
      "   *",
      "   * @param models the trained models, in the loop's order",
      "   */",
      "  @Component public static String pick(List<Model> models) { return \"\"; }",
      "  @Component public static void describe(List<Artifact> anything) {}",
      "  @Component public static void serve(Model model) {}",
      "  @Component public static List<Path> paths() { return List.of(); }",
      "  @Component public static void names(List<Path> names) {}",
      "}");

  static JavaFileObject pipeline(String... body) {
    return Compile.testClass("P", List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.dsl.Dsl;", "import java.util.*;"), body);
  }

  @Test
  void aListOfArtifactsIsAnInputOfKfp2sListOfArtifactsAndTheEntrypointTakesIt() {
    Compilation c = Compile.compile(STEPS);
    assertThat(c).succeeded();
    JsonNode component = Yaml.read(Compile.resource(c, "META-INF/kfp4j/kfp2/components/pick.yaml"));
    assertThat(component.at("/components/comp-pick/inputDefinitions").toString()).isEqualTo("{\"artifacts\":{\"models\":{"
        + "\"artifactType\":{\"schemaTitle\":\"system.Model\",\"schemaVersion\":\"0.0.1\"},"
        + "\"description\":\"the trained models, in the loop's order\",\"isArtifactList\":true}}}");
    assertThat(component.at("/root/inputDefinitions/artifacts/models/isArtifactList").asBoolean()).isTrue();
    Compile.validKfp2(Compile.resource(c, "META-INF/kfp4j/kfp2/components/pick.yaml"), "pick.yaml");
    // KFP v1's component YAML marks it, and reads back the same
    String v1 = Compile.resource(c, "META-INF/kfp4j/components/pick.yaml");
    assertThat(dev.kfp4j.spec.ComponentYaml.parse(v1, "pick.yaml").inputs()).containsExactly(
        InputSpec.artifactList("models", TypeSpec.named("Model"), "the trained models, in the loop's order", false));
    // the op takes the list a loop collects
    assertThat(Compile.source(c, "test.StepsOps")).contains("public static ValueTask<String> pick(List<Path> models)");
  }

  @Test
  void collectingAnArtifactOutputGivesAListOfArtifactsAsKfpsCompilerWritesIt() {
    List<Pipeline> models = new ArrayList<>();
    JavaFileObject p = pipeline(
        "@Pipeline(formats = Format.KFP2) public static List<java.nio.file.Path> p(List<Integer> ns) {",
        "  var trained = Dsl.collect(ns, n -> test.StepsOps.train(n).model());",
        "  test.StepsOps.pick(trained);",
        "  test.StepsOps.describe(trained);",
        "  var tables = Dsl.collect(ns, n -> test.StepsOps.export(n).table());",
        "  test.StepsOps.describe(tables);",
        "  return trained;",
        "}");
    Compilation c = Compile.compile(models, STEPS, p);
    assertThat(c).succeeded();
    Argument.Collected trained = new Argument.Collected("for-loop-1", "train", "model");
    Pipeline model = models.get(0);
    assertThat(((Task) model.node("pick").orElseThrow()).arguments()).containsExactly("models", trained);
    assertThat(model.outputs()).containsExactly("Output", trained);
    String yaml = Compile.resource(c, Kfp2PipelineTest.P2);
    Compile.validKfp2(yaml, Kfp2PipelineTest.P2);
    JsonNode spec = Yaml.readAll(yaml).get(0);
    assertThat(spec.at("/components/comp-for-loop-1/dag/outputs").toString()).isEqualTo("{\"artifacts\":{\"pipelinechannel--train-model\":"
        + "{\"artifactSelectors\":[{\"outputArtifactKey\":\"model\",\"producerSubtask\":\"train\"}]}}}");
    assertThat(spec.at("/components/comp-for-loop-1/outputDefinitions").toString()).isEqualTo("{\"artifacts\":{\"pipelinechannel--train-model\":"
        + "{\"artifactType\":{\"schemaTitle\":\"system.Model\",\"schemaVersion\":\"0.0.1\"},\"isArtifactList\":true}}}");
    assertThat(spec.at("/root/dag/tasks/pick/inputs").toString()).isEqualTo("{\"artifacts\":{\"models\":{\"taskOutputArtifact\":"
        + "{\"outputArtifactKey\":\"pipelinechannel--train-model\",\"producerTask\":\"for-loop-1\"}}}}");
    assertThat(spec.at("/root/dag/tasks/pick/dependentTasks").toString()).isEqualTo("[\"for-loop-1\"]");
    assertThat(spec.at("/root/outputDefinitions/artifacts/Output/isArtifactList").asBoolean()).isTrue();
    assertThat(spec.at("/components/comp-for-loop-2/outputDefinitions/artifacts/pipelinechannel--export-table/artifactType/schemaTitle")
        .asString()).isEqualTo("system.Dataset");
    Pipeline back = Kfp2Reader.read(yaml, Kfp2PipelineTest.P2);
    assertThat(((Task) back.node("pick").orElseThrow()).arguments()).containsExactly("models", trained);
    assertThat(back.outputs()).containsExactly("Output", trained);
    assertThat(Kfp2Writer.write(back)).isEqualTo(yaml);
  }

  /**
   * A KFP 2 component file taking {@code Input[List[Dataset]]} on its command line ({@code {{$.inputs.artifacts['datasets']}}}),
   * as KFP's SDK writes a container component: its op takes a {@code List<Path>}, which collected files feed.
   */
  @Test
  void anImportedKfp2ComponentTakingAListOfArtifactsTakesCollectedFiles(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    dev.kfp4j.spec.ComponentSpec count = new dev.kfp4j.spec.ComponentSpec("count", null, null, null,
        List.of(InputSpec.artifactList("datasets", TypeSpec.named("system.Dataset"), null, false)), List.of(),
        new dev.kfp4j.spec.ContainerSpec("python:3", List.of(new dev.kfp4j.spec.Placeholder.Literal("echo")),
            List.of(new dev.kfp4j.spec.Placeholder.InputArtifacts("datasets")), null, null), null);
    java.nio.file.Files.writeString(dir.resolve("count.yaml"), Kfp2Writer.writeComponent(count, null));
    List<java.io.File> classpath = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      classpath.add(new java.io.File(entry));
    }
    classpath.add(dir.toFile());
    JavaFileObject imports = Compile.source("test.Imports", "package test;", "import dev.kfp4j.annotations.*;",
        "@ImportComponents(\"count.yaml\")", "public final class Imports {}");
    JavaFileObject p = pipeline(
        "@Pipeline(formats = Format.KFP2) public static void p(List<Integer> ns) {",
        "  var tables = Dsl.collect(ns, n -> test.StepsOps.export(n).table());",
        "  test.ImportsOps.count(tables);",
        "}");
    Compilation c = com.google.testing.compile.Compiler.javac().withProcessors(new Kfp4jProcessor())
        .withOptions("-Akfp4j.image=" + Compile.IMAGE).withClasspath(classpath).compile(STEPS, imports, p);
    assertThat(c).succeeded();
    assertThat(Compile.source(c, "test.ImportsOps")).contains("count(List<Path> datasets)");
    String yaml = Compile.resource(c, Kfp2PipelineTest.P2);
    Compile.validKfp2(yaml, Kfp2PipelineTest.P2);
    JsonNode spec = Yaml.readAll(yaml).get(0);
    assertThat(spec.at("/components/comp-count/inputDefinitions/artifacts/datasets/isArtifactList").asBoolean()).isTrue();
    assertThat(spec.at("/deploymentSpec/executors/exec-count/container/args/0").asString())
        .isEqualTo("{{$.inputs.artifacts['datasets']}}");
    assertThat(spec.at("/root/dag/tasks/count/inputs/artifacts/datasets/taskOutputArtifact/producerTask").asString())
        .isEqualTo("for-loop-1");
  }

  @Test
  void anOutputListOfArtifactsIsAnError() {
    JavaFileObject s = Compile.source("test.Bad",
        "package test;",
        "import dev.kfp4j.annotations.*;",
        "import dev.kfp4j.artifacts.*;",
        "import java.util.List;",
        "public class Bad {",
        "  @Component public static void many(@Out List<Model> models) {}",
        "}");
    Compilation c = Compile.compile(s);
    assertThat(c).hadErrorContaining("[kfp4j:OutArtifactList] @Out parameter 'models' has type 'java.util.List<dev.kfp4j.artifacts.Model>', "
        + "a list of artifacts; KFP's components write no list of artifacts").inFile(s).onLineContaining("many(");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void aListOfArtifactsIsNeverOptionalNorAPath() {
    JavaFileObject s = Compile.source("test.Bad",
        "package test;",
        "import dev.kfp4j.annotations.*;",
        "import dev.kfp4j.artifacts.*;",
        "import java.nio.file.Path;",
        "import java.util.*;",
        "public class Bad {",
        "  @Component public static void maybe(Optional<List<Model>> models) {}",
        "  @Component public static void paths(@InputPath List<Dataset> data) {}",
        "  @Component public static void files(@InputPath List<Path> files) {}",
        "}");
    Compilation c = Compile.compile(s);
    assertThat(c).hadErrorContaining("[kfp4j:ArtifactListOptional] list of artifacts 'models' cannot be optional (the Optional): "
        + "a loop over no items gives it an empty list; write 'List<Model> models'").inFile(s).onLineContaining("maybe(");
    assertThat(c).hadErrorContaining("[kfp4j:ArtifactListWithPath] parameter 'data' (java.util.List<dev.kfp4j.artifacts.Dataset>) "
        + "takes a list of artifacts and no @InputPath: write 'List<Dataset> data'").inFile(s).onLineContaining("paths(");
    assertThat(c).hadErrorContaining("[kfp4j:InputPathType] @InputPath parameter 'files' has type 'java.util.List<java.nio.file.Path>', "
        + "which is no list of files: an @InputPath is one file; for the files or artifacts a loop collects take a list of artifacts, "
        + "'List<Dataset> files' (List<Artifact> for any type), and read each path()").inFile(s).onLineContaining("files(");
    assertThat(c).hadErrorCount(3);
  }

  @Test
  void aListOfArtifactsTakesOnlyCollectedArtifactsOfItsType() {
    JavaFileObject p = pipeline(
        "@Pipeline(formats = Format.KFP2) public static void p(List<Integer> ns) {",
        "  var trained = Dsl.collect(ns, n -> test.StepsOps.train(n).model());",
        "  var tables = Dsl.collect(ns, n -> test.StepsOps.export(n).table());",
        "  test.StepsOps.pick(List.of(test.StepsOps.train(1).model()));",
        "  test.StepsOps.serve(trained.get(0));",
        "  test.StepsOps.pick(tables);",
        "}");
    Compilation c = Compile.compile(STEPS, p);
    assertThat(c).hadErrorContaining("[kfp4j:TypeMismatch] output 'table' of task 'export' has type Dataset but input 'models' of "
        + "'pick' takes Model").inFile(p).onLineContaining("pick(tables)");
    assertThat(c).hadErrorContaining("[kfp4j:").inFile(p).onLineContaining("List.of(");
    assertThat(c).hadErrorContaining("[kfp4j:").inFile(p).onLineContaining("trained.get(0)");
  }

  /** Where Java's types agree (a {@code List<Path>} value), KFP's do not: values are no list of artifacts, nor the other way. */
  @Test
  void valuesAreNoListOfArtifactsNorTheOtherWay() {
    JavaFileObject p = pipeline(
        "@Pipeline(formats = Format.KFP2) public static void p(List<Integer> ns) {",
        "  var trained = Dsl.collect(ns, n -> test.StepsOps.train(n).model());",
        "  test.StepsOps.names(trained);",
        "  test.StepsOps.pick(test.StepsOps.paths().output());",
        "}");
    Compilation c = Compile.compile(STEPS, p);
    assertThat(c).hadErrorContaining("[kfp4j:TypeMismatch] input 'names' of 'names' takes one value, not the list of artifacts of "
        + "'train' collected from 'for-loop-1'; take a List<...> of artifacts in the component").inFile(p)
        .onLineContaining("names(trained)");
    assertThat(c).hadErrorContaining("[kfp4j:TypeMismatch] input 'models' of 'pick' takes a list of artifacts, not output 'Output' "
        + "of 'paths', one output; give it the artifacts a loop collects").inFile(p).onLineContaining("pick(test.StepsOps.paths()");
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void argoHasNoFormForIt() {
    JavaFileObject p = pipeline(
        "@Pipeline public static void p(List<Integer> ns) {",
        "  var trained = Dsl.collect(ns, n -> test.StepsOps.train(n).model());",
        "  test.StepsOps.pick(trained);",
        "}");
    Compilation c = Compile.compile(STEPS, p);
    assertThat(c).hadErrorContaining("[kfp4j:NotInArgo] Dsl.collect(...) collects a loop's outputs, which only KFP 2 can")
        .inFile(p).onLineContaining("pick(trained)");
  }
}
