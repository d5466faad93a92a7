package dev.kfp4j.format.kfp2;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.CalledPipeline;
import dev.kfp4j.model.Node;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.TaskSetting;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import tools.jackson.databind.JsonNode;

/**
 * Reads a task running another pipeline's DAG as a call of it ({@link Kfp2Reader#readNested}): a
 * {@link CalledPipeline} of the pipeline the task's DAG component is, given the task's inputs, with
 * its display name ({@code taskInfo.name}) and caching ({@code set_caching_options}, its cache key too) as its settings, and, for the exit
 * task of one of several exit handlers ({@code ALL_UPSTREAM_TASKS_COMPLETED}), ignoreUpstreamFailure; an input given {@code
 * taskFinalStatus} is given {@link Argument.RunValue.Kind#STATUS}.
 */
final class CallReader {
  private CallReader() {}

  /** How to make the call named {@code name}, task {@code task} running component {@code compName} of {@code spec}, given {@code given}. */
  static BiFunction<List<String>, List<Node>, Node> read(JsonNode spec, JsonNode platform, String name, JsonNode task,
      String compName, Map<String, Argument> given, String where) {
    if (given.values().stream().anyMatch(GroupInputs::isAbsent)) {
      throw new FormatException(where + ": it is given a value its caller does not have");
    }
    Pipeline called = Kfp2Reader.readCalled(spec, platform, spec.path("components").path(compName),
        compName.startsWith("comp-") ? compName.substring(5) : compName, where);
    List<TaskSetting> settings = new java.util.ArrayList<>(SettingsReader.displayNameAndCaching(name, task));
    if (TriggerPolicies.afterAll(task)) { // the exit task of one of several exit handlers: run whatever happened
      settings.add(new dev.kfp4j.model.RunSetting.IgnoreUpstreamFailure());
    }
    return (after, body) -> new CalledPipeline(name, called, given, after, settings);
  }
}
