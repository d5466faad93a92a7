package dev.kfp4j.dsl;

/**
 * A step that creates a PersistentVolumeClaim named {@code <workflow>-<resourceName>} in the run,
 * as KFP's {@code VolumeOp}, or {@code <resourceName>} itself after {@link #uniqueName
 * uniqueName(false)}; mount it into tasks with {@link Task#mountVolume}. Made by {@link
 * Dsl#volume}.
 */
public final class VolumeTask extends Task<VolumeTask> {
  VolumeTask(Object[] namesAndValues) {
    super("volume", namesAndValues);
  }

  /**
   * Whether the claim's name is made unique to the run (the default: {@code <workflow>-<resourceName>}
   * in the Argo Workflow, a random name ending in {@code -<resourceName>} in KFP 2) or is the
   * resource name itself ({@code false}: KFP v1's {@code VolumeOp(generate_unique_name=False)},
   * kfp-kubernetes' {@code CreatePVC(pvc_name=...)}), such as a claim another run or tool mounts by
   * its name. A constant. Two volumes of a pipeline may not make one claim.
   */
  public VolumeTask uniqueName(boolean unique) {
    return this;
  }

  /** The claim's name. */
  @Op.Output("name")
  public String name() {
    return output("volume", "name");
  }

  /** The claim's capacity, as Kubernetes reports it. */
  @Op.Output("size")
  public String size() {
    return output("volume", "size");
  }
}
