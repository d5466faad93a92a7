package dev.kfp4j.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A PersistentVolumeClaim made for the run, as KFP's {@code VolumeOp} (v1) and kfp-kubernetes'
 * {@code CreatePVC} (v2): named {@code <run>-<resourceName>}, of {@code size} (a quantity: a
 * constant or a pipeline parameter), an access mode and a storage class (empty: the cluster's
 * default). Tasks mount it with {@link TaskSetting.VolumeMount}. Its outputs are {@code name},
 * {@code size} and {@code manifest}.
 */
public record VolumeStep(
    String name,
    String resourceName,
    Argument size,
    String accessMode,
    String storageClass,
    List<String> after,
    List<TaskSetting> settings)
    implements Step {
  /** The outputs a volume step has. */
  public static final List<String> OUTPUTS = List.of("manifest", "name", "size");

  public VolumeStep {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(resourceName, "resourceName");
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(accessMode, "accessMode");
    storageClass = storageClass == null ? "" : storageClass;
    after = List.copyOf(after);
    settings = List.copyOf(settings);
  }

  @Override
  public Map<String, Argument> arguments() {
    return Map.of("size", size);
  }
}
