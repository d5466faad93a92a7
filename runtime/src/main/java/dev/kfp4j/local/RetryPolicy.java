package dev.kfp4j.local;

/**
 * How often a failed task runs again, and how long it waits first: {@code backoffMillis} before
 * the second attempt, times {@code factor} for each later one, at most {@code maxBackoffMillis}
 * (0: no maximum).
 */
record RetryPolicy(int limit, long backoffMillis, int factor, long maxBackoffMillis) {
  static final RetryPolicy NONE = new RetryPolicy(0, 0, 1, 0);

  RetryPolicy {
    if (limit < 0 || backoffMillis < 0 || factor < 1 || maxBackoffMillis < 0) {
      throw new WorkflowException("a retry limit, backoff and maximum cannot be negative, and the factor is at least 1");
    }
  }

  /** Whether a task that failed its {@code attempt}th time runs again. */
  boolean retries(int attempt) {
    return attempt <= limit;
  }

  /** How long to wait after the {@code attempt}th attempt failed. */
  long delayAfter(int attempt) {
    long wait = backoffMillis;
    for (int i = 1; i < attempt && wait < Long.MAX_VALUE / factor; i++) {
      wait *= factor;
    }
    return maxBackoffMillis > 0 ? Math.min(wait, maxBackoffMillis) : wait;
  }
}
