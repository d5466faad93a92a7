package dev.kfp4j.format.argo;

import dev.kfp4j.yaml.Yaml;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Argo's {@code CronWorkflow}: a workflow started on a schedule. */
public final class CronWorkflows {
  private CronWorkflows() {}

  /**
   * A {@code CronWorkflow} named {@code name} of a written workflow: its spec as the {@code
   * workflowSpec}, its labels and annotations as the {@code workflowMetadata}, started on {@code
   * schedule} (a 5-field cron). {@code concurrent} false forbids a run to start while the previous
   * one runs; {@code enabled} false writes it suspended. {@code schedulesList}: the schedule as
   * Argo 3.6 and later take it ({@code schedules: [...]}), else as before ({@code schedule}).
   */
  public static ObjectNode of(JsonNode workflow, String schedule, String name, boolean concurrent, boolean enabled,
      boolean schedulesList) {
    Objects.requireNonNull(name, "name");
    ObjectNode cron = Yaml.object().put("apiVersion", Argo.API_VERSION).put("kind", "CronWorkflow");
    ObjectNode meta = cron.putObject("metadata").put("name", name);
    ObjectNode spec = cron.putObject("spec");
    if (schedulesList) {
      spec.putArray("schedules").add(schedule);
    } else {
      spec.put("schedule", schedule);
    }
    spec.put("concurrencyPolicy", concurrent ? "Allow" : "Forbid");
    if (!enabled) {
      spec.put("suspend", true);
    }
    JsonNode wfMeta = workflow.path("metadata");
    ObjectNode runMeta = Yaml.object();
    for (String field : new String[] {"labels", "annotations"}) {
      if (wfMeta.has(field)) {
        runMeta.set(field, wfMeta.get(field));
        meta.set(field, wfMeta.get(field));
      }
    }
    if (!runMeta.isEmpty()) {
      spec.set("workflowMetadata", runMeta);
    }
    spec.set("workflowSpec", workflow.path("spec"));
    return cron;
  }
}
