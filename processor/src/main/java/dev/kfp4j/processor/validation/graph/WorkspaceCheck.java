package dev.kfp4j.processor.validation.graph;

import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Workspace;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.base.Position;
import dev.kfp4j.processor.base.Reporter;
import dev.kfp4j.processor.graph.PipelineBuilder;
import dev.kfp4j.processor.graph.StepBuilder;
import java.util.Map;

/**
 * A text naming the run's workspace ({@code Dsl.WORKSPACE_PATH}, KFP's {@code
 * dsl.WORKSPACE_PATH_PLACEHOLDER}) is given only in a pipeline that has one ({@code
 * @Pipeline(workspaceSize)}), as KFP's compiler requires: without it there is nothing to mount; so
 * is an importer that downloads into it ({@code downloadToWorkspace(true)}).
 */
final class WorkspaceCheck implements GraphCheck {
  @Override
  public void check(PipelineBuilder graph, Reporter reporter) {
    if (graph.pipeline().settings() == null || graph.pipeline().settings().workspace() != null) {
      return;
    }
    for (StepBuilder step : graph.steps()) {
      if (step instanceof dev.kfp4j.processor.graph.ImporterBuilder i && i.downloadsToWorkspace()) {
        reporter.error(step.position(), Message.IMPORTER_WORKSPACE_NOT_SET, step.name());
      }
      for (Map.Entry<String, Argument> e : step.arguments().values().entrySet()) {
        if (e.getValue() instanceof Argument.Constant c && c.text().contains(Workspace.PLACEHOLDER)) {
          Position at = step.arguments().position(e.getKey());
          reporter.error(at == null ? step.position() : at, Message.WORKSPACE_NOT_SET, c.text());
        }
      }
    }
  }
}
