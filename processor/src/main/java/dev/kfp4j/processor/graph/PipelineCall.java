package dev.kfp4j.processor.graph;

import java.util.Set;

/**
 * A {@code @Pipeline} method called in another's body: the method as {@code pkg.Owner.method(types)},
 * the called pipeline's name, whether its body is compiled in this javac run (else its KFP 2
 * spec, or its Argo workflow, is read from the class path), and its outputs that are lists of
 * artifacts (a {@code List<Path>} returned: the artifacts its {@code Dsl.collect} collects, KFP's
 * {@code List[Dataset]} output), and the resource of the KFP 2 pipeline file it runs when the call is of an op {@code
 * @ImportComponents} made of one (null for a {@code @Pipeline} method).
 */
public record PipelineCall(String source, String pipelineName, boolean compiledHere, Set<String> artifactLists, String file) {
  public PipelineCall {
    artifactLists = Set.copyOf(artifactLists);
  }

  /** The call of a {@code @Pipeline} method. */
  public PipelineCall(String source, String pipelineName, boolean compiledHere, Set<String> artifactLists) {
    this(source, pipelineName, compiledHere, artifactLists, null);
  }

  /** The call of the op of the KFP 2 pipeline file at {@code resource}, named {@code pipelineName}. */
  public static PipelineCall ofFile(String resource, String pipelineName, Set<String> artifactLists) {
    return new PipelineCall("file:" + resource, pipelineName, false, artifactLists, resource);
  }
}
