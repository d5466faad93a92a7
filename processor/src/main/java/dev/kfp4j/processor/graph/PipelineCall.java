package dev.kfp4j.processor.graph;

import java.util.Set;

/**
 * A {@code @Pipeline} method called in another's body: the method as {@code pkg.Owner.method(types)},
 * the called pipeline's name, whether its body is compiled in this javac run (else its KFP 2
 * spec, or its Argo workflow, is read from the class path), and its outputs that are lists of
 * artifacts (a {@code List<Path>} returned: the artifacts its {@code Dsl.collect} collects, KFP's
 * {@code List[Dataset]} output).
 */
public record PipelineCall(String source, String pipelineName, boolean compiledHere, Set<String> artifactLists) {
  public PipelineCall {
    artifactLists = Set.copyOf(artifactLists);
  }
}
