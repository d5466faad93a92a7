package dev.kfp4j.yaml;

import static dev.kfp4j.yaml.BlockYamlReader.MAX_DEPTH;
import static dev.kfp4j.yaml.BlockYamlReader.UNKNOWN;
import static dev.kfp4j.yaml.BlockYamlReader.skipSpaces;

import java.math.BigInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the scalars and flow collections of one line for {@link BlockYamlReader}, as the YAML
 * mapper reads them: quoted scalars closed on the line, plain scalars YAML's JSON schema reads as
 * text, {@code true}, {@code false}, {@code null} or a number, and maps and lists as {@link
 * FlowYaml} writes them ({@code {name: a, value: [1, 'x']}}). Throws {@link BlockYamlReader#UNKNOWN}
 * for anything else.
 */
final class YamlLine {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** What {@link #quotedText} returns where the line breaks inside the quotes. */
  static final int BREAK = -1;
  /** What {@link #quotedText} returns where a backslash escapes the line break inside double quotes. */
  static final int ESCAPED_BREAK = -2;

  private final String s;
  private int at;

  /** A reader of {@code s} from {@code at}. */
  YamlLine(String s, int at) {
    this.s = s;
    this.at = at;
  }

  /** Where reading has got to: after the last value read. */
  int at() {
    return at;
  }

  /** The quoted scalar, or flow map or list, at {@link #at()}; moves past it. */
  JsonNode value() {
    return value(0);
  }

  /** The quoted scalar at {@link #at()}, closed on the line; moves past it. */
  String quoted() {
    StringBuilder out = new StringBuilder();
    int close = quotedText(s, at + 1, s.charAt(at), out);
    if (close < 0) {
      throw UNKNOWN; // a scalar going on over lines
    }
    at = close + 1;
    return out.toString();
  }

  /**
   * Appends the text quoted with {@code quote} on {@code s} from {@code from} to {@code out}, its
   * escapes read ({@code ''} in single quotes, YAML's backslash escapes in double quotes), up
   * to the closing quote, whose index it returns; or to the line's end: {@link #ESCAPED_BREAK} after
   * a backslash escaping the line break, else {@link #BREAK}, the line's trailing spaces dropped as
   * YAML folds lines.
   */
  static int quotedText(String s, int from, char quote, StringBuilder out) {
    int kept = out.length();
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\t') {
        throw UNKNOWN;
      }
      if (c == quote && (quote == '"' || i + 1 == s.length() || s.charAt(i + 1) != '\'')) {
        return i;
      }
      if (c == quote) {
        i++; // '' in single quotes
      } else if (quote == '"' && c == '\\') {
        if (i + 1 == s.length()) {
          return ESCAPED_BREAK;
        }
        i = escape(s, i + 1, out);
        kept = out.length();
        continue;
      }
      out.append(c);
      if (c != ' ') {
        kept = out.length();
      }
    }
    out.setLength(kept);
    return BREAK;
  }

  /** Appends what the escape whose letter is at {@code i} stands for, as YAML reads it; returns the index of its last character. */
  private static int escape(String s, int i, StringBuilder out) {
    char e = s.charAt(i);
    switch (e) {
      case '"', '\\', '/', ' ' -> out.append(e);
      case '0' -> out.append('\0');
      case 'a' -> out.append('\u0007');
      case 'b' -> out.append('\b');
      case 't' -> out.append('\t');
      case 'n' -> out.append('\n');
      case 'v' -> out.append('\u000b');
      case 'f' -> out.append('\f');
      case 'r' -> out.append('\r');
      case 'e' -> out.append('\u001b');
      case 'N' -> out.append('\u0085');
      case '_' -> out.append('\u00a0');
      case 'x' -> {
        return hex(s, i, 2, out);
      }
      case 'u' -> {
        return hex(s, i, 4, out);
      }
      case 'U' -> {
        return hex(s, i, 8, out);
      }
      default -> throw UNKNOWN;
    }
    return i;
  }

  /** Appends the code point of the {@code digits} hexadecimal digits after {@code i}; returns the index of the last. */
  private static int hex(String s, int i, int digits, StringBuilder out) {
    if (i + digits >= s.length()) {
      throw UNKNOWN;
    }
    int v = 0;
    for (int k = i + 1; k <= i + digits; k++) {
      char c = s.charAt(k);
      int d = digit(c) ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (d < 0) {
        throw UNKNOWN;
      }
      v = v * 16 + d;
    }
    if (!Character.isValidCodePoint(v)) {
      throw UNKNOWN;
    }
    out.appendCodePoint(v);
    return i + digits;
  }

  /** A plain scalar as YAML's JSON schema reads it: text, or {@code true}, {@code false}, {@code null} or a number in the forms taken here. */
  static JsonNode plain(String s) {
    if (s.indexOf('\t') >= 0) {
      throw UNKNOWN;
    }
    if (BlockYaml.plain(s)) {
      return NODES.stringNode(s);
    }
    switch (s) {
      case "true":
        return NODES.booleanNode(true);
      case "false":
        return NODES.booleanNode(false);
      case "null":
        return NODES.nullNode();
      default:
        return number(s);
    }
  }

  private JsonNode value(int level) {
    if (level > MAX_DEPTH || at >= s.length()) {
      throw UNKNOWN;
    }
    switch (s.charAt(at)) {
      case '{': {
        ObjectNode out = NODES.objectNode();
        if (opened('}')) {
          do {
            String key = key();
            if (!s.startsWith(": ", at) || out.has(key)) {
              throw UNKNOWN;
            }
            at = skipSpaces(s, at + 2);
            out.set(key, value(level + 1));
          } while (next('}'));
        }
        return out;
      }
      case '[': {
        ArrayNode out = NODES.arrayNode();
        if (opened(']')) {
          do {
            out.add(value(level + 1));
          } while (next(']'));
        }
        return out;
      }
      case '\'':
      case '"':
        return NODES.stringNode(quoted());
      default: {
        int end = plainEnd();
        JsonNode out = plain(s.substring(at, end));
        at = end;
        return out;
      }
    }
  }

  /** Moves past a flow collection's opening bracket; false (and past the closing one too) where it is empty. */
  private boolean opened(char close) {
    at = skipSpaces(s, at + 1);
    if (at < s.length() && s.charAt(at) == close) {
      at++;
      return false;
    }
    return true;
  }

  /** Moves past the comma after a flow collection's item (true) or its closing bracket (false). */
  private boolean next(char close) {
    at = skipSpaces(s, at);
    if (at == s.length() || s.charAt(at) != ',' && s.charAt(at) != close) {
      throw UNKNOWN;
    }
    if (s.charAt(at++) == close) {
      return false;
    }
    at = skipSpaces(s, at);
    return true;
  }

  /** A flow map's key: quoted, or a plain name YAML reads as that text. */
  private String key() {
    if (at < s.length() && (s.charAt(at) == '\'' || s.charAt(at) == '"')) {
      return quoted();
    }
    int end = plainEnd();
    String key = s.substring(at, end);
    if (!BlockYaml.plain(key)) {
      throw UNKNOWN;
    }
    at = end;
    return key;
  }

  /** Where a plain scalar in a flow collection ends: names, paths and numbers only ({@code [-+./_A-Za-z0-9]}). */
  private int plainEnd() {
    int i = at;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || digit(c) || c == '-' || c == '+' || c == '.' || c == '/' || c == '_')) {
        break;
      }
      i++;
    }
    return i;
  }

  /**
   * A number as YAML's JSON schema reads it: an integer {@code -?(0|[1-9][0-9]*)} as the smallest of
   * int, long and big integer, or with a fraction ({@code .[0-9]+}), an exponent ({@code [eE][-+]?[0-9]+})
   * or both as a double. Anything else goes to the full parser.
   */
  private static JsonNode number(String s) {
    int n = s.length();
    int i = s.startsWith("-") ? 1 : 0;
    int digits = digits(s, i);
    if (digits == i || digits > i + 1 && s.charAt(i) == '0' || n > 32) {
      throw UNKNOWN;
    }
    int end = digits;
    if (end < n && s.charAt(end) == '.') {
      end = digits(s, end + 1);
      if (end == digits + 1) {
        throw UNKNOWN;
      }
    }
    if (end < n && (s.charAt(end) == 'e' || s.charAt(end) == 'E')) {
      int sign = end + 1 < n && (s.charAt(end + 1) == '-' || s.charAt(end + 1) == '+') ? end + 2 : end + 1;
      end = digits(s, sign);
      if (end == sign) {
        throw UNKNOWN;
      }
    }
    if (end != n) {
      throw UNKNOWN;
    }
    if (digits != n) {
      double v = Double.parseDouble(s);
      if (Double.isInfinite(v)) {
        throw UNKNOWN;
      }
      return NODES.numberNode(v);
    }
    if (n - i <= 18) {
      long v = Long.parseLong(s);
      return v == (int) v ? NODES.numberNode((int) v) : NODES.numberNode(v);
    }
    BigInteger v = new BigInteger(s);
    return v.bitLength() <= 63 ? NODES.numberNode(v.longValue()) : NODES.numberNode(v);
  }

  /** The index of the first character of {@code s} from {@code i} that is not a decimal digit. */
  private static int digits(String s, int i) {
    while (i < s.length() && digit(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }
}
