package dev.kfp4j.format;

import dev.kfp4j.model.PodSetting;
import dev.kfp4j.model.TaskSetting;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Kubernetes' own JSON of a container's resources and environment variables from a task's settings,
 * which Argo's template carries as it is ({@code container.resources}, {@code container.env}) and
 * the local runner gives a component as KFP's driver gives its {@code dsl.TaskConfig}.
 */
public final class KubernetesContainer {
  private KubernetesContainer() {}

  /**
   * Puts a constant resource ({@code limits} or {@code requests} of {@code cpu} or {@code memory})
   * or accelerator (a limit of its resource) into {@code resources}; false for another setting.
   */
  public static boolean resource(ObjectNode resources, TaskSetting s) {
    if (s instanceof TaskSetting.Resource r) {
      resources.withObject(r.kind().isLimit() ? "limits" : "requests").put(r.kind().resource(), r.quantity());
      return true;
    }
    if (s instanceof TaskSetting.Accelerator a) {
      resources.withObject("limits").put(a.resource(), Integer.toString(a.count()));
      return true;
    }
    return false;
  }

  /**
   * Adds an environment variable of a value, of a key of a secret or config map of a constant name
   * ({@code valueFrom.secretKeyRef}, {@code configMapKeyRef}), or of a field of the pod ({@code
   * valueFrom.fieldRef}) to {@code env}; false for another setting.
   */
  public static boolean env(ArrayNode env, TaskSetting s) {
    if (s instanceof TaskSetting.Env e) {
      env.addObject().put("name", e.name()).put("value", e.value());
    } else if (s instanceof TaskSetting.SecretEnv e) {
      env.addObject().put("name", e.name()).putObject("valueFrom").putObject("secretKeyRef").put("name", e.secret()).put("key", e.key());
    } else if (s instanceof TaskSetting.ConfigMapEnv e) {
      env.addObject().put("name", e.name()).putObject("valueFrom").putObject("configMapKeyRef").put("name", e.configMap())
          .put("key", e.key());
    } else if (s instanceof TaskSetting.FieldPathEnv e) {
      env.addObject().put("name", e.name()).putObject("valueFrom").putObject("fieldRef").put("fieldPath", e.fieldPath());
    } else {
      return false;
    }
    return true;
  }

  /** Adds the variable of {@code s}, read from the secret or config map {@code name} ({@code optional: true} when it may be missing). */
  public static void envFrom(ArrayNode env, PodSetting.EnvFrom s, String name) {
    ObjectNode ref = env.addObject().put("name", s.name()).putObject("valueFrom")
        .putObject(s.source() == PodSetting.Source.SECRET ? "secretKeyRef" : "configMapKeyRef");
    ref.put("name", name).put("key", s.key());
    if (s.optional()) {
      ref.put("optional", true);
    }
  }
}
