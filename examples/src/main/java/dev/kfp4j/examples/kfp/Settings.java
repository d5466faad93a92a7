package dev.kfp4j.examples.kfp;

import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.Format;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.dsl.Dsl;
import dev.kfp4j.examples.CalcOps;

/** Ports of KFP's {@code retry.py}, {@code timeout.py}, {@code volume.py}, {@code default_value.py} and the exit handler sample. */
public final class Settings {
  private Settings() {}

  /** Retries, a timeout, resources, env, node selection and caching on tasks. */
  // podGc is Argo's: written for KFP v1 only (kfp2.KubernetesSettings has the settings in KFP 2's form)
  @Pipeline(name = "task-settings", ttlSecondsAfterFinished = 3600, activeDeadlineSeconds = 7200, podGc = "OnPodSuccess",
      formats = Format.ARGO)
  public static void taskSettings() {
    var first = CalcOps.add(1, 2)
        .retries(3, "OnFailure")
        .retryBackoff("5s", 2, "1m")
        .timeout(60)
        .displayName("add with retries");
    CalcOps.multiply(first.output(), 2)
        .cpuRequest("500m").cpuLimit("2")
        .memoryRequest("512Mi").memoryLimit("2Gi")
        .gpuLimit(1)
        .env("MODE", "fast")
        .envFromSecret("TOKEN", "api-secret", "token")
        .nodeSelector("cloud.google.com/gke-accelerator", "nvidia-tesla-t4")
        .toleration("gpu", "Equal", "true", "NoSchedule")
        .imagePullPolicy("IfNotPresent")
        .podLabel("team", "ml")
        .podAnnotation("owner", "ml-platform")
        .caching(false);
    CalcOps.subtract(10, 1).after(first);
  }

  /** Two calls in a row of a component that counts its calls. */
  @Pipeline(name = "count-calls")
  public static void countCalls() {
    var first = BasicsOps.countCalls("first");
    BasicsOps.countCalls("second").after(first);
  }

  /** Mounts an existing volume claim into a task. */
  @Pipeline(name = "volume")
  public static void volume() {
    BasicsOps.echo("writes to /mnt").mountPvc("my-pvc", "/mnt");
  }

  /**
   * Pipeline parameters with defaults.
   *
   * @param a a number with a default
   * @param b a number without one
   */
  @Pipeline(name = "default-value")
  public static void defaultValue(@Default("10") int a, int b) {
    CalcOps.add(a, b);
  }

  /**
   * An exit handler that runs whatever happens to the tasks inside it.
   *
   * @param url what to download
   */
  @Pipeline(name = "exit-handler")
  public static void exitHandler(@Default("gs://bucket/file") String url) {
    Dsl.exitHandler(BasicsOps.echo("exit!"), () -> {
      var download = BasicsOps.echo(url);
      BasicsOps.echo(download.output());
    });
  }
}
