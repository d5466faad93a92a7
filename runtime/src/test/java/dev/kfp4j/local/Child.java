package dev.kfp4j.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** A runner in a JVM of its own, for tests that kill it as a crash would, or give it another environment. */
final class Child {
  private Child() {}

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** {@code LocalRun args} in a new JVM on this JVM's classpath, its output to {@code log}. */
  static Process localRun(Path log, Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>(List.of(java(), "-cp", System.getProperty("java.class.path"), "dev.kfp4j.local.LocalRun"));
    command.addAll(List.of(args));
    return start(command, log, env, null);
  }

  static Process start(List<String> command, Path log, Map<String, String> env, Path dir) {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    if (dir != null) {
      pb.directory(dir.toFile());
    }
    pb.environment().putAll(env);
    try {
      return pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits (at most {@code seconds}) until {@code condition} holds; whether it does. */
  static boolean await(int seconds, BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        return false;
      }
      Thread.sleep(50);
    }
    return true;
  }

  /** The number in {@code file}, once it is written (at most {@code seconds}). */
  static long number(Path file, int seconds) throws InterruptedException {
    await(seconds, () -> {
      try {
        return Files.readString(file).strip().matches("\\d+");
      } catch (IOException e) {
        return false;
      }
    });
    try {
      return Long.parseLong(Files.readString(file).strip());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Whether process {@code pid} runs. Where {@code /proc} tells, a zombie does not: it has ended,
   * only its exit status waits for its parent, which for a task whose runner was killed is init (a
   * firecracker VM's init was seen to collect orphans every 1 to 2 s, later under load), and
   * {@link ProcessHandle#isAlive} counts it alive until then.
   */
  static boolean alive(long pid) {
    if (Files.isDirectory(Path.of("/proc/self"))) {
      try {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z'; // "pid (name) STATE ..."
      } catch (IOException e) {
        return false; // gone
      }
    }
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** Kills what a failed test may have left running. */
  static void kill(long... pids) {
    for (long pid : pids) {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "(" + e + ")";
    }
  }
}
