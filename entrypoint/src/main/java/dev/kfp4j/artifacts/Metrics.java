package dev.kfp4j.artifacts;

import java.nio.file.Path;
import java.util.Map;

/**
 * Scalar metrics of a run, such as a model's accuracy: KFP 2's {@code dsl.Metrics} ({@code
 * system.Metrics}). Each logged metric is an entry of the metadata, which KFP's UI shows in the
 * run's metrics and compares across runs. Take it as {@code @Out Metrics metrics}; no file needs
 * to be written.
 */
public final class Metrics extends Artifact {
  /** See {@link Artifact#Artifact(String, String, Path, Map)}. */
  public Metrics(String name, String uri, Path path, Map<String, Object> metadata) {
    super(name, uri, path, metadata);
  }

  /** See {@link Artifact#Artifact(Path)}. */
  public Metrics(Path path) {
    super(path);
  }

  /**
   * Logs a scalar metric, as KFP's {@code log_metric}: {@code metadata().put(name, value)}; the
   * last value logged under a name wins.
   *
   * @throws IllegalArgumentException when the value is NaN or infinite, which KFP cannot keep
   *     (its metadata holds JSON numbers)
   * @throws UnsupportedOperationException when this is an input (its metadata is read-only)
   */
  public void log(String name, double value) {
    ClassificationMetrics.checkFinite(name, value);
    metadata().put(name, value);
  }

  @Override
  public String schemaTitle() {
    return "system.Metrics";
  }
}
