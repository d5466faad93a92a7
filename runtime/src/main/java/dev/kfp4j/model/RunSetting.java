package dev.kfp4j.model;

import java.util.Set;

/**
 * How and when a step runs, beside {@link TaskSetting}'s settings of its container and pod (kept in a file of their own):
 * its retries and their backoff, its timeout, its cache and cache key, and whether it runs after a failure of a step it
 * waits for.
 */
public sealed interface RunSetting extends TaskSetting permits RunSetting.Retry, RunSetting.RetryBackoff, RunSetting.Timeout,
    RunSetting.Caching, RunSetting.CacheKey, RunSetting.IgnoreUpstreamFailure {
  /** Whether {@code step} runs after a failure of a step it waits for ({@link IgnoreUpstreamFailure}). */
  static boolean afterFailure(Step step) {
    return step.settings().stream().anyMatch(s -> s instanceof IgnoreUpstreamFailure);
  }

  /** Retries a failed step up to {@code limit} times; {@code policy} is Argo's retry policy or null. */
  record Retry(int limit, String policy) implements RunSetting {
    public static final Set<String> POLICIES = Set.of("Always", "OnFailure", "OnError", "OnTransientError");

    public Retry {
      if (limit < 0) {
        throw new IllegalArgumentException("retries(" + limit + "): the retry limit must be 0 or more");
      }
      if (policy != null && !POLICIES.contains(policy)) {
        throw new IllegalArgumentException("retries(..., \"" + policy + "\"): the retry policy must be one of " + SettingChecks.sorted(POLICIES));
      }
    }

    @Override
    public <R> R accept(SettingVisitor<R> v) {
      return v.retry(this);
    }
  }

  /**
   * The wait between retries: {@code duration} (such as {@code 10s} or {@code 500ms}), multiplied
   * by {@code factor} after each retry, at most {@code maxDuration} (empty: no maximum).
   */
  record RetryBackoff(String duration, int factor, String maxDuration) implements RunSetting {
    public RetryBackoff {
      SettingChecks.checkBackoff(duration, factor, maxDuration);
    }

    @Override
    public <R> R accept(SettingVisitor<R> v) {
      return v.retryBackoff(this);
    }
  }

  /** Stops the step after {@code seconds}. */
  record Timeout(long seconds) implements RunSetting {
    public Timeout {
      if (seconds <= 0) {
        throw new IllegalArgumentException("timeout(" + seconds + "): the timeout is a number of seconds above 0");
      }
    }

    @Override
    public <R> R accept(SettingVisitor<R> v) {
      return v.timeout(this);
    }
  }

  /** Turns the cache on or off for the step (it is on by default). */
  record Caching(boolean enabled) implements RunSetting {
    @Override
    public <R> R accept(SettingVisitor<R> v) {
      return v.caching(this);
    }
  }

  /**
   * The step's own cache key (KFP's {@code set_caching_options(cache_key=...)}): a cached result is reused for any run of
   * the same component given the same key, whatever its inputs, image and command.
   */
  record CacheKey(String key) implements RunSetting {
    public CacheKey {
      if (key == null || key.isBlank()) {
        throw new IllegalArgumentException("cacheKey(\"" + key + "\"): the key is a text that is not blank");
      }
    }

    @Override
    public <R> R accept(SettingVisitor<R> v) {
      return v.cacheKey(this);
    }
  }

  /**
   * The step runs once every step it waits for has ended, whether it succeeded or not (KFP's {@code
   * ignore_upstream_failure()}, a trigger strategy of {@code ALL_UPSTREAM_TASKS_COMPLETED}); an input
   * whose producer gave nothing takes its default.
   */
  record IgnoreUpstreamFailure() implements RunSetting {
    @Override
    public <R> R accept(SettingVisitor<R> v) {
      return v.ignoreUpstreamFailure(this);
    }
  }
}
