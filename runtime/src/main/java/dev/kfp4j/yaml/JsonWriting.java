package dev.kfp4j.yaml;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.POJONode;
import tools.jackson.databind.util.RawValue;

/**
 * JSON text and trees as the JSON mapper writes and makes them ({@code writeValueAsString}, its
 * default pretty printer, {@code valueToTree} of plain values), without the mapper and without
 * Jackson's JSON generator: making the generator's factory loads some 80 classes of {@code
 * jackson-core}, about 45 ms of a cold JVM's first JSON text, more than a local run's records take
 * to write. Text is written here as the generator writes it with the mapper's defaults:
 *
 * <ul>
 *   <li>escapes for a quote, a backslash and the control characters only ({@code \n}, or a
 *       backslash, {@code u00} and two hexadecimal digits in upper case), non-ASCII as it is;
 *   <li>numbers as the JDK's {@code toString} writes them, NaN and the infinities as texts;
 *   <li>the default pretty printer's layout: an object's members on lines of their own, two spaces
 *       deeper; an array's items on one line, {@code [ 1, 2 ]}; {@code { }} and {@code [ ]} when empty.
 * </ul>
 *
 * <p>A raw value of text ({@link RawValue}) is written as it is, as the mapper writes it. A node only the
 * mapper can write (binary, another Java object) goes to the mapper.
 */
final class JsonWriting {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String HEX = "0123456789ABCDEF";

  private JsonWriting() {}

  /** Whether every node of {@code root} is one this class writes: no binary, no Java object but a raw value of text. */
  static boolean plain(JsonNode root) {
    if (root == null) {
      return true; // written as null, as the mapper writes no value
    }
    ArrayDeque<JsonNode> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      JsonNode node = todo.pop();
      switch (node.getNodeType()) {
        case OBJECT:
        case ARRAY:
          for (JsonNode child : node.values()) {
            todo.push(child);
          }
          break;
        case BINARY:
          return false;
        case POJO:
          if (raw(node) == null) {
            return false;
          }
          break;
        default:
          break;
      }
    }
    return true;
  }

  /** The text of a node holding a {@link RawValue} of text, which the mapper writes as it is; else null. */
  private static String raw(JsonNode node) {
    return node instanceof POJONode p && p.getPojo() instanceof RawValue r && r.rawValue() instanceof String text ? text : null;
  }

  /**
   * Appends {@code node}, a {@link #plain} tree (null: JSON's null, as the mapper writes no value),
   * as the mapper writes it: compact, or with its default pretty printer as a value {@code nesting}
   * objects deep (each of its lines after the first indented two spaces a level).
   */
  static void write(JsonNode node, boolean pretty, int nesting, StringBuilder out) {
    if (node == null) {
      out.append("null");
      return;
    }
    switch (node.getNodeType()) {
      case OBJECT -> object(node, pretty, nesting, out);
      case ARRAY -> array(node, pretty, nesting, out);
      case STRING -> string(node.stringValue(), out);
      case BOOLEAN -> out.append(node.booleanValue());
      case NUMBER -> number(node, out);
      case POJO -> out.append(raw(node));
      default -> out.append("null"); // null, and a missing node, which the mapper writes as null
    }
  }

  private static void object(JsonNode node, boolean pretty, int nesting, StringBuilder out) {
    out.append('{');
    if (node.isEmpty()) {
      out.append(pretty ? " }" : "}");
      return;
    }
    String separator = pretty ? " : " : ":";
    boolean first = true;
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      if (pretty) {
        newLine(nesting + 1, out);
      }
      string(e.getKey(), out);
      out.append(separator);
      write(e.getValue(), pretty, nesting + 1, out);
    }
    if (pretty) {
      newLine(nesting, out);
    }
    out.append('}');
  }

  /** An array's items, on the line of its brackets when pretty (the printer indents no array's items). */
  private static void array(JsonNode node, boolean pretty, int nesting, StringBuilder out) {
    out.append('[');
    boolean first = true;
    for (JsonNode item : node.values()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      if (pretty) {
        out.append(' ');
      }
      write(item, pretty, nesting, out);
    }
    out.append(pretty ? " ]" : "]");
  }

  private static void newLine(int nesting, StringBuilder out) {
    out.append('\n');
    for (int i = 0; i < nesting; i++) {
      out.append("  ");
    }
  }

  /** A number as the generator writes it; a double or float that is not finite as a text ({@code "NaN"}). */
  private static void number(JsonNode node, StringBuilder out) {
    switch (node.numberType()) {
      case INT -> out.append(node.intValue());
      case LONG -> out.append(node.longValue());
      case BIG_INTEGER -> out.append(node.bigIntegerValue());
      case BIG_DECIMAL -> out.append(node.decimalValue());
      case FLOAT -> finite(Float.toString(node.floatValue()), Float.isFinite(node.floatValue()), out);
      default -> finite(Double.toString(node.doubleValue()), Double.isFinite(node.doubleValue()), out);
    }
  }

  private static void finite(String number, boolean finite, StringBuilder out) {
    if (finite) {
      out.append(number);
    } else {
      string(number, out);
    }
  }

  /** {@code s} as a JSON string, escaped as the generator escapes it: a quote, a backslash, the control characters. */
  private static void string(String s, StringBuilder out) {
    out.append('"');
    int from = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') {
        continue;
      }
      out.append(s, from, i).append('\\');
      switch (c) {
        case '"', '\\' -> out.append(c);
        case '\b' -> out.append('b');
        case '\t' -> out.append('t');
        case '\n' -> out.append('n');
        case '\f' -> out.append('f');
        case '\r' -> out.append('r');
        default -> out.append("u00").append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xF));
      }
      from = i + 1;
    }
    out.append(s, from, s.length()).append('"');
  }

  /**
   * {@code value} as {@code json().valueToTree(value)} makes it, for plain values: maps with text
   * keys, lists, texts, booleans, ints, longs, doubles and nulls; null for anything else.
   */
  static JsonNode tree(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof String s) {
      return NODES.stringNode(s);
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof Integer i) {
      return NODES.numberNode(i.intValue());
    }
    if (value instanceof Long l) {
      return NODES.numberNode(l.longValue());
    }
    if (value instanceof Double d) {
      return NODES.numberNode(d.doubleValue());
    }
    if (value instanceof Map<?, ?> m) {
      tools.jackson.databind.node.ObjectNode out = NODES.objectNode();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        JsonNode v = e.getKey() instanceof String ? tree(e.getValue()) : null;
        if (v == null) {
          return null;
        }
        out.set((String) e.getKey(), v);
      }
      return out;
    }
    if (value instanceof List<?> l) {
      tools.jackson.databind.node.ArrayNode out = NODES.arrayNode();
      for (Object e : l) {
        JsonNode v = tree(e);
        if (v == null) {
          return null;
        }
        out.add(v);
      }
      return out;
    }
    return null;
  }
}
