package dev.kfp4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** v1beta1's Argo phases and v2beta1's enum names give the same states. */
class RunStateTest {
  @ParameterizedTest
  @CsvSource({
      "Pending, PENDING, PENDING",
      "Running, RUNNING, RUNNING",
      "Succeeded, SUCCEEDED, SUCCEEDED",
      "Skipped, SKIPPED, SKIPPED",
      "Failed, FAILED, FAILED",
      "Error, , ERROR",
      "Terminating, CANCELING, CANCELING",
      "Terminated, CANCELED, CANCELED",
      ", PAUSED, PAUSED"})
  void v1PhasesAndV2NamesMapToTheSameState(String v1, String v2, RunState expected) {
    if (v1 != null) {
      assertEquals(expected, RunState.parse(v1), v1);
    }
    if (v2 != null) {
      assertEquals(expected, RunState.parse(v2), v2);
    }
  }

  @Test
  void blankIsPending() {
    assertEquals(RunState.PENDING, RunState.parse(null));
    assertEquals(RunState.PENDING, RunState.parse(""));
    assertEquals(RunState.PENDING, RunState.parse("  "));
  }

  @Test
  void anythingElseIsUnknownAndNotFinished() {
    assertEquals(RunState.UNKNOWN, RunState.parse("Exploded"));
    assertFalse(RunState.UNKNOWN.finished());
  }

  @Test
  void finishedAndSucceeded() {
    Set<RunState> finished = EnumSet.of(RunState.SUCCEEDED, RunState.SKIPPED, RunState.FAILED, RunState.ERROR, RunState.CANCELED);
    Set<RunState> succeeded = EnumSet.of(RunState.SUCCEEDED, RunState.SKIPPED);
    for (RunState s : RunState.values()) {
      assertEquals(finished.contains(s), s.finished(), s.name());
      assertEquals(succeeded.contains(s), s.succeeded(), s.name());
      assertTrue(!s.succeeded() || s.finished(), s.name());
    }
  }
}
