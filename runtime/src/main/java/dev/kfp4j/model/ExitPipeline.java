package dev.kfp4j.model;

import java.util.List;
import java.util.Objects;

/**
 * A pipeline run as the exit task (KFP 2's {@code dsl.ExitHandler(exit_task)} where {@code
 * exit_task} is a pipeline called as a component): its nodes run when the rest of the pipeline has
 * ended, whatever its outcome, as one DAG named {@code name}; a task of its top level may take the
 * pipeline's status ({@link Argument.RunValue.Kind#STATUS}). As other pipelines called in a
 * pipeline, it is flattened: its nodes read the values its caller gives it directly, and its node
 * names are unique in the whole pipeline.
 */
public record ExitPipeline(String name, List<Node> nodes) {
  public ExitPipeline {
    Objects.requireNonNull(name, "name");
    nodes = List.copyOf(nodes);
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("exit pipeline '" + name + "' has no node");
    }
  }
}
