package dev.kfp4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Loop;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.yaml.Yaml;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A loop over a list of artifacts ({@code artifactIterator}) iterates over what KFP's compiler iterates over: the artifacts a loop
 * collects, the list a called pipeline returns ({@code isArtifactList} outputs of DAG components) or a pipeline's {@code
 * isArtifactList} input. A spec iterating over a container task's output (even one declared {@code isArtifactList}, which KFP's
 * compiler writes on no container's output) or over a single artifact is refused, naming the loop's task and what it iterates over,
 * rather than read as a loop over something else; KFP's own files are still read.
 */
class ArtifactLoopRefusalTest {
  private static final String INPUT = "pipeline_with_parallelfor_input_artifacts.yaml";
  private static final String GH_12033 = "pipeline_with_parallelfor_list_artifacts_GH-12033.yaml";

  @BeforeAll
  static void shared() {
    Shared.root(Shared.KFP_API);
  }

  private static ObjectNode spec(String file) {
    return (ObjectNode) Yaml.readAll(Yaml.resource(ArtifactLoopRefusalTest.class, "artifactlists/" + file)).get(0);
  }

  private static String refusal(JsonNode spec) {
    return assertThrows(FormatException.class, () -> Kfp2Reader.read(Yaml.jsonText(spec), "p.yaml")).getMessage();
  }

  @Test
  void kfpsLoopsOverListsOfArtifactsAreRead() {
    for (Pipeline p : List.of(Kfp2Reader.read(Yaml.jsonText(spec(GH_12033)), GH_12033),
        Kfp2Reader.readNested(Yaml.jsonText(spec(GH_12033)), GH_12033))) {
      assertTrue(p.overArtifacts((Loop) p.node("for-loop-1").orElseThrow()), p.toString());
      assertTrue(p.overArtifacts((Loop) p.node("for-loop-2").orElseThrow()), p.toString());
    }
    Pipeline input = Kfp2Reader.read(Yaml.jsonText(spec(INPUT)), INPUT);
    assertEquals(new Loop.Over(new Argument.PipelineParameter("artifacts")), ((Loop) input.node("for-loop-1").orElseThrow()).items());
  }

  @Test
  void aLoopOverAPipelineInputThatIsOneArtifactIsRefused() {
    ObjectNode spec = spec(INPUT);
    ((ObjectNode) spec.at("/root/inputDefinitions/artifacts/artifacts")).remove("isArtifactList");
    String message = refusal(spec);
    assertTrue(message.contains("task 'for-loop-1'") && message.contains("its artifactIterator iterates over the pipeline's input "
        + "'artifacts', which is one artifact"), message);
  }

  /** The pipeline-input spec made to iterate over output {@code Output} of a container task {@code make} of the root. */
  private static ObjectNode overAContainersOutput(boolean declaredList) {
    ObjectNode spec = spec(INPUT);
    ObjectNode make = spec.withObject("/components").putObject("comp-make");
    make.put("executorLabel", "exec-print-artifact-name");
    ObjectNode output = make.putObject("outputDefinitions").putObject("artifacts").putObject("Output");
    output.putObject("artifactType").put("schemaTitle", "system.Artifact").put("schemaVersion", "0.0.1");
    if (declaredList) {
      output.put("isArtifactList", true);
    }
    ObjectNode tasks = spec.withObject("/root/dag/tasks");
    ObjectNode task = tasks.putObject("make");
    task.putObject("componentRef").put("name", "comp-make");
    task.putObject("taskInfo").put("name", "make");
    ObjectNode loop = (ObjectNode) tasks.get("for-loop-1");
    loop.putArray("dependentTasks").add("make");
    loop.withObject("/inputs/artifacts").putObject("pipelinechannel--artifacts").putObject("taskOutputArtifact")
        .put("outputArtifactKey", "Output").put("producerTask", "make");
    ((ObjectNode) spec.get("root")).remove("inputDefinitions");
    return spec;
  }

  @Test
  void aLoopOverAContainersOutputDeclaredAListIsRefused() {
    String message = refusal(overAContainersOutput(true));
    assertTrue(message.contains("task 'for-loop-1'") && message.contains("its artifactIterator iterates over output 'Output' of task "
        + "'make', which runs a container: one artifact, though a list may be declared (KFP's compiler declares isArtifactList on no "
        + "container's output)"), message);
  }

  @Test
  void aLoopOverASingleArtifactOutputIsRefused() {
    String message = refusal(overAContainersOutput(false));
    assertTrue(message.contains("task 'for-loop-1'") && message.contains("iterates over output 'Output' of task 'make'"), message);
  }
}
