package dev.kfp4j.examples.kfp2;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.Out;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.artifacts.Dataset;
import dev.kfp4j.artifacts.Metrics;
import dev.kfp4j.artifacts.Model;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Artifacts and metrics, as KFP 2's {@code Input[Dataset]}, {@code Output[Model]} and {@code
 * Output[Metrics]}: {@link #train} is the Java port of KFP 2.17's {@code train} component ({@code
 * ../shared/testdata/kfp-sdk-2.17.0/comp_v2.py}), with the same inputs and outputs, which here
 * really fits a model: a straight line through the dataset's points, by gradient descent.
 */
public final class Training {
  private Training() {}

  /** The step of the gradient descent: the points' x are in [0, 1), so this converges. */
  static final double LEARNING_RATE = 0.5;

  /**
   * Makes a dataset of points near the line {@code y = 3x + 2}: a CSV file with a header {@code
   * x,y} and one point a line, x evenly spread over [0, 1), y off the line by a fixed wobble.
   *
   * @param rows how many points
   * @param data the CSV file
   */
  @Component(name = "make-data")
  public static void makeData(int rows, @Out Dataset data) throws IOException {
    if (rows < 2) {
      throw new IllegalArgumentException("rows is " + rows + "; a line needs 2 points or more");
    }
    StringBuilder csv = new StringBuilder("x,y\n");
    for (int i = 0; i < rows; i++) {
      double x = (double) i / rows;
      double wobble = ((i * 7) % 5 - 2) * 0.05;
      csv.append(String.format(Locale.ROOT, "%.6f,%.6f%n", x, 3 * x + 2 + wobble));
    }
    Files.writeString(data.path(), csv, StandardCharsets.UTF_8);
    data.metadata().put("rows", rows);
  }

  /**
   * Trains a model on a dataset and logs its metrics: fits {@code y = slope * x + intercept} to
   * the dataset's points (a CSV file with a header {@code x,y}) by {@code epochs} steps of
   * gradient descent, writes the slope and intercept to the model, and logs the fit's root mean
   * square error.
   *
   * @param data the points to fit
   * @param epochs how many steps of gradient descent
   * @param model the fitted line: its slope and intercept, as lines {@code slope 3.0} and {@code intercept 2.0}
   * @param metrics the fit's {@code rmse}
   * @return the fit's root mean square error
   */
  @Component
  public static double train(Dataset data, int epochs, @Out Model model, @Out Metrics metrics) throws IOException {
    List<double[]> points = read(data);
    double slope = 0;
    double intercept = 0;
    for (int epoch = 0; epoch < epochs; epoch++) {
      double dSlope = 0;
      double dIntercept = 0;
      for (double[] p : points) {
        double error = slope * p[0] + intercept - p[1];
        dSlope += error * p[0];
        dIntercept += error;
      }
      slope -= LEARNING_RATE * dSlope / points.size();
      intercept -= LEARNING_RATE * dIntercept / points.size();
    }
    double squares = 0;
    for (double[] p : points) {
      double error = slope * p[0] + intercept - p[1];
      squares += error * error;
    }
    double rmse = Math.sqrt(squares / points.size());
    Files.writeString(model.path(), "slope " + slope + "\nintercept " + intercept + "\n", StandardCharsets.UTF_8);
    model.metadata().put("framework", "none");
    model.metadata().put("epochs", epochs);
    metrics.log("rmse", rmse);
    return rmse;
  }

  private static List<double[]> read(Dataset data) throws IOException {
    List<String> lines = Files.readAllLines(data.path(), StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).strip().equals("x,y")) {
      throw new IllegalArgumentException(data + " is not a CSV file with the header x,y");
    }
    List<double[]> points = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      String[] cells = lines.get(i).split(",");
      if (cells.length != 2) {
        throw new IllegalArgumentException("line " + (i + 1) + " of " + data + " is not 'x,y': " + lines.get(i));
      }
      points.add(new double[] {Double.parseDouble(cells[0].strip()), Double.parseDouble(cells[1].strip())});
    }
    if (points.isEmpty()) {
      throw new IllegalArgumentException(data + " has no points");
    }
    return points;
  }

  /**
   * Makes a dataset and trains a model on it.
   *
   * @param rows how many points the dataset has
   * @param epochs how many steps of gradient descent
   */
  @Pipeline
  public static void training(@Default("100") int rows, @Default("200") int epochs) {
    var data = TrainingOps.makeData(rows);
    TrainingOps.train(data.data(), epochs);
  }
}
