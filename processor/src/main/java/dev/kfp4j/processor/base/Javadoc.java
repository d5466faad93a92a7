package dev.kfp4j.processor.base;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
   * Javadoc text as javadoc shows it, so that it reads well in the KFP UI: an inline tag ({@code code}, {@code literal},
   * {@code link}, {@code linkplain}) becomes its text, up to the first {@code }}, that of {@code code} and {@code
   * literal} up to the brace that balances the tag's and kept as written; outside them, an HTML tag ({@link #html})
   * becomes a line break ({@code <p>} and the white space after it) or nothing, and an entity ({@link #entities}) its
   * character; then {@code [ \t]+\n} becomes a line break, {@code \n{3,}} two, and the text is stripped. Any other
   * {@code <}, as in {@code a < b} or {@code List<Integer>}, stays. Each pass is written by hand: this runs for every
   * tag of every component, and a pattern's matcher is code the JIT compiles again in every build.
   */
  static String clean(String s) {
    return blankLines(trailingSpace(markupAndLiterals(s))).strip();
  }

  private static final String[] INLINE_TAGS = {"{@code", "{@literal", "{@link", "{@linkplain"};

  /**
   * {@code s} with its inline tags replaced by their text, {@link #markup} applied to all but the text of
   * {@code {@code ...}} and {@code {@literal ...}}, which javadoc shows as written.
   */
  static String markupAndLiterals(String s) {
    if (s.indexOf("{@") < 0) {
      return markup(s);
    }
    StringBuilder out = new StringBuilder(s.length());
    StringBuilder text = new StringBuilder(); // markup not yet written
    int i = 0;
    while (i < s.length()) {
      int body = s.startsWith("{@", i) ? inlineTagText(s, i) : -1;
      if (body < 0) {
        text.append(s.charAt(i++));
        continue;
      }
      boolean literal = s.startsWith("{@code", i) || s.startsWith("{@literal", i);
      int balanced = literal ? closingBrace(s, i) : -1;
      int close = balanced > 0 ? balanced : s.indexOf('}', body); // a link's, or an unbalanced tag's: the first brace
      if (literal) {
        out.append(markup(text.toString())).append(s, body, close);
        text.setLength(0);
      } else {
        text.append(s, body, close);
      }
      i = close + 1;
    }
    return out.append(markup(text.toString())).toString();
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

  /** Text outside {@code {@code ...}}: its paragraphs as line breaks, its other HTML tags gone, its entities characters. */
  static String markup(String s) {
    return entities(html(paragraphs(s)));
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

  /**
   * An HTML tag → nothing: a {@code <}, a {@code /} or not, the name of an element of HTML in any case ({@link
   * #HTML_ELEMENTS}) followed by {@code >}, {@code /} or white space, up to the next {@code >}: {@code <b>}, {@code
   * </b>}, {@code <br/>}, {@code <a href="x">}. {@code a < b}, {@code List<Integer>} and {@code x->y} stay.
   */
  static String html(String s) {
    if (s.indexOf('<') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      int close = s.charAt(i) == '<' ? htmlTagEnd(s, i) : -1;
      if (close > 0) {
        i = close + 1;
      } else {
        out.append(s.charAt(i++));
      }
    }
    return out.toString();
  }

  /** The names of HTML's elements javadoc knows (doclint's list), which {@link #html} removes as tags. */
  private static final Set<String> HTML_ELEMENTS = Set.of("a", "abbr", "acronym", "address", "area", "article", "aside",
      "b", "big", "blockquote", "body", "br", "caption", "center", "cite", "code", "col", "colgroup", "dd", "del",
      "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "font", "footer", "frame", "frameset", "h1",
      "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "i", "iframe", "img", "ins", "kbd", "li", "link",
      "main", "mark", "meta", "nav", "noframes", "noscript", "ol", "p", "pre", "q", "s", "samp", "script", "section",
      "small", "span", "strike", "strong", "style", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th",
      "thead", "time", "title", "tr", "tt", "u", "ul", "var", "wbr");

  /** Where the HTML tag whose {@code <} is at {@code open} ends (its {@code >}), or -1 when no tag starts there. */
  private static int htmlTagEnd(String s, int open) {
    int start = open + 1 < s.length() && s.charAt(open + 1) == '/' ? open + 2 : open + 1;
    int end = start;
    while (end < s.length() && (letter(s.charAt(end)) || end > start && s.charAt(end) >= '1' && s.charAt(end) <= '6')) {
      end++;
    }
    if (end == start || end == s.length() || !HTML_ELEMENTS.contains(s.substring(start, end).toLowerCase(Locale.ROOT))) {
      return -1;
    }
    char after = s.charAt(end);
    return after == '>' || after == '/' || space(after) ? s.indexOf('>', end) : -1;
  }

  private static boolean letter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  /**
   * An HTML entity → its character, as javadoc shows it: {@code &lt;}, {@code &gt;}, {@code &amp;}, {@code &quot;},
   * {@code &apos;}, {@code &nbsp;} (a no-break space) and a character's number ({@code &#64;}, {@code &#x40;}), a
   * name of eight characters at most. Anything else with an {@code &} stays as written.
   */
  static String entities(String s) {
    if (s.indexOf('&') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      int semi = s.charAt(i) == '&' ? s.indexOf(';', i + 1) : -1;
      int c = semi > i + 1 && semi - i <= 9 ? entity(s.substring(i + 1, semi)) : -1;
      if (c < 0) {
        out.append(s.charAt(i++));
      } else {
        out.appendCodePoint(c);
        i = semi + 1;
      }
    }
    return out.toString();
  }

  /** The character an entity's name ({@code lt}, {@code #64}, {@code #x40}) stands for, or -1 when it is none of these. */
  private static int entity(String name) {
    int named = switch (name) {
      case "lt" -> '<';
      case "gt" -> '>';
      case "amp" -> '&';
      case "quot" -> '"';
      case "apos" -> '\'';
      case "nbsp" -> '\u00A0';
      default -> -1;
    };
    if (named >= 0) {
      return named;
    }
    boolean hex = name.startsWith("#x") || name.startsWith("#X");
    String digits = hex ? name.substring(2) : name.startsWith("#") ? name.substring(1) : "";
    boolean number = !digits.isEmpty() && digits.chars().allMatch(
        d -> d >= '0' && d <= '9' || hex && (d >= 'a' && d <= 'f' || d >= 'A' && d <= 'F'));
    if (!number) {
      return -1;
    }
    int c = Integer.parseInt(digits, hex ? 16 : 10);
    return Character.isValidCodePoint(c) ? c : -1;
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
