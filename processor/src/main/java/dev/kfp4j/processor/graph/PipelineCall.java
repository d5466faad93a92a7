package dev.kfp4j.processor.graph;

import dev.kfp4j.model.Pipeline;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.InputSpec;
import dev.kfp4j.spec.TypeSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /**
   * The parameter of {@code callee} that each input of a stand-in task of interface {@code iface} gives, by input, in order:
   * by name, or by position when the inputs are not all its parameters (a class file compiled without {@code -parameters}:
   * {@code arg0}, {@code arg1}). Not the final status a pipeline run as the exit task takes: its tasks read it as the run's
   * ({@code Dsl.runStatus()}).
   */
  public static Map<String, String> parameters(ComponentSpec iface, Pipeline callee) {
    List<InputSpec> inputs = iface.inputs().stream().filter(i -> !TypeSpec.TASK_FINAL_STATUS.equals(i.type())).toList();
    boolean byName = inputs.stream().allMatch(i -> callee.parameter(i.name()).isPresent());
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      String parameter = byName ? inputs.get(i).name() : i < callee.parameters().size() ? callee.parameters().get(i).name() : null;
      if (parameter != null) {
        out.put(inputs.get(i).name(), parameter);
      }
    }
    return out;
  }
}
