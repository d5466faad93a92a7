package dev.kfp4j.examples.kfp2;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.Format;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.artifacts.PipelineTaskFinalStatus;
import dev.kfp4j.dsl.Dsl;
import java.util.List;

/**
 * A pipeline run as the exit task, as KFP's {@code pipeline_as_exit_task.py}: {@code
 * conditionalNotification} takes the pipeline's final status and tells of a failure; the exit
 * handler, named {@code my-pipeline}, runs it once the rest has ended, whatever happened; and
 * {@code announceEnd}, a pipeline run as the exit task that takes no status; {@code reportEnd}, one whose tasks read the
 * status in a condition and a loop too. KFP 2 only.
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

  /**
   * Reports the pipeline's final status on a channel.
   *
   * @param status the pipeline's final status
   * @param channel where to report it
   * @return the report, {@code channel: STATE}
   */
  @Component
  public static String reportOn(PipelineTaskFinalStatus status, String channel) {
    String line = channel + ": " + status.state();
    System.out.println(line);
    return line;
  }

  /**
   * Reports the pipeline's final status on the log, on the pager when {@code page}, and on mail and chat: every task of a
   * pipeline run as the exit task may read the status, in its conditions and loops too (KFP passes its DAG's input down).
   *
   * @param status the pipeline's final status, given {@code Dsl.runStatus()}
   * @param page whether to page someone too
   */
  @Pipeline(name = "report-end", formats = Format.KFP2)
  public static void reportEnd(PipelineTaskFinalStatus status, @Default("true") boolean page) {
    PipelineAsExitTaskOps.reportOn(status, "log");
    Dsl.when(Dsl.eq(page, true), () -> PipelineAsExitTaskOps.reportOn(status, "pager"));
    Dsl.forEach(List.of("mail", "chat"), channel -> PipelineAsExitTaskOps.reportOn(status, channel));
  }

  /**
   * Fails; then {@code reportEnd} reports it everywhere.
   *
   * @param message what the failing task prints
   * @param page whether to page someone too
   */
  @Pipeline(name = "status-in-groups", formats = Format.KFP2)
  public static void statusInGroups(@Default("Task failed.") String message, @Default("true") boolean page) {
    Dsl.exitHandler(() -> reportEnd(Dsl.runStatus(), page), () -> PipelineAsExitTaskOps.failOp(message));
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
