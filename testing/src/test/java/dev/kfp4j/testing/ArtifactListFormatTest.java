package dev.kfp4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Loop;
import dev.kfp4j.model.Parameter;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Task;
import dev.kfp4j.spec.Placeholder;
import dev.kfp4j.yaml.Yaml;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * KFP 2.14's {@code artifacts_simple.py} and KFP 2.13's {@code
 * pythonic_artifacts_with_list_of_artifacts.py}: a loop's artifacts collected ({@code
 * dsl.Collected}, {@code artifactSelectors}) and given to a component taking {@code
 * Input[List[Dataset]]} ({@code isArtifactList}), a Python one and, in the first, a container
 * component reading the list through {@code {{$.inputs.artifacts['in_datasets']}}}, and returned as
 * the pipeline's output: read as {@link Argument.Collected}, and written again valid as KFP's
 * {@code .proto} messages and as KFP's compiler wrote it (but the SDK's version); as is KFP 2.15's
 * {@code local_execution/pipeline_with_collected_artifacts.py}. A loop over a list of artifacts
 * ({@code pipeline_with_parallelfor_list_artifacts.py}, {@code artifactIterator}) reads as one;
 * {@code collected_artifacts.py}, a loop collecting what a group in it collected, is read by
 * {@link NestedCollectFormatTest}.
 */
class ArtifactListFormatTest {
  @BeforeAll
  static void shared() {
    Shared.root(Shared.KFP_API);
  }

  /** The spec as written, without what names the SDK that wrote it. */
  private static JsonNode withoutSdk(String yaml) {
    ObjectNode spec = (ObjectNode) Yaml.readAll(yaml).get(0);
    spec.remove("sdkVersion");
    return spec;
  }

  private static Pipeline writtenAgainAsRead(String file) {
    String yaml = Yaml.resource(ArtifactListFormatTest.class, "artifactlists/" + file);
    Pipeline p = Kfp2Reader.read(yaml, file);
    String again = Kfp2Writer.write(p);
    assertEquals(List.of(), Kfp2Schemas.errors(again), again);
    assertEquals(withoutSdk(yaml), withoutSdk(again), again);
    assertEquals(again, Kfp2Writer.write(Kfp2Reader.read(again, "again.yaml")));
    return p;
  }

  @Test
  void artifactsSimple() {
    Pipeline p = writtenAgainAsRead("artifacts_simple.yaml");
    Argument.Collected doubled = new Argument.Collected("for-loop-2", "double", "out_dataset");
    assertEquals(doubled, ((Task) p.node("add").orElseThrow()).arguments().get("in_datasets"));
    assertEquals(doubled, ((Task) p.node("add-container").orElseThrow()).arguments().get("in_datasets"));
    assertEquals(doubled, p.outputs().get("Output"));
    Task container = (Task) p.node("add-container").orElseThrow();
    assertTrue(container.component().input("in_datasets").orElseThrow().isArtifactList());
    assertEquals(new Placeholder.InputArtifacts("in_datasets"), container.component().container().args().get(1));
  }

  @Test
  void localExecutionPipelineWithCollectedArtifacts() {
    Pipeline p = writtenAgainAsRead("pipeline_with_collected_artifacts.yaml");
    assertEquals(new Argument.Collected("for-loop-2", "write-artifact", "out"),
        ((Task) p.node("read-and-join").orElseThrow()).arguments().get("artifacts"));
  }

  /**
   * KFP's spec loops over the {@code List[Artifact]} and {@code List[Dataset]} two nested pipelines return (each the
   * artifacts a loop in it collects): read as loops over those collected artifacts, the nested pipelines' tasks among the
   * pipeline's own, as kfp4j reads any nested pipeline; written again valid, each loop as KFP wrote it but for the name of
   * the channel carrying the list (the nested pipeline's output there, the loop's collected artifacts here).
   */
  @Test
  void aLoopOverTheArtifactsANestedPipelineReturns() {
    String file = "pipeline_with_parallelfor_list_artifacts_GH-12033.yaml";
    String yaml = Yaml.resource(ArtifactListFormatTest.class, "artifactlists/" + file);
    Pipeline p = Kfp2Reader.read(yaml, file);
    Loop artifacts = (Loop) p.node("for-loop-1").orElseThrow();
    assertEquals(new Loop.Over(new Argument.Collected("make-artifacts-for-loop-1", "make-artifact", "Output")), artifacts.items());
    assertTrue(p.overArtifacts(artifacts));
    assertEquals(new Argument.LoopItem("for-loop-1", null),
        ((Task) p.node("print-artifact-name").orElseThrow()).arguments().get("artifact"));
    Loop datasets = (Loop) p.node("for-loop-2").orElseThrow();
    assertEquals(new Loop.Over(new Argument.Collected("make-datasets-for-loop-1", "make-dataset", "Output")), datasets.items());
    String again = Kfp2Writer.write(p);
    assertEquals(List.of(), Kfp2Schemas.errors(again), again);
    assertEquals(again, Kfp2Writer.write(Kfp2Reader.read(again, "again.yaml")));
    JsonNode kfp = Yaml.readAll(yaml).get(0);
    JsonNode ours = Yaml.readAll(again).get(0);
    for (String[] loop : new String[][] {{"for-loop-1", "make-artifacts-Output", "make-artifacts-for-loop-1-pipelinechannel--make-artifact-Output"},
        {"for-loop-2", "make-datasets-Output", "make-datasets-for-loop-1-pipelinechannel--make-dataset-Output"}}) {
      String theirs = kfp.path("components").path("comp-" + loop[0]).toString().replace("pipelinechannel--" + loop[1],
          "pipelinechannel--" + loop[2]);
      assertEquals(Yaml.readJson(theirs), ours.path("components").path("comp-" + loop[0]), loop[0]);
      JsonNode task = ours.at("/root/dag/tasks/" + loop[0]);
      assertEquals(Yaml.readJson(kfp.at("/root/dag/tasks/" + loop[0] + "/artifactIterator").toString()
          .replace("pipelinechannel--" + loop[1], "pipelinechannel--" + loop[2])), task.path("artifactIterator"), loop[0]);
      assertEquals("[\"" + loop[1].replace("-Output", "-for-loop-1") + "\"]", task.path("dependentTasks").toString());
    }
  }

