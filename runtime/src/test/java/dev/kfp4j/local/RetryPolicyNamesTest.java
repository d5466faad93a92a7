package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Argo's retry policies {@code OnError} and {@code OnTransientError} retry a node that errored (its
 * pod could not run), not a task that ran and failed ({@code processNodeRetries}): a local run, whose
 * failures are all of the second kind, does not retry them.
 */
class RetryPolicyNamesTest {
  @TempDir Path dir;

  @Test
  void aTaskThatFailsIsNotRetriedOnErrorsOnly() {
    for (String policy : new String[] {"OnError", "OnTransientError"}) {
      String failing = "  - name: failing\n    inputs: {parameters: [{name: x}]}\n"
          + "    retryStrategy: {limit: '2', retryPolicy: " + policy + "}\n"
          + "    container:\n      image: a\n      command: [sh, -c, 'exit 1']\n";
      LocalRunner runner = LocalRunner.builder().root(dir.resolve(policy)).caching(false)
          .console(new PrintStream(OutputStream.nullOutputStream(), true)).progress(false).summary(false).build();
      RunResult r = runner.run(LocalRunnerTest.workflow("retry", "", LocalRunnerTest.task("f", "failing", "1"), failing), Map.of());
      assertFalse(r.succeeded());
      assertEquals(1, r.task("f").get().attempts(), policy);
    }
  }
}
