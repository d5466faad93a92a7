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
   * The task settings a graph task's {@code executionOptions} give: its retries ({@code
   * retryStrategy.maxRetries}) and caching off ({@code cachingStrategy.maxCacheStaleness: P0D}).
   */
  public static java.util.List<dev.kfp4j.model.TaskSetting> settings(Task task) {
    java.util.List<dev.kfp4j.model.TaskSetting> out = new java.util.ArrayList<>();
    if (maxRetries(task) >= 0) {
      out.add(new dev.kfp4j.model.RunSetting.Retry(maxRetries(task), null));
    }
    if (cachingOff(task)) {
      out.add(new dev.kfp4j.model.RunSetting.Caching(false));
    }
    return out;
  }

  /**
   * Expands a call of graph component {@code spec} as KFP v1's compiler does ({@code
   * _resolve_graph_task}): in data order ({@link #sortedTaskIds}), each task of the graph becomes a
   * container task made by {@code tasks}, taking the call's {@code arguments} ({@code graphInput},
   * the inputs' defaults filled in; a graph input left out is left out), {@code constant}s, or
   * outputs of the tasks made before it ({@code taskOutput}); a task that is itself a graph is
   * expanded the same way. Returns the call's outputs, from {@code outputValues}.
   *
   * @param <A> how the caller represents an argument: a constant, a value given to the call, or an
   *     output of a task it made
   * @throws SpecException if a task's component is not inline ({@code componentRef.spec})
   */
  public static <A> Map<String, A> expand(ComponentSpec spec, Map<String, A> arguments, java.util.function.Function<String, A> constant,
      TaskMaker<A> tasks) {
    GraphSpec graph = spec.graph();
    Map<String, A> inputs = new LinkedHashMap<>(arguments);
    for (InputSpec in : spec.inputs()) {
      if (!inputs.containsKey(in.name()) && in.defaultValue() != null) {
        inputs.put(in.name(), constant.apply(in.defaultValue()));
      }
    }
    Map<String, java.util.function.Function<String, A>> outputs = new LinkedHashMap<>();
    java.util.function.Function<Argument, A> resolve = a -> {
      if (a instanceof Argument.Constant c) {
        return constant.apply(c.value());
      }
      if (a instanceof Argument.GraphInput g) {
        return inputs.get(g.inputName());
      }
      Argument.TaskOutput o = (Argument.TaskOutput) a;
      return outputs.get(o.taskId()).apply(o.outputName());
    };
    for (String id : graph.sortedTaskIds()) {
      Task t = graph.tasks().get(id);
      String[] problem = uncompilable(t);
      if (problem != null) {
        throw new SpecException("task '" + id + "' of graph component '" + spec.name() + "': " + problem[0] + ": " + problem[1]);
      }
      ComponentSpec child = t.componentRef().spec();
      Map<String, A> given = new LinkedHashMap<>();
      for (Map.Entry<String, Argument> a : t.arguments().entrySet()) {
        A value = resolve.apply(a.getValue());
        if (value != null) {
          given.put(a.getKey(), value);
        }
      }
      if (child.graph() != null) {
        Map<String, A> inner = expand(child, given, constant, tasks);
        outputs.put(id, inner::get);
      } else {
        outputs.put(id, tasks.task(id, t, child, given));
      }
    }
    Map<String, A> result = new LinkedHashMap<>();
    graph.outputValues().forEach((name, a) -> {
      A value = resolve.apply(a);
      if (value != null) {
        result.put(name, value);
      }
    });
    return result;
  }

  /**
   * Why kfp4j cannot compile {@code task} into workflow tasks, as {field, message} (the field
   * relative to the task), or null: its component is not inline ({@code url}, {@code name},
   * {@code digest}, {@code tag}: not fetched while compiling), it has {@code isEnabled}, or {@code
   * executionOptions} other than {@code retryStrategy.maxRetries} and {@code
   * cachingStrategy.maxCacheStaleness: P0D}.
   */
  static String[] uncompilable(Task task) {
    if (task.componentRef().spec() == null) {
      return new String[] {"componentRef", "refers to its component by " + task.componentRef().describe()
          + ", which kfp4j does not fetch while compiling; put the component's YAML inline under componentRef.spec"};
    }
    if (task.isEnabled() != null) {
      return new String[] {"isEnabled", "kfp4j does not compile conditional graph tasks (KFP v1 ignores isEnabled too); "
          + "remove it, or call the components from a @Pipeline inside Dsl.when(...)"};
    }
    if (task.executionOptions() instanceof Map<?, ?> options) {
      for (Map.Entry<?, ?> e : options.entrySet()) {
        boolean ok = switch (String.valueOf(e.getKey())) {
          case "retryStrategy" -> e.getValue() instanceof Map<?, ?> m && m.size() == 1
              && (m.get("maxRetries") instanceof Integer || m.get("maxRetries") instanceof Long) && ((Number) m.get("maxRetries")).longValue() >= 0;
          case "cachingStrategy" -> e.getValue() instanceof Map<?, ?> m && m.size() == 1 && "P0D".equals(m.get("maxCacheStaleness"));
          default -> false;
        };
        if (!ok) {
          return new String[] {"executionOptions." + e.getKey(), "kfp4j compiles executionOptions {retryStrategy: {maxRetries: <n>}} and "
              + "{cachingStrategy: {maxCacheStaleness: P0D}} (caching off); found " + e.getKey() + ": " + flow(e.getValue())};
        }
      }
    } else if (task.executionOptions() != null) {
      return new String[] {"executionOptions", "expected a mapping, found " + flow(task.executionOptions())};
    }
    return null;
  }

  private static String flow(Object yaml) {
    return dev.kfp4j.yaml.FlowYaml.write(dev.kfp4j.yaml.Yaml.mapper().valueToTree(yaml));
  }

  /** The retries a compilable task's {@code executionOptions} ask for, or -1 for none. */
  public static int maxRetries(Task task) {
    return task.executionOptions() instanceof Map<?, ?> o && o.get("retryStrategy") instanceof Map<?, ?> r
        && r.get("maxRetries") instanceof Number n ? n.intValue() : -1;
  }

  /** Whether a compilable task's {@code executionOptions} turn caching off ({@code maxCacheStaleness: P0D}). */
  public static boolean cachingOff(Task task) {
    return task.executionOptions() instanceof Map<?, ?> o && o.get("cachingStrategy") instanceof Map<?, ?> c
        && "P0D".equals(c.get("maxCacheStaleness"));
  }

  /** Makes the container tasks of an expanded graph ({@link #expand}). */
  @FunctionalInterface
  public interface TaskMaker<A> {
    /**
     * Adds a task running container component {@code component}, graph task {@code id} ({@code
     * task} for its options), with {@code arguments} by input name; returns its outputs by name.
     */
    java.util.function.Function<String, A> task(String id, Task task, ComponentSpec component, Map<String, A> arguments);
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
