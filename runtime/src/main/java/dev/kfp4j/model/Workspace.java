package dev.kfp4j.model;

import java.util.Objects;

/**
 * KFP 2's workspace of a run ({@code dsl.PipelineConfig(workspace=WorkspaceConfig(...))}): a
 * volume of {@code size} that KFP makes for each run and mounts at {@value #MOUNT_PATH} in the
 * tasks given a text with {@value #PLACEHOLDER} ({@code dsl.WORKSPACE_PATH_PLACEHOLDER}), which
 * KFP's driver replaces with that path. {@code pvcSpecPatch} is the JSON object KFP patches the
 * cluster's default claim with ({@code {"storageClassName": "fast", "accessModes":
 * ["ReadWriteMany"]}}), or null.
 */
public record Workspace(String size, String pvcSpecPatch) {
  /** KFP's {@code dsl.WORKSPACE_PATH_PLACEHOLDER}. */
  public static final String PLACEHOLDER = "{{$.workspace_path}}";
  /** Where KFP mounts the workspace in a task's container ({@code component.WorkspaceMountPath}). */
  public static final String MOUNT_PATH = "/kfp-workspace";

  public Workspace {
    Objects.requireNonNull(size, "size");
    if (!TaskSetting.QUANTITY.matcher(size).matches()) {
      throw new IllegalArgumentException("the workspace's size '" + size + "' is not a Kubernetes quantity; write e.g. 10Gi or 500Mi");
    }
  }
}
