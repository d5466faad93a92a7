package dev.kfp4j.local;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A run folder is owned by one runner at a time: it holds a lock on {@code .lock} in it while it
 * runs, released when it ends, however it ends (the system drops the lock of a killed process).
 */
final class RunLock implements Closeable {
  private final FileChannel channel;
  private final FileLock lock;

  private RunLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock of {@code runDir}; a {@link WorkflowException} when another runner holds it. */
  static RunLock acquire(Path runDir) {
    Path file = RunPaths.inside(runDir, ".lock");
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock != null) {
        return new RunLock(channel, lock);
      }
    } catch (OverlappingFileLockException held) {
      // held by this JVM
    } catch (IOException e) {
      close(channel);
      throw new WorkflowException("cannot lock " + file + ": " + e.getMessage());
    }
    close(channel);
    throw new WorkflowException(runDir + " is in use: another run of it is going on (it holds " + file
        + "); wait for it to end, or stop it");
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
    try {
      lock.release();
    } catch (IOException e) {
      // released when the channel closes
    }
    close(channel);
  }
}
