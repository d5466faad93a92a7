package dev.kfp4j.examples.kfp2;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.dsl.Dsl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Java port of KFP 2.17's {@code k8s_v2.py} (kfp-kubernetes): a volume made for the run and
 * mounted, resources, retries, caching, env and a display name in the pipeline spec; a secret as
 * env, a node selector, a toleration, the pull policy, a pod label and a timeout in its
 * Kubernetes platform document.
 */
public final class KubernetesSettings {
  private KubernetesSettings() {}

  /** Where {@link #write} writes: on the volume the pipeline mounts at {@code /data}. */
  static final Path OUT = Path.of("/data/out.txt");

  /**
   * Writes text to the mounted volume and gives it back.
   *
   * @param text what to write
   * @return the text
   */
  @Component
  public static String write(String text) throws IOException {
    Files.writeString(OUT, text, StandardCharsets.UTF_8);
    return text;
  }

  /**
   * Writes text to a volume made for the run, with the Kubernetes settings of KFP's sample.
   *
   * @param text what to write
   */
  @Pipeline(name = "kubernetes-settings")
  public static void k8sPipeline(@Default("hello") String text) {
    var pvc = Dsl.volume("my-pvc", "1Gi", "ReadWriteOnce", "standard");
    KubernetesSettingsOps.write(text)
        .cpuLimit("1")
        .memoryLimit("512M")
        .retries(3)
        .caching(false)
        .env("MODE", "prod")
        .displayName("Write it")
        .mountVolume(pvc, "/data")
        .envFromSecret("DB_PASSWORD", "db", "password")
        .nodeSelector("cloud.google.com/gke-accelerator", "nvidia-tesla-t4")
        .toleration("gpu", "Equal", "true", "NoSchedule")
        .imagePullPolicy("Always")
        .podLabel("team", "ml")
        .timeout(60);
  }
}
