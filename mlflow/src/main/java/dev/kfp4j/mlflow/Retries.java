package dev.kfp4j.mlflow;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/**
 * How often, and after how long, a call to the tracking server is sent again, as MLflow's Python client does it (urllib3's
 * {@code Retry}, which {@code mlflow/utils/request_utils.py} configures from MLflow's variables with {@code total}, {@code
 * connect}, {@code read} and {@code status} all {@code MLFLOW_HTTP_REQUEST_MAX_RETRIES} and {@code allowed_methods=None}, so
 * for any method): a call whose connection was refused, timed out or dropped, or that the server answered with a status
 * saying it is busy or failing ({@link #RETRIED}), or with a {@code Retry-After} on 413, 429 or 503 ({@link #RETRY_AFTER}), is
 * sent at most {@code MLFLOW_HTTP_REQUEST_MAX_RETRIES} more times (default 7, at most 9); the first resend at once, the
 * {@code n}th after {@code MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR} (default 2) × 2<sup>n-1</sup> s and up to {@code
 * MLFLOW_HTTP_REQUEST_BACKOFF_JITTER} (default 1.0) s more at random, never more than {@link #MAX_WAIT} (urllib3's {@code
 * backoff_max}): 0, 4, 8, 16, 32, 64, 120 s by default. An answer with a {@code Retry-After} (seconds, or an HTTP date) above
 * 0 waits what it says instead, at most {@link #RETRY_AFTER_MAX}, as urllib3 does; one that is neither ends the call, as
 * urllib3's {@code InvalidHeader} does ({@link Unreadable}); unless {@code MLFLOW_HTTP_RESPECT_RETRY_AFTER_HEADER} is false
 * (default true), as urllib3's {@code respect_retry_after_header}.
 *
 * <p>The settings are the variables' values as given (null when unset), read when a request is made, as MLflow reads
 * them: a value written wrong fails each call saying what to give ({@link IllegalArgumentException}).
 */
record Retries(String maxRetriesSetting, String backoffFactorSetting, String jitterSetting, String respectRetryAfterSetting) {
  /** Statuses sent again, MLflow's Python client's: a request timeout, too many requests, the server or a proxy failing. */
  static final Set<Integer> RETRIED = Set.of(408, 429, 500, 502, 503, 504);
  /** Statuses also sent again when they come with a {@code Retry-After} that is respected: urllib3's {@code RETRY_AFTER_STATUS_CODES}. */
  static final Set<Integer> RETRY_AFTER = Set.of(413, 429, 503);
  static final String MAX_RETRIES_ENV = "MLFLOW_HTTP_REQUEST_MAX_RETRIES";
  static final String BACKOFF_FACTOR_ENV = "MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR";
  static final String BACKOFF_JITTER_ENV = "MLFLOW_HTTP_REQUEST_BACKOFF_JITTER";
  static final String RESPECT_RETRY_AFTER_ENV = "MLFLOW_HTTP_RESPECT_RETRY_AFTER_HEADER";
  /** MLflow's defaults. */
  static final int MAX_RETRIES = 7;
  static final int BACKOFF_FACTOR = 2;
  static final double BACKOFF_JITTER = 1.0;
  /** The longest backoff before a resend: urllib3's {@code backoff_max} ({@code DEFAULT_BACKOFF_MAX}). */
  static final Duration MAX_WAIT = Duration.ofSeconds(120);
  /**
   * The longest wait a {@code Retry-After} is taken for: urllib3's {@code DEFAULT_RETRY_AFTER_MAX} (since 2.6.3; MLflow sets
   * no {@code retry_after_max}), six hours.
   */
  static final Duration RETRY_AFTER_MAX = Duration.ofHours(6);
  /** MLflow's defaults, every variable unset. */
  static final Retries DEFAULT = new Retries(null, null, null, null);

  /** The settings {@code env} gives. */
  static Retries of(Function<String, String> env) {
    return new Retries(blankToNull(env.apply(MAX_RETRIES_ENV)), blankToNull(env.apply(BACKOFF_FACTOR_ENV)),
        blankToNull(env.apply(BACKOFF_JITTER_ENV)), blankToNull(env.apply(RESPECT_RETRY_AFTER_ENV)));
  }

  /**
   * These settings, each checked: a variable written wrong fails a call before its request is sent.
   *
   * @throws IllegalArgumentException saying which variable and what to give
   */
  Retries checked() {
    maxRetries();
    factor();
    jitter();
    respectsRetryAfter();
    return this;
  }

  /** How many more times a request is sent at most; MLflow refuses 10 or more ({@code _MLFLOW_HTTP_REQUEST_MAX_RETRIES_LIMIT}). */
  int maxRetries() {
    return whole(maxRetriesSetting, MAX_RETRIES_ENV, MAX_RETRIES, 9);
  }

  /**
   * Whether an answer with {@code status} and the header {@code retryAfter} (null when none) is sent again, when tries are
   * left: a status of {@link #RETRIED}, or of {@link #RETRY_AFTER} with a {@code Retry-After} that is respected, as urllib3's
   * {@code Retry.is_retry}.
   */
  boolean resent(int status, String retryAfter) {
    return RETRIED.contains(status)
        || RETRY_AFTER.contains(status) && retryAfter != null && !retryAfter.isEmpty() && respectsRetryAfter();
  }

