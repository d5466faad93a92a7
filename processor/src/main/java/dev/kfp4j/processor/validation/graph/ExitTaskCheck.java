package dev.kfp4j.processor.validation.graph;

import dev.kfp4j.model.Argument;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.base.Reporter;
import dev.kfp4j.processor.graph.PipelineBuilder;
import dev.kfp4j.processor.graph.StepBuilder;
import dev.kfp4j.processor.graph.TaskBuilder;
import java.util.Map;

/**
 * The exit task runs when the pipeline ends, whatever ran: it reads no task output; and it alone
 * gets the pipeline's final status ({@code Dsl.runStatus()}), as KFP's compiler allows, but for a
 * task run after a failure, which gets the status of the one task it waits for, and the tasks of
 * a pipeline run as the exit task (one taking the status, KFP's {@code exit_op(status: PipelineTaskFinalStatus)}), in its
 * groups too, as KFP's compiler passes its DAG's input down, and the exit task of one of several exit handlers, which gets
 * the status of its handler's group.
 */
final class ExitTaskCheck implements GraphCheck {
  @Override
  public void check(PipelineBuilder graph, Reporter reporter) {
    TaskBuilder exit = graph.exitTask();
    for (StepBuilder step : graph.steps()) {
      if (step != exit && step instanceof TaskBuilder task) {
        boolean afterFailure = UpstreamFailureCheck.setting(task) != null;
        for (Map.Entry<String, Argument> e : task.arguments().values().entrySet()) {
          if (Argument.RunValue.isStatus(e.getValue())) {
            if (graph.handlerExitTask(task)) { // one of several exit handlers: it gets its handler's group's status
              continue;
            } else if (graph.pipeline().takesStatus() && !afterFailure) { // a pipeline run as the exit task: its tasks get it
              continue; // in a group too
            } else if (!afterFailure) {
              reporter.error(task.arguments().position(e.getKey()), Message.RUN_STATUS_NOT_EXIT_TASK, task.name());
            } else if (task.upstream().size() != 1) {
              reporter.error(task.arguments().position(e.getKey()), Message.RUN_STATUS_NOT_ONE_UPSTREAM, task.name(),
                  task.upstream().isEmpty() ? "none" : task.upstream().size() + " (" + String.join(", ", task.upstream()) + ")");
            }
          }
        }
      }
    }
    if (exit == null) {
      return;
    }
    for (Map.Entry<String, Argument> e : exit.arguments().values().entrySet()) {
      if (e.getValue() instanceof Argument.TaskOutput || e.getValue() instanceof Argument.Collected
          || e.getValue() instanceof Argument.OneOf) {
        reporter.error(exit.arguments().position(e.getKey()), Message.EXIT_TASK_READS_OUTPUT);
      }
    }
  }
}
