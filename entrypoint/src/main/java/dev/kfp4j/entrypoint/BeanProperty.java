package dev.kfp4j.entrypoint;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.TreeMap;

/**
 * One property of a bean, as Jackson finds them by default: set through a setter, a public field,
 * or the field behind a public getter; read through a getter ({@code getX}, {@code isX} for
 * booleans) or a public field. Property names lower the leading capitals ({@code getURLValue} is
 * {@code urlvalue}).
 */
final class BeanProperty {
  final Type type;
  private final Method setter;
  private final Field field;

  private BeanProperty(Type type, Method setter, Field field) {
    this.type = type;
    this.setter = setter;
    this.field = field;
  }

  void set(Object bean, Object value) {
    try {
      if (setter != null) {
        setter.setAccessible(true);
        setter.invoke(bean, value);
      } else {
        field.setAccessible(true);
        field.set(bean, value);
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalArgumentException("cannot set " + bean.getClass().getSimpleName() + "."
          + (setter != null ? setter.getName() + "()" : field.getName()) + ": " + JsonBinder.cause(e));
    }
  }

  /** Setters, public fields, and fields behind a public getter, by property name. */
  static Map<String, BeanProperty> writable(Class<?> type) {
    Map<String, BeanProperty> out = new TreeMap<>();
    Map<String, AccessibleObject> getters = readable(type);
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        int m = f.getModifiers();
        boolean usable = !Modifier.isStatic(m) && !Modifier.isFinal(m) && !Modifier.isTransient(m) && !f.isSynthetic();
        if (usable && (Modifier.isPublic(m) || getters.containsKey(f.getName()))) {
          out.putIfAbsent(f.getName(), new BeanProperty(f.getGenericType(), null, f));
        }
      }
    }
    for (Method m : type.getMethods()) {
      String name = m.getName();
      if (!Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 1 && name.length() > 3 && name.startsWith("set")) {
        out.put(propertyName(name.substring(3)), new BeanProperty(m.getGenericParameterTypes()[0], m, null));
      }
    }
    return out;
  }

  /** Getters ({@code getX}, {@code isX} for booleans) and public fields, by property name. */
  static Map<String, AccessibleObject> readable(Class<?> type) {
    Map<String, AccessibleObject> out = new TreeMap<>();
    for (Method m : type.getMethods()) {
      String name = m.getName();
      if (Modifier.isStatic(m.getModifiers()) || m.getParameterCount() != 0 || m.getDeclaringClass() == Object.class) {
        continue;
      }
      if (name.length() > 3 && name.startsWith("get") && m.getReturnType() != void.class) {
        out.put(propertyName(name.substring(3)), m);
      } else if (name.length() > 2 && name.startsWith("is")
          && (m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class)) {
        out.put(propertyName(name.substring(2)), m);
      }
    }
    for (Field f : type.getFields()) {
      if (!Modifier.isStatic(f.getModifiers())) {
        out.putIfAbsent(f.getName(), f);
      }
    }
    return out;
  }

  /** {@code URLValue} → {@code urlvalue}, {@code Name} → {@code name}: leading capitals lowered, as Jackson names them. */
  private static String propertyName(String suffix) {
    StringBuilder out = new StringBuilder(suffix);
    for (int i = 0; i < out.length() && Character.isUpperCase(out.charAt(i)); i++) {
      out.setCharAt(i, Character.toLowerCase(out.charAt(i)));
    }
    return out.toString();
  }
}