  /**
   * The wait before resend {@code n} (1 for the first) of a call answered with the header {@code retryAfter} (null when none,
   * or when the call had no answer) given at {@code now}; {@code random} gives the jitter's fraction, in [0, 1). A {@code
   * Retry-After} that is respected and asks for more than 0 s is taken, as urllib3's {@code Retry.sleep}; else the backoff.
   *
   * @throws Unreadable a {@code Retry-After} that is respected and is neither seconds nor a date: urllib3 ends the call
   */
  Duration wait(int n, String retryAfter, Instant now, DoubleSupplier random) throws Unreadable {
    Optional<Duration> asked = respectsRetryAfter() ? retryAfter(retryAfter, now) : Optional.empty();
    if (asked.isPresent() && !asked.get().isZero()) {
      return asked.get();
    }
    if (n <= 1) {
      return Duration.ZERO;
    }
    double jitter = jitter();
    double seconds = factor() * Math.pow(2, n - 1) + (jitter == 0 ? 0 : random.getAsDouble() * jitter);
    return seconds >= MAX_WAIT.toSeconds() ? MAX_WAIT : Duration.ofNanos(Math.round(seconds * 1e9));
  }

  /** Whether a {@code Retry-After} is taken: MLflow's boolean variable, {@code true}, {@code false}, {@code 1} or {@code 0} in any case. */
  boolean respectsRetryAfter() {
    if (respectRetryAfterSetting == null) {
      return true;
    }
    String value = respectRetryAfterSetting.strip().toLowerCase(Locale.ROOT);
    if (!List.of("true", "false", "1", "0").contains(value)) {
      throw new IllegalArgumentException(RESPECT_RETRY_AFTER_ENV + " is '" + respectRetryAfterSetting + "'; give true or false"
          + " (or 1 or 0), such as true (MLflow's default)");
    }
    return value.equals("true") || value.equals("1");
  }

  /**
   * The wait a {@code Retry-After} header asks for, at most {@link #RETRY_AFTER_MAX}, as urllib3's {@code
   * Retry.parse_retry_after}: a whole number of seconds, or an HTTP date (RFC 9110's, in any of its three forms) less {@code
   * now}, none when it is past; empty when there is no header.
   *
   * @throws Unreadable a header that is neither (empty too), where urllib3 throws {@code InvalidHeader}
   */
  static Optional<Duration> retryAfter(String header, Instant now) throws Unreadable {
    if (header == null) {
      return Optional.empty();
    }
    String value = header.strip();
    if (value.matches("[0-9]+")) {
      return Optional.of(value.length() > 18 ? RETRY_AFTER_MAX : atMost(Duration.ofSeconds(Long.parseLong(value))));
    }
    for (DateTimeFormatter format : HTTP_DATES) {
      try {
        Instant at = ZonedDateTime.parse(value, format).toInstant();
        return Optional.of(at.isAfter(now) ? atMost(Duration.between(now, at)) : Duration.ZERO);
      } catch (DateTimeParseException other) {
        // the next form
      }
    }
    throw new Unreadable();
  }

  private static Duration atMost(Duration asked) {
    return asked.compareTo(RETRY_AFTER_MAX) > 0 ? RETRY_AFTER_MAX : asked;
  }

  /** A {@code Retry-After} that is neither a number of seconds nor an HTTP date: {@link Resender} says it, with the answer. */
  static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;

    Unreadable() {
      super(null, null, false, false);
    }
  }

  /** IMF-fixdate ({@code Sun, 06 Nov 1994 08:49:37 GMT}), RFC 850's and asctime's, the forms RFC 9110 takes. */
  private static final DateTimeFormatter[] HTTP_DATES = {
      DateTimeFormatter.RFC_1123_DATE_TIME,
      DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss zzz", Locale.US),
      DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US).withZone(java.time.ZoneOffset.UTC)};

  /** MLflow refuses 120 or more ({@code _MLFLOW_HTTP_REQUEST_MAX_BACKOFF_FACTOR_LIMIT}). */
  private int factor() {
    return whole(backoffFactorSetting, BACKOFF_FACTOR_ENV, BACKOFF_FACTOR, 119);
  }

  private double jitter() {
    if (jitterSetting == null) {
      return BACKOFF_JITTER;
    }
    try {
      double value = Double.parseDouble(jitterSetting.strip());
      if (value >= 0 && value <= MAX_WAIT.toSeconds()) {
        return value;
      }
    } catch (NumberFormatException wrong) {
      // said below
    }
    throw new IllegalArgumentException(BACKOFF_JITTER_ENV + " is '" + jitterSetting + "'; give a number of seconds from 0 to "
        + MAX_WAIT.toSeconds() + ", such as " + BACKOFF_JITTER + " (MLflow's default)");
  }

  private static int whole(String setting, String name, int otherwise, int most) {
    if (setting == null) {
      return otherwise;
    }
    if (setting.strip().matches("[0-9]{1,9}") && Integer.parseInt(setting.strip()) <= most) {
      return Integer.parseInt(setting.strip());
    }
    throw new IllegalArgumentException(name + " is '" + setting + "'; give a whole number from 0 to " + most + ", such as "
        + otherwise + " (MLflow's default)");
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
