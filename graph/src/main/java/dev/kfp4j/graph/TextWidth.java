package dev.kfp4j.graph;

/**
 * How wide a line of text is drawn, estimated from a fixed table of Helvetica's advance widths
 * (Arial has the same), so a picture's boxes are sized the same on every machine without asking
 * a font for its metrics. Widths are in thousandths of the font size, as in Adobe's font metrics.
 */
final class TextWidth {
  private TextWidth() {}

  /** Helvetica's widths of the characters 32 (space) to 126 ({@code ~}). */
  private static final int[] REGULAR = {
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space to /
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 to ?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ to O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P to _
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` to o
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p to ~
  };

  /** Helvetica Bold's widths of the same characters. */
  private static final int[] BOLD = {
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
  };

  /** The width of {@code text} in a font of {@code size} pixels, rounded up to a whole pixel. */
  static int of(String text, int size, boolean bold) {
    long thousandths = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      thousandths += advance(c, bold);
      i += Character.charCount(c);
    }
    return (int) ((thousandths * size + 999) / 1000);
  }

  private static int advance(int c, boolean bold) {
    if (c >= 32 && c <= 126) {
      return (bold ? BOLD : REGULAR)[c - 32];
    }
    int type = Character.getType(c);
    if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
      return 0;
    }
    return wide(c) ? 1000 : 600;
  }

  /** Whether East Asian scripts, symbols and emoji draw {@code c} a full em wide (arrows too). */
  private static boolean wide(int c) {
    return (c >= 0x2190 && c <= 0x21FF) // arrows, as in "Output → x"
        || (c >= 0x2E80 && c <= 0xA4CF) // CJK, kana, Hangul jamo, Yi
        || (c >= 0xAC00 && c <= 0xD7A3) // Hangul syllables
        || (c >= 0xF900 && c <= 0xFAFF)
        || (c >= 0xFF00 && c <= 0xFF60)
        || (c >= 0x1F300 && c <= 0x1FAFF) // emoji
        || (c >= 0x20000 && c <= 0x3FFFD);
  }
}
