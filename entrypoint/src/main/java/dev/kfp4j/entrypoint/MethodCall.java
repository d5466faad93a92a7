package dev.kfp4j.entrypoint;

import dev.kfp4j.artifacts.Artifact;
import dev.kfp4j.artifacts.MlpipelineMetrics;
import dev.kfp4j.artifacts.MlpipelineUiMetadata;
import dev.kfp4j.artifacts.PipelineTaskFinalStatus;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Calls a component's method for an {@link Invocation}: each argument read as its parameter's
 * type asks (from the method's generic parameter types, so {@code List<Integer>} is read as such),
 * then the returned value, or each component of a returned record, given to its output.
 *
 * <p>The method is found once, by its name and erased parameter types, and called through {@link
 * Method#invoke}: on JDK 17 its first calls go through a native accessor, which starts at once,
 * where a method handle would first spin classes of its own.
 */
final class MethodCall implements Entrypoint.Handler {
  private final Signature signature;
  private final Method method;
  private final Type[] types;

  /**
   * @throws ReflectiveOperationException when {@code owner} has no such method (or a parameter's
   *     class is missing): the entrypoint was not compiled with its component class
   */
  MethodCall(Class<?> owner, Table.Row row) throws ReflectiveOperationException {
    this.signature = row.signature();
    ClassLoader loader = owner.getClassLoader();
    Class<?>[] classes = new Class<?>[row.parameterTypes().length];
    for (int i = 0; i < classes.length; i++) {
      classes[i] = classNamed(row.parameterTypes()[i], loader);
    }
    this.method = owner.getDeclaredMethod(row.method(), classes);
    method.trySetAccessible(); // a public method of a class that is not public; and Method.invoke checks no access then
    this.types = method.getGenericParameterTypes();
    if (types.length != signature.flags().size()) {
      throw new NoSuchMethodException(owner.getName() + "." + row.method() + " takes " + types.length
          + " parameters, the entrypoint's table gives " + signature.flags().size() + " inputs");
    }
  }

  private static Class<?> classNamed(String name, ClassLoader loader) throws ClassNotFoundException {
    switch (name) {
      case "int":
        return int.class;
      case "long":
        return long.class;
      case "float":
        return float.class;
      case "double":
        return double.class;
      case "boolean":
        return boolean.class;
      default:
        return Class.forName(name, false, loader);
    }
  }

  @Override
  public void call(Invocation in) throws Exception {
    List<Signature.Flag> flags = signature.flags();
    Object[] args = new Object[types.length];
    for (int i = 0; i < args.length; i++) {
      args[i] = argument(in, flags.get(i), types[i]);
    }
    Object result = invoke(method, null, args);
    Class<?> returned = method.getReturnType();
    if (returned == void.class) {
      return;
    }
    List<String> outputs = signature.outputs();
    if (!returned.isRecord()) {
      in.output(outputs.get(0), result);
      return;
    }
    Objects.requireNonNull(result, method.getName() + " returned null; return a " + typeName(method.getGenericReturnType()));
    for (String output : outputs) {
      Method accessor = returned.getDeclaredMethod(output);
      accessor.trySetAccessible();
      in.output(output, invoke(accessor, result, new Object[0]));
    }
  }

  /**
   * {@code method.invoke}, throwing what the method threw. (It catches {@code
   * ReflectiveOperationException}, which the JVM has loaded already, not {@code
   * InvocationTargetException}, whose class a catch of its own would load at every start.)
   */
  private static Object invoke(Method method, Object target, Object[] args) throws Exception {
    try {
      return method.invoke(target, args);
    } catch (ReflectiveOperationException e) {
      Throwable thrown = e instanceof InvocationTargetException ? e.getCause() : e;
      if (thrown instanceof Exception) {
        throw (Exception) thrown;
      }
      if (thrown instanceof Error) {
        throw (Error) thrown;
      }
      throw e;
    }
  }

  private static Object argument(Invocation in, Signature.Flag flag, Type type) {
    String name = flag.name();
    Class<?> cls = erasure(type);
    // ifs, not a switch on the enum: that would load a class of its own (and NoSuchFieldError) at every start
    Signature.Kind kind = flag.kind();
    if (kind == Signature.Kind.OUTPUT_PATH) {
      if (cls == MlpipelineMetrics.class) {
        // KFP 2 maps mlpipeline_metrics to its Metrics artifact; KFP 2's UI reads no mlpipeline_ui_metadata
        return in.mlpipelineMetrics(name);
      }
      if (cls == MlpipelineUiMetadata.class) {
        return new MlpipelineUiMetadata(in.outputPath(name));
      }
      return cls == String.class ? in.outputPath(name).toString() : in.outputPath(name);
    }
    if (kind == Signature.Kind.OUTPUT_ARTIFACT) {
      return in.outputArtifact(name, cls.asSubclass(Artifact.class));
    }
    if (cls != Optional.class) {
      return input(in, flag, cls, type);
    }
    if (!in.has(name)) {
      return Optional.empty();
    }
    Type inner = ((ParameterizedType) type).getActualTypeArguments()[0];
    return Optional.of(input(in, flag, erasure(inner), inner));
  }

  private static Object input(Invocation in, Signature.Flag flag, Class<?> cls, Type type) {
    String name = flag.name();
    if (flag.kind() == Signature.Kind.INPUT_PATH) {
      return cls == String.class ? in.pathString(name) : in.path(name);
    }
    if (flag.kind() == Signature.Kind.INPUT_ARTIFACT) {
      return in.artifact(name, cls.asSubclass(Artifact.class));
    }
    if (flag.kind() == Signature.Kind.INPUT_ARTIFACTS) {
      Type item = ((ParameterizedType) type).getActualTypeArguments()[0];
      return in.artifacts(name, erasure(item).asSubclass(Artifact.class));
    }
    return value(in, name, cls, type);
  }

  /** A value input, read as its Java type's kind: as the processor's type table maps it. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object value(Invocation in, String name, Class<?> cls, Type type) {
    if (cls == String.class) {
      return in.string(name);
    }
    if (cls == int.class || cls == Integer.class) {
      return in.intValue(name);
    }
    if (cls == long.class || cls == Long.class) {
      return in.longValue(name);
    }
    if (cls == double.class || cls == Double.class) {
      return in.doubleValue(name);
    }
    if (cls == float.class || cls == Float.class) {
      return in.floatValue(name);
    }
    if (cls == boolean.class || cls == Boolean.class) {
      return in.booleanValue(name);
    }
    if (cls.isEnum()) {
      return in.enumValue(name, (Class) cls);
    }
    if (TextTypes.isText(cls)) {
      return in.text(name, cls);
    }
    if (cls == PipelineTaskFinalStatus.class) {
      return in.finalStatus(name);
    }
    if (cls == dev.kfp4j.artifacts.TaskConfig.class) {
      return in.taskConfig(name);
    }
    return in.json(name, type);
  }

  private static Class<?> erasure(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    return Object.class;
  }

  /** As the Java source names the type: {@code com.example.Trainer.Stats}. */
  private static String typeName(Type type) {
    return type instanceof Class<?> c && c.getCanonicalName() != null ? c.getCanonicalName() : type.getTypeName();
  }
}
