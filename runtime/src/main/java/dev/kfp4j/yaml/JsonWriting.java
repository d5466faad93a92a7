package dev.kfp4j.yaml;

import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * JSON text and trees as the JSON mapper writes and makes them ({@code writeValueAsString}, its
 * default pretty printer, {@code valueToTree} of plain values), through Jackson's own JSON generator
 * but without the mapper: making it costs a cold JVM, a local run's, more than writing all of a
 * run's records. A tree walked here calls the generator as each node's own {@code serialize} does,
 * so escapes and number forms are the generator's; a node only the mapper can write (binary, a
 * Java object) and a value that is not plain JSON go to the mapper.
 */
final class JsonWriting {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonWriting() {}

  /** The generator's factory, made when first used. */
  private static final class Factory {
    static final JsonFactory JSON = new JsonFactory();
  }

  /** A write context giving the mapper's default pretty printer, a new one per text as the mapper's writer makes. */
  private static final class Pretty extends ObjectWriteContext.Base {
    private final PrettyPrinter printer = new DefaultPrettyPrinter();

    @Override
    public PrettyPrinter getPrettyPrinter() {
      return printer;
    }

    @Override
    public boolean hasPrettyPrinter() {
      return true;
    }
  }

  /** A generator of JSON text to {@code out}: compact as the mapper's, or with its default pretty printer. */
  static JsonGenerator generator(Writer out, boolean pretty) {
    return Factory.JSON.createGenerator(pretty ? new Pretty() : ObjectWriteContext.empty(), out);
  }

  /** Whether every node of {@code root} is one this class writes: no binary, no Java object. A loop, as {@link #write}. */
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
        case POJO:
          return false;
        default:
          break;
      }
    }
    return true;
  }

  /** A container being written: an object's properties or an array's items still to write. */
  private record Open(boolean object, Iterator<?> rest) {}

  /**
   * Writes {@code root}, a {@link #plain} tree, as the mapper does: a container member by member, a
   * value by its own {@code serialize}, which needs no serialization context but for null (which the
   * mapper writes as null, having no serializer of its own for it). A loop over a stack of open
   * containers, not a recursion, and each value through its own {@code serialize}: the JIT compiles
   * each of the generator's methods into it once (recursive, with the generator's calls here, its C2
   * compile took 0.4 s of a local run's JVM).
   */
  @SuppressWarnings("unchecked")
  static void write(JsonNode root, JsonGenerator g) {
    ArrayDeque<Open> open = new ArrayDeque<>();
    JsonNode next = root;
    while (true) {
      if (next == null || next.isNull()) {
        g.writeNull();
      } else if (next.isObject()) {
        g.writeStartObject(next, next.size());
        open.push(new Open(true, next.properties().iterator()));
      } else if (next.isArray()) {
        g.writeStartArray(next, next.size());
        open.push(new Open(false, next.values().iterator()));
      } else {
        next.serialize(g, null);
      }
      next = null;
      while (next == null) {
        Open top = open.peek();
        if (top == null) {
          return;
        }
        if (!top.rest().hasNext()) {
          open.pop();
          if (top.object()) {
            g.writeEndObject();
          } else {
            g.writeEndArray();
          }
        } else if (top.object()) {
          Map.Entry<String, JsonNode> e = (Map.Entry<String, JsonNode>) top.rest().next();
          g.writeName(e.getKey());
          next = e.getValue();
        } else {
          next = (JsonNode) top.rest().next();
        }
      }
    }
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
