package dev.kfp4j.yaml;

import java.math.BigInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/**
 * Reads plain JSON text into the tree the JSON mapper's {@code readTree} gives, node types
 * included. Making the mapper (or even Jackson's parser factory) costs a cold JVM, the annotation
 * processor's, more than reading every default and loop item of a build; the texts read there are
 * short lists and objects. What this reader does not accept for sure (no document, text after it,
 * a key given twice, a deep or long text, anything outside strict JSON) goes to the mapper, which
 * gives its tree or its exception; read as Go's {@code json.RawMessage} keeps a text ({@link #readAsRaw}), only
 * what is no strict JSON does.
 */
final class JsonTree {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Beyond these the mapper decides, with its own limits. */
  private static final int MAX_DEPTH = 64;
  private static final int MAX_NUMBER_LENGTH = 64;

  private final String text;
  /** Whether numbers, texts written with escapes and deep containers are kept as written ({@link #readAsRaw}). */
  private final boolean asRaw;
  /** How deep an object or array is kept as its text ({@link #readAsRaw}), not read into a tree. */
  private final int written;
  private int at;

  private JsonTree(String text, boolean asRaw, int written) {
    this.text = text;
    this.asRaw = asRaw;
    this.written = written;
  }

  /** {@code text}'s tree, as {@code Yaml.json().readTree(text)}. */
  static JsonNode read(String text) {
    JsonNode tree = new JsonTree(text, false, Integer.MAX_VALUE).document();
    return tree != null ? tree : Yaml.json().readTree(text);
  }

  /**
   * {@code text}'s tree as Go reads JSON into its {@code json.RawMessage}s ({@code Item}s) {@code written} levels deep: each
   * number as its text there ({@code 1.50}, {@code 1e-05}: a raw value, written as it is), each text written with escapes
   * with its text there too ({@code "a\/b"}: {@link WrittenString}), an object or array {@code written} levels in as its
   * text without the spaces between its tokens (a raw value, as Go's {@code compact} keeps a raw message: keys and texts as
   * written, a key given twice twice, at any depth), a key given twice above that as its last value (Go's map); where it
   * is no strict JSON, the mapper's tree or exception.
   */
  static JsonNode readAsRaw(String text, int written) {
    JsonNode tree = new JsonTree(text, true, written).document();
    return tree != null ? tree : Yaml.json().readTree(text);
  }

  /** The one value of the text, or null. */
  private JsonNode document() {
    JsonNode value = value(0);
    return value != null && skipSpace() == text.length() ? value : null;
  }

