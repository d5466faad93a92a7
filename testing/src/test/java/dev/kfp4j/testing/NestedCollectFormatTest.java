package dev.kfp4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Task;
import dev.kfp4j.yaml.Yaml;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * KFP's specs where a loop collects ({@code dsl.Collected}) what a loop, a condition or a pipeline
 * inside it outputs: {@code artifacts_complex.py} (artifacts of a task in a condition in a nested
 * loop), {@code nested_with_parameters.py} and {@code parameters_complex.py} (values of a task in a
 * nested loop) and {@code collected_artifacts.py} (artifacts of a pipeline called in a nested loop,
 * collected again by the outer loop and returned by the pipeline that holds it). Each reads as
 * {@link Argument.Collected} of the task that makes the output, wherever it is in the loop, and is
 * written again valid as KFP's {@code .proto} messages, then again byte for byte; the first three's
 * loops and conditions as KFP's compiler wrote them. And {@code conditional_producer_and_consumers.py}, whose pipeline
 * returns {@code dsl.Collected} of a task in a condition in no loop: read, and refused when written, saying why.
 */
class NestedCollectFormatTest {
  @BeforeAll
  static void shared() {
    Shared.root(Shared.KFP_API);
  }

  private static Pipeline read(String resource) {
    return Kfp2Reader.read(Yaml.resource(NestedCollectFormatTest.class, resource), resource);
  }

  private static String writtenAgain(Pipeline p) {
    String again = Kfp2Writer.write(p);
    assertEquals(List.of(), Kfp2Schemas.errors(again), again);
    assertEquals(again, Kfp2Writer.write(Kfp2Reader.read(again, "again.yaml")));
    return again;
  }

  private static Argument argument(Pipeline p, String task, String input) {
    return ((Task) p.node(task).orElseThrow()).arguments().get(input);
  }

  /** The spec without its SDK version and what {@code paths} name. */
  private static JsonNode without(JsonNode spec, String... paths) {
    ObjectNode copy = (ObjectNode) spec.deepCopy();
    copy.remove("sdkVersion");
    for (String path : paths) {
      int slash = path.lastIndexOf('/');
      ((ObjectNode) copy.at(path.substring(0, slash))).remove(path.substring(slash + 1));
    }
    return copy;
  }

  @Test
  void nestedWithParametersIsWrittenAgainAsKfpWroteIt() {
    String yaml = Yaml.resource(NestedCollectFormatTest.class, "nestedcollect/nested_with_parameters.yaml");
    Pipeline p = Kfp2Reader.read(yaml, "nested_with_parameters.yaml");
    Argument.Collected sums = new Argument.Collected("for-loop-2", "add-two-nums", "Output");
    assertEquals(sums, argument(p, "add", "nums"));
    assertEquals(sums, p.outputs().get("Output"));
    assertEquals(without(Yaml.read(yaml)), without(Yaml.read(writtenAgain(p))));
  }

  @Test
  void parametersComplexIsWrittenAgainAsKfpWroteIt() {
    String yaml = Yaml.resource(NestedCollectFormatTest.class, "nestedcollect/parameters_complex.yaml");
    Pipeline p = Kfp2Reader.read(yaml, "parameters_complex.yaml");
    assertEquals(new Argument.Collected("for-loop-4", "double-2", "Output"), argument(p, "simple-add", "nums"));
    assertEquals(new Argument.Collected("for-loop-2", "double-2", "Output"), argument(p, "nested-add", "nums"));
    assertEquals(new Argument.Collected("for-loop-2", "double-2", "Output"), argument(p, "nested-add-2", "nums"));
    assertEquals(new Argument.Collected("for-loop-6", "nested-add-2", "Output"), argument(p, "add-two-numbers", "y"));
    assertEquals(without(Yaml.read(yaml)), without(Yaml.read(writtenAgain(p))));
  }

