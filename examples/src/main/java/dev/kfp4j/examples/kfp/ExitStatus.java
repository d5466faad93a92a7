package dev.kfp4j.examples.kfp;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.artifacts.PipelineTaskFinalStatus;
import dev.kfp4j.dsl.Dsl;

/**
 * The pipeline's final status in its exit task, as KFP's {@code dsl.PipelineTaskFinalStatus} in
 * KFP 2's {@code pipeline_with_exit_handler} samples: the exit task takes a {@link
 * PipelineTaskFinalStatus} parameter, given {@code Dsl.runStatus()}, to send a notification or clean
 * up. Written for both formats: KFP 2 gives KFP's struct, Argo {@code {{workflow.status}}}.
 */
public final class ExitStatus {
  private ExitStatus() {}

  /**
   * Does the pipeline's work, or fails when told to.
   *
   * @param fail whether to fail
   * @return what it did
   */
  @Component
  public static String work(boolean fail) {
    if (fail) {
      throw new IllegalStateException("told to fail");
    }
    return "done";
  }

  /**
   * Reports how the pipeline ended, as a notification would.
   *
   * @param channel where the report goes
   * @param status the pipeline's final status
   * @return the report
   */
  @Component
  public static String notifyEnd(String channel, PipelineTaskFinalStatus status) {
    String report = channel + ": the pipeline " + (status.succeeded() ? "succeeded" : "failed") + " (" + status.state() + ")";
    if (status.errorMessage() != null) {
      report += ": " + status.errorMessage();
    }
    System.out.println(report);
    return report;
  }

  /**
   * Does the work, then reports how it ended, whatever happened.
   *
   * @param channel where the report goes
   * @param fail whether the work fails
   */
  @Pipeline(name = "exit-status")
  public static void exitStatus(@Default("#ml-runs") String channel, @Default("false") boolean fail) {
    Dsl.exitHandler(ExitStatusOps.notifyEnd(channel, Dsl.runStatus()), () -> ExitStatusOps.work(fail));
  }
}
