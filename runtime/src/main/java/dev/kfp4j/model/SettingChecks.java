package dev.kfp4j.model;

import dev.kfp4j.spec.Names;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** The checks {@link TaskSetting}'s records make of their values, each with a message naming the DSL method. */
final class SettingChecks {
  private SettingChecks() {}

  /** A Kubernetes label: its key and value as the API server takes them. */
  static void checkLabel(String method, String key, String value) {
    checkKey(method, key);
    String why = Names.whyInvalidLabelValue(value);
    if (why != null) {
      throw new IllegalArgumentException(method + "(\"" + key + "\", \"" + value + "\"): '" + value + "' is not a Kubernetes label value: " + why);
    }
  }

  static void checkKey(String method, String key) {
    String why = Names.whyInvalidLabelKey(key);
    if (why != null) {
      throw new IllegalArgumentException(method + "(\"" + key + "\", ...): '" + key + "' is not a Kubernetes key: " + why);
    }
  }

  static void checkEnvName(String method, String name) {
    Objects.requireNonNull(name, "name");
    if (!TaskSetting.ENV_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(method + ": '" + name + "' is not a valid environment variable name");
    }
  }

  static void checkMountPath(String method, String path) {
    Objects.requireNonNull(path, "mountPath");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException(method + ": the mount path '" + path + "' must be absolute");
    }
  }

  static void checkSubPath(String subPath) {
    String why = whyBadSubPath(Objects.requireNonNull(subPath, "subPath"));
    if (why != null) {
      throw new IllegalArgumentException(why);
    }
  }

  /** Kubernetes' rule for a volumeMount's {@code subPath} (a path that descends into the volume), as a message; null when kept. */
  static String whyBadSubPath(String subPath) {
    if (subPath.startsWith("/")) {
      return "mountPvc: the sub-path '" + subPath + "' is absolute, which Kubernetes refuses as a volumeMount's subPath: it is a "
          + "folder within the claim; write it relative to the claim's root, such as \"" + subPath.replaceAll("^/+", "") + "\"";
    }
    if (java.util.Arrays.asList(subPath.split("[/\\\\]")).contains("..")) {
      return "mountPvc: the sub-path '" + subPath + "' contains '..', which Kubernetes refuses as a volumeMount's subPath: it may not "
          + "leave the claim; write a folder within it, such as \"models\"";
    }
    return null;
  }

  static java.util.List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }

  private static final Pattern KEYED = Pattern.compile("metadata\\.(labels|annotations)\\['([^'\\]]+)'\\]");

  static void checkFieldPath(String name, String fieldPath) {
    checkEnvName("envFromField", name);
    Objects.requireNonNull(fieldPath, "fieldPath");
    var keyed = KEYED.matcher(fieldPath);
    if (!TaskSetting.FieldPathEnv.FIELDS.contains(fieldPath) && !keyed.matches()) {
      throw new IllegalArgumentException("envFromField(\"" + name + "\", \"" + fieldPath + "\"): '" + fieldPath
          + "' is not a field of the pod Kubernetes gives an env variable; write one of " + sorted(TaskSetting.FieldPathEnv.FIELDS)
          + ", metadata.labels['key'] or metadata.annotations['key']");
    }
    if (keyed.matches()) {
      checkKey("envFromField", keyed.group(2));
    }
  }

  static void checkEmptyDir(String volume, String mountPath, String medium, String sizeLimit) {
    checkVolumeName("mountEmptyDir", volume);
    checkMountPath("mountEmptyDir", mountPath);
    if (!TaskSetting.EmptyDirMount.MEDIA.contains(medium) && !medium.matches("HugePages-[0-9]+[KMG]i")) {
      throw new IllegalArgumentException("mountEmptyDir(\"" + volume + "\", ...): the medium must be \"\" (the node's disk), "
          + "\"Memory\" or \"HugePages\", not '" + medium + "'");
    }
    if (!sizeLimit.isEmpty() && !TaskSetting.QUANTITY.matcher(sizeLimit).matches()) {
      throw new IllegalArgumentException("mountEmptyDir(\"" + volume + "\", ...): the size limit '" + sizeLimit
          + "' is not a Kubernetes quantity; write e.g. \"1Gi\", or \"\" for none");
    }
  }

  static void checkEphemeral(String volume, String mountPath, List<String> accessModes, String size, String storageClass,
      Map<String, String> labels, Map<String, String> annotations) {
    String call = "mountEphemeralVolume(\"" + volume + "\", ...)";
    checkVolumeName("mountEphemeralVolume", volume);
    checkMountPath("mountEphemeralVolume", mountPath);
    if (accessModes.isEmpty() || !VolumeStep.ACCESS_MODES.containsAll(accessModes)) {
      throw new IllegalArgumentException(call + ": the access modes " + accessModes + " are one or more of "
          + sorted(VolumeStep.ACCESS_MODES));
    }
    if (!TaskSetting.QUANTITY.matcher(size).matches()) {
      throw new IllegalArgumentException(call + ": the size '" + size + "' is not a Kubernetes quantity; write e.g. \"5Gi\"");
    }
    if (!storageClass.isEmpty() && Names.whyInvalidObjectName(storageClass) != null) {
      throw new IllegalArgumentException(call + ": the storage class '" + storageClass + "' " + Names.whyInvalidObjectName(storageClass)
          + " (\"\": the cluster's default)");
    }
    labels.forEach((k, v) -> checkLabel("mountEphemeralVolume", k, v));
    annotations.keySet().forEach(k -> checkKey("mountEphemeralVolume", k));
  }

  private static void checkVolumeName(String method, String volume) {
    Objects.requireNonNull(volume, "volume");
    String why = Names.whyInvalidKubernetesName(volume);
    if (why != null) {
      throw new IllegalArgumentException(method + "(\"" + volume + "\", ...): the volume name '" + volume + "' is not a Kubernetes "
          + "name: " + why);
    }
  }

  /** A setting's value given at run time: a pipeline parameter or a task's output. */
  static void checkFromRun(String method, Argument a) {
    if (!(a instanceof Argument.PipelineParameter) && !(a instanceof Argument.TaskOutput)) {
      throw new IllegalArgumentException(method + "(" + a + "): a setting given at run time comes from a pipeline parameter or a "
          + "task's output");
    }
  }

  /** A node selector requirement of {@code nodeAffinity}: an operator it knows, with the values it takes. */
  static void checkRequirement(String key, String operator, List<String> values) {
    String call = "nodeAffinity(\"" + key + "\", \"" + operator + "\", ...)";
    if (key.isEmpty()) {
      throw new IllegalArgumentException(call + ": the key is empty");
    }
    if (!TaskSetting.NodeAffinity.Requirement.OPERATORS.contains(operator)) {
      throw new IllegalArgumentException(call + ": the operator must be one of " + sorted(TaskSetting.NodeAffinity.Requirement.OPERATORS));
    }
    boolean none = operator.equals("Exists") || operator.equals("DoesNotExist");
    boolean one = operator.equals("Gt") || operator.equals("Lt");
    if (none ? !values.isEmpty() : one ? values.size() != 1 || !values.get(0).matches("-?[0-9]+") : values.isEmpty()) {
      throw new IllegalArgumentException(call + ": " + operator + " takes " + (none ? "no values" : one ? "one whole number"
          : "one value or more"));
    }
  }

  /** A toleration's operator and effect, of those Kubernetes knows. */
  static void checkToleration(String operator, String effect) {
    if (!TaskSetting.Toleration.OPERATORS.contains(operator)) {
      throw new IllegalArgumentException("toleration: the operator must be one of " + sorted(TaskSetting.Toleration.OPERATORS)
          + ", not '" + operator + "'");
    }
    if (!TaskSetting.Toleration.EFFECTS.contains(effect)) {
      throw new IllegalArgumentException("toleration: the effect must be \"\" (every effect), \"NoExecute\", \"NoSchedule\" or "
          + "\"PreferNoSchedule\", not '" + effect + "'");
    }
  }

  /** A retry backoff's durations ({@code 500ms}, {@code 10s}; the maximum may be empty) and factor, at least 1. */
  static void checkBackoff(String duration, int factor, String maxDuration) {
    if (!TaskSetting.DURATION.matcher(duration).matches() || (!maxDuration.isEmpty() && !TaskSetting.DURATION.matcher(maxDuration).matches())) {
      throw new IllegalArgumentException("retryBackoff(\"" + duration + "\", " + factor + ", \"" + maxDuration
          + "\"): durations are like \"500ms\", \"10s\", \"1m\" or \"2h\" (the maximum may be \"\": none)");
    }
    if (factor < 1) {
      throw new IllegalArgumentException("retryBackoff: the factor must be 1 or more");
    }
  }
}
