package dev.kfp4j.local;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * How much of what a task prints its {@code log.txt} keeps, so that a task printing without end does not fill the disk:
 * the first {@code head} bytes of the file as they come, then of each attempt the last {@code tail} bytes, after a line
 * saying how many bytes were left out there. What a task prints is shown on the console ({@code --logs}) whole.
 *
 * <p>The tail is written to the file as it comes, never held in memory, so that a runner killed mid-task ({@code kill -9})
 * leaves a log that ends with the last bytes the task printed. Past the head, the file grows to 1 KiB more
 * than twice the tail; then its last {@code tail} bytes are moved to just after the head, behind the line saying how many were
 * left out, and the file is cut there. At the attempt's end it is cut to the last {@code tail} bytes. A runner killed while
 * it moves them (a few milliseconds for 2 MiB) may leave some bytes twice; the file still ends with the last ones.
 *
 * @param head the bytes the file takes as they come
 * @param tail the bytes of each attempt's end kept after those
 */
record LogBounds(long head, int tail) {
  /** 8 MiB, then the last 2 MiB of each attempt. */
  static final LogBounds DEFAULT = new LogBounds(8L << 20, 2 << 20);
  /** Room past twice the tail before it is moved: more than the line saying what was left out can grow by. */
  private static final int SLACK = 1024;
  /** The most moved at once. */
  private static final int CHUNK = 64 << 10;

  LogBounds {
    if (head < 0 || tail < 0) {
      throw new IllegalArgumentException("a log's bounds cannot be negative");
    }
  }

  /**
   * {@code file}, a log open for reading and writing at its end (its size: what earlier attempts wrote), bounded: what comes
   * past the head, its tail only. Closing it closes the file.
   */
  OutputStream bound(FileChannel file) throws IOException {
    return new Bounded(file, Math.max(0, head - file.position()));
  }

  /** The file written up to its head, then on: its part past the head cut back to the tail as it grows, and at the end. */
  private final class Bounded extends OutputStream {
    private final FileChannel file;
    private long room;
    /** Where the part past the head starts (the line saying what was left out, then the tail), once the head is full; or -1. */
    private long region = -1;
    /** The length of that line, 0 before there is one. */
    private int noteLength;
    /** How many bytes left out that line says. */
    private long shown;
    /** The bytes of output after that line. */
    private long kept;
    /** The bytes of output left out so far. */
    private long dropped;

    Bounded(FileChannel file, long room) {
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
        append(ByteBuffer.wrap(bytes, off, n));
        room -= n;
        off += n;
        len -= n;
      }
      if (len > 0) {
        keep(bytes, off, len);
      }
    }

    /** Adds to the part past the head, cut back to the tail once it grew past twice the tail. */
    private void keep(byte[] bytes, int off, int len) throws IOException {
      if (region < 0) {
        region = file.position();
      }
      if (tail == 0) {
        dropped += len; // said as the attempt ends
      } else if (len >= tail) { // its own end is all the tail keeps
        dropped += kept + len - tail;
        kept = 0;
        writeNote();
        file.truncate(region + noteLength);
        file.position(region + noteLength);
        append(ByteBuffer.wrap(bytes, off + len - tail, tail));
        kept = tail;
      } else {
        append(ByteBuffer.wrap(bytes, off, len));
        kept += len;
        if (kept >= 2L * tail + SLACK) {
          cut();
        }
      }
    }

    /** Moves the last {@code tail} bytes to just after the head, behind the line saying what was left out, and cuts the file there. */
    private void cut() throws IOException {
      long keep = Math.min(kept, tail);
      long from = region + noteLength + kept - keep;
      dropped += kept - keep;
      byte[] note = note();
      long to = region + note.length;
      if (to <= from) { // the line first: the bytes to keep stay where they are until moved, a killed runner's file ends with them
        writeAt(ByteBuffer.wrap(note), region);
        move(from, to, keep);
      } else {
        move(from, to, keep);
        writeAt(ByteBuffer.wrap(note), region);
      }
      noteLength = note.length;
      shown = dropped;
      kept = keep;
      file.truncate(to + keep);
      file.position(to + keep);
    }

    /** Writes the line saying what was left out at the start of the part past the head. */
    private void writeNote() throws IOException {
      byte[] note = note();
      writeAt(ByteBuffer.wrap(note), region);
      noteLength = note.length;
      shown = dropped;
    }

    private byte[] note() {
      return ("\nkfp4j: " + dropped + " bytes of the output left out here (log.txt keeps the first " + head
          + " bytes a task prints, then the last " + tail + " of each attempt)\n").getBytes(StandardCharsets.UTF_8);
    }

    private void append(ByteBuffer bytes) throws IOException {
      while (bytes.hasRemaining()) {
        file.write(bytes);
      }
    }

    private void writeAt(ByteBuffer bytes, long at) throws IOException {
      while (bytes.hasRemaining()) {
        at += file.write(bytes, at);
      }
    }

    /** Copies {@code length} bytes of the file at {@code from} to {@code to}, in the order that works when the two overlap. */
    private void move(long from, long to, long length) throws IOException {
      if (length == 0 || from == to) {
        return;
      }
      ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(length, CHUNK));
      boolean forward = to < from;
      for (long done = 0; done < length; ) {
        int n = (int) Math.min(buffer.capacity(), length - done);
        long at = forward ? done : length - done - n;
        buffer.clear().limit(n);
        while (buffer.hasRemaining()) {
          if (file.read(buffer, from + at + buffer.position()) < 0) {
            throw new EOFException("log.txt is shorter than its runner wrote it");
          }
        }
        writeAt(buffer.flip(), to + at);
        done += n;
      }
    }

    @Override
    public synchronized void close() throws IOException {
      try {
        if (region >= 0 && (kept > tail || dropped != shown)) {
          cut();
        }
      } finally {
        file.close();
      }
    }
  }
}
