package dev.kfp4j.local;

import dev.kfp4j.local.TaskResult.State;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The progress line, rewritten in place as tasks start and finish, and each second while they run:
 * done, running, failed, the run's time, then each running task with its own time
 * ({@code add-example: 1 done, 2 running, 0 failed, 3.1 s | add 2.0 s, subtract 1.2 s}).
 */
final class Progress {
  /** Running tasks named on the line at most; the rest are counted. */
  static final int SHOWN = 3;

  private final PrintStream console;
  private final boolean show;
  private final String pipeline;
  private final long started = System.nanoTime();
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  /** Each running attempt's task label and when it got its slot, in start order. */
  private final Map<Object, Running> running = new LinkedHashMap<>();
  private final ScheduledExecutorService ticker;
  private int width;

  private record Running(String label, long since) {}

  Progress(PrintStream console, boolean show, String pipeline) {
    this.console = console;
    this.show = show;
    this.pipeline = pipeline;
    if (show) {
      ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kfp4j-progress");
        t.setDaemon(true);
        return t;
      });
      ticker.scheduleAtFixedRate(this::print, 1, 1, TimeUnit.SECONDS);
    } else {
      ticker = null;
    }
  }

  /** An attempt is about to wait for a slot. */
  void waiting() {
    print();
  }

  /** The attempt {@code key} of task {@code label} got its slot and runs. */
  void running(Object key, String label) {
    synchronized (running) {
      running.put(key, new Running(label, System.nanoTime()));
    }
    print();
  }

  /** The attempt {@code key} ended. */
  void stopped(Object key) {
    synchronized (running) {
      running.remove(key);
    }
  }

  void done(TaskResult r) {
    if (r.state().failed()) {
      failed.incrementAndGet();
    } else {
      done.incrementAndGet();
    }
    print();
  }

  /** The line as it is now. */
  String line(long now) {
    StringBuilder line = new StringBuilder();
    synchronized (running) {
      line.append(String.format(Locale.ROOT, "%s: %d done, %d running, %d failed, %.1f s", pipeline, done.get(),
          running.size(), failed.get(), (now - started) / 1e9));
      int shown = 0;
      for (Running r : running.values()) {
        if (shown == SHOWN) {
          line.append(", ").append(running.size() - SHOWN).append(" more");
          break;
        }
        line.append(shown == 0 ? " | " : ", ").append(r.label())
            .append(String.format(Locale.ROOT, " %.1f s", (now - r.since()) / 1e9));
        shown++;
      }
    }
    return line.toString();
  }

  private void print() {
    if (show) {
      synchronized (console) {
        String line = line(System.nanoTime());
        // spaces over what a longer line before left
        console.print("\r" + line + " ".repeat(Math.max(1, width - line.length())));
        width = line.length();
        console.flush();
      }
    }
  }

  void finish() {
    if (show) {
      ticker.shutdownNow();
      print();
      console.println();
    }
  }
}
