package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Branches;
import dev.kfp4j.model.Node;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Task;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code var v = Dsl.oneOf(c, () -> t.output()).orWhen(...).otherwise(...)}, KFP 2's {@code
 * dsl.OneOf} over an if/elif/else chain: in the model, one of the chain's outputs; in the KFP 2
 * spec, as KFP's compiler writes it; read back the same. Each misuse is one error where it is
 * written.
 */
class OneOfTest {
  @Test
  void theChainsValueIsTheOutputOfTheBranchThatRan() {
    Kfp2PipelineTest.Compiled c = Kfp2PipelineTest.compile(
        "@Pipeline(formats = Format.KFP2) public static String p(int n) {",
        "  var said = Dsl.oneOf(Dsl.gt(n, 10), () -> LibOps.greet(\"big\").output())",
        "      .orWhen(Dsl.gt(n, 5), () -> {",
        "        var a = LibOps.add(n, 1);",
        "        return LibOps.greet(\"medium\").after(a).output();",
        "      })",
        "      .otherwise(() -> LibOps.greet(\"small\").output());",
        "  LibOps.greet(said);",
        "  Dsl.when(Dsl.eq(said, \"small\"), () -> LibOps.greet(said));",
        "  return said;",
        "}");
    Argument.OneOf said = new Argument.OneOf("condition-branches-1", List.of(new Argument.TaskOutput("greet", "Output"),
        new Argument.TaskOutput("greet-2", "Output"), new Argument.TaskOutput("greet-3", "Output")));
    Pipeline model = c.model();
    Branches chain = (Branches) model.nodes().get(0);
    assertThat(chain.branches().get(1).body().stream().map(Node::name).toList()).containsExactly("add", "greet-2");
    assertThat(((Task) model.node("greet-4").orElseThrow()).arguments()).containsExactly("name", said);
    assertThat(((Task) model.node("greet-5").orElseThrow()).arguments()).containsExactly("name", said);
    assertThat(model.outputs()).containsExactly("Output", said);

    JsonNode spec = c.spec();
    assertThat(spec.at("/components/comp-condition-branches-1/dag/outputs/parameters/pipelinechannel--condition-branches-1-oneof-1")
        .toString()).isEqualTo("{\"valueFromOneof\":{\"parameterSelectors\":["
            + "{\"outputParameterKey\":\"pipelinechannel--greet-Output\",\"producerSubtask\":\"condition-2\"},"
            + "{\"outputParameterKey\":\"pipelinechannel--greet-2-Output\",\"producerSubtask\":\"condition-3\"},"
            + "{\"outputParameterKey\":\"pipelinechannel--greet-3-Output\",\"producerSubtask\":\"condition-4\"}]}}");
    assertThat(spec.at("/components/comp-condition-branches-1/outputDefinitions/parameters/pipelinechannel--condition-branches-1-oneof-1"
        + "/parameterType").asString()).isEqualTo("STRING");
    assertThat(spec.at("/components/comp-condition-3/dag/outputs/parameters/pipelinechannel--greet-2-Output/valueFromParameter").toString())
        .isEqualTo("{\"outputParameterKey\":\"Output\",\"producerSubtask\":\"greet-2\"}");
    JsonNode greet = Kfp2PipelineTest.task(spec, "root", "greet-4");
    assertThat(greet.at("/inputs/parameters/name/taskOutputParameter").toString())
        .isEqualTo("{\"outputParameterKey\":\"pipelinechannel--condition-branches-1-oneof-1\",\"producerTask\":\"condition-branches-1\"}");
    assertThat(greet.get("dependentTasks").toString()).isEqualTo("[\"condition-branches-1\"]");
    assertThat(Kfp2PipelineTest.task(spec, "comp-condition-5", "greet-5").at("/inputs/parameters/name/componentInputParameter").asString())
        .isEqualTo("pipelinechannel--condition-branches-1-pipelinechannel--condition-branches-1-oneof-1");
    assertThat(Kfp2PipelineTest.task(spec, "root", "condition-5").at("/triggerPolicy/condition").asString())
        .isEqualTo("inputs.parameter_values['pipelinechannel--condition-branches-1-pipelinechannel--condition-branches-1-oneof-1'] == 'small'");
    assertThat(spec.at("/root/dag/outputs/parameters/Output/valueFromParameter").toString())
        .isEqualTo("{\"outputParameterKey\":\"pipelinechannel--condition-branches-1-oneof-1\",\"producerSubtask\":\"condition-branches-1\"}");

    Pipeline back = Kfp2Reader.read(c.kfp2(), Kfp2PipelineTest.P2);
    assertThat(back.outputs()).containsExactly("Output", said);
    assertThat(((Task) back.node("greet-5").orElseThrow()).arguments()).containsExactly("name", said);
    assertThat(Kfp2Writer.write(back)).isEqualTo(c.kfp2());
  }

