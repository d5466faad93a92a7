package dev.kfp4j.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Settings of a whole run, from {@code @Pipeline}: the service account its pods run as, how long
 * a finished run is kept ({@code -1}: the cluster's default), a deadline for the run ({@code 0}:
 * none), at most {@code parallelism} pods at once ({@code 0}: no limit), image pull secrets, a node
 * selector for every pod, when pods are deleted ({@code ""}: the cluster's default), a data
 * volume made for the run and mounted in every task (null: none), KFP 2's workspace (null: none),
 * how long a run that succeeded, or failed, is kept ({@code -1}: as any finished one), and KFP 2's
 * name of the pipeline shown to people ({@code pipelineInfo.displayName}, KFP's {@code
 * dsl.pipeline(display_name=...)}) and the root of its runs' artifacts ({@code defaultPipelineRoot},
 * KFP's {@code pipeline_root}): null when not set.
 */
public record PipelineSettings(
    String serviceAccount,
    int ttlSecondsAfterFinished,
    long activeDeadlineSeconds,
    int parallelism,
    List<String> imagePullSecrets,
    Map<String, String> nodeSelector,
    String podGc,
    RunVolume runVolume,
    Workspace workspace,
    int ttlSecondsAfterSuccess,
    int ttlSecondsAfterFailure,
    String displayName,
    String pipelineRoot) {
  /** KFP's service account, the default. */
  public static final String PIPELINE_RUNNER = "pipeline-runner";
  /** When pods may be deleted, as Argo's {@code podGC.strategy}. */
  public static final Set<String> POD_GC = Set.of("OnPodCompletion", "OnPodSuccess", "OnWorkflowCompletion", "OnWorkflowSuccess");
  /** Every setting at its default. */
  public static final PipelineSettings DEFAULTS = new PipelineSettings(PIPELINE_RUNNER, -1, 0, 0, List.of(), Map.of(), "", null, null, -1, -1, null, null);

  public PipelineSettings {
    serviceAccount = serviceAccount == null ? "" : serviceAccount;
    imagePullSecrets = List.copyOf(imagePullSecrets);
    nodeSelector = Models.copy(nodeSelector);
    podGc = podGc == null ? "" : podGc;
    displayName = displayName == null || displayName.isEmpty() ? null : displayName;
    pipelineRoot = pipelineRoot == null || pipelineRoot.isEmpty() ? null : pipelineRoot;
    if (!podGc.isEmpty() && !POD_GC.contains(podGc)) {
      throw new IllegalArgumentException("podGc '" + podGc + "' must be one of " + POD_GC.stream().sorted().toList());
    }
  }

  /** Settings without a run volume or a workspace. */
  public PipelineSettings(String serviceAccount, int ttlSecondsAfterFinished, long activeDeadlineSeconds, int parallelism,
      List<String> imagePullSecrets, Map<String, String> nodeSelector, String podGc) {
    this(serviceAccount, ttlSecondsAfterFinished, activeDeadlineSeconds, parallelism, imagePullSecrets, nodeSelector, podGc, null, null,
        -1, -1);
  }

  /** These settings, keeping finished runs for {@code seconds}. */
  public PipelineSettings withTtl(int seconds) {
    return new PipelineSettings(serviceAccount, seconds, activeDeadlineSeconds, parallelism, imagePullSecrets, nodeSelector, podGc,
        runVolume, workspace, ttlSecondsAfterSuccess, ttlSecondsAfterFailure, displayName, pipelineRoot);
  }

  /** These settings with {@code volume} made for each run and mounted in every task (null: none). */
  public PipelineSettings withRunVolume(RunVolume volume) {
    return new PipelineSettings(serviceAccount, ttlSecondsAfterFinished, activeDeadlineSeconds, parallelism, imagePullSecrets,
        nodeSelector, podGc, volume, workspace, ttlSecondsAfterSuccess, ttlSecondsAfterFailure, displayName, pipelineRoot);
  }

  /** These settings with KFP 2's {@code workspace} (null: none). */
  public PipelineSettings withWorkspace(Workspace workspace) {
    return new PipelineSettings(serviceAccount, ttlSecondsAfterFinished, activeDeadlineSeconds, parallelism, imagePullSecrets,
        nodeSelector, podGc, runVolume, workspace, ttlSecondsAfterSuccess, ttlSecondsAfterFailure, displayName, pipelineRoot);
  }

  /**
   * These settings, keeping a finished run for {@code success} seconds when it succeeded and {@code
   * failure} when it failed ({@code -1}: as {@link #ttlSecondsAfterFinished}), as KFP's {@code
   * PipelineConfig(ttl_seconds_after_success, ttl_seconds_after_failure)} and Argo's {@code ttlStrategy}.
   */
  public PipelineSettings withTtls(int success, int failure) {
    return new PipelineSettings(serviceAccount, ttlSecondsAfterFinished, activeDeadlineSeconds, parallelism, imagePullSecrets,
        nodeSelector, podGc, runVolume, workspace, success, failure, displayName, pipelineRoot);
  }

  /** Settings without a display name or pipeline root. */
  public PipelineSettings(String serviceAccount, int ttlSecondsAfterFinished, long activeDeadlineSeconds, int parallelism,
      List<String> imagePullSecrets, Map<String, String> nodeSelector, String podGc, RunVolume runVolume, Workspace workspace,
      int ttlSecondsAfterSuccess, int ttlSecondsAfterFailure) {
    this(serviceAccount, ttlSecondsAfterFinished, activeDeadlineSeconds, parallelism, imagePullSecrets, nodeSelector, podGc, runVolume,
        workspace, ttlSecondsAfterSuccess, ttlSecondsAfterFailure, null, null);
  }

  /** These settings with KFP 2's display name and pipeline root ({@code null} or empty: none). */
  public PipelineSettings withInfo(String displayName, String pipelineRoot) {
    return new PipelineSettings(serviceAccount, ttlSecondsAfterFinished, activeDeadlineSeconds, parallelism, imagePullSecrets,
        nodeSelector, podGc, runVolume, workspace, ttlSecondsAfterSuccess, ttlSecondsAfterFailure, displayName, pipelineRoot);
  }
}
