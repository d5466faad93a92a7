package dev.kfp4j.client;

import java.util.Map;
import java.util.Objects;

/**
 * What a run or recurring run starts: an uploaded pipeline version, or (runs only) a compiled
 * workflow sent inline; with its arguments in KFP's text form, such as a generated
 * {@code AddExamplePipeline.arguments(3, 4)} gives.
 *
 * @param name the run's display name
 * @param experimentId the experiment that owns the run; required by multi-user Kubeflow
 * @param pipelineId the pipeline of {@code versionId} (v2beta1 needs it), or null with a workflow
 * @param versionId the pipeline version to run, or null with a workflow
 * @param workflowYaml a compiled workflow to run as is, or null with a version
 */
public record RunRequest(String name, String description, String experimentId, String pipelineId, String versionId,
    String workflowYaml, Map<String, String> arguments, String serviceAccount) {
  public RunRequest {
    Objects.requireNonNull(name, "name");
    if ((versionId == null) == (workflowYaml == null)) {
      throw new IllegalArgumentException("a run starts either a pipeline version or a workflow, exactly one");
    }
    arguments = arguments == null ? Map.of() : Map.copyOf(arguments);
  }

  /** A run of an uploaded pipeline version. */
  public static RunRequest ofVersion(String name, String experimentId, String pipelineId, String versionId,
      Map<String, String> arguments) {
    return new RunRequest(name, null, experimentId, pipelineId, Objects.requireNonNull(versionId, "versionId"), null, arguments, null);
  }

  /** A run of a compiled workflow, not uploaded as a pipeline. */
  public static RunRequest ofWorkflow(String name, String experimentId, String workflowYaml, Map<String, String> arguments) {
    return new RunRequest(name, null, experimentId, null, null, Objects.requireNonNull(workflowYaml, "workflowYaml"), arguments, null);
  }

  public RunRequest withDescription(String description) {
    return new RunRequest(name, description, experimentId, pipelineId, versionId, workflowYaml, arguments, serviceAccount);
  }

  public RunRequest withServiceAccount(String serviceAccount) {
    return new RunRequest(name, description, experimentId, pipelineId, versionId, workflowYaml, arguments, serviceAccount);
  }
}
