package dev.kfp4j.yaml;

import java.io.Writer;
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

  /** Whether every node of {@code node} is one this class writes: no binary, no Java object. */
  static boolean plain(JsonNode node) {
    if (node == null) {
      return true; // written as null, as the mapper writes no value
    }
    switch (node.getNodeType()) {
      case OBJECT:
      case ARRAY:
        for (JsonNode child : node.values()) {
          if (!plain(child)) {
            return false;
          }
        }
        return true;
      case BINARY:
      case POJO:
        return false;
      default:
        return true;
    }
  }

  /** Writes {@code node}, a {@link #plain} one, as its own {@code serialize} does. */
  static void write(JsonNode node, JsonGenerator g) {
    if (node == null) {
      g.writeNull();
      return;
    }
    switch (node.getNodeType()) {
      case OBJECT:
        g.writeStartObject(node, node.size());
        for (Map.Entry<String, JsonNode> e : node.properties()) {
          g.writeName(e.getKey());
          write(e.getValue(), g);
        }
        g.writeEndObject();
        break;
      case ARRAY:
        g.writeStartArray(node, node.size());
        for (JsonNode e : node.values()) {
          write(e, g);
        }
        g.writeEndArray();
        break;
      case STRING:
        g.writeString(node.asString());
        break;
      case BOOLEAN:
        g.writeBoolean(node.booleanValue());
        break;
      case NUMBER:
        number(node, g);
        break;
      default: // null, and a missing node, which the mapper writes as null
        g.writeNull();
    }
  }

  private static void number(JsonNode node, JsonGenerator g) {
    switch (node.numberType()) {
      case INT:
        g.writeNumber(node.intValue());
        break;
      case LONG:
        g.writeNumber(node.longValue());
        break;
      case BIG_INTEGER:
        g.writeNumber(node.bigIntegerValue());
        break;
      case FLOAT:
        g.writeNumber(node.floatValue());
        break;
      case DOUBLE:
        g.writeNumber(node.doubleValue());
        break;
      default:
        g.writeNumber(node.decimalValue());
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
        JsonNode v = e.getKey() instanceof String k ? tree(e.getValue()) : null;
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
