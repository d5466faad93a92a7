package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.TestComponents;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Parameter;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.RunVolume;
import dev.kfp4j.model.Task;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A KFP 2 pipeline file whose Kubernetes settings follow the spec as a second YAML document (as the
 * KFP SDK and the processor write them) is a pipeline the local runner reads, as {@code LocalRun}
 * and {@code kfp4j run --format kfp2} read it; an Argo Workflow file holds one document.
 */
class PlatformDocumentTest {
  @Test
  void aKfp2SpecWithItsPlatformDocumentIsRead() {
    Pipeline p = new Pipeline("p", null, List.of(new Parameter("n", ParameterType.INTEGER, "3", null)),
        List.of(new Task("first", TestComponents.ECHO, Map.of("msg", Argument.Constant.of("hi")))), null,
        PipelineSettings.DEFAULTS.withRunVolume(new RunVolume("1Gi", "ReadWriteOnce", null, "/data")), null);
    String yaml = Kfp2Writer.write(p);
    assertTrue(yaml.contains("\n---\n") && yaml.contains("platforms:"), "two documents: " + yaml);
    Workflow w = Workflow.parse(yaml, "volume.yaml");
    assertEquals("kfp2", w.format());
    assertEquals("p", w.name());
    assertEquals(List.of("n"), w.parameters().stream().map(Workflow.Parameter::name).toList());
  }

  @Test
  void anArgoWorkflowFileWithAnotherDocumentIsRefusedSayingSo() {
    String one = "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {generateName: w-}\n"
        + "spec:\n  entrypoint: main\n  templates:\n  - name: main\n    container: {image: a, command: [echo, hi]}\n";
    assertEquals("argo", Workflow.parse(one, "w.yaml").format());
    WorkflowException e = assertThrows(WorkflowException.class, () -> Workflow.parse(one + "---\n" + one, "w.yaml"));
    assertEquals("w.yaml: 2 YAML documents; an Argo Workflow file holds one (only a KFP 2 pipeline spec is followed by "
        + "another, its platform document)", e.getMessage());
  }
}
