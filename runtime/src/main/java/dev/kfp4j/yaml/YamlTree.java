package dev.kfp4j.yaml;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads a YAML document into the tree the YAML mapper's {@code readTree} gives, node types included,
 * straight from the parser: making the mapper costs a cold JVM (a local run's, the {@code kfp4j}
 * command's) about a fifth of a second, more than reading a pipeline of a hundred tasks. The same
 * parser reads the text, so scalars, aliases and limits are the same; the tree is built as
 * Jackson's node reader builds it (a key given twice keeps its first place and its last value). What
 * this reader does not take for sure (no document or more than one, an error, a tagged binary or a
 * decimal beyond a double) goes to the mapper, which gives its tree or its exception.
 */
final class YamlTree {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private YamlTree() {}

  /** {@code text}'s one document as the mapper reads it, or null where the mapper must decide. */
  static JsonNode read(YAMLFactory factory, String text) {
    List<JsonNode> documents = documents(factory, text);
    return documents != null && documents.size() == 1 ? documents.get(0) : null;
  }

  /**
   * Every document of {@code text}, as the mapper's {@code readValues} gives them, or null where the
   * mapper must decide: also where the first document is a list, whose items the mapper's iterator
   * gives instead.
   */
  static List<JsonNode> readAll(YAMLFactory factory, String text) {
    List<JsonNode> documents = documents(factory, text);
    return documents == null || !documents.isEmpty() && documents.get(0).isArray() ? null : documents;
  }

  /** Every document of {@code text}, or null after an error or a node only the mapper makes. */
  private static List<JsonNode> documents(YAMLFactory factory, String text) {
    try (JsonParser p = factory.createParser(ObjectReadContext.empty(), text)) {
      List<JsonNode> out = new ArrayList<>();
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        JsonNode document = value(p, t);
        if (document == null) {
          return null;
        }
        out.add(document);
      }
      return out;
    } catch (JacksonException e) {
      return null;
    }
  }

  private static JsonNode value(JsonParser p, JsonToken t) {
    if (t == null) {
      return null;
    }
    switch (t) {
      case START_OBJECT:
        return object(p);
      case START_ARRAY:
        return array(p);
      case VALUE_STRING:
        return NODES.stringNode(p.getString());
      case VALUE_NUMBER_INT:
        switch (p.getNumberType()) {
          case INT:
            return NODES.numberNode(p.getIntValue());
          case LONG:
            return NODES.numberNode(p.getLongValue());
          default:
            return NODES.numberNode(p.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        switch (p.getNumberTypeFP()) {
          case BIG_DECIMAL:
            return null;
          case FLOAT32:
            return NODES.numberNode(p.getFloatValue());
          default:
            return NODES.numberNode(p.getDoubleValue());
        }
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        return null;
    }
  }

  private static ObjectNode object(JsonParser p) {
    ObjectNode out = NODES.objectNode();
    for (String name = p.nextName(); name != null; name = p.nextName()) {
      JsonNode v = value(p, p.nextToken());
      if (v == null) {
        return null;
      }
      out.replace(name, v);
    }
    return p.currentToken() == JsonToken.END_OBJECT ? out : null;
  }

  private static ArrayNode array(JsonParser p) {
    ArrayNode out = NODES.arrayNode();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      JsonNode v = value(p, t);
      if (v == null) {
        return null;
      }
      out.add(v);
    }
    return out;
  }
}
