package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Loop;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Task;
import dev.kfp4j.yaml.Yaml;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Loops over a list of artifacts: {@code Dsl.forEach(models, model -> ...)} over the list {@code
 * Dsl.collect} made of artifact outputs (or that a called pipeline returns) runs its body once per
 * artifact, the lambda's parameter (a {@code Path}, as an op's artifact output is) the artifact
 * given to the tasks, as KFP 2's {@code dsl.ParallelFor} over a list of artifacts: written as KFP's
 * compiler writes it ({@code artifactIterator}) and read back the same. Each misuse is one error
 * where it is written.
 */
class ArtifactLoopTest {
  static final JavaFileObject EVAL = Compile.source("test.Eval",
      "package test;",
      "import dev.kfp4j.annotations.*;",
      "import dev.kfp4j.artifacts.*;",
      "import java.util.List;",
      "public class Eval {",
      "  @Component public static double evaluate(Model model) { return 0; }",
      "  @Component public static void load(Dataset data) {}",
      "  @Component public static void anything(Artifact a) {}",
      "  @Component public static void say(String text) {}",
      "}");

  private static JavaFileObject pipeline(String... body) {
    return ArtifactListTest.pipeline(body);
  }

  @Test
  void aLoopOverCollectedArtifactsIsKfpsArtifactIterator() {
    List<Pipeline> models = new ArrayList<>();
    JavaFileObject p = pipeline(
        "@Pipeline(formats = Format.KFP2) public static List<Double> p(List<Integer> ns) {",
        "  var trained = Dsl.collect(ns, n -> test.StepsOps.train(n).model());",
        "  Dsl.forEach(trained, 2, model -> test.EvalOps.anything(model));",
        "  var scores = Dsl.collect(trained, model -> test.EvalOps.evaluate(model).output());",
        "  return scores;",
        "}");
    Compilation c = Compile.compile(models, ArtifactListTest.STEPS, EVAL, p);
    assertThat(c).succeeded();
    Pipeline model = models.get(0);
    Argument.Collected trained = new Argument.Collected("for-loop-1", "train", "model");
    Loop each = (Loop) model.node("for-loop-2").orElseThrow();
    assertThat(each.items()).isEqualTo(new Loop.Over(trained));
    assertThat(each.parallelism()).isEqualTo(2);
    assertThat(model.overArtifacts(each)).isTrue();
    assertThat(((Task) model.node("anything").orElseThrow()).arguments()).containsExactly("a", new Argument.LoopItem("for-loop-2", null));
    assertThat(model.outputs()).containsExactly("Output", new Argument.Collected("for-loop-3", "evaluate", "Output"));
    String yaml = Compile.resource(c, Kfp2PipelineTest.P2);
    Compile.validKfp2(yaml, Kfp2PipelineTest.P2);
    JsonNode spec = Yaml.readAll(yaml).get(0);
    String list = "pipelinechannel--for-loop-1-pipelinechannel--train-model";
    assertThat(spec.at("/root/dag/tasks/for-loop-2/artifactIterator").toString()).isEqualTo("{\"itemInput\":\"" + list
        + "-loop-item\",\"items\":{\"inputArtifact\":\"" + list + "\"}}");
    assertThat(spec.at("/root/dag/tasks/for-loop-2/inputs").toString()).isEqualTo("{\"artifacts\":{\"" + list
        + "\":{\"taskOutputArtifact\":{\"outputArtifactKey\":\"pipelinechannel--train-model\",\"producerTask\":\"for-loop-1\"}}}}");
    assertThat(spec.at("/root/dag/tasks/for-loop-2/iteratorPolicy/parallelismLimit").asInt()).isEqualTo(2);
    assertThat(spec.at("/components/comp-for-loop-2/inputDefinitions").toString()).isEqualTo("{\"artifacts\":{\"" + list
        + "\":{\"artifactType\":{\"schemaTitle\":\"system.Model\",\"schemaVersion\":\"0.0.1\"},\"isArtifactList\":true},\"" + list
        + "-loop-item\":{\"artifactType\":{\"schemaTitle\":\"system.Model\",\"schemaVersion\":\"0.0.1\"}}}}");
    assertThat(spec.at("/components/comp-for-loop-2/dag/tasks/anything/inputs").toString())
        .isEqualTo("{\"artifacts\":{\"a\":{\"componentInputArtifact\":\"" + list + "-loop-item\"}}}");
    assertThat(spec.at("/root/dag/tasks/for-loop-3/artifactIterator/items/inputArtifact").asString()).isEqualTo(list);
    Pipeline back = Kfp2Reader.read(yaml, Kfp2PipelineTest.P2);
    assertThat(((Loop) back.node("for-loop-2").orElseThrow()).items()).isEqualTo(new Loop.Over(trained));
    assertThat(Kfp2Writer.write(back)).isEqualTo(yaml);
  }

