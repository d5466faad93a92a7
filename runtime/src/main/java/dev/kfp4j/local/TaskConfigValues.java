package dev.kfp4j.local;

import dev.kfp4j.format.KubernetesAffinity;
import dev.kfp4j.format.KubernetesContainer;
import dev.kfp4j.format.KubernetesPodAffinity;
import dev.kfp4j.format.KubernetesToleration;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.PodSetting;
import dev.kfp4j.model.Task;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.spec.TaskConfigs;
import dev.kfp4j.yaml.Yaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A task's configuration (KFP 2's {@code dsl.TaskConfig}) as KFP's driver gives it a component that takes one: the fields
 * its passthroughs list, each as Kubernetes' JSON, made from the task's settings with the values the run gives them
 * ({@link GivenSettings}); and the task's settings as the driver applies them to the task itself: a field listed without
 * {@code applyToTask} is not (its env variables are not set, its limits not applied in a container, its claims not mounted).
 *
 * <p>Left out, as the local runner has no value for them: the workspace's volume (KFP's driver adds it to the volumes),
 * and the tolerations, node selectors, affinities and accelerators whose values come from the run (which {@link
 * GivenSettings} leaves out).
 */
final class TaskConfigValues {
  private TaskConfigValues() {}

  /** The configuration's JSON text for {@code task} (its settings given their values), the fields listed only, and {@code resources} always. */
  static String json(Task task, List<TaskConfigs.Passthrough> passthroughs) {
    Set<String> listed = passthroughs.stream().map(TaskConfigs.Passthrough::field).collect(Collectors.toSet());
    ObjectNode config = Yaml.object();
    config.putObject("resources"); // as KFP's driver gives it, whose resources are a struct, {} when it passes none through
    for (TaskSetting s : task.settings()) {
      String field = field(s);
      if (field == null || !listed.contains(field)) {
        continue;
      }
      switch (field) {
        case "RESOURCES" -> KubernetesContainer.resource(config.withObject("resources"), s);
        case "ENV" -> env(config.withArray("env"), s);
        case "KUBERNETES_AFFINITY" -> affinity(config.withObject("affinity"), s);
        case "KUBERNETES_TOLERATIONS" -> KubernetesToleration.write(config.withArray("tolerations"), (TaskSetting.Toleration) s);
        case "KUBERNETES_NODE_SELECTOR" -> config.withObject("nodeSelector").put(((TaskSetting.NodeSelector) s).label(),
            ((TaskSetting.NodeSelector) s).value());
        default -> volume(config, s);
      }
    }
    return Yaml.jsonText(config);
  }

  /** {@code task} with the settings KFP's driver applies to its pod: all but those of a field listed without {@code applyToTask}. */
  static Task onTask(Task task, List<TaskConfigs.Passthrough> passthroughs) {
    Set<String> notApplied = passthroughs.stream().filter(p -> !p.applyToTask()).map(TaskConfigs.Passthrough::field)
        .collect(Collectors.toSet());
    if (notApplied.isEmpty()) {
      return task;
    }
    List<TaskSetting> settings = new ArrayList<>();
    for (TaskSetting s : task.settings()) {
      if (field(s) == null || !notApplied.contains(field(s))) {
        settings.add(s);
      }
    }
    return new Task(task.name(), task.component(), task.arguments(), task.after(), settings);
  }

  /**
   * The field a setting the run has given its values sets, as KFP's driver fills the configuration: {@link
   * TaskConfigs#field}'s, and env variables from secrets, config maps and the pod's fields (which the driver puts in
   * {@code env} too, though KFP's compiler does not refuse them for a component that does not list {@code ENV}).
   */
  private static String field(TaskSetting s) {
    if (s instanceof TaskSetting.SecretEnv || s instanceof TaskSetting.ConfigMapEnv || s instanceof TaskSetting.FieldPathEnv
        || s instanceof PodSetting.EnvFrom) {
      return "ENV";
    }
    if (s instanceof TaskSetting.ResourceFrom || s instanceof TaskSetting.AcceleratorFrom || s instanceof TaskSetting.TolerationFrom
        || s instanceof PodSetting.NodeSelectorFrom || s instanceof PodSetting.NodeAffinityFrom || s instanceof TaskSetting.PvcMountFrom
        || s instanceof TaskSetting.VolumeMount || s instanceof PodSetting.VolumeFrom) {
      return null; // a value of the run the local runner does not give (GivenSettings made the others constant ones)
    }
    return TaskConfigs.field(s);
  }

  private static void env(ArrayNode env, TaskSetting s) {
    if (s instanceof PodSetting.EnvFrom e && e.object() instanceof Argument.Constant c) { // one that may be missing
      KubernetesContainer.envFrom(env, e, c.text());
    } else {
      KubernetesContainer.env(env, s);
    }
  }

  private static void affinity(ObjectNode affinity, TaskSetting s) {
    if (s instanceof TaskSetting.NodeAffinity n) {
      KubernetesAffinity.writeNodeAffinity(affinity, n);
    } else if (s instanceof PodSetting.PodAffinity p) {
      KubernetesPodAffinity.writeArgo(affinity, p);
    }
  }

  private static void volume(ObjectNode config, TaskSetting s) {
    String name;
    ObjectNode volume = Yaml.object();
    String mountPath;
    String subPath = "";
    if (s instanceof TaskSetting.PvcMount m) {
      name = m.claim();
      volume.put("name", name).putObject("persistentVolumeClaim").put("claimName", m.claim());
      mountPath = m.mountPath();
      subPath = m.subPath();
    } else if (s instanceof TaskSetting.SecretVolume v) {
      name = v.secret();
      volume.put("name", name).putObject("secret").put("secretName", v.secret()).put("optional", false);
      mountPath = v.mountPath();
    } else if (s instanceof TaskSetting.ConfigMapVolume v) {
      name = v.configMap();
      volume.put("name", name).putObject("configMap").put("name", v.configMap()).put("optional", false);
      mountPath = v.mountPath();
    } else {
      return;
    }
    config.withArray("volumes").add(volume);
    ObjectNode mount = config.withArray("volumeMounts").addObject().put("name", name).put("mountPath", mountPath);
    if (!subPath.isEmpty()) {
      mount.put("subPath", subPath);
    }
  }
}
