package dev.kfp4j.yaml;

import java.math.BigInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads plain JSON text into the tree the JSON mapper's {@code readTree} gives, node types
 * included. Making the mapper (or even Jackson's parser factory) costs a cold JVM, the annotation
 * processor's, more than reading every default and loop item of a build; the texts read there are
 * short lists and objects. What this reader does not accept for sure (no document, text after it,
 * a key given twice, a deep or long text, anything outside strict JSON) goes to the mapper, which
 * gives its tree or its exception.
 */
final class JsonTree {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Beyond these the mapper decides, with its own limits. */
  private static final int MAX_DEPTH = 64;
  private static final int MAX_NUMBER_LENGTH = 64;

  private final String text;
  /** Whether each number is kept as its text ({@link #readKeepingNumbers}). */
  private final boolean numberTexts;
  private int at;

  private JsonTree(String text, boolean numberTexts) {
    this.text = text;
    this.numberTexts = numberTexts;
  }

  /** {@code text}'s tree, as {@code Yaml.json().readTree(text)}. */
  static JsonNode read(String text) {
    JsonNode tree = new JsonTree(text, false).document();
    return tree != null ? tree : Yaml.json().readTree(text);
  }

  /**
   * {@code text}'s tree with each number as its text there ({@code 1.50}, {@code 1e-05}: a raw value, written as it is), and
   * each text written with escapes with its text there too ({@code "a\/b"}: {@link WrittenString}), as Go's {@code
   * json.RawMessage} keeps them; where this reader gives way to the mapper (a key given twice, a deep or long text), the
   * mapper's tree.
   */
  static JsonNode readKeepingNumbers(String text) {
    JsonNode tree = new JsonTree(text, true).document();
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
        // a text written with escapes kept as written, where numbers are ({@link #readKeepingNumbers})
        int escape = text.indexOf('\\', from);
        return numberTexts && escape >= 0 && escape < at ? new WrittenString(s, text.substring(from, at)) : NODES.stringNode(s);
      }
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
      if (key == null || out.has(key) || skipSpace() == text.length() || text.charAt(at) != ':') {
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
    if (at - start > MAX_NUMBER_LENGTH) {
      return null;
    }
    String n = text.substring(start, at);
    if (numberTexts) {
      return NODES.rawValueNode(new tools.jackson.databind.util.RawValue(n));
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

  private int digits() {
    int start = at;
    while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
      at++;
    }
    return at - start;
  }
}
