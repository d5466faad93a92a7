package dev.kfp4j.format.argo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kfp4j.format.argo.OutputFiles.OutputFile;
import dev.kfp4j.yaml.Yaml;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a workflow's templates say of their output files: the file's name, and the type from the component spec. */
class OutputFilesTest {
  @Test
  void fileNamesFromThePathsAndTypesFromTheComponentSpec() {
    String workflow = """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        spec:
          templates:
          - name: report
            metadata:
              annotations:
                pipelines.kubeflow.org/component_spec: '{"name": "report", "outputs": [{"name": "page", "type": "HTML"}]}'
            outputs:
              artifacts:
              - {name: page, path: /tmp/outputs/page/report.html}
              - {name: blob, path: /tmp/outputs/blob/}
          - name: broken-spec
            metadata:
              annotations:
                pipelines.kubeflow.org/component_spec: 'not json {'
            outputs:
              artifacts:
              - {name: table, path: /tmp/outputs/table/scores.csv}
        """;
    assertEquals(Map.of(
            "report", Map.of("page", new OutputFile("report.html", "HTML"), "blob", new OutputFile(null, null)),
            "broken-spec", Map.of("table", new OutputFile("scores.csv", null))),
        OutputFiles.of(Yaml.read(workflow)));
  }

  @Test
  void aKfp2PipelineSpecHasNone() {
    assertEquals(Map.of(), OutputFiles.of(Yaml.read("pipelineInfo: {name: p}\nroot: {dag: {tasks: {}}}\n")));
  }
}