  /** A called pipeline's list of values ({@code List<Integer>}) is looped over as values. */
  @Test
  void aLoopOverTheValuesACalledPipelineReturnsGivesNoArtifact() {
    JavaFileObject p = pipeline(
        "@Pipeline(formats = Format.KFP2) public static List<Integer> ns(List<Integer> ns) {",
        "  return Dsl.collect(ns, n -> test.StepsOps.n(n).output());",
        "}",
        "@Pipeline(formats = Format.KFP2) public static void p(List<Integer> ns) {",
        "  Dsl.forEach(ns(ns), n -> test.StepsOps.train(n));",
        "}");
    Compilation c = Compile.compile(ArtifactListTest.STEPS, EVAL, p);
    assertThat(c).succeeded(); // values to a value input
  }

  /**
   * A pipeline returning {@code List<Path>} returns the artifacts a loop collects (KFP's {@code List[Artifact]} output), which
   * its callers loop over; a list of values declared so is an error on the return saying what to write.
   */
  @Test
  void aReturnedListOfPathsIsTheArtifactsALoopCollects() {
    JavaFileObject p = Compile.testClass("P", List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.dsl.Dsl;",
            "import java.nio.file.Path;", "import java.util.*;"),
        "@Component public static List<Path> paths() { return List.of(); }",
        "@Pipeline(formats = Format.KFP2) public static List<Path> p() {",
        "  return POps.paths().output();",
        "}");
    Compilation c = Compile.compile(p);
    assertThat(c).hadErrorContaining("[kfp4j:UnsupportedStatement] 'POps.paths().output()' is no list of artifacts, but output "
        + "'Output' is a List<Path>, which a pipeline returns as one (KFP's List[Artifact] output, which its callers loop over): "
        + "return the artifacts a loop collects, Dsl.collect(items, item -> SomeOps.make(item).data()), or declare the output a "
        + "list of values such as List<String>").inFile(p).onLineContaining("return POps.paths().output();");
    assertThat(c).hadErrorCount(1);
  }

  /** The list a called pipeline returns goes to a list input, not to one artifact's; a loop gives its items one by one. */
  @Test
  void theListACalledPipelineReturnsGoesToAListInputOnly() {
    JavaFileObject p = pipeline(
        "@Pipeline(formats = Format.KFP2) public static List<java.nio.file.Path> train(List<Integer> ns) {",
        "  return Dsl.collect(ns, n -> test.StepsOps.train(n).model());",
        "}",
        "@Pipeline(formats = Format.KFP2) public static void p(List<Integer> ns) {",
        "  var models = train(ns);",
        "  test.StepsOps.pick(models);",
        "  test.StepsOps.names(models);",
        "}");
    Compilation c = Compile.compile(ArtifactListTest.STEPS, EVAL, p);
    assertThat(c).hadErrorContaining("[kfp4j:TypeMismatch] input 'names' of 'names' takes one value, not the list of artifacts "
        + "pipeline 'train' returns; take a List<...> of artifacts in the component, or loop over the list, "
        + "Dsl.forEach(list, item -> ...), and pass the item").inFile(p).onLineContaining("names(models)");
    assertThat(c).hadErrorCount(1);
  }

  /** KFP v1's Argo workflow has no list of artifacts: a caller written for it that loops over one is an error saying what to write. */
  @Test
  void aLoopOverTheListACalledPipelineReturnsIsNotInArgo() {
    JavaFileObject p = pipeline(
        "@Pipeline(formats = Format.KFP2) public static List<java.nio.file.Path> train(List<Integer> ns) {",
        "  return Dsl.collect(ns, n -> test.StepsOps.train(n).model());",
        "}",
        "@Pipeline public static void p(List<Integer> ns) {",
        "  Dsl.forEach(train(ns), model -> test.EvalOps.evaluate(model));",
        "}");
    Compilation c = Compile.compile(ArtifactListTest.STEPS, EVAL, p);
    assertThat(c).hadErrorContaining("[kfp4j:NotInArgo] output 'Output' of pipeline 'train' is a list of artifacts (KFP 2's "
        + "List[Artifact] output), which only KFP 2 can pass on or loop over: KFP v1's Argo workflow has no form for it; write "
        + "this pipeline for KFP 2 only: @Pipeline(formats = Format.KFP2)").inFile(p).onLineContaining("Dsl.forEach(train(ns)");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void anArtifactGoesToAnInputOfItsTypeOnly() {
    JavaFileObject p = pipeline(
        "@Pipeline(formats = Format.KFP2) public static void p(List<Integer> ns) {",
        "  var trained = Dsl.collect(ns, n -> test.StepsOps.train(n).model());",
        "  Dsl.forEach(trained, model -> test.EvalOps.load(model));",
        "}");
    Compilation c = Compile.compile(ArtifactListTest.STEPS, EVAL, p);
    assertThat(c).hadErrorContaining("[kfp4j:TypeMismatch] output 'model' of task 'train' has type Model but input 'data' of 'load' "
        + "takes Dataset").inFile(p).onLineContaining("load(model)");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void anArtifactIsNoValue() {
    JavaFileObject p = pipeline(
        "@Pipeline(formats = Format.KFP2) public static void p(List<Integer> ns) {",
        "  var trained = Dsl.collect(ns, n -> test.StepsOps.train(n).model());",
        "  Dsl.forEach(trained, model -> test.EvalOps.say(model));",
        "}");
    Compilation c = Compile.compile(ArtifactListTest.STEPS, EVAL, p);
    assertThat(c).hadErrorContaining("incompatible types").inFile(p).onLineContaining("say(model)");
  }

  @Test
  void collectedValuesAreNoLoopsItems() {
    JavaFileObject p = pipeline(
        "@Pipeline(formats = Format.KFP2) public static void p(List<Integer> ns) {",
        "  var counts = Dsl.collect(ns, n -> test.StepsOps.n(n).output());",
        "  Dsl.forEach(counts, k -> test.StepsOps.n(k));",
        "}");
    Compilation c = Compile.compile(ArtifactListTest.STEPS, p);
    assertThat(c).hadErrorContaining("[kfp4j:UnsupportedArgument] Dsl.forEach loops over the values of 'n' collected from "
        + "'for-loop-1'; a loop takes a list Dsl.collect made of artifacts only").inFile(p).onLineContaining("forEach(counts");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void argoHasNoLoopOverArtifacts() {
    JavaFileObject p = pipeline(
        "@Pipeline public static void p(List<Integer> ns) {",
        "  var trained = Dsl.collect(ns, n -> test.StepsOps.train(n).model());",
        "  Dsl.forEach(trained, model -> test.StepsOps.serve(model));",
        "}");
    Compilation c = Compile.compile(ArtifactListTest.STEPS, p);
    assertThat(c).hadErrorContaining("[kfp4j:NotInArgo] Dsl.forEach loops over the artifacts of 'train' collected from 'for-loop-1' "
        + "(KFP 2's dsl.ParallelFor over a list of artifacts), which only KFP 2 can").inFile(p).onLineContaining("forEach(trained");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void noConditionComparesAnArtifact() {
    JavaFileObject p = pipeline(
        "@Pipeline(formats = Format.KFP2) public static void p(List<Integer> ns) {",
        "  var trained = Dsl.collect(ns, n -> test.StepsOps.train(n).model());",
        "  Dsl.forEach(trained, model -> Dsl.when(Dsl.eq(model, \"x\"), () -> test.EvalOps.evaluate(model)));",
        "}");
    Compilation c = Compile.compile(ArtifactListTest.STEPS, EVAL, p);
    assertThat(c).hadErrorContaining("[kfp4j:UnsupportedArgument] 'model' is an artifact, one of the list 'for-loop-2' iterates "
        + "over, which no condition can read").inFile(p).onLineContaining("Dsl.eq(model");
    assertThat(c).hadErrorCount(1);
  }

  /** Nor is an artifact output compared, in KFP 2 (it was written as a parameter of the condition, which KFP 2 has not). */
  @Test
  void noKfp2ConditionComparesAnArtifactOutput() {
    JavaFileObject p = pipeline(
        "@Pipeline(formats = Format.KFP2) public static void p(List<Integer> ns) {",
        "  var one = test.StepsOps.train(1);",
        "  Dsl.when(Dsl.eq(one.model(), \"x\"), () -> test.EvalOps.say(\"a\"));",
        "}");
    Compilation c = Compile.compile(ArtifactListTest.STEPS, EVAL, p);
    assertThat(c).hadErrorContaining("[kfp4j:UnsupportedArgument] 'one.model()' is an artifact, output 'model' of 'train', which "
        + "no condition can read").inFile(p).onLineContaining("Dsl.eq(one.model()");
    assertThat(c).hadErrorCount(1);
  }
}
