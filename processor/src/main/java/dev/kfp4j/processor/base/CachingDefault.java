package dev.kfp4j.processor.base;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The processor option {@value #OPTION}, KFP's {@code kfp dsl compile --disable-execution-caching-by-default} (and its
 * {@code KFP_DISABLE_EXECUTION_CACHING_BY_DEFAULT}): when set, every task a pipeline body writes without a {@code
 * caching(...)} call of its own has KFP's cache off, as if written {@code caching(false)}; {@code caching(true)} keeps it
 * on. Read from the option alone, not the environment, so that the same sources and options give the same files.
 */
public final class CachingDefault {
  /** The option's name. */
  public static final String OPTION = "kfp4j.disableExecutionCachingByDefault";

  /** The texts that turn the cache off by default: click's true values, as KFP's CLI reads its flag's variable. */
  private static final Set<String> ON = Set.of("", "1", "true", "t", "yes", "y", "on");
  /** The texts that leave it on: click's false values. */
  private static final Set<String> OFF = Set.of("0", "false", "f", "no", "n", "off");

  private CachingDefault() {}

  /**
   * Whether tasks cache unless told otherwise, given the processor's options (javac gives {@code -Akey} alone as the key
   * with a null value).
   *
   * @throws IllegalArgumentException for a value the option does not take, saying what it takes
   */
  public static boolean cachingByDefault(Map<String, String> options) {
    if (!options.containsKey(OPTION)) {
      return true;
    }
    String value = options.get(OPTION);
    return cachingByDefault(value == null ? "" : value);
  }

  /**
   * Whether tasks cache unless told otherwise, given the option's value: null (the option left out) or a false value
   * ({@code false}, {@code 0}, {@code no}, ...) keeps KFP's default, the cache on; {@code -A}{@value #OPTION} alone or a
   * true value ({@code true}, {@code 1}, {@code yes}, ...) turns it off.
   *
   * @throws IllegalArgumentException for any other text, saying what the option takes
   */
  public static boolean cachingByDefault(String option) {
    if (option == null) {
      return true;
    }
    String value = option.strip().toLowerCase(Locale.ROOT);
    if (ON.contains(value)) {
      return false;
    }
    if (OFF.contains(value)) {
      return true;
    }
    throw new IllegalArgumentException("write true (tasks without caching(...) have the cache off) or false (on, the default)");
  }
}
