package dev.kfp4j.format.argo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What Argo writes in a workflow's {@code status} as it runs: the workflow's phase, message and
 * times, and each pod it ran with its outputs. Times are Argo's text ({@code 2026-12-02T10:00:00Z}).
 */
public final class WorkflowStatus {
  /** The workflow's phase ({@code Running}, {@code Succeeded}..., empty before it starts), message, start and end (null when not said). */
  public record Run(String phase, String message, String startedAt, String finishedAt) {}

  /**
   * A step that ran a pod: its display name, phase, node id (the pod's name), start and end, each
   * null when not said, and its outputs: the values of its output parameters and the keys of its
   * output artifacts, by name.
   */
  public record Pod(String name, String phase, String id, String startedAt, String finishedAt, Map<String, String> outputs) {}

  private WorkflowStatus() {}

  public static Run run(JsonNode workflow) {
    JsonNode status = workflow.path("status");
    return new Run(status.path("phase").asString(""), status.path("message").asString(null), text(status, "startedAt"),
        text(status, "finishedAt"));
  }

  /** The pods, in the order the status lists its nodes. */
  public static List<Pod> pods(JsonNode workflow) {
    List<Pod> pods = new ArrayList<>();
    for (JsonNode node : workflow.at("/status/nodes")) {
      if (!"Pod".equals(node.path("type").asString(""))) {
        continue;
      }
      Map<String, String> outputs = new LinkedHashMap<>();
      node.at("/outputs/parameters").forEach(p -> outputs.put(p.path("name").asString(""), p.path("value").asString("")));
      node.at("/outputs/artifacts").forEach(a -> outputs.put(a.path("name").asString(""), a.at("/s3/key").asString("")));
      pods.add(new Pod(text(node, "displayName"), text(node, "phase"), text(node, "id"), text(node, "startedAt"),
          text(node, "finishedAt"), outputs));
    }
    return pods;
  }

  /** The text of {@code field}; null when it is missing, null or empty. */
  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() || v.asString("").isEmpty() ? null : v.asString();
  }
}
