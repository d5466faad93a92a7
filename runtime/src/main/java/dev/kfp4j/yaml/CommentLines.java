package dev.kfp4j.yaml;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a text written as YAML {@code #} comments (a file's header, a description in KFP's
 * summary). A comment ends at the first line break a YAML parser sees, so the text is split at every
 * one: {@code \n}, {@code \r\n} and a lone {@code \r} (YAML 1.2), and {@code U+0085}, {@code
 * U+2028} and {@code U+2029}, which YAML 1.1 parsers (PyYAML, which KFP's SDK loads files with; Go's
 * yaml) also break lines at. Else the rest of the line would be read as YAML. {@code \u000B},
 * {@code \u000C} and {@code \u001C}-{@code \u001E} end a line too, as Python's {@code splitlines},
 * which KFP's compiler splits a description with, ends it; any other character YAML does not allow in
 * a file (control characters, a lone surrogate) is written as {@code U+FFFD}, so the file still parses.
 */
public final class CommentLines {
  private CommentLines() {}

  /** {@code text}'s lines, split as above: {@code n} breaks give {@code n + 1} lines, empty ones kept. */
  public static List<String> of(String text) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isBreak(c)) {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++; // \r\n: one break
        }
        lines.add(line.toString());
        line.setLength(0);
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        line.append(c).append(text.charAt(++i));
      } else {
        line.append(printable(c) ? c : '\uFFFD');
      }
    }
    lines.add(line.toString());
    return lines;
  }

  private static boolean isBreak(char c) {
    return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\u000B' || c == '\u000C'
        || c >= '\u001C' && c <= '\u001E';
  }

  /** YAML's {@code c-printable}, for one UTF-16 unit that is no break and no surrogate pair. */
  private static boolean printable(char c) {
    return c == '\t' || c >= ' ' && c <= '~' || c >= '\u00A0' && c <= '\uD7FF' || c >= '\uE000' && c <= '\uFFFD';
  }
}
