package dev.kfp4j.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A pipeline called in another (KFP's pipeline used as a component): the call's name in the calling
 * pipeline, the called {@code pipeline} (its parameters, its nodes reading those parameters, its
 * outputs, its names its own), the arguments the call gives it by parameter name (one left out: its
 * default, or left out of the tasks that take it), and the steps the call waits for besides those
 * it reads from, and its own settings: a display name and caching ({@code set_caching_options}, a cache key too), the
 * only ones KFP takes on a pipeline used as a component, and {@link RunSetting.IgnoreUpstreamFailure} for a pipeline run as
 * the exit task of one of several exit handlers (KFP 2's {@code triggerPolicy.strategy: ALL_UPSTREAM_TASKS_COMPLETED},
 * waiting for its handler's group), which may give a parameter of it the handler's final status ({@link
 * Argument.RunValue.Kind#STATUS}, KFP 2's {@code taskFinalStatus}). What reads an output of the call reads
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
      if (!takes(s)) {
        throw new IllegalArgumentException("call '" + name + "' of pipeline '" + pipeline.name() + "' has setting " + s
            + "; a pipeline called in another takes a display name, caching, a cache key and ignoreUpstreamFailure (the exit task of one of"
            + " several exit handlers) only: set the others on its tasks");
      }
    }
    boolean afterFailure = settings.stream().anyMatch(s -> s instanceof RunSetting.IgnoreUpstreamFailure);
    for (Map.Entry<String, Argument> a : arguments.entrySet()) {
      if (Argument.RunValue.isStatus(a.getValue()) && !afterFailure) {
        throw new IllegalArgumentException("call '" + name + "' gives pipeline '" + pipeline.name() + "' the final status (parameter '"
            + a.getKey() + "'), which only a call run whatever happened (ignoreUpstreamFailure: an exit handler's exit task) gets");
      }
    }
    for (String given : arguments.keySet()) {
      if (pipeline.parameter(given).isEmpty()) {
        throw new IllegalArgumentException("call '" + name + "' gives pipeline '" + pipeline.name() + "' argument '" + given
            + "', which is none of its parameters");
      }
    }
  }

  /**
   * Whether a pipeline called in another takes setting {@code s}: a display name, caching and a cache key (the settings KFP
   * takes on a pipeline used as a component), and {@link RunSetting.IgnoreUpstreamFailure} for the exit task of one of
   * several exit handlers.
   */
  public static boolean takes(TaskSetting s) {
    return s instanceof TaskSetting.DisplayName || s instanceof RunSetting.Caching || s instanceof RunSetting.CacheKey
        || s instanceof RunSetting.IgnoreUpstreamFailure;
  }

  /** A call that waits for nothing but what it reads, with no settings of its own. */
  public CalledPipeline(String name, Pipeline pipeline, Map<String, Argument> arguments) {
    this(name, pipeline, arguments, List.of(), List.of());
  }
}
