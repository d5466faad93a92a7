package dev.kfp4j.testing;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Counts the tests of a test plan that stopped as skipped for one {@link SkippedTests.Want} (a test, or a class whose
 * every test stopped before it began) and adds them to a tally when the plan ends, which tells them in one line.
 */
public abstract class SkipCounter implements TestExecutionListener {
  private final SkippedTests tally;
  private final SkippedTests.Want want;
  private final Set<String> why = new TreeSet<>();
  private TestPlan plan;
  private int skipped;

  /** Counts into this JVM's tally, which tells its lines when the launcher session ends ({@link SkipReport}). */
  protected SkipCounter(SkippedTests.Want want) {
    this(SkippedTests.JVM, want);
  }

  SkipCounter(SkippedTests tally, SkippedTests.Want want) {
    this.tally = tally;
    this.want = want;
  }

  /** Why a test that stopped with {@code thrown} was skipped for this want, or null when it was skipped for another. */
  protected abstract Collection<String> why(Throwable thrown);

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    plan = testPlan;
    why.clear();
    skipped = 0;
  }

  @Override
  public void executionFinished(TestIdentifier id, TestExecutionResult result) {
    Collection<String> reasons = result.getStatus() == TestExecutionResult.Status.ABORTED
        ? result.getThrowable().map(this::why).orElse(null) : null;
    if (reasons != null) {
      why.addAll(reasons);
      skipped += id.isTest() ? 1 : (int) plan.getDescendants(id).stream().filter(TestIdentifier::isTest).count();
    }
  }

  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    if (skipped > 0) {
      tally.add(want, skipped, why);
    }
  }
}
