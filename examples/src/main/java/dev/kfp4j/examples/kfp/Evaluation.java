package dev.kfp4j.examples.kfp;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.Out;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.artifacts.MlpipelineMetrics;
import dev.kfp4j.artifacts.MlpipelineUiMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What KFP v1's UI shows of a step: {@link #evaluate} scores a fixed set of labelled predictions
 * at a threshold and reports them as KFP v1's {@code mlpipeline-metrics} (accuracy, recall) and
 * {@code mlpipeline-ui-metadata} (a table, a confusion matrix, an ROC curve, Markdown and a web
 * app), as KFP's own metrics and visualization samples do in Python.
 */
public final class Evaluation {
  private Evaluation() {}

  /** The classifier's scores of ten items, and whether each item is really positive. */
  static final double[] SCORES = {0.95, 0.85, 0.8, 0.7, 0.6, 0.55, 0.4, 0.3, 0.2, 0.1};
  static final boolean[] POSITIVE = {true, true, false, true, true, false, true, false, false, false};

  /**
   * Scores the predictions at {@code threshold}: an item is predicted positive when its score is
   * at least the threshold.
   *
   * @param threshold the score from which an item is predicted positive
   * @param metrics accuracy and recall, for KFP v1's run list and comparison
   * @param ui the predictions as a table, the confusion matrix, the ROC curve, a summary
   */
  @Component
  public static void evaluate(@Default("0.5") double threshold, @Out MlpipelineMetrics metrics,
      @Out MlpipelineUiMetadata ui) {
    int[][] matrix = new int[2][2]; // [target][predicted], 0 = no, 1 = yes
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < SCORES.length; i++) {
      boolean predicted = SCORES[i] >= threshold;
      matrix[POSITIVE[i] ? 1 : 0][predicted ? 1 : 0]++;
      rows.add(List.of(Integer.toString(i), Double.toString(SCORES[i]), yesNo(POSITIVE[i]), yesNo(predicted)));
    }
    double accuracy = (double) (matrix[0][0] + matrix[1][1]) / SCORES.length;
    double recall = (double) matrix[1][1] / (matrix[1][0] + matrix[1][1]);
    metrics.log("accuracy", accuracy, MlpipelineMetrics.Format.PERCENTAGE);
    metrics.log("recall", recall);

    ui.table(List.of("item", "score", "target", "predicted"), rows);
    ui.confusionMatrix(List.of("no", "yes"), matrix);
    double[][] roc = roc();
    ui.roc(roc[0], roc[1], roc[2]);
    String summary = String.format(Locale.ROOT, "accuracy %.2f, recall %.2f at threshold %s", accuracy, recall, threshold);
    ui.markdown("# Evaluation\n\n" + summary + "\n");
    ui.webApp("<html><body><h1>Evaluation</h1><p>" + summary + "</p></body></html>");
  }

  /** The ROC curve: at each score as the threshold, the false and true positive rates. */
  private static double[][] roc() {
    int positives = 0;
    for (boolean p : POSITIVE) {
      positives += p ? 1 : 0;
    }
    int negatives = POSITIVE.length - positives;
    double[][] out = new double[3][SCORES.length];
    for (int t = 0; t < SCORES.length; t++) {
      int tp = 0;
      int fp = 0;
      for (int i = 0; i < SCORES.length; i++) {
        if (SCORES[i] >= SCORES[t]) {
          tp += POSITIVE[i] ? 1 : 0;
          fp += POSITIVE[i] ? 0 : 1;
        }
      }
      out[0][t] = (double) fp / negatives;
      out[1][t] = (double) tp / positives;
      out[2][t] = SCORES[t];
    }
    return out;
  }

  private static String yesNo(boolean b) {
    return b ? "yes" : "no";
  }

  /**
   * Evaluates the predictions at a threshold, for KFP v1's UI.
   *
   * @param threshold the score from which an item is predicted positive
   */
  @Pipeline
  public static void evaluation(@Default("0.5") double threshold) {
    EvaluationOps.evaluate(threshold);
  }
}
