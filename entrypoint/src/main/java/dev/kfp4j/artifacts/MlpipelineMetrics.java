package dev.kfp4j.artifacts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * KFP v1's scalar metrics, the {@code mlpipeline-metrics} output its UI shows in a run's list and
 * compares across runs. Take it as {@code @Out MlpipelineMetrics metrics}: the component gets the
 * output {@code mlpipeline_metrics} (type {@code Metrics}, as the KFP SDK names {@code
 * mlpipeline_metrics_path: OutputPath('Metrics')}), which the Argo workflow passes as the artifact
 * {@code mlpipeline-metrics}. Each {@link #log} rewrites its file, {@code {"metrics": [{"name":
 * ..., "numberValue": ..., "format": "RAW"}]}}, so it always holds valid JSON; a component that
 * logs nothing leaves {@code {"metrics": []}}.
 *
 * <p>In KFP 2 the output is a {@code system.Metrics} artifact (as KFP's compiler makes {@code
 * OutputPath('Metrics')}): the entrypoint makes it with {@link #MlpipelineMetrics(Metrics)}, so
 * each metric is also logged to the artifact's metadata, which KFP 2's UI shows. A component
 * written for KFP 2 alone takes {@code @Out Metrics} instead.
 */
public final class MlpipelineMetrics extends V1UiFile {
  /** How KFP v1's UI shows a metric's number. */
  public enum Format {
    /** As it is. */
    RAW,
    /** As a percentage: 0.5 is 50%. */
    PERCENTAGE
  }

  private final Map<String, Map<String, Object>> metrics = new LinkedHashMap<>();
  private final Metrics kfp2;

  /** Metrics written to {@code path} (the entrypoint gives KFP v1's), which now holds none. */
  public MlpipelineMetrics(Path path) {
    super(path);
    this.kfp2 = null;
    write();
  }

  /**
   * Metrics written to the path of KFP 2's {@code system.Metrics} artifact {@code kfp2}, each
   * also logged to its metadata ({@link Metrics#log}), which KFP 2's UI shows.
   */
  public MlpipelineMetrics(Metrics kfp2) {
    super(kfp2.path());
    this.kfp2 = kfp2;
    write();
  }

  /** Logs {@code value} under {@code name} as a {@code RAW} number; see {@link #log(String, double, Format)}. */
  public void log(String name, double value) {
    log(name, value, Format.RAW);
  }

  /**
   * Logs {@code value} under {@code name}: the last value logged under a name wins, in the place
   * of its first.
   *
   * @throws IllegalArgumentException when the name is not as KFP v1 takes it ({@code
   *     ^[a-zA-Z0-9][-a-zA-Z0-9_]*$}, shorter than 64), or the value is NaN or infinite
   */
  public void log(String name, double value, Format format) {
    if (name == null || !name.matches("[a-zA-Z0-9][-a-zA-Z0-9_]{0,62}")) {
      throw new IllegalArgumentException("metric name '" + name + "' is not one KFP v1 takes: it must match"
          + " ^[a-zA-Z0-9][-a-zA-Z0-9_]*$ and be at most 63 characters, such as 'accuracy' or 'f1-score'");
    }
    ClassificationMetrics.checkFinite(name, value);
    Map<String, Object> metric = new LinkedHashMap<>();
    metric.put("name", name);
    metric.put("numberValue", value);
    metric.put("format", format.name());
    metrics.put(name, metric);
    if (kfp2 != null) {
      kfp2.log(name, value);
    }
    write();
  }

  @Override
  Object json() {
    return Map.of("metrics", new ArrayList<Object>(metrics.values()));
  }

  /** The metrics logged, in order, as KFP v1 reads them. */
  public List<Map<String, Object>> metrics() {
    return List.copyOf(metrics.values());
  }
}
