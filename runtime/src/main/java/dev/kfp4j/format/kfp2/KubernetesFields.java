package dev.kfp4j.format.kfp2;

import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The fields of an executor's {@code KubernetesExecutorConfig} (kfp-kubernetes' {@code
 * kubernetes_executor_config.proto}, as JSON) that {@link SettingsReader} reads into kfp4j's model,
 * by the message they are in; any other field, or a value the model does not hold (an {@code
 * optional: true} secret, a secret's name from a parameter), is refused with one line naming it,
 * so that a spec read and written again, or run through kfp4j, never loses a setting without a word.
 */
final class KubernetesFields {
  /** The config's own fields, then each message's, by its path (list entries without an index). */
  private static final KnownFields READ = new KnownFields(Map.ofEntries(
      Map.entry("", Set.of("secretAsVolume", "secretAsEnv", "pvcMount", "nodeSelector", "podMetadata", "imagePullSecret",
          "imagePullPolicy", "configMapAsVolume", "configMapAsEnv", "activeDeadlineSeconds", "fieldPathAsEnv", "tolerations",
          "emptyDirMounts", "nodeAffinity", "genericEphemeralVolume")),
      Map.entry("secretAsVolume", Set.of("secretName", "mountPath", "optional", "secretNameParameter")),
      Map.entry("secretAsEnv", Set.of("secretName", "keyToEnv", "optional", "secretNameParameter")),
      Map.entry("secretAsEnv.keyToEnv", Set.of("secretKey", "envVar")),
      Map.entry("configMapAsVolume", Set.of("configMapName", "mountPath", "optional", "configMapNameParameter")),
      Map.entry("configMapAsEnv", Set.of("configMapName", "keyToEnv", "optional", "configMapNameParameter")),
      Map.entry("configMapAsEnv.keyToEnv", Set.of("configMapKey", "envVar")),
      Map.entry("imagePullSecret", Set.of("secretName", "secretNameParameter")),
      Map.entry("pvcMount", Set.of("taskOutputParameter", "constant", "componentInputParameter", "mountPath", "pvcNameParameter")),
      Map.entry("pvcMount.taskOutputParameter", Set.of("producerTask", "outputParameterKey")),
      Map.entry("pvcMount.pvcNameParameter", Set.of("runtimeValue", "taskOutputParameter", "componentInputParameter")),
      Map.entry("pvcMount.pvcNameParameter.runtimeValue", Set.of("constant")),
      Map.entry("pvcMount.pvcNameParameter.taskOutputParameter", Set.of("producerTask", "outputParameterKey")),
      Map.entry("nodeSelector", Set.of("labels")),
      Map.entry("podMetadata", Set.of("labels", "annotations")),
      Map.entry("tolerations", Set.of("key", "operator", "value", "effect", "tolerationJson")),
      Map.entry("fieldPathAsEnv", Set.of("name", "fieldPath")),
      Map.entry("emptyDirMounts", Set.of("volumeName", "mountPath", "medium", "sizeLimit")),
      Map.entry("nodeAffinity", Set.of("matchExpressions", "matchFields", "weight")),
      Map.entry("nodeAffinity.matchExpressions", Set.of("key", "operator", "values")),
      Map.entry("nodeAffinity.matchFields", Set.of("key", "operator", "values")),
      Map.entry("genericEphemeralVolume", Set.of("volumeName", "mountPath", "accessModes", "size", "defaultStorageClass",
          "storageClassName", "metadata")),
      Map.entry("genericEphemeralVolume.metadata", Set.of("labels", "annotations"))));
  /** Where a secret's or config map's name is, and the deprecated field beside it. */
  private static final Map<String, String> NAMES = Map.of("secretAsVolume", "secretName", "secretAsEnv", "secretName",
      "configMapAsVolume", "configMapName", "configMapAsEnv", "configMapName", "imagePullSecret", "secretName");

  private KubernetesFields() {}

  /** Refuses what of {@code config}, the Kubernetes config of task {@code task}, kfp4j's model does not hold. */
  static void check(String task, JsonNode config) {
    if (config.isMissingNode()) {
      return;
    }
    KnownFields.Unknown unknown = READ.first(config);
    if (unknown != null) {
      throw refused(task, unknown.at(), unknown.reads());
    }
    NAMES.forEach((list, field) -> {
      int i = 0;
      for (JsonNode entry : config.path(list)) {
        name(task, entry, list + "[" + i++ + "]", field);
      }
    });
    for (String list : List.of("secretAsVolume", "secretAsEnv", "configMapAsVolume", "configMapAsEnv")) {
      int i = 0;
      for (JsonNode entry : config.path(list)) {
        String at = list + "[" + i++ + "]";
        if (entry.path("optional").asBoolean(false)) {
          throw refused(task, at + ".optional: true", "kfp4j's model holds secrets and config maps that must exist, as its "
              + "envFromSecret, envFromConfigMap, mountSecret and mountConfigMap give them");
        }
        if (list.endsWith("Env") && entry.path("keyToEnv").isEmpty()) {
          throw refused(task, at + " without keyToEnv", "kfp4j's model holds an env variable per key");
        }
      }
    }
    int i = 0;
    for (JsonNode m : config.path("pvcMount")) {
      String at = "pvcMount[" + i++ + "]";
      JsonNode p = m.path("pvcNameParameter");
      if (p.size() > 1) {
        throw refused(task, at + ".pvcNameParameter " + p, "it gives the claim's name one way: runtimeValue, taskOutputParameter or "
            + "componentInputParameter");
      }
      for (String old : List.of("constant", "componentInputParameter", "taskOutputParameter")) {
        JsonNode now = old.equals("constant") ? p.path("runtimeValue").path("constant") : p.path(old);
        if (m.has(old) && !p.isMissingNode() && !m.get(old).equals(now)) {
          throw refused(task, at + "." + old + " " + m.get(old) + " beside pvcNameParameter " + p, "the two name different claims");
        }
      }
    }
  }

  /**
   * Refuses a name given other than as a string constant ({@code <field>Parameter.runtimeValue.constant},
   * or the deprecated {@code <field>}): from {@code componentInputParameter} or {@code
   * taskOutputParameter} it is known only when the task runs; and refuses two names that differ.
   */
  private static void name(String task, JsonNode entry, String at, String field) {
    JsonNode p = entry.path(field + "Parameter");
    if (p.isMissingNode()) {
      return;
    }
    for (String key : p.propertyNames()) {
      if (!key.equals("runtimeValue")) {
        throw refused(task, at + "." + field + "Parameter." + key + " " + p.get(key), "the name comes from a parameter, known only when "
            + "the task runs; kfp4j's model holds secret and config map names as constants");
      }
    }
    JsonNode value = p.path("runtimeValue");
    if (value.size() != 1 || !value.path("constant").isString()) {
      throw refused(task, at + "." + field + "Parameter.runtimeValue " + value, "kfp4j's model holds a name as a string constant");
    }
    String name = value.get("constant").asString();
    if (entry.has(field) && !entry.get(field).asString("").equals(name)) {
      throw refused(task, at + "." + field + " '" + entry.get(field).asString("") + "' beside " + field + "Parameter '" + name + "'",
          "the two name different objects");
    }
  }

  private static IllegalArgumentException refused(String task, String what, String why) {
    return new IllegalArgumentException("task '" + task + "': its Kubernetes setting " + what + " is not in kfp4j's model, which would "
        + "lose it (" + why + ")");
  }
}
