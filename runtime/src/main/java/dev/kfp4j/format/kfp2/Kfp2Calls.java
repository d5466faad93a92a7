package dev.kfp4j.format.kfp2;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.kfp2.Levels.Level;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.CalledPipeline;
import dev.kfp4j.model.Parameter;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.yaml.Yaml;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * The task of a pipeline called in another, as KFP 2's compiler writes a pipeline used as a
 * component: one task (named as the call, cached as a task unless its settings say not) running a DAG component whose inputs
 * are the called pipeline's parameters, whose DAG is its own (its tasks reading {@code
 * componentInputParameter: <parameter>}) and whose outputs are its outputs; its components and
 * executors merged into the caller's, renamed where their names are taken ({@link
 * Kfp2Components#pipeline}). The called pipeline runs with the caller's settings. A call run whatever happened (the exit
 * task of one of several exit handlers, {@link dev.kfp4j.model.RunSetting.IgnoreUpstreamFailure}) has KFP 2's {@code
 * triggerPolicy.strategy: ALL_UPSTREAM_TASKS_COMPLETED}, and gives each parameter given {@link Argument.RunValue.Kind#STATUS}
 * the {@code taskFinalStatus} of the one group it waits for, as KFP's compiler writes {@code build_task_spec_for_exit_task}.
 */
final class Kfp2Calls {
  private final Pipeline pipeline;
  private final TaskInputs inputs;
  private final Kfp2Components components;

  Kfp2Calls(Pipeline pipeline, TaskInputs inputs, Kfp2Components components) {
    this.pipeline = pipeline;
    this.inputs = inputs;
    this.components = components;
  }

  /** Fills {@code t}, the task of {@code call} in {@code level}'s DAG, adding what it waits for to {@code deps}. */
  void task(ObjectNode t, CalledPipeline call, Level level, Set<String> deps) {
    String where = "pipeline '" + pipeline.name() + "', call '" + call.name() + "' of pipeline '" + call.pipeline().name() + "'";
    t.putObject("cachingOptions").put("enableCache", true);
    // its display name and caching, the only settings a call takes, written as a task's
    Kfp2Settings settings = new Kfp2Settings(where, t, Yaml.object(), Yaml.object(), a -> inputs.parameter(a, level, deps));
    call.settings().forEach(s -> s.accept(settings));
    Pipeline inner = call.pipeline();
    java.util.List<String> statuses = new java.util.ArrayList<>();
    for (Parameter p : inner.parameters()) {
      Argument a = call.arguments().get(p.name());
      if (a == null) {
        continue;
      }
      if (Argument.RunValue.isStatus(a)) {
        statuses.add(p.name());
      } else if (a instanceof Argument.Constant c) {
        if (p.isArtifact()) {
          throw new FormatException(where + ": parameter '" + p.name() + "' is an artifact, which takes no constant in KFP 2; "
              + "pass an output of a task that writes the file");
        }
        ParameterType type = p.type() == null ? ParameterType.STRING : p.type();
        TaskInputs.constant(t, p.name(), Kfp2Components.value(c.text(), type, where + ", parameter '" + p.name() + "'"));
      } else {
        inputs.input(t, p.name(), a, level, deps, p.isArtifact());
      }
    }
    for (String status : statuses) { // the exit task of one of several exit handlers: its handler's group's status
      if (deps.size() != 1) {
        throw new FormatException(where + ": parameter '" + status + "' takes the final status, which KFP 2 gives a pipeline "
            + "run after one task or group whatever happened (an exit handler's exit task); it waits for " + deps.size() + " " + deps);
      }
      t.withObject("inputs").withObject("parameters").putObject(status).putObject("taskFinalStatus")
          .put("producerTask", deps.iterator().next());
    }
    t.putObject("componentRef").put("name", components.pipeline(call.name(),
        Kfp2Writer.unsortedDocuments(inner.withSettings(pipeline.settings()), false)));
  }
}
