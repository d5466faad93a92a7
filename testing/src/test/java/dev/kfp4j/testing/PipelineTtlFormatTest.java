package dev.kfp4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kfp4j.format.argo.ArgoReader;
import dev.kfp4j.format.argo.ArgoWriter;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.yaml.Yaml;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How long a run is kept after it succeeded and after it failed (KFP's {@code
 * PipelineConfig(ttl_seconds_after_success, ttl_seconds_after_failure)}, {@code
 * @Pipeline(ttlSecondsAfterSuccess, ttlSecondsAfterFailure)}): KFP 2's {@code resourceTtlOnSuccess}
 * and {@code resourceTtlOnFailure}, Argo's {@code ttlStrategy}, each valid as the format's schema
 * says and read back as written. A KFP 2 spec with them was refused before, as a pipeline config
 * field kfp4j did not hold.
 */
class PipelineTtlFormatTest {
  @BeforeAll
  static void shared() {
    Shared.root(Shared.ARGO_SCHEMAS, Shared.KFP_API);
  }

  private static Pipeline pipeline() {
    String yaml = Yaml.resource(PipelineTtlFormatTest.class, "workspace/pipeline_with_workspace.yaml");
    Pipeline p = Kfp2Reader.read(yaml, "pipeline_with_workspace.yaml");
    return p.withSettings(p.settings().withTtl(3600).withTtls(60, 86400));
  }

  @Test
  void kfp2WritesResourceTtlsOnSuccessAndFailureAndReadsThemBack() {
    String yaml = Kfp2Writer.write(pipeline());
    assertEquals(List.of(), Kfp2Schemas.errors(yaml), yaml);
    tools.jackson.databind.node.ObjectNode config =
        (tools.jackson.databind.node.ObjectNode) Yaml.readAll(yaml).get(1).at("/platforms/kubernetes/pipelineConfig").deepCopy();
    config.remove("workspace");
    assertEquals(Yaml.read("{resourceTtlOnCompletion: 3600, resourceTtlOnFailure: 86400, resourceTtlOnSuccess: 60}"), config, yaml);
    assertEquals(pipeline().settings(), Kfp2Reader.read(yaml, "p.yaml").settings());
  }

  @Test
  void argoWritesTheTtlStrategyAndReadsItBack() {
    dev.kfp4j.spec.ComponentSpec echo = new dev.kfp4j.spec.ComponentSpec("echo", null, null, null, List.of(), List.of(),
        new dev.kfp4j.spec.ContainerSpec("alpine:3", List.of(new dev.kfp4j.spec.Placeholder.Literal("true")), List.of(), null, null),
        null);
    Pipeline p = new Pipeline("p", null, List.of(), List.of(new dev.kfp4j.model.Task("echo", echo, java.util.Map.of())), null,
        pipeline().settings().withWorkspace(null), null);
    String yaml = ArgoWriter.write(p);
    assertEquals(List.of(), ArgoSchemas.errors(yaml), yaml);
    assertEquals(Yaml.read("{secondsAfterCompletion: 3600, secondsAfterFailure: 86400, secondsAfterSuccess: 60}"),
        Yaml.read(yaml).at("/spec/ttlStrategy"), yaml);
    assertEquals(p.settings(), ArgoReader.read(yaml, "p.yaml").settings());
  }
}
