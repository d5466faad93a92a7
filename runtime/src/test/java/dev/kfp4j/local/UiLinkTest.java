package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run links the local UI that serves its runs folder, and no UI that is gone, even when its process id is another's now. */
class UiLinkTest {
  @TempDir Path dir;

  @Test
  void aRunLinksTheUiThatServesItsRunsAndNotOneThatIsGoneWhoseIdIsAnothersNow() throws Exception {
    URI ui = URI.create("http://127.0.0.1:8765/");
    UiLink.write(dir, ui);
    assertEquals(Optional.of(URI.create("http://127.0.0.1:8765/#/run/p/r1")), UiLink.runPage(dir, "p", "r1"));

    // A UI killed before a reboot (or in a container) whose process id this JVM has now: it started another time.
    ProcessHandle self = ProcessHandle.current();
    long start = self.info().startInstant().orElseThrow().toEpochMilli();
    Files.writeString(dir.resolve(UiLink.FILE), ui + "\n" + self.pid() + "\n" + (start - 3_600_000) + "\n");
    assertTrue(UiLink.runPage(dir, "p", "r1").isEmpty(), "a UI that is gone links nothing");
  }
}
