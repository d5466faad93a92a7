package dev.kfp4j.artifacts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics of a classifier, a confusion matrix and an ROC curve: KFP 2's {@code
 * dsl.ClassificationMetrics} ({@code system.ClassificationMetrics}), which KFP's UI draws. The
 * metadata has the shapes KFP writes: {@code confusionMatrix} ({@code annotationSpecs} with each
 * category's {@code displayName}, {@code rows} with each {@code row}) and {@code
 * confidenceMetrics} (one {@code confidenceThreshold}, {@code recall}, {@code falsePositiveRate}
 * per point). Take it as {@code @Out ClassificationMetrics metrics}; no file needs to be written.
 */
public final class ClassificationMetrics extends Artifact {
  /** See {@link Artifact#Artifact(String, String, Path, Map)}. */
  public ClassificationMetrics(String name, String uri, Path path, Map<String, Object> metadata) {
    super(name, uri, path, metadata);
  }

  /** See {@link Artifact#Artifact(Path)}. */
  public ClassificationMetrics(Path path) {
    super(path);
  }

  /**
   * Logs a confusion matrix, as KFP's {@code log_confusion_matrix}, replacing one logged before.
   *
   * @param categories the categories, in the order of the matrix's rows and columns
   * @param matrix {@code matrix[i][j]}: how many items of category {@code i} were classified as
   *     {@code j}
   * @throws IllegalArgumentException when the matrix is not square with one row and one column per
   *     category
   */
  public void logConfusionMatrix(List<String> categories, int[][] matrix) {
    if (matrix.length != categories.size()) {
      throw new IllegalArgumentException("the confusion matrix has " + matrix.length + " rows for " + categories.size()
          + " categories " + categories + "; give one row per category");
    }
    List<Object> specs = new ArrayList<>();
    List<Object> rows = new ArrayList<>();
    for (int i = 0; i < matrix.length; i++) {
      if (matrix[i].length != categories.size()) {
        throw new IllegalArgumentException("row " + i + " (" + categories.get(i) + ") of the confusion matrix has "
            + matrix[i].length + " values for " + categories.size() + " categories; give one value per category");
      }
      specs.add(Map.of("displayName", categories.get(i)));
      List<Object> row = new ArrayList<>();
      for (int v : matrix[i]) {
        row.add(v);
      }
      rows.add(Map.of("row", row));
    }
    Map<String, Object> confusion = new LinkedHashMap<>();
    confusion.put("annotationSpecs", specs);
    confusion.put("rows", rows);
    metadata().put("confusionMatrix", confusion);
  }

  /**
   * Logs the points of an ROC curve, as KFP's {@code log_roc_curve}: point {@code i} is {@code
   * (fpr[i], tpr[i])} at {@code thresholds[i]}; added to the points logged before.
   *
   * @throws IllegalArgumentException when the arrays differ in length, or a value is NaN or
   *     infinite
   */
  public void logRoc(double[] fpr, double[] tpr, double[] thresholds) {
    if (fpr.length != tpr.length || fpr.length != thresholds.length) {
      throw new IllegalArgumentException("fpr, tpr and thresholds must be the same length; got " + fpr.length + ", "
          + tpr.length + " and " + thresholds.length);
    }
    for (int i = 0; i < fpr.length; i++) {
      logRocPoint(fpr[i], tpr[i], thresholds[i]);
    }
  }

  /** Logs one point of the ROC curve, as KFP's {@code log_roc_data_point}. */
  public void logRocPoint(double fpr, double tpr, double threshold) {
    checkFinite("falsePositiveRate", fpr);
    checkFinite("recall", tpr);
    checkFinite("confidenceThreshold", threshold);
    Map<String, Object> point = new LinkedHashMap<>();
    point.put("confidenceThreshold", threshold);
    point.put("recall", tpr);
    point.put("falsePositiveRate", fpr);
    List<Object> points = new ArrayList<>();
    if (metadata().get("confidenceMetrics") instanceof List<?> before) {
      points.addAll(before);
    }
    points.add(point);
    metadata().put("confidenceMetrics", points);
  }

  static void checkFinite(String name, double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("metric '" + name + "' is " + value
          + ", which KFP cannot keep: its metadata holds JSON numbers; log a finite value");
    }
  }

  @Override
  public String schemaTitle() {
    return "system.ClassificationMetrics";
  }
}
