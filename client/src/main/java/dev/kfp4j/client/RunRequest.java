package dev.kfp4j.client;

import dev.kfp4j.model.Parameter;
import dev.kfp4j.model.ParameterType;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a run or recurring run starts: an uploaded pipeline version, or (runs only) a compiled
 * pipeline sent inline; with its arguments in KFP's text form, such as a generated
 * {@code AddExamplePipeline.arguments(3, 4)} gives.
 *
 * <p>v2beta1 takes arguments as typed JSON values ({@code runtime_config.parameters}: numbers,
 * booleans, lists, structs, text) and refuses a value of another type than its parameter's: give
 * the pipeline's parameters with {@link #withParameterTypes}, and each argument is sent as its
 * parameter's type ({@code "3"} as {@code 3} for an integer); an argument of no known type goes as
 * text. v1beta1 sends text.
 *
 * @param name the run's display name
 * @param experimentId the experiment that owns the run; required by multi-user Kubeflow
 * @param pipelineId the pipeline of {@code versionId} (v2beta1 needs it), or null with a workflow
 * @param versionId the pipeline version to run, or null with a workflow
 * @param workflowYaml a compiled pipeline to run as is (an Argo workflow, or a KFP 2 pipeline spec
 *     for v2beta1), or null with a version
 * @param parameterTypes the type of each argument by name, as v2beta1 sends it
 * @param pipelineRoot where the run keeps its artifacts ({@code s3://bucket/root}), in the place of the pipeline's own, as
 *     KFP's {@code create_run_from_pipeline_*(pipeline_root=...)}: v2beta1's {@code runtime_config.pipeline_root}; null for
 *     the pipeline's
 * @param caching every task's caching for this run over what was compiled ({@code true} on, {@code false} off), as KFP's
 *     {@code create_run_from_pipeline_*(enable_caching=...)}: set in the inline workflow before it is sent ({@code
 *     format.kfp2.RunCaching}, {@code format.argo.RunCaching}); null for the compiled tasks' own. A version's spec was
 *     uploaded before: set its caching in the file uploaded ({@code RunCaching.override(yaml, false)})
 */
public record RunRequest(String name, String description, String experimentId, String pipelineId, String versionId,
    String workflowYaml, Map<String, String> arguments, Map<String, ParameterType> parameterTypes, String serviceAccount,
    String pipelineRoot, Boolean caching) {
  public RunRequest {
    Objects.requireNonNull(name, "name");
    if ((versionId == null) == (workflowYaml == null)) {
      throw new IllegalArgumentException("a run starts either a pipeline version or a workflow, exactly one");
    }
    arguments = arguments == null ? Map.of() : Map.copyOf(arguments);
    parameterTypes = parameterTypes == null ? Map.of() : Map.copyOf(parameterTypes);
    if (caching != null && workflowYaml == null) { // KFP's client too sets it only in a package it sends
      throw new IllegalArgumentException("a run's caching (" + caching + ") is set in the pipeline it sends, and a run of version "
          + versionId + " sends none: set it in the file before uploading it (RunCaching.override(yaml, " + caching + ")), or run the "
          + "compiled pipeline inline (RunRequest.ofWorkflow)");
    }
    pipelineRoot = pipelineRoot == null || pipelineRoot.isBlank() ? null : pipelineRoot;
  }

  /** A run of an uploaded pipeline version. */
  public static RunRequest ofVersion(String name, String experimentId, String pipelineId, String versionId,
      Map<String, String> arguments) {
    return new RunRequest(name, null, experimentId, pipelineId, Objects.requireNonNull(versionId, "versionId"), null, arguments,
        null, null, null, null);
  }

  /** A run of a compiled pipeline, not uploaded as a pipeline. */
  public static RunRequest ofWorkflow(String name, String experimentId, String workflowYaml, Map<String, String> arguments) {
    return new RunRequest(name, null, experimentId, null, null, Objects.requireNonNull(workflowYaml, "workflowYaml"), arguments,
        null, null, null, null);
  }

  public RunRequest withDescription(String description) {
    return new RunRequest(name, description, experimentId, pipelineId, versionId, workflowYaml, arguments, parameterTypes,
        serviceAccount, pipelineRoot, caching);
  }

  public RunRequest withServiceAccount(String serviceAccount) {
    return new RunRequest(name, description, experimentId, pipelineId, versionId, workflowYaml, arguments, parameterTypes,
        serviceAccount, pipelineRoot, caching);
  }

  /** The pipeline's parameters, whose types v2beta1 sends the arguments as (such as {@code pipeline.parameters()} of the model). */
  public RunRequest withParameterTypes(List<Parameter> parameters) {
    return new RunRequest(name, description, experimentId, pipelineId, versionId, workflowYaml, arguments, typesOf(parameters),
        serviceAccount, pipelineRoot, caching);
  }

  /** Where the run keeps its artifacts, in the place of the pipeline's own root (v2beta1 only); null or blank: the pipeline's. */
  public RunRequest withPipelineRoot(String pipelineRoot) {
    return new RunRequest(name, description, experimentId, pipelineId, versionId, workflowYaml, arguments, parameterTypes,
        serviceAccount, pipelineRoot, caching);
  }

  /**
   * Every task's caching for this run, over the compiled tasks' own: {@code true} on, {@code false} off, null as compiled
   * (KFP's {@code enable_caching}). A run of a workflow only.
   *
   * @throws IllegalArgumentException for a run of an uploaded version, whose spec this request does not send
   */
  public RunRequest withCaching(Boolean caching) {
    return new RunRequest(name, description, experimentId, pipelineId, versionId, workflowYaml, arguments, parameterTypes,
        serviceAccount, pipelineRoot, caching);
  }

  static Map<String, ParameterType> typesOf(List<Parameter> parameters) {
    Map<String, ParameterType> types = new java.util.HashMap<>();
    for (Parameter p : parameters) {
      if (p.type() != null) {
        types.put(p.name(), p.type());
      }
    }
    return types;
  }
}
