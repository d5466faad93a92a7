package dev.kfp4j.processor.validation.graph;

import dev.kfp4j.model.Argument;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.base.Reporter;
import dev.kfp4j.processor.graph.ImporterBuilder;
import dev.kfp4j.processor.graph.PipelineBuilder;
import dev.kfp4j.processor.graph.StepBuilder;
import dev.kfp4j.processor.graph.TaskBuilder;
import dev.kfp4j.spec.InputSpec;
import dev.kfp4j.spec.OutputSpec;
import java.util.Map;

/**
 * KFP's type check of a task output given to an input: declared types must be equal, except that
 * a {@code String} input takes any text value, and (as in KFP 2) an {@code Artifact} input takes
 * any artifact and an {@code Artifact} output feeds any artifact input. A KFP 2 schema title is
 * the type of its name: {@code system.Dataset} is {@code Dataset}.
 */
final class ArgumentTypeCheck implements GraphCheck {
  @Override
  public void check(PipelineBuilder graph, Reporter reporter) {
    for (StepBuilder step : graph.steps()) {
      if (!(step instanceof TaskBuilder task) || task.graphCall() != null) {
        continue;
      }
      for (Map.Entry<String, Argument> e : task.arguments().values().entrySet()) {
        // one of a chain's outputs: all of the first's type (OneOfReader checks it)
        Argument a = e.getValue() instanceof Argument.OneOf one ? one.outputs().get(0) : e.getValue();
        if (a instanceof Argument.TaskOutput o && (graph.step(o.task()) instanceof TaskBuilder
            || graph.step(o.task()) instanceof ImporterBuilder)) {
          String outType = graph.step(o.task()) instanceof ImporterBuilder importer
              ? type(dev.kfp4j.spec.TypeSpec.named(importer.artifactType()))
              : type(((TaskBuilder) graph.step(o.task())).component().output(o.output()).map(OutputSpec::type).orElse(null));
          String inType = type(task.component().input(e.getKey()).map(InputSpec::type).orElse(null));
          if (outType != null && inType != null && !outType.equals(inType) && !compatible(outType, inType)) {
            reporter.error(task.arguments().position(e.getKey()), Message.FILE_TYPE_MISMATCH, o.output(), o.task(), outType,
                e.getKey(), task.component().name(), inType, inType);
          }
        }
      }
    }
  }

  private static boolean compatible(String out, String in) {
    return in.equals("String") || in.equals("Artifact") || out.equals("Artifact");
  }

  /** A type's name; a KFP 2 schema title ({@code system.Dataset}) as KFP v1's name ({@code Dataset}). */
  private static String type(dev.kfp4j.spec.TypeSpec type) {
    if (type == null || type.name() == null) {
      return null;
    }
    return type.name().startsWith("system.") ? type.name().substring("system.".length()) : type.name();
  }
}
