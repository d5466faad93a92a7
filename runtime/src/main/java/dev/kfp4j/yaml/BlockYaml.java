package dev.kfp4j.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Writes a tree as block-style YAML directly, in one pass over the tree: maps as {@code key:
 * value} lines indented by two, lists as {@code - item} lines at their key's indentation, empty
 * ones as {@code {}} and {@code []}. Scalars are plain where YAML reads them back as the same
 * string, else single-quoted; text of several lines is a literal block ({@code |-}), and text with
 * other control characters double-quoted with escapes. The same YAML as {@link Yaml#write(JsonNode,
 * String)} up to the choice of quotes, many times faster on large trees (KFP 2 pipeline specs of
 * thousands of tasks).
 */
public final class BlockYaml {
  /** Characters a plain scalar may not start with. */
  private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`<= ";

  private BlockYaml() {}

  /** {@code node} (a map, usually) as YAML after {@code header}'s lines as {@code # } comments (none for null). */
  public static String write(JsonNode node, String header) {
    return write(node, header, false);
  }

  /**
   * As {@link #write}, with the keys of every map in their natural order (as KFP writes its YAML):
   * what {@code write} gives for a copy of {@code node} with its maps' keys sorted, without the copy.
   */
  public static String writeSorted(JsonNode node, String header) {
    return write(node, header, true);
  }

  /** Appends {@code header}'s lines ({@link CommentLines}) as {@code # } comments, as {@link #write} starts (none for null or empty). */
  public static void appendComment(String header, StringBuilder out) {
    if (header == null || header.isEmpty()) {
      return;
    }
    for (String line : CommentLines.of(header)) { // every break a YAML parser sees starts a comment line
      out.append(line.isEmpty() ? "#" : "# " + line).append('\n');
    }
  }

  /**
   * Appends {@code key} as {@link #write} writes a map's key: plain, or quoted where YAML would
   * read it otherwise. For writers that write a known shape straight, without a tree.
   */
  public static void appendKey(String key, StringBuilder out) {
    key(key, out);
  }

  /**
   * Appends {@code text} as {@link #write} writes a value whose key (or list dash) is at column
   * {@code indent}: on the line, or as a literal block below it. No line break after it.
   */
  public static void appendText(String text, int indent, StringBuilder out) {
    text(text, indent, out);
  }

  /**
   * Appends what {@link #writeSorted} writes after the colon of a key at column {@code indent}:
   * a value and its line break, or a nested map or list on the next lines.
   */
  public static void appendSortedValue(JsonNode value, int indent, StringBuilder out) {
    after(value, indent, true, out);
  }

  private static String write(JsonNode node, String header, boolean sorted) {
    StringBuilder out = new StringBuilder(4096);
    appendComment(header, out);
    if (node.isObject() && !node.isEmpty()) {
      map(node, 0, sorted, out);
    } else if (node.isArray() && !node.isEmpty()) {
      list(node, 0, sorted, out);
    } else {
      value(node, 0, out);
      out.append('\n');
    }
    return out.toString();
  }

  /** A map's entries, in its order or {@code sorted} by key. */
  private static Iterable<Map.Entry<String, JsonNode>> entries(JsonNode map, boolean sorted) {
    if (!sorted || map.size() < 2) {
      return map.properties();
    }
    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(map.properties());
    entries.sort(Map.Entry.comparingByKey());
    return entries;
  }

  /** The entries of a non-empty map, each on its own lines at {@code indent}. */
  private static void map(JsonNode map, int indent, boolean sorted, StringBuilder out) {
    for (Map.Entry<String, JsonNode> e : entries(map, sorted)) {
      appendPad(indent, out);
      key(e.getKey(), out);
      out.append(':');
      after(e.getValue(), indent, sorted, out);
    }
  }

  /** What follows a key's colon: a nested map or list on the next lines, or a value on the line. */
  private static void after(JsonNode v, int indent, boolean sorted, StringBuilder out) {
    if (v.isObject() && !v.isEmpty()) {
      out.append('\n');
      map(v, indent + 2, sorted, out);
    } else if (v.isArray() && !v.isEmpty()) {
      out.append('\n');
      list(v, indent, sorted, out);
    } else {
      out.append(' ');
      value(v, indent, out);
      out.append('\n');
    }
  }

  /** The items of a non-empty list, as {@code - item} lines at {@code indent}. */
  private static void list(JsonNode list, int indent, boolean sorted, StringBuilder out) {
    for (JsonNode item : list) {
      appendPad(indent, out);
      out.append("- ");
      if (item.isObject() && !item.isEmpty()) {
        boolean first = true;
        for (Map.Entry<String, JsonNode> e : entries(item, sorted)) {
          if (!first) {
            appendPad(indent + 2, out);
          }
          key(e.getKey(), out);
          out.append(':');
          after(e.getValue(), indent + 2, sorted, out);
          first = false;
        }
      } else if (item.isArray() && !item.isEmpty()) {
        out.append('\n');
        list(item, indent + 2, sorted, out);
      } else {
        value(item, indent, out);
        out.append('\n');
      }
    }
  }

  /** A scalar or an empty collection on the current line; a text block's lines indented past {@code indent}. */
  private static void value(JsonNode v, int indent, StringBuilder out) {
    if (v.isObject()) {
      out.append("{}");
    } else if (v.isArray()) {
      out.append("[]");
    } else if (v.isNull() || v.isMissingNode()) {
      out.append("null");
    } else if (v.isNumber() || v.isBoolean()) {
      out.append(v.asString());
    } else {
      text(v.asString(), indent, out);
    }
  }

  /** Text on the current line, or as a literal block whose lines are indented past {@code indent}. */
  private static void text(String s, int indent, StringBuilder out) {
    if (!plain(s) && !printable(s) && literal(s)) {
      block(s, indent, out);
    } else {
      key(s, out);
    }
  }

  /** {@code s} in single quotes, each {@code '} doubled, as YAML's single-quoted style takes it. */
  static void singleQuoted(String s, StringBuilder out) {
    out.append('\'');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      out.append(c);
      if (c == '\'') {
        out.append('\'');
      }
    }
    out.append('\'');
  }

  /** A key, or a scalar on one line: plain, single-quoted, or double-quoted with escapes. */
  private static void key(String s, StringBuilder out) {
    if (plain(s)) {
      out.append(s);
    } else if (printable(s)) {
      singleQuoted(s, out);
    } else {
      quoted(s, out);
    }
  }

  /** {@code s} double-quoted, with escapes for what YAML does not take as is (line breaks, controls...). */
  private static void quoted(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (special(c)) {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }

  /** Whether YAML reads {@code s} written bare back as the same string. */
  static boolean plain(String s) {
    int n = s.length();
    if (n == 0) {
      return false;
    }
    char first = s.charAt(0);
    if (INDICATORS.indexOf(first) >= 0 && !(first == '-' && n > 1 && s.charAt(1) != ' ')) {
      return false;
    }
    char last = s.charAt(n - 1);
    if (last == ' ' || last == ':') {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (special(c) || c == ':' && i + 1 < n && s.charAt(i + 1) == ' ' || c == '#' && i > 0 && s.charAt(i - 1) == ' ') {
        return false; // ": " and " #" start a value and a comment
      }
    }
    boolean numeric = first >= '0' && first <= '9' || first == '.' || first == '-' || first == '+';
    return !(numeric && numberLike(s)) && !reserved(s);
  }

  /**
   * Whether {@code s} reads as a number or a date in YAML 1.1 or 1.2 ({@code 7}, {@code 1_000},
   * {@code 0x1f}, {@code 1:20}, {@code 1e3}, {@code .5}, {@code .inf}, {@code 2024-01-01});
   * {@code 0s}, {@code 1Gi}, {@code 2.1.0} do not. Checked by hand, not with a regular expression:
   * the processor calls this for every text it writes, and a pattern's matcher is code the JIT
   * compiles again in every build.
   */
  static boolean numberLike(String s) {
    int i = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
    if (i == s.length()) {
      return false;
    }
    char c = s.charAt(i);
    if (c == '.') {
      String rest = s.substring(i).toLowerCase(Locale.ROOT);
      return rest.equals(".inf") || rest.equals(".nan") || fraction(s, i);
    }
    if (!digit(c)) {
      return false;
    }
    if (c == '0' && i + 1 < s.length()) {
      switch (s.charAt(i + 1)) {
        case 'b':
          return i + 2 < s.length() && only(s, i + 2, "01_");
        case 'o':
          return i + 2 < s.length() && only(s, i + 2, "01234567_");
        case 'x':
          return i + 2 < s.length() && only(s, i + 2, "0123456789abcdefABCDEF_");
        default:
          break;
      }
    }
    return decimal(s, i) || i == 0 && date(s);
  }

  /** {@code [0-9][0-9_]*(:[0-5]?[0-9])*(\.[0-9_]*)?} and an exponent from {@code i} to the end: 7, 1_000, 1:20:30.5, 1.5e3. */
  private static boolean decimal(String s, int i) {
    int n = s.length();
    i = skip(s, i + 1, "0123456789_");
    while (i < n && s.charAt(i) == ':') {
      if (i + 2 < n && s.charAt(i + 1) >= '0' && s.charAt(i + 1) <= '5' && digit(s.charAt(i + 2))) {
        i += 3;
      } else if (i + 1 < n && digit(s.charAt(i + 1))) {
        i += 2;
      } else {
        return false;
      }
    }
    if (i < n && s.charAt(i) == '.') {
      i = skip(s, i + 1, "0123456789_");
    }
    return exponent(s, i);
  }

  /** {@code \.[0-9_]+} and an exponent from {@code i} (at the dot) to the end: .5, .5e3. */
  private static boolean fraction(String s, int i) {
    int end = skip(s, i + 1, "0123456789_");
    return end > i + 1 && exponent(s, end);
  }

  /** Whether {@code s} from {@code i} is empty or an exponent {@code [eE][-+]?[0-9]+}. */
  private static boolean exponent(String s, int i) {
    int n = s.length();
    if (i == n) {
      return true;
    }
    if (s.charAt(i) != 'e' && s.charAt(i) != 'E') {
      return false;
    }
    i++;
    if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
      i++;
    }
    return i < n && skip(s, i, "0123456789") == n;
  }

  /** YAML 1.1's dates: {@code [0-9]{4}-[0-9]{1,2}-[0-9]{1,2}}, then nothing or a time after {@code T}, {@code t} or a space. */
  private static boolean date(String s) {
    int n = s.length();
    if (n < 8 || skip(s, 0, "0123456789") < 4 || s.charAt(4) != '-') {
      return false;
    }
    int month = skip(s, 5, "0123456789");
    if (month == 5 || month > 7 || month == n || s.charAt(month) != '-') {
      return false;
    }
    int day = skip(s, month + 1, "0123456789");
    if (day == month + 1 || day > month + 3) {
      return false;
    }
    return day == n || s.charAt(day) == 'T' || s.charAt(day) == 't' || s.charAt(day) == ' ';
  }

  /** The index of the first character of {@code s} from {@code i} not in {@code chars}. */
  private static int skip(String s, int i, String chars) {
    while (i < s.length() && chars.indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    return i;
  }

  private static boolean only(String s, int i, String chars) {
    return skip(s, i, chars) == s.length();
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean reserved(String s) {
    if (s.length() > 5) {
      return false;
    }
    switch (s.toLowerCase(Locale.ROOT)) {
      case "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~", "-", "---", "...":
        return true;
      default:
        return false;
    }
  }

  /** Whether {@code s} has no {@link #special} character, so it fits on one line between single quotes. */
  private static boolean printable(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (special(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** A character YAML does not take as is in a scalar: controls, line and paragraph separators, the byte order mark, non-characters. */
  static boolean special(char c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029 || c == 0xfeff || c == 0xfffe || c == 0xffff;
  }

  /**
   * Whether a literal block holds {@code s} as is: lines (tabs allowed, trailing spaces kept), the
   * first not empty and not starting with a space, whose indentation the block's is taken from.
   */
  private static boolean literal(String s) {
    if (s.startsWith(" ") || s.startsWith("\n") || s.startsWith("\t")) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\n' && c != '\t' && special(c)) {
        return false;
      }
    }
    return true;
  }

  /** {@code s} as a literal block: {@code |-} (no final line break), {@code |} (one) or {@code |+} (more). */
  private static void block(String s, int indent, StringBuilder out) {
    int trailing = 0;
    while (trailing < s.length() && s.charAt(s.length() - 1 - trailing) == '\n') {
      trailing++;
    }
    out.append(trailing == 0 ? "|-" : trailing == 1 ? "|" : "|+");
    for (String line : s.substring(0, s.length() - trailing).split("\n", -1)) {
      out.append('\n');
      if (!line.isEmpty()) {
        appendPad(indent + 2, out);
        out.append(line);
      }
    }
    for (int i = 1; i < trailing; i++) {
      out.append('\n');
    }
  }

  /** Appends {@code indent} spaces: a line's indentation, for every writer of YAML text. */
  public static void appendPad(int indent, StringBuilder out) {
    for (int i = 0; i < indent; i++) {
      out.append(' ');
    }
  }
}