  @Test
  void artifactsComplexReadsTheArtifactsOfATaskInAConditionInANestedLoop() {
    String yaml = Yaml.resource(NestedCollectFormatTest.class, "nestedcollect/artifacts_complex.yaml");
    Pipeline p = Kfp2Reader.read(yaml, "artifacts_complex.yaml");
    // add_two_lists_of_datasets, a pipeline called in the pipeline, is flattened into it: its tasks add, add-2, add-two-ints
    assertEquals(new Argument.Collected("for-loop-2", "double", "out_dataset"), argument(p, "add", "in_datasets"));
    assertEquals(new Argument.Collected("for-loop-2", "double-2", "out_dataset"), argument(p, "add-2", "in_datasets"));
    assertEquals(new Argument.Collected("for-loop-2", "double", "out_dataset"), p.outputs().get("datasets"));
    JsonNode sdk = Yaml.read(yaml);
    JsonNode ours = Yaml.read(writtenAgain(p));
    for (String component : List.of("comp-for-loop-2", "comp-for-loop-4", "comp-condition-5")) {
      assertEquals(sdk.at("/components/" + component), ours.at("/components/" + component), component);
    }
  }

  @Test
  void collectedArtifactsReadsTheArtifactsOfAPipelineCalledInANestedLoop() {
    Pipeline p = read("artifactlists/collected_artifacts.yaml");
    // single_node_dag, called in for-loop-2, is flattened: its task create-dataset is in the loop's body
    assertEquals(new Argument.Collected("for-loop-2", "create-dataset", "data"), argument(p, "read-datasets", "data"));
    assertEquals(new Argument.Collected("for-loop-2", "read-single-dataset-generate-model", "results"),
        argument(p, "collecting-artifacts-read-models", "models"));
    // collecting_artifacts returns what for-loop-1 collects of for-loop-2's task; the root's read_models reads it
    assertEquals(new Argument.Collected("for-loop-1", "read-single-dataset-generate-model", "results"),
        argument(p, "read-models", "models"));
    JsonNode ours = Yaml.read(writtenAgain(p));
    assertEquals(Yaml.readJson("""
        {"artifacts": {"pipelinechannel--read-single-dataset-generate-model-results": {"artifactSelectors": [
          {"outputArtifactKey": "pipelinechannel--read-single-dataset-generate-model-results", "producerSubtask": "for-loop-2"}]}}}"""),
        ours.at("/components/comp-for-loop-1/dag/outputs"));
  }

  /**
   * {@code conditional_producer_and_consumers.py} returns {@code dsl.Collected} of a task in a condition outside any loop,
   * which KFP's compiler writes as a LIST output of the condition's DAG carrying the task's one value (it refuses to return a
   * plain output from a condition): read as the task's outputs collected from the condition, and refused when written, saying
   * what kfp4j's model does not hold. The rest, the loop collecting from a condition in it, is written as KFP wrote it.
   */
  @Test
  void aCollectedOfATaskInNoLoopIsReadAndRefusedWhenWrittenSayingWhy() {
    String yaml = Yaml.resource(NestedCollectFormatTest.class, "nestedcollect/conditional_producer_and_consumers.yaml");
    Pipeline p = Kfp2Reader.read(yaml, "conditional_producer_and_consumers.yaml");
    assertEquals(new Argument.Collected("condition-4", "add", "Output"), p.outputs().get("Output"));
    assertEquals(new Argument.Collected("for-loop-2", "double", "Output"), argument(p, "add", "nums"));
    FormatException e = assertThrows(FormatException.class, () -> Kfp2Writer.write(p));
    assertEquals("pipeline 'math-pipeline': output 'Output' is the outputs of task 'add' (output 'Output') collected (KFP's "
        + "dsl.Collected) from condition 'condition-4', in no loop, which KFP's compiler writes as a LIST output of the condition's "
        + "DAG carrying the task's one value; kfp4j's model collects a task's outputs only from a loop around it, and has no output "
        + "of a condition: collect the outputs from a loop, or read an output of a task outside the condition", e.getMessage());
    Pipeline withoutOutput = new Pipeline(p.name(), p.description(), p.parameters(), p.nodes(), null, p.settings(), p.source(),
        Map.of(), null, null);
    JsonNode sdk = Yaml.read(yaml);
    JsonNode ours = Yaml.read(writtenAgain(withoutOutput));
    for (String at : List.of("/components/comp-for-loop-2", "/components/comp-condition-3", "/components/comp-condition-4/dag/tasks",
        "/components/comp-condition-4/inputDefinitions", "/root/dag/tasks")) {
      assertEquals(sdk.at(at), ours.at(at), at);
    }
  }
}
