package dev.kfp4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.argo.ArgoWriter;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Task;
import dev.kfp4j.yaml.Yaml;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * KFP's own compiled specs that kfp4j wrote back otherwise than KFP wrote them, or not at all (see {@code
 * kfpspecs/README.md}): each part of the spec written back is KFP's, as protobuf reads it.
 */
class KfpSpecsWrittenBackTest {
  private static String spec(String name) {
    return Yaml.resource(KfpSpecsWrittenBackTest.class, "kfpspecs/" + name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"pipeline_with_various_io_types.yaml", "pipeline_with_google_artifact_type.yaml",
      "pipeline_with_importer_and_gcpc_types.yaml", "pipeline_with_only_display_name.yaml", "take_nap_pipeline_root_compiled.yaml",
      "container_with_if_placeholder.yaml", "nvidia_gpu_scheduling_check.yaml", "pipeline_with_metadata_fields.yaml",
      "component_with_metadata_fields.yaml"})
  void writtenBackAsKfpWroteIt(String file) {
    String yaml = spec(file);
    String again = Kfp2Writer.write(Kfp2Reader.read(yaml, file));
    Shared.root("KFP's .proto files");
    assertEquals(List.of(), Kfp2Schemas.errors(again), again);
    List<JsonNode> kfp = Yaml.readAll(yaml);
    List<JsonNode> ours = Yaml.readAll(again);
    for (String part : List.of("components", "root", "deploymentSpec", "pipelineInfo", "defaultPipelineRoot")) {
      assertEquals(Kfp2Schemas.parse(Kfp2Schemas.PIPELINE_SPEC, Yaml.object().set(part, kfp.get(0).get(part)).toString()),
          Kfp2Schemas.parse(Kfp2Schemas.PIPELINE_SPEC, Yaml.object().set(part, ours.get(0).get(part)).toString()),
          file + " " + part + " written again:\n" + again);
    }
    assertEquals(kfp.size(), ours.size(), again);
    if (kfp.size() > 1) {
      assertEquals(Kfp2Schemas.parse(Kfp2Schemas.PLATFORM_SPEC, kfp.get(1).toString()),
          Kfp2Schemas.parse(Kfp2Schemas.PLATFORM_SPEC, ours.get(1).toString()), again);
    }
  }

  /** An artifact of Google Cloud's type is an artifact (a file), as one of KFP's own types is. */
  @Test
  void googleCloudsArtifactTypesAreArtifacts() {
    Pipeline p = Kfp2Reader.read(spec("pipeline_with_various_io_types.yaml"), "p.yaml");
    Task downstream = (Task) p.node("downstream").orElseThrow();
    assertTrue(downstream.component().inputIsArtifact("input_i"), "google.BQMLModel input");
    Task upstream = (Task) p.node("upstream").orElseThrow();
    assertTrue(upstream.component().outputIsArtifact("output_9"), "google.BQMLModel output");
  }

  @Test
  void aDisplayNameAndPipelineRootAreKfp2sOnly() {
    Pipeline named = Kfp2Reader.read(spec("pipeline_with_only_display_name.yaml"), "p.yaml");
    assertEquals("echo-displayname", named.settings().displayName());
    FormatException e = assertThrows(FormatException.class, () -> ArgoWriter.write(named));
    assertTrue(e.getMessage().endsWith("has a display name (KFP 2's pipelineInfo.displayName), which KFP v1's Argo workflow has no "
        + "place for; write it in the KFP 2 format only"), e.getMessage());
    Pipeline rooted = Kfp2Reader.read(spec("take_nap_pipeline_root_compiled.yaml"), "p.yaml");
    assertEquals("s3://change/me", rooted.settings().pipelineRoot());
    e = assertThrows(FormatException.class, () -> ArgoWriter.write(rooted));
    assertTrue(e.getMessage().endsWith("has a pipeline root (KFP 2's defaultPipelineRoot), which KFP v1's Argo workflow has no "
        + "place for; write it in the KFP 2 format only"), e.getMessage());
  }
}
