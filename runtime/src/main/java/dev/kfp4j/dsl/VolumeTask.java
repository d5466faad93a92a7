package dev.kfp4j.dsl;

/**
 * A step that creates a PersistentVolumeClaim named {@code <workflow>-<resourceName>} in the run,
 * as KFP's {@code VolumeOp}; mount it into tasks with {@link Task#mountVolume}. Made by {@link
 * Dsl#volume}.
 */
public final class VolumeTask extends Task<VolumeTask> {
  VolumeTask(Object[] namesAndValues) {
    super("volume", namesAndValues);
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
