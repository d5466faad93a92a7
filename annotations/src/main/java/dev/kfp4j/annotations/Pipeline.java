package dev.kfp4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code public static} method as a pipeline, as {@code @dsl.pipeline} does. Its
 * parameters are the pipeline's parameters; its body calls generated ops; it returns nothing, or
 * a task output ({@code return done.output();}), or a record of several, as a KFP 2 pipeline's
 * outputs. The processor reads the body at compile time and writes the Argo Workflow {@code
 * META-INF/kfp4j/pipelines/<name>.yaml}, KFP 2's pipeline spec {@code
 * META-INF/kfp4j/kfp2/pipelines/<name>.yaml} (see {@link #formats()}) and a class {@code
 * <Method>Pipeline} that gives Java code the name, parameters and YAML.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Pipeline {
  /** The pipeline name; defaults to the method name in kebab-case. */
  String name() default "";

  /** The pipeline description; defaults to the method's Javadoc. */
  String description() default "";

  /**
   * The name KFP's UI shows for the pipeline, free text (KFP's {@code @dsl.pipeline(display_name=...)},
   * {@code pipelineInfo.displayName}); empty (the default) for none. KFP 2 only.
   */
  String displayName() default "";

  /**
   * Where KFP stores the artifacts of the pipeline's runs unless a run says otherwise, such as {@code
   * "s3://bucket/runs"} (KFP's {@code @dsl.pipeline(pipeline_root=...)}, {@code defaultPipelineRoot});
   * empty (the default): the cluster's. The local runner keeps artifacts in its run folder. KFP 2 only.
   */
  String pipelineRoot() default "";

  /** The Kubernetes service account the pods run as; KFP's default is {@code pipeline-runner}. */
  String serviceAccount() default "pipeline-runner";

  /** Seconds after completion before the workflow is deleted ({@code ttlStrategy}); -1 keeps it. */
  int ttlSecondsAfterFinished() default -1;

  /** Seconds after a successful run before it is deleted, over {@link #ttlSecondsAfterFinished()} (KFP's {@code ttl_seconds_after_success}); -1: as that. */
  int ttlSecondsAfterSuccess() default -1;

  /** Seconds after a failed run before it is deleted, over {@link #ttlSecondsAfterFinished()} (KFP's {@code ttl_seconds_after_failure}); -1: as that. */
  int ttlSecondsAfterFailure() default -1;

  /** Seconds the whole run may take before it is stopped; 0 for no limit. */
  long activeDeadlineSeconds() default 0;

  /** How many pods may run at once; 0 for no limit. */
  int parallelism() default 0;

  /** Names of Kubernetes secrets used to pull images. */
  String[] imagePullSecrets() default {};

  /** Node selector for every task, as {@code "label=value"} strings. */
  String[] nodeSelector() default {};

  /**
   * When Argo deletes pods: {@code OnPodCompletion}, {@code OnPodSuccess}, {@code
   * OnWorkflowCompletion}, {@code OnWorkflowSuccess}; empty keeps them.
   */
  String podGc() default "";

  /**
   * KFP 2's workspace, as {@code dsl.PipelineConfig(workspace=dsl.WorkspaceConfig(size="10Gi"))}: a
   * volume of this size KFP makes for each run, shared by the tasks given a text with {@code
   * Dsl.WORKSPACE_PATH} (KFP's {@code dsl.WORKSPACE_PATH_PLACEHOLDER}), which KFP replaces with where
   * it is mounted ({@code /kfp-workspace}); empty (the default) for none. KFP 2 only.
   */
  String workspaceSize() default "";

  /** The workspace's storage class (KFP's {@code pvcSpecPatch} {@code storageClassName}); empty: the cluster's default. */
  String workspaceStorageClass() default "";

  /** The workspace's access modes (KFP's {@code pvcSpecPatch} {@code accessModes}), such as {@code ReadWriteMany}; empty: the cluster's default. */
  String[] workspaceAccessModes() default {};

  /**
   * The formats this pipeline is written in; empty (the default) takes the processor option
   * {@code kfp4j.formats}. {@code formats = Format.ARGO} keeps a KFP v1 pipeline that uses what
   * KFP 2 cannot express (a {@code Dsl.resource} step, {@link #podGc()}) beside KFP 2 ones; {@code
   * formats = Format.KFP2} one that uses what only KFP 2 has (collected loop outputs).
   */
  Format[] formats() default {};
}
