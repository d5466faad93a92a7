package dev.kfp4j.annotations;

/**
 * A format the processor writes a {@link Pipeline} in: {@link #ARGO}, the Argo Workflow KFP v1
 * runs, and {@link #KFP2}, KFP 2's pipeline spec. Which a build writes is the processor option
 * {@code kfp4j.formats}; {@link Pipeline#formats()} overrides it for one pipeline.
 */
public enum Format {
  /** The Argo Workflow ({@code META-INF/kfp4j/pipelines/<name>.yaml}), for KFP v1 and {@code argo submit}. */
  ARGO,
  /** KFP 2's pipeline spec ({@code META-INF/kfp4j/kfp2/pipelines/<name>.yaml}). */
  KFP2
}
