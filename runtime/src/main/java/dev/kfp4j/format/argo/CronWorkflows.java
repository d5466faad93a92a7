package dev.kfp4j.format.argo;

import dev.kfp4j.yaml.Yaml;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Argo's {@code CronWorkflow}: a workflow started on a schedule. */
public final class CronWorkflows {
  /**
   * The longest name of a {@code CronWorkflow}: Argo names each workflow it starts after it, 11 characters more, within the
   * 63 a name of Kubernetes takes.
   */
  public static final int MAX_NAME = 52;

  private CronWorkflows() {}

  /**
   * Why {@code name} cannot name a {@code CronWorkflow}, saying what it takes; null when it can. A name Kubernetes refuses
   * (a DNS subdomain: lowercase letters, digits, {@code -} and {@code .}) would be refused by the Argo Server with
   * Kubernetes' words, and one over {@link #MAX_NAME} characters would name workflows Kubernetes refuses.
   */
  public static String nameError(String name) {
    if (name.length() > MAX_NAME) {
      return "it is " + name.length() + " characters long, and Argo takes at most " + MAX_NAME + " in a CronWorkflow's name (it names "
          + "each workflow it starts after it, 11 characters more, within the 63 Kubernetes takes)";
    }
    if (!dev.kfp4j.spec.Names.isKubernetesObjectName(name)) {
      return "Kubernetes takes lowercase letters, digits, '-' and '.', starting and ending with a letter or digit";
    }
    return null;
  }

  /**
   * A {@code CronWorkflow} named {@code name} of a written workflow: its spec as the {@code
   * workflowSpec}, its labels and annotations as the {@code workflowMetadata}, started on {@code
   * schedule} (a 5-field cron). {@code concurrent} false forbids a run to start while the previous
   * one runs; {@code enabled} false writes it suspended. {@code schedulesList}: the schedule as
   * Argo 3.6 and later take it ({@code schedules: [...]}), else as before ({@code schedule}).
   *
   * @throws IllegalArgumentException for a name Argo cannot take ({@link #nameError})
   */
  public static ObjectNode of(JsonNode workflow, String schedule, String name, boolean concurrent, boolean enabled,
      boolean schedulesList) {
    Objects.requireNonNull(name, "name");
    String why = nameError(name);
    if (why != null) {
      throw new IllegalArgumentException("'" + name + "' cannot name a CronWorkflow: " + why);
    }
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
