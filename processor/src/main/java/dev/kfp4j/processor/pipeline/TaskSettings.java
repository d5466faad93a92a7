package dev.kfp4j.processor.pipeline;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/** Writes task settings into a component template, where Argo and KFP v1 read them. */
final class TaskSettings {
  static final String DISPLAY_NAME = "pipelines.kubeflow.org/task_display_name";
  static final String MAX_CACHE_STALENESS = "pipelines.kubeflow.org/max_cache_staleness";

  private TaskSettings() {}

  @SuppressWarnings("unchecked")
  static void apply(Map<String, List<Object>> settings, ObjectNode template, ObjectNode container, ObjectNode annotations, ObjectNode labels) {
    for (Map.Entry<String, List<Object>> e : settings.entrySet()) {
      List<Object> v = e.getValue();
      switch (e.getKey()) {
        case "displayName":
          annotations.put(DISPLAY_NAME, v.get(0).toString());
          break;
        case "caching":
          if (!(Boolean) v.get(0)) {
            annotations.put(MAX_CACHE_STALENESS, "P0D");
          }
          break;
        case "podAnnotation":
          for (Object kv : v) {
            List<Object> pair = (List<Object>) kv;
            annotations.put(pair.get(0).toString(), pair.get(1).toString());
          }
          break;
        case "podLabel":
          for (Object kv : v) {
            List<Object> pair = (List<Object>) kv;
            labels.put(pair.get(0).toString(), pair.get(1).toString());
          }
          break;
        case "cpuRequest":
          container.withObject("resources").withObject("requests").put("cpu", v.get(0).toString());
          break;
        case "cpuLimit":
          container.withObject("resources").withObject("limits").put("cpu", v.get(0).toString());
          break;
        case "memoryRequest":
          container.withObject("resources").withObject("requests").put("memory", v.get(0).toString());
          break;
        case "memoryLimit":
          container.withObject("resources").withObject("limits").put("memory", v.get(0).toString());
          break;
        case "gpuLimit":
          container.withObject("resources").withObject("limits")
              .put(v.size() > 1 ? v.get(1).toString() : "nvidia.com/gpu", v.get(0).toString());
          break;
        case "imagePullPolicy":
          container.put("imagePullPolicy", v.get(0).toString());
          break;
        case "env":
          for (Object kv : v) {
            List<Object> pair = (List<Object>) kv;
            container.withArray("env").addObject().put("name", pair.get(0).toString()).put("value", pair.get(1).toString());
          }
          break;
        case "envFromSecret":
          for (Object item : v) {
            List<Object> s = (List<Object>) item;
            ObjectNode ref = container.withArray("env").addObject().put("name", s.get(0).toString())
                .putObject("valueFrom").putObject("secretKeyRef");
            ref.put("name", s.get(1).toString());
            ref.put("key", s.get(2).toString());
          }
          break;
        case "mountPvc":
          for (Object item : v) {
            List<Object> s = (List<Object>) item;
            String volume = "pvc-" + s.get(0);
            container.withArray("volumeMounts").addObject().put("name", volume).put("mountPath", s.get(1).toString());
            ObjectNode vol = template.withArray("volumes").addObject().put("name", volume);
            vol.putObject("persistentVolumeClaim").put("claimName", s.get(0).toString());
          }
          break;
        case "nodeSelector":
          for (Object kv : v) {
            List<Object> pair = (List<Object>) kv;
            template.withObject("nodeSelector").put(pair.get(0).toString(), pair.get(1).toString());
          }
          break;
        case "toleration":
          for (Object item : v) {
            List<Object> s = (List<Object>) item;
            ObjectNode t = template.withArray("tolerations").addObject();
            t.put("key", s.get(0).toString());
            t.put("operator", s.get(1).toString());
            if (!s.get(2).toString().isEmpty()) {
              t.put("value", s.get(2).toString());
            }
            if (!s.get(3).toString().isEmpty()) {
              t.put("effect", s.get(3).toString());
            }
          }
          break;
        case "retries": {
          ObjectNode retry = template.withObject("retryStrategy");
          retry.put("limit", v.get(0).toString());
          if (v.size() > 1) {
            retry.put("retryPolicy", v.get(1).toString());
          }
          break;
        }
        case "retryBackoff": {
          ObjectNode backoff = template.withObject("retryStrategy").putObject("backoff");
          backoff.put("duration", v.get(0).toString());
          backoff.put("factor", v.get(1).toString());
          backoff.put("maxDuration", v.get(2).toString());
          break;
        }
        case "timeout":
          template.put("activeDeadlineSeconds", v.get(0).toString());
          break;
        default:
          break;
      }
    }
  }

}
