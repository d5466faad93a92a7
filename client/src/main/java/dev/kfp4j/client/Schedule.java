package dev.kfp4j.client;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * When a recurring run starts: a KFP cron expression or a fixed interval, each optionally bounded
 * by a start and an end time.
 */
public sealed interface Schedule {
  Instant start();

  Instant end();

  /**
   * A cron schedule in KFP's six fields, seconds first: {@code "0 0 4 * * *"} is every day at 04:00.
   * Checked here, so a bad expression fails before anything is created on the server.
   */
  static Cron cron(String expression) {
    return new Cron(expression, null, null);
  }

  /** Every {@code interval}, whole seconds, at least one. */
  static Interval every(Duration interval) {
    return new Interval(interval, null, null);
  }

  /** A cron schedule. */
  record Cron(String expression, Instant start, Instant end) implements Schedule {
    public Cron {
      expression = CronCheck.check(expression);
    }

    public Cron between(Instant start, Instant end) {
      return new Cron(expression, start, end);
    }

    /**
     * The five-field form Argo's {@code CronWorkflow} takes; only schedules that start on second 0
     * have one, as Argo has no seconds field.
     */
    public String argoSchedule() {
      if (expression.startsWith("@")) {
        return expression;
      }
      String[] f = expression.split(" ");
      if (!f[0].matches("0{1,2}")) {
        throw new IllegalArgumentException("cron '" + expression + "' starts on second " + f[0]
            + "; Argo's CronWorkflow counts whole minutes, so the seconds field must be 0");
      }
      return String.join(" ", List.of(f).subList(1, 6));
    }

    @Override
    public String toString() {
      return "cron " + expression;
    }
  }

  /** A fixed-interval schedule. */
  record Interval(Duration every, Instant start, Instant end) implements Schedule {
    public Interval {
      if (every == null || every.getSeconds() < 1 || every.getNano() != 0) {
        throw new IllegalArgumentException("interval " + every + " must be a whole number of seconds, at least 1");
      }
    }

    public Interval between(Instant start, Instant end) {
      return new Interval(every, start, end);
    }

    /**
     * The same interval as a KFP cron aligned to the clock, where there is one (minutes dividing
     * an hour, hours dividing a day, one day): for schedulers that take only crons, such as Argo's
     * {@code CronWorkflow}.
     */
    public Cron asCron() {
      long s = every.toSeconds();
      String cron = s % 86_400 == 0 && s == 86_400 ? "0 0 0 * * *"
          : s % 3600 == 0 && 86_400 % s == 0 ? "0 0 */" + s / 3600 + " * * *"
          : s % 60 == 0 && 3600 % s == 0 ? "0 */" + s / 60 + " * * * *"
          : null;
      if (cron == null) {
        throw new IllegalArgumentException("an interval of " + s + " s has no cron form (a cron repeats minutes that divide an hour, "
            + "hours that divide a day, or daily); write a cron expression instead");
      }
      return new Cron(cron, start, end);
    }

    @Override
    public String toString() {
      return "every " + every.toSeconds() + " s";
    }
  }
}

/** KFP's cron dialect (robfig/cron with a seconds field), checked field by field. */
final class CronCheck {
  private static final String[] NAMES = {"second", "minute", "hour", "day of month", "month", "day of week"};
  private static final int[][] RANGES = {{0, 59}, {0, 59}, {0, 23}, {1, 31}, {1, 12}, {0, 6}};
  private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
  private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
  private static final Set<String> DESCRIPTORS = Set.of("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly");

  private CronCheck() {}

  static String check(String expression) {
    if (expression == null || expression.isBlank()) {
      throw new IllegalArgumentException("a cron expression is needed, such as '0 0 4 * * *' (every day at 04:00)");
    }
    String e = expression.strip().replaceAll("\\s+", " ");
    if (e.startsWith("@")) {
      if (!DESCRIPTORS.contains(e)) {
        throw new IllegalArgumentException("cron '" + e + "': unknown descriptor; use one of " + DESCRIPTORS.stream().sorted().toList()
            + (e.startsWith("@every") ? " or an interval schedule instead of @every" : ""));
      }
      return e;
    }
    String[] fields = e.split(" ");
    if (fields.length != 6) {
      String hint = fields.length == 5 ? "; to run at second 0 write '0 " + e + "'" : "";
      throw new IllegalArgumentException("cron '" + e + "' has " + fields.length + (fields.length == 1 ? " field" : " fields")
          + "; KFP's cron has 6, seconds first (second minute hour day-of-month month day-of-week)" + hint);
    }
    for (int i = 0; i < 6; i++) {
      for (String item : fields[i].split(",", -1)) {
        checkItem(e, i, item);
      }
    }
    return e;
  }

  private static void checkItem(String e, int field, String item) {
    String range = item;
    int slash = item.indexOf('/');
    if (slash >= 0) {
      range = item.substring(0, slash);
      String step = item.substring(slash + 1);
      if (!step.matches("[0-9]+") || Integer.parseInt(step) < 1) {
        throw bad(e, field, item, "the step after '/' must be a number of at least 1");
      }
    }
    if (range.equals("*") || (range.equals("?") && (field == 3 || field == 5))) {
      return;
    }
    String[] ends = range.split("-", -1);
    if (ends.length > 2) {
      throw bad(e, field, item, "a range is written low-high");
    }
    int low = value(e, field, item, ends[0]);
    if (ends.length == 2 && value(e, field, item, ends[1]) < low) {
      throw bad(e, field, item, "the range ends before it starts");
    }
  }

  private static int value(String e, int field, String item, String text) {
    String upper = text.toUpperCase(Locale.ROOT);
    if (field == 4 && MONTHS.contains(upper)) {
      return MONTHS.indexOf(upper) + 1;
    }
    if (field == 5 && DAYS.contains(upper)) {
      return DAYS.indexOf(upper);
    }
    if (!text.matches("[0-9]{1,2}")) {
      throw bad(e, field, item, "'" + text + "' is not a number" + (field == 4 ? " or month name (JAN-DEC)" : field == 5 ? " or day name (SUN-SAT)" : ""));
    }
    int v = Integer.parseInt(text);
    if (v < RANGES[field][0] || v > RANGES[field][1]) {
      throw bad(e, field, item, v + " is outside " + RANGES[field][0] + "-" + RANGES[field][1]);
    }
    return v;
  }

  private static IllegalArgumentException bad(String e, int field, String item, String why) {
    return new IllegalArgumentException("cron '" + e + "': " + NAMES[field] + " field '" + item + "': " + why);
  }
}
