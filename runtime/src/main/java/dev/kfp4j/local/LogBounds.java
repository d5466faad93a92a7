package dev.kfp4j.local;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * How much of what a task prints its {@code log.txt} keeps, so that a task printing without end does not fill the disk:
 * the first {@code head} bytes of the file as they come, then of each attempt the last {@code tail} bytes, held in memory
 * and written as the attempt ends, after a line saying how many bytes were left out there. What a task prints is shown on
 * the console ({@code --logs}) whole.
 *
 * @param head the bytes the file takes as they come
 * @param tail the bytes of each attempt's end kept after those
 */
record LogBounds(long head, int tail) {
  /** 8 MiB, then the last 2 MiB of each attempt. */
  static final LogBounds DEFAULT = new LogBounds(8L << 20, 2 << 20);

  LogBounds {
    if (head < 0 || tail < 0) {
      throw new IllegalArgumentException("a log's bounds cannot be negative");
    }
  }

  /** {@code file}, a log already {@code written} bytes long, bounded: what comes past the head, its tail only. */
  OutputStream bound(OutputStream file, long written) {
    return new Bounded(file, Math.max(0, head - written));
  }

  /** The file written up to its head, then the last {@code tail} bytes kept in a ring, written on close. */
  private final class Bounded extends OutputStream {
    private final OutputStream file;
    private final int tailSize = tail;
    private long room;
    private byte[] ring; // made once the head is full
    private int start;
    private int size;
    private long dropped;

    Bounded(OutputStream file, long room) {
      this.file = file;
      this.room = room;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int off, int len) throws IOException {
      if (room > 0) {
        int n = (int) Math.min(room, len);
        file.write(bytes, off, n);
        room -= n;
        off += n;
        len -= n;
      }
      if (len > 0) {
        keep(bytes, off, len);
      }
    }

    /** Adds to the ring, the oldest bytes dropped past its size. */
    private void keep(byte[] bytes, int off, int len) {
      if (ring == null) {
        ring = new byte[tailSize];
      }
      if (len >= tailSize) {
        dropped += size + len - tailSize;
        System.arraycopy(bytes, off + len - tailSize, ring, 0, tailSize);
        start = 0;
        size = tailSize;
        return;
      }
      int over = Math.max(0, size + len - tailSize);
      dropped += over;
      start = (start + over) % Math.max(1, tailSize);
      size -= over;
      int end = (start + size) % tailSize;
      int first = Math.min(len, tailSize - end);
      System.arraycopy(bytes, off, ring, end, first);
      System.arraycopy(bytes, off + first, ring, 0, len - first);
      size += len;
    }

    @Override
    public synchronized void flush() throws IOException {
      file.flush();
    }

    @Override
    public synchronized void close() throws IOException {
      try {
        if (dropped > 0) {
          file.write(("\nkfp4j: " + dropped + " bytes of the output left out here (log.txt keeps the first " + head
              + " bytes a task prints, then the last " + tail + " of each attempt)\n").getBytes(StandardCharsets.UTF_8));
        }
        if (size > 0) {
          int first = Math.min(size, tailSize - start);
          file.write(ring, start, first);
          file.write(ring, 0, size - first);
        }
      } finally {
        file.close();
      }
    }
  }
}
