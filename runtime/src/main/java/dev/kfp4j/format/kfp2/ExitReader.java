package dev.kfp4j.format.kfp2;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.model.ExitPipeline;
import dev.kfp4j.model.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Reads a root task that runs a DAG when the rest has ended, whatever happened (KFP's pipeline as
 * exit task: {@code triggerPolicy.strategy: ALL_UPSTREAM_TASKS_COMPLETED} on a task running a
 * pipeline, which takes the exit handler's {@code taskFinalStatus}) as the model's {@link
 * ExitPipeline}, its DAG flattened as any pipeline called in a pipeline; its parameter taking the status is the input the
 * task gives {@code taskFinalStatus}, as KFP's compiler gives one to each {@code PipelineTaskFinalStatus} parameter of the
 * pipeline, and none to a pipeline without one.
 */
final class ExitReader {
  private ExitReader() {}

  static ExitPipeline read(String name, String specName, JsonNode task, JsonNode comp, String at, String source, Supplier<List<Draft>> dag) {
    if (task.path("triggerPolicy").has("condition") || task.has("parameterIterator")) {
      throw new FormatException(source + ": " + at + " is the exit task and a " + (task.has("parameterIterator") ? "loop" : "condition")
          + ", which kfp4j's model does not hold; the exit task runs whatever happened: put the condition or loop inside it");
    }
    if (!TaskKinds.runsPipeline(specName, task, comp)) {
      throw new FormatException(source + ": " + at + " runs when the rest has ended, whatever happened, and runs a DAG that is no "
          + "pipeline called as a component; kfp4j reads an exit task that runs a container or a pipeline");
    }
    List<String> statuses = new ArrayList<>();
    task.path("inputs").path("parameters").properties().forEach(p -> {
      if (p.getValue().has("taskFinalStatus")) {
        statuses.add(p.getKey());
      }
    });
    if (statuses.size() > 1) {
      throw new FormatException(source + ": " + at + ", the exit task, gives the pipeline's status to " + statuses.size()
          + " inputs " + statuses + " of the pipeline it runs; kfp4j's model holds one parameter taking the status");
    }
    List<Node> nodes = new ArrayList<>();
    for (Draft d : dag.get()) {
      nodes.add(d.build());
    }
    if (nodes.isEmpty()) {
      throw new FormatException(source + ": " + at + ", the exit task, runs a pipeline without tasks");
    }
    try {
      return new ExitPipeline(name, statuses.isEmpty() ? null : statuses.get(0), nodes);
    } catch (IllegalArgumentException e) { // a task of it given the status where the pipeline takes none
      throw new FormatException(source + ": " + at + ": " + e.getMessage(), e);
    }
  }
}
