package dev.kfp4j.dsl;

import dev.kfp4j.artifacts.PipelineTaskFinalStatus;

/**
 * The values of a run that a {@code @Pipeline} method passes to its tasks, as KFP's placeholders ({@code
 * dsl.PIPELINE_JOB_ID_PLACEHOLDER}, {@code dsl.PipelineTaskFinalStatus}, ...), and {@link #value} of a file output. Users
 * call them on {@link Dsl} ({@code Dsl.runId()}), which inherits them, as Mockito its matchers from {@code
 * ArgumentMatchers}: this class only keeps them apart from the control flow. They exist only while the pipeline runs:
 * called from plain Java they fail. The processor recognises them as declared here ({@code Syntax.isDsl}).
 */
abstract class RunValues {
  RunValues() {}

  /**
   * Where the run's workspace is, in a text given to a task's input, as KFP's {@code
   * dsl.WORKSPACE_PATH_PLACEHOLDER} ({@code LibOps.write(Dsl.WORKSPACE_PATH + "/data")}): KFP 2
   * replaces it with where it mounts the workspace, {@code /kfp-workspace}; the local runner with
   * the run's folder {@code workspace}, or {@code /kfp-workspace} in a container. The pipeline needs
   * a workspace, {@code @Pipeline(workspaceSize = "10Gi")}. KFP 2 only.
   */
  public static final String WORKSPACE_PATH = "{{$.workspace_path}}";

  /**
   * The run's id, passed to a task's input as KFP's {@code dsl.PIPELINE_JOB_ID_PLACEHOLDER}: KFP
   * 2's {@code {{$.pipeline_job_uuid}}}, Argo's {@code {{workflow.uid}}} (KFP v1's run id), the
   * local runner's run id. It exists only while the pipeline runs: called from plain Java it fails.
   */
  public static String runId() {
    throw new IllegalStateException("Dsl.runId() is the run's id, which exists only while the pipeline runs; "
        + "pass it to a task in a @Pipeline method");
  }

  /**
   * The run's name, passed to a task's input as KFP's {@code dsl.PIPELINE_JOB_NAME_PLACEHOLDER}:
   * KFP 2's {@code {{$.pipeline_job_name}}}, Argo's {@code {{workflow.name}}}, the local runner's
   * {@code <pipeline>-<run id>}. It exists only while the pipeline runs: called from plain Java it
   * fails.
   */
  public static String runName() {
    throw new IllegalStateException("Dsl.runName() is the run's name, which exists only while the pipeline runs; "
        + "pass it to a task in a @Pipeline method");
  }

  /**
   * The name of the run's Kubernetes object, passed to a task's input as KFP's {@code
   * dsl.PIPELINE_JOB_RESOURCE_NAME_PLACEHOLDER}: KFP 2's {@code {{$.pipeline_job_resource_name}}}
   * (the run's Argo workflow), Argo's {@code {{workflow.name}}}, the local runner's {@code
   * <pipeline>-<run id>}. It exists only while the pipeline runs: called from plain Java it fails.
   */
  public static String runResourceName() {
    throw runOnly("runResourceName()", "the name of the run's Kubernetes object");
  }

  /**
   * When the run was created, in UTC as RFC 3339 ({@code 2026-12-04T21:09:13Z}), passed to a
   * task's input as KFP's {@code dsl.PIPELINE_JOB_CREATE_TIME_UTC_PLACEHOLDER}: KFP 2's {@code
   * {{$.pipeline_job_create_time_utc}}}, Argo's {@code {{workflow.creationTimestamp}}}, the time
   * the local run started. It exists only while the pipeline runs: called from plain Java it fails.
   */
  public static String runCreateTimeUtc() {
    throw runOnly("runCreateTimeUtc()", "the time the run was created");
  }

  /**
   * When a recurring run was scheduled to start, else when the run was created, in UTC as RFC
   * 3339, passed to a task's input as KFP's {@code dsl.PIPELINE_JOB_SCHEDULE_TIME_UTC_PLACEHOLDER}:
   * KFP 2's {@code {{$.pipeline_job_schedule_time_utc}}}, the time the local run started. KFP 2
   * only: KFP v1's Argo workflow has no such value. It exists only while the pipeline runs: called
   * from plain Java it fails.
   */
  public static String runScheduleTimeUtc() {
    throw runOnly("runScheduleTimeUtc()", "the time the run was scheduled");
  }

