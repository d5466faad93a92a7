package dev.kfp4j.mlflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Logging from a component to the MLflow run of its pipeline run, one call each:
 *
 * <pre>{@code
 * Mlflow.logParam("learning_rate", "0.5");
 * Mlflow.logMetric("accuracy", 0.93);
 * Mlflow.logArtifact(modelFile);
 * }</pre>
 *
 * The run is the one the pipeline's {@code mlflow-start-run} step started: a tracked pipeline
 * runs each kfp4j Java component through {@link MlflowTask}, which gives it the run's id in either
 * format, and gives every task the server in {@code MLFLOW_TRACKING_URI} (other components get the
 * id in {@code MLFLOW_RUN_ID}, the variables MLflow's own clients read). Where there is no run (a
 * pipeline run without MLflow tracking, a unit test) each call does nothing, so a component runs
 * the same with or without tracking; {@link #active()} tells which. A call the server refuses throws
 * {@link MlflowHttpException}, a server not reached or not answering {@link MlflowException}, an
 * artifact not uploaded {@link UncheckedIOException}: all unchecked, each one line, never a credential.
 */
public final class Mlflow {
  /** The variable holding the run's id, as MLflow's clients name it. */
  public static final String RUN_ID_ENV = "MLFLOW_RUN_ID";
  /** The variable holding the tracking server, as MLflow's clients name it. */
  public static final String TRACKING_URI_ENV = "MLFLOW_TRACKING_URI";
  private static MlflowRun run;
  private static boolean looked;

  private Mlflow() {}

  /** Whether calls log: this process runs in a tracked pipeline run. */
  public static synchronized boolean active() {
    return current() != null;
  }

  /** The id of the run calls log to, or null when there is none: for MLflow's own client, if a component uses it. */
  public static synchronized String runId() {
    MlflowRun r = current();
    return r == null ? null : r.id();
  }

  /** A parameter of the run (MLflow keeps the first value of each). */
  public static void logParam(String key, Object value) {
    MlflowRun r = current();
    if (r != null) {
      r.logParam(key, String.valueOf(value));
    }
  }

  public static void logMetric(String key, double value) {
    logMetric(key, value, 0);
  }

  /** A metric's value at a step (an epoch, an iteration). */
  public static void logMetric(String key, double value, long step) {
    MlflowRun r = current();
    if (r != null) {
      r.logMetric(key, value, step);
    }
  }

  public static void setTag(String key, String value) {
    MlflowRun r = current();
    if (r != null) {
      r.setTag(key, value);
    }
  }

  /** Uploads a file, or a folder's files, to the top of the run's artifacts: as {@code report.txt}, a folder as {@code out/...}. */
  public static void logArtifact(Path file) {
    logArtifact(file, null);
  }

  /**
   * Uploads a file, or a folder's files, under {@code artifactPath} of the run's artifacts, by name: a file {@code report.txt}
   * as {@code <artifactPath>/report.txt}, a folder {@code out} with its name kept, {@code <artifactPath>/out/a.txt} (MLflow's
   * Python {@code log_artifacts} leaves a folder's name out).
   */
  public static void logArtifact(Path file, String artifactPath) {
    MlflowRun r = current();
    if (r != null) {
      try {
        r.logArtifact(file, artifactPath);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static synchronized MlflowRun current() {
    if (!looked) {
      run = fromEnvironment(System::getenv);
      looked = true;
    }
    return run;
  }

  /** Logs to {@code r} from now on ({@link MlflowTask}, which knows the run from the task's inputs). */
  static synchronized void use(MlflowRun r) {
    run = r;
    looked = true;
  }

  /** The run {@code env}'s {@code MLFLOW_TRACKING_URI} and {@code MLFLOW_RUN_ID} name, or null when either is unset. */
  static MlflowRun fromEnvironment(Function<String, String> env) {
    String uri = env.apply(TRACKING_URI_ENV);
    String id = env.apply(RUN_ID_ENV);
    if (uri == null || uri.isBlank() || id == null || id.isBlank()) {
      return null;
    }
    return new MlflowRun(Servers.of(uri, env), id);
  }
}
