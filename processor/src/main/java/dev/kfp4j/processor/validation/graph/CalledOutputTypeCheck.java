package dev.kfp4j.processor.validation.graph;

import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.base.Reporter;
import dev.kfp4j.processor.graph.PipelineBuilder;
import dev.kfp4j.processor.graph.StepBuilder;
import dev.kfp4j.processor.graph.TaskBuilder;
import dev.kfp4j.spec.InputSpec;
import dev.kfp4j.spec.OutputSpec;
import dev.kfp4j.spec.TypeSpec;
import java.util.Map;

/**
 * {@link ArgumentTypeCheck}'s check of a file or artifact that a called pipeline returns ({@code
 * Path model = train(...)}, or a record's {@code Path} component), made once the called pipeline is
 * read: its Java type ({@code Path}) says nothing of the artifact's, which is that of the output of
 * its task the called pipeline returns. A {@code Model} it returns given to a {@code Dataset} input
 * is the {@code TypeMismatch} it is when the task is in the caller, as KFP's compiler refuses it.
 */
public final class CalledOutputTypeCheck {
  private CalledOutputTypeCheck() {}

  /**
   * Checks the arguments of {@code graph}'s tasks that are outputs of its pipeline calls, {@code calls} the called
   * pipelines (their own calls put in) by the name of the call; true when none is of a type its input does not take.
   */
  public static boolean check(PipelineBuilder graph, Map<String, Pipeline> calls, Reporter reporter) {
    int before = reporter.errorCount();
    for (StepBuilder step : graph.steps()) {
      if (!(step instanceof TaskBuilder task) || task.graphCall() != null || task.pipelineCall() != null) {
        continue;
      }
      for (Map.Entry<String, Argument> e : task.arguments().values().entrySet()) {
        if (!(e.getValue() instanceof Argument.TaskOutput o) || !calls.containsKey(o.task())) {
          continue;
        }
        String outType = ArgumentTypeCheck.type(returnedType(calls.get(o.task()), o.output()));
        String inType = ArgumentTypeCheck.type(task.component().input(e.getKey()).map(InputSpec::type).orElse(null));
        if (outType != null && inType != null && !outType.equals(inType) && !ArgumentTypeCheck.compatible(outType, inType)) {
          reporter.error(task.arguments().position(e.getKey()), Message.FILE_TYPE_MISMATCH, o.output(), o.task(), outType,
              e.getKey(), task.component().name(), inType, inType);
        }
      }
    }
    return reporter.errorCount() == before;
  }

  /** The type of the output of the task that {@code called} returns as {@code output}; null when it is no task's. */
  private static TypeSpec returnedType(Pipeline called, String output) {
    if (!(called.outputs().get(output) instanceof Argument.TaskOutput o)) {
      return null;
    }
    return called.node(o.task()).filter(n -> n instanceof dev.kfp4j.model.Task)
        .flatMap(n -> ((dev.kfp4j.model.Task) n).component().output(o.output())).map(OutputSpec::type).orElse(null);
  }
}
