package dev.kfp4j.format.argo;

import dev.kfp4j.format.KubernetesToleration;
import dev.kfp4j.model.TaskSetting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads a template's settings back, in the order their keys appear, so writing them again gives
 * the same template. The inverse of {@link SettingsWriter}.
 */
final class SettingsReader {
  private SettingsReader() {}

  /**
   * The settings of {@code template}; {@code specEnv} is how many {@code env} entries come from the
   * component itself, {@code volumeInputs} the input parameters that carry a run volume's claim name.
   */
  static List<TaskSetting> read(JsonNode template, int specEnv, Set<String> skipAnnotations) {
    List<TaskSetting> out = new ArrayList<>();
    JsonNode metadata = template.path("metadata");
    for (Map.Entry<String, JsonNode> a : metadata.path("annotations").properties()) {
      String key = a.getKey();
      String value = a.getValue().asString("");
      if (skipAnnotations.contains(key)) {
        continue;
      }
      if (key.equals(Argo.DISPLAY_NAME)) {
        out.add(new TaskSetting.DisplayName(value));
      } else if (key.equals(Argo.MAX_CACHE_STALENESS) && value.equals("P0D")) {
        out.add(new TaskSetting.Caching(false));
      } else {
        out.add(new TaskSetting.PodAnnotation(key, value));
      }
    }
    for (Map.Entry<String, JsonNode> l : metadata.path("labels").properties()) {
      if (!l.getKey().equals(Argo.SDK_TYPE_LABEL)) {
        out.add(new TaskSetting.PodLabel(l.getKey(), l.getValue().asString("")));
      }
    }
    // Container and template keys each keep the order of the settings that made them; a mount
    // makes one of each, so the two orders meet at the mounts.
    List<TaskSetting> mounts = mounts(template);
    List<TaskSetting> inContainer = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : template.path("container").properties()) {
      switch (e.getKey()) {
        case "resources" -> resources(e.getValue(), inContainer);
        case "env" -> env(e.getValue(), specEnv, inContainer);
        case "imagePullPolicy" -> inContainer.add(new TaskSetting.ImagePullPolicy(e.getValue().asString()));
        case "volumeMounts" -> inContainer.addAll(mounts);
        default -> { }
      }
    }
    List<TaskSetting> inTemplate = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : template.properties()) {
      JsonNode v = e.getValue();
      switch (e.getKey()) {
        case "retryStrategy" -> {
          String policy = v.hasNonNull("retryPolicy") ? v.get("retryPolicy").asString() : null;
          inTemplate.add(new TaskSetting.Retry(Integer.parseInt(v.path("limit").asString("0")), policy));
          if (v.has("backoff")) {
            JsonNode b = v.get("backoff");
            inTemplate.add(new TaskSetting.RetryBackoff(b.path("duration").asString(""), Integer.parseInt(b.path("factor").asString("1")),
                b.path("maxDuration").asString("")));
          }
        }
        case "activeDeadlineSeconds" -> inTemplate.add(new TaskSetting.Timeout(Long.parseLong(v.asString())));
        case "nodeSelector" -> v.properties().forEach(n -> inTemplate.add(new TaskSetting.NodeSelector(n.getKey(), n.getValue().asString())));
        case "tolerations" -> {
          for (JsonNode t : v) {
            inTemplate.add(KubernetesToleration.read(t));
          }
        }
        case "volumes" -> inTemplate.addAll(mounts);
        default -> { }
      }
    }
    out.addAll(merge(inContainer, inTemplate, mounts));
    return out;
  }

  private static void resources(JsonNode resources, List<TaskSetting> out) {
    for (Map.Entry<String, JsonNode> side : resources.properties()) {
      boolean limit = side.getKey().equals("limits");
      for (Map.Entry<String, JsonNode> r : side.getValue().properties()) {
        String quantity = r.getValue().asString();
        switch (r.getKey()) {
          case "cpu" -> out.add(new TaskSetting.Resource(
              limit ? TaskSetting.Resource.Kind.CPU_LIMIT : TaskSetting.Resource.Kind.CPU_REQUEST, quantity));
          case "memory" -> out.add(new TaskSetting.Resource(
              limit ? TaskSetting.Resource.Kind.MEMORY_LIMIT : TaskSetting.Resource.Kind.MEMORY_REQUEST, quantity));
          default -> out.add(new TaskSetting.Accelerator(Integer.parseInt(quantity), r.getKey()));
        }
      }
    }
  }

  private static void env(JsonNode env, int specEnv, List<TaskSetting> out) {
    int i = 0;
    for (JsonNode e : env) {
      if (i++ < specEnv) {
        continue;
      }
      String name = e.path("name").asString("");
      JsonNode secret = e.path("valueFrom").path("secretKeyRef");
      JsonNode configMap = e.path("valueFrom").path("configMapKeyRef");
      if (secret.isObject()) {
        out.add(new TaskSetting.SecretEnv(name, secret.path("name").asString(""), secret.path("key").asString("")));
      } else if (configMap.isObject()) {
        out.add(new TaskSetting.ConfigMapEnv(name, configMap.path("name").asString(""), configMap.path("key").asString("")));
      } else {
        out.add(new TaskSetting.Env(name, e.path("value").asString("")));
      }
    }
  }

  /** Both orders in one: each mount where both have it, everything else where its own order puts it. */
  private static List<TaskSetting> merge(List<TaskSetting> a, List<TaskSetting> b, List<TaskSetting> shared) {
    List<TaskSetting> out = new ArrayList<>();
    int j = 0;
    for (TaskSetting s : a) {
      if (shared.contains(s)) {
        while (j < b.size() && b.get(j) != s) {
          if (!shared.contains(b.get(j))) {
            out.add(b.get(j));
          }
          j++;
        }
        j++;
      }
      out.add(s);
    }
    for (; j < b.size(); j++) {
      if (!shared.contains(b.get(j))) {
        out.add(b.get(j));
      }
    }
    return out;
  }

  private static List<TaskSetting> mounts(JsonNode template) {
    List<TaskSetting> out = new ArrayList<>();
    for (JsonNode m : template.path("container").path("volumeMounts")) {
      String volume = m.path("name").asString("");
      String path = m.path("mountPath").asString("");
      JsonNode source = null;
      for (JsonNode v : template.path("volumes")) {
        if (v.path("name").asString("").equals(volume)) {
          source = v;
        }
      }
      if (source == null) {
        continue;
      }
      String claim = source.path("persistentVolumeClaim").path("claimName").asString(null);
      if (claim != null && claim.equals(Argo.inputParameter(volume + "-name"))) {
        out.add(new TaskSetting.VolumeMount(volume, path));
      } else if (claim != null) {
        out.add(new TaskSetting.PvcMount(claim, path));
      } else if (source.path("secret").isObject()) {
        out.add(new TaskSetting.SecretVolume(source.path("secret").path("secretName").asString(""), path));
      } else if (source.path("configMap").isObject()) {
        out.add(new TaskSetting.ConfigMapVolume(source.path("configMap").path("name").asString(""), path));
      }
    }
    return out;
  }
}
