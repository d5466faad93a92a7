package dev.kfp4j.format.argo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kfp4j.yaml.Yaml;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A running workflow's status as Argo writes it: the run's phase and times, and the pods with their outputs. */
class WorkflowStatusTest {
  private static final JsonNode WORKFLOW = Yaml.read("""
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      status:
        phase: Failed
        message: child 'add-1' failed
        startedAt: '2026-12-02T10:00:00Z'
        nodes:
          add-1:
            id: add-1
            type: Pod
            displayName: add
            phase: Failed
            startedAt: '2026-12-02T10:00:01Z'
            finishedAt: '2026-12-02T10:00:05Z'
            outputs:
              parameters: [{name: sum, value: '7'}]
              artifacts: [{name: log, s3: {key: runs/add-1/log.tgz}}]
          add:
            id: add
            type: DAG
            displayName: add-example
      """);

  @Test
  void theRunsPhaseMessageAndTimes() {
    assertEquals(new WorkflowStatus.Run("Failed", "child 'add-1' failed", "2026-12-02T10:00:00Z", null), WorkflowStatus.run(WORKFLOW));
    assertEquals(new WorkflowStatus.Run("", null, null, null), WorkflowStatus.run(Yaml.read("kind: Workflow")));
  }

  @Test
  void podsOnlyWithTheirOutputParametersAndArtifactKeys() {
    assertEquals(List.of(new WorkflowStatus.Pod("add", "Failed", "add-1", "2026-12-02T10:00:01Z", "2026-12-02T10:00:05Z",
        Map.of("sum", "7", "log", "runs/add-1/log.tgz"))), WorkflowStatus.pods(WORKFLOW));
  }
}
