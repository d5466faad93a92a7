package dev.kfp4j.format.argo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ComponentYaml;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Argo names of a component's outputs. */
class ContainerTemplateTest {
  private static ComponentSpec outputs(String names) {
    return ComponentYaml.parse("name: c\noutputs: " + names + "\nimplementation: {container: {image: alpine, command: [ls]}}\n",
        "c.yaml");
  }

  @Test
  void kfpV1sUiFilesPassUnderTheNamesItsUiReads() {
    // as KFP 1.8's compiler: the output mlpipeline_metrics (OutputPath('Metrics')) is the artifact mlpipeline-metrics
    assertEquals(Map.of("mlpipeline_metrics", "mlpipeline-metrics", "mlpipeline_ui_metadata", "mlpipeline-ui-metadata",
            "model_data", "model_data"),
        ContainerTemplate.argoOutputs(outputs("[{name: mlpipeline_metrics}, {name: mlpipeline_ui_metadata}, {name: model_data}]")));
    assertEquals(Map.of("MLPipeline UI metadata", "mlpipeline-ui-metadata"),
        ContainerTemplate.argoOutputs(outputs("[{name: MLPipeline UI metadata}]")));
  }

  @Test
  void aNameAnotherOutputHasIsLeftToIt() {
    assertEquals(Map.of("mlpipeline-metrics", "mlpipeline-metrics", "mlpipeline_metrics", "mlpipeline_metrics"),
        ContainerTemplate.argoOutputs(outputs("[{name: mlpipeline-metrics}, {name: mlpipeline_metrics}]")));
  }
}
