package dev.kfp4j.processor.graph;

/**
 * A {@code @Pipeline} method called in another's body: the method as {@code pkg.Owner.method(types)},
 * the called pipeline's name, and whether its body is compiled in this javac run (else its KFP 2
 * spec, or its Argo workflow, is read from the class path).
 */
public record PipelineCall(String source, String pipelineName, boolean compiledHere) {}
