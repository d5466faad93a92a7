package dev.kfp4j.graph;

/** Escaping of text for XML content and attribute values. */
final class Xml {
  private Xml() {}

  /**
   * {@code text} as XML character data, fit for content and for a double- or single-quoted
   * attribute, in ASCII: markup characters as entities, tabs, line breaks and every character
   * past ASCII as character references (so the bytes are the same whatever encoding a terminal
   * or a file gets), and what XML 1.0 cannot hold (control characters, lone surrogates) as U+FFFD.
   */
  static String escape(String text) {
    StringBuilder b = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0xD800) || (c > 0xDFFF && c < 0xFFFE) || c > 0xFFFF;
          if (!allowed) {
            b.append("&#65533;");
          } else if (c < 0x20 || c > 0x7E) {
            b.append("&#").append(c).append(';');
          } else {
            b.append((char) c);
          }
        }
      }
    }
    return b.toString();
  }
}
