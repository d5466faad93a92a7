package dev.kfp4j.examples;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.dsl.Dsl;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;

/**
 * Dates and amounts of time as component parameters and outputs: {@code java.time}'s types (and {@code UUID}, {@code URI})
 * pass as their ISO text, a KFP {@code String}, which the task reads back as the type.
 */
public final class Reporting {
  private Reporting() {}

  /**
   * The first day of the window of {@code length} that ends on {@code day}.
   *
   * @param day the window's last day
   * @param length how long the window is
   * @return its first day
   */
  @Component
  public static LocalDate windowStart(LocalDate day, @Default("P7D") Period length) {
    return day.minus(length).plusDays(1);
  }

  /**
   * The title of a report on the days from {@code first} to {@code last}, due {@code dueIn} after the last one began.
   *
   * @param first the report's first day
   * @param last its last day
   * @param dueIn how long after the last day began the report is due
   * @return the title
   */
  @Component
  public static String reportTitle(LocalDate first, LocalDate last, Duration dueIn) {
    return "Report " + first + " to " + last + ", due " + last.atStartOfDay().plus(dueIn);
  }

  /**
   * The day, in UTC, of an instant.
   *
   * @param at the instant
   * @return its day in UTC
   */
  @Component
  public static LocalDate dayOf(Instant at) {
    return at.atOffset(ZoneOffset.UTC).toLocalDate();
  }

  /**
   * The title of the report on the day the run was created (in UTC), due at noon: {@code Dsl.runCreateTime()} given to an
   * {@code Instant} input.
   *
   * @return the report's title
   */
  @Pipeline(name = "daily-report")
  public static String dailyReport() {
    var day = ReportingOps.dayOf(Dsl.runCreateTime());
    return ReportingOps.reportTitle(day.output(), day.output(), Duration.parse("PT12H")).output();
  }

  /**
   * The title of the report on the week that ends on {@code day}.
   *
   * @param day the week's last day
   * @return the report's title
   */
  @Pipeline(name = "weekly-report")
  public static String weeklyReport(@Default("2024-01-31") LocalDate day) {
    var start = ReportingOps.windowStart(day, Period.parse("P7D"));
    return ReportingOps.reportTitle(start.output(), day, Duration.parse("PT36H")).output();
  }
}
