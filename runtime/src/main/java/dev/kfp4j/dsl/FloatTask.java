package dev.kfp4j.dsl;

/**
 * The task of a component whose one output, {@code Output}, is a {@code float}. A primitive
 * accessor keeps pipeline bodies free of casts and unboxing, so long chains stay within the JVM's
 * method size.
 */
public final class FloatTask extends Task<FloatTask> {
  /** For generated ops: a task of {@code component} given each input's name and value, in turn. */
  public FloatTask(String component, Object[] namesAndValues) {
    super(component, namesAndValues);
  }

  /** The component's output, {@code Output}: the value the method returned. */
  @Op.Output("Output")
  public float output() {
    return Task.<Float>output(component(), "Output");
  }
}
