package dev.kfp4j.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A PersistentVolumeClaim made for the run, as KFP's {@code VolumeOp} (v1) and kfp-kubernetes'
 * {@code CreatePVC} (v2): named {@code <run>-<resourceName>}, of {@code size} (a quantity: a
 * constant or a pipeline parameter), an access mode and a storage class (empty: the cluster's
 * default). Tasks mount it with {@link TaskSetting.VolumeMount}. Its outputs are {@code name},
 * {@code size} and {@code manifest}. {@code deletion} says whether and how the claim is deleted
 * (null: it is kept after the run, as a KFP 2 spec with no {@code DeletePVC} keeps it).
 */
public record VolumeStep(
    String name,
    String resourceName,
    Argument size,
    String accessMode,
    String storageClass,
    List<String> after,
    List<TaskSetting> settings,
    Deletion deletion)
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

  /**
   * The claim's deletion, by kfp-kubernetes' {@code DeletePVC}: a step named {@code name}, run after the steps {@code after}
   * (the volume step among them, as KFP's compiler lists it; a step in a loop or condition stands for its group) when they
   * succeeded, or, {@code whateverHappened}, when they are done ({@code ALL_UPSTREAM_TASKS_COMPLETED}). {@code after} null: after
   * every step that mounts the claim, whatever happened to them ({@link #afterMounts}, what {@code Dsl.volume} and a run's
   * volume mean in KFP 2). {@code settings}: its caching ({@link RunSetting.Caching}).
   */
  public record Deletion(String name, List<String> after, boolean whateverHappened, List<TaskSetting> settings) {
    public Deletion {
      Objects.requireNonNull(name, "name");
      after = after == null ? null : List.copyOf(after);
      settings = List.copyOf(settings);
      if (after == null && !whateverHappened) {
        throw new IllegalArgumentException("a claim deleted after the steps that mount it is deleted whatever happened to them");
      }
    }

    /**
     * kfp4j's own deletion of the claim volume step {@code volume} makes: {@code <volume>-delete} ({@code deletepvc} for {@code
     * createpvc}, as kfp-kubernetes names them), after every step that mounts it, whatever happened to them.
     */
    public static Deletion afterMounts(String volume) {
      String name = volume.startsWith("createpvc") ? "deletepvc" + volume.substring("createpvc".length()) : volume + "-delete";
      return new Deletion(name, null, true, List.of());
    }

    /** Whether it runs after every step that mounts the claim. */
    public boolean afterMounts() {
      return after == null;
    }
  }

  @Override
  public Map<String, Argument> arguments() {
    return Map.of("size", size);
  }
}
