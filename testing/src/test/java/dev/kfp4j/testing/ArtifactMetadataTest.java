package dev.kfp4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.argo.ArgoWriter;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.Workflow;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Task;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ComponentYaml;
import dev.kfp4j.spec.Placeholder;
import dev.kfp4j.spec.SpecException;
import dev.kfp4j.yaml.Yaml;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Artifacts' metadata on command lines ({@code {{$.inputs.artifacts['x'].metadata}}}, {@code
 * {{$.outputs.artifacts['y'].metadata}}}), as KFP's SDK compiles {@code model.metadata} in a
 * container component ({@code container_with_artifact_output.py}): read, written back as KFP wrote
 * it and valid as KFP's {@code .proto} messages, run locally as KFP's own local runner resolves it
 * (the metadata as JSON; an output's is empty when the task starts); refused for Argo and in KFP
 * v1 component files, which have no metadata to give.
 */
class ArtifactMetadataTest {
  @TempDir Path dir;

  private static String sdkSpec() {
    return Yaml.resource(ArtifactMetadataTest.class, "metadata/container_with_artifact_output.yaml");
  }

  private static String runnable() {
    return Yaml.resource(ArtifactMetadataTest.class, "metadata/artifact-metadata.yaml");
  }

  private static ComponentSpec component(Pipeline p, String task) {
    return ((Task) p.node(task).orElseThrow()).component();
  }

  @Test
  void theSdksSpecReadsAsMetadataPlaceholdersAndWritesBackAsKfpWroteIt() {
    Shared.root(Shared.KFP_PROTOS);
    Pipeline p = Kfp2Reader.read(sdkSpec(), "container_with_artifact_output.yaml");
    ComponentSpec c = component(p, "container-with-artifact-output");
    assertEquals(List.of(Placeholder.literal("--model_path"), new Placeholder.OutputUri("model"), Placeholder.literal("--model_metadata"),
        new Placeholder.OutputMetadata("model")), c.container().args().subList(2, 6));
    assertTrue(c.outputIsArtifact("model"));
    String written = Kfp2Writer.write(p);
    Kfp2Schemas.assertValid(written, "container_with_artifact_output.yaml written again");
    // byte for byte, but for the writer's name
    assertEquals(sdkSpec().replace("sdkVersion: kfp-2.13.0\n", "sdkVersion: kfp4j\n"), written);
  }

  @Test
  void anInputsMetadataReadsAsAnArtifactsAndWritesBackAsRead() {
    Shared.root(Shared.KFP_PROTOS);
    Pipeline p = Kfp2Reader.read(runnable(), "artifact-metadata.yaml");
    ComponentSpec c = component(p, "show-metadata");
    assertEquals(List.of(new Placeholder.InputMetadata("data"), new Placeholder.OutputMetadata("model")),
        c.container().command().subList(3, 5));
    assertTrue(c.inputIsArtifact("data"));
    String written = Kfp2Writer.write(p);
    Kfp2Schemas.assertValid(written, "artifact-metadata.yaml written again");
    assertEquals(runnable(), written);
  }

  @Test
  void locallyTheMetadataIsJsonAndAnOutputsIsEmpty() throws IOException {
    Path source = Files.writeString(dir.resolve("rows.csv"), "a,b\n1,2\n");
    RunResult r = LocalRunner.builder().root(dir.resolve("runs")).caching(false).console(new PrintStream(OutputStream.nullOutputStream()))
        .progress(false).summary(false).build()
        .run(Workflow.parse(runnable(), "artifact-metadata.yaml"), Map.of("source", source.toString()));
    assertTrue(r.succeeded(), r.tasks().toString());
    assertEquals("{\"origin\":\"test\",\"rows\":2} {}", r.output("show-metadata", "seen"),
        "the importer's metadata, and the output's, empty as the task starts");
    assertEquals("a,b\n1,2\n", Files.readString(r.task("show-metadata").orElseThrow().artifacts().get("model")));
  }

  @Test
  void argoAndKfpV1ComponentFilesHaveNoMetadataToGive() {
    Pipeline p = Kfp2Reader.read(runnable(), "artifact-metadata.yaml");
    ComponentSpec c = component(p, "show-metadata");
    SpecException file = assertThrows(SpecException.class, () -> ComponentYaml.write(c, null));
    assertEquals("show-metadata: the command line uses the metadata of input 'data' ({{$.inputs.artifacts['data'].metadata}}), which only a KFP 2 "
        + "spec can hold: a KFP v1 component file has no placeholder for it", file.getMessage());
    Pipeline sdk = Kfp2Reader.read(sdkSpec(), "container_with_artifact_output.yaml");
    SpecException argo = assertThrows(SpecException.class, () -> ArgoWriter.write(sdk));
    assertEquals("container-with-artifact-output: the command line uses the metadata of output 'model' "
        + "({{$.outputs.artifacts['model'].metadata}}), which only a KFP 2 spec can hold: a KFP v1 component file has no placeholder for it",
        argo.getMessage());
  }
}
