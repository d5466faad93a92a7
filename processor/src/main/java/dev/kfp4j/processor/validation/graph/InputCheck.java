package dev.kfp4j.processor.validation.graph;

import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.base.Reporter;
import dev.kfp4j.processor.graph.Arguments;
import dev.kfp4j.processor.graph.GraphCall;
import dev.kfp4j.processor.graph.PipelineBuilder;
import dev.kfp4j.processor.graph.StepBuilder;
import dev.kfp4j.processor.graph.TaskBuilder;
import dev.kfp4j.processor.base.Position;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.InputSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Each call gives values only to inputs its component has, and to every required one (a value
 * that could not be read counts as given: its error is enough). A graph task that misses a value
 * because its graph's call missed one is not reported again.
 */
final class InputCheck implements GraphCheck {
  @Override
  public void check(PipelineBuilder graph, Reporter reporter) {
    Set<GraphCall> missing = new HashSet<>();
    for (GraphCall call : graph.graphCalls()) {
      if (!inputs(call.name(), call.component(), call.arguments(), call.position(), reporter)) {
        missing.add(call);
      }
    }
    for (StepBuilder step : graph.steps()) {
      if (!(step instanceof TaskBuilder task)) {
        continue;
      }
      GraphCall call = task.graphCall();
      if (call == null && task.pipelineCall() != null) {
        // a called pipeline's inputs are optional but for the artifacts it takes without @Nullable (KFP's Input[Dataset])
        for (InputSpec in : required(task.component())) {
          if (!task.arguments().gives(in.name())) {
            reporter.error(task.position(), Message.MISSING_PIPELINE_ARTIFACT, task.pipelineCall().pipelineName(), in.name(),
                in.name());
          }
        }
      } else if (call == null) {
        inputs(task.name(), task.component(), task.arguments(), task.position(), reporter);
      } else if (!missing.contains(call)) {
        for (InputSpec in : required(task.component())) {
          if (!task.arguments().gives(in.name())) {
            String component = task.component().name() == null ? task.graphTaskId() : task.component().name();
            reporter.error(call.position(), Message.MISSING_GRAPH_ARGUMENT, task.graphTaskId(), call.component().name(), in.name(),
                component);
          }
        }
      }
    }
  }

  /** Checks the inputs a call of {@code component} gives; false when a required one is missing. */
  private static boolean inputs(String task, ComponentSpec component, Arguments arguments, Position at, Reporter reporter) {
    for (String input : arguments.inputs()) {
      if (component.input(input).isEmpty() && !isChannel(input, arguments)) {
        Position p = arguments.position(input);
        reporter.error(p == null ? at : p, Message.UNKNOWN_INPUT, component.name(), input,
            component.inputs().stream().map(InputSpec::name).toList());
      }
    }
    boolean complete = true;
    for (InputSpec in : required(component)) {
      if (!arguments.gives(in.name())) {
        reporter.error(at, Message.MISSING_ARGUMENT, task, in.name());
        complete = false;
      }
    }
    return complete;
  }

  /** Whether {@code input} is a task's own input that a joined text given to another input reads (KFP's f-string's channel). */
  static boolean isChannel(String input, Arguments arguments) {
    return input.startsWith(dev.kfp4j.model.Channels.PREFIX) && arguments.values().values().stream()
        .anyMatch(a -> a instanceof dev.kfp4j.model.Argument.Constant c && c.text().contains("['" + input + "']"));
  }

  private static List<InputSpec> required(ComponentSpec component) {
    return component.inputs().stream().filter(in -> !in.optional() && in.defaultValue() == null).toList();
  }
}
