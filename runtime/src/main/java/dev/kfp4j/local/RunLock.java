package dev.kfp4j.local;

import dev.kfp4j.entrypoint.FileErrors;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * A run folder is owned by one runner at a time: it holds a lock on {@code .lock} in it while it
 * runs, released when it ends, however it ends (the system drops the lock of a killed process).
 * {@link #isHeld} tells whether a runner still holds it, so that a run whose runner was killed is
 * not shown as running.
 */
public final class RunLock implements Closeable {
  static final String FILE = ".lock";
  /**
   * The run folders whose lock this JVM holds, by real path. A channel on a lock file this JVM
   * holds is never opened to probe it: on POSIX systems closing it would drop the runner's lock.
   * Guarded by {@code RunLock.class}, as are taking, probing and releasing a lock.
   */
  private static final Set<Path> HELD = new HashSet<>();

  private final Path key;
  private final FileChannel channel;
  private final FileLock lock;

  private RunLock(Path key, FileChannel channel, FileLock lock) {
    this.key = key;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * The lock of {@code runDir}; a {@link WorkflowException} when another runner holds it, or when its file is a link (a run
   * folder edited by hand), never followed.
   */
  static RunLock acquire(Path runDir) {
    Path file = RunPaths.inside(runDir, FILE);
    synchronized (RunLock.class) {
      Path key = key(runDir);
      if (!HELD.contains(key)) {
        FileChannel channel = null;
        try {
          if (Files.isSymbolicLink(file)) { // a run folder edited by hand: opened, it would make the file it points to
            throw new WorkflowException("cannot lock " + file + ": it is a link, which kfp4j does not follow, as taking the "
                + "lock would make the file it points to; delete it, and the run takes a lock of its own");
          }
          channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
          FileLock lock = channel.tryLock();
          if (lock != null) {
            HELD.add(key);
            return new RunLock(key, channel, lock);
          }
        } catch (OverlappingFileLockException held) {
          // held by this JVM
        } catch (IOException e) {
          close(channel);
          throw new WorkflowException("cannot lock " + file + ": " + FileErrors.why(file, e));
        }
        close(channel);
      }
    }
    throw new WorkflowException(runDir + " is in use: another run of it is going on (it holds " + file
        + "); wait for it to end, or stop it");
  }

  /**
   * Whether a runner holds the lock of {@code runDir} now. A folder without a lock file has none;
   * one this JVM runs is known without touching the file; for a runner in another process the
   * file is probed with a shared lock taken and let go at once, which a held lock refuses: the
   * probe never takes the lock from a live runner. When the file cannot be read the answer is yes:
   * a run is not called stopped on a guess.
   */
  public static boolean isHeld(Path runDir) {
    Path file = runDir.resolve(FILE);
    synchronized (RunLock.class) {
      if (HELD.contains(key(runDir))) {
        return true;
      }
      if (!Files.isRegularFile(file)) {
        return false;
      }
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
        FileLock probe = channel.tryLock(0, Long.MAX_VALUE, true);
        if (probe == null) {
          return true;
        }
        probe.release();
        return false;
      } catch (IOException | OverlappingFileLockException e) {
        return true;
      }
    }
  }

  /** {@code runDir} as one path however it is reached (through links, or relative). */
  private static Path key(Path runDir) {
    try {
      return runDir.toRealPath();
    } catch (IOException e) {
      return runDir.toAbsolutePath().normalize();
    }
  }

  private static void close(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // not held
      }
    }
  }

  @Override
  public void close() {
    synchronized (RunLock.class) {
      try {
        lock.release();
      } catch (IOException e) {
        // released when the channel closes
      }
      close(channel);
      HELD.remove(key);
    }
  }
}
