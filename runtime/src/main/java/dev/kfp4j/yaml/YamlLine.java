package dev.kfp4j.yaml;

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
  /** Beyond this depth the full parser decides, with its limits. */
  private static final int MAX_DEPTH = 64;

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

  /** The quoted scalar at {@link #at()}; moves past it. */
  String quoted() {
    int close = quoteEnd(s, at);
    if (close < 0) {
      throw UNKNOWN; // a scalar going on over lines
    }
    String out = s.charAt(at) == '\'' ? singleQuoted(close) : doubleQuoted(close);
    at = close + 1;
    return out;
  }

  /** The index of the quote closing the scalar quoted at {@code at} on {@code s}, or -1 where it does not close on the line. */
  static int quoteEnd(String s, int at) {
    char quote = s.charAt(at);
    for (int i = at + 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote == '"' && c == '\\') {
        i++;
      } else if (c == quote) {
        if (quote == '"' || i + 1 == s.length() || s.charAt(i + 1) != '\'') {
          return i;
        }
        i++; // '' in single quotes
      }
    }
    return -1;
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

  private String singleQuoted(int close) {
    String text = s.substring(at + 1, close);
    if (text.indexOf('\t') >= 0) {
      throw UNKNOWN;
    }
    return text.replace("''", "'");
  }

  /** The text between the double quotes, its escapes read: those JSON has, and {@code \0}. */
  private String doubleQuoted(int close) {
    StringBuilder out = new StringBuilder(close - at);
    for (int i = at + 1; i < close; i++) {
      char c = s.charAt(i);
      if (c == '\t') {
        throw UNKNOWN;
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char e = s.charAt(++i);
      switch (e) {
        case '"', '\\', '/' -> out.append(e);
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case '0' -> out.append('\0');
        case 'u' -> {
          if (i + 4 >= close) {
            throw UNKNOWN;
          }
          out.append(hex(i + 1, i + 5));
          i += 4;
        }
        default -> throw UNKNOWN;
      }
    }
    return out.toString();
  }

  private char hex(int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      int d = digit(c) ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (d < 0) {
        throw UNKNOWN;
      }
      v = v * 16 + d;
    }
    return (char) v;
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
