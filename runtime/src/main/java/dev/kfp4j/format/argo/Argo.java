package dev.kfp4j.format.argo;

/** Keys and values of Argo workflows and of KFP v1's annotations on them. */
final class Argo {
  static final String API_VERSION = "argoproj.io/v1alpha1";
  static final String KIND = "Workflow";
  /** The pipeline's name, description and typed parameters, as KFP v1's run form reads them. */
  static final String PIPELINE_SPEC = "pipelines.kubeflow.org/pipeline_spec";
  /** A template's component spec, as KFP v1's UI and caching read it. */
  static final String COMPONENT_SPEC = "pipelines.kubeflow.org/component_spec";
  static final String SDK_TYPE_LABEL = "pipelines.kubeflow.org/pipeline-sdk-type";
  static final String SDK_TYPE = "kfp4j";
  /** The KFP SDK's version, on a workflow it compiled (an annotation and a label). */
  static final String SDK_VERSION = "pipelines.kubeflow.org/kfp_sdk_version";
  static final String DISPLAY_NAME = "pipelines.kubeflow.org/task_display_name";
  static final String MAX_CACHE_STALENESS = "pipelines.kubeflow.org/max_cache_staleness";
  /** When a run's volume is deleted: {@code volumeClaimGC.strategy}. */
  static final String ON_WORKFLOW_COMPLETION = "OnWorkflowCompletion";

  private Argo() {}

  static String workflowParameter(String name) {
    return "{{workflow.parameters." + name + "}}";
  }

  static String inputParameter(String name) {
    return "{{inputs.parameters." + name + "}}";
  }

  static String inputArtifact(String name) {
    return "{{inputs.artifacts." + name + "}}";
  }

  static String taskParameter(String task, String output) {
    return "{{tasks." + task + ".outputs.parameters." + output + "}}";
  }

  static String taskArtifact(String task, String output) {
    return "{{tasks." + task + ".outputs.artifacts." + output + "}}";
  }

  /**
   * A value of the run: {@code {{workflow.uid}}}, {@code {{workflow.name}}} (its name and resource
   * name, one in Argo), {@code {{workflow.status}}} or {@code {{workflow.creationTimestamp}}}.
   *
   * @throws FormatException for a value Argo's DAG has no variable for (the task's name or id, a
   *     schedule time): the processor refuses those in a pipeline written for Argo
   */
  static String runValue(dev.kfp4j.model.Argument.RunValue.Kind kind) {
    String variable = runVariable(kind);
    if (variable == null) {
      throw new dev.kfp4j.format.FormatException("KFP v1's Argo workflow has no variable for the run value " + kind
          + " (a task's name or id, a schedule time); write the pipeline for KFP 2");
    }
    return "{{workflow." + variable + "}}";
  }

  /** The variable of {@code workflow} that holds a value of the run, or null when none does. */
  static String runVariable(dev.kfp4j.model.Argument.RunValue.Kind kind) {
    return switch (kind) {
      case RUN_ID -> "uid";
      case RUN_NAME, RESOURCE_NAME -> "name";
      case STATUS -> "status";
      case CREATE_TIME -> "creationTimestamp";
      case SCHEDULE_TIME, TASK_NAME, TASK_ID -> null;
    };
  }

  /** The run value {@code {{workflow.<variable>}}} holds, or null. */
  static dev.kfp4j.model.Argument.RunValue runValue(String variable) {
    for (dev.kfp4j.model.Argument.RunValue.Kind k : dev.kfp4j.model.Argument.RunValue.Kind.values()) {
      if (variable.equals(runVariable(k))) {
        return new dev.kfp4j.model.Argument.RunValue(k);
      }
    }
    return null;
  }

  static String item(String field) {
    return field == null ? "{{item}}" : "{{item." + field + "}}";
  }
}
