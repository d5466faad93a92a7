package dev.kfp4j.format.kfp2;

import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The fields of an executor's {@code KubernetesExecutorConfig} (kfp-kubernetes' {@code
 * kubernetes_executor_config.proto}, as JSON) that {@link SettingsReader} reads into kfp4j's model,
 * by the message they are in; any other field, or a value the model does not hold (a constant
 * node selector as JSON), is refused with one line naming it,
 * so that a spec read and written again, or run through kfp4j, never loses a setting without a word.
 */
final class KubernetesFields {
  /** The config's own fields, then each message's, by its path (list entries without an index). */
  private static final KnownFields READ = new KnownFields(withParameters(Map.ofEntries(
      Map.entry("", Set.of("secretAsVolume", "secretAsEnv", "pvcMount", "nodeSelector", "podMetadata", "imagePullSecret",
          "imagePullPolicy", "configMapAsVolume", "configMapAsEnv", "activeDeadlineSeconds", "fieldPathAsEnv", "tolerations",
          "emptyDirMounts", "nodeAffinity", "genericEphemeralVolume", "securityContext", "podAffinity")),
      Map.entry("podAffinity", Set.of("matchPodExpressions", "matchPodLabels", "topologyKey", "namespaces", "matchNamespaceExpressions",
          "matchNamespaceLabels", "weight", "anti")),
      Map.entry("podAffinity.matchPodExpressions", Set.of("key", "operator", "values")),
      Map.entry("podAffinity.matchNamespaceExpressions", Set.of("key", "operator", "values")),
      Map.entry("secretAsVolume", Set.of("secretName", "mountPath", "optional", "secretNameParameter")),
      Map.entry("secretAsEnv", Set.of("secretName", "keyToEnv", "optional", "secretNameParameter")),
      Map.entry("secretAsEnv.keyToEnv", Set.of("secretKey", "envVar")),
      Map.entry("configMapAsVolume", Set.of("configMapName", "mountPath", "optional", "configMapNameParameter")),
      Map.entry("configMapAsEnv", Set.of("configMapName", "keyToEnv", "optional", "configMapNameParameter")),
      Map.entry("configMapAsEnv.keyToEnv", Set.of("configMapKey", "envVar")),
      Map.entry("imagePullSecret", Set.of("secretName", "secretNameParameter")),
      Map.entry("pvcMount", Set.of("taskOutputParameter", "constant", "componentInputParameter", "mountPath", "pvcNameParameter",
          "subPath")),
      Map.entry("pvcMount.taskOutputParameter", Set.of("producerTask", "outputParameterKey")),
      Map.entry("nodeSelector", Set.of("labels", "nodeSelectorJson")),
      Map.entry("securityContext", Set.of("runAsUser", "runAsGroup", "runAsNonRoot")),
      Map.entry("podMetadata", Set.of("labels", "annotations")),
      Map.entry("tolerations", Set.of("key", "operator", "value", "effect", "tolerationJson")),
      Map.entry("fieldPathAsEnv", Set.of("name", "fieldPath")),
      Map.entry("emptyDirMounts", Set.of("volumeName", "mountPath", "medium", "sizeLimit")),
      Map.entry("nodeAffinity", Set.of("matchExpressions", "matchFields", "weight", "nodeAffinityJson")),
      Map.entry("nodeAffinity.matchExpressions", Set.of("key", "operator", "values")),
      Map.entry("nodeAffinity.matchFields", Set.of("key", "operator", "values")),
      Map.entry("genericEphemeralVolume", Set.of("volumeName", "mountPath", "accessModes", "size", "defaultStorageClass",
          "storageClassName", "metadata")),
      Map.entry("genericEphemeralVolume.metadata", Set.of("labels", "annotations")))));
  /** Where a secret's or config map's name is, and the deprecated field beside it. */
  private static final Map<String, String> NAMES = Map.of("secretAsVolume", "secretName", "secretAsEnv", "secretName",
      "configMapAsVolume", "configMapName", "configMapAsEnv", "configMapName", "imagePullSecret", "secretName");

