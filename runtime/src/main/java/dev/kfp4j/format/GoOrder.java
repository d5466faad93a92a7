package dev.kfp4j.format;

/** Texts in Go's order: by code point (UTF-8's bytes), as Go compares strings and {@code encoding/json} orders a map's keys. */
public final class GoOrder {
  private GoOrder() {}

  /** {@code a} against {@code b} by code point. */
  public static int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }
}
