package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {
  private final Progress progress = new Progress(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false, "p");

  @Test
  void namesEachRunningTaskWithItsTime() {
    Object add = new Object();
    progress.running(add, "add");
    progress.running(new Object(), "for-loop-1(0:10)/add");
    String line = progress.line(System.nanoTime());
    assertTrue(line.matches("p: 0 done, 2 running, 0 failed, \\d+\\.\\d s \\| add \\d+\\.\\d s, for-loop-1\\(0:10\\)/add \\d+\\.\\d s"), line);
    progress.stopped(add);
    line = progress.line(System.nanoTime());
    assertTrue(line.matches("p: 0 done, 1 running, 0 failed, \\d+\\.\\d s \\| for-loop-1\\(0:10\\)/add \\d+\\.\\d s"), line);
  }

  @Test
  void countsTheRunningTasksItHasNoRoomFor() {
    for (int i = 0; i < Progress.SHOWN + 2; i++) {
      progress.running(new Object(), "t" + i);
    }
    String line = progress.line(System.nanoTime());
    assertTrue(line.contains("| t0 ") && line.contains(", t2 ") && line.endsWith(", 2 more") && !line.contains("t3"), line);
  }
}
