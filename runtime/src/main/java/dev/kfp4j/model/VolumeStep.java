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
  /** The access modes a claim may ask for. */
  public static final java.util.Set<String> ACCESS_MODES = java.util.Set.of("ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod");
  private static final java.util.regex.Pattern DNS_SUBDOMAIN =
      java.util.regex.Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  public VolumeStep {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(resourceName, "resourceName");
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(accessMode, "accessMode");
    storageClass = storageClass == null ? "" : storageClass;
    if (!DNS_SUBDOMAIN.matcher(resourceName).matches() || resourceName.length() > 63) {
      throw new IllegalArgumentException("Dsl.volume: the resource name must be a constant valid Kubernetes name, such as \"my-pvc\"");
    }
    if (!ACCESS_MODES.contains(accessMode)) {
      throw new IllegalArgumentException("Dsl.volume: the access mode must be ReadWriteOnce, ReadOnlyMany, ReadWriteMany or ReadWriteOncePod, not '"
          + accessMode + "'");
    }
    if (!storageClass.isEmpty() && (!DNS_SUBDOMAIN.matcher(storageClass).matches() || storageClass.length() > 253)) {
      throw new IllegalArgumentException("Dsl.volume: the storage class '" + storageClass + "' is not a valid Kubernetes name");
    }
    after = List.copyOf(after);
    settings = List.copyOf(settings);
  }

  @Override
  public Map<String, Argument> arguments() {
    return Map.of("size", size);
  }
}
