package dev.kfp4j.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A pipeline called in another (KFP's pipeline used as a component): the call's name in the calling
 * pipeline, the called {@code pipeline} (its parameters, its nodes reading those parameters, its
 * outputs, its names its own), the arguments the call gives it by parameter name (one left out: its
 * default, or left out of the tasks that take it), and the steps the call waits for besides those
 * it reads from, and its own settings: a display name and caching ({@code set_caching_options}), the
 * only ones KFP takes on a pipeline used as a component. What reads an output of the call reads
 * {@code TaskOutput(call, output)}.
 *
 * <p>KFP 2's spec writes it as KFP's compiler does: one task running a DAG component. Every other
 * format, the local runner and the pictures see the pipeline flat ({@link Flattening#flat}): the
 * called pipeline's steps named {@code <call>-<step>}.
 */
public record CalledPipeline(String name, Pipeline pipeline, Map<String, Argument> arguments, List<String> after,
    List<TaskSetting> settings) implements Step {
  public CalledPipeline {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(pipeline, "pipeline");
    arguments = Models.copy(arguments);
    after = List.copyOf(after);
    settings = List.copyOf(settings);
    for (TaskSetting s : settings) {
      if (!(s instanceof TaskSetting.DisplayName) && !(s instanceof RunSetting.Caching)) {
        throw new IllegalArgumentException("call '" + name + "' of pipeline '" + pipeline.name() + "' has setting " + s
            + "; a pipeline called in another takes a display name and caching only: set the others on its tasks");
      }
    }
    for (String given : arguments.keySet()) {
      if (pipeline.parameter(given).isEmpty()) {
        throw new IllegalArgumentException("call '" + name + "' gives pipeline '" + pipeline.name() + "' argument '" + given
            + "', which is none of its parameters");
      }
    }
  }

  /** A call that waits for nothing but what it reads, with no settings of its own. */
  public CalledPipeline(String name, Pipeline pipeline, Map<String, Argument> arguments) {
    this(name, pipeline, arguments, List.of(), List.of());
  }
}
