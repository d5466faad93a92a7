package com.example;

import dev.kfp4j.dsl.Op;
import dev.kfp4j.dsl.Ops;
import dev.kfp4j.dsl.Task;
import java.nio.file.Path;
import java.util.Map;
import javax.annotation.processing.Generated;

/**
 * Ops of the components in {@link Trainer}: call them in a {@code @Pipeline} method.
 */
@Generated("dev.kfp4j.processor.Kfp4jProcessor")
public final class TrainerOps {
  private TrainerOps() {
  }

  /**
   * Trains a model.
   *
   * <p>Component {@code train}.
   *
   * @param data the training data
   * @param epochs how many passes
   * @return the final loss
   */
  @Op(
      value = "train",
      inputs = {
          "data",
          "epochs"
      }
  )
  public static TrainTask train(Path data, int epochs) {
    return new TrainTask(Ops.args("data", data, "epochs", epochs));
  }

  /**
   * Evaluates a model.
   *
   * <p>Component {@code evaluate}.
   *
   * @param model the model
   * @param test held-out data, if any
   */
  @Op(
      value = "evaluate",
      inputs = {
          "model",
          "test"
      }
  )
  public static EvaluateTask evaluate(Path model, Path test) {
    return new EvaluateTask(Ops.args("model", model, "test", test));
  }

  /**
   * Evaluates a model.
   *
   * <p>Component {@code evaluate}, optional inputs left out.
   *
   * @param model the model
   */
  @Op(
      value = "evaluate",
      inputs = "model"
  )
  public static EvaluateTask evaluate(Path model) {
    return new EvaluateTask(Ops.args("model", model));
  }

  /**
   * A task of component {@code train}, returned by {@link #train(java.nio.file.Path, int)}.
   */
  public static final class TrainTask extends Task<TrainTask> {
    TrainTask(Map<String, Object> arguments) {
      super("train", arguments);
    }

    /**
     * Output {@code model} ({@code Model}): the trained model.
     */
    @Op.Output("model")
    public Path model() {
      return output("train", "model");
    }

    /**
     * Output {@code metrics} ({@code Metrics}): its training metrics.
     */
    @Op.Output("metrics")
    public Path metrics() {
      return output("train", "metrics");
    }

    /**
     * Output {@code Output} ({@code Float}): the final loss.
     */
    @Op.Output("Output")
    public double output() {
      return output("train", "Output");
    }
  }

  /**
   * A task of component {@code evaluate}, returned by {@link #evaluate(java.nio.file.Path, java.nio.file.Path)}.
   */
  public static final class EvaluateTask extends Task<EvaluateTask> {
    EvaluateTask(Map<String, Object> arguments) {
      super("evaluate", arguments);
    }

    /**
     * Output {@code metrics} ({@code ClassificationMetrics}): the confusion matrix.
     */
    @Op.Output("metrics")
    public Path metrics() {
      return output("evaluate", "metrics");
    }

    /**
     * Output {@code report} ({@code HTML}): a page for people.
     */
    @Op.Output("report")
    public Path report() {
      return output("evaluate", "report");
    }
  }
}
