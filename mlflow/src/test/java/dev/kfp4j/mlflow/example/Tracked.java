package dev.kfp4j.mlflow.example;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.Format;
import dev.kfp4j.annotations.OutputPath;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.dsl.Dsl;
import dev.kfp4j.mlflow.Mlflow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A pipeline as a tracked project writes it: one call per parameter and metric, and KFP's metrics file. */
public final class Tracked {
  private Tracked() {}

  /**
   * Trains by halving the loss each epoch.
   *
   * @param epochs how many epochs
   * @param rate how much of the loss each epoch takes away
   * @param mlpipeline_metrics_path KFP v1's metrics file
   * @return the final loss
   */
  @Component
  public static double train(int epochs, double rate, @OutputPath("Metrics") Path mlpipeline_metrics_path) throws IOException {
    Mlflow.logParam("optimizer", "sgd");
    double loss = 1;
    for (int e = 0; e < epochs; e++) {
      loss *= 1 - rate;
      Mlflow.logMetric("loss", loss, e);
    }
    Path folder = Files.createTempDirectory("train");
    Path report = Files.writeString(folder.resolve("report.txt"), "final loss " + loss);
    try {
      Mlflow.logArtifact(report, "reports"); // uploaded before it returns
    } finally {
      Files.delete(report);
      Files.delete(folder);
    }
    Files.writeString(mlpipeline_metrics_path, "{\"metrics\": [{\"name\": \"final-loss\", \"numberValue\": " + loss + "}]}");
    return loss;
  }

  /**
   * Fails when the loss is above the limit.
   *
   * @param loss the final loss
   * @param limit the highest loss that passes
   */
  @Component
  public static void check(double loss, double limit) {
    Mlflow.setTag("checked", "true");
    if (loss > limit) {
      throw new IllegalStateException("loss " + loss + " is above " + limit);
    }
  }

  /**
   * Tags the run with how it ended, as a pipeline's own exit task would report it.
   *
   * @param note what to tag
   */
  @Component
  public static void notify(String note) {
    Mlflow.setTag("notified", note + " " + (Mlflow.runId() != null));
  }

  /**
   * Trains once and checks the loss.
   *
   * @param epochs how many epochs
   * @param rate the learning rate
   * @param limit the highest final loss that passes
   */
  @Pipeline(name = "tracked-training")
  public static void trackedTraining(@Default("3") int epochs, @Default("0.5") double rate, @Default("1.0") double limit) {
    TrackedOps.check(TrackedOps.train(epochs, rate).output(), limit);
  }

  /**
   * Trains once, with an exit task of its own.
   *
   * @param epochs how many epochs
   */
  @Pipeline(name = "tracked-with-exit")
  public static void trackedWithExit(@Default("2") int epochs) {
    Dsl.exitHandler(TrackedOps.notify("done"), () -> TrackedOps.train(epochs, 0.5));
  }

  /** What {@link #trackedOutputs} gives: the last loss, its metrics file, and the final loss of each count of epochs. */
  public record Losses(double last, Path metrics, List<Double> each) {}

  /**
   * Trains once per count of epochs, then once more, and gives the losses as the pipeline's
   * outputs (a value, a file and a collected list), which tracking keeps.
   *
   * @param counts the counts of epochs
   * @return the losses
   */
  @Pipeline(name = "tracked-outputs", formats = Format.KFP2)
  public static Losses trackedOutputs(@Default("[1, 2]") List<Integer> counts) {
    var each = Dsl.collect(counts, n -> TrackedOps.train(n, 0.5).output());
    var last = TrackedOps.train(3, 0.5);
    return new Losses(last.output(), last.mlpipeline_metrics(), each);
  }
}
