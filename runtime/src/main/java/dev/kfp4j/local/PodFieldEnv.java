package dev.kfp4j.local;

import dev.kfp4j.model.Task;
import dev.kfp4j.model.TaskSetting;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The env variables a task reads from its pod's labels and annotations ({@code envFromField("L",
 * "metadata.labels['team']")}, kfp-kubernetes' {@code use_field_path_as_env}): those the task sets itself ({@code podLabel},
 * {@code podAnnotation}), and, as Kubernetes gives a key the pod has not, empty for the others.
 */
final class PodFieldEnv {
  /** An env variable's field of the pod that is one of its labels or annotations, {@code metadata.labels['key']}. */
  private static final Pattern POD_METADATA = Pattern.compile("metadata\\.(labels|annotations)\\['([^']+)'\\]");

  private PodFieldEnv() {}

  /** The variables {@code task} reads from its pod's labels and annotations, by name. */
  static Map<String, String> of(Task task) {
    Map<String, String> labels = new LinkedHashMap<>();
    Map<String, String> annotations = new LinkedHashMap<>();
    for (TaskSetting s : task.settings()) {
      if (s instanceof TaskSetting.PodLabel l) {
        labels.put(l.key(), l.value());
      } else if (s instanceof TaskSetting.PodAnnotation a) {
        annotations.put(a.key(), a.value());
      }
    }
    Map<String, String> env = new LinkedHashMap<>();
    for (TaskSetting s : task.settings()) {
      if (s instanceof TaskSetting.FieldPathEnv f) {
        Matcher m = POD_METADATA.matcher(f.fieldPath());
        if (m.matches()) {
          env.put(f.name(), (m.group(1).equals("labels") ? labels : annotations).getOrDefault(m.group(2), ""));
        }
      }
    }
    return env;
  }
}
