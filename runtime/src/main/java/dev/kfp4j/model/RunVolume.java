package dev.kfp4j.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A data volume of a whole run: a PersistentVolumeClaim of {@code size} made when the run starts,
 * mounted at {@code mountPath} in every task, and deleted when the run completes, whatever its
 * outcome. One access mode ({@code ReadWriteOnce} unless the cluster has a class with {@code
 * ReadWriteMany}); {@code storageClass} empty for the cluster's default. The formats write it as
 * they make such volumes: Argo as a claim template the workflow deletes on completion, KFP 2 as
 * kfp-kubernetes' {@code CreatePVC} before every task and {@code DeletePVC} after them.
 */
public record RunVolume(String size, String accessMode, String storageClass, String mountPath) {
  /** Its name in the run: the claim's and the step's that makes it. */
  public static final String NAME = "kfp4j-data";
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  public RunVolume {
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(accessMode, "accessMode");
    Objects.requireNonNull(mountPath, "mountPath");
    storageClass = storageClass == null ? "" : storageClass;
    if (!TaskSetting.QUANTITY.matcher(size).matches()) {
      throw new IllegalArgumentException("the volume's size '" + size + "' is not a Kubernetes quantity; write e.g. 1Gi or 500Mi");
    }
    if (!VolumeStep.ACCESS_MODES.contains(accessMode)) {
      throw new IllegalArgumentException("the volume's access mode '" + accessMode + "' is not one of "
          + VolumeStep.ACCESS_MODES.stream().sorted().toList());
    }
    if (!storageClass.isEmpty() && (!DNS_SUBDOMAIN.matcher(storageClass).matches() || storageClass.length() > 253)) {
      throw new IllegalArgumentException("the volume's storage class '" + storageClass + "' is not a Kubernetes name");
    }
    if (!mountPath.startsWith("/")) {
      throw new IllegalArgumentException("the volume's mount path '" + mountPath + "' must be absolute, such as /data");
    }
  }
}