  /**
   * {@code return Dsl.oneOf(...)} and {@code return Dsl.collect(...)}, as KFP's {@code return dsl.OneOf(t1.output,
   * t2.output)} and {@code return dsl.Collected(t.output)} (KFP's {@code parameter_oneof.py}, {@code
   * collected_parameters.py}): the pipeline's output, as when assigned to a variable first.
   */
  @Test
  void aChainOrACollectReturnedAsItIsIsThePipelinesOutput() {
    Pipeline oneOf = Kfp2PipelineTest.compile(
        "@Pipeline(formats = Format.KFP2) public static String p(int n) {",
        "  return Dsl.oneOf(Dsl.gt(n, 10), () -> LibOps.greet(\"big\").output())",
        "      .otherwise(() -> LibOps.greet(\"small\").output());",
        "}").model();
    assertThat(oneOf.outputs()).containsExactly("Output", new Argument.OneOf("condition-branches-1",
        List.of(new Argument.TaskOutput("greet", "Output"), new Argument.TaskOutput("greet-2", "Output"))));
    Kfp2PipelineTest.Compiled collected = Kfp2PipelineTest.compile(
        "@Pipeline(formats = Format.KFP2) public static List<Integer> p(List<Integer> xs) {",
        "  return Dsl.collect(xs, x -> LibOps.add(x, 1).output());",
        "}");
    assertThat(collected.spec().at("/root/dag/outputs/parameters/Output/valueFromParameter").toString())
        .isEqualTo("{\"outputParameterKey\":\"pipelinechannel--add-Output\",\"producerSubtask\":\"for-loop-1\"}");
  }

  /** {@code return Dsl.oneOf(...)} without {@code .otherwise(...)} is no value: javac's own error, and no second one. */
  @Test
  void aReturnedChainWithoutOtherwiseIsJavacsErrorAlone() {
    JavaFileObject source = Compile.testClass("P", List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.dsl.Dsl;"),
        "@Pipeline(formats = Format.KFP2) public static String p(int n) {",
        "  return Dsl.oneOf(Dsl.gt(n, 1), () -> LibOps.greet(\"a\").output())",
        "      .orWhen(Dsl.gt(n, 0), () -> LibOps.greet(\"b\").output());",
        "}");
    Compilation c = Compile.compile(new java.util.ArrayList<>(), PipelineModelTest.LIB, source);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("incompatible types");
  }

  @Test
  void filesOfTheBranchesAreOneArtifact() {
    JavaFileObject lib = Compile.source("test.Files", "package test;", "import dev.kfp4j.annotations.*;", "import java.nio.file.Path;",
        "public class Files {",
        "  @Component public static void write(String text, @OutputPath(\"Dataset\") Path dataPath) {}",
        "  @Component public static int size(@InputPath(\"Dataset\") Path dataPath) { return 0; }",
        "}");
    JavaFileObject source = Compile.testClass("P", List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.dsl.Dsl;"),
        "@Pipeline(formats = Format.KFP2) public static void p(int n) {",
        "  var d = Dsl.oneOf(Dsl.gt(n, 1), () -> FilesOps.write(\"a\").data()).otherwise(() -> FilesOps.write(\"b\").data());",
        "  FilesOps.size(d);",
        "}");
    List<Pipeline> models = new java.util.ArrayList<>();
    Compilation c = Compile.compile(models, lib, source);
    assertThat(c).succeeded();
    Argument.OneOf d = new Argument.OneOf("condition-branches-1",
        List.of(new Argument.TaskOutput("write", "data"), new Argument.TaskOutput("write-2", "data")));
    assertThat(((Task) models.get(0).node("size").orElseThrow()).arguments()).containsExactly("data", d);
    String yaml = Compile.resource(c, Kfp2PipelineTest.P2);
    Compile.validKfp2(yaml, Kfp2PipelineTest.P2);
    JsonNode spec = dev.kfp4j.yaml.Yaml.readAll(yaml).get(0);
    assertThat(spec.at("/components/comp-condition-branches-1/dag/outputs/artifacts/pipelinechannel--condition-branches-1-oneof-1")
        .toString()).isEqualTo("{\"artifactSelectors\":["
            + "{\"outputArtifactKey\":\"pipelinechannel--write-data\",\"producerSubtask\":\"condition-2\"},"
            + "{\"outputArtifactKey\":\"pipelinechannel--write-2-data\",\"producerSubtask\":\"condition-3\"}]}");
    assertThat(Kfp2PipelineTest.task(spec, "root", "size").at("/inputs/artifacts/data/taskOutputArtifact").toString())
        .isEqualTo("{\"outputArtifactKey\":\"pipelinechannel--condition-branches-1-oneof-1\",\"producerTask\":\"condition-branches-1\"}");
    assertThat(((Task) Kfp2Reader.read(yaml, "p.yaml").node("size").orElseThrow()).arguments()).containsExactly("data", d);
  }

