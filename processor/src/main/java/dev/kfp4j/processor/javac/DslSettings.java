package dev.kfp4j.processor.javac;

import dev.kfp4j.dsl.Task;
import dev.kfp4j.model.TaskSetting;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * Makes the settings a {@code dev.kfp4j.dsl.Task} method records, by calling it on a task that
 * only records: the processor reads a setting call exactly as the DSL does.
 */
final class DslSettings {
  /** A task that runs nothing; its settings are what the methods called on it recorded. */
  private static final class Recorder extends Task<Recorder> {
    Recorder() {
      super("settings", new Object[0]);
    }
  }

  private final Map<String, Method> methods = new HashMap<>();

  /**
   * The settings {@code method} records when called with {@code values} (none when it is no
   * setting).
   *
   * @throws IllegalArgumentException from the setting's record, with its message
   * @throws NoSuchMethodException when this processor's runtime has no such method
   */
  List<TaskSetting> make(ExecutableElement method, Object[] values) throws NoSuchMethodException {
    Method m = method(method);
    Class<?>[] types = m.getParameterTypes();
    Object[] args = new Object[types.length];
    int fixed = m.isVarArgs() ? types.length - 1 : types.length;
    for (int i = 0; i < fixed; i++) {
      args[i] = coerce(values[i], types[i]);
    }
    if (m.isVarArgs()) { // nodeAffinity("zone", "In", "a", "b"): the trailing values as the array
      Class<?> item = types[fixed].getComponentType();
      Object array = Array.newInstance(item, values.length - fixed);
      for (int i = fixed; i < values.length; i++) {
        Array.set(array, i - fixed, coerce(values[i], item));
      }
      args[fixed] = array;
    }
    Recorder task = new Recorder();
    try {
      m.invoke(task, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof IllegalArgumentException iae) {
        throw iae;
      }
      throw new IllegalStateException("Task." + method.getSimpleName() + " failed", e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
    return task.settings();
  }

  private Method method(ExecutableElement method) throws NoSuchMethodException {
    String key = method.toString();
    Method m = methods.get(key);
    if (m == null) {
      List<? extends VariableElement> parameters = method.getParameters();
      Class<?>[] types = new Class<?>[parameters.size()];
      for (int i = 0; i < types.length; i++) {
        types[i] = type(parameters.get(i).asType());
      }
      m = Task.class.getMethod(method.getSimpleName().toString(), types);
      methods.put(key, m);
    }
    return m;
  }

  private static Class<?> type(TypeMirror type) throws NoSuchMethodException {
    switch (type.getKind()) {
      case INT:
        return int.class;
      case LONG:
        return long.class;
      case DOUBLE:
        return double.class;
      case FLOAT:
        return float.class;
      case BOOLEAN:
        return boolean.class;
      case SHORT:
        return short.class;
      case BYTE:
        return byte.class;
      case CHAR:
        return char.class;
      case ARRAY:
        return Array.newInstance(type(((ArrayType) type).getComponentType()), 0).getClass();
      case DECLARED:
        String name = ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString();
        try {
          return Class.forName(name, false, Task.class.getClassLoader());
        } catch (ClassNotFoundException e) {
          throw new NoSuchMethodException(name);
        }
      default:
        throw new NoSuchMethodException(type.toString());
    }
  }

  /** A constant as the parameter takes it: javac folds {@code 60} to an Integer for a {@code long}. */
  private static Object coerce(Object value, Class<?> type) {
    if (value instanceof Number n) {
      if (type == long.class) {
        return n.longValue();
      }
      if (type == int.class) {
        return n.intValue();
      }
      if (type == double.class) {
        return n.doubleValue();
      }
      if (type == float.class) {
        return n.floatValue();
      }
    }
    if (value instanceof Character c && type == String.class) {
      return c.toString();
    }
    return value;
  }
}
