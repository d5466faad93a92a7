package dev.kfp4j.processor.base;

import java.util.LinkedHashMap;
import java.util.Map;

/** The parts of a Javadoc comment kfp4j uses: the main text, {@code @param} and {@code @return}. */
public final class Javadoc {
  private final String text;
  private final Map<String, String> params;
  private final String returns;

  private Javadoc(String text, Map<String, String> params, String returns) {
    this.text = text;
    this.params = params;
    this.returns = returns;
  }

  /** Parses a doc comment as {@code Elements.getDocComment} returns it (may be null). */
  public static Javadoc parse(String comment) {
    Map<String, String> params = new LinkedHashMap<>();
    if (comment == null) {
      return new Javadoc(null, params, null);
    }
    StringBuilder main = new StringBuilder();
    String returns = null;
    String currentTag = null;
    String currentName = null;
    StringBuilder current = null;
    for (String raw : comment.split("\n", -1)) {
      String line = raw.strip();
      if (line.startsWith("@")) {
        if (currentTag != null) {
          returns = store(currentTag, currentName, current, params, returns);
        }
        int space = line.indexOf(' ');
        currentTag = space < 0 ? line : line.substring(0, space);
        String rest = space < 0 ? "" : line.substring(space + 1).strip();
        currentName = null;
        if (currentTag.equals("@param")) {
          int sp = rest.indexOf(' ');
          currentName = sp < 0 ? rest : rest.substring(0, sp);
          rest = sp < 0 ? "" : rest.substring(sp + 1).strip();
        }
        current = new StringBuilder(rest);
      } else if (current != null) {
        if (!line.isEmpty()) {
          current.append(current.length() == 0 ? "" : " ").append(line);
        }
      } else {
        main.append(line).append('\n');
      }
    }
    if (currentTag != null) {
      returns = store(currentTag, currentName, current, params, returns);
    }
    String mainText = main.toString();
    int at = mainText.indexOf("{@return");
    int end = at >= 0 && at + 8 < mainText.length() && space(mainText.charAt(at + 8)) ? closingBrace(mainText, at) : -1;
    if (end > 0) { // Java 16's inline {@return the sum}: the returned value's description, and "Returns the sum." in the text
      String value = mainText.substring(at + 8, end).strip();
      if (returns == null && !clean(value).isEmpty()) {
        returns = clean(value);
      }
      mainText = mainText.substring(0, at) + "Returns " + value + "." + mainText.substring(end + 1);
    }
    String text = clean(mainText);
    return new Javadoc(text.isEmpty() ? null : text, params, returns);
  }

  /** Where the inline tag opening at {@code open} closes, counting the braces of tags inside it; -1 when it does not. */
  private static int closingBrace(String s, int open) {
    int depth = 0;
    for (int i = open; i < s.length(); i++) {
      if (s.charAt(i) == '{') {
        depth++;
      } else if (s.charAt(i) == '}' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static String store(String tag, String name, StringBuilder body, Map<String, String> params, String returns) {
    String value = clean(body.toString());
    if (tag.equals("@param") && name != null && !value.isEmpty()) {
      params.put(name, value);
    } else if (tag.equals("@return") && !value.isEmpty()) {
      return value;
    }
    return returns;
  }

  /**
   * Strips simple HTML and inline tags so the text reads well in the KFP UI, as these regular
   * expressions did, applied in turn, before {@code strip()}: an inline tag ({@code code}, {@code
   * literal}, {@code link}, {@code linkplain}) becomes its text; {@code (?i)<p>\s*} a line break;
   * {@code <[^>]+>} nothing; {@code [ \t]+\n} a line break; {@code \n{3,}} two. Each pass is
   * written by hand: this runs for every tag of every component, and a pattern's matcher is code
   * the JIT compiles again in every build.
   */
  static String clean(String s) {
    return blankLines(trailingSpace(html(paragraphs(inlineTags(s))))).strip();
  }

  private static final String[] INLINE_TAGS = {"{@code", "{@literal", "{@link", "{@linkplain"};

  /** {@code {@code x}} → {@code x}: an inline tag, its name followed by white space, up to the first {@code }}. */
  static String inlineTags(String s) {
    if (s.indexOf("{@") < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      int body = s.startsWith("{@", i) ? inlineTagText(s, i) : -1;
      if (body < 0) {
        out.append(s.charAt(i++));
        continue;
      }
      int close = s.indexOf('}', body);
      out.append(s, body, close);
      i = close + 1;
    }
    return out.toString();
  }

  /** Where the text of an inline tag at {@code i} starts (after the white space following its name), or -1 when none starts there. */
  private static int inlineTagText(String s, int i) {
    for (String tag : INLINE_TAGS) {
      int j = i + tag.length();
      if (s.startsWith(tag, i) && j < s.length() && space(s.charAt(j))) {
        j = afterSpace(s, j);
        if (s.indexOf('}', j) >= 0) {
          return j;
        }
      }
    }
    return -1;
  }

  /** {@code <p>} or {@code <P>} and the white space after it → a line break. */
  static String paragraphs(String s) {
    if (s.indexOf('<') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      if (s.startsWith("<p>", i) || s.startsWith("<P>", i)) {
        out.append('\n');
        i = afterSpace(s, i + 3);
      } else {
        out.append(s.charAt(i++));
      }
    }
    return out.toString();
  }

  /** Where the run of {@link #space} starting at {@code from} ends ({@code from} when there is none). */
  private static int afterSpace(String s, int from) {
    int i = from;
    while (i < s.length() && space(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** {@code <...>}, an HTML tag of at least one character up to the next {@code >}, → nothing. */
  static String html(String s) {
    if (s.indexOf('<') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      int close = s.charAt(i) == '<' ? s.indexOf('>', i + 1) : -1;
      if (close > i + 1) {
        i = close + 1;
      } else {
        out.append(s.charAt(i++));
      }
    }
    return out.toString();
  }

  /** Spaces and tabs before a line break → nothing. */
  static String trailingSpace(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int start = 0;
    while (start < s.length()) {
      int end = s.indexOf('\n', start);
      if (end < 0) {
        out.append(s, start, s.length());
        break;
      }
      int kept = end;
      while (kept > start && (s.charAt(kept - 1) == ' ' || s.charAt(kept - 1) == '\t')) {
        kept--;
      }
      out.append(s, start, kept).append('\n');
      start = end + 1;
    }
    return out.toString();
  }

  /** Three line breaks or more in a row → two. */
  static String blankLines(String s) {
    if (!s.contains("\n\n\n")) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      run = c == '\n' ? run + 1 : 0;
      if (run <= 2) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** {@code s} up to its first {@link #space}: {@code s.split("\\s+")[0]} for a stripped {@code s}, without a pattern. */
  public static String firstWord(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (space(s.charAt(i))) {
        return s.substring(0, i);
      }
    }
    return s;
  }

  /** Regular expressions' {@code \s}: a space, a tab, a line break, a vertical tab, a form feed, a carriage return. */
  private static boolean space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /** The main description, or null. */
  public String text() {
    return text;
  }

  public String param(String name) {
    return params.get(name);
  }

  public String returns() {
    return returns;
  }
}
