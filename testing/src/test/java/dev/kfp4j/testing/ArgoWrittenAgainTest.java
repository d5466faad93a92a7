package dev.kfp4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.argo.ArgoReader;
import dev.kfp4j.format.argo.ArgoWriter;
import dev.kfp4j.yaml.Yaml;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A workflow read to be written again ({@link ArgoReader#readToWrite}, what {@code kfp4j run-once --argo}, {@code
 * ArgoClient.submit} and a pipeline called from the class path do) keeps what a run here does without: a task's argument
 * artifact's {@code optional: true} (Argo's {@code resolveDependencyReferences}, dag.go, drops such an argument where it
 * cannot resolve it). The file written is valid for Argo.
 */
class ArgoWrittenAgainTest {
  /** A task's argument artifacts, by name, of task {@code task} of the written workflow {@code yaml}. */
  private static JsonNode argument(String yaml, String task, String artifact) {
    for (JsonNode t : Yaml.read(yaml).at("/spec/templates")) {
      for (JsonNode dagTask : t.path("dag").path("tasks")) {
        if (dagTask.path("name").asString("").equals(task)) {
          for (JsonNode a : dagTask.path("arguments").path("artifacts")) {
            if (a.path("name").asString("").equals(artifact)) {
              return a;
            }
          }
        }
      }
    }
    throw new AssertionError("no artifact '" + artifact + "' of task '" + task + "' in\n" + yaml);
  }

  private static final String FOREIGN = """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata: {generateName: optional-}
      spec:
        entrypoint: main
        templates:
        - name: main
          dag:
            tasks:
            - {name: writer, template: writer}
            - {name: reader, template: reader, dependencies: [writer], arguments: {artifacts: [{name: f, from: '{{tasks.writer.outputs.artifacts.model}}', optional: true}]}}
            - {name: inner, template: inner, dependencies: [writer], arguments: {artifacts: [{name: g, from: '{{tasks.writer.outputs.artifacts.model}}'}]}}
        - name: inner
          inputs: {artifacts: [{name: g}]}
          dag:
            tasks:
            - {name: nested, template: reader, arguments: {artifacts: [{name: f, from: '{{inputs.artifacts.g}}', optional: true}]}}
        - name: writer
          outputs: {artifacts: [{name: model, path: /tmp/w/model}]}
          container: {image: alpine, command: [sh, -c, 'mkdir -p /tmp/w && printf m > /tmp/w/model']}
        - name: reader
          inputs: {artifacts: [{name: f, path: /tmp/f}]}
          container: {image: alpine, command: [sh, -c, 'cat /tmp/f']}
      """;

  @Test
  void anArgumentsOptionalIsKeptWhenTheWorkflowIsWrittenAgain() {
    String written = ArgoWriter.write(ArgoReader.readToWrite(FOREIGN, "optional.yaml"));
    assertEquals(true, argument(written, "reader", "f").path("optional").asBoolean(false), written);
    assertEquals(true, argument(written, "nested", "f").path("optional").asBoolean(false), "a nested DAG's task, put into main:\n" + written);
    assertTrue(argument(written, "reader", "f").path("from").asString("").contains("tasks.writer.outputs.artifacts"), written);
    assertEquals(written, ArgoWriter.write(ArgoReader.readToWrite(written, "written.yaml")), "read and written again, the same");
    Shared.root("Argo's schemas");
    assertEquals(List.of(), ArgoSchemas.errors(written), written);
  }

  @Test
  void anOptionalArgumentToANestedDagIsRefusedWhereTheWorkflowIsWrittenAgain() {
    String yaml = FOREIGN.replace("{name: g, from: '{{tasks.writer.outputs.artifacts.model}}'}",
        "{name: g, from: '{{tasks.writer.outputs.artifacts.model}}', optional: true}");
    FormatException e = assertThrows(FormatException.class, () -> ArgoReader.readToWrite(yaml, "optional.yaml"));
    assertTrue(e.getMessage().startsWith("optional.yaml: template 'main': task 'inner' passes artifact 'g' with optional: true to DAG"
        + " template 'inner', which kfp4j's model does not carry"), e.getMessage());
    ArgoReader.read(yaml, "optional.yaml"); // a run takes it, as Argo does where it resolves it
  }
}
