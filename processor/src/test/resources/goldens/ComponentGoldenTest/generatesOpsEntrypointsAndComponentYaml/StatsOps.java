package com.example;

import dev.kfp4j.dsl.LongTask;
import dev.kfp4j.dsl.Op;
import dev.kfp4j.dsl.Task;
import dev.kfp4j.dsl.VoidTask;
import java.nio.file.Path;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Ops of the components in {@link Stats}: call them in a {@code @Pipeline} method.
 */
@Generated("dev.kfp4j.processor.Kfp4jProcessor")
public final class StatsOps {
  private StatsOps() {
  }

  /**
   * Summarises numbers.
   *
   * <p>Component {@code summarise}.
   *
   * @param numbersPath a file with one number a line
   * @param scale multiplies every number
   * @param label an optional label
   * @return the task that runs component {@code summarise};
   *     its outputs {@link SummariseTask#mean() mean()} (the mean),
   *     {@link SummariseTask#count() count()} (how many numbers);
   *     settings such as {@link dev.kfp4j.dsl.Task#after(dev.kfp4j.dsl.Task...) after(...)},
   *     {@link dev.kfp4j.dsl.Task#cpuLimit(String) cpuLimit(...)}, {@link dev.kfp4j.dsl.Task#retries(int) retries(...)}
   *     and {@link dev.kfp4j.dsl.Task#caching(boolean) caching(...)} chain on it
   */
  @Op("summarise")
  public static SummariseTask summarise(Path numbersPath, Double scale, String label) {
    return new SummariseTask(new Object[] {"numbers", numbersPath, "scale", scale, "label", label});
  }

  /**
   * Summarises numbers.
   *
   * <p>Component {@code summarise}, optional inputs left out.
   *
   * @param numbersPath a file with one number a line
   * @return the task that runs component {@code summarise};
   *     its outputs {@link SummariseTask#mean() mean()} (the mean),
   *     {@link SummariseTask#count() count()} (how many numbers);
   *     settings such as {@link dev.kfp4j.dsl.Task#after(dev.kfp4j.dsl.Task...) after(...)},
   *     {@link dev.kfp4j.dsl.Task#cpuLimit(String) cpuLimit(...)}, {@link dev.kfp4j.dsl.Task#retries(int) retries(...)}
   *     and {@link dev.kfp4j.dsl.Task#caching(boolean) caching(...)} chain on it
   */
  @Op(
      value = "summarise",
      inputs = "numbers"
  )
  public static SummariseTask summarise(Path numbersPath) {
    return new SummariseTask(new Object[] {"numbers", numbersPath});
  }

  /**
   * Writes a report.
   *
   * <p>Component {@code write-report}.
   *
   * @param values the values
   * @return the task that runs component {@code write-report};
   *     its output {@link ReportTask#report() report()} (where the report goes);
   *     settings such as {@link dev.kfp4j.dsl.Task#after(dev.kfp4j.dsl.Task...) after(...)},
   *     {@link dev.kfp4j.dsl.Task#cpuLimit(String) cpuLimit(...)}, {@link dev.kfp4j.dsl.Task#retries(int) retries(...)}
   *     and {@link dev.kfp4j.dsl.Task#caching(boolean) caching(...)} chain on it
   */
  @Op("write-report")
  public static ReportTask report(List<String> values) {
    return new ReportTask(new Object[] {"values", values});
  }

  /**
   * Counts values.
   *
   * <p>Component {@code size}.
   *
   * @param values the values
   * @return the task that runs component {@code size};
   *     its output {@link dev.kfp4j.dsl.LongTask#output() output()} (how many);
   *     settings such as {@link dev.kfp4j.dsl.Task#after(dev.kfp4j.dsl.Task...) after(...)},
   *     {@link dev.kfp4j.dsl.Task#cpuLimit(String) cpuLimit(...)}, {@link dev.kfp4j.dsl.Task#retries(int) retries(...)}
   *     and {@link dev.kfp4j.dsl.Task#caching(boolean) caching(...)} chain on it
   */
  @Op("size")
  public static LongTask size(List<String> values) {
    return new LongTask("size", new Object[] {"values", values});
  }

  /**
   * Logs a message.
   *
   * <p>Component {@code log}.
   *
   * @param message what to log
   * @return the task that runs component {@code log}, which has no outputs;
   *     settings such as {@link dev.kfp4j.dsl.Task#after(dev.kfp4j.dsl.Task...) after(...)},
   *     {@link dev.kfp4j.dsl.Task#cpuLimit(String) cpuLimit(...)}, {@link dev.kfp4j.dsl.Task#retries(int) retries(...)}
   *     and {@link dev.kfp4j.dsl.Task#caching(boolean) caching(...)} chain on it
   */
  @Op("log")
  public static VoidTask log(String message) {
    return new VoidTask("log", new Object[] {"message", message});
  }

  /**
   * A task of component {@code summarise}, returned by {@link #summarise(java.nio.file.Path, java.lang.Double, java.lang.String)}.
   */
  public static final class SummariseTask extends Task<SummariseTask> {
    SummariseTask(Object[] namesAndValues) {
      super("summarise", namesAndValues);
    }

    /**
     * Output {@code mean} ({@code Float}): the mean.
     *
     * @return the output, to give to another op in the pipeline (outside a pipeline this throws)
     */
    @Op.Output("mean")
    public double mean() {
      throw outsidePipeline("summarise", "mean");
    }

    /**
     * Output {@code count} ({@code Integer}): how many numbers.
     *
     * @return the output, to give to another op in the pipeline (outside a pipeline this throws)
     */
    @Op.Output("count")
    public long count() {
      throw outsidePipeline("summarise", "count");
    }
  }

  /**
   * A task of component {@code write-report}, returned by {@link #report(java.util.List)}.
   */
  public static final class ReportTask extends Task<ReportTask> {
    ReportTask(Object[] namesAndValues) {
      super("write-report", namesAndValues);
    }

    /**
     * Output {@code report} ({@code HTML}): where the report goes.
     *
     * @return the output, to give to another op in the pipeline (outside a pipeline this throws)
     */
    @Op.Output("report")
    public Path report() {
      throw outsidePipeline("write-report", "report");
    }
  }
}
