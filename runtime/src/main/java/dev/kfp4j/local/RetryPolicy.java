package dev.kfp4j.local;

import dev.kfp4j.model.RunSetting;
import dev.kfp4j.model.TaskSetting;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How often a failed task runs again, and how long it waits first: at most {@code limit} times, a task that failed ({@code
 * failures}) or ended in error ({@code errors}: Argo's, its outputs not saved), as Argo's retry policy says; {@code
 * backoffMillis} before the second attempt, times {@code factor} for each later one; {@code maxDurationMillis} (0: none)
 * after the first attempt started, no attempt starts, as Argo's {@code backoff.maxDuration} (which KFP 2's {@code
 * backoffMaxDuration} becomes) limits a task's retries.
 */
record RetryPolicy(int limit, boolean failures, boolean errors, long backoffMillis, int factor, long maxDurationMillis) {
  static final RetryPolicy NONE = new RetryPolicy(0, true, false, 0, 1, 0);

  RetryPolicy {
    if (limit < 0 || backoffMillis < 0 || factor < 1 || maxDurationMillis < 0) {
      throw new WorkflowException("a retry limit, backoff and maximum cannot be negative, and the factor is at least 1");
    }
  }

  /** The policy a step's {@code retries(...)} and {@code retryBackoff(...)} settings give; {@code where} names the step in errors. */
  static RetryPolicy of(List<TaskSetting> settings, String where) {
    int retries = 0;
    String policy = null;
    String backoff = "";
    int factor = 1;
    String maxBackoff = "";
    for (TaskSetting s : settings) {
      if (s instanceof RunSetting.Retry r) {
        retries = r.limit();
        policy = r.policy();
      } else if (s instanceof RunSetting.RetryBackoff b) {
        backoff = b.duration();
        factor = b.factor();
        maxBackoff = b.maxDuration();
      }
    }
    // Argo's processNodeRetries: OnFailure (the default) retries a failure, OnError an error, Always both; OnTransientError
    // either when its message is a transient one (a lost connection, a pod evicted), which none here is
    boolean always = "Always".equals(policy);
    return new RetryPolicy(retries, always || policy == null || "OnFailure".equals(policy), always || "OnError".equals(policy),
        millis(backoff, where + " retry backoff"), factor, millis(maxBackoff, where + " retry backoff maximum"));
  }

  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

  /** Milliseconds of a duration: seconds as a plain number, or such as {@code 1m30s}, {@code 500ms}; {@code field} names it in errors. */
  static long millis(String text, String field) {
    if (text.isEmpty()) {
      return 0;
    }
    if (text.matches("\\d+")) {
      return Long.parseLong(text) * 1000;
    }
    if (!text.matches("(\\d+(\\.\\d+)?(ms|s|m|h))+")) {
      throw new WorkflowException(field + " '" + text + "' is not a duration, such as 10s, 1m30s or 500ms");
    }
    Matcher m = DURATION.matcher(text);
    double millis = 0;
    while (m.find()) {
      double v = Double.parseDouble(m.group(1));
      millis += switch (m.group(2)) {
        case "ms" -> v;
        case "s" -> v * 1000;
        case "m" -> v * 60_000;
        default -> v * 3_600_000;
      };
    }
    return (long) millis;
  }

  /** Whether a retry of the task can run out of time ({@link #timeoutSeconds}). */
  boolean limited() {
    return limit > 0 && (failures || errors) && maxDurationMillis > 0;
  }

  /** Whether a task that failed ({@code error}: ended in error) its {@code attempt}th time runs again. */
  boolean retries(int attempt, boolean error) {
    return attempt <= limit && (error ? errors : failures);
  }

  /** How long to wait after the {@code attempt}th attempt failed. */
  long delayAfter(int attempt) {
    long wait = backoffMillis;
    for (int i = 1; i < attempt && wait < Long.MAX_VALUE / factor; i++) {
      wait *= factor;
    }
    return wait;
  }

  /**
   * The seconds attempt {@code attempt} may run, begun {@code elapsedMillis} after the first started, given the task's own
   * {@code timeoutSeconds} (0: none): a retry stops where the maximum duration ends, as Argo's controller gives a retry's pod
   * the deadline the first attempt's start and {@code maxDuration} make ({@code processNodeRetries} sets its {@code
   * executionDeadline}); the first attempt has only its own timeout. 0: no limit.
   */
  long timeoutSeconds(int attempt, long elapsedMillis, long timeoutSeconds) {
    if (attempt == 1 || maxDurationMillis == 0) {
      return timeoutSeconds;
    }
    long left = Math.max(1, (maxDurationMillis - elapsedMillis + 999) / 1000);
    return timeoutSeconds == 0 ? left : Math.min(left, timeoutSeconds);
  }

  /**
   * Why a task whose {@code attempt}th attempt failed {@code elapsedMillis} after its first started
   * does not run again though its limit allows, or null: as Argo's controller ({@code
   * processNodeRetries}), the maximum duration is over, or waiting the backoff would end after it.
   */
  String stop(int attempt, long elapsedMillis) {
    if (maxDurationMillis == 0) {
      return null;
    }
    if (elapsedMillis > maxDurationMillis) {
      return "the retries' maximum duration (" + maxDurationMillis + " ms) is over";
    }
    return elapsedMillis + delayAfter(attempt) > maxDurationMillis
        ? "waiting " + delayAfter(attempt) + " ms to retry would end after the retries' maximum duration (" + maxDurationMillis + " ms)"
        : null;
  }
}
