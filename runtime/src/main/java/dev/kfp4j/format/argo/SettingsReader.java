package dev.kfp4j.format.argo;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.KubernetesAffinity;
import dev.kfp4j.format.KubernetesToleration;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.PodSetting;
import dev.kfp4j.model.RunSetting;
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
   * component itself, {@code where} names the template in errors.
   */
  static List<TaskSetting> read(JsonNode template, int specEnv, Set<String> skipAnnotations, String where) {
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
        out.add(new RunSetting.Caching(false));
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
        case "resources" -> resources(e.getValue(), inContainer, where);
        case "env" -> env(e.getValue(), specEnv, inContainer, where);
        case "imagePullPolicy" -> inContainer.add(new TaskSetting.ImagePullPolicy(e.getValue().asString()));
        case "volumeMounts" -> inContainer.addAll(mounts);
        case "securityContext" -> inContainer.add(securityContext(e.getValue(), where));
        default -> { }
      }
    }
    List<TaskSetting> inTemplate = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : template.properties()) {
      JsonNode v = e.getValue();
      try {
        switch (e.getKey()) {
          case "retryStrategy" -> retry(v, inTemplate);
          case "activeDeadlineSeconds" -> inTemplate.add(new RunSetting.Timeout(Long.parseLong(v.asString())));
          case "nodeSelector" -> v.properties().forEach(n -> inTemplate.add(new TaskSetting.NodeSelector(n.getKey(), n.getValue().asString())));
          case "tolerations" -> {
            for (JsonNode t : v) {
              only(t, Set.of("key", "operator", "value", "effect"));
              inTemplate.add(KubernetesToleration.read(t));
            }
          }
          case "volumes" -> inTemplate.addAll(mounts);
          case "affinity" -> affinity(template, v, inTemplate);
          default -> { }
        }
      } catch (IllegalArgumentException x) {
        throw new FormatException(where + ": " + e.getKey() + " is " + v + ", which kfp4j's model does not hold: "
            + (x instanceof NumberFormatException ? "a count or number of seconds is a whole number" : x.getMessage()), x);
      }
    }
    out.addAll(merge(inContainer, inTemplate, mounts));
    return out;
  }

  /**
   * The node affinity terms of {@code affinity} in a template kfp4j wrote: its required {@code
   * nodeSelectorTerms}, then its preferred terms with their weights, in the order of their keys, and so its pod affinity and
   * anti-affinity terms; a term's other keys are an error. Another tool's template's
   * affinity is not read: a run here ignores it, and writing the workflow again refuses it ({@link
   * ComponentReader#checkCarried}).
   */
  private static void affinity(JsonNode template, JsonNode affinity, List<TaskSetting> out) {
    if (!ComponentReader.writtenByKfp4j(template)) {
      return;
    }
    KubernetesAffinity.only(affinity, Set.of("nodeAffinity", "podAffinity", "podAntiAffinity"), "affinity");
    for (Map.Entry<String, JsonNode> kind : affinity.properties()) {
      if (kind.getKey().equals("nodeAffinity")) {
        nodeAffinity(kind.getValue(), out);
      } else {
        dev.kfp4j.format.KubernetesPodAffinity.readArgo(kind.getValue(), kind.getKey().equals("podAntiAffinity"), out);
      }
    }
  }

  private static void nodeAffinity(JsonNode node, List<TaskSetting> out) {
    KubernetesAffinity.only(node, Set.of("requiredDuringSchedulingIgnoredDuringExecution", "preferredDuringSchedulingIgnoredDuringExecution"),
        "affinity.nodeAffinity");
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (e.getKey().startsWith("required")) {
        KubernetesAffinity.only(e.getValue(), Set.of("nodeSelectorTerms"), "requiredDuringSchedulingIgnoredDuringExecution");
        e.getValue().path("nodeSelectorTerms").forEach(t -> out.add(KubernetesAffinity.readTerm(t, null)));
      } else {
        for (JsonNode p : e.getValue()) {
          KubernetesAffinity.only(p, Set.of("weight", "preference"), "a preferred scheduling term");
          out.add(KubernetesAffinity.readTerm(p.path("preference"), p.path("weight").asInt(0)));
        }
      }
    }
  }

  /** A container's {@code securityContext} of the user, group and non-root flag alone, as kfp4j writes it. */
  private static TaskSetting securityContext(JsonNode c, String where) {
    for (String key : c.propertyNames()) {
      JsonNode v = c.get(key);
      boolean ok = key.equals("runAsNonRoot") ? v.isBoolean() : (key.equals("runAsUser") || key.equals("runAsGroup")) && v.canConvertToLong();
      if (!ok) {
        throw new FormatException(where + ": container.securityContext." + key + " is " + v + ", which kfp4j's model does not hold; it "
            + "holds runAsUser and runAsGroup (whole numbers) and runAsNonRoot (true or false)");
      }
    }
    try {
      return new PodSetting.SecurityContext(c.has("runAsUser") ? c.get("runAsUser").asLong() : null,
          c.has("runAsGroup") ? c.get("runAsGroup").asLong() : null, c.has("runAsNonRoot") ? c.get("runAsNonRoot").asBoolean() : null);
    } catch (IllegalArgumentException e) {
      throw new FormatException(where + ": container.securityContext: " + e.getMessage(), e);
    }
  }

  private static void retry(JsonNode v, List<TaskSetting> out) {
    only(v, Set.of("limit", "retryPolicy", "backoff"));
    String policy = v.hasNonNull("retryPolicy") ? v.get("retryPolicy").asString() : null;
    out.add(new RunSetting.Retry(Integer.parseInt(v.path("limit").asString("0")), policy));
    if (v.has("backoff")) {
      JsonNode b = v.get("backoff");
      only(b, Set.of("duration", "factor", "maxDuration"));
      out.add(new RunSetting.RetryBackoff(b.path("duration").asString(""), Integer.parseInt(b.path("factor").asString("1")),
          b.path("maxDuration").asString("")));
    }
  }

  /** Refuses a key of {@code node} not among {@code keys}. */
  private static void only(JsonNode node, Set<String> keys) {
    for (String key : node.propertyNames()) {
      if (!keys.contains(key)) {
        throw new IllegalArgumentException("it holds " + keys.stream().sorted().toList() + ", not '" + key + "'");
      }
    }
  }

  private static void resources(JsonNode resources, List<TaskSetting> out, String where) {
    for (Map.Entry<String, JsonNode> side : resources.properties()) {
      boolean limit = side.getKey().equals("limits");
      if (!limit && !side.getKey().equals("requests")) {
        throw new FormatException(where + " uses 'container.resources." + side.getKey() + "', which kfp4j's model does not hold; "
            + "it holds limits and requests");
      }
      for (Map.Entry<String, JsonNode> r : side.getValue().properties()) {
        String quantity = r.getValue().asString("");
        try {
          switch (r.getKey()) {
            case "cpu" -> out.add(new TaskSetting.Resource(
                limit ? TaskSetting.Resource.Kind.CPU_LIMIT : TaskSetting.Resource.Kind.CPU_REQUEST, quantity));
            case "memory" -> out.add(new TaskSetting.Resource(
                limit ? TaskSetting.Resource.Kind.MEMORY_LIMIT : TaskSetting.Resource.Kind.MEMORY_REQUEST, quantity));
            default -> out.add(new TaskSetting.Accelerator(Integer.parseInt(quantity), r.getKey()));
          }
        } catch (IllegalArgumentException e) {
          throw new FormatException(where + ": container.resources." + side.getKey() + "." + r.getKey() + " is '" + quantity
              + "', which kfp4j's model does not hold" + (e instanceof NumberFormatException ? "" : " (" + e.getMessage() + ")") + "; it holds limits and requests of cpu and memory, and a "
              + "whole number of another resource such as nvidia.com/gpu", e);
        }
      }
    }
  }

  private static void env(JsonNode env, int specEnv, List<TaskSetting> out, String where) {
    int i = 0;
    for (JsonNode e : env) {
      if (i++ < specEnv) {
        continue;
      }
      out.add(e.has("valueFrom") ? envFrom(e, where) : new TaskSetting.Env(e.path("name").asString(""), e.path("value").asString("")));
    }
  }

  private static final Set<String> KEY_REF = Set.of("name", "key", "optional");

  /**
   * The setting of an {@code env} entry that takes its value from a key of a secret or config map
   * ({@code valueFrom}; an optional one is a {@link PodSetting.EnvFrom}); any other source or a variable in a name is a
   * FormatException naming the entry, as the model does not hold it. {@code where} names the template.
   */
  static TaskSetting envFrom(JsonNode entry, String where) {
    String name = entry.path("name").asString("");
    JsonNode from = entry.path("valueFrom");
    if (from.has("fieldRef")) {
      return fieldRef(entry, where);
    }
    String kind = from.has("secretKeyRef") ? "secretKeyRef" : "configMapKeyRef";
    String refused = refused(entry, kind);
    if (refused != null) {
      throw new FormatException(where + ": container.env " + name + " uses " + refused + ", which kfp4j's model does not hold; an env "
          + "entry has a value, or takes it from a key of a secret or config map (valueFrom.secretKeyRef or valueFrom.configMapKeyRef "
          + "with name and key, optional or not)");
    }
    JsonNode ref = from.get(kind);
    try {
      Argument named = RunNames.mark(ref.get("name").asString());
      if (named != null) {
        return new PodSetting.EnvFrom(kind.equals("secretKeyRef") ? PodSetting.Source.SECRET : PodSetting.Source.CONFIG_MAP, name, named,
            ref.get("key").asString(), ref.path("optional").asBoolean(false));
      }
      if (ref.path("optional").asBoolean(false)) {
        return new PodSetting.EnvFrom(kind.equals("secretKeyRef") ? PodSetting.Source.SECRET : PodSetting.Source.CONFIG_MAP, name,
            Argument.Constant.of(ref.get("name").asString()), ref.get("key").asString(), true);
      }
      return kind.equals("secretKeyRef")
          ? new TaskSetting.SecretEnv(name, ref.get("name").asString(), ref.get("key").asString())
          : new TaskSetting.ConfigMapEnv(name, ref.get("name").asString(), ref.get("key").asString());
    } catch (IllegalArgumentException e) {
      throw new FormatException(where + ": container.env " + name + ": " + e.getMessage(), e);
    }
  }

  /** An {@code env} entry from a field of the pod ({@code valueFrom.fieldRef.fieldPath} alone). */
  private static TaskSetting fieldRef(JsonNode entry, String where) {
    String name = entry.path("name").asString("");
    JsonNode from = entry.path("valueFrom");
    JsonNode ref = from.path("fieldRef");
    String refused = entry.has("value") ? "both value and valueFrom" : from.size() != 1 ? "valueFrom." + String.join(", valueFrom.",
        from.propertyNames()) : null;
    for (String key : ref.propertyNames()) {
      if (!key.equals("fieldPath")) {
        refused = "valueFrom.fieldRef." + key;
      }
    }
    if (refused != null) {
      throw new FormatException(where + ": container.env " + name + " uses " + refused + ", which kfp4j's model does not hold; an env "
          + "entry from a field of the pod has valueFrom.fieldRef.fieldPath alone");
    }
    try {
      return new TaskSetting.FieldPathEnv(name, ref.path("fieldPath").asString(""));
    } catch (IllegalArgumentException e) {
      throw new FormatException(where + ": container.env " + name + ": " + e.getMessage(), e);
    }
  }

  /** What of {@code entry}'s {@code valueFrom} the model does not hold, or null when it holds it all. */
  private static String refused(JsonNode entry, String kind) {
    JsonNode from = entry.path("valueFrom");
    if (entry.has("value")) {
      return "both value and valueFrom";
    }
    if (!from.isObject() || from.isEmpty()) {
      return "an empty valueFrom";
    }
    if (from.size() != 1 || !from.has(kind)) {
      return "valueFrom." + String.join(", valueFrom.", from.propertyNames());
    }
    JsonNode ref = from.get(kind);
    for (String key : ref.propertyNames()) {
      if (!KEY_REF.contains(key)) {
        return "valueFrom." + kind + "." + key;
      }
    }
    String refName = ref.path("name").asString("");
    String key = ref.path("key").asString("");
    if (refName.isEmpty() || key.isEmpty()) {
      return "valueFrom." + kind + " without a name or key";
    }
    if (refName.contains("{{") && RunNames.mark(refName) == null || key.contains("{{")) {
      return "valueFrom." + kind + " with a variable in its name or key";
    }
    return null;
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
        out.add(new TaskSetting.PvcMount(claim, path, m.path("subPath").asString("")));
      } else if (RunNames.mark(source.path("secret").path("secretName").asString("")) != null) {
        out.add(new PodSetting.VolumeFrom(PodSetting.Source.SECRET, RunNames.mark(source.path("secret").path("secretName").asString("")),
            path, source.path("secret").path("optional").asBoolean(false)));
      } else if (RunNames.mark(source.path("configMap").path("name").asString("")) != null) {
        out.add(new PodSetting.VolumeFrom(PodSetting.Source.CONFIG_MAP, RunNames.mark(source.path("configMap").path("name").asString("")),
            path, source.path("configMap").path("optional").asBoolean(false)));
      } else if (source.path("secret").path("optional").asBoolean(false)) {
        out.add(new PodSetting.VolumeFrom(PodSetting.Source.SECRET, Argument.Constant.of(source.path("secret").path("secretName")
            .asString("")), path, true));
      } else if (source.path("configMap").path("optional").asBoolean(false)) {
        out.add(new PodSetting.VolumeFrom(PodSetting.Source.CONFIG_MAP, Argument.Constant.of(source.path("configMap").path("name")
            .asString("")), path, true));
      } else if (source.path("secret").isObject()) {
        out.add(new TaskSetting.SecretVolume(source.path("secret").path("secretName").asString(""), path));
      } else if (source.path("configMap").isObject()) {
        out.add(new TaskSetting.ConfigMapVolume(source.path("configMap").path("name").asString(""), path));
      } else if (source.path("ephemeral").isObject()) {
        out.add(EphemeralVolumes.read(volume, path, source.path("ephemeral")));
      } else if (source.path("emptyDir").isObject()) {
        JsonNode dir = source.path("emptyDir");
        out.add(new TaskSetting.EmptyDirMount(volume, path, dir.path("medium").asString(""), dir.path("sizeLimit").asString("")));
      }
    }
    return out;
  }
}
