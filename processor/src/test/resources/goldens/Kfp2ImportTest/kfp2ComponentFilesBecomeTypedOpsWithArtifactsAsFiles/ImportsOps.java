package test;

import dev.kfp4j.dsl.LongTask;
import dev.kfp4j.dsl.Op;
import dev.kfp4j.dsl.Task;
import java.nio.file.Path;
import javax.annotation.processing.Generated;

/**
 * Ops of the components imported by {@link Imports}: call them in a {@code @Pipeline} method.
 */
@Generated("dev.kfp4j.processor.Kfp4jProcessor")
public final class ImportsOps {
  private ImportsOps() {
  }

  /**
   * Trains a model on a dataset and logs its metrics.
   *
   * <p>Component {@code train}, from {@code train_component.yaml}.
   *
   * @param epochs input {@code epochs}
   * @param data input {@code data}
   * @return the task that runs component {@code train};
   *     its outputs {@link TrainTask#output() output()},
   *     {@link TrainTask#metrics() metrics()},
   *     {@link TrainTask#model() model()};
   *     settings such as {@link dev.kfp4j.dsl.Task#after(dev.kfp4j.dsl.Task...) after(...)},
   *     {@link dev.kfp4j.dsl.Task#cpuLimit(String) cpuLimit(...)}, {@link dev.kfp4j.dsl.Task#retries(int) retries(...)}
   *     and {@link dev.kfp4j.dsl.Task#caching(boolean) caching(...)} chain on it
   */
  @Op(
      value = "train",
      spec = "train_component.yaml"
  )
  public static TrainTask train(long epochs, Path data) {
    return new TrainTask(new Object[] {"epochs", epochs, "data", data});
  }

  /**
   * Adds two numbers.
   *
   * <p>Component {@code add}, from {@code add_component.yaml}.
   *
   * @param value1 input {@code value_1}
   * @param value2 input {@code value_2}
   * @return the task that runs component {@code add};
   *     its output {@link dev.kfp4j.dsl.LongTask#output() output()};
   *     settings such as {@link dev.kfp4j.dsl.Task#after(dev.kfp4j.dsl.Task...) after(...)},
   *     {@link dev.kfp4j.dsl.Task#cpuLimit(String) cpuLimit(...)}, {@link dev.kfp4j.dsl.Task#retries(int) retries(...)}
   *     and {@link dev.kfp4j.dsl.Task#caching(boolean) caching(...)} chain on it
   */
  @Op(
      value = "add",
      spec = "add_component.yaml"
  )
  public static LongTask add(long value1, long value2) {
    return new LongTask("add", new Object[] {"value_1", value1, "value_2", value2});
  }

  /**
   * The component add-container.
   *
   * <p>Component {@code add-container}, from {@code add_container_component.yaml}.
   *
   * @param a input {@code a}
   * @param b input {@code b}
   * @return the task that runs component {@code add-container};
   *     its output {@link AddContainerTask#sum() sum()};
   *     settings such as {@link dev.kfp4j.dsl.Task#after(dev.kfp4j.dsl.Task...) after(...)},
   *     {@link dev.kfp4j.dsl.Task#cpuLimit(String) cpuLimit(...)}, {@link dev.kfp4j.dsl.Task#retries(int) retries(...)}
   *     and {@link dev.kfp4j.dsl.Task#caching(boolean) caching(...)} chain on it
   */
  @Op(
      value = "add-container",
      spec = "add_container_component.yaml"
  )
  public static AddContainerTask addContainer(long a, long b) {
    return new AddContainerTask(new Object[] {"a", a, "b", b});
  }

  /**
   * A task of component {@code train}.
   */
  public static final class TrainTask extends Task<TrainTask> {
    TrainTask(Object[] namesAndValues) {
      super("train", namesAndValues);
    }

    /**
     * Output {@code Output}.
     *
     * @return the output, to give to another op in the pipeline (outside a pipeline this throws)
     */
    @Op.Output("Output")
    public double output() {
      throw outsidePipeline("train", "Output");
    }

    /**
     * Output {@code metrics}.
     *
     * @return the output, to give to another op in the pipeline (outside a pipeline this throws)
     */
    @Op.Output("metrics")
    public Path metrics() {
      throw outsidePipeline("train", "metrics");
    }

    /**
     * Output {@code model}.
     *
     * @return the output, to give to another op in the pipeline (outside a pipeline this throws)
     */
    @Op.Output("model")
    public Path model() {
      throw outsidePipeline("train", "model");
    }
  }

  /**
   * A task of component {@code add-container}.
   */
  public static final class AddContainerTask extends Task<AddContainerTask> {
    AddContainerTask(Object[] namesAndValues) {
      super("add-container", namesAndValues);
    }

    /**
     * Output {@code sum}.
     *
     * @return the output, to give to another op in the pipeline (outside a pipeline this throws)
     */
    @Op.Output("sum")
    public long sum() {
      throw outsidePipeline("add-container", "sum");
    }
  }
}
