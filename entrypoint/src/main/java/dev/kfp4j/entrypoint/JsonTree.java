package dev.kfp4j.entrypoint;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Java values as plain JSON values ({@link PyJson} writes those): records by component, beans by
 * getters and public fields, collections and arrays as lists, maps with string, enum or number
 * keys, enums by name, {@code Optional} as its value or null, {@code java.*} types with a text
 * form ({@link JsonBinder#textFactory}) by {@code toString()}.
 */
final class JsonTree {
  /** Deepest object graph written; deeper ones are taken for a cycle. */
  private static final int MAX_DEPTH = 500;

  private JsonTree() {}

  /** {@code value} as plain JSON values (maps with string keys, lists, strings, numbers, booleans, null). */
  static Object toJson(Object value) {
    return toJson(value, 0);
  }

  private static Object toJson(Object value, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("a value nested more than " + MAX_DEPTH + " levels deep (a cycle?)");
    }
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) {
      return value;
    }
    if (value instanceof Character || value instanceof CharSequence) {
      return value.toString();
    }
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    if (value instanceof Optional<?> o) {
      return o.isPresent() ? toJson(o.get(), depth + 1) : null;
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        out.put(keyText(e.getKey()), toJson(e.getValue(), depth + 1));
      }
      return out;
    }
    if (value instanceof Iterable<?> items) {
      List<Object> out = new ArrayList<>();
      for (Object item : items) {
        out.add(toJson(item, depth + 1));
      }
      return out;
    }
    Class<?> type = value.getClass();
    if (type.isArray()) {
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < Array.getLength(value); i++) {
        out.add(toJson(Array.get(value, i), depth + 1));
      }
      return out;
    }
    if (type.isRecord()) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (RecordComponent c : type.getRecordComponents()) {
        out.put(c.getName(), toJson(get(c.getAccessor(), value), depth + 1));
      }
      return out;
    }
    if (type.getName().startsWith("java.")) {
      if (JsonBinder.textFactory(type) != null) {
        return value.toString();
      }
      throw new IllegalArgumentException(type.getName() + " has no JSON form kfp4j writes");
    }
    if (type.getName().startsWith("tools.jackson.") || type.getName().startsWith("com.fasterxml.jackson.")) {
      throw new IllegalArgumentException("a Jackson " + type.getSimpleName() + " is not a plain value; convert it first");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, AccessibleObject> getter : BeanProperty.readable(type).entrySet()) {
      out.put(getter.getKey(), toJson(get(getter.getValue(), value), depth + 1));
    }
    return out;
  }

  private static String keyText(Object key) {
    if (key instanceof String s) {
      return s;
    }
    if (key instanceof Enum<?> e) {
      return e.name();
    }
    if (key instanceof Boolean b) {
      return b ? "true" : "false"; // as json.dumps writes a bool key
    }
    if (key instanceof Number || key instanceof Character) {
      return key.toString();
    }
    throw new IllegalArgumentException("a map key of type " + (key == null ? "null" : key.getClass().getName())
        + " has no JSON form; use String, an enum or a number");
  }

  /** The value of a getter, record accessor or field. */
  private static Object get(AccessibleObject accessor, Object target) {
    try {
      accessor.setAccessible(true);
      return accessor instanceof Method m ? m.invoke(target) : ((Field) accessor).get(target);
    } catch (ReflectiveOperationException | RuntimeException e) {
      Member member = (Member) accessor;
      throw new IllegalArgumentException("cannot read " + member.getDeclaringClass().getSimpleName() + "."
          + member.getName() + (accessor instanceof Method ? "()" : "") + ": " + JsonBinder.cause(e));
    }
  }
}
