package dev.kfp4j.processor.validation.graph;

import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Loop;
import dev.kfp4j.processor.base.Format;
import dev.kfp4j.processor.base.FormatMessage;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.base.Reporter;
import dev.kfp4j.processor.graph.Group;
import dev.kfp4j.processor.graph.PipelineBuilder;

/**
 * A loop over a list {@code Dsl.collect} made ({@code Dsl.forEach(models, m -> ...)}) iterates over
 * the artifacts it collected, one artifact an item, as KFP 2's {@code dsl.ParallelFor} over a list
 * of artifacts ({@code artifactIterator}): a list of collected values is no loop's items (KFP's
 * compiler takes no {@code dsl.Collected} of values there), and KFP v1's Argo workflow has no loop
 * over artifacts.
 */
final class LoopItemsCheck implements GraphCheck {
  @Override
  public void check(PipelineBuilder graph, Reporter reporter) {
    for (Group g : graph.groups()) {
      if (g.kind() != Group.Kind.LOOP || !(g.items() instanceof Loop.Over over)) {
        continue;
      }
      Argument.TaskOutput called = ArtifactLists.called(graph, over.source()); // Dsl.forEach(inner(), ...): KFP's ParallelFor(inner().output)
      if (called != null && graph.pipeline().writes(Format.ARGO)) {
        reporter.error(g.itemsPosition(), FormatMessage.ARGO_CALLED_ARTIFACT_LIST, called.output(),
            ((dev.kfp4j.processor.graph.TaskBuilder) graph.step(called.task())).pipelineCall().pipelineName());
      }
      if (!(over.source() instanceof Argument.Collected c)) {
        continue;
      }
      if (ArgumentTypeCheck.collectedArtifacts(graph, c) == null) {
        reporter.error(g.itemsPosition(), Message.LOOP_OVER_COLLECTED_VALUES, c.task(), c.loop());
      } else if (graph.pipeline().writes(Format.ARGO)) {
        reporter.error(g.itemsPosition(), FormatMessage.ARGO_ARTIFACT_LOOP, c.task(), c.loop());
      }
    }
  }
}
