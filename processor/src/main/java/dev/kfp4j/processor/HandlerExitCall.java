package dev.kfp4j.processor;

import dev.kfp4j.model.Argument;
import dev.kfp4j.model.CalledPipeline;
import dev.kfp4j.model.Nodes;
import dev.kfp4j.model.Parameter;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.RunSetting;
import dev.kfp4j.model.Task;
import dev.kfp4j.spec.InputSpec;
import dev.kfp4j.spec.TypeSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The call of a pipeline run as the exit task of one of several exit handlers ({@code Dsl.exitHandler(() ->
 * Cleanup.cleanup(Dsl.runStatus()), () -> { ... })} beside other statements), as KFP 2's compiler writes it: a {@link
 * CalledPipeline} keeping its own DAG, run after its handler's group whatever happened ({@link
 * RunSetting.IgnoreUpstreamFailure}); its parameter taking the status ({@code PipelineTaskFinalStatus}), which the called
 * pipeline's model leaves out (its tasks read {@code Dsl.runStatus()}), is put back as a parameter its tasks read, given the
 * group's status ({@link Argument.RunValue.Kind#STATUS}, KFP 2's {@code taskFinalStatus}).
 */
final class HandlerExitCall {
  private HandlerExitCall() {}

  /** The call the stand-in task {@code standIn} makes of {@code callee}, given {@code given}. */
  static CalledPipeline of(Task standIn, Pipeline callee, Map<String, Argument> given) {
    String status = standIn.component().inputs().stream().filter(i -> TypeSpec.TASK_FINAL_STATUS.equals(i.type()))
        .map(InputSpec::name).filter(n -> standIn.arguments().get(n) instanceof Argument.RunValue).findFirst().orElse(null);
    Pipeline called = callee;
    Map<String, Argument> arguments = new LinkedHashMap<>(given);
    if (status != null && callee.parameter(status).isEmpty()) {
      List<Parameter> parameters = new ArrayList<>(callee.parameters());
      parameters.add(new Parameter(status, ParameterType.STRUCT, null, null));
      called = new Pipeline(callee.name(), callee.description(), parameters,
          Nodes.replaceTasks(callee.nodes(), t -> readsParameter(t, status), false), callee.exitTask(), callee.settings(),
          callee.source(), callee.outputs(), callee.exitPipeline(), callee.exitHandlerName(), callee.outputDescriptions());
      arguments.put(status, new Argument.RunValue(Argument.RunValue.Kind.STATUS));
    }
    return new CalledPipeline(standIn.name(), called, arguments, standIn.after(), List.of(new RunSetting.IgnoreUpstreamFailure()));
  }

  /** Task {@code t} reading parameter {@code status} where it read the run's status. */
  private static Task readsParameter(Task t, String status) {
    Map<String, Argument> args = new LinkedHashMap<>();
    t.arguments().forEach((k, v) -> args.put(k, Argument.RunValue.isStatus(v)
        ? new Argument.PipelineParameter(status) : v));
    return new Task(t.name(), t.component(), args, t.after(), t.settings());
  }
}
