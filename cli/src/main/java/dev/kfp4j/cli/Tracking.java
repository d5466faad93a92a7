package dev.kfp4j.cli;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.tracking.MlflowTracking;

/**
 * The config file's {@code mlflow} section applied to a compiled pipeline before it runs, here or
 * on the cluster, in either format ({@link MlflowTracking}, on the model): the run's own id
 * (Argo's {@code {{workflow.uid}}}, KFP 2's {@code {{$.pipeline_job_uuid}}}, the local run id) is
 * what MLflow's run is tagged with.
 */
final class Tracking {
  private Tracking() {}

  /** {@code located} tracked in MLflow as {@code mlflow} says, to run locally; as is when it is null. */
  static PipelineChoice.Located apply(PipelineChoice.Located located, Config.Mlflow mlflow, Terms terms) {
    if (mlflow == null) {
      return located;
    }
    PipelineFormat format;
    try {
      format = dev.kfp4j.local.Workflow.parse(located.yaml(), located.source()).format().equals("kfp2")
          ? PipelineFormat.KFP2 : PipelineFormat.ARGO;
    } catch (dev.kfp4j.local.WorkflowException e) {
      throw new ConfigException(e.getMessage());
    }
    try {
      String yaml = format.write(apply(format.read(located.yaml(), located.source(), terms), mlflow));
      return new PipelineChoice.Located(yaml, located.source());
    } catch (FormatException e) {
      throw new ConfigException("MLflow tracking (the config's mlflow section): " + e.getMessage());
    }
  }

  /** {@code pipeline} tracked in MLflow as {@code mlflow} says; as is when it is null. */
  static dev.kfp4j.model.Pipeline apply(dev.kfp4j.model.Pipeline pipeline, Config.Mlflow mlflow) {
    if (mlflow == null) {
      return pipeline;
    }
    try {
      MlflowTracking.Credentials credentials = mlflow.credentialsSecret() == null ? null
          : new MlflowTracking.Credentials(mlflow.credentialsSecret(), mlflow.credentialsKeys());
      return new MlflowTracking(mlflow.trackingUri(), mlflow.experimentName(), credentials).apply(pipeline);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("MLflow tracking (the config's mlflow section): " + e.getMessage());
    }
  }
}
