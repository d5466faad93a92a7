package dev.kfp4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The default name of a pipeline version: two uploads in one second must not clash, as KFP refuses a second version of a name. */
class VersionNamesTest {
  private static final Instant AT = Instant.parse("2026-03-14T09:15:02.123456Z");

  @Test
  void theNameIsThePipelineTheUtcTimeToTheMillisecondAndTheFilesHash() {
    // 37b128c5: the first 8 hex digits of the file's SHA-256, as `printf 'a: 1\n' | sha256sum` prints it
    assertEquals("add-example-20260314-091502-123-37b128c5", VersionNames.of("add-example", AT, "a: 1\n"));
  }

  @Test
  void twoDifferentFilesUploadedAtTheSameInstantGetTwoNames() {
    assertNotEquals(VersionNames.of("add-example", AT, "a: 1\n"), VersionNames.of("add-example", AT, "a: 2\n"));
  }

  @Test
  void aLongPipelineNameIsCutSoTheNameFitsKfpsLimitWithTheTimeAndHashWhole() {
    // 128 characters, as KFP takes in a pipeline's name; cut at its 98th, a '-', which the name does not end in
    String pipeline = "a".repeat(97) + "-" + "b".repeat(30);
    String name = VersionNames.of(pipeline, AT, "a: 1\n");
    assertEquals("a".repeat(97) + "-20260314-091502-123-37b128c5", name);
    assertTrue(name.length() <= 127, name.length() + " characters, more than the 127 KFP's API server takes in a version's name");
  }

  @Test
  void aPipelineNameThatJustFitsIsKeptWhole() {
    String pipeline = "p".repeat(98);
    assertEquals(pipeline + "-20260314-091502-123-37b128c5", VersionNames.of(pipeline, AT, "a: 1\n"));
    assertEquals(127, VersionNames.of(pipeline, AT, "a: 1\n").length());
  }

  @Test
  void theSameFileAMillisecondLaterGetsAnotherName() {
    assertNotEquals(VersionNames.of("add-example", AT, "a: 1\n"), VersionNames.of("add-example", AT.plusMillis(1), "a: 1\n"));
  }
}
