package dev.kfp4j.processor.javac;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreePath;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.base.Position;
import dev.kfp4j.processor.graph.TaskBuilder;
import dev.kfp4j.processor.graph.TaskHandle;

/**
 * Reads one of several {@code Dsl.exitHandler(exitTask, () -> { ... })} statements of a pipeline body, as KFP 2's compiler
 * allows them one after another ({@code pipeline_with_multiple_exit_handlers.py}): the exit task is a task of the root, its
 * body's tasks are read into the root, and the exit task runs after them, whatever happened to them, as kfp4j's model holds
 * each exit task of KFP's several exit handlers (KFP 2's {@code triggerPolicy.strategy: ALL_UPSTREAM_TASKS_COMPLETED}).
 */
final class ExitHandlers {
  private final Body body;
  private final BodyReader reader;

  ExitHandlers(Body body, BodyReader reader) {
    this.body = body;
    this.reader = reader;
  }

  /** Reads {@code call}, written at {@code at}; {@code afterFailure} false where the pipeline cannot run it (an error said why). */
  void read(MethodInvocationTree call, TreePath path, Position at, boolean afterFailure) {
    ExpressionTree exitCall = call.getArguments().get(0);
    TaskBuilder exit = null;
    if (exitCall instanceof LambdaExpressionTree || exitCall instanceof MemberReferenceTree) {
      body.error(exitCall, Message.EXIT_HANDLERS_PIPELINE);
    } else {
      TaskHandle read = body.tasks.read(exitCall, new TreePath(path, exitCall), body.graph.root());
      if (read instanceof TaskBuilder task && task.pipelineCall() != null) {
        body.error(exitCall, Message.EXIT_HANDLERS_PIPELINE);
      } else if (read instanceof TaskBuilder task && task.graphCall() == null) {
        exit = task;
      } else {
        reader.refuseAsExitTask(exitCall, read);
      }
    }
    if (call.getArguments().size() == 3) { // Dsl.exitHandler(t, "notify", () -> ...)
      body.error(call.getArguments().get(1), Message.EXIT_HANDLERS_NAME, call.getArguments().get(1));
    }
    int from = body.graph.rootSize();
    ExpressionTree lambda = call.getArguments().get(call.getArguments().size() - 1);
    reader.block(lambda, new TreePath(path, lambda), body.graph.root());
    if (exit != null) {
      body.graph.handlerExitTask(exit, from, at, afterFailure);
    }
  }
}
