package dev.kfp4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Task;
import dev.kfp4j.model.Workspace;
import dev.kfp4j.yaml.Yaml;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * KFP 2.14's spec of a pipeline with a workspace ({@code critical/pipeline_with_workspace.py}):
 * the platform's {@code pipelineConfig.workspace} (its size and the claim's patch) is read into the
 * model, not dropped, and written again as KFP's compiler wrote it, valid against KFP's {@code
 * .proto} files; the task given {@code dsl.WORKSPACE_PATH_PLACEHOLDER} keeps it as text, which
 * KFP's driver (and kfp4j's local runner) replaces.
 */
class WorkspaceFormatTest {
  @BeforeAll
  static void shared() {
    Shared.root(Shared.KFP_API);
  }

  @Test
  void theWorkspaceIsReadAndWrittenBackAsKfpWroteIt() {
    String yaml = Yaml.resource(WorkspaceFormatTest.class, "workspace/pipeline_with_workspace.yaml");
    Pipeline p = Kfp2Reader.read(yaml, "pipeline_with_workspace.yaml");
    assertEquals(new Workspace("1Gi", "{\"accessModes\":[\"ReadWriteOnce\"],\"storageClassName\":\"standard\"}"),
        p.settings().workspace());
    assertEquals(new Argument.Constant(Workspace.PLACEHOLDER, ParameterType.STRING),
        ((Task) p.node("write-to-workspace").orElseThrow()).arguments().get("workspace_path"));
    String again = Kfp2Writer.write(p);
    assertEquals(List.of(), Kfp2Schemas.errors(again), again);
    List<tools.jackson.databind.JsonNode> sdk = Yaml.readAll(yaml);
    List<tools.jackson.databind.JsonNode> ours = Yaml.readAll(again);
    assertEquals(sdk.get(1), ours.get(1), "the platform document, as KFP wrote it");
    assertEquals(again, Kfp2Writer.write(Kfp2Reader.read(again, "again.yaml")));
  }

  @Test
  void aWorkspaceWithoutAPatchIsWrittenAsKfpsCompilerWritesIt() {
    String yaml = Yaml.resource(WorkspaceFormatTest.class, "workspace/pipeline_with_workspace.yaml");
    Pipeline p = Kfp2Reader.read(yaml, "pipeline_with_workspace.yaml");
    Pipeline plain = p.withSettings(p.settings().withWorkspace(new Workspace("25Gi", "{}")));
    String written = Kfp2Writer.write(plain);
    assertEquals(Yaml.read("{workspace: {kubernetes: {pvcSpecPatch: {}}, size: 25Gi}}"),
        Yaml.readAll(written).get(1).at("/platforms/kubernetes/pipelineConfig"), written); // KFP's compiler_test
    assertEquals(List.of(), Kfp2Schemas.errors(written), written);
  }
}
