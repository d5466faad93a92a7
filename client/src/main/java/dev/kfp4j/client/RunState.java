package dev.kfp4j.client;

import java.util.Locale;

/**
 * A run's state, the same for both APIs: v1beta1 reports Argo's workflow phase as text
 * ({@code Running}, {@code Succeeded}, ...), v2beta1 an enum ({@code RUNNING}, {@code SUCCEEDED}, ...).
 */
public enum RunState {
  PENDING, RUNNING, SUCCEEDED, SKIPPED, FAILED, ERROR, CANCELING, CANCELED, PAUSED, UNKNOWN;

  /** Whether the run has ended and will not change again. */
  public boolean finished() {
    return this == SUCCEEDED || this == SKIPPED || this == FAILED || this == ERROR || this == CANCELED;
  }

  /** Whether the run ended well. */
  public boolean succeeded() {
    return this == SUCCEEDED || this == SKIPPED;
  }

  static RunState parse(String text) {
    if (text == null || text.isBlank()) {
      return PENDING; // KFP reports no status until the workflow controller picks the run up
    }
    switch (text.toUpperCase(Locale.ROOT)) {
      case "TERMINATING": return CANCELING;
      case "TERMINATED": case "CANCELLED": return CANCELED;
      case "COMPLETED": return SUCCEEDED;
      default:
        try {
          return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          return UNKNOWN;
        }
    }
  }
}
