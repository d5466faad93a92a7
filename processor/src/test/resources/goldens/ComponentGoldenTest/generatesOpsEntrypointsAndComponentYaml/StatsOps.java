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
   * @return the summary
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
   * @return the summary
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
   * @return how many
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
     */
    @Op.Output("mean")
    public double mean() {
      throw outsidePipeline("summarise", "mean");
    }

    /**
     * Output {@code count} ({@code Integer}): how many numbers.
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
     */
    @Op.Output("report")
    public Path report() {
      throw outsidePipeline("write-report", "report");
    }
  }
}
