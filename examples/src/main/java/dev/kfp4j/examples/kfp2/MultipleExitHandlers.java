package dev.kfp4j.examples.kfp2;

import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.Format;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.dsl.Dsl;

/**
 * KFP 2's {@code pipeline_with_multiple_exit_handlers.py} in Java: three exit handlers, one after another, each exit task
 * running once its own handler's tasks have ended, whatever happened to them (the first handler's {@code fail-op} fails on
 * purpose, and the run fails, but every exit task runs). KFP 2 only: KFP v1's Argo workflow has one exit handler. Its tasks
 * print and fail with {@link PipelineAsExitTask#printOp} and {@link PipelineAsExitTask#failOp}, KFP's sample's {@code
 * print_op} and {@code fail_op}.
 */
public final class MultipleExitHandlers {
  private MultipleExitHandlers() {}

  /** Three exit handlers, the first holding a task that fails. (No {@code @param}: KFP's sample has no docstring.) */
  @Pipeline(name = "pipeline-with-multiple-exit-handlers", formats = Format.KFP2)
  public static void multipleExitHandlers(@Default("Hello World!") String message) {
    Dsl.exitHandler(PipelineAsExitTaskOps.printOp("First exit handler has worked!"), () -> {
      PipelineAsExitTaskOps.printOp(message);
      PipelineAsExitTaskOps.failOp("Task failed.");
    });
    Dsl.exitHandler(PipelineAsExitTaskOps.printOp("Second exit handler has worked!"), () -> PipelineAsExitTaskOps.printOp(message));
    Dsl.exitHandler(PipelineAsExitTaskOps.printOp("Third exit handler has worked!"), () -> PipelineAsExitTaskOps.printOp(message));
  }

  /** KFP 2's {@code pipeline_with_exit_handler.py}: one exit handler holding every task, the body's only statement. */
  @Pipeline(name = "pipeline-with-exit-handler", formats = Format.KFP2)
  public static void exitHandler(@Default("Hello World!") String message) {
    Dsl.exitHandler(PipelineAsExitTaskOps.printOp("Exit handler has worked!"), () -> {
      PipelineAsExitTaskOps.printOp(message);
      PipelineAsExitTaskOps.failOp("Task failed.");
    });
  }

  /**
   * One exit handler beside other tasks, as KFP 2 allows it: {@code before} and {@code beside} run as any task, the exit task
   * once the handler's tasks have ended, given their group's status.
   */
  @Pipeline(name = "exit-handler-beside-tasks", formats = Format.KFP2)
  public static void exitHandlerBesideTasks(@Default("Hello World!") String message) {
    PipelineAsExitTaskOps.printOp("before");
    Dsl.exitHandler(PipelineAsExitTaskOps.getRunState(Dsl.runStatus()), "notify", () -> {
      PipelineAsExitTaskOps.printOp(message);
      PipelineAsExitTaskOps.failOp("Task failed.");
    });
    PipelineAsExitTaskOps.printOp("beside");
  }
}