  private int skipSpace() {
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        break;
      }
      at++;
    }
    return at;
  }

  private JsonNode value(int depth) {
    if (skipSpace() == text.length() || depth > MAX_DEPTH) {
      return null;
    }
    char c = text.charAt(at);
    if ((c == '{' || c == '[') && depth >= written) {
      return writtenContainer();
    }
    switch (c) {
      case '{':
        return object(depth);
      case '[':
        return array(depth);
      case '"': {
        int from = at;
        String s = string();
        if (s == null) {
          return null;
        }
        // a text written with escapes (each makes the text shorter than it is written) kept as written, where numbers are
        return asRaw && s.length() != at - from - 2 ? new WrittenString(s, text.substring(from, at)) : NODES.stringNode(s);
      }
      default:
        return literal(c);
    }
  }

  /** The number, true, false or null at {@code at}, its first character {@code c}; null where there is none. */
  private JsonNode literal(char c) {
    switch (c) {
      case 't':
        return word("true") ? NODES.booleanNode(true) : null;
      case 'f':
        return word("false") ? NODES.booleanNode(false) : null;
      case 'n':
        return word("null") ? NODES.nullNode() : null;
      default:
        return c == '-' || (c >= '0' && c <= '9') ? number() : null;
    }
  }

  private boolean word(String w) {
    if (!text.startsWith(w, at)) {
      return false;
    }
    at += w.length();
    return true;
  }

  private JsonNode object(int depth) {
    ObjectNode out = NODES.objectNode();
    at++;
    if (skipSpace() < text.length() && text.charAt(at) == '}') {
      at++;
      return out;
    }
    while (true) {
      if (skipSpace() == text.length() || text.charAt(at) != '"') {
        return null;
      }
      String key = string();
      if (key == null || (out.has(key) && !asRaw) || skipSpace() == text.length() || text.charAt(at) != ':') {
        return null;
      }
      at++;
      JsonNode v = value(depth + 1);
      if (v == null) {
        return null;
      }
      out.set(key, v);
      if (skipSpace() == text.length()) {
        return null;
      }
      char c = text.charAt(at++);
      if (c == '}') {
        return out;
      }
      if (c != ',') {
        return null;
      }
    }
  }

  private JsonNode array(int depth) {
    ArrayNode out = NODES.arrayNode();
    at++;
    if (skipSpace() < text.length() && text.charAt(at) == ']') {
      at++;
      return out;
    }
    while (true) {
      JsonNode v = value(depth + 1);
      if (v == null || skipSpace() == text.length()) {
        return null;
      }
      out.add(v);
      char c = text.charAt(at++);
      if (c == ']') {
        return out;
      }
      if (c != ',') {
        return null;
      }
    }
  }

  /** A string at {@code at} (its opening quote), unescaped; null where it is not plain JSON. */
  private String string() {
    StringBuilder out = null;
    int start = ++at;
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c == '"') {
        String s = out == null ? text.substring(start, at) : out.append(text, start, at).toString();
        at++;
        return s;
      }
      if (c < 0x20) {
        return null;
      }
      if (c != '\\') {
        at++;
        continue;
      }
      if (out == null) {
        out = new StringBuilder();
      }
      out.append(text, start, at);
      if (++at == text.length()) {
        return null;
      }
      char e = text.charAt(at++);
      switch (e) {
        case '"': case '\\': case '/': out.append(e); break;
        case 'b': out.append('\b'); break;
        case 'f': out.append('\f'); break;
        case 'n': out.append('\n'); break;
        case 'r': out.append('\r'); break;
        case 't': out.append('\t'); break;
        case 'u': {
          if (at + 4 > text.length()) {
            return null;
          }
          int code = 0;
          for (int i = 0; i < 4; i++) {
            int d = Character.digit(text.charAt(at++), 16);
            if (d < 0) {
              return null;
            }
            code = code * 16 + d;
          }
          out.append((char) code);
          break;
        }
        default:
          return null;
      }
      start = at;
    }
    return null;
  }

  /** A number as JSON writes it (no leading zeros, digits after a point and an exponent's sign). */
  private JsonNode number() {
    int start = at;
    if (text.charAt(at) == '-') {
      at++;
    }
    int intStart = at;
    if (digits() == 0 || (text.charAt(intStart) == '0' && at - intStart > 1)) {
      return null;
    }
    boolean floating = false;
    if (at < text.length() && text.charAt(at) == '.') {
      at++;
      floating = true;
      if (digits() == 0) {
        return null;
      }
    }
    if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
      at++;
      floating = true;
      if (at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
        at++;
      }
      if (digits() == 0) {
        return null;
      }
    }
    String n = text.substring(start, at);
    if (asRaw) {
      return NODES.rawValueNode(new RawValue(n));
    }
    if (n.length() > MAX_NUMBER_LENGTH) {
      return null;
    }
    if (floating) {
      double d = Double.parseDouble(n);
      return Double.isInfinite(d) ? null : NODES.numberNode(d);
    }
    BigInteger big = new BigInteger(n);
    if (big.bitLength() < 32) {
      return NODES.numberNode(big.intValue());
    }
    return big.bitLength() < 64 ? NODES.numberNode(big.longValue()) : NODES.numberNode(big);
  }

  /**
   * The object or array at {@code at}, checked as strict JSON, as its text without the spaces between its tokens (a raw
   * value); null where it is no strict JSON. One loop, its open objects and arrays on a stack: any depth.
   */
  private JsonNode writtenContainer() {
    StringBuilder out = new StringBuilder();
    StringBuilder closers = new StringBuilder(); // the open objects' and arrays' closing brackets, innermost last
    boolean value = true; // a value (or a key) comes next, else a comma or a closing bracket
    boolean key = false;
    boolean opened = false;
    while (true) {
      if (skipSpace() == text.length()) {
        return null;
      }
      char c = text.charAt(at);
      int from = at;
      if (value && opened && c == closers.charAt(closers.length() - 1)) {
        at++;
      } else if (value) {
        opened = false;
        if (c == '{' || c == '[') {
          at++;
          out.append(c);
          closers.append(c == '{' ? '}' : ']');
          key = c == '{';
          opened = true;
          continue;
        }
        boolean read = c == '"' ? string() != null : !key && literal(c) != null;
        if (!read) {
          return null;
        }
        out.append(text, from, at);
        if (key) {
          if (skipSpace() == text.length() || text.charAt(at) != ':') {
            return null;
          }
          at++;
          out.append(':');
          key = false;
          continue;
        }
        value = false;
        continue;
      } else if (c == ',') {
        at++;
        out.append(',');
        value = true;
        key = closers.charAt(closers.length() - 1) == '}';
        continue;
      } else if (c != closers.charAt(closers.length() - 1)) {
        return null;
      } else {
        at++;
      }
      // a closing bracket
      out.append(c);
      closers.setLength(closers.length() - 1);
      value = false;
      opened = false;
      if (closers.length() == 0) {
        return NODES.rawValueNode(new RawValue(out.toString()));
      }
    }
  }

  private int digits() {
    int start = at;
    while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
      at++;
    }
    return at - start;
  }
}
