package dev.kfp4j.processor.validation.graph;

import dev.kfp4j.model.Argument;
import dev.kfp4j.model.ImporterStep;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.base.Reporter;
import dev.kfp4j.processor.graph.ImporterBuilder;
import dev.kfp4j.processor.graph.PipelineBuilder;
import dev.kfp4j.processor.graph.StepBuilder;

/**
 * An importer's URI is one KFP's backend can read. Its importer launcher ({@code ImportSpecToMLMDArtifact} in {@code
 * backend/src/v2/component/importer_launcher.go}) reads {@code artifactUri.runtimeParameter} as the {@code componentInputParameter}
 * of the task's input, looked up among its DAG's input values, as it is: a task's output of the importer's own DAG ({@code
 * taskOutputParameter}), a loop item's field (whose {@code parameterExpressionSelector} it does not apply), a branch's output or a
 * value of the run would fail the run. A pipeline parameter, a loop's item and a task's output from outside the
 * importer's group (which the group takes as an input of its own) are inputs of its DAG.
 */
final class ImporterUriCheck implements GraphCheck {
  @Override
  public void check(PipelineBuilder graph, Reporter reporter) {
    for (StepBuilder step : graph.steps()) {
      if (!(step instanceof ImporterBuilder importer)) {
        continue;
      }
      Argument uri = importer.arguments().values().get(ImporterStep.URI);
      String why = why(graph, importer, uri);
      if (why != null) {
        reporter.error(importer.arguments().position(ImporterStep.URI), Message.IMPORTER_URI_NOT_AN_INPUT, why);
      }
    }
  }

  /** What the URI is when KFP's importer cannot read it; null when it can. */
  private static String why(PipelineBuilder graph, ImporterBuilder importer, Argument uri) {
    if (uri == null || uri instanceof Argument.Constant || uri instanceof Argument.PipelineParameter) {
      return null;
    }
    if (uri instanceof Argument.LoopItem item) {
      return item.field() == null ? null : "the field '" + item.field() + "' of a loop's item";
    }
    if (uri instanceof Argument.TaskOutput o) {
      StepBuilder producer = graph.step(o.task());
      return producer == null || !producer.group().within(importer.group()) ? null
          : "the output '" + o.output() + "' of '" + o.task() + "', a task of its own group";
    }
    return uri instanceof Argument.OneOf ? "the output of the branch that ran (Dsl.oneOf)"
        : uri instanceof Argument.RunValue ? "a value of the run" : "a list collected in a loop";
  }
}
