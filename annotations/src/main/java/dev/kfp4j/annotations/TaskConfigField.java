package dev.kfp4j.annotations;

/**
 * A field of a task's configuration that a {@link Component} passes through to the workload it
 * launches, as KFP 2's {@code dsl.TaskConfigField} ({@code TaskConfigPassthroughType} in KFP's
 * pipeline spec): list it in {@link TaskConfigPassthrough}.
 */
public enum TaskConfigField {
  /** The task's CPU, memory and accelerator requests and limits ({@code resources}). */
  RESOURCES,
  /** The task's env variables ({@code env}). */
  ENV,
  /** The task's node and pod affinities ({@code affinity}). */
  KUBERNETES_AFFINITY,
  /** The task's tolerations ({@code tolerations}). */
  KUBERNETES_TOLERATIONS,
  /** The task's node selector ({@code nodeSelector}). */
  KUBERNETES_NODE_SELECTOR,
  /**
   * The task's claims, secrets and config maps mounted as volumes ({@code volumes} and {@code
   * volumeMounts}); applied to the task too, a claim must be {@code ReadWriteMany} or {@code
   * ReadOnlyMany} for both pods to mount it.
   */
  KUBERNETES_VOLUMES
}
