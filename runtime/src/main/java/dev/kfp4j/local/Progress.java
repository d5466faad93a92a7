package dev.kfp4j.local;

import dev.kfp4j.local.TaskResult.State;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/** The progress line, rewritten in place as tasks start and finish: done, running, failed, time. */
final class Progress {
  private final PrintStream console;
  private final boolean show;
  private final String pipeline;
  private final long started = System.nanoTime();
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicInteger running = new AtomicInteger();

  Progress(PrintStream console, boolean show, String pipeline) {
    this.console = console;
    this.show = show;
    this.pipeline = pipeline;
  }

  /** An attempt is about to wait for a slot. */
  void waiting() {
    print();
  }

  /** An attempt got its slot and runs. */
  void running() {
    running.incrementAndGet();
  }

  /** An attempt ended. */
  void stopped() {
    running.decrementAndGet();
  }

  void done(TaskResult r) {
    if (r.state() == State.Failed) {
      failed.incrementAndGet();
    } else {
      done.incrementAndGet();
    }
    print();
  }

  private void print() {
    if (show) {
      synchronized (console) {
        console.printf("\r%s: %d done, %d running, %d failed, %.1f s   ", pipeline, done.get(), running.get(), failed.get(),
            (System.nanoTime() - started) / 1e9);
        console.flush();
      }
    }
  }

  void finish() {
    if (show) {
      console.println();
    }
  }
}
