package dev.kfp4j.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Counts the tests skipped for a missing {@code ../shared} ({@link MissingShared}), told in one line for the whole
 * run when there were any: what they needed, where it was looked for, and how to point at it. Registered with the JUnit
 * Platform through {@code META-INF/services}, so every module whose tests have this jar on the classpath reports so,
 * once ({@link SkippedTests}).
 */
public final class SharedListener extends SkipCounter {
  public SharedListener() {
    super(SkippedTests.Want.SHARED);
  }

  SharedListener(SkippedTests tally) {
    super(tally, SkippedTests.Want.SHARED);
  }

  @Override
  protected Collection<String> why(Throwable thrown) {
    return thrown instanceof MissingShared missing ? missing.needs() : null;
  }

  /** The one line: {@code kfp4j: 3 tests skipped: they check against ... (-Dkfp4j.shared=DIR)}. */
  static String line(int skipped, Set<String> needed) {
    List<String> what = new ArrayList<>(needed);
    String list = what.size() == 1 ? what.get(0)
        : String.join(", ", what.subList(0, what.size() - 1)) + " and " + what.get(what.size() - 1);
    return "kfp4j: " + skipped + (skipped == 1 ? " test" : " tests") + " skipped: they check against " + list
        + ", in the reference folder " + Shared.location() + ", which is not there; point at it with -D"
        + Shared.PROPERTY + "=DIR";
  }
}
