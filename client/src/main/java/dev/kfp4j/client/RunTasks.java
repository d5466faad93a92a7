package dev.kfp4j.client;

import dev.kfp4j.format.argo.WorkflowStatus;
import dev.kfp4j.yaml.Yaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads the tasks of a run from KFP's answer to {@code GET /runs/ID}: v2beta1's {@code
 * run_details.task_details}, or the pods in the status of the Argo workflow that a v1beta1 run is.
 */
final class RunTasks {
  private RunTasks() {}

  /** The v2beta1 run's tasks, with their output artifacts' ids. */
  static List<RunTask> ofTaskDetails(JsonNode run) {
    List<RunTask> tasks = new ArrayList<>();
    for (JsonNode t : run.at("/run_details/task_details")) {
      Map<String, String> outputs = new LinkedHashMap<>();
      t.path("outputs").properties().forEach(o -> {
        List<String> ids = new ArrayList<>();
        o.getValue().path("artifact_ids").forEach(a -> ids.add(a.asString("")));
        outputs.put(o.getKey(), String.join(",", ids));
      });
      tasks.add(new RunTask(KfpAnswers.name(t), KfpAnswers.text(t, "state"), KfpAnswers.text(t, "pod_name"),
          KfpAnswers.time(t, "start_time"), KfpAnswers.time(t, "end_time"), outputs));
    }
    return tasks;
  }

  /** The pods of the v1beta1 run's workflow ({@code pipeline_runtime.workflow_manifest}), none when it has no workflow. */
  static List<RunTask> ofWorkflowManifest(JsonNode run) {
    List<RunTask> tasks = new ArrayList<>();
    for (WorkflowStatus.Pod pod : WorkflowStatus.pods(workflow(run))) {
      tasks.add(new RunTask(pod.name(), pod.phase(), pod.id(), KfpAnswers.time(pod.startedAt()), KfpAnswers.time(pod.finishedAt()),
          pod.outputs()));
    }
    return tasks;
  }

  /**
   * Why the v1beta1 run's workflow ended as it did ({@code status.message}: "child 'add-x' failed", a pod's error), null when
   * it says nothing: v1beta1's {@code run.error} holds only KFP's own failures to read the run ({@code toApiRunV1}).
   */
  static String workflowMessage(JsonNode run) {
    String message = WorkflowStatus.run(workflow(run)).message();
    return message == null || message.isBlank() ? null : message;
  }

  /** The Argo workflow a v1beta1 run's answer holds ({@code pipeline_runtime.workflow_manifest}); an empty one when none. */
  private static JsonNode workflow(JsonNode run) {
    String manifest = run.at("/pipeline_runtime/workflow_manifest").asString("");
    try {
      return manifest.isBlank() ? KfpRequests.object() : Yaml.json().readTree(manifest);
    } catch (JacksonException e) {
      return KfpRequests.object(); // not a workflow: nothing to show
    }
  }
}
