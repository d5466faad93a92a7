package dev.kfp4j.entrypoint;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Binds plain JSON values ({@link JsonText}'s) to the Java types a component declares: numbers,
 * booleans and characters (boxed or not), strings, enums (by name), {@code Optional}, collections,
 * maps with string, enum or integer keys, arrays, records (by component name), beans (a public
 * no-argument constructor, with setters or public fields: {@link BeanProperty}), and {@code
 * java.*} types with a text form ({@code UUID}, {@code URI}, {@code java.time}: read by their
 * static {@code parse}/{@code valueOf}/{@code fromString}/{@code create}). {@link JsonTree} goes
 * the other way.
 *
 * <p>Reading is strict, so that a value is never silently changed: a whole-number type takes
 * whole numbers in its range only, a {@code float} only values it can hold, a string only a JSON
 * string, a record or bean only its own properties; a primitive is never null or missing.
 */
final class JsonBinder {
  private JsonBinder() {}

  /** {@code json} as a value of {@code type}; IllegalArgumentException naming the place that does not fit. */
  static Object toJava(Object json, Type type) {
    return read(json, type, "");
  }

  private static Object read(Object json, Type type, String at) {
    Class<?> raw = raw(type);
    if (raw == Object.class || raw == Number.class && json instanceof Number) {
      return json;
    }
    if (raw == Optional.class) {
      return json == null ? Optional.empty() : Optional.of(read(json, argument(type, 0), at));
    }
    if (json == null) {
      if (raw.isPrimitive()) {
        throw mismatch(at, "a " + raw.getName(), null);
      }
      return null;
    }
    if (raw == String.class || raw == CharSequence.class) {
      return expect(json, String.class, at, "a string");
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return expect(json, Boolean.class, at, "true or false");
    }
    if (raw == char.class || raw == Character.class) {
      if (!(json instanceof String s) || s.length() != 1) {
        throw mismatch(at, "a one-character string", json);
      }
      return s.charAt(0);
    }
    if (isNumber(raw)) {
      return number(json, raw, at);
    }
    if (raw.isEnum()) {
      return enumConstant(json, raw, at);
    }
    if (raw.isArray()) {
      Type component = type instanceof GenericArrayType g ? g.getGenericComponentType() : raw.getComponentType();
      List<?> list = (List<?>) expect(json, List.class, at, "a JSON array");
      Object array = Array.newInstance(raw(component), list.size());
      for (int i = 0; i < list.size(); i++) {
        Array.set(array, i, read(list.get(i), component, at + "[" + i + "]"));
      }
      return array;
    }
    if (Collection.class.isAssignableFrom(raw) || raw == Iterable.class) {
      List<?> list = (List<?>) expect(json, List.class, at, "a JSON array");
      Collection<Object> out = newCollection(raw, at);
      Type element = argument(type, 0);
      for (int i = 0; i < list.size(); i++) {
        Object item = read(list.get(i), element, at + "[" + i + "]");
        if (item == null && (out instanceof TreeSet || out instanceof ArrayDeque)) {
          throw mismatch(at + "[" + i + "]", "a value (a " + raw.getSimpleName() + " holds no null)", null);
        }
        out.add(item);
      }
      return out;
    }
    if (Map.class.isAssignableFrom(raw)) {
      Map<?, ?> map = (Map<?, ?>) expect(json, Map.class, at, "a JSON object");
      Map<Object, Object> out = newMap(raw, at);
      Class<?> keyType = raw(argument(type, 0));
      Type valueType = argument(type, 1);
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String key = (String) e.getKey();
        out.put(key(key, keyType, at), read(e.getValue(), valueType, at + "." + key));
      }
      return out;
    }
    if (raw.isRecord()) {
      return record(json, raw, at);
    }
    if (raw.getName().startsWith("java.")) {
      Method parse = textFactory(raw);
      if (parse == null) {
        throw new IllegalArgumentException(where(at) + raw.getName() + " has no JSON form kfp4j reads");
      }
      String s = (String) expect(json, String.class, at, "a string");
      try {
        return parse.invoke(null, s);
      } catch (ReflectiveOperationException e) {
        throw new IllegalArgumentException(where(at) + "'" + s + "' is not a " + raw.getSimpleName() + ": " + cause(e));
      }
    }
    return bean(json, raw, at);
  }

  private static Object number(Object json, Class<?> raw, String at) {
    if (!(json instanceof Number n)) {
      throw mismatch(at, "a number", json);
    }
    boolean whole = json instanceof Integer || json instanceof Long || json instanceof BigInteger;
    if (raw == double.class || raw == Double.class) {
      return n.doubleValue();
    }
    if (raw == float.class || raw == Float.class) {
      double d = n.doubleValue();
      float f = (float) d;
      if (Float.isInfinite(f) && !Double.isInfinite(d) || f == 0 && d != 0) {
        throw new IllegalArgumentException(where(at) + describeValue(json) + " is out of range for a Java float (use double)");
      }
      return f;
    }
    if (raw == BigDecimal.class) {
      if (json instanceof Double d && (d.isNaN() || d.isInfinite())) {
        throw mismatch(at, "a finite number", json);
      }
      return whole ? new BigDecimal(n.toString()) : BigDecimal.valueOf(n.doubleValue());
    }
    if (!whole) {
      throw mismatch(at, "a whole number", json);
    }
    BigInteger big = json instanceof BigInteger b ? b : BigInteger.valueOf(n.longValue());
    if (raw == BigInteger.class) {
      return big;
    }
    int bits = raw == long.class || raw == Long.class ? 64
        : raw == int.class || raw == Integer.class ? 32
        : raw == short.class || raw == Short.class ? 16 : 8;
    if (big.bitLength() >= bits) {
      throw new IllegalArgumentException(where(at) + big + " is out of range for a Java "
          + (raw.isPrimitive() ? raw.getName() : raw.getSimpleName()));
    }
    long v = big.longValue();
    switch (bits) {
      case 64:
        return v;
      case 32:
        return (int) v;
      case 16:
        return (short) v;
      default:
        return (byte) v;
    }
  }

  private static Object enumConstant(Object json, Class<?> raw, String at) {
    String name = (String) expect(json, String.class, at, "a string naming a constant");
    StringBuilder choices = new StringBuilder();
    for (Object c : raw.getEnumConstants()) {
      if (((Enum<?>) c).name().equals(name)) {
        return c;
      }
      choices.append(choices.length() == 0 ? "" : ", ").append('\'').append(((Enum<?>) c).name()).append('\'');
    }
    throw new IllegalArgumentException(where(at) + "invalid choice: '" + name + "' (choose from " + choices + ")");
  }

  private static Object key(String key, Class<?> type, String at) {
    if (type == String.class || type == Object.class || type == CharSequence.class) {
      return key;
    }
    if (type.isEnum()) {
      return enumConstant(key, type, at + "." + key);
    }
    if (type == Integer.class || type == Long.class) {
      try {
        long v = Long.parseLong(key);
        if (type == Integer.class && v != (int) v) {
          throw new NumberFormatException();
        }
        return type == Integer.class ? (Object) (int) v : (Object) v;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(where(at) + "key '" + key + "' is not a Java " + type.getSimpleName());
      }
    }
    throw new IllegalArgumentException(where(at) + "keys of type " + type.getName()
        + " have no JSON form; use String, an enum, Integer or Long keys");
  }

  private static Object record(Object json, Class<?> raw, String at) {
    Map<?, ?> map = (Map<?, ?>) expect(json, Map.class, at, "a JSON object");
    RecordComponent[] components = raw.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    List<String> names = new ArrayList<>();
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      names.add(components[i].getName());
    }
    unknown(map, names, raw, at);
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      String name = components[i].getName();
      if (!map.containsKey(name) && types[i].isPrimitive()) {
        throw new IllegalArgumentException(where(at) + "missing '" + name + "', which " + raw.getSimpleName() + " needs");
      }
      values[i] = read(map.get(name), components[i].getGenericType(), at + "." + name);
    }
    try {
      Constructor<?> c = raw.getDeclaredConstructor(types);
      c.setAccessible(true);
      return c.newInstance(values);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalArgumentException(where(at) + "cannot make a " + raw.getSimpleName() + ": " + cause(e));
    }
  }

  private static Object bean(Object json, Class<?> raw, String at) {
    Map<?, ?> map = (Map<?, ?>) expect(json, Map.class, at, "a JSON object");
    Object bean;
    try {
      if (raw.isInterface() || Modifier.isAbstract(raw.getModifiers())) {
        throw new NoSuchMethodException();
      }
      bean = raw.getConstructor().newInstance();
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(where(at) + raw.getName()
          + " cannot be read from JSON: it is not a record, and has no public no-argument constructor");
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalArgumentException(where(at) + "cannot make a " + raw.getSimpleName() + ": " + cause(e));
    }
    Map<String, BeanProperty> properties = BeanProperty.writable(raw);
    unknown(map, properties.keySet(), raw, at);
    for (Map.Entry<?, ?> e : map.entrySet()) {
      BeanProperty p = properties.get((String) e.getKey());
      p.set(bean, read(e.getValue(), p.type, at + "." + e.getKey()));
    }
    return bean;
  }

  private static void unknown(Map<?, ?> map, Collection<String> known, Class<?> raw, String at) {
    for (Object key : map.keySet()) {
      if (!known.contains(key)) {
        throw new IllegalArgumentException(where(at) + "unknown property '" + key + "'; " + raw.getSimpleName()
            + (known.isEmpty() ? " has none" : " has " + String.join(", ", known)));
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Collection<Object> newCollection(Class<?> raw, String at) {
    if (raw.isInterface() || Modifier.isAbstract(raw.getModifiers())) {
      if (raw.isAssignableFrom(ArrayList.class)) {
        return new ArrayList<>();
      }
      if (raw.isAssignableFrom(LinkedHashSet.class)) {
        return new LinkedHashSet<>();
      }
      if (raw.isAssignableFrom(TreeSet.class)) {
        return new TreeSet<>();
      }
      if (raw.isAssignableFrom(ArrayDeque.class)) {
        return new ArrayDeque<>();
      }
      throw new IllegalArgumentException(where(at) + "cannot make a " + raw.getName() + " from JSON");
    }
    return (Collection<Object>) instantiate(raw, at);
  }

  @SuppressWarnings("unchecked")
  private static Map<Object, Object> newMap(Class<?> raw, String at) {
    if (raw.isInterface() || Modifier.isAbstract(raw.getModifiers())) {
      if (raw.isAssignableFrom(LinkedHashMap.class)) {
        return new LinkedHashMap<>();
      }
      if (raw.isAssignableFrom(TreeMap.class)) {
        return new TreeMap<>();
      }
      if (raw.isAssignableFrom(java.util.concurrent.ConcurrentHashMap.class)) {
        return new java.util.concurrent.ConcurrentHashMap<>();
      }
      throw new IllegalArgumentException(where(at) + "cannot make a " + raw.getName() + " from JSON");
    }
    return (Map<Object, Object>) instantiate(raw, at);
  }

  private static Object instantiate(Class<?> raw, String at) {
    try {
      return raw.getConstructor().newInstance();
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalArgumentException(where(at) + "cannot make a " + raw.getName() + " from JSON: " + cause(e));
    }
  }

  private static Object expect(Object json, Class<?> kind, String at, String expected) {
    if (!kind.isInstance(json)) {
      throw mismatch(at, expected, json);
    }
    return json;
  }

  private static IllegalArgumentException mismatch(String at, String expected, Object found) {
    return new IllegalArgumentException(where(at) + "expected " + expected + ", found " + describeValue(found));
  }

  /** A static {@code parse}, {@code valueOf}, {@code fromString} or {@code create} taking one String or CharSequence. */
  static Method textFactory(Class<?> type) {
    for (String name : new String[] {"parse", "valueOf", "fromString", "create"}) {
      for (Class<?> arg : new Class<?>[] {String.class, CharSequence.class}) {
        try {
          Method m = type.getMethod(name, arg);
          if (Modifier.isStatic(m.getModifiers()) && type.isAssignableFrom(m.getReturnType())) {
            return m;
          }
        } catch (NoSuchMethodException e) {
          // try the next
        }
      }
    }
    return null;
  }

  static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    if (type instanceof GenericArrayType g) {
      return Array.newInstance(raw(g.getGenericComponentType()), 0).getClass();
    }
    if (type instanceof WildcardType w) {
      return raw(w.getUpperBounds()[0]);
    }
    if (type instanceof TypeVariable<?> v) {
      return raw(v.getBounds()[0]);
    }
    return Object.class;
  }

  private static Type argument(Type type, int index) {
    if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
      return p.getActualTypeArguments()[index];
    }
    return Object.class;
  }

  private static boolean isNumber(Class<?> c) {
    return c == int.class || c == long.class || c == double.class || c == float.class || c == short.class || c == byte.class
        || c == Integer.class || c == Long.class || c == Double.class || c == Float.class || c == Short.class
        || c == Byte.class || c == BigInteger.class || c == BigDecimal.class;
  }

  private static String where(String at) {
    return at.isEmpty() ? "" : "at " + (at.startsWith(".") ? at.substring(1) : at) + ": ";
  }

  /** A JSON value as a message shows it: {@code 1.5}, {@code "text"}, {@code null}, {@code a JSON object}. */
  static String describeValue(Object json) {
    if (json == null) {
      return "null";
    }
    if (json instanceof String s) {
      return "\"" + (s.length() <= 40 ? s : s.substring(0, 37) + "...") + "\"";
    }
    if (json instanceof Map) {
      return "a JSON object";
    }
    if (json instanceof List) {
      return "a JSON array";
    }
    if (json instanceof Double d) {
      return Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity") : KfpValues.formatFloat(d);
    }
    return json.toString();
  }

  static String cause(Throwable e) {
    Throwable t = e instanceof InvocationTargetException i && i.getCause() != null ? i.getCause() : e;
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
