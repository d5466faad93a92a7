package dev.kfp4j.processor.javac;

import dev.kfp4j.model.Argument;
import dev.kfp4j.model.PodSetting;
import dev.kfp4j.model.TaskSetting;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code dev.kfp4j.dsl.Task} settings that take a pipeline parameter or a task's output at some
 * of their arguments, as KFP's SDK and kfp-kubernetes take a pipeline channel there (KFP 2 only but
 * for a secret's or config map's name), and the setting such a call makes.
 */
final class FromRunSettings {
  private FromRunSettings() {}

  /** By method, the indexes of the arguments that may be given when the task runs. */
  private static final Map<String, Set<Integer>> TAKES = Map.ofEntries(Map.entry("cpuRequest", Set.of(0)),
      Map.entry("cpuLimit", Set.of(0)), Map.entry("memoryRequest", Set.of(0)), Map.entry("memoryLimit", Set.of(0)),
      Map.entry("gpuLimit", Set.of(0, 1)), Map.entry("mountPvc", Set.of(0)), Map.entry("envFromSecret", Set.of(1)),
      Map.entry("envFromConfigMap", Set.of(1)), Map.entry("mountSecret", Set.of(0)), Map.entry("mountConfigMap", Set.of(0)),
      Map.entry("imagePullSecret", Set.of(0)), Map.entry("nodeSelectorJson", Set.of(0)), Map.entry("nodeAffinityJson", Set.of(0)),
      Map.entry("tolerationJson", Set.of(0)), Map.entry("containerImage", Set.of(0)));

  /** The methods whose run's value an Argo workflow takes too: a secret's or config map's name, an input of the template. */
  private static final Set<String> IN_ARGO = Set.of("envFromSecret", "envFromConfigMap", "mountSecret", "mountConfigMap");

  /** Whether an Argo workflow takes {@code method}'s values from the run too. */
  static boolean inArgo(String method) {
    return IN_ARGO.contains(method);
  }

  /** Whether argument {@code i} of {@code method} may be a pipeline parameter or a task's output. */
  static boolean takes(String method, int i) {
    return TAKES.getOrDefault(method, Set.of()).contains(i);
  }

  /**
   * The setting of a call of {@code method} with the constants {@code values} and, where those are null, the values {@code given}
   * when the task runs.
   *
   * @throws IllegalArgumentException from the setting's record, with its message
   */
  static TaskSetting make(String method, Object[] values, Argument[] given) {
    Argument first = given[0];
    return switch (method) {
      case "mountPvc" -> new TaskSetting.PvcMountFrom(first, (String) values[1], values.length > 2 ? (String) values[2] : "");
      case "gpuLimit" -> new TaskSetting.AcceleratorFrom(
          values.length < 2 ? Argument.Constant.of(TaskSetting.Accelerator.NVIDIA_GPU) : value(values[1], given[1]),
          value(values[0], given[0]));
      case "envFromSecret", "envFromConfigMap" -> new PodSetting.EnvFrom(method.equals("envFromSecret") ? PodSetting.Source.SECRET
          : PodSetting.Source.CONFIG_MAP, (String) values[0], given[1], (String) values[2], values.length > 3 && (Boolean) values[3]);
      case "mountSecret", "mountConfigMap" -> new PodSetting.VolumeFrom(method.equals("mountSecret") ? PodSetting.Source.SECRET
          : PodSetting.Source.CONFIG_MAP, first, (String) values[1], values.length > 2 && (Boolean) values[2]);
      case "imagePullSecret" -> new PodSetting.ImagePullSecretFrom(first);
      case "nodeSelectorJson" -> new PodSetting.NodeSelectorFrom(first);
      case "nodeAffinityJson" -> new PodSetting.NodeAffinityFrom(first);
      case "tolerationJson" -> new TaskSetting.TolerationFrom(first);
      case "containerImage" -> new TaskSetting.ContainerImage(first);
      default -> new TaskSetting.ResourceFrom(TaskSetting.Resource.Kind.valueOf(method.replaceAll("([A-Z])", "_$1")
          .toUpperCase(Locale.ROOT)), first);
    };
  }

  private static Argument value(Object constant, Argument given) {
    return given != null ? given : Argument.Constant.of(Constants.text(constant));
  }
}
