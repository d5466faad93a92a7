package dev.kfp4j.model;

import dev.kfp4j.spec.Names;
import java.util.Objects;
import java.util.Set;

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

  static java.util.List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }
}