  static Stream<Arguments> misuses() {
    String kfp2 = "@Pipeline(formats = Format.KFP2) public static void p(int n) {";
    return Stream.of(
        Arguments.of("kfp4j:NotInArgo", "LibOps.greet(said)",
            new String[] {"@Pipeline public static void p(int n) {",
                "  var said = Dsl.oneOf(Dsl.gt(n, 1), () -> LibOps.greet(\"a\").output()).otherwise(() -> LibOps.greet(\"b\").output());",
                "  LibOps.greet(said);", "}"},
            "Dsl.oneOf(...) gives the output of whichever branch ran (KFP 2's dsl.OneOf), which only KFP 2 can: KFP v1's Argo workflow "
                + "has no form for it; write this pipeline for KFP 2 only: @Pipeline(formats = Format.KFP2)"),
        Arguments.of("kfp4j:NotInArgo", "Dsl.when(Dsl.eq(said, \"a\")",
            new String[] {"@Pipeline public static void p(int n) {",
                "  var said = Dsl.oneOf(Dsl.gt(n, 1), () -> LibOps.greet(\"a\").output()).otherwise(() -> LibOps.greet(\"b\").output());",
                "  Dsl.when(Dsl.eq(said, \"a\"), () -> LibOps.greet(\"x\"));", "}"},
            "Dsl.oneOf(...) gives the output of whichever branch ran (KFP 2's dsl.OneOf), which only KFP 2 can"),
        Arguments.of("kfp4j:OneOfWithoutOtherwise", ".orWhen(Dsl.gt(n, 0)",
            new String[] {kfp2, "  var said = Dsl.oneOf(Dsl.gt(n, 1), () -> LibOps.greet(\"a\").output())",
                "      .orWhen(Dsl.gt(n, 0), () -> LibOps.greet(\"b\").output());", "}"},
            "a chain begun with Dsl.oneOf(...) ends with .otherwise(() -> ...), which gives the value when no other branch runs"),
        Arguments.of("kfp4j:OneOfNotOutput", "() -> n",
            new String[] {kfp2, "  var said = Dsl.oneOf(Dsl.gt(n, 1), () -> LibOps.add(1, 1).output())",
                "      .otherwise(() -> n);", "  LibOps.add(said, 1);", "}"},
            "each branch of Dsl.oneOf(...) gives an output of a task made in its own lambda"),
        Arguments.of("kfp4j:OneOfNotOutput", "return a.output();",
            new String[] {kfp2, "  var a = LibOps.greet(\"x\");", "  var said = Dsl.oneOf(Dsl.gt(n, 1), () -> {",
                "        LibOps.greet(\"y\");", "        return a.output();", "      })",
                "      .otherwise(() -> LibOps.greet(\"b\").output());", "}"},
            "'a.output()' is not"),
        Arguments.of("kfp4j:OneOfTypes", "() -> LibOps.add(1, 2).output()",
            new String[] {kfp2, "  var said = Dsl.<Object>oneOf(Dsl.gt(n, 1), () -> LibOps.greet(\"a\").output())",
                "      .otherwise(() -> LibOps.add(1, 2).output());", "}"},
            "output 'Output' of task 'add' is Integer, but the first branch gives String"),
        Arguments.of("kfp4j:OneOfTypes", ".otherwise(() -> LibOps.greet(\"b\").output());",
            new String[] {kfp2, "  var d = Dsl.<Object>oneOf(Dsl.gt(n, 1), () -> LibOps.train().data())",
                "      .otherwise(() -> LibOps.greet(\"b\").output());", "}"},
            "output 'Output' of task 'greet' is String, but the first branch gives a file of type CSV"),
        Arguments.of("kfp4j:UnsupportedStatement", ".otherwise(() -> LibOps.greet(\"b\").output());",
            new String[] {kfp2, "  Dsl.oneOf(Dsl.gt(n, 1), () -> LibOps.greet(\"a\").output())",
                "      .otherwise(() -> LibOps.greet(\"b\").output());", "}"},
            "Dsl.oneOf(...) gives the output of the branch that ran: assign it to a variable"));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("misuses")
  void eachIsOneErrorWhereItIsWritten(String tag, String line, String[] body, String message) {
    JavaFileObject source = FormatErrorTest.pipeline(body);
    Compilation c = FormatErrorTest.compile(source);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[" + tag + "]").inFile(source).onLineContaining(line);
    assertThat(c).hadErrorContaining(message);
    assertThat(c).hadErrorCount(1);
  }
}
