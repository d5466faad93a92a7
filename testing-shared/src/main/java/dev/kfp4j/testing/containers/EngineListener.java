package dev.kfp4j.testing.containers;

import java.util.Set;
import java.util.TreeSet;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Counts the tests skipped because no container engine can run a container here ({@link NoEngine})
 * and prints one line for the whole run when there were any. Registered with the JUnit Platform
 * through {@code META-INF/services}, as the reference folder's listener is.
 */
public final class EngineListener implements TestExecutionListener {
  private final Set<String> why = new TreeSet<>();
  private TestPlan plan;
  private int skipped;

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    plan = testPlan;
    why.clear();
    skipped = 0;
  }

  @Override
  public void executionFinished(TestIdentifier id, TestExecutionResult result) {
    if (result.getStatus() != TestExecutionResult.Status.ABORTED || !(result.getThrowable().orElse(null) instanceof NoEngine e)) {
      return;
    }
    why.add(e.why());
    skipped += id.isTest() ? 1 : (int) plan.getDescendants(id).stream().filter(TestIdentifier::isTest).count();
  }

  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    if (skipped > 0) {
      System.out.println(line(skipped, why));
    }
  }

  /** The one line: {@code kfp4j: 5 tests skipped: they run containers, but ...}. */
  static String line(int skipped, Set<String> why) {
    return "kfp4j: " + skipped + (skipped == 1 ? " test" : " tests") + " skipped: they run containers, but "
        + String.join("; and ", why) + " (install podman and runc, or docker; see the README's 'Running in containers')";
  }
}
