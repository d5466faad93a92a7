package dev.kfp4j.model;

import java.util.List;
import java.util.Objects;

/**
 * A pipeline run as the exit task (KFP 2's {@code dsl.ExitHandler(exit_task)} where {@code
 * exit_task} is a pipeline called as a component): its nodes run when the rest of the pipeline has
 * ended, whatever its outcome, as one DAG named {@code name}. {@code status} is the name of its
 * parameter taking the pipeline's status (KFP's {@code exit_op(status: PipelineTaskFinalStatus)}),
 * which any task of it may read ({@link Argument.RunValue.Kind#STATUS}), in its groups too; null when it takes
 * none, and then no task of it reads the status (KFP's compiler gives such a pipeline no status
 * input). As other pipelines called in a pipeline, it is flattened: its nodes read the values its
 * caller gives it directly, and its node names are unique in the whole pipeline.
 */
public record ExitPipeline(String name, String status, List<Node> nodes) {
  public ExitPipeline {
    Objects.requireNonNull(name, "name");
    nodes = List.copyOf(nodes);
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("exit pipeline '" + name + "' has no node");
    }
    if (status != null && status.isBlank()) {
      throw new IllegalArgumentException("exit pipeline '" + name + "': its status parameter has a blank name");
    }
    if (status == null) {
      Nodes.walk(nodes, n -> {
        if (n instanceof Step s && s.arguments().values().stream().anyMatch(Argument.RunValue::isStatus)) {
          throw new IllegalArgumentException("exit pipeline '" + name + "' takes no status parameter, but its step '" + n.name()
              + "' reads the pipeline's status; name the parameter that takes it");
        }
      });
    }
  }
}
