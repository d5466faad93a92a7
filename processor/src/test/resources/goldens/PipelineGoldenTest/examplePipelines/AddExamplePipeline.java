package dev.kfp4j.examples;

import dev.kfp4j.dsl.Ops;
import dev.kfp4j.entrypoint.KfpValues;
import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.Workflow;
import dev.kfp4j.yaml.Yaml;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Generated;

/**
 * The compiled pipeline {@code add-example} of {@link AddExample#addExample}.
 */
@Generated("dev.kfp4j.processor.Kfp4jProcessor")
public final class AddExamplePipeline {
  /**
   * The pipeline name.
   */
  public static final String NAME = "add-example";

  /**
   * The classpath resource holding the workflow YAML (Argo, for KFP v1).
   */
  public static final String RESOURCE = "META-INF/kfp4j/pipelines/add-example.yaml";

  /**
   * The classpath resource holding KFP 2's pipeline spec (with its Kubernetes platform document, if any).
   */
  public static final String KFP2_RESOURCE = "META-INF/kfp4j/kfp2/pipelines/add-example.yaml";

  /**
   * The pipeline's parameter names, in order: the values a run gives (not the artifacts it takes).
   */
  public static final List<String> PARAMETERS = List.of("value1", "value2");

  private AddExamplePipeline() {
  }

  /**
   * The compiled Argo Workflow, as written by the processor.
   *
   * @return the workflow's YAML text
   */
  public static String yaml() {
    return Yaml.resource(AddExamplePipeline.class, RESOURCE);
  }

  /**
   * The compiled KFP 2 pipeline spec, as written by the processor.
   *
   * @return the pipeline spec's YAML text
   */
  public static String kfp2Yaml() {
    return Yaml.resource(AddExamplePipeline.class, KFP2_RESOURCE);
  }

  /**
   * Run arguments in KFP's text form, by parameter name; a null leaves a parameter to its default.
   *
   * @param value1 the first value
   * @param value2 the second value
   * @return each parameter given, by name, its value in KFP's text form
   */
  public static Map<String, String> arguments(Integer value1, Integer value2) {
    Map<String, String> out = new LinkedHashMap<>();
    Ops.args("value1", value1, "value2", value2).forEach((k, v) -> out.put(k, KfpValues.format(v)));
    return out;
  }

  /**
   * Runs the pipeline on this machine with the default {@link LocalRunner}; a null leaves a parameter to its default.
   *
   * @param value1 the first value
   * @param value2 the second value
   * @return the finished run
   */
  public static RunResult runLocally(Integer value1, Integer value2) {
    return LocalRunner.builder().build().run(Workflow.resource(AddExamplePipeline.class.getClassLoader(), RESOURCE), arguments(value1, value2));
  }
}
