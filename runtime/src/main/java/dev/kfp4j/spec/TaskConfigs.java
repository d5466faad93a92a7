package dev.kfp4j.spec;

import dev.kfp4j.model.PodSetting;
import dev.kfp4j.model.TaskSetting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * KFP 2's task configuration ({@code dsl.TaskConfig}) in a component: its input typed {@link
 * TypeSpec#TASK_CONFIG}, which no task gives, and its {@code task_config_passthroughs}, the fields
 * of its task's settings that KFP's driver gives it in that input (and applies to the task's own pod
 * only when {@code applyToTask}). The passthroughs are kept in the component's annotation {@value
 * #ANNOTATION} ({@code RESOURCES,ENV:applyToTask}), as a KFP v1 component file keeps them; KFP 2's
 * files write them as {@code taskConfigPassthroughs}.
 */
public final class TaskConfigs {
  private TaskConfigs() {}

  /** The component annotation that lists the passthroughs. */
  public static final String ANNOTATION = "kfp4j.dev/task-config-passthroughs";
  /** The mark of a passthrough applied to the task too, after its field in {@link #ANNOTATION}. */
  private static final String APPLY = ":applyToTask";
  /** KFP's fields ({@code TaskConfigPassthroughType}), in its order. */
  public static final List<String> FIELDS =
      List.of("RESOURCES", "ENV", "KUBERNETES_AFFINITY", "KUBERNETES_TOLERATIONS", "KUBERNETES_NODE_SELECTOR", "KUBERNETES_VOLUMES");

  /** One passthrough: a field of {@link #FIELDS}, and whether it is set on the task's own pod too. */
  public record Passthrough(String field, boolean applyToTask) {
    public Passthrough {
      if (!FIELDS.contains(field)) {
        throw new IllegalArgumentException("task config passthrough '" + field + "' is none of " + FIELDS);
      }
    }
  }

  /** Whether input {@code in} takes the task's configuration. */
  public static boolean isTaskConfig(InputSpec in) {
    return TypeSpec.TASK_CONFIG.equals(in.type());
  }

  /** Whether the component takes its task's configuration or lists passthroughs: KFP 2 only. */
  public static boolean uses(ComponentSpec c) {
    return c.annotations().containsKey(ANNOTATION) || c.inputs().stream().anyMatch(TaskConfigs::isTaskConfig);
  }

  /** The component's passthroughs, in the order written; none when it lists none. */
  public static List<Passthrough> of(ComponentSpec c) {
    return parse(c.annotations().get(ANNOTATION));
  }

  /** The passthroughs of {@link #ANNOTATION}'s value; none for null. */
  public static List<Passthrough> parse(String text) {
    List<Passthrough> out = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    for (String item : text.split(",")) {
      String f = item.strip();
      boolean apply = f.endsWith(APPLY);
      out.add(new Passthrough(apply ? f.substring(0, f.length() - APPLY.length()) : f, apply));
    }
    return out;
  }

  /** {@link #ANNOTATION}'s value for {@code passthroughs}: {@code RESOURCES,ENV:applyToTask}. */
  public static String text(List<Passthrough> passthroughs) {
    StringBuilder s = new StringBuilder();
    for (Passthrough p : passthroughs) {
      s.append(s.length() == 0 ? "" : ",").append(p.field()).append(p.applyToTask() ? APPLY : "");
    }
    return s.toString();
  }

  /** {@code annotations} with the passthroughs' annotation set (or removed, for none). */
  public static Map<String, String> annotated(Map<String, String> annotations, List<Passthrough> passthroughs) {
    Map<String, String> out = new java.util.LinkedHashMap<>(annotations);
    out.remove(ANNOTATION);
    if (!passthroughs.isEmpty()) {
      out.put(ANNOTATION, text(passthroughs));
    }
    return out;
  }

  /**
   * The field of the task configuration a setting sets, as KFP's compiler checks a task against its component's
   * passthroughs ({@code _validate_task_config_passthroughs_for_*_settings}): resources and accelerators, env variables
   * of a value ({@code set_env_variable}), tolerations, node selectors, node and pod affinities, claims, secrets and
   * config maps mounted as volumes; null for any other setting (env variables from secrets, empty dirs, labels...).
   */
  public static String field(TaskSetting s) {
    if (s instanceof TaskSetting.Resource || s instanceof TaskSetting.ResourceFrom || s instanceof TaskSetting.Accelerator
        || s instanceof TaskSetting.AcceleratorFrom) {
      return "RESOURCES";
    }
    if (s instanceof TaskSetting.Env) {
      return "ENV";
    }
    if (s instanceof TaskSetting.NodeAffinity || s instanceof PodSetting.NodeAffinityFrom || s instanceof PodSetting.PodAffinity) {
      return "KUBERNETES_AFFINITY";
    }
    if (s instanceof TaskSetting.Toleration || s instanceof TaskSetting.TolerationFrom) {
      return "KUBERNETES_TOLERATIONS";
    }
    if (s instanceof TaskSetting.NodeSelector || s instanceof PodSetting.NodeSelectorFrom) {
      return "KUBERNETES_NODE_SELECTOR";
    }
    if (s instanceof TaskSetting.PvcMount || s instanceof TaskSetting.PvcMountFrom || s instanceof TaskSetting.VolumeMount
        || s instanceof TaskSetting.SecretVolume || s instanceof TaskSetting.ConfigMapVolume || s instanceof PodSetting.VolumeFrom) {
      return "KUBERNETES_VOLUMES";
    }
    return null;
  }
}
