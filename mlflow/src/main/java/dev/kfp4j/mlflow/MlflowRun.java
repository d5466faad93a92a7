package dev.kfp4j.mlflow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.mlflow.tracking.MlflowClient;

/**
 * One MLflow run on a tracking server, through MLflow's Java client: what {@link Mlflow}'s calls
 * log to. Parameters are logged once (MLflow refuses to change one), metrics any number of times,
 * artifacts as files under the run's artifact folder. A server that refuses a call throws MLflow's {@code
 * MlflowHttpException}, whose message says the server, the status and the server's message, never a credential.
 *
 * <pre>{@code
 * try (MlflowRun run = new MlflowRun("http://mlflow:5000", runId)) {
 *   run.logMetric("accuracy", 0.93);
 * }
 * }</pre>
 */
public final class MlflowRun implements AutoCloseable {
  private final MlflowClient client;
  private final Servers server;
  private final String runId;

  /** The run {@code runId} on {@code trackingUri}, with the credentials of this process's environment ({@code MLFLOW_TRACKING_TOKEN}, ...). */
  public MlflowRun(String trackingUri, String runId) {
    this(Servers.of(Objects.requireNonNull(trackingUri, "trackingUri"), System::getenv), runId);
  }

  MlflowRun(Servers server, String runId) {
    this.client = server.client();
    this.server = server;
    this.runId = Objects.requireNonNull(runId, "runId");
  }

  /** The run's id. */
  public String id() {
    return runId;
  }

  public void logParam(String key, String value) {
    call(() -> client.logParam(runId, key, value));
  }

  public void logMetric(String key, double value) {
    logMetric(key, value, 0);
  }

  /** A metric's value at a step (an epoch, an iteration), as MLflow plots a metric's history. */
  public void logMetric(String key, double value, long step) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("metric '" + key + "' is " + value + "; MLflow keeps finite numbers only");
    }
    call(() -> client.logMetric(runId, key, value, System.currentTimeMillis(), step));
  }

  public void setTag(String key, String value) {
    call(() -> client.setTag(runId, key, value));
  }

  /** Uploads a file, or a folder's files, under the run's artifacts at {@code artifactPath} (null: at the top). */
  public void logArtifact(Path file, String artifactPath) throws IOException {
    String[] artifactUri = new String[1];
    call(() -> artifactUri[0] = client.getRun(runId).getInfo().getArtifactUri());
    new ArtifactStore(server, artifactUri[0]).upload(file, artifactPath);
  }

  /**
   * Calls the server; a refusal is thrown as {@link Failures#shown} makes it (the server, the status and its message, no
   * credential it echoes), not as MLflow's client says it ({@code statusCode=401 reasonPhrase=[...] bodyMessage=[...]}).
   */
  private void call(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      throw Failures.shown(e, server);
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
