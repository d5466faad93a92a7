package dev.kfp4j.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code implementation.graph}, as KFP's {@code _structures.GraphSpec}: tasks of other components
 * by id, each with its component reference and arguments, and where the graph component's outputs
 * come from ({@code outputValues}).
 *
 * @param tasks the tasks by id, in file order
 * @param outputValues the source of each output of the graph component
 */
public record GraphSpec(Map<String, Task> tasks, Map<String, Argument> outputValues) {
  public GraphSpec {
    tasks = copy(tasks);
    outputValues = copy(outputValues);
  }

  private static <V> Map<String, V> copy(Map<String, V> map) {
    return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /**
   * The task ids in an order where each task comes after the tasks whose outputs it takes, file
   * order otherwise (KFP's {@code _toposorted_tasks}). The reader refuses cycles.
   */
  public List<String> sortedTaskIds() {
    List<String> sorted = sort(tasks);
    if (sorted.size() < tasks.size()) {
      throw new SpecException("the tasks of the graph take each other's outputs in a cycle");
    }
    return sorted;
  }

  /** The tasks that can be ordered, in order: all of them unless some form a cycle. */
  static List<String> sort(Map<String, Task> tasks) {
    Set<String> done = new LinkedHashSet<>();
    int before = -1;
    while (done.size() < tasks.size() && done.size() != before) {
      before = done.size();
      for (Map.Entry<String, Task> t : tasks.entrySet()) {
        if (!done.contains(t.getKey()) && done.containsAll(t.getValue().upstream())) {
          done.add(t.getKey());
        }
      }
    }
    return List.copyOf(done);
  }

  /**
   * One task of a graph: a component and its arguments by input name. {@code isEnabled}, {@code
   * executionOptions} and {@code annotations} are kept as their parsed YAML (null when absent).
   */
  public record Task(ComponentRef componentRef, Map<String, Argument> arguments, Object isEnabled, Object executionOptions,
      Map<String, Object> annotations) {
    public Task {
      Objects.requireNonNull(componentRef, "componentRef");
      arguments = copy(arguments);
    }

    /** The ids of the tasks whose outputs this task takes. */
    public Set<String> upstream() {
      Set<String> ids = new LinkedHashSet<>();
      for (Argument a : arguments.values()) {
        if (a instanceof Argument.TaskOutput o) {
          ids.add(o.taskId());
        }
      }
      return ids;
    }
  }

  /**
   * {@code componentRef}: how to find a task's component, by {@code name}, {@code digest}, {@code
   * tag}, {@code url}, or inline as {@code spec}; at least one is set.
   */
  public record ComponentRef(String name, String digest, String tag, String url, ComponentSpec spec) {
    /** What identifies the component when it is not inline: {@code url '...'}, or the name, digest or tag. */
    public String describe() {
      List<String> parts = new ArrayList<>();
      if (url != null) {
        parts.add("url '" + url + "'");
      }
      if (name != null) {
        parts.add("name '" + name + "'");
      }
      if (digest != null) {
        parts.add("digest '" + digest + "'");
      }
      if (tag != null) {
        parts.add("tag '" + tag + "'");
      }
      return String.join(", ", parts);
    }
  }

  /** A task argument or an output value: a constant, a graph input, or another task's output. */
  public sealed interface Argument {
    /** A constant, in its text form. */
    record Constant(String value) implements Argument {
      public Constant {
        Objects.requireNonNull(value, "value");
      }
    }

    /** {@code {graphInput: {inputName: ..., type: ...}}}: an input of the graph component; {@code type} may be null. */
    record GraphInput(String inputName, TypeSpec type) implements Argument {}

    /** {@code {taskOutput: {taskId: ..., outputName: ..., type: ...}}}: an output of another task; {@code type} may be null. */
    record TaskOutput(String taskId, String outputName, TypeSpec type) implements Argument {}
  }
}
