package dev.kfp4j.entrypoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextTypesTest {
  /** Each type's example reads as the type, and its text, as a task writes an output, reads back to the same value. */
  @ParameterizedTest
  @ValueSource(classes = {LocalDate.class, LocalTime.class, LocalDateTime.class, OffsetDateTime.class, ZonedDateTime.class,
      Instant.class, Duration.class, Period.class, Year.class, YearMonth.class, UUID.class, URI.class})
  void eachExampleReadsAndItsTextReadsBack(Class<?> type) {
    assertTrue(TextTypes.isText(type));
    assertEquals(type, TextTypes.named(type.getName()));
    Object value = TextTypes.parse(TextTypes.example(type), type);
    assertTrue(type.isInstance(value), value.getClass().getName());
    assertEquals(value, TextTypes.parse(KfpValues.format(value), type));
  }

  @Test
  void aTextOfAnotherFormIsAnErrorSayingWhatIsWanted() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TextTypes.parse("31/01/2024", LocalDate.class));
    assertEquals("invalid LocalDate value: '31/01/2024' (expected for example '2024-01-31')", e.getMessage());
    assertEquals("invalid Duration value: '15m' (expected for example 'PT15M')",
        assertThrows(IllegalArgumentException.class, () -> TextTypes.parse("15m", Duration.class)).getMessage());
  }

  @Test
  void otherTypesAreNotReadFromText() {
    assertFalse(TextTypes.isText(String.class));
    assertFalse(TextTypes.isText(java.util.Date.class));
    assertEquals(null, TextTypes.named("java.sql.Date"));
  }
}
