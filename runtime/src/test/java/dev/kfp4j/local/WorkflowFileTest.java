package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What a user sees when the pipeline file given to the local runner is not one it can read. */
class WorkflowFileTest {
  @Test
  void textThatIsNotYamlNamesTheFileAndWhere() {
    WorkflowException e = assertThrows(WorkflowException.class, () -> Workflow.parse("a: [1, 2\n", "p.yaml"));
    assertTrue(e.getMessage().startsWith("p.yaml: not valid YAML: "), e.getMessage());
  }

  @Test
  void yamlThatIsNeitherFormatSaysWhatWasExpected() {
    WorkflowException e = assertThrows(WorkflowException.class, () -> Workflow.parse("kind: Pod\n", "p.yaml"));
    assertEquals("p.yaml: not an Argo Workflow (kind: Workflow)", e.getMessage());
  }

  @Test
  void aDamagedKfp2SpecNamesTheFileOnce() {
    WorkflowException e = assertThrows(WorkflowException.class,
        () -> Workflow.parse("pipelineInfo: {name: p}\nroot: {dag: {tasks: {a: {componentRef: {name: comp-x}, taskInfo: {name: a}}}}}\nschemaVersion: 2.1.0\n", "p.yaml"));
    assertTrue(e.getMessage().startsWith("p.yaml: "), e.getMessage());
    assertTrue(!e.getMessage().startsWith("p.yaml: p.yaml"), e.getMessage());
    assertTrue(e.getMessage().contains("comp-x"), e.getMessage());
  }
}
