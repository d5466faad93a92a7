package dev.kfp4j.local;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Who owns a file the runner leaves while it works on it (a cache entry being written, a class list): its name carries
 * the owning process's id and start time ({@code NAME-PID-START-...}), so that another runner tells a live owner's file,
 * which it leaves alone, from a dead one's, which it deletes. The id alone is not enough: after a reboot, or in a
 * container whose runner has the same id at every start, the id is another process's, and the file would be left for
 * ever.
 */
final class Owners {
  /** How far apart two JVMs may see one process's start. */
  private static final long SAME_START_MILLIS = 1000;

  private Owners() {}

  /** This process, as file names carry it: its id, {@code -}, its {@link #currentStart}. */
  static String current() {
    return ProcessHandle.current().pid() + "-" + currentStart();
  }

  /** When this process started, in milliseconds since the epoch; 0 when unknown. */
  static long currentStart() {
    return Math.max(0, ProcessGroups.startMillis(ProcessHandle.current()));
  }

  /**
   * Whether the process named in a leftover's name ({@code .entry-PID-START-...}, {@code loading-PID-START-...}) still runs:
   * a process of that id that started then. A name of an older kfp4j ({@code .entry-PID-...}, no start) is its id's alone.
   */
  static boolean alive(String name) {
    String[] parts = name.split("-");
    if (parts.length < 3) {
      return false; // an older kfp4j's name, without a process id
    }
    try {
      return alive(Long.parseLong(parts[1]), parts.length == 3 ? 0 : Long.parseLong(parts[2]));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Whether process {@code pid}, started at {@code startMillis} ({@link #startedAt}; 0: not known, its id alone), still runs. */
  static boolean alive(long pid, long startMillis) {
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> startMillis == 0 || startedAt(p, startMillis)).isPresent();
  }

  /** {@code prefix-PID-START-RANDOM}: the name of a leftover of this process, which {@link #alive} reads back. */
  static String leftover(String prefix) {
    return prefix + "-" + current() + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
  }

  /**
   * Whether process {@code p} started at {@code startMillis} (milliseconds since the epoch), as another JVM saw it: within
   * a second, as the JDK counts a process's start from the system's boot time in whole seconds, which a clock's adjustment
   * may move by one. Never when either start is unknown.
   */
  static boolean startedAt(ProcessHandle p, long startMillis) {
    long start = ProcessGroups.startMillis(p);
    return start > 0 && startMillis > 0 && Math.abs(start - startMillis) <= SAME_START_MILLIS;
  }
}