  private KubernetesFields() {}

  /** {@code fields} and the fields of each of setting's {@code InputParameterSpec} (a value from a parameter) the model reads. */
  private static Map<String, Set<String>> withParameters(Map<String, Set<String>> fields) {
    Map<String, Set<String>> out = new java.util.HashMap<>(fields);
    for (String p : List.of("pvcMount.pvcNameParameter", "secretAsVolume.secretNameParameter", "secretAsEnv.secretNameParameter",
        "configMapAsVolume.configMapNameParameter", "configMapAsEnv.configMapNameParameter", "imagePullSecret.secretNameParameter",
        "nodeSelector.nodeSelectorJson", "nodeAffinity.nodeAffinityJson")) {
      out.put(p, Set.of("runtimeValue", "taskOutputParameter", "componentInputParameter"));
      out.put(p + ".runtimeValue", Set.of("constant"));
      out.put(p + ".taskOutputParameter", Set.of("producerTask", "outputParameterKey"));
    }
    return Map.copyOf(out);
  }

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
    for (String list : List.of("secretAsEnv", "configMapAsEnv")) {
      int i = 0;
      for (JsonNode entry : config.path(list)) {
        if (entry.path("keyToEnv").isEmpty()) {
          throw refused(task, list + "[" + i + "] without keyToEnv", "kfp4j's model holds an env variable per key");
        }
        i++;
      }
    }
    JsonNode selector = config.path("nodeSelector").path("nodeSelectorJson");
    if (!selector.isMissingNode()) {
      fromRun(task, "nodeSelector.nodeSelectorJson", selector, "node selector labels (nodeSelector.labels)");
    }
    int a = 0;
    for (JsonNode term : config.path("nodeAffinity")) {
      String at = "nodeAffinity[" + a++ + "]";
      if (term.has("nodeAffinityJson") && term.size() > 1) {
        throw refused(task, at + ".nodeAffinityJson beside " + String.join(", ", term.propertyNames()).replace("nodeAffinityJson, ", ""),
            "a term is given as JSON or by its requirements, as add_node_affinity_json and add_node_affinity write it");
      }
      if (term.has("nodeAffinityJson")) {
        fromRun(task, at + ".nodeAffinityJson", term.get("nodeAffinityJson"), "node affinity terms of requirements (matchExpressions)");
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
   * Refuses a name given other than one way ({@code <field>Parameter}: a string constant, a pipeline parameter or a task output;
   * or the deprecated {@code <field>}), and two names that differ.
   */
  private static void name(String task, JsonNode entry, String at, String field) {
    JsonNode p = entry.path(field + "Parameter");
    if (p.isMissingNode()) {
      return;
    }
    if (p.size() != 1) {
      throw refused(task, at + "." + field + "Parameter " + p, "it gives the name one way: runtimeValue, taskOutputParameter or "
          + "componentInputParameter");
    }
    if (!p.has("runtimeValue")) {
      if (entry.has(field)) {
        throw refused(task, at + "." + field + " '" + entry.get(field).asString("") + "' beside " + field + "Parameter " + p,
            "the name comes from the parameter when the task runs");
      }
      return;
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

  /** Refuses JSON ({@code at}) other than from one pipeline parameter or task output: a constant one is {@code constants} in the model. */
  private static void fromRun(String task, String at, JsonNode p, String constants) {
    if (p.size() != 1 || p.has("runtimeValue")) {
      throw refused(task, at + " " + p, "kfp4j's model holds JSON from a pipeline parameter or task output (componentInputParameter, "
          + "taskOutputParameter); constant ones as " + constants);
    }
  }

  private static IllegalArgumentException refused(String task, String what, String why) {
    return new IllegalArgumentException("task '" + task + "': its Kubernetes setting " + what + " is not in kfp4j's model, which would "
        + "lose it (" + why + ")");
  }
}
