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
   * Sets the confusion matrix's categories, every cell 0, as KFP's {@code
   * set_confusion_matrix_categories}, replacing a matrix logged before; then {@link
   * #logConfusionMatrixRow} and {@link #logConfusionMatrixCell} fill it.
   */
  public void setConfusionMatrixCategories(List<String> categories) {
    logConfusionMatrix(categories, new int[categories.size()][categories.size()]);
  }

  /**
   * Logs the row of category {@code category} of the confusion matrix, as KFP's {@code
   * log_confusion_matrix_row}.
   *
   * @throws IllegalArgumentException when no categories were set, {@code category} is none of them,
   *     or the row has not one value per category
   */
  public void logConfusionMatrixRow(String category, int... row) {
    List<String> categories = categories();
    int[][] matrix = matrix(categories.size());
    if (row.length != categories.size()) {
      throw new IllegalArgumentException("the row of '" + category + "' has " + row.length + " values for " + categories.size()
          + " categories " + categories + "; give one value per category");
    }
    matrix[index(categories, category)] = row.clone();
    logConfusionMatrix(categories, matrix);
  }

  /**
   * Logs one cell of the confusion matrix, as KFP's {@code log_confusion_matrix_cell}: how many
   * items of category {@code actual} were classified as {@code predicted}.
   *
   * @throws IllegalArgumentException when no categories were set, or a category is none of them
   */
  public void logConfusionMatrixCell(String actual, String predicted, int value) {
    List<String> categories = categories();
    int[][] matrix = matrix(categories.size());
    matrix[index(categories, actual)][index(categories, predicted)] = value;
    logConfusionMatrix(categories, matrix);
  }

  /** The categories of the confusion matrix logged so far. */
  private List<String> categories() {
    List<String> categories = new ArrayList<>();
    if (metadata().get("confusionMatrix") instanceof Map<?, ?> confusion && confusion.get("annotationSpecs") instanceof List<?> specs) {
      for (Object spec : specs) {
        categories.add(spec instanceof Map<?, ?> m ? String.valueOf(m.get("displayName")) : String.valueOf(spec));
      }
    }
    if (categories.isEmpty()) {
      throw new IllegalArgumentException("the confusion matrix has no categories yet; set them first with "
          + "setConfusionMatrixCategories, or log the whole matrix with logConfusionMatrix");
    }
    return categories;
  }

  /** The confusion matrix logged so far, {@code size} by {@code size}. */
  private int[][] matrix(int size) {
    int[][] matrix = new int[size][size];
    if (metadata().get("confusionMatrix") instanceof Map<?, ?> confusion && confusion.get("rows") instanceof List<?> rows) {
      for (int i = 0; i < Math.min(size, rows.size()); i++) {
        if (rows.get(i) instanceof Map<?, ?> r && r.get("row") instanceof List<?> values) {
          for (int j = 0; j < Math.min(size, values.size()); j++) {
            matrix[i][j] = values.get(j) instanceof Number n ? n.intValue() : 0;
          }
        }
      }
    }
    return matrix;
  }

  private static int index(List<String> categories, String category) {
    int i = categories.indexOf(category);
    if (i < 0) {
      throw new IllegalArgumentException("'" + category + "' is no category of the confusion matrix; expected one of " + categories);
    }
    return i;
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
