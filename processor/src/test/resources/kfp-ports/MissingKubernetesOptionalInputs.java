package ports;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Format;
import dev.kfp4j.annotations.Pipeline;
import java.lang.annotation.ElementType;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;

/** KFP's critical/missing_kubernetes_optional_inputs.py: Kubernetes settings from pipeline parameters a run may leave out (@Nullable). */
public final class MissingKubernetesOptionalInputs {
  private MissingKubernetesOptionalInputs() {}

  @Target(ElementType.PARAMETER)
  public @interface Nullable {}

  @Component
  public static void logMessage(String message) {
    System.out.println(message);
  }

  @Pipeline(formats = Format.KFP2)
  public static void missingKubernetesOptionalInputsPipeline(@Nullable Map<String, Object> optional_affinity,
      @Nullable Map<String, Object> optional_selector, @Nullable String optional_secret_name, @Nullable String optional_config_map_name,
      @Nullable String optional_image_pull_secret_name, @Nullable List<Map<String, Object>> optional_tolerations) {
    MissingKubernetesOptionalInputsOps.logMessage("baseline task").caching(false)
        .nodeAffinityJson(optional_affinity)
        .nodeSelectorJson(optional_selector)
        .envFromSecret("PASSWORD", optional_secret_name, "password", true)
        .mountSecret(optional_secret_name, "/mnt/secret", true)
        .envFromConfigMap("SETTING", optional_config_map_name, "setting", true)
        .mountConfigMap(optional_config_map_name, "/mnt/config", true)
        .imagePullSecret(optional_image_pull_secret_name)
        .tolerationJson(optional_tolerations);
  }
}
