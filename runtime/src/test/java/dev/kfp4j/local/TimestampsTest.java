package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** The runner's time texts are java.time's, to the character. */
class TimestampsTest {
  /** Nanoseconds of every shape {@code Instant.toString} writes: none, milliseconds, microseconds, all nine digits. */
  private static int nanos(SplittableRandom random) {
    return switch (random.nextInt(4)) {
      case 0 -> 0;
      case 1 -> random.nextInt(1000) * 1_000_000;
      case 2 -> random.nextInt(1_000_000) * 1000;
      default -> random.nextInt(1_000_000_000);
    };
  }

  @Test
  void instantsAreWrittenAsInstantToStringWritesThem() {
    SplittableRandom random = new SplittableRandom(3);
    long year10000 = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();
    long yearMinus5 = Instant.parse("-0005-01-01T00:00:00Z").getEpochSecond();
    for (int i = 0; i < 100_000; i++) {
      long seconds = i % 10 == 0 ? random.nextLong(yearMinus5, 2 * year10000) : random.nextLong(0, 4_102_444_800L); // to 2100
      int nanos = nanos(random);
      assertEquals(Instant.ofEpochSecond(seconds, nanos).toString(), Timestamps.utc(seconds, nanos));
    }
    assertEquals("1970-01-01T00:00:00Z", Timestamps.utc(0, 0));
  }

  @Test
  void aRunIdsLocalTimeIsTheFormattersInEveryZone() {
    DateTimeFormatter pattern = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
    TimeZone before = TimeZone.getDefault();
    SplittableRandom random = new SplittableRandom(5);
    try {
      for (String zone : List.of("UTC", "Europe/Berlin", "America/St_Johns", "Asia/Kathmandu", "Pacific/Chatham", "America/Los_Angeles")) {
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        for (int i = 0; i < 20_000; i++) {
          long millis = random.nextLong(0, 4_102_444_800_000L);
          assertEquals(LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneId.systemDefault()).format(pattern),
              Timestamps.local(millis), zone + " at " + millis);
        }
      }
    } finally {
      TimeZone.setDefault(before);
    }
  }
}
