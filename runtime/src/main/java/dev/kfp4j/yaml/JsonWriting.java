package dev.kfp4j.yaml;

import java.util.ArrayDeque;
import java.util.Iterator;
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
 * <p>A raw value of text ({@link RawValue}) is written as it is, as the mapper writes it; a text kept as written ({@link
 * WrittenString}) as written. A node only the
 * mapper can write (binary, another Java object) goes to the mapper.
 */
final class JsonWriting {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String HEX = "0123456789ABCDEF";

  private JsonWriting() {}

  /** The text of a node holding a {@link RawValue} of text, which the mapper writes as it is; else null. */
  static String raw(JsonNode node) {
    return node instanceof POJONode p && p.getPojo() instanceof RawValue r && r.rawValue() instanceof String text ? text : null;
  }

  /** An object or array being written: its members or items still to write, and how deep it is. */
  private static final class Open {
    final Iterator<?> rest;
    final boolean object;
    final int nesting;
    boolean first = true;

    Open(Iterator<?> rest, boolean object, int nesting) {
      this.rest = rest;
      this.object = object;
      this.nesting = nesting;
    }
  }

  /**
   * Appends {@code root} (null: JSON's null, as the mapper writes no value) as the mapper writes it:
   * compact, or with its default pretty printer as a value {@code nesting} objects deep (each of its
   * lines after the first indented two spaces a level); or returns false, having appended part of
   * it, at the first node only the mapper writes (binary, a Java object but a raw value of text).
   * One loop over the tree, its open objects and arrays on a stack, not a call a level: the
   * JIT compiles one small method (a recursive writer, inlined in itself, took C2 190 ms to compile
   * in a local run of 100 tasks, more than the run's writing).
   */
  static boolean write(JsonNode root, boolean pretty, int nesting, StringBuilder out) {
    ArrayDeque<Open> open = new ArrayDeque<>();
    JsonNode node = root;
    int level = nesting;
    while (true) {
      if (node == null) {
        out.append("null");
      } else {
        switch (node.getNodeType()) {
          case OBJECT -> {
            out.append('{');
            if (node.isEmpty()) {
              out.append(pretty ? " }" : "}");
            } else {
              open.push(new Open(node.properties().iterator(), true, level));
            }
          }
          case ARRAY -> {
            out.append('[');
            if (node.isEmpty()) {
              out.append(pretty ? " ]" : "]");
            } else {
              open.push(new Open(node.values().iterator(), false, level));
            }
          }
          case STRING -> {
            if (node instanceof WrittenString w) {
              out.append(w.json);
            } else {
              string(node.stringValue(), out);
            }
          }
          case BOOLEAN -> out.append(node.booleanValue());
          case NUMBER -> number(node, out);
          case POJO -> {
            String raw = raw(node);
            if (raw == null) {
              return false;
            }
            out.append(raw);
          }
          case BINARY -> {
            return false;
          }
          default -> out.append("null"); // null, and a missing node, which the mapper writes as null
        }
      }
      node = null;
      while (true) {
        Open o = open.peek();
        if (o == null) {
          return true;
        }
        if (o.rest.hasNext()) {
          if (!o.first) {
            out.append(',');
          }
          o.first = false;
          if (o.object) {
            @SuppressWarnings("unchecked")
            Map.Entry<String, JsonNode> e = (Map.Entry<String, JsonNode>) o.rest.next();
            if (pretty) {
              newLine(o.nesting + 1, out);
            }
            string(e.getKey(), out);
            out.append(pretty ? " : " : ":");
            node = e.getValue();
            level = o.nesting + 1;
          } else {
            if (pretty) {
              out.append(' ');
            }
            node = (JsonNode) o.rest.next();
            level = o.nesting;
          }
          break;
        }
        open.pop();
        if (o.object) {
          if (pretty) {
            newLine(o.nesting, out);
          }
          out.append('}');
        } else {
          out.append(pretty ? " ]" : "]");
        }
      }
    }
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
