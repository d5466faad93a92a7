package dev.kfp4j.yaml;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * A reader whose reads never end between the two halves of a surrogate pair. SnakeYAML's
 * StreamReader fails with an IndexOutOfBoundsException when a read ends on a high surrogate at
 * the end of its buffer (a character outside the BMP at offset 1024 of a valid file; Jazzer found
 * it), so every parser reads through this.
 */
final class WholeCodePointReader extends FilterReader {
  /** A high surrogate held back from the last read, or -1. */
  private int pending = -1;

  WholeCodePointReader(Reader in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    if (pending >= 0) {
      int c = pending;
      pending = -1;
      return c;
    }
    return in.read();
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    int n;
    if (pending >= 0) {
      cbuf[off] = (char) pending;
      pending = -1;
      int r = len > 1 ? in.read(cbuf, off + 1, len - 1) : 0;
      n = 1 + Math.max(r, 0);
    } else {
      n = in.read(cbuf, off, len);
      if (n <= 0) {
        return n;
      }
    }
    if (Character.isHighSurrogate(cbuf[off + n - 1])) {
      if (n > 1) {
        pending = cbuf[off + n - 1];
        return n - 1;
      }
      int low = len > 1 ? in.read() : -1;
      if (low >= 0) {
        cbuf[off + 1] = (char) low;
        return 2;
      }
    }
    return n;
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
