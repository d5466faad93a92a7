package dev.kfp4j.yaml;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Writes a tree as {@link Yaml#write(JsonNode, String)}'s mapper does, byte for byte, without
 * Jackson's YAML generator and SnakeYAML's emitter, whose setting up costs a cold JVM (the
 * annotation processor's, writing component specs and workflows in every build) more than the
 * files they write. A tree holding what this writer does not decide (text with tabs or outside
 * ASCII, text starting with a quote or an indicator, numbers other than integers, nulls, empty
 * maps and lists, a list in a list, keys other than names...) makes {@link #write} give up: the
 * mapper writes it.
 *
 * <p>Texts as Jackson writes them with {@code MINIMIZE_QUOTES}: plain; double-quoted when they
 * hold a {@code ,}, {@code [}, {@code ]}, {@code {}, {@code }}, {@code ": "}, {@code " #"} or a
 * final {@code :}, are plain decimals ({@code 7}, {@code -3}, {@code 1.0}), YAML's words for
 * booleans and null, or empty; single-quoted when they start with {@code ---}; a literal block
 * ({@code |-}, or {@code |} with one final line break) when they have several lines.
 */
final class DirectYaml {
  /** Words Jackson double-quotes, by their lower case; any other case of them is left to Jackson. */
  private static final Set<String> RESERVED = Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null", "~");

  /** Thrown, without a trace, when the tree holds what this writer does not decide. */
  private static final class Unsupported extends RuntimeException {
    Unsupported() {
      super(null, null, false, false);
    }
  }

  private final StringBuilder out = new StringBuilder(1024);
  private final Set<JsonNode> flow;

  private DirectYaml(Set<JsonNode> flow) {
    this.flow = flow;
  }

  /** {@code node} (a non-empty map) as YAML after {@code header}'s lines as {@code # } comments, or null when the mapper must write it. */
  static String write(JsonNode node, String header) {
    return write(node, header, Set.of());
  }

  /**
   * {@link #write(JsonNode, String)} with the values in {@code flow} (a map's values or a list's
   * items, found by {@code flow.contains}) each on its line in {@link FlowYaml flow style}.
   */
  static String write(JsonNode node, String header, Set<JsonNode> flow) {
    if (!node.isObject() || node.isEmpty() || flow.contains(node)) {
      return null;
    }
    DirectYaml w = new DirectYaml(flow);
    if (header != null && !header.isEmpty()) {
      for (String line : header.split("\n", -1)) {
        w.out.append(line.isEmpty() ? "#" : "# " + line).append('\n');
      }
    }
    try {
      w.map(node, 0);
    } catch (Unsupported e) {
      return null;
    }
    return w.out.toString();
  }

  /** The entries of a non-empty map, keys at column {@code indent}. */
  private void map(JsonNode map, int indent) {
    boolean first = true;
    for (Map.Entry<String, JsonNode> e : map.properties()) {
      if (!first) {
        pad(indent);
      }
      entry(e.getKey(), e.getValue(), indent);
      first = false;
    }
  }

  /** {@code key: value}, the key already indented to {@code column}. */
  private void entry(String key, JsonNode value, int column) {
    key(key);
    out.append(':');
    if (flow.contains(value)) {
      out.append(' ').append(FlowYaml.write(value)).append('\n');
    } else if (value.isObject()) {
      nonEmpty(value);
      out.append('\n');
      pad(column + 2);
      map(value, column + 2);
    } else if (value.isArray()) {
      nonEmpty(value);
      out.append('\n');
      list(value, column);
    } else {
      out.append(' ');
      scalar(value, column);
    }
  }

  /** The items of a non-empty list as {@code - item} lines at {@code indent}. */
  private void list(JsonNode list, int indent) {
    for (JsonNode item : list) {
      pad(indent);
      out.append("- ");
      if (flow.contains(item)) {
        out.append(FlowYaml.write(item)).append('\n');
      } else if (item.isObject()) {
        nonEmpty(item);
        map(item, indent + 2);
      } else if (item.isArray()) {
        throw new Unsupported();
      } else {
        scalar(item, indent);
      }
    }
  }

  /** A scalar and its line break; a literal block's lines at {@code column + 2}. */
  private void scalar(JsonNode v, int column) {
    if (v.isBoolean() || v.isIntegralNumber() && v.canConvertToLong()) {
      out.append(v.asString()).append('\n');
      return;
    }
    if (!v.isString()) {
      throw new Unsupported();
    }
    String s = v.stringValue();
    if (s.indexOf('\n') >= 0) {
      block(s, column + 2);
    } else {
      text(s);
    }
    out.append('\n');
  }

  private void text(String s) {
    if (!ascii(s)) {
      throw new Unsupported();
    }
    if (!s.isEmpty() && RESERVED.contains(s.toLowerCase(Locale.ROOT)) && !RESERVED.contains(s)) {
      throw new Unsupported(); // True, NO...: Jackson's list of words is its own
    }
    if (s.isEmpty() || RESERVED.contains(s) || decimal(s) || quotable(s)) {
      out.append('"');
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '"' || c == '\\') {
          out.append('\\');
        }
        out.append(c);
      }
      out.append('"');
    } else if (s.startsWith("---") && !s.contains("'") && plainBody(s.substring(3))) {
      out.append('\'').append(s).append('\'');
    } else if (plain(s)) {
      out.append(s);
    } else {
      throw new Unsupported();
    }
  }

  /** A map key: a name such as {@code inputValue} or {@code pipelines.kubeflow.org/x}. */
  private void key(String s) {
    if (s.isEmpty() || !letter(s.charAt(0)) || RESERVED.contains(s.toLowerCase(Locale.ROOT))) {
      throw new Unsupported();
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!letter(c) && !digit(c) && c != '.' && c != '-' && c != '/' && c != '_') {
        throw new Unsupported();
      }
    }
    out.append(s);
  }

  /** Text Jackson double-quotes for a character YAML reads as structure. */
  private static boolean quotable(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case ',', '[', ']', '{', '}':
          return true;
        case '#':
          if (i == 0 || s.charAt(i - 1) == ' ') {
            return true;
          }
          break;
        case ':':
          if (i == s.length() - 1 || s.charAt(i + 1) == ' ') {
            return true;
          }
          break;
        default:
          break;
      }
    }
    return false;
  }

  /** {@code 7}, {@code -3}, {@code 1.0}: numbers Jackson double-quotes. */
  private static boolean decimal(String s) {
    int i = s.startsWith("-") ? 1 : 0;
    int digits = 0;
    while (i < s.length() && digit(s.charAt(i))) {
      i++;
      digits++;
    }
    if (digits == 0) {
      return false;
    }
    if (i < s.length() && s.charAt(i) == '.') {
      i++;
      int fraction = 0;
      while (i < s.length() && digit(s.charAt(i))) {
        i++;
        fraction++;
      }
      if (fraction == 0) {
        return false;
      }
    }
    return i == s.length();
  }

  /**
   * Text written bare: starting with a letter, {@code /}, {@code _}, {@code (} or {@code -} (not
   * before a space, a digit or a dot, and not {@code ---}), or a {@link #word} starting with a
   * digit; no final space; no quoting character (those are {@link #quotable}).
   */
  private static boolean plain(String s) {
    char c = s.charAt(0);
    if (digit(c)) {
      return word(s); // a digest such as 1c130b..., never a number
    }
    if (!letter(c) && c != '/' && c != '_' && c != '(' && c != '-') {
      return false;
    }
    if (c == '-' && (s.length() == 1 || s.charAt(1) == ' ' || s.charAt(1) == '.' || digit(s.charAt(1)) || s.startsWith("---"))) {
      return false;
    }
    return plainBody(s);
  }

  /** Letters and digits, with a letter that no number has ({@code e} is an exponent's). */
  private static boolean word(String s) {
    boolean letter = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!letter(c) && !digit(c)) {
        return false;
      }
      letter |= letter(c) && c != 'e' && c != 'E';
    }
    return letter;
  }

  private static boolean plainBody(String s) {
    return !s.isEmpty() && s.charAt(s.length() - 1) != ' ' && !quotable(s);
  }

  /**
   * {@code s} as a literal block: lines of printable ASCII, the first not empty and not starting
   * with a space, none ending with a space, no line break at the end ({@code |-}) or one ({@code |}).
   */
  private void block(String s, int indent) {
    boolean oneBreak = s.endsWith("\n");
    String body = oneBreak ? s.substring(0, s.length() - 1) : s;
    if (body.isEmpty() || body.endsWith("\n") || body.charAt(0) == ' ' || body.charAt(0) == '\n' || !ascii(body.replace('\n', ' '))) {
      throw new Unsupported();
    }
    out.append(oneBreak ? "|" : "|-");
    int start = 0;
    while (start <= body.length()) {
      int end = body.indexOf('\n', start);
      if (end < 0) {
        end = body.length();
      }
      out.append('\n');
      if (end > start) {
        if (body.charAt(end - 1) == ' ') {
          throw new Unsupported();
        }
        pad(indent);
        out.append(body, start, end);
      }
      start = end + 1;
    }
  }

  /** Whether every character is printable ASCII (a space to {@code ~}). */
  private static boolean ascii(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }

  private static void nonEmpty(JsonNode n) {
    if (n.isEmpty()) {
      throw new Unsupported();
    }
  }

  private static boolean letter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  private void pad(int indent) {
    for (int i = 0; i < indent; i++) {
      out.append(' ');
    }
  }
}
