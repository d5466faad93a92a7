package com.example;

import dev.kfp4j.dsl.Op;
import dev.kfp4j.dsl.Task;
import java.nio.file.Path;
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
   * @return the task that runs component {@code train};
   *     its outputs {@link TrainTask#model() model()} (the trained model),
   *     {@link TrainTask#metrics() metrics()} (its training metrics),
   *     {@link TrainTask#output() output()} (the final loss);
   *     settings such as {@link dev.kfp4j.dsl.Task#after(dev.kfp4j.dsl.Task...) after(...)},
   *     {@link dev.kfp4j.dsl.Task#cpuLimit(String) cpuLimit(...)}, {@link dev.kfp4j.dsl.Task#retries(int) retries(...)}
   *     and {@link dev.kfp4j.dsl.Task#caching(boolean) caching(...)} chain on it
   */
  @Op("train")
  public static TrainTask train(Path data, int epochs) {
    return new TrainTask(new Object[] {"data", data, "epochs", epochs});
  }

  /**
   * Evaluates a model.
   *
   * <p>Component {@code evaluate}.
   *
   * @param model the model
   * @param test held-out data, if any
   * @return the task that runs component {@code evaluate};
   *     its outputs {@link EvaluateTask#metrics() metrics()} (the confusion matrix),
   *     {@link EvaluateTask#report() report()} (a page for people);
   *     settings such as {@link dev.kfp4j.dsl.Task#after(dev.kfp4j.dsl.Task...) after(...)},
   *     {@link dev.kfp4j.dsl.Task#cpuLimit(String) cpuLimit(...)}, {@link dev.kfp4j.dsl.Task#retries(int) retries(...)}
   *     and {@link dev.kfp4j.dsl.Task#caching(boolean) caching(...)} chain on it
   */
  @Op("evaluate")
  public static EvaluateTask evaluate(Path model, Path test) {
    return new EvaluateTask(new Object[] {"model", model, "test", test});
  }

  /**
   * Evaluates a model.
   *
   * <p>Component {@code evaluate}, optional inputs left out.
   *
   * @param model the model
   * @return the task that runs component {@code evaluate};
   *     its outputs {@link EvaluateTask#metrics() metrics()} (the confusion matrix),
   *     {@link EvaluateTask#report() report()} (a page for people);
   *     settings such as {@link dev.kfp4j.dsl.Task#after(dev.kfp4j.dsl.Task...) after(...)},
   *     {@link dev.kfp4j.dsl.Task#cpuLimit(String) cpuLimit(...)}, {@link dev.kfp4j.dsl.Task#retries(int) retries(...)}
   *     and {@link dev.kfp4j.dsl.Task#caching(boolean) caching(...)} chain on it
   */
  @Op(
      value = "evaluate",
      inputs = "model"
  )
  public static EvaluateTask evaluate(Path model) {
    return new EvaluateTask(new Object[] {"model", model});
  }

  /**
   * A task of component {@code train}, returned by {@link #train(java.nio.file.Path, int)}.
   */
  public static final class TrainTask extends Task<TrainTask> {
    TrainTask(Object[] namesAndValues) {
      super("train", namesAndValues);
    }

    /**
     * Output {@code model} ({@code Model}): the trained model.
     *
     * @return the output, to give to another op in the pipeline (outside a pipeline this throws)
     */
    @Op.Output("model")
    public Path model() {
      throw outsidePipeline("train", "model");
    }

    /**
     * Output {@code metrics} ({@code Metrics}): its training metrics.
     *
     * @return the output, to give to another op in the pipeline (outside a pipeline this throws)
     */
    @Op.Output("metrics")
    public Path metrics() {
      throw outsidePipeline("train", "metrics");
    }

    /**
     * Output {@code Output} ({@code Float}): the final loss.
     *
     * @return the output, to give to another op in the pipeline (outside a pipeline this throws)
     */
    @Op.Output("Output")
    public double output() {
      throw outsidePipeline("train", "Output");
    }
  }

  /**
   * A task of component {@code evaluate}, returned by {@link #evaluate(java.nio.file.Path, java.nio.file.Path)}.
   */
  public static final class EvaluateTask extends Task<EvaluateTask> {
    EvaluateTask(Object[] namesAndValues) {
      super("evaluate", namesAndValues);
    }

    /**
     * Output {@code metrics} ({@code ClassificationMetrics}): the confusion matrix.
     *
     * @return the output, to give to another op in the pipeline (outside a pipeline this throws)
     */
    @Op.Output("metrics")
    public Path metrics() {
      throw outsidePipeline("evaluate", "metrics");
    }

    /**
     * Output {@code report} ({@code HTML}): a page for people.
     *
     * @return the output, to give to another op in the pipeline (outside a pipeline this throws)
     */
    @Op.Output("report")
    public Path report() {
      throw outsidePipeline("evaluate", "report");
    }
  }
}
