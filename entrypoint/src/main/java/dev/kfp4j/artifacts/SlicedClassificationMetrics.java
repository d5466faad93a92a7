package dev.kfp4j.artifacts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The metrics of a classifier for each slice of the data (a region, a class of customer): KFP 2's
 * {@code dsl.SlicedClassificationMetrics} ({@code system.SlicedClassificationMetrics}). Each slice
 * has what a {@link ClassificationMetrics} has, a confusion matrix and an ROC curve, logged by the
 * same methods with the slice's name first. The metadata has the shape KFP's class writes: {@code
 * evaluationSlices}, one entry per slice in the order they were first logged, each with its {@code
 * slice} and its {@code sliceClassificationMetrics} ({@code confusionMatrix}, {@code
 * confidenceMetrics}, as {@link ClassificationMetrics} writes them). Take it as {@code @Out
 * SlicedClassificationMetrics metrics}; no file needs to be written.
 *
 * <p>ROC points take the false positive rate first, as {@link ClassificationMetrics#logRocPoint}
 * does; KFP's {@code log_roc_reading(slice, threshold, tpr, fpr)} takes the threshold first.
 */
public final class SlicedClassificationMetrics extends Artifact {
  /** See {@link Artifact#Artifact(String, String, Path, Map)}. */
  public SlicedClassificationMetrics(String name, String uri, Path path, Map<String, Object> metadata) {
    super(name, uri, path, metadata);
  }

  /** See {@link Artifact#Artifact(Path)}. */
  public SlicedClassificationMetrics(Path path) {
    super(path);
  }

  /**
   * Logs the confusion matrix of {@code slice}, as {@link ClassificationMetrics#logConfusionMatrix}
   * (KFP's {@code load_confusion_matrix}).
   *
   * @throws IllegalArgumentException when the matrix is not square with one row and one column per
   *     category; nothing is logged then
   */
  public void logConfusionMatrix(String slice, List<String> categories, int[][] matrix) {
    update(slice, m -> m.logConfusionMatrix(categories, matrix));
  }

  /** Sets the categories of {@code slice}'s confusion matrix, as KFP's {@code set_confusion_matrix_categories}. */
  public void setConfusionMatrixCategories(String slice, List<String> categories) {
    update(slice, m -> m.setConfusionMatrixCategories(categories));
  }

  /**
   * Logs a row of {@code slice}'s confusion matrix, as KFP's {@code log_confusion_matrix_row}.
   *
   * @throws IllegalArgumentException as {@link ClassificationMetrics#logConfusionMatrixRow}
   */
  public void logConfusionMatrixRow(String slice, String category, int... row) {
    update(slice, m -> m.logConfusionMatrixRow(category, row));
  }

  /**
   * Logs a cell of {@code slice}'s confusion matrix, as KFP's {@code log_confusion_matrix_cell}.
   *
   * @throws IllegalArgumentException as {@link ClassificationMetrics#logConfusionMatrixCell}
   */
  public void logConfusionMatrixCell(String slice, String actual, String predicted, int value) {
    update(slice, m -> m.logConfusionMatrixCell(actual, predicted, value));
  }

  /**
   * Logs points of {@code slice}'s ROC curve, as {@link ClassificationMetrics#logRoc} (KFP's {@code
   * load_roc_readings}, which takes each point as {@code [threshold, tpr, fpr]}).
   *
   * @throws IllegalArgumentException when the arrays differ in length, or a value is NaN or infinite
   */
  public void logRoc(String slice, double[] fpr, double[] tpr, double[] thresholds) {
    update(slice, m -> m.logRoc(fpr, tpr, thresholds));
  }

  /** Logs one point of {@code slice}'s ROC curve, as {@link ClassificationMetrics#logRocPoint} (KFP's {@code log_roc_reading}). */
  public void logRocPoint(String slice, double fpr, double tpr, double threshold) {
    update(slice, m -> m.logRocPoint(fpr, tpr, threshold));
  }

  /**
   * Applies {@code log} to a copy of {@code slice}'s metrics (new ones for a slice not logged yet),
   * then puts the copy in place: a refused value leaves the metadata as it was.
   */
  private void update(String slice, Consumer<ClassificationMetrics> log) {
    Objects.requireNonNull(slice, "slice");
    List<Object> slices = new ArrayList<>();
    if (metadata().get("evaluationSlices") instanceof List<?> before) {
      slices.addAll(before);
    }
    int at = -1;
    Map<String, Object> metrics = new LinkedHashMap<>();
    for (int i = 0; i < slices.size(); i++) {
      if (slices.get(i) instanceof Map<?, ?> s && slice.equals(s.get("slice"))) {
        at = i;
        if (s.get("sliceClassificationMetrics") instanceof Map<?, ?> m) {
          m.forEach((k, v) -> metrics.put(String.valueOf(k), v));
        }
      }
    }
    log.accept(new ClassificationMetrics(name(), uri(), null, metrics));
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("slice", slice);
    entry.put("sliceClassificationMetrics", metrics);
    if (at < 0) {
      slices.add(entry);
    } else {
      slices.set(at, entry);
    }
    metadata().put("evaluationSlices", slices);
  }

  @Override
  public String schemaTitle() {
    return "system.SlicedClassificationMetrics";
  }
}
