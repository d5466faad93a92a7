package dev.kfp4j.processor.javac;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreePath;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.base.Position;
import dev.kfp4j.processor.graph.Group;
import dev.kfp4j.processor.graph.TaskBuilder;
import dev.kfp4j.processor.graph.TaskHandle;

/**
 * Reads one of several {@code Dsl.exitHandler(exitTask, () -> { ... })} statements of a pipeline body, as KFP 2's compiler
 * allows them one after another ({@code pipeline_with_multiple_exit_handlers.py}), or one beside other statements: the exit
 * task is a task of the root, its body is read into a group of the root, {@code exit-handler-N} (named as {@code
 * Dsl.exitHandler(t, "notify", ...)} says), and the exit task runs after the group's steps, whatever happened to them, as
 * KFP's compiler writes it (KFP 2's {@code dependentTasks: [exit-handler-N]}, {@code triggerPolicy.strategy:
 * ALL_UPSTREAM_TASKS_COMPLETED}); given {@code Dsl.runStatus()}, it gets the group's final status. The exit task may be a
 * pipeline's call, {@code Dsl.exitHandler(() -> Cleanup.cleanup(Dsl.runStatus()), () -> { ... })}, as KFP 2's compiler writes
 * any handler's exit task: the call keeps its own DAG ({@code NestedPipelines}), run after the group whatever happened, its
 * parameter taking the status given the group's.
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
    if (exitCall instanceof MemberReferenceTree) { // Clean::clean: write the call, as for any pipeline called here
      body.error(exitCall, Message.EXIT_PIPELINE_NOT_A_CALL, Syntax.firstLine(exitCall));
    } else {
      TaskHandle read = exitCall instanceof LambdaExpressionTree lambda ? reader.exitPipeline(lambda, new TreePath(path, lambda))
          : body.tasks.read(exitCall, new TreePath(path, exitCall), body.graph.root());
      if (read instanceof TaskBuilder task && task.graphCall() == null) { // a component's task, or a pipeline's call (KFP 2's)
        exit = task;
      } else if (!(exitCall instanceof LambdaExpressionTree)) { // a lambda that is no pipeline's call: exitPipeline said why
        reader.refuseAsExitTask(exitCall, read);
      }
    }
    String name = null;
    if (call.getArguments().size() == 3) { // Dsl.exitHandler(t, "notify", () -> ...): the group's own name
      name = reader.exitHandlerName(call.getArguments().get(1), path);
    }
    Group handler = body.graph.exitHandler(name);
    ExpressionTree lambda = call.getArguments().get(call.getArguments().size() - 1);
    reader.block(lambda, new TreePath(path, lambda), handler);
    if (exit != null) {
      body.graph.handlerExitTask(exit, handler, at, afterFailure);
    }
  }
}
