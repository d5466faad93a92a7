package dev.kfp4j.mlflow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One MLflow run on a tracking server, through its REST API ({@link TrackingApi}): what {@link Mlflow}'s calls
 * log to. Parameters are logged once (MLflow refuses to change one), metrics any number of times,
 * artifacts as files under the run's artifact folder. A server that refuses a call throws {@link MlflowHttpException},
 * whose message says the server, the status and the server's message, never a credential; one not reached, or not
 * answering within {@code MLFLOW_HTTP_REQUEST_TIMEOUT} seconds (default 120), {@link MlflowException}, saying which, on
 * one line. Both are unchecked.
 *
 * <pre>{@code
 * try (MlflowRun run = new MlflowRun("http://mlflow:5000", runId)) {
 *   run.logMetric("accuracy", 0.93);
 * }
 * }</pre>
 */
public final class MlflowRun implements AutoCloseable {
  private final TrackingApi api;
  private final Servers server;
  private final String runId;

  /**
   * The run {@code runId} on {@code trackingUri}, with the credentials of this process's environment ({@code
   * MLFLOW_TRACKING_TOKEN}, ...).
   *
   * @throws MlflowException when {@code trackingUri} is no {@code http://} or {@code https://} URL of a host, optional port
   *     and path (credentials, a query or a fragment in it), saying what to give
   */
  public MlflowRun(String trackingUri, String runId) {
    this(Servers.of(Objects.requireNonNull(trackingUri, "trackingUri"), System::getenv), runId);
  }

  MlflowRun(Servers server, String runId) {
    this.api = new TrackingApi(server);
    this.server = server;
    this.runId = Objects.requireNonNull(runId, "runId");
  }

  /** The run's id. */
  public String id() {
    return runId;
  }

  public void logParam(String key, String value) {
    call(() -> api.logParam(runId, key, value));
  }

  public void logMetric(String key, double value) {
    logMetric(key, value, 0);
  }

  /** A metric's value at a step (an epoch, an iteration), as MLflow plots a metric's history. */
  public void logMetric(String key, double value, long step) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("metric '" + key + "' is " + value + "; MLflow keeps finite numbers only");
    }
    call(() -> api.logMetric(runId, key, value, step));
  }

  public void setTag(String key, String value) {
    call(() -> api.setTag(runId, key, value));
  }

  /** Uploads a file, or a folder's files, under the run's artifacts at {@code artifactPath} (null: at the top). */
  public void logArtifact(Path file, String artifactPath) throws IOException {
    String[] artifactUri = new String[1];
    call(() -> artifactUri[0] = api.artifactUri(runId));
    new ArtifactStore(server, artifactUri[0]).upload(file, artifactPath);
  }

  /**
   * Calls the server; a failure is thrown as {@link Failures#shown} makes it (one line, the server named, no credential).
   */
  private void call(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      throw Failures.shown(e, server);
    }
  }

  /** Nothing to release: the connection closes when this object is gone (kept so existing try-with-resources compile). */
  @Override
  public void close() {}
}
