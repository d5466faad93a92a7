package dev.kfp4j.entrypoint;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON text as Python's {@code json.loads} does, which is how KFP reads {@code JsonArray}
 * and {@code JsonObject} values, into plain Java values: {@link Map} (in the text's order, the last
 * of duplicate keys winning), {@link List}, {@link String}, {@link Boolean}, {@code null},
 * {@link Integer}, {@link Long} or {@link BigInteger} for whole numbers, {@link Double} for the
 * rest (including {@code NaN}, {@code Infinity} and {@code -Infinity}, which Python accepts, and
 * overflow to infinity, as Python's {@code float}). Strict otherwise: no comments, no trailing
 * commas, no control characters inside strings, nothing after the value.
 */
final class JsonText {
  /** Deepest nesting read; deeper text is refused rather than overflowing the stack. */
  static final int MAX_DEPTH = 500;

  private final String text;
  private int pos;

  private JsonText(String text) {
    this.text = text;
  }

  /** The value of {@code text}; throws IllegalArgumentException saying where the text is not JSON. */
  static Object parse(String text) {
    JsonText p = new JsonText(text);
    p.skipSpace();
    Object value = p.value(0);
    p.skipSpace();
    if (p.pos < text.length()) {
      throw p.error("extra data after the value");
    }
    return value;
  }

  private Object value(int depth) {
    if (pos >= text.length()) {
      throw error("expected a value, found the end of the text");
    }
    char c = text.charAt(pos);
    switch (c) {
      case '{':
        return object(depth + 1);
      case '[':
        return array(depth + 1);
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      case 'N':
        return literal("NaN", Double.NaN);
      case 'I':
        return literal("Infinity", Double.POSITIVE_INFINITY);
      default:
        if (c == '-' && text.startsWith("-Infinity", pos)) {
          return literal("-Infinity", Double.NEGATIVE_INFINITY);
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw error("expected a value");
    }
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, pos)) {
      throw error("expected a value");
    }
    pos += word.length();
    return value;
  }

  private Map<String, Object> object(int depth) {
    checkDepth(depth);
    pos++; // {
    Map<String, Object> map = new LinkedHashMap<>();
    skipSpace();
    if (peek() == '}') {
      pos++;
      return map;
    }
    while (true) {
      skipSpace();
      if (peek() != '"') {
        throw error("expected a property name in double quotes");
      }
      String key = string();
      skipSpace();
      expect(':');
      skipSpace();
      map.put(key, value(depth)); // the last of duplicate keys wins, as in a Python dict
      skipSpace();
      char c = peek();
      if (c == '}') {
        pos++;
        return map;
      }
      if (c != ',') {
        throw error("expected ',' or '}'");
      }
      pos++;
    }
  }

  private List<Object> array(int depth) {
    checkDepth(depth);
    pos++; // [
    List<Object> list = new ArrayList<>();
    skipSpace();
    if (peek() == ']') {
      pos++;
      return list;
    }
    while (true) {
      skipSpace();
      list.add(value(depth));
      skipSpace();
      char c = peek();
      if (c == ']') {
        pos++;
        return list;
      }
      if (c != ',') {
        throw error("expected ',' or ']'");
      }
      pos++;
    }
  }

  private String string() {
    pos++; // "
    StringBuilder out = null;
    int start = pos;
    while (true) {
      if (pos >= text.length()) {
        throw error("unterminated string");
      }
      char c = text.charAt(pos);
      if (c == '"') {
        String s = out == null ? text.substring(start, pos) : out.append(text, start, pos).toString();
        pos++;
        return s;
      }
      if (c < 0x20) {
        throw error("a control character inside a string; write it as an escape such as \\n");
      }
      if (c == '\\') {
        if (out == null) {
          out = new StringBuilder();
        }
        out.append(text, start, pos);
        pos++;
        out.append(escape());
        start = pos;
      } else {
        pos++;
      }
    }
  }

  private char escape() {
    if (pos >= text.length()) {
      throw error("unterminated string");
    }
    char c = text.charAt(pos++);
    switch (c) {
      case '"':
      case '\\':
      case '/':
        return c;
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'u':
        int v = 0;
        for (int i = 0; i < 4; i++) {
          int d = pos + i < text.length() ? Character.digit(text.charAt(pos + i), 16) : -1;
          if (d < 0) {
            throw error("a \\u escape needs four hex digits");
          }
          v = v * 16 + d;
        }
        pos += 4;
        return (char) v;
      default:
        pos -= 2;
        throw error("invalid escape '\\" + c + "'");
    }
  }

  private Object number() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
    } else if (digit()) {
      while (digit()) {
        pos++;
      }
    } else {
      throw error("expected a digit");
    }
    boolean integral = true;
    if (peek() == '.') {
      integral = false;
      pos++;
      if (!digit()) {
        throw error("expected a digit after '.'");
      }
      while (digit()) {
        pos++;
      }
    }
    if (peek() == 'e' || peek() == 'E') {
      integral = false;
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      if (!digit()) {
        throw error("expected a digit in the exponent");
      }
      while (digit()) {
        pos++;
      }
    }
    String n = text.substring(start, pos);
    if (!integral) {
      return Double.parseDouble(n);
    }
    if (n.length() <= 18) {
      long v = Long.parseLong(n);
      return v == (int) v ? (Object) (int) v : (Object) v;
    }
    BigInteger big = new BigInteger(n);
    return big.bitLength() < 64 ? (Object) big.longValue() : big;
  }

  private boolean digit() {
    char c = peek();
    return c >= '0' && c <= '9';
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private void skipSpace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private void checkDepth(int depth) {
    if (depth > MAX_DEPTH) {
      throw error("nested more than " + MAX_DEPTH + " levels deep");
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException(what + " at character " + (pos + 1));
  }
}
