package dev.kfp4j.processor.validation.graph;

import dev.kfp4j.processor.base.Reporter;
import dev.kfp4j.processor.graph.PipelineBuilder;
import java.util.List;

/** Every check of a pipeline's DAG, in the order their mistakes read best. */
public final class GraphChecks {
  private static final List<GraphCheck> ALL = List.of(
      new InputCheck(),
      new ScopeCheck(),
      new ArgumentTypeCheck(),
      new ComparisonTypeCheck(),
      new LoopItemsCheck(),
      new OptionalParameterCheck(),
      new ConstantSizeCheck(),
      new WorkspaceCheck(),
      new ExitTaskCheck(),
      new UpstreamFailureCheck(),
      new UpstreamFailureHooksCheck(),
      new ImporterUriCheck(),
      new ResourceStepSettingsCheck(),
      new VolumeClaimCheck(),
      new CycleCheck(),
      new Kfp2Check(),
      new ArgoCheck(),
      new TaskConfigCheck());

  private GraphChecks() {}

  /** Runs every check on {@code graph}; true when none found a mistake. */
  public static boolean check(PipelineBuilder graph, Reporter reporter) {
    int before = reporter.errorCount();
    for (GraphCheck c : ALL) {
      c.check(graph, reporter);
    }
    return reporter.errorCount() == before;
  }
}
