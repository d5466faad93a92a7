package dev.kfp4j.examples.kfp2;

import static dev.kfp4j.annotations.TaskConfigField.ENV;
import static dev.kfp4j.annotations.TaskConfigField.KUBERNETES_NODE_SELECTOR;
import static dev.kfp4j.annotations.TaskConfigField.KUBERNETES_TOLERATIONS;
import static dev.kfp4j.annotations.TaskConfigField.RESOURCES;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.Format;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.annotations.TaskConfigPassthrough;
import dev.kfp4j.artifacts.TaskConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A component that launches a workload of its own and forwards its task's settings to it, as KFP
 * 2's {@code dsl.TaskConfig} sample does for a Kubeflow Trainer TrainJob: {@code launchTrainJob}
 * receives its task's resources, tolerations and node selector (which are not set on its own pod)
 * and env variables (set on its pod too), and builds the TrainJob with them. KFP 2 only.
 */
public final class TrainJob {
  private TrainJob() {}

  /**
   * What {@link #launchTrainJob} made: the TrainJob it would create, and its own pod's {@code MODE}.
   *
   * @param trainJob the TrainJob, as Kubernetes' JSON
   * @param podMode the env variable {@code MODE} of the component's own process, or {@code unset}
   */
  public record Launched(Map<String, Object> trainJob, String podMode) {}

  /**
   * Builds a TrainJob of {@code numNodes} nodes with the task's settings; a real component would
   * create it with a Kubernetes client and wait for it.
   *
   * @param numNodes the nodes to train on
   * @param config the task's configuration, given by KFP's driver
   * @return the TrainJob and the component's own {@code MODE}
   */
  @Component
  @TaskConfigPassthrough({RESOURCES, KUBERNETES_TOLERATIONS, KUBERNETES_NODE_SELECTOR})
  @TaskConfigPassthrough(value = ENV, applyToTask = true)
  public static Launched launchTrainJob(int numNodes, TaskConfig config) {
    Map<String, Object> trainer = new LinkedHashMap<>();
    trainer.put("numNodes", numNodes);
    trainer.put("resourcesPerNode", config.resources());
    trainer.put("env", config.env());
    Map<String, Object> overrides = new LinkedHashMap<>();
    overrides.put("targetJobs", List.of(Map.of("name", "node")));
    overrides.put("nodeSelector", config.nodeSelector());
    overrides.put("tolerations", config.tolerations());
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("runtimeRef", Map.of("name", "torch-distributed"));
    spec.put("trainer", trainer);
    spec.put("podSpecOverrides", List.of(overrides));
    Map<String, Object> job = new LinkedHashMap<>();
    job.put("apiVersion", "trainer.kubeflow.org/v1alpha1");
    job.put("kind", "TrainJob");
    job.put("spec", spec);
    String mode = System.getenv("MODE");
    return new Launched(job, mode == null ? "unset" : mode);
  }

  /**
   * Gives the env variables its task passes through, which are not set on its own pod.
   *
   * @param config the task's configuration
   * @return the configuration as JSON, and after a tab its own {@code STAGE}
   */
  @Component
  @TaskConfigPassthrough(ENV)
  public static String forwardEnv(TaskConfig config) {
    String stage = System.getenv("STAGE");
    return config.toJson() + "\t" + (stage == null ? "unset" : stage);
  }

  /**
   * Launches a TrainJob with the task's settings.
   *
   * @param numNodes the nodes to train on
   */
  @Pipeline(name = "train-job", formats = Format.KFP2)
  public static void trainJob(@Default("2") int numNodes) {
    TrainJobOps.launchTrainJob(numNodes)
        .cpuRequest("1")
        .memoryLimit("2Gi")
        .toleration("gpu", "Equal", "true", "NoSchedule")
        .nodeSelector("pool", "gpu")
        .env("MODE", "train");
    TrainJobOps.forwardEnv().env("STAGE", "prod");
  }
}
