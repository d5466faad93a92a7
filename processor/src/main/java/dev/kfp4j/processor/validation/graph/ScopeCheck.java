package dev.kfp4j.processor.validation.graph;

import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.base.Reporter;
import dev.kfp4j.processor.graph.PipelineBuilder;
import dev.kfp4j.processor.graph.Use;

/**
 * A task's output is read only inside the groups that enclose the task (elsewhere it may not
 * run); {@code after} names a task of an enclosing group or of a group inside this one.
 */
final class ScopeCheck implements GraphCheck {
  @Override
  public void check(PipelineBuilder graph, Reporter reporter) {
    for (Use use : graph.uses()) {
      if (use.isAfter()) {
        if (!use.site().within(use.task().group()) && !use.task().group().within(use.site())) {
          reporter.error(use.position(), Message.AFTER_OUT_OF_SCOPE, use.task().name());
        }
      } else if (!use.site().within(use.task().group())) {
        reporter.error(use.position(), Message.OUTPUT_OUT_OF_SCOPE, use.output(), use.task().name());
      }
    }
  }
}
