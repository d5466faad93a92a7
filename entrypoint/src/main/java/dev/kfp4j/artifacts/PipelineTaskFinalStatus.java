package dev.kfp4j.artifacts;

import java.util.Locale;

/**
 * The pipeline's final status, as KFP's {@code dsl.PipelineTaskFinalStatus}: what an exit task
 * receives to send a notification or clean up. Take it as a parameter of a {@code @Component}
 * method and give it {@code Dsl.runStatus()} in the exit task of {@code Dsl.exitHandler}:
 *
 * <pre>{@code
 * @Component
 * public static String notify(String channel, PipelineTaskFinalStatus status) {
 *   return status.succeeded() ? "ok" : "failed: " + status.errorMessage();
 * }
 *
 * @Pipeline
 * public static void train(String channel) {
 *   Dsl.exitHandler(NotifyOps.notify(channel, Dsl.runStatus()), () -> { ... });
 * }
 * }</pre>
 *
 * KFP 2 types the input {@code TASK_FINAL_STATUS} and gives KFP's struct, the status of the exit
 * handler's group; KFP v1 (Argo) gives {@code {{workflow.status}}}, the workflow's phase. Both
 * become this record; a test makes one with {@link #of(String)} or the constructor.
 *
 * @param state the final state, as KFP 2 names states: {@code SUCCEEDED} or {@code FAILED} (and,
 *     in KFP 2, whatever state the backend gives: KFP's open-source backend gives the state of the
 *     group's execution, {@code COMPLETE} for success, Vertex AI {@code SUCCEEDED}, both may give
 *     {@code CANCELLED}/{@code CANCELED}). From Argo's text: {@code Succeeded} is {@code
 *     SUCCEEDED}, {@code Failed} and {@code Error} are {@code FAILED}; the local runner gives
 *     {@code SUCCEEDED} or {@code FAILED}. Read {@link #succeeded()} rather than compare it.
 * @param pipelineJobResourceName KFP 2: the run's resource name ({@code
 *     projects/.../pipelineJobs/...} on Vertex AI, the run's name on KFP, the local runner's
 *     {@code <pipeline>-<run id>}); null in KFP v1, where Argo gives the status only
 * @param pipelineTaskName KFP 2: the task whose status it is, {@code exit-handler-1}; null in KFP v1
 * @param errorCode KFP 2: the error's code when the backend gives one ({@code google.rpc.Code} on
 *     Vertex AI), else null; null in KFP v1
 * @param errorMessage KFP 2: the error's message when the backend gives one, else null; in KFP v1
 *     null, but for Argo's {@code Error} phase, which says so here
 */
public record PipelineTaskFinalStatus(
    String state, String pipelineJobResourceName, String pipelineTaskName, Integer errorCode, String errorMessage) {

  /** {@link #state()} when the pipeline succeeded. */
  public static final String SUCCEEDED = "SUCCEEDED";
  /** {@link #state()} when a task failed. */
  public static final String FAILED = "FAILED";

  /** Whether the rest of the pipeline succeeded: {@code SUCCEEDED}, or KFP's backend's {@code COMPLETE}. */
  public boolean succeeded() {
    return state != null && (state.equalsIgnoreCase(SUCCEEDED) || state.equalsIgnoreCase("COMPLETE"));
  }

  /** Whether it did not: any state but success (failed, cancelled, ...). */
  public boolean failed() {
    return !succeeded();
  }

  /**
   * The status Argo gives as text ({@code {{workflow.status}}}, KFP v1): {@code Succeeded} is
   * {@code SUCCEEDED}, {@code Failed} and {@code Error} are {@code FAILED} (an {@code Error} says
   * so in {@link #errorMessage()}), any other phase upper-cased ({@code Running} is {@code
   * RUNNING}). The names and error code are null: Argo gives the phase only.
   */
  public static PipelineTaskFinalStatus ofArgo(String phase) {
    String p = phase.strip();
    if (p.equalsIgnoreCase("Succeeded")) {
      return new PipelineTaskFinalStatus(SUCCEEDED, null, null, null, null);
    }
    if (p.equalsIgnoreCase("Failed")) {
      return new PipelineTaskFinalStatus(FAILED, null, null, null, null);
    }
    if (p.equalsIgnoreCase("Error")) {
      return new PipelineTaskFinalStatus(FAILED, null, null, null, "the workflow ended in Argo's Error phase");
    }
    return new PipelineTaskFinalStatus(p.toUpperCase(Locale.ROOT), null, null, null, null);
  }

  /** A status of {@code state} alone, such as a test gives: {@code PipelineTaskFinalStatus.of("FAILED")}. */
  public static PipelineTaskFinalStatus of(String state) {
    return new PipelineTaskFinalStatus(state, null, null, null, null);
  }
}
