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
 * ({@code set_env_variable}), pvc_mount.py (kfp-kubernetes' {@code mount_pvc} of a claim a pipeline parameter names) and
 * pvc_mount_subpath.py (its {@code sub_path}: each task mounts a folder of the claim).
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

  @Component
  public static void writeToModels() throws IOException {
    Files.createDirectories(Path.of("/data"));
    Files.writeString(Path.of("/data/model.txt"), "model data");
    System.out.println("Written model data");
  }

  @Component
  public static void writeToLogs() throws IOException {
    Files.createDirectories(Path.of("/data"));
    Files.writeString(Path.of("/data/log.txt"), "log data");
    System.out.println("Written log data");
  }

  @Component
  public static void readFromModels() throws IOException {
    System.out.println("Read from models: " + Files.readString(Path.of("/data/model.txt")));
  }

  @Component
  public static void readFromLogs() throws IOException {
    System.out.println("Read from logs: " + Files.readString(Path.of("/data/log.txt")));
  }

  @Pipeline(name = "pvc-mount-subpath-pipeline", formats = Format.KFP2)
  public static void pvcMountSubpathPipeline(String pvc_name) {
    var writeModels = KubernetesPortsOps.writeToModels().mountPvc(pvc_name, "/data", "models");
    var writeLogs = KubernetesPortsOps.writeToLogs().mountPvc(pvc_name, "/data", "logs");
    KubernetesPortsOps.readFromModels().after(writeModels).mountPvc(pvc_name, "/data", "models");
    KubernetesPortsOps.readFromLogs().after(writeLogs).mountPvc(pvc_name, "/data", "logs");
  }
}
