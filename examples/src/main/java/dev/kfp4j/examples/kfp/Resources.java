package dev.kfp4j.examples.kfp;

import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.Format;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.dsl.Dsl;

/** Ports of KFP's {@code volumeop_basic.py} and the ResourceOp job sample. */
public final class Resources {
  private Resources() {}

  /** A Kubernetes Job, created by the pipeline and watched until it ends. */
  static final String JOB = """
      apiVersion: batch/v1
      kind: Job
      metadata:
        generateName: resourceop-basic-job-
      spec:
        template:
          metadata:
            name: resource-basic
          spec:
            containers:
            - name: sample-container
              image: busybox:1.36
              command: ["/bin/sh", "-c", "echo done"]
            restartPolicy: Never
        backoffLimit: 4
      """;

  /**
   * Creates a volume in the run and writes to it.
   *
   * @param size the volume's size
   */
  @Pipeline(name = "volumeop-basic")
  public static void volumeopBasic(@Default("1Gi") String size) {
    var volume = Dsl.volume("my-pvc", size);
    BasicsOps.echo("foo").mountVolume(volume, "/mnt");
  }

  /** Creates a Job, waits for it, and passes its name on. */
  // KFP 2 runs no Kubernetes resource step: written for KFP v1 (Argo) only
  @Pipeline(name = "resourceop-basic", formats = Format.ARGO)
  public static void resourceopBasic() {
    var job = Dsl.resource("create", JOB)
        .successCondition("status.succeeded > 0")
        .failureCondition("status.failed > 0")
        .attributeOutput("name", "{.metadata.name}");
    BasicsOps.echo(job.output("name"));
  }
}
