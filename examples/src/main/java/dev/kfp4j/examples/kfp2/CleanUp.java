package dev.kfp4j.examples.kfp2;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.Format;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.artifacts.PipelineTaskFinalStatus;
import dev.kfp4j.dsl.Dsl;

/**
 * A task that runs after another even when that one failed, as KFP 2's {@code ignore_upstream_failure()} in KFP's {@code
 * pipeline_with_task_using_ignore_upstream_failure.py}: {@code ignoreUpstreamFailure()} on the clean-up task. What the
 * failed task did not give, the clean-up task's input takes from its {@code @Default}; a task given {@code
 * Dsl.runStatus()} gets the status of the one task it waits for. Each waits for one task, and no two for the same: KFP's backend
 * runs such a task as an exit hook of the task it waits for, one a task. KFP 2 only.
 */
public final class CleanUp {
  private CleanUp() {}

  /**
   * Does the work, or fails when told to.
   *
   * @param message what to work on
   * @param fail whether to fail
   * @return the message, worked on
   */
  @Component
  public static String attempt(String message, boolean fail) {
    if (fail) {
      throw new IllegalStateException("told to fail on " + message);
    }
    return message + ", worked on";
  }

  /**
   * Cleans up after the work, with what it gave, or the default when it gave nothing.
   *
   * @param message what the work gave
   * @return what was cleaned up
   */
  @Component
  public static String cleanUp(@Default("nothing") String message) {
    System.out.println("cleaning up after: " + message);
    return "cleaned up after: " + message;
  }

  /**
   * Reports how the work ended.
   *
   * @param status the status of the task the report follows
   * @return the report
   */
  @Component
  public static String reportStatus(PipelineTaskFinalStatus status) {
    return status.pipelineTaskName() + " " + (status.succeeded() ? "succeeded" : "failed");
  }

  /**
   * Works, then cleans up, whatever happened; works again, and reports how that went.
   *
   * @param message what to work on
   * @param fail whether the work fails
   */
  @Pipeline(name = "ignore-upstream-failure", formats = Format.KFP2)
  public static void ignoreUpstreamFailure(@Default("data") String message, @Default("false") boolean fail) {
    var attempt = CleanUpOps.attempt(message, fail);
    CleanUpOps.cleanUp(attempt.output()).ignoreUpstreamFailure();
    var second = CleanUpOps.attempt(message, fail); // one task run after a failure a task: KFP's backend hooks one on each
    CleanUpOps.reportStatus(Dsl.runStatus()).after(second).ignoreUpstreamFailure();
  }
}
