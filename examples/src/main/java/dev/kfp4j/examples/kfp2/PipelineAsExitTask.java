package dev.kfp4j.examples.kfp2;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.Format;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.artifacts.PipelineTaskFinalStatus;
import dev.kfp4j.dsl.Dsl;

/**
 * A pipeline run as the exit task, as KFP's {@code pipeline_as_exit_task.py}: {@code
 * conditionalNotification} takes the pipeline's final status and tells of a failure; the exit
 * handler, named {@code my-pipeline}, runs it once the rest has ended, whatever happened; and
 * {@code announceEnd}, a pipeline run as the exit task that takes no status. KFP 2 only.
 */
public final class PipelineAsExitTask {
  private PipelineAsExitTask() {}

  /**
   * Prints a message.
   *
   * @param message what to print
   */
  @Component
  public static void printOp(String message) {
    System.out.println(message);
  }

  /**
   * Fails, after printing a message.
   *
   * @param message what to print
   */
  @Component
  public static void failOp(String message) {
    System.out.println(message);
    throw new IllegalStateException(message);
  }

  /**
   * The state the pipeline ended in.
   *
   * @param status the pipeline's final status
   * @return its state, {@code SUCCEEDED} or {@code FAILED}
   */
  @Component
  public static String getRunState(PipelineTaskFinalStatus status) {
    System.out.println("Pipeline status: " + status);
    return status.state();
  }

  /**
   * Tells of a failure: KFP's {@code exit_op}, a pipeline run as the exit task.
   *
   * @param status the pipeline's final status, given {@code Dsl.runStatus()}
   */
  @Pipeline(name = "conditional-notification", formats = Format.KFP2)
  public static void conditionalNotification(PipelineTaskFinalStatus status) {
    Dsl.when(Dsl.eq(PipelineAsExitTaskOps.getRunState(status).output(), "FAILED"),
        () -> PipelineAsExitTaskOps.printOp("notify task failure."));
  }

  /**
   * Prints a message and fails; then the exit pipeline runs. (Its parameter has no {@code @param}, as KFP's sample's
   * has no docstring: a {@code @param} would describe it in the spec, which the test compares with KFP's.)
   */
  @Pipeline(name = "pipeline-with-task-final-status-conditional", formats = Format.KFP2)
  public static void pipelineAsExitTask(@Default("Hello World!") String message) {
    Dsl.exitHandler(() -> conditionalNotification(Dsl.runStatus()), "my-pipeline", () -> {
      PipelineAsExitTaskOps.printOp(message);
      PipelineAsExitTaskOps.failOp("Task failed.");
    });
  }

  /** Says the run has ended: a pipeline run as the exit task that takes no status (KFP's {@code exit_op()} without one). */
  @Pipeline(name = "announce-end", formats = Format.KFP2)
  public static void announceEnd() {
    PipelineAsExitTaskOps.printOp("The run has ended.");
  }

  /** Fails; then {@code announceEnd}, which takes no status, runs. (No {@code @param}: see {@link #pipelineAsExitTask}.) */
  @Pipeline(name = "pipeline-with-exit-pipeline-without-status", formats = Format.KFP2)
  public static void exitPipelineWithoutStatus(@Default("Task failed.") String message) {
    Dsl.exitHandler(() -> announceEnd(), () -> PipelineAsExitTaskOps.failOp(message));
  }
}
