package dev.kfp4j.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The JVMs that write a class-data archive and try it ({@link JavaStart}), run as the runner's task processes are
 * ({@link ProcessGroups}): they die with the runner, however it ends. When the runner is stopped while one runs (Ctrl-C,
 * a kill), it is stopped, and the archive being written and the class list it is written from are deleted before the
 * runner ends: none is left in the cache, nor written there once the runner is gone. A runner killed with {@code kill -9}
 * leaves them, for the next run's sweep.
 */
final class ArchiveWriting implements AutoCloseable {
  /** The longest one of its JVMs may take: past it, there is no archive (the tasks start without). */
  private static final long SECONDS = 300;

  private final ProcessGroups groups;
  private final List<Path> files;
  private final Thread stopped = new Thread(this::stop, "kfp4j-stop-archive");
  private boolean watched;
  private Process running;

  /** The writing of {@code files} (the partial archive, its class list) by JVMs started in {@code groups}. */
  ArchiveWriting(ProcessGroups groups, Path... files) {
    this.groups = groups;
    this.files = List.of(files);
  }

  /** Whether the runner is not stopping: its JVMs may start (they are then stopped if it does). */
  synchronized boolean watched() {
    try {
      Runtime.getRuntime().addShutdownHook(stopped);
      watched = true;
    } catch (IllegalStateException stopping) {
      watched = false;
    }
    return watched;
  }

  /** Whether {@code command} ends with exit code 0 within {@value #SECONDS} seconds, its output discarded. */
  boolean succeeds(String... command) throws IOException {
    Process p = start(new ProcessBuilder(groups.command(List.of(command))).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD));
    if (p == null) {
      return false;
    }
    try {
      if (!p.waitFor(SECONDS, TimeUnit.SECONDS)) {
        groups.stop(p);
        p.waitFor();
        return false;
      }
      return p.exitValue() == 0;
    } catch (InterruptedException e) {
      groups.stop(p);
      Thread.currentThread().interrupt();
      return false;
    } finally {
      groups.ended(p);
      synchronized (this) {
        running = null;
      }
    }
  }

  /** {@code pb} started, unless the runner is stopping (then null). */
  private synchronized Process start(ProcessBuilder pb) throws IOException {
    if (!watched) {
      return null;
    }
    running = groups.start(pb);
    return running;
  }

  /** The runner stops: no JVM starts any more, the one running is stopped, and the files are deleted once it is gone. */
  private void stop() {
    Process p;
    synchronized (this) {
      watched = false;
      p = running;
    }
    if (p != null) {
      groups.stop(p);
      try {
        p.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    delete();
  }

  private void delete() {
    for (Path f : files) {
      try {
        Files.deleteIfExists(f);
      } catch (IOException e) {
        // a leftover in the cache folder, never read: the next run that lists classes sweeps it
      }
    }
  }

  /** The writing ended: its files are deleted (an archive kept was moved away first). */
  @Override
  public void close() {
    synchronized (this) {
      if (watched) {
        try {
          Runtime.getRuntime().removeShutdownHook(stopped);
        } catch (IllegalStateException stopping) {
          // the hook runs and deletes them too
        }
      }
    }
    delete();
  }
}
