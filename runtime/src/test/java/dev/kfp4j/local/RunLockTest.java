package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run folder's lock as the local UI asks about it: held while a runner runs, in this JVM or in
 * another process; not held once the runner is killed; and asking never takes it from a runner.
 */
class RunLockTest {
  @TempDir Path dir;

  /** In a JVM of its own: {@code hold DIR} takes the lock, says so and keeps it until killed; {@code probe DIR} prints {@link RunLock#isHeld}. */
  public static void main(String[] args) throws IOException {
    Path runDir = Path.of(args[1]);
    if (args[0].equals("probe")) {
      System.out.println(RunLock.isHeld(runDir));
      return;
    }
    RunLock lock = RunLock.acquire(runDir);
    System.out.println("locked");
    System.out.flush();
    System.in.read(); // until killed
    lock.close();
  }

  private static Process child(String mode, Path runDir) throws IOException {
    return new ProcessBuilder(Child.java(), "-cp", System.getProperty("java.class.path"), RunLockTest.class.getName(), mode,
        runDir.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  private static String firstLine(Process p) throws IOException {
    return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
  }

  @Test
  void aFolderNoRunnerLockedIsNotHeld() throws IOException {
    assertFalse(RunLock.isHeld(dir), "no lock file");
    RunLock.acquire(dir).close();
    assertTrue(Files.exists(dir.resolve(".lock")));
    assertFalse(RunLock.isHeld(dir), "released");
  }

  @Test
  void aRunnerInAnotherProcessHoldsItUntilItIsKilled() throws Exception {
    Process runner = child("hold", dir);
    try {
      assertEquals("locked", firstLine(runner));
      assertTrue(RunLock.isHeld(dir));
      assertTrue(RunLock.isHeld(dir), "asking did not take it");
      WorkflowException refused = assertThrows(WorkflowException.class, () -> RunLock.acquire(dir));
      assertTrue(refused.getMessage().contains("is in use"), refused.getMessage());
    } finally {
      runner.destroyForcibly();
      runner.waitFor();
    }
    assertFalse(RunLock.isHeld(dir), "the system dropped the killed runner's lock");
    RunLock.acquire(dir).close();
  }

  @Test
  void aRunnerInThisJvmHoldsItWhateverElseAsks() throws Exception {
    try (RunLock lock = RunLock.acquire(dir.resolve("..").resolve(dir.getFileName()))) {
      assertTrue(RunLock.isHeld(dir));
      assertThrows(WorkflowException.class, () -> RunLock.acquire(dir));
      // neither the question nor the refused second runner let it go: another process still finds it held
      Process probe = child("probe", dir);
      assertEquals("true", firstLine(probe));
      assertEquals(0, probe.waitFor());
    }
    Process probe = child("probe", dir);
    assertEquals(List.of("false"), List.of(firstLine(probe)));
    assertEquals(0, probe.waitFor());
  }
}
