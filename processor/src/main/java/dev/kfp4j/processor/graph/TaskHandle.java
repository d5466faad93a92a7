package dev.kfp4j.processor.graph;

import dev.kfp4j.processor.base.Position;
import java.util.List;

/**
 * What a task expression of a pipeline body stands for: one step, or the call of a graph
 * component, which is the container tasks it expands to.
 */
public sealed interface TaskHandle permits StepBuilder, GraphCall {
  /** The step's name; a graph call's component name. */
  String name();

  /** The group the call was made in. */
  Group group();

  /** Where the call is written. */
  Position position();

  /** The steps it stands for: the step itself, or a graph call's tasks. */
  List<? extends StepBuilder> steps();
}
