package dev.kfp4j.graph;

import dev.kfp4j.graph.Diagram.Box;
import java.util.List;

/** Font sizes, spacing and the size of each box and label, shared by the layout and the SVG writer. */
final class Sizes {
  private Sizes() {}

  /** The pipeline's name above the picture, bold. */
  static final int TITLE = 16;
  /** A box's name, bold. */
  static final int NAME = 13;
  /** The lines below a box's name. */
  static final int DETAIL = 11;
  /** An edge's label. */
  static final int LABEL = 11;
  /** A group's label, bold. */
  static final int GROUP = 12;
  /** Space around text inside a box or group. */
  static final int PAD = 8;
  /** Space around the whole picture. */
  static final int MARGIN = 16;
  /** A box is never narrower than this. */
  static final int MIN_BOX_WIDTH = 90;

  /** The height of a line of text of font size {@code size}. */
  static int line(int size) {
    return size * 13 / 10 + 1;
  }

  /** Where the baseline of a line of font size {@code size} sits below the line's top. */
  static int baseline(int size) {
    return line(size) - line(size) / 4;
  }

  static int boxWidth(Box b) {
    int w = TextWidth.of(b.name(), NAME, true);
    for (String l : b.lines()) {
      w = Math.max(w, TextWidth.of(l, DETAIL, false));
    }
    return Math.max(MIN_BOX_WIDTH, w + 3 * PAD);
  }

  static int boxHeight(Box b) {
    return 2 * PAD + line(NAME) + b.lines().size() * line(DETAIL);
  }

  static int labelWidth(List<String> lines) {
    int w = 0;
    for (String l : lines) {
      w = Math.max(w, TextWidth.of(l, LABEL, false));
    }
    return w + 4;
  }

  static int labelHeight(List<String> lines) {
    return lines.size() * line(LABEL);
  }

  /** The room above a group's shapes, for its label. */
  static int groupHeader() {
    return line(GROUP) + 2 * PAD;
  }

  /** How wide a group must be to show its label. */
  static int groupWidth(String label) {
    return TextWidth.of(label, GROUP, true) + 2 * PAD;
  }
}
