package dev.kfp4j.local;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.TimeZone;

/**
 * The runner's texts of times: {@code run.json}'s instants as {@link Instant#toString}
 * writes them, and the local time that starts a run's id. Written here, digit by digit: the first
 * use of {@code java.time}'s formatters in a JVM builds all of their predefined formatters (8 ms
 * of a cold JVM for {@code Instant.toString}), and a formatted local time also loads the time-zone
 * rules through a service lookup (20–35 ms for the run id's {@code DateTimeFormatter.ofPattern}).
 */
final class Timestamps {
  private Timestamps() {
  }

  /** Now, in UTC, as {@code Instant.now().toString()} writes it: {@code 2026-12-03T23:00:56.529726378Z}. */
  static String now() {
    Instant now = Instant.now();
    return utc(now.getEpochSecond(), now.getNano());
  }

  /** Whether {@code text} is an instant as {@link #now} writes it: {@code 2026-12-03T23:00:56.529Z}, to the second or finer. */
  static boolean parses(String text) {
    return text.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");
  }

  /** The instant {@code seconds} and {@code nanos} after the epoch, as {@code Instant.toString} writes it. */
  static String utc(long seconds, int nanos) {
    StringBuilder s = new StringBuilder(30);
    LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
    date(s, t, "-");
    s.append('T');
    pad(s, t.getHour(), 2).append(':');
    pad(s, t.getMinute(), 2).append(':');
    pad(s, t.getSecond(), 2);
    if (nanos != 0) {
      s.append('.');
      if (nanos % 1_000_000 == 0) {
        pad(s, nanos / 1_000_000, 3);
      } else if (nanos % 1000 == 0) {
        pad(s, nanos / 1000, 6);
      } else {
        pad(s, nanos, 9);
      }
    }
    return s.append('Z').toString();
  }

  /** The local time of {@code millis} after the epoch, in this JVM's time zone, as {@code yyyyMMdd-HHmmss-SSS}. */
  static String local(long millis) {
    int offset = TimeZone.getDefault().getOffset(millis) / 1000;
    LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), (int) Math.floorMod(millis, 1000) * 1_000_000,
        ZoneOffset.ofTotalSeconds(offset));
    StringBuilder s = new StringBuilder(19);
    date(s, t, "");
    s.append('-');
    pad(s, t.getHour(), 2);
    pad(s, t.getMinute(), 2);
    pad(s, t.getSecond(), 2).append('-');
    return pad(s, t.getNano() / 1_000_000, 3).toString();
  }

  /** The date of {@code t}, its parts apart by {@code separator}; a year past 9999 or before 0 signed, as ISO writes it. */
  private static void date(StringBuilder s, LocalDateTime t, String separator) {
    int year = t.getYear();
    if (year > 9999) {
      s.append('+');
    }
    if (year < 0) {
      s.append('-');
    }
    pad(s, Math.abs(year), 4).append(separator);
    pad(s, t.getMonthValue(), 2).append(separator);
    pad(s, t.getDayOfMonth(), 2);
  }

  private static StringBuilder pad(StringBuilder s, int value, int width) {
    String digits = Integer.toString(value);
    for (int i = digits.length(); i < width; i++) {
      s.append('0');
    }
    return s.append(digits);
  }
}
