package dev.kfp4j.testing.containers;

import dev.kfp4j.testing.SkipCounter;
import dev.kfp4j.testing.SkippedTests;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Counts the tests skipped because no container engine can run a container here ({@link NoEngine}), told in one line
 * for the whole run when there were any. Registered with the JUnit Platform through {@code META-INF/services}, as the
 * reference folder's listener is.
 */
public final class EngineListener extends SkipCounter {
  public EngineListener() {
    super(SkippedTests.Want.ENGINE);
  }

  @Override
  protected Collection<String> why(Throwable thrown) {
    return thrown instanceof NoEngine e ? List.of(e.why()) : null;
  }

  /** The one line: {@code kfp4j: 5 tests skipped: they run containers, but ...}. */
  public static String line(int skipped, Set<String> why) {
    return "kfp4j: " + skipped + (skipped == 1 ? " test" : " tests") + " skipped: they run containers, but "
        + String.join("; and ", why) + " (install podman and runc, or docker; see the README's 'Running in containers')";
  }
}
