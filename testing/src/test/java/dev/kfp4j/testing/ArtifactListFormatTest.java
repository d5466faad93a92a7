package dev.kfp4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.model.Argument;
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
 * {@code local_execution/pipeline_with_collected_artifacts.py}. A loop collecting what a group in
 * it collected ({@code collected_artifacts.py}) and a loop over a list of artifacts ({@code
 * pipeline_with_parallelfor_list_artifacts.py}) are refused, naming what kfp4j does not hold.
 */
class ArtifactListFormatTest {
  @BeforeAll
  static void shared() {
    Shared.root("KFP's API files");
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

  @Test
  void aLoopCollectingWhatAGroupInItCollectedIsRefused() {
    FormatException e = assertThrows(FormatException.class, () -> Kfp2Reader.read(
        Yaml.resource(ArtifactListFormatTest.class, "artifactlists/collected_artifacts.yaml"), "collected_artifacts.yaml"));
    assertTrue(e.getMessage().contains("collects the artifacts of 'single-node-dag', a group (a nested loop, condition or "
        + "pipeline); kfp4j collects the artifacts of a task of the loop's own body"), e.getMessage());
  }

  @Test
  void aLoopOverAListOfArtifacts() {
    String file = "pipeline_with_parallelfor_list_artifacts_GH-12033.yaml";
    Pipeline p = Kfp2Reader.read(Yaml.resource(ArtifactListFormatTest.class, "artifactlists/" + file), file);
    String again = Kfp2Writer.write(p);
    System.out.println(p);
    System.out.println(again);
    assertEquals(List.of(), Kfp2Schemas.errors(again), again);
    assertEquals(again, Kfp2Writer.write(Kfp2Reader.read(again, "again.yaml")));
  }

  @Test
  void pythonicArtifactsWithListOfArtifacts() {
    Pipeline p = writtenAgainAsRead("pythonic_artifacts_with_list_of_artifacts.yaml");
    assertEquals(new Argument.Collected("for-loop-1", "make-dataset", "Output"),
        ((Task) p.node("join-datasets").orElseThrow()).arguments().get("datasets"));
  }
}
