package ports;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.Format;
import dev.kfp4j.annotations.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * KFP files setting a task's environment and mounts, in Java: essential/component_with_env_variable.py
 * ({@code set_env_variable}) and pvc_mount.py (kfp-kubernetes' {@code mount_pvc} of a claim a pipeline parameter names).
 */
public final class KubernetesPorts {
  private KubernetesPorts() {}

  @Component
  public static String readEnvVar(String var_name) {
    return System.getenv().getOrDefault(var_name, "UNSET");
  }

  @Pipeline(formats = Format.KFP2)
  public static String pipelineWithEnvVariable(@Default("KFP_TEST_ENV_VAR") String var_name) {
    var task = KubernetesPortsOps.readEnvVar(var_name).env("KFP_TEST_ENV_VAR", "env_var_value");
    return task.output();
  }

  @Component
  public static String producer() throws IOException {
    Files.writeString(Path.of("/data/file.txt"), "hello");
    return Files.readString(Path.of("/data/file.txt"));
  }

  @Component
  public static void consumer() throws IOException {
    System.out.println(Files.readString(Path.of("/data/file.txt")));
  }

  @Pipeline(name = "pvc-mount-pipeline", formats = Format.KFP2)
  public static void pvcMountPipeline(String pvc_name) {
    var p = KubernetesPortsOps.producer().mountPvc(pvc_name, "/data");
    KubernetesPortsOps.consumer().after(p).mountPvc(pvc_name, "/data");
  }
}
