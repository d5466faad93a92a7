package dev.kfp4j.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * note saying what happened, and the pump stops reading: its output is closed, which ends a read waiting on it where the
 * output is the task's own end of the pipe ({@link #ownEnd}: Linux), so no thread waits on for that process. (That process
 * then gets {@code SIGPIPE}, or an error, if it prints more, as when a reader of a shell pipe ends.) Elsewhere a read
 * cannot be cut short: the pump ends when that process closes its output, what comes dropped.
 */
final class OutputPump {
  /**
   * How long the pump waits with nothing coming, after the task's process ended, before it takes the output as read: long
   * enough that a pump not scheduled for a while on a busy machine, its output still in the pipe, is not cut short.
   */
  static final long QUIET_MILLIS = 1000;
  /** The longest the pump copies after the task's process ended, when a process it left goes on printing. */
  static final long DRAIN_MILLIS = 5000;
  /** The name of a pump's thread. */
  static final String THREAD = "kfp4j-task-output";

  private final TaskLog log;
  private final InputStream from;
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
    this.from = from;
    try {
      out = log.open(attempt);
    } catch (IOException e) {
      log.unwritable(e); // the output is read and dropped, so that the process runs on to its end
    }
    thread = new Thread(this::copy, THREAD);
    thread.setDaemon(true);
  }

  /** A pump copying {@code from}, attempt {@code attempt}'s output, to {@code log}, started. */
  static OutputPump start(InputStream from, TaskLog log, int attempt) {
    OutputPump pump = new OutputPump(from, log, attempt);
    pump.thread.start();
    return pump;
  }

  private void copy() {
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
      // the process is gone, or finish() closed its output: what came is in the log
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
   * with nothing coming (or copied for {@link #DRAIN_MILLIS} ms): the log is then closed with a note, the output closed, and
   * the pump's end awaited where its read ends so ({@link #ownEnd}). An interrupt (the runner stopping) closes both at once.
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
      stopReading();
      return;
    }
    if (close()) {
      log.note("kfp4j: the task ended while a process it left running still held its output (stdout, stderr); what that "
          + "process prints from now on is not in this log\n");
      stopReading();
      if (from instanceof OwnEnd) { // the read ended as it was closed: the pump ends now
        try {
          thread.join(DRAIN_MILLIS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /** Closes the output: a read waiting on its own end of the pipe ({@link #ownEnd}) ends now, the pump with it. */
  private void stopReading() {
    try {
      from.close();
    } catch (IOException e) {
      // closed already
    }
  }

  /**
   * A read end of the output of {@code p} (stdout and stderr: one pipe) of its own, opened while {@code p} waits to run its
   * command ({@link ProcessGroups#GATE}), when its output is a pipe; {@code p}'s own stream closed: the only reader. A read
   * waiting on it ends when it is closed, which a read of a process's own stream does not (Java's stream of a process is a
   * file's, a channel's is interruptible). Null where it cannot be opened ({@code /proc} is Linux's): read {@code p}'s.
   */
  static InputStream ownEnd(Process p) {
    Path out = Path.of("/proc", Long.toString(p.pid()), "fd", "1");
    try {
      if (!Files.readSymbolicLink(out).toString().startsWith("pipe:")) { // discarded, or sent to a file
        return null;
      }
      InputStream own = new OwnEnd(Channels.newInputStream(FileChannel.open(out, StandardOpenOption.READ)));
      try {
        p.getInputStream().close();
      } catch (IOException e) {
        own.close(); // two readers would share what it prints: read p's alone
        return null;
      }
      return own;
    } catch (IOException | UnsupportedOperationException e) {
      return null;
    }
  }

  /** A task's output read from its own end of the pipe ({@link #ownEnd}): closing it ends a read waiting on it. */
  private static final class OwnEnd extends java.io.FilterInputStream {
    OwnEnd(InputStream channel) {
      super(channel);
    }
  }
}
