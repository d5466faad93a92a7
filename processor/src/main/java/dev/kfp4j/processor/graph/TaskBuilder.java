package dev.kfp4j.processor.graph;

import dev.kfp4j.model.Task;
import dev.kfp4j.processor.base.Position;
import dev.kfp4j.spec.ComponentSpec;
import java.util.List;

/** A task running a container component. */
public final class TaskBuilder extends StepBuilder {
  private final ComponentSpec component;
  private final GraphCall graphCall;
  private final String graphTaskId;
  private final PipelineCall pipelineCall;

  TaskBuilder(String name, ComponentSpec component, Group group, Position position, GraphCall graphCall, String graphTaskId) {
    this(name, component, group, position, graphCall, graphTaskId, null);
  }

  TaskBuilder(String name, ComponentSpec component, Group group, Position position, GraphCall graphCall, String graphTaskId,
      PipelineCall pipelineCall) {
    super(name, group, position);
    this.component = component;
    this.graphCall = graphCall;
    this.graphTaskId = graphTaskId;
    this.pipelineCall = pipelineCall;
  }

  /**
   * The {@code @Pipeline} method this stand-in task calls, or null for a task running a container:
   * its component is the called pipeline's interface, and its place in the model takes the called
   * pipeline's tasks once that pipeline is read ({@code NestedPipelines}, {@code Flattening}).
   */
  public PipelineCall pipelineCall() {
    return pipelineCall;
  }

  /** The call of a graph component this task is one of, or null for a task called itself. */
  public GraphCall graphCall() {
    return graphCall;
  }

  /** The id of this task in its graph's spec, or null. */
  public String graphTaskId() {
    return graphTaskId;
  }

  public ComponentSpec component() {
    return component;
  }

  @Override
  public boolean hasOutput(String output) {
    return component.output(output).isPresent();
  }

  @Override
  Task build() {
    return new Task(name(), component, arguments.values(), List.copyOf(after), builtSettings());
  }
}
