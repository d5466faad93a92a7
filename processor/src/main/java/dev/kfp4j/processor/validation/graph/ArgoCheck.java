package dev.kfp4j.processor.validation.graph;

import dev.kfp4j.model.Argument;
import dev.kfp4j.processor.base.Format;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.base.Position;
import dev.kfp4j.processor.base.Reporter;
import dev.kfp4j.processor.graph.PipelineBuilder;
import dev.kfp4j.processor.graph.StepBuilder;
import dev.kfp4j.processor.graph.TaskBuilder;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.JavaEntrypoint;
import dev.kfp4j.spec.Placeholder;
import java.util.List;
import java.util.Map;

/**
 * When a pipeline is written as an Argo Workflow (KFP v1), it uses only what KFP v1 can run: no
 * loop outputs collected ({@code Dsl.collect}), no importer ({@code Dsl.importer}), and no component that takes KFP 2's executor
 * input ({@code {{$}}}) other than kfp4j's own Java components, which speak both protocols.
 */
final class ArgoCheck implements GraphCheck {
  @Override
  public void check(PipelineBuilder graph, Reporter reporter) {
    if (!graph.pipeline().writes(Format.ARGO)) {
      return;
    }
    for (StepBuilder step : graph.steps()) {
      for (Map.Entry<String, Argument> e : step.arguments().values().entrySet()) {
        if (e.getValue() instanceof Argument.Collected) {
          Position at = step.arguments().position(e.getKey());
          reporter.error(at == null ? step.position() : at, Message.ARGO_COLLECTED);
        }
      }
      if (step instanceof dev.kfp4j.processor.graph.ImporterBuilder) {
        reporter.error(step.position(), Message.ARGO_IMPORTER);
      }
      if (step instanceof TaskBuilder task && takesExecutorInput(task.component())) {
        reporter.error(task.position(), Message.ARGO_EXECUTOR_INPUT, task.component().name());
      }
    }
  }

  /** Whether the component reads KFP 2's executor input and is not a kfp4j Java entrypoint. */
  private static boolean takesExecutorInput(ComponentSpec spec) {
    if (spec.container() == null || JavaEntrypoint.of(spec.container()).isPresent()) {
      return false;
    }
    return mentions(spec.container().command()) || mentions(spec.container().args());
  }

  private static boolean mentions(List<Placeholder> items) {
    for (Placeholder p : items) {
      if (p instanceof Placeholder.ExecutorInput) {
        return true;
      }
      if (p instanceof Placeholder.Concat c && mentions(c.items())) {
        return true;
      }
      if (p instanceof Placeholder.If i && (mentions(i.then()) || mentions(i.otherwise()))) {
        return true;
      }
    }
    return false;
  }
}
