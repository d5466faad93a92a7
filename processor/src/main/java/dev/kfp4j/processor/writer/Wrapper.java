package dev.kfp4j.processor.writer;

/**
 * JavaPoet's line wrapping: a wrap point becomes a line break (and a continuation indent) when the
 * text up to the next wrap point or line end would pass column 100; else a space, or nothing.
 */
final class Wrapper {
  private static final int COLUMN_LIMIT = 100;

  private final StringBuilder out;
  private final String indentUnit;
  private final StringBuilder pending = new StringBuilder();
  private int column;
  private boolean waiting;
  private boolean space;
  private int indent;

  Wrapper(StringBuilder out, String indentUnit) {
    this.out = out;
    this.indentUnit = indentUnit;
  }

  void append(String s) {
    if (waiting) {
      int newline = s.indexOf('\n');
      if (newline == -1 && column + s.length() <= COLUMN_LIMIT) {
        pending.append(s);
        column += s.length();
        return;
      }
      flush(newline == -1 || column + newline > COLUMN_LIMIT);
    }
    out.append(s);
    int last = s.lastIndexOf('\n');
    column = last != -1 ? s.length() - last - 1 : column + s.length();
  }

  /** A wrap point: a space (or nothing) here, or a line break and {@code indent} indents. */
  void wrapPoint(boolean space, int indent) {
    if (!space && column == 0) {
      return;
    }
    if (waiting) {
      flush(false);
    }
    if (space) {
      column++; // the space is written (or not) at the next flush
    }
    this.waiting = true;
    this.space = space;
    this.indent = indent;
  }

  private void flush(boolean wrap) {
    if (wrap) {
      out.append('\n');
      for (int i = 0; i < indent; i++) {
        out.append(indentUnit);
      }
      column = indent * indentUnit.length() + pending.length();
    } else if (space) {
      out.append(' ');
    }
    out.append(pending);
    pending.setLength(0);
    waiting = false;
  }
}
