package dev.kfp4j.local;

import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Channels;
import dev.kfp4j.model.Nodes;
import dev.kfp4j.model.Parameter;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Task;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.yaml.Yaml;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A task's inputs of its own, which its component does not declare ({@link Channels#ownInputs}), with their values in a run.
 * In a KFP 2 run they are every input KFP's compiler gives the task beyond its component's, and its executor input holds each
 * as KFP's driver passes it ({@code resolveInputs} loops over every input of the task): a channel's value as JSON of its type
 * (a number for an integer parameter or output, a loop's item as it is), and a setting's field ({@code cpu_limit}) the text of
 * its channel's value, as KFP's launcher fills the placeholder in ({@code getPlaceholders}). An Argo workflow passes a template
 * its parameters alone: there they are the channels of the task's f-strings, whose values fill the texts in and nothing else.
 * Which inputs a task has, and their types, are found once a run, when the task first runs.
 */
final class OwnInputs {
  /** A task's own inputs in one scope: each channel's value as text, and each input's value as its executor input holds it. */
  record Given(Map<String, String> channels, Map<String, JsonNode> executorInput) {
    static final Given NONE = new Given(Map.of(), Map.of());
  }

  /** An input of the task's own and the type of its value (null for text, or a loop's item, whose JSON is the item's). */
  private record Own(String name, Argument argument, ParameterType type) {}

  private final Pipeline pipeline;
  /** Each task's component, by task name: the type of a task's output. */
  private final Map<String, ComponentSpec> components;
  private final boolean kfp2;
  private final Map<Task, List<Own>> known = Collections.synchronizedMap(new IdentityHashMap<>());

  /** For a run of {@code pipeline} (a KFP 2 spec's when {@code kfp2}), whose tasks run {@code components}, by task name. */
  OwnInputs(Pipeline pipeline, Map<String, ComponentSpec> components, boolean kfp2) {
    this.pipeline = pipeline;
    this.components = components;
    this.kfp2 = kfp2;
  }

  /** The inputs of {@code task}'s own with their values in {@code scope}; {@code where} names the task for errors. */
  Given of(Task task, ArgumentValues values, Scope scope, String where) {
    List<Own> own = known.computeIfAbsent(task, this::find);
    if (own.isEmpty()) {
      return Given.NONE;
    }
    Map<String, String> channels = new LinkedHashMap<>();
    for (Own o : own) {
      if (!(o.argument() instanceof Argument.Constant)) {
        String text = values.value(o.argument(), scope, where + " input '" + o.name() + "'");
        if (text == null && kfp2) { // as KFP's driver: the resolved input parameter is null
          throw new WorkflowException(where + ": its input '" + o.name() + "' takes " + Nodes.describeFromRun(o.argument())
              + ", which has no value: KFP's driver fails a task so (only an input of the component's may be left out); "
              + "give the parameter a value");
        }
        channels.put(o.name(), text);
      }
    }
    if (!kfp2) {
      return new Given(channels, Map.of());
    }
    Map<String, JsonNode> json = new LinkedHashMap<>();
    for (Own o : own) {
      json.put(o.name(), o.argument() instanceof Argument.Constant c ? Yaml.nodes().stringNode(Channels.fill(c.text(), channels))
          : o.argument() instanceof Argument.LoopItem item ? item(item, scope) : ArgumentValues.json(channels.get(o.name()), o.type()));
    }
    return new Given(channels, json);
  }

  private List<Own> find(Task task) {
    List<Own> out = new ArrayList<>();
    (kfp2 ? Channels.ownInputs(task) : Channels.of(task)).forEach((n, a) -> out.add(new Own(n, a, type(a))));
    return List.copyOf(out);
  }

  /** The value of a loop's item, or of its field, as the loop holds it (KFP's driver gives the item's JSON value). */
  private static JsonNode item(Argument.LoopItem item, Scope scope) {
    JsonNode v = scope.item(item.loop());
    return item.field() == null ? v : v.path(item.field());
  }

  /** The type of {@code a}'s value: a constant's, a parameter's, an output's, a list for collected values; else null. */
  private ParameterType type(Argument a) {
    if (a instanceof Argument.Constant c) {
      return c.type();
    }
    if (a instanceof Argument.PipelineParameter p) {
      return pipeline.parameter(p.name()).map(Parameter::type).orElse(null);
    }
    if (a instanceof Argument.TaskOutput o) {
      ComponentSpec c = components.get(o.task());
      return c == null ? null : c.output(o.output()).map(ArgumentValues::type).orElse(null);
    }
    if (a instanceof Argument.OneOf o) {
      return type(o.outputs().get(0));
    }
    return a instanceof Argument.Collected ? ParameterType.LIST : null;
  }
}