  /**
   * {@link #runCreateTimeUtc()} for a task's {@code java.time.Instant} input: the same text, which the task reads as an
   * {@code Instant}. It exists only while the pipeline runs: called from plain Java it fails.
   */
  public static java.time.Instant runCreateTime() {
    throw runOnly("runCreateTime()", "the time the run was created");
  }

  /**
   * {@link #runScheduleTimeUtc()} for a task's {@code java.time.Instant} input: the same text, which the task reads as an
   * {@code Instant}. KFP 2 only. It exists only while the pipeline runs: called from plain Java it fails.
   */
  public static java.time.Instant runScheduleTime() {
    throw runOnly("runScheduleTime()", "the time the run was scheduled");
  }

  /**
   * The name of the task given it, passed to a task's input as KFP's {@code
   * dsl.PIPELINE_TASK_NAME_PLACEHOLDER}: KFP 2's {@code {{$.pipeline_task_name}}}, the task's name
   * locally ({@code train}, the same for each item of a loop). KFP 2 only. It exists only while
   * the pipeline runs: called from plain Java it fails.
   */
  public static String taskName() {
    throw runOnly("taskName()", "the name of the task given it");
  }

  /**
   * An id of the task given it, unique in the run, passed to a task's input as KFP's {@code
   * dsl.PIPELINE_TASK_ID_PLACEHOLDER}: KFP 2's {@code {{$.pipeline_task_uuid}}} (KFP's execution
   * id), the task's id in the run locally ({@code for-loop-1(2)/train} in a loop's third item). KFP 2 only.
   * It exists only while the pipeline runs: called from plain Java it fails.
   */
  public static String taskId() {
    throw runOnly("taskId()", "an id of the task given it");
  }

  private static IllegalStateException runOnly(String call, String what) {
    return new IllegalStateException("Dsl." + call + " is " + what + ", which exists only while the pipeline runs; "
        + "pass it to a task in a @Pipeline method");
  }

  /**
   * The pipeline's final status, passed to the exit task as KFP's {@code dsl.PipelineTaskFinalStatus}:
   * give it to a parameter of type {@link PipelineTaskFinalStatus} of the exit task of {@link
   * Dsl#exitHandler}, {@code Dsl.exitHandler(NotifyOps.notify(Dsl.runStatus()), () -> { ... })}, and
   * read {@code status.succeeded()} in the component. KFP 2 gives the status of the exit
   * handler's group ({@code taskFinalStatus}), Argo {@code {{workflow.status}}}, the local runner
   * the outcome of the rest of the run. Given to any other task, or compared in a condition, it is
   * a javac error. It exists only while the pipeline runs: called from plain Java it fails.
   */
  public static PipelineTaskFinalStatus runStatus() {
    throw new IllegalStateException("Dsl.runStatus() is the pipeline's final status, which exists only while the pipeline "
        + "runs; pass it to the exit task of Dsl.exitHandler in a @Pipeline method");
  }

  /**
   * The value a task wrote to its file output of a parameter type, given to a value input, as KFP
   * passes {@code producer.outputs['text']} of an {@code OutputPath(str)} to {@code consumer(text:
   * str)}: {@code EchoOps.echo(Dsl.value(download.text()))} for {@code @OutputPath("String") Path
   * textPath}. The value is the file's content read as the output's type ({@code String} as is,
   * {@code Integer}, {@code Float}, {@code Boolean} parsed, {@code JsonArray} and {@code
   * JsonObject} as JSON), as KFP 2's launcher reads an output parameter's file and KFP v1's Argo
   * workflow reads an output parameter's {@code valueFrom.path}. The type {@code T} is the input's:
   * the processor checks at compile time that the output's KFP type is the input's
   * ({@code [kfp4j:TypeMismatch]} on the argument). It goes wherever a value output goes: a
   * condition, a text joined with {@code +}, the pipeline's return. Give the file itself, {@code
   * download.text()}, to a file input ({@code @InputPath}). It exists only while the pipeline runs:
   * called from plain Java it fails.
   *
   * @param fileOutput a task's {@code @OutputPath} output, {@code t.text()}
   * @param <T> the type of the input given the value
   */
  public static <T> T value(java.nio.file.Path fileOutput) {
    throw new IllegalStateException("Dsl.value(" + fileOutput + ") is what a task writes to a file, which exists only while the "
        + "pipeline runs; pass it to a task in a @Pipeline method");
  }
}
