package dev.kfp4j.processor.graph;

import dev.kfp4j.model.Argument;
import dev.kfp4j.processor.base.Position;
import dev.kfp4j.spec.ComponentSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The call of a graph component: not a task of its own but the container tasks it expands to, as
 * KFP v1's compiler inlines a graph; its outputs are where the spec's {@code outputValues} say.
 */
public final class GraphCall implements TaskHandle {
  private final String name;
  private final ComponentSpec component;
  private final Group group;
  private final Position position;
  private final Arguments arguments = new Arguments();
  private final List<TaskBuilder> tasks = new ArrayList<>();
  private Map<String, Argument> outputs = Map.of();

  GraphCall(String name, ComponentSpec component, Group group, Position position) {
    this.name = name;
    this.component = component;
    this.group = group;
    this.position = position;
  }

  /** The component's name, as its op gives it: a graph call takes no task name. */
  @Override
  public String name() {
    return name;
  }

  public ComponentSpec component() {
    return component;
  }

  @Override
  public Group group() {
    return group;
  }

  @Override
  public Position position() {
    return position;
  }

  /** The arguments given to the call: the graph's inputs. */
  public Arguments arguments() {
    return arguments;
  }

  @Override
  public List<TaskBuilder> steps() {
    return Collections.unmodifiableList(tasks);
  }

  void add(TaskBuilder task) {
    tasks.add(task);
  }

  /** Output {@code name} of the call, or null when no task gives it. */
  public Argument output(String name) {
    return outputs.get(name);
  }

  public void outputs(Map<String, Argument> outputs) {
    this.outputs = Map.copyOf(outputs);
  }
}
