package dev.kfp4j.examples.kfp2;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.Format;
import dev.kfp4j.annotations.Pipeline;
import java.util.ArrayList;
import java.util.List;

/**
 * Java ports of KFP's samples {@code samples/core/resource_spec/runtime_resource_request.py} and
 * {@code runtime_resource_request_gpu.py}: a task's CPU, memory and GPU limits given by another
 * task's outputs when the pipeline runs, as the samples' commented-out lines would set them. KFP 2
 * only: an Argo workflow's resources are constants.
 */
public final class RuntimeResources {
  private RuntimeResources() {}

  /**
   * The memory and CPU a task asks for.
   *
   * @param memory a Kubernetes quantity
   * @param cpu a Kubernetes quantity
   */
  public record ResourceRequest(String memory, String cpu) {}

  /**
   * The GPUs a task asks for.
   *
   * @param nbrGpus how many
   * @param accelerator their type
   */
  public record GpuRequest(int nbrGpus, String accelerator) {}

  /**
   * Allocates a list of {@code n} numbers, to see the memory is enough.
   *
   * @param n how many numbers
   * @return how many it allocated
   */
  @Component
  public static int trainingOp(int n) {
    List<Integer> a = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      a.add(i);
    }
    return a.size();
  }

  /**
   * Returns the memory and cpu request.
   *
   * @return {@code 500Mi} and {@code 200m}
   */
  @Component
  public static ResourceRequest generateResourceRequest() {
    return new ResourceRequest("500Mi", "200m");
  }

  /**
   * Returns the gpu resource and constraints settings.
   *
   * @return one {@code NVIDIA_TESLA_K80}
   */
  @Component
  public static GpuRequest generateResourceConstraintsRequest() {
    return new GpuRequest(1, "NVIDIA_TESLA_K80");
  }

  /**
   * Tells whether it sees a GPU (KFP's sample fails without one; this one says so).
   *
   * @return what it saw
   */
  @Component
  public static String trainingJob() {
    String visible = System.getenv("NVIDIA_VISIBLE_DEVICES");
    String status = "The gpus status is: " + (visible != null && !visible.isEmpty() && !visible.equals("void"));
    System.out.println(status);
    return status;
  }

  /**
   * A task whose memory and CPU limits another task gives.
   *
   * @param n how many numbers the training allocates
   */
  @Pipeline(name = "runtime-resource-request-pipeline", formats = Format.KFP2)
  public static int resourceRequestPipeline(@Default("11234567") int n) {
    var resourceTask = RuntimeResourcesOps.generateResourceRequest();
    return RuntimeResourcesOps.trainingOp(n)
        .memoryLimit(resourceTask.memory())
        .cpuLimit(resourceTask.cpu())
        .cpuRequest("200m")
        .output();
  }

  /** A task whose GPU count and type another task gives. */
  @Pipeline(name = "runtime-resource-request-gpu-pipeline", formats = Format.KFP2)
  public static String resourceConstraintRequestPipeline() {
    var resourceConstraintsTask = RuntimeResourcesOps.generateResourceConstraintsRequest();
    return RuntimeResourcesOps.trainingJob()
        .gpuLimit(resourceConstraintsTask.nbrGpus(), resourceConstraintsTask.accelerator())
        .output();
  }
}
