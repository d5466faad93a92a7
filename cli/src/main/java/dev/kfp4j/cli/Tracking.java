package dev.kfp4j.cli;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.argo.ArgoReader;
import dev.kfp4j.format.argo.ArgoWriter;
import dev.kfp4j.tracking.MlflowTracking;

/**
 * The config file's {@code mlflow} section applied to a compiled workflow before it runs, here or
 * on the cluster ({@link MlflowTracking}): Argo's {@code {{workflow.uid}}}, KFP v1's run id and
 * the local runner's, is the run id MLflow's run is tagged with.
 */
final class Tracking {
  /** What names a run in an Argo workflow. */
  static final String ARGO_RUN_ID = "{{workflow.uid}}";

  private Tracking() {}

  /**
   * {@code located} tracked in MLflow as {@code mlflow} says, to run locally; as is when it is null.
   * KFP 2 specs are not tracked yet: a clear error says so.
   */
  static Options.PipelineChoice.Located apply(Options.PipelineChoice.Located located, Config.Mlflow mlflow) {
    if (mlflow == null) {
      return located;
    }
    boolean kfp2;
    try {
      kfp2 = dev.kfp4j.local.Workflow.parse(located.yaml(), located.source()).format().equals("kfp2");
    } catch (dev.kfp4j.local.WorkflowException e) {
      throw new ConfigException(e.getMessage());
    }
    refuseKfp2(kfp2);
    return new Options.PipelineChoice.Located(apply(located.yaml(), located.source(), mlflow), located.source());
  }

  /** {@code pipeline} tracked in MLflow as {@code mlflow} says, to send in {@code format}; as is when it is null. */
  static dev.kfp4j.model.Pipeline apply(dev.kfp4j.model.Pipeline pipeline, PipelineFormat format, Config.Mlflow mlflow) {
    if (mlflow == null) {
      return pipeline;
    }
    refuseKfp2(format == PipelineFormat.KFP2);
    try {
      return new MlflowTracking(mlflow.trackingUri(), mlflow.experimentName()).apply(pipeline, ARGO_RUN_ID);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("MLflow tracking (the config's mlflow section): " + e.getMessage());
    }
  }

  private static void refuseKfp2(boolean kfp2) {
    if (kfp2) {
      throw new ConfigException("MLflow tracking (the config's mlflow section) is for KFP v1 pipelines (Argo workflows) so far; "
          + "run or send the Argo workflow (--format argo, api_version v1beta1), or leave out the mlflow section");
    }
  }

  /** {@code workflowYaml} tracked in MLflow as {@code mlflow} says; as is when it is null (no tracking). */
  static String apply(String workflowYaml, String source, Config.Mlflow mlflow) {
    if (mlflow == null) {
      return workflowYaml;
    }
    try {
      return ArgoWriter.write(new MlflowTracking(mlflow.trackingUri(), mlflow.experimentName())
          .apply(ArgoReader.read(workflowYaml, source), ARGO_RUN_ID));
    } catch (FormatException | IllegalArgumentException e) {
      throw new ConfigException("MLflow tracking (the config's mlflow section): " + e.getMessage());
    }
  }
}
