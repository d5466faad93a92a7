package dev.kfp4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How long a wait for a run waits: the whole timeout, looking once more at its end. */
class WaitTest {
  private static Loopback server(long endsAfterMillis) throws Exception {
    long start = System.nanoTime();
    return Loopback.start(r -> Loopback.Answer.json(200, "{\"run\": {\"id\": \"r1\", \"name\": \"r\", \"status\": \""
        + ((System.nanoTime() - start) / 1_000_000 >= endsAfterMillis ? "Succeeded" : "Running") + "\"}}"));
  }

  /**
   * A timeout shorter than the poll interval (5 s by default) gave up after the first look, at once, saying the run was
   * still going "after 2 s"; and any timeout ended up to an interval early.
   */
  @Test
  void aRunThatEndsWithinTheTimeoutIsSeenToEndThoughTheTimeoutIsShorterThanTheInterval() throws Exception {
    try (Loopback server = server(1000)) {
      long start = System.nanoTime();
      Run run = server.client(Auth.none()).waitForRun("r1", Duration.ofSeconds(2));
      assertEquals(RunState.SUCCEEDED, run.state());
      long waited = (System.nanoTime() - start) / 1_000_000;
      assertTrue(waited >= 1000 && waited < 4000, waited + " ms");
    }
  }

  @Test
  void aRunStillGoingAtTheDeadlineIsReportedAfterTheWholeTimeout() throws Exception {
    try (Loopback server = server(60_000)) {
      long start = System.nanoTime();
      KfpException e = assertThrows(KfpException.class, () -> server.client(Auth.none()).waitForRun("r1", Duration.ofSeconds(2)));
      long waited = (System.nanoTime() - start) / 1_000_000;
      assertTrue(e.stillGoing(), e.getMessage());
      assertTrue(e.getMessage().startsWith("run r1 is still RUNNING after 2 s"), e.getMessage());
      assertTrue(waited >= 2000 && waited < 5000, waited + " ms");
    }
  }
}
