package dev.kfp4j.yaml;

import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Writes a tree as {@link Yaml#write(JsonNode, String)}'s mapper does, byte for byte, without
 * Jackson's YAML generator and SnakeYAML's emitter, whose setting up costs a cold JVM (the
 * annotation processor's, writing component specs and workflows in every build) more than the
 * files they write. A tree holding what this writer does not decide (text with tabs or outside
 * ASCII, text starting with a quote or an indicator, numbers other than integers, nulls, empty
 * maps and lists, a list in a list, keys other than names...) makes {@link #write} give up: the
 * mapper writes it.
 *
 * <p>Texts and keys as {@link JacksonText} writes them.
 */
final class DirectYaml {
  /** Thrown, without a trace, when the tree holds what this writer does not decide. */
  private static final class Unsupported extends RuntimeException {
    Unsupported() {
      super(null, null, false, false);
    }
  }

  private final StringBuilder out = new StringBuilder(1024);
  private final Set<JsonNode> flow;

  private DirectYaml(Set<JsonNode> flow) {
    this.flow = flow;
  }

  /** {@code node} (a non-empty map) as YAML after {@code header}'s lines as {@code # } comments, or null when the mapper must write it. */
  static String write(JsonNode node, String header) {
    return write(node, header, Set.of());
  }

  /**
   * {@link #write(JsonNode, String)} with the values in {@code flow} (a map's values or a list's
   * items, found by {@code flow.contains}) each on its line in {@link FlowYaml flow style}.
   */
  static String write(JsonNode node, String header, Set<JsonNode> flow) {
    if (!node.isObject() || node.isEmpty() || flow.contains(node)) {
      return null;
    }
    DirectYaml w = new DirectYaml(flow);
    BlockYaml.appendComment(header, w.out);
    try {
      w.map(node, 0);
    } catch (Unsupported e) {
      return null;
    }
    return w.out.toString();
  }

  /** The entries of a non-empty map, keys at column {@code indent}. */
  private void map(JsonNode map, int indent) {
    boolean first = true;
    for (Map.Entry<String, JsonNode> e : map.properties()) {
      if (!first) {
        pad(indent);
      }
      entry(e.getKey(), e.getValue(), indent);
      first = false;
    }
  }

  /** {@code key: value}, the key already indented to {@code column}. */
  private void entry(String key, JsonNode value, int column) {
    if (!JacksonText.appendKey(key, out)) {
      throw new Unsupported();
    }
    out.append(':');
    if (flow.contains(value)) {
      out.append(' ').append(FlowYaml.write(value)).append('\n');
    } else if (value.isObject()) {
      nonEmpty(value);
      out.append('\n');
      pad(column + 2);
      map(value, column + 2);
    } else if (value.isArray()) {
      nonEmpty(value);
      out.append('\n');
      list(value, column);
    } else {
      out.append(' ');
      scalar(value, column);
    }
  }

  /** The items of a non-empty list as {@code - item} lines at {@code indent}. */
  private void list(JsonNode list, int indent) {
    for (JsonNode item : list) {
      pad(indent);
      out.append("- ");
      if (flow.contains(item)) {
        out.append(FlowYaml.write(item)).append('\n');
      } else if (item.isObject()) {
        nonEmpty(item);
        map(item, indent + 2);
      } else if (item.isArray()) {
        throw new Unsupported();
      } else {
        scalar(item, indent);
      }
    }
  }

  /** A scalar and its line break; a literal block's lines at {@code column + 2}. */
  private void scalar(JsonNode v, int column) {
    if (v.isBoolean() || v.isIntegralNumber() && v.canConvertToLong()) {
      out.append(v.asString()).append('\n');
      return;
    }
    if (!v.isString()) {
      throw new Unsupported();
    }
    if (!JacksonText.appendText(v.stringValue(), column, out)) {
      throw new Unsupported();
    }
    out.append('\n');
  }

  private static void nonEmpty(JsonNode n) {
    if (n.isEmpty()) {
      throw new Unsupported();
    }
  }

  private void pad(int indent) {
    BlockYaml.appendPad(indent, out);
  }
}
