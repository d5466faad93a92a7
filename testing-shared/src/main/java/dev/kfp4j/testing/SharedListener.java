package dev.kfp4j.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Counts the tests skipped for a missing {@code ../shared} ({@link MissingShared}) and prints one
 * line for the whole run when there were any: what they needed, where it was looked for, and how
 * to point at it. Registered with the JUnit Platform through {@code META-INF/services}, so every
 * module whose tests have this jar on the classpath reports so, once.
 */
public final class SharedListener implements TestExecutionListener {
  private final Set<String> needed = new TreeSet<>();
  private TestPlan plan;
  private int skipped;

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    plan = testPlan;
    needed.clear();
    skipped = 0;
  }

  @Override
  public void executionFinished(TestIdentifier id, TestExecutionResult result) {
    if (result.getStatus() != TestExecutionResult.Status.ABORTED
        || !(result.getThrowable().orElse(null) instanceof MissingShared missing)) {
      return;
    }
    needed.addAll(missing.needs());
    skipped += id.isTest() ? 1 : (int) plan.getDescendants(id).stream().filter(TestIdentifier::isTest).count();
  }

  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    if (skipped > 0) {
      System.out.println(line(skipped, needed));
    }
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
