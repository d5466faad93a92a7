package dev.kfp4j.processor.validation.graph;

import dev.kfp4j.processor.base.Reporter;
import dev.kfp4j.processor.graph.PipelineBuilder;

/** One check of a pipeline's DAG as read from its body, reporting each mistake where it is written. */
interface GraphCheck {
  void check(PipelineBuilder graph, Reporter reporter);
}
