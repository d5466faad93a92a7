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
