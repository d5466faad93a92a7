package dev.kfp4j.mlflow;

import dev.kfp4j.entrypoint.PyJson;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The JSON the tracking steps read (an executor input, MLflow's answers, KFP's metrics file, a
 * pipeline's status) as the plain values {@link PyJson#loads} gives, and the JSON they write, on the
 * JDK alone: a step's JVM starts without a JSON library to set up.
 */
final class JsonValues {
  private JsonValues() {}

  /** The value of {@code text}; throws IllegalArgumentException saying where it is not JSON. */
  static Object parse(String text) {
    return PyJson.loads(text);
  }

  /** {@code node}'s member {@code name}: null when {@code node} is not an object or has no such member. */
  static Object path(Object node, String name) {
    return node instanceof Map<?, ?> m ? m.get(name) : null;
  }

  /** The member at {@code names}, each in the one before. */
  static Object path(Object node, String... names) {
    Object at = node;
    for (String name : names) {
      at = path(at, name);
    }
    return at;
  }

  /** The first element of an array, else null. */
  static Object first(Object node) {
    return node instanceof List<?> l && !l.isEmpty() ? l.get(0) : null;
  }

  /** An object's members, else none. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> members(Object node) {
    return node instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  /** An array's elements or an object's values, else none. */
  static Collection<?> elements(Object node) {
    return node instanceof List<?> l ? l : node instanceof Map<?, ?> m ? m.values() : List.of();
  }

  /** A string as it is, a number or a boolean as its text, else (null, missing, an object, an array) {@code otherwise}. */
  static String string(Object node, String otherwise) {
    return node instanceof String || node instanceof Number || node instanceof Boolean ? String.valueOf(node) : otherwise;
  }

  /** A value as text: a string as it is, anything else (a number, a struct) as compact JSON. */
  static String text(Object value) {
    return value instanceof String s ? s : PyJson.dumpsCompact(value);
  }

  /** {@code value} as compact JSON, keys in the map's order: a request body. */
  static String write(Object value) {
    return PyJson.dumpsCompact(value);
  }
}
