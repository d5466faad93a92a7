package dev.kfp4j.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
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
  /** YAML 1.1's and 1.2's numbers (integers in bases 2, 8, 10, 16 and 60, floats) and 1.1's dates. */
  private static final Pattern NUMBER = Pattern.compile(
      "[-+]?(0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(:[0-5]?[0-9])*(\\.[0-9_]*)?([eE][-+]?[0-9]+)?|\\.[0-9_]+([eE][-+]?[0-9]+)?)"
          + "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?");
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

  private static String write(JsonNode node, String header, boolean sorted) {
    StringBuilder out = new StringBuilder(4096);
    if (header != null && !header.isEmpty()) {
      for (String line : header.split("\n", -1)) {
        out.append(line.isEmpty() ? "#" : "# " + line).append('\n');
      }
    }
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
      pad(out, indent);
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
      pad(out, indent);
      out.append("- ");
      if (item.isObject() && !item.isEmpty()) {
        boolean first = true;
        for (Map.Entry<String, JsonNode> e : entries(item, sorted)) {
          if (!first) {
            pad(out, indent + 2);
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
      String s = v.asString();
      if (!plain(s) && !printable(s) && literal(s)) {
        block(s, indent, out);
      } else {
        key(s, out);
      }
    }
  }

  /** A key, or a scalar on one line: plain, single-quoted, or double-quoted with escapes. */
  private static void key(String s, StringBuilder out) {
    if (plain(s)) {
      out.append(s);
    } else if (printable(s)) {
      out.append('\'').append(s.replace("'", "''")).append('\'');
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
    if (s.isEmpty() || INDICATORS.indexOf(s.charAt(0)) >= 0 && !(s.charAt(0) == '-' && s.length() > 1 && s.charAt(1) != ' ')) {
      return false;
    }
    char last = s.charAt(s.length() - 1);
    return last != ' ' && last != ':' && !s.contains(": ") && !s.contains(" #") && !numberLike(s) && !reserved(s) && printable(s);
  }

  /**
   * Whether {@code s} reads as a number or a date in YAML 1.1 or 1.2 ({@code 7}, {@code 1_000},
   * {@code 0x1f}, {@code 1:20}, {@code 1e3}, {@code .5}, {@code .inf}, {@code 2024-01-01});
   * {@code 0s}, {@code 1Gi}, {@code 2.1.0} do not.
   */
  private static boolean numberLike(String s) {
    int i = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
    if (i == s.length()) {
      return false;
    }
    char c = s.charAt(i);
    if (c == '.') {
      String rest = s.substring(i).toLowerCase(Locale.ROOT);
      if (rest.equals(".inf") || rest.equals(".nan")) {
        return true;
      }
    } else if (c < '0' || c > '9') {
      return false;
    }
    return NUMBER.matcher(s).matches();
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
  private static boolean special(char c) {
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
        pad(out, indent + 2);
        out.append(line);
      }
    }
    for (int i = 1; i < trailing; i++) {
      out.append('\n');
    }
  }

  private static void pad(StringBuilder out, int indent) {
    for (int i = 0; i < indent; i++) {
      out.append(' ');
    }
  }
}
