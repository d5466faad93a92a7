package dev.kfp4j.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;

/**
 * Copies a task process's output (stdout and stderr) to the task's log as it comes ({@link TaskLog#open}: the file within its
 * bounds, and the echo), until the task's own process has ended and its output is read ({@link #finish}).
 *
 * <p>The output ends when every process holding it has ended, so a process the task left running would keep the task from
 * ending: one in the task's process group is stopped as the task ends ({@link ProcessGroups#ended}), and its output ends then;
 * one that left the group ({@code setsid cmd &}), or any where there are no process groups, may hold it for as long as it
 * runs. The task ends with its own process instead: once that ended, what it printed is copied (the pump has waited {@link
 * #QUIET_MILLIS} ms for more with nothing coming, or has copied for {@link #DRAIN_MILLIS} ms), and the log is closed with a
 * note saying what happened. What comes after is dropped; the pump ends when that process closes its output.
 */
final class OutputPump {
  /**
   * How long the pump waits with nothing coming, after the task's process ended, before it takes the output as read: long
   * enough that a pump not scheduled for a while on a busy machine, its output still in the pipe, is not cut short.
   */
  static final long QUIET_MILLIS = 1000;
  /** The longest the pump copies after the task's process ended, when a process it left goes on printing. */
  static final long DRAIN_MILLIS = 5000;

  private final TaskLog log;
  private final Object lock = new Object();
  private final Thread thread;
  /** Where the output goes; null once it could not be written. */
  private OutputStream out;
  /** Whether the log is closed: what comes now is dropped. */
  private boolean closed;
  /** Whether the pump waits for the output (set before each read, cleared as it returns). */
  private volatile boolean reading;
  /** How many reads returned. */
  private volatile long reads;

  private OutputPump(InputStream from, TaskLog log, int attempt) {
    this.log = log;
    try {
      out = log.open(attempt);
    } catch (IOException e) {
      log.unwritable(e); // the output is read and dropped, so that the process runs on to its end
    }
    thread = new Thread(() -> copy(from), "kfp4j-task-output");
    thread.setDaemon(true);
  }

  /** A pump copying {@code from}, attempt {@code attempt}'s output, to {@code log}, started. */
  static OutputPump start(InputStream from, TaskLog log, int attempt) {
    OutputPump pump = new OutputPump(from, log, attempt);
    pump.thread.start();
    return pump;
  }

  private void copy(InputStream from) {
    byte[] buffer = new byte[8192];
    try (InputStream in = from) {
      while (true) {
        reading = true;
        int n = in.read(buffer);
        reading = false;
        if (n < 0) {
          break;
        }
        write(buffer, n);
        reads++;
      }
    } catch (IOException e) {
      // the process is gone: what came is in the log
    } finally {
      reading = false;
      close();
    }
  }

  /** Writes {@code n} bytes to the log, unless it is closed; one that cannot be written is said ({@link TaskLog#unwritable}). */
  private void write(byte[] bytes, int n) {
    synchronized (lock) {
      if (closed || out == null) {
        return;
      }
      try {
        out.write(bytes, 0, n);
        out.flush();
      } catch (IOException e) {
        log.unwritable(e);
        closeQuietly(out);
        out = null;
      }
    }
  }

  /** Closes the log (its bounded tail written); false if it was closed already. */
  private boolean close() {
    synchronized (lock) {
      if (closed) {
        return false;
      }
      closed = true;
      if (out != null) {
        try {
          out.close();
        } catch (IOException e) {
          log.unwritable(e);
        }
        out = null;
      }
      return true;
    }
  }

  private static void closeQuietly(OutputStream out) {
    try {
      out.close();
    } catch (IOException e) {
      // already said: the log could not be written
    }
  }

  /**
   * The task's own process ended (and its group was stopped): returns once its output is in the log and the log closed. That
   * is at the output's end, or, when a process the task left still holds it, once the pump waited {@link #QUIET_MILLIS} ms
   * with nothing coming (or copied for {@link #DRAIN_MILLIS} ms): the log is then closed with a note, the rest dropped. An
   * interrupt (the runner stopping) closes it at once.
   */
  void finish() {
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_MILLIS);
    try {
      while (true) {
        long before = reads;
        thread.join(QUIET_MILLIS);
        if (!thread.isAlive() || reading && reads == before || System.nanoTime() > end) {
          break;
        }
      }
    } catch (InterruptedException e) { // the runner is stopping, and stopped the process
      Thread.currentThread().interrupt();
      close();
      return;
    }
    if (close()) {
      log.note("kfp4j: the task ended while a process it left running still held its output (stdout, stderr); what that "
          + "process prints from now on is not in this log\n");
    }
  }
}
