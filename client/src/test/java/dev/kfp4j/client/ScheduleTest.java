package dev.kfp4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** KFP's six-field cron checked before anything reaches the server, with messages that say how to fix it. */
class ScheduleTest {
  private static String refused(String cron) {
    return assertThrows(IllegalArgumentException.class, () -> Schedule.cron(cron)).getMessage();
  }

  private static void assertContains(String message, String... parts) {
    for (String part : parts) {
      assertTrue(message.contains(part), "no '" + part + "' in: " + message);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"0 0 4 * * *", "*/30 * * * * *", "0 0 0 1 JAN-MAR MON,FRI", "0 15 10 ? * MON-FRI", "@daily",
      "0 0 12 * * sun", "0 0/15 9-17 1,15 * *", "0 0 0 31 12 6"})
  void validExpressionsPass(String cron) {
    assertEquals(cron, Schedule.cron(cron).expression());
  }

  @Test
  void extraSpacesAreNormalised() {
    assertEquals("0 0 4 * * *", Schedule.cron("  0  0 4 * *\t* ").expression());
  }

  @Test
  void fiveFieldsSuggestTheSixFieldFormWithALeadingZero() {
    assertContains(refused("0 4 * * *"), "has 5 fields", "KFP's cron has 6, seconds first", "write '0 0 4 * * *'");
  }

  @Test
  void sevenFieldsAreRefused() {
    String m = refused("0 0 4 * * * 2025");
    assertContains(m, "has 7 fields", "6, seconds first");
    assertTrue(!m.contains("write '0"), m);
  }

  @Test
  void oneFieldIsSaidInTheSingular() {
    assertContains(refused("daily"), "cron 'daily' has 1 field; KFP's cron has 6, seconds first");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "60 0 4 * * *|second field '60'|0-59",
      "0 60 4 * * *|minute field '60'|0-59",
      "0 0 24 * * *|hour field '24'|0-23",
      "0 0 0 0 * *|day of month field '0'|1-31",
      "0 0 0 32 * *|day of month field '32'|1-31",
      "0 0 0 1 13 *|month field '13'|1-12",
      "0 0 0 * * 7|day of week field '7'|0-6"})
  void outOfRangeValuesNameTheFieldAndItsRange(String cron, String field, String range) {
    assertContains(refused(cron), field, "outside " + range);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "*/0 * * * * *|second field '*/0'",
      "0 */x * * * *|minute field '*/x'",
      "0 0 1/ * * *|hour field '1/'"})
  void badStepsAreRefused(String cron, String field) {
    assertContains(refused(cron), field, "the step after '/' must be a number of at least 1");
  }

  @Test
  void reversedRangesAreRefused() {
    assertContains(refused("0 0 17-9 * * *"), "hour field '17-9'", "the range ends before it starts");
    assertContains(refused("0 0 0 * * FRI-MON"), "day of week field 'FRI-MON'", "the range ends before it starts");
  }

  @Test
  void everySuggestsAnIntervalSchedule() {
    assertContains(refused("@every 1h"), "unknown descriptor", "an interval schedule instead of @every");
  }

  @Test
  void unknownNamesAreRefusedWithTheNamesThatExist() {
    assertContains(refused("0 0 0 * * MONDAY"), "day of week field 'MONDAY'", "day name (SUN-SAT)");
    assertContains(refused("0 0 0 1 JANUARY *"), "month field 'JANUARY'", "month name (JAN-DEC)");
    assertContains(refused("0 0 MON * * *"), "hour field 'MON'", "is not a number");
    assertContains(refused("@fortnightly"), "unknown descriptor", "@daily", "@weekly");
  }

  @Test
  void emptyIsRefusedWithAnExample() {
    assertContains(refused(" "), "such as '0 0 4 * * *'");
  }

  @Test
  void argoScheduleDropsTheSecondsField() {
    assertEquals("0 4 * * *", Schedule.cron("0 0 4 * * *").argoSchedule());
    assertEquals("15 10 ? * MON-FRI", Schedule.cron("0 15 10 ? * MON-FRI").argoSchedule());
    assertEquals("@daily", Schedule.cron("@daily").argoSchedule());
    assertEquals("00 04 * * *", Schedule.cron("00 00 04 * * *").argoSchedule());
  }

  @Test
  void argoScheduleRefusesANonZeroSecond() {
    for (String cron : List.of("30 0 4 * * *", "*/30 * * * * *")) {
      String m = assertThrows(IllegalArgumentException.class, () -> Schedule.cron(cron).argoSchedule()).getMessage();
      assertContains(m, "seconds field must be 0", "Argo");
    }
  }

  @Test
  void intervalsAreWholeSecondsOfAtLeastOne() {
    assertEquals(Duration.ofMinutes(5), Schedule.every(Duration.ofMinutes(5)).every());
    assertEquals(1, Schedule.every(Duration.ofSeconds(1)).every().toSeconds());
    for (Duration d : List.of(Duration.ZERO, Duration.ofMillis(500), Duration.ofMillis(1500), Duration.ofSeconds(-60))) {
      String m = assertThrows(IllegalArgumentException.class, () -> Schedule.every(d)).getMessage();
      assertContains(m, "whole number of seconds, at least 1");
    }
  }

  /** An interval too long for {@link Duration#toNanos()} (over 292 years) was an ArithmeticException: it is a whole number of seconds. */
  @Test
  void anIntervalOfCenturiesIsTakenInWholeSeconds() {
    assertEquals(9_999_999_999L * 86_400, Schedule.every(Duration.ofDays(9_999_999_999L)).every().toSeconds());
    String m = assertThrows(IllegalArgumentException.class, () -> Schedule.every(Duration.ofDays(9_999_999_999L).plusMillis(1)))
        .getMessage();
    assertContains(m, "whole number of seconds, at least 1");
  }

  @Test
  void intervalsThatDivideTheClockHaveACronForm() {
    assertEquals("0 */15 * * * *", Schedule.every(java.time.Duration.ofMinutes(15)).asCron().expression());
    assertEquals("0 0 */6 * * *", Schedule.every(java.time.Duration.ofHours(6)).asCron().expression());
    assertEquals("0 0 0 * * *", Schedule.every(java.time.Duration.ofDays(1)).asCron().expression());
    assertEquals("*/15 * * * *", Schedule.every(java.time.Duration.ofMinutes(15)).asCron().argoSchedule());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Schedule.every(java.time.Duration.ofMinutes(7)).asCron());
    assertTrue(e.getMessage().contains("an interval of 420 s has no cron form"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Schedule.every(java.time.Duration.ofDays(2)).asCron());
  }
}
