package dev.kfp4j.entrypoint;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The JDK's value types a component takes and returns as their text, a KFP {@code String}: {@code java.time}'s dates,
 * times and amounts, {@code UUID} and {@code URI}. Each is read with its own {@code parse} (ISO 8601 for {@code
 * java.time}: {@code 2024-01-31}, {@code 2024-01-31T04:00:00Z}, {@code PT15M}) and written with {@code toString()},
 * which that reads back.
 */
public final class TextTypes {
  private record Kind(Function<String, Object> parse, String example) {}

  /** The types, in the order the README lists them; loaded, not initialised, where only their names are asked. */
  private static final List<Class<?>> TYPES = List.of(LocalDate.class, LocalTime.class, LocalDateTime.class,
      OffsetDateTime.class, ZonedDateTime.class, Instant.class, Duration.class, Period.class, Year.class, YearMonth.class,
      UUID.class, URI.class);

  /** How each type reads, made when first needed (a javac run asking only whether a type is one of them makes none). */
  private static final class Kinds {
    static final Map<Class<?>, Kind> KINDS = Map.ofEntries(
        Map.entry(LocalDate.class, new Kind(LocalDate::parse, "2024-01-31")),
        Map.entry(LocalTime.class, new Kind(LocalTime::parse, "04:30")),
        Map.entry(LocalDateTime.class, new Kind(LocalDateTime::parse, "2024-01-31T04:30")),
        Map.entry(OffsetDateTime.class, new Kind(OffsetDateTime::parse, "2024-01-31T04:30:00+01:00")),
        Map.entry(ZonedDateTime.class, new Kind(ZonedDateTime::parse, "2024-01-31T04:30:00+01:00[Europe/Paris]")),
        Map.entry(Instant.class, new Kind(Instant::parse, "2024-01-31T04:30:00Z")),
        Map.entry(Duration.class, new Kind(Duration::parse, "PT15M")),
        Map.entry(Period.class, new Kind(Period::parse, "P1M")),
        Map.entry(Year.class, new Kind(Year::parse, "2024")),
        Map.entry(YearMonth.class, new Kind(YearMonth::parse, "2024-01")),
        Map.entry(UUID.class, new Kind(UUID::fromString, "123e4567-e89b-12d3-a456-426614174000")),
        Map.entry(URI.class, new Kind(URI::create, "s3://bucket/data")));
  }

  private TextTypes() {}

  /** Whether {@code type} is one of these types. */
  public static boolean isText(Class<?> type) {
    return TYPES.contains(type);
  }

  /** The type of that qualified name ({@code java.time.LocalDate}), or null when it is none of these. */
  public static Class<?> named(String qualifiedName) {
    for (Class<?> c : TYPES) {
      if (c.getName().equals(qualifiedName)) {
        return c;
      }
    }
    return null;
  }

  /** A text {@code type} reads: {@code 2024-01-31} for a {@code LocalDate}. */
  public static String example(Class<?> type) {
    return Kinds.KINDS.get(type).example();
  }

  /**
   * {@code text} read as {@code type}.
   *
   * @throws IllegalArgumentException saying what is wanted, with an example, when it is no such value
   */
  public static Object parse(String text, Class<?> type) {
    Kind kind = type == null ? null : Kinds.KINDS.get(type);
    if (kind == null) {
      throw new IllegalArgumentException(type + " is not read from its text");
    }
    try {
      return kind.parse().apply(text.strip());
    } catch (RuntimeException e) { // DateTimeParseException, IllegalArgumentException
      throw new IllegalArgumentException("invalid " + type.getSimpleName() + " value: '" + text + "' (expected for example '"
          + kind.example() + "')", e);
    }
  }

  /**
   * What {@code type}'s own parse says of {@code text} ({@code Text '15m' cannot be parsed to a Duration}), or null when it
   * reads: how the processor checks a default or constant as the task will read it.
   */
  public static String problem(String text, Class<?> type) {
    try {
      parse(text, type);
      return null;
    } catch (IllegalArgumentException e) {
      return e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
    }
  }
}
