package dev.kfp4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.argo.ArgoReader;
import dev.kfp4j.format.argo.ArgoWriter;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.VolumeStep;
import dev.kfp4j.yaml.Yaml;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A claim's name as kfp-kubernetes' {@code CreatePVC} gives it: {@code pvc_name_suffix} (a name unique to the run) or {@code
 * pvc_name} (the claim's own name, which kfp4j once read as an empty suffix and refused, saying "Dsl.volume"), kept in both
 * formats; and claims a run would make twice, refused when written.
 */
class ClaimNamesTest {
  private static final String SUFFIX = "            pvc_name_suffix:\n              runtimeValue:\n                constant: -my-pvc\n";

  /** KFP's {@code pipeline_with_volume.yaml} with {@code CreatePVC(pvc_name=...)}, written as kfp-kubernetes writes that input. */
  private static String withPvcName(String name) {
    String kfp = WrittenBackTest.spec("pipeline_with_volume.yaml");
    assertTrue(kfp.contains(SUFFIX));
    return kfp.replace(SUFFIX, "            pvc_name:\n              runtimeValue:\n                constant: " + name + "\n");
  }

  @Test
  void aCreatePvcWithPvcNameIsWrittenBackAsKfpWroteIt() {
    String yaml = withPvcName("my-pvc");
    VolumeStep v = (VolumeStep) Kfp2Reader.read(yaml, "v.yaml").node("createpvc").orElseThrow();
    assertEquals("my-pvc", v.resourceName());
    assertFalse(v.uniqueName());
    WrittenBackTest.assertWrittenAgainAsKfpWroteIt(yaml, "v.yaml", List.of("components", "root", "deploymentSpec", "pipelineInfo"));
  }

  /** In the Argo workflow the claim is that name, not {@code {{workflow.name}}-my-pvc}, and it reads back so. */
  @Test
  void aFixedNameIsKeptInTheArgoWorkflow() {
    Pipeline read = Kfp2Reader.read(withPvcName("my-pvc"), "v.yaml"); // its Python tasks speak KFP 2's protocol alone: the volume
    Pipeline p = withNodes(read, List.of(read.node("createpvc").orElseThrow()));
    String argo = ArgoWriter.write(p);
    Shared.root(Shared.ARGO_SCHEMAS);
    assertEquals(List.of(), ArgoSchemas.errors(argo), argo);
    JsonNode template = Yaml.read(argo).at("/spec/templates").valueStream().filter(t -> t.path("name").asString().equals("createpvc"))
        .findFirst().orElseThrow();
    assertEquals("my-pvc", Yaml.read(template.at("/resource/manifest").asString()).at("/metadata/name").asString(), argo);
    VolumeStep again = (VolumeStep) ArgoReader.read(argo, "v.yaml").node("createpvc").orElseThrow();
    assertEquals("my-pvc", again.resourceName());
    assertFalse(again.uniqueName());
  }

  /** A KFP v1 VolumeOp's claim with more than a volume step holds (annotations, a data source) is read as the resource it is. */
  @Test
  void anArgoClaimWithMoreThanAVolumeStepHoldsIsReadAsAResourceStep() {
    Pipeline read = Kfp2Reader.read(withPvcName("my-pvc"), "v.yaml");
    String argo = ArgoWriter.write(withNodes(read, List.of(read.node("createpvc").orElseThrow())));
    assertTrue(argo.contains("metadata:\n          name: my-pvc\n"), argo);
    String annotated = argo.replace("metadata:\n          name: my-pvc\n", "metadata:\n          name: my-pvc\n"
        + "          annotations:\n            team: ml\n");
    dev.kfp4j.model.Node step = ArgoReader.read(annotated, "v.yaml").node("createpvc").orElseThrow();
    assertTrue(step instanceof dev.kfp4j.model.ResourceStep r && r.manifest().contains("team: ml"), step.toString());
  }

  @Test
  void aClaimNameKfp4jCannotHoldIsRefusedSayingWhy() {
    String neither = WrittenBackTest.spec("pipeline_with_volume.yaml").replace(SUFFIX, "");
    FormatException e = assertThrows(FormatException.class, () -> Kfp2Reader.read(neither, "v.yaml"));
    assertTrue(e.getMessage().contains("task 'createpvc'") && e.getMessage().contains("a createpvc task with neither pvc_name nor "
        + "pvc_name_suffix names its claim by a random name; kfp4j reads a claim named by one of them"), e.getMessage());
    String both = withPvcName("my-pvc").replace("            size:\n", SUFFIX + "            size:\n");
    e = assertThrows(FormatException.class, () -> Kfp2Reader.read(both, "v.yaml"));
    assertTrue(e.getMessage().contains("a createpvc task gives both pvc_name and pvc_name_suffix"), e.getMessage());
    String bad = withPvcName("My_PVC");
    e = assertThrows(FormatException.class, () -> Kfp2Reader.read(bad, "v.yaml"));
    assertTrue(e.getMessage().contains("the resource name 'My_PVC' is not a valid Kubernetes name"), e.getMessage());
    assertFalse(e.getMessage().contains("Dsl.volume"), e.getMessage());
    String fromParameter = WrittenBackTest.spec("pipeline_with_volume.yaml").replace(SUFFIX,
        "            pvc_name:\n              componentInputParameter: claim\n");
    e = assertThrows(FormatException.class, () -> Kfp2Reader.read(fromParameter, "v.yaml"));
    assertTrue(e.getMessage().contains("a createpvc task's pvc_name is given from a pipeline parameter or a task's output; kfp4j "
        + "reads a constant string"), e.getMessage());
  }

  /**
   * What kfp-kubernetes' CreatePVC can ask for and kfp4j's volume step cannot hold is refused, naming it: read before, a claim
   * from a snapshot ({@code data_source}) was made empty, its annotations and volume dropped, all access modes but the first lost.
   */
  @Test
  void whatTheVolumeStepCannotHoldOfACreatePvcIsRefusedNotDropped() {
    String kfp = WrittenBackTest.spec("pipeline_with_volume.yaml");
    for (String input : List.of("            data_source:\n              runtimeValue:\n                constant:\n"
            + "                  apiGroup: snapshot.storage.k8s.io\n                  kind: VolumeSnapshot\n                  name: snap\n",
        "            annotations:\n              runtimeValue:\n                constant:\n                  team: ml\n",
        "            volume_name:\n              runtimeValue:\n                constant: pv-1\n")) {
      String yaml = kfp.replace(SUFFIX, SUFFIX + input);
      FormatException e = assertThrows(FormatException.class, () -> Kfp2Reader.read(yaml, "v.yaml"));
      String name = input.strip().substring(0, input.strip().indexOf(':'));
      assertTrue(e.getMessage().contains("a createpvc task's input '" + name + "' (kubernetes.CreatePVC(" + name + "=...)) has no place "
          + "in kfp4j's volume step"), e.getMessage());
    }
    String twoModes = kfp.replace("                - ReadWriteOnce\n            pvc_name_suffix:",
        "                - ReadWriteOnce\n                - ReadOnlyMany\n            pvc_name_suffix:");
    FormatException e = assertThrows(FormatException.class, () -> Kfp2Reader.read(twoModes, "v.yaml"));
    assertTrue(e.getMessage().contains("a createpvc task's access_modes are [\"ReadWriteOnce\",\"ReadOnlyMany\"]; kfp4j's volume "
        + "step asks for one access mode"), e.getMessage());
  }

  /** Two volume steps of one claim: Argo names a claim after the run alone, so two alike are one claim there, not in KFP 2. */
  @Test
  void aClaimMadeTwiceIsRefusedWhereItWouldBeOne() {
    Pipeline p = Kfp2Reader.read(WrittenBackTest.spec("pipeline_with_volume.yaml"), "v.yaml");
    VolumeStep v = (VolumeStep) p.node("createpvc").orElseThrow();
    List<dev.kfp4j.model.Node> nodes = new ArrayList<>(p.nodes());
    nodes.add(new VolumeStep("createpvc-2", v.resourceName(), v.size(), v.accessMode(), v.storageClass(), List.of(), List.of(), null,
        true));
    Pipeline twice = withNodes(p, nodes);
    Kfp2Writer.write(twice); // two random names
    FormatException e = assertThrows(FormatException.class, () -> ArgoWriter.write(twice));
    assertEquals("pipeline 'pipeline-with-volume': volume step 'createpvc-2' makes claim '{{workflow.name}}-my-pvc', which volume "
        + "step 'createpvc' makes too; a run makes a claim once: give each volume a resource name of its own", e.getMessage());
    nodes.set(nodes.size() - 1, new VolumeStep("createpvc-2", "shared", v.size(), v.accessMode(), v.storageClass(), List.of(),
        List.of(), null, false));
    nodes.add(new VolumeStep("createpvc-3", "shared", v.size(), v.accessMode(), v.storageClass(), List.of(), List.of(), null, false));
    Pipeline fixed = withNodes(p, nodes);
    e = assertThrows(FormatException.class, () -> Kfp2Writer.write(fixed));
    assertTrue(e.getMessage().contains("volume step 'createpvc-3' makes claim 'shared', which volume step 'createpvc-2' makes too"),
        e.getMessage());
  }

  private static Pipeline withNodes(Pipeline p, List<dev.kfp4j.model.Node> nodes) {
    return new Pipeline(p.name(), p.description(), p.parameters(), nodes, p.exitTask(), p.settings(), p.source(), p.outputs(),
        p.exitPipeline(), p.exitHandlerName(), p.outputDescriptions());
  }
}
