package dev.kfp4j.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.model.Argument;
import dev.kfp4j.model.ImporterStep;
import dev.kfp4j.model.Parameter;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.Task;
import dev.kfp4j.spec.ComponentYaml;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An importer is drawn as a box of its own kind, with what it imports, and a file edge to its consumer. */
class ImporterPictureTest {
  static Pipeline pipeline() {
    ImporterStep importer = new ImporterStep("importer", Map.of(ImporterStep.URI, new Argument.PipelineParameter("data")),
        "system.Dataset", true, null, false, List.of(), List.of());
    Task train = new Task("train", ComponentYaml.parse("""
        name: train
        inputs:
        - {name: dataset, type: Dataset}
        implementation:
          container: {image: alpine, command: [cat, {inputPath: dataset}]}
        """, "train.yaml"), Map.of("dataset", new Argument.TaskOutput("importer", ImporterStep.OUTPUT)));
    return new Pipeline("imports", null, List.of(new Parameter("data", ParameterType.STRING, "gs://b/x", null)),
        List.of(importer, train), null, PipelineSettings.DEFAULTS, null);
  }

  @Test
  void anImporterIsABoxOfItsOwnWithAFileEdgeToItsConsumer() {
    Diagram d = PipelineGraph.diagram(pipeline());
    Diagram.Box box = (Diagram.Box) d.shapes().get(0);
    assertEquals(Diagram.BoxKind.IMPORTER, box.kind());
    assertEquals(List.of("imports system.Dataset", "params.data, again"), box.lines());
    assertEquals(Diagram.EdgeKind.FILE, d.edges().get(0).kind());
    assertTrue(PipelineGraph.svg(pipeline()).contains("class=\"box importer\""), "styled as an importer");
    assertTrue(PipelineGraph.svg(pipeline()).contains(".importer>rect{"), "with the importer's style");
    assertTrue(PipelineGraph.mermaid(pipeline()).contains("[\\\"importer"), PipelineGraph.mermaid(pipeline()));
  }
}