  /**
   * Read with its calls kept ({@code readNested}), the same spec's loops iterate over what each call returns (KFP's {@code
   * dsl.ParallelFor(make_artifacts().output)}), and it is written again as KFP wrote it: the calls' DAGs output their loop's
   * artifacts ({@code isArtifactList}), the loops' {@code artifactIterator} take the call's {@code taskOutputArtifact}.
   */
  @Test
  void aLoopOverTheArtifactsANestedPipelineReturnsKeepsTheCall() {
    String file = "pipeline_with_parallelfor_list_artifacts_GH-12033.yaml";
    String yaml = Yaml.resource(ArtifactListFormatTest.class, "artifactlists/" + file);
    Pipeline p = Kfp2Reader.readNested(yaml, file);
    Loop artifacts = (Loop) p.node("for-loop-1").orElseThrow();
    assertEquals(new Loop.Over(new Argument.TaskOutput("make-artifacts", "Output")), artifacts.items());
    assertTrue(p.overArtifacts(artifacts));
    assertTrue(p.node("make-datasets").orElseThrow() instanceof dev.kfp4j.model.CalledPipeline);
    String again = Kfp2Writer.write(p);
    assertEquals(List.of(), Kfp2Schemas.errors(again), again);
    JsonNode kfp = Yaml.readAll(yaml).get(0);
    JsonNode ours = Yaml.readAll(again).get(0);
    // as KFP wrote it but for the names of components (KFP names the caller's loops' first, kfp4j the called pipelines')
    assertEquals(inlined(kfp, kfp.path("root")), inlined(ours, ours.path("root")));
  }

  /** {@code node} of {@code spec} with each component it refers to put in its place, by content, not name. */
  private static JsonNode inlined(JsonNode spec, JsonNode node) {
    if (node.isObject()) {
      tools.jackson.databind.node.ObjectNode out = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
      for (var e : node.properties()) {
        if (e.getKey().equals("componentRef")) {
          out.set("component", inlined(spec, spec.path("components").path(e.getValue().path("name").asString())));
        } else if (!e.getKey().equals("executorLabel")) {
          out.set(e.getKey(), inlined(spec, e.getValue()));
        }
      }
      return out;
    }
    if (node.isArray()) {
      tools.jackson.databind.node.ArrayNode out = tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
      node.forEach(n -> out.add(inlined(spec, n)));
      return out;
    }
    return node;
  }

  /**
   * {@code dsl.ParallelFor} over a pipeline's {@code Input[List[Artifact]]}: the spec KFP's compiler writes for it
   * ({@code _update_task_spec_for_loop_group} with a {@code LoopArtifactArgument}), made by hand from KFP's spec above,
   * reads as a loop over the parameter and is written again as it is.
   */
  @Test
  void aLoopOverAPipelinesListOfArtifacts() {
    Pipeline p = writtenAgainAsRead("pipeline_with_parallelfor_input_artifacts.yaml");
    assertEquals(List.of(Parameter.artifact("artifacts", "system.Artifact", null, false)), p.parameters());
    assertEquals(new Loop.Over(new Argument.PipelineParameter("artifacts")), ((Loop) p.node("for-loop-1").orElseThrow()).items());
  }

  @Test
  void pythonicArtifactsWithListOfArtifacts() {
    Pipeline p = writtenAgainAsRead("pythonic_artifacts_with_list_of_artifacts.yaml");
    assertEquals(new Argument.Collected("for-loop-1", "make-dataset", "Output"),
        ((Task) p.node("join-datasets").orElseThrow()).arguments().get("datasets"));
  }
}
