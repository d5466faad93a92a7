package dev.kfp4j.model;

import dev.kfp4j.spec.ComponentSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One run of a container component: its name in the pipeline, the component's spec, its
 * arguments by input name (inputs left out take their defaults or stay absent), the steps it waits
 * for besides those it reads from, and its settings.
 */
public record Task(
    String name, ComponentSpec component, Map<String, Argument> arguments, List<String> after, List<TaskSetting> settings)
    implements Step {
  public Task {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(component, "component");
    if (component.container() == null) {
      throw new IllegalArgumentException("task '" + name + "': component '" + component.name()
          + "' is not a container component; expand graph components into their tasks first");
    }
    arguments = Models.copy(arguments);
    after = List.copyOf(after);
    settings = List.copyOf(settings);
  }

  public Task(String name, ComponentSpec component, Map<String, Argument> arguments) {
    this(name, component, arguments, List.of(), List.of());
  }

  /** This task with {@code setting} added after its others. */
  public Task with(TaskSetting setting) {
    List<TaskSetting> more = new ArrayList<>(settings);
    more.add(setting);
    return new Task(name, component, arguments, after, more);
  }

  /** This task running {@code component} instead, everything else kept. */
  public Task withComponent(ComponentSpec component) {
    return new Task(name, component, arguments, after, settings);
  }

  /** This task with these settings instead. */
  public Task withSettings(List<TaskSetting> settings) {
    return new Task(name, component, arguments, after, settings);
  }
}
