package dev.kfp4j.model;

/**
 * A member of a pipeline's DAG or of a group: a {@link Step} that runs, or a group of nodes
 * ({@link Condition}, {@link Branches}, {@link Loop}). Names are unique in the pipeline.
 */
public sealed interface Node permits Step, Condition, Branches, Loop {
  String name();
}
