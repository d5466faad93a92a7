package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A retry backoff's {@code maxDuration} limits how long after its first attempt started a task is
 * retried, as Argo's controller reads it ({@code processNodeRetries}): no retry whose wait would
 * end after it, none once it is over. It is no cap on each wait.
 */
class RetryMaxDurationTest {
  @TempDir Path dir;

  @Test
  void aBackoffLongerThanTheMaximumDurationLeavesNoRetry() throws Exception {
    String failing = "  - name: failing\n    inputs: {parameters: [{name: x}]}\n"
        + "    retryStrategy: {limit: '3', backoff: {duration: 2s, factor: '1', maxDuration: 1s}}\n"
        + "    container:\n      image: a\n      command: [sh, -c, 'exit 1']\n";
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    LocalRunner runner = LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).progress(false).summary(false).build();
    RunResult r = runner.run(LocalRunnerTest.workflow("retry", "", LocalRunnerTest.task("f", "failing", "1"), failing), Map.of());
    assertFalse(r.succeeded());
    assertEquals(1, r.task("f").get().attempts(), console.toString());
    assertTrue(Files.readString(r.task("f").get().log()).contains("attempt 1 failed (exit code 1); not retrying: "), Files.readString(r.task("f").get().log()));
  }

  @Test
  void aRetryStillRunningWhenTheMaximumDurationEndsIsStopped() throws Exception {
    // the first attempt fails at once, the second would run for a minute: Argo's retry pod has the deadline the first
    // attempt's start and maxDuration make, and is stopped there
    String slow = "  - name: slow\n    inputs: {parameters: [{name: x}]}\n"
        + "    retryStrategy: {limit: '3', backoff: {duration: '0', factor: '1', maxDuration: 2s}}\n"
        + "    container:\n      image: a\n      command: [sh, -c, 'if [ -e \"$0\" ]; then sleep 60; exit 0; fi; touch \"$0\"; exit 1', '" + dir.resolve("tried") + "']\n";
    LocalRunner runner = LocalRunner.builder().root(dir.resolve("runs")).caching(false).progress(false).summary(false)
        .console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).build();
    RunResult r = runner.run(LocalRunnerTest.workflow("slow", "", LocalRunnerTest.task("s", "slow", "1"), slow), Map.of());
    assertFalse(r.succeeded());
    assertEquals(2, r.task("s").get().attempts());
    String log = Files.readString(r.task("s").get().log());
    assertTrue(log.contains("attempt 2 failed (stopped after "), log);
    assertTrue(log.contains(" s: the retries' maximum duration (2000 ms) is over); not retrying: "), log);
  }

  @Test
  void theMaximumDurationCountsFromTheFirstAttempt() {
    RetryPolicy p = new RetryPolicy(5, true, false, 1000, 2, 10_000);
    assertEquals(4000, p.delayAfter(3), "no cap on a wait");
    assertNull(p.stop(1, 500));
    assertEquals("waiting 4000 ms to retry would end after the retries' maximum duration (10000 ms)", p.stop(3, 7000));
    assertEquals("the retries' maximum duration (10000 ms) is over", p.stop(2, 10_001));
    assertNull(new RetryPolicy(5, true, false, 1000, 2, 0).stop(9, 1_000_000), "no maximum");
  }

  /**
   * A retried task's time runs from its first attempt's start to its last attempt's end, the wait between them included, in
   * its result and in run.json: here two attempts of a task that sleeps 0.2 s, 0.5 s apart, at least 0.9 s.
   */
  @Test
  void aRetriedTasksTimeCountsEveryAttemptAndTheWaitBetween() throws Exception {
    String failing = "  - name: failing\n    inputs: {parameters: [{name: x}]}\n"
        + "    retryStrategy: {limit: '1', backoff: {duration: 500ms, factor: '1', maxDuration: 1m}}\n"
        + "    container:\n      image: a\n      command: [sh, -c, 'sleep 0.2; exit 1']\n";
    LocalRunner runner = LocalRunner.builder().root(dir.resolve("runs")).caching(false).progress(false).summary(false)
        .console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).build();
    RunResult r = runner.run(LocalRunnerTest.workflow("timed", "", LocalRunnerTest.task("f", "failing", "1"), failing), Map.of());
    TaskResult f = r.task("f").orElseThrow();
    assertEquals(2, f.attempts());
    assertTrue(f.millis() >= 900, "from the first start to the last end: " + f.millis());
    assertEquals(f.millis(), dev.kfp4j.yaml.Yaml.json().readTree(r.runDir().resolve("run.json").toFile()).path("tasks").path("f")
        .path("millis").asLong());
  }
}
