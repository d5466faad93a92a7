package dev.kfp4j.dsl;

/**
 * The task of a component with one output, {@code Output}: what generated ops return for a method
 * that returns a single value. One shared class keeps generated code small.
 *
 * @param <T> the output's Java type
 */
public final class ValueTask<T> extends Task<ValueTask<T>> {
  /** For generated ops: a task of {@code component} given each input's name and value, in turn. */
  public ValueTask(String component, Object[] namesAndValues) {
    super(component, namesAndValues);
  }

  /** The component's output, {@code Output}: the value the method returned. */
  @Op.Output("Output")
  public T output() {
    return output(component(), "Output");
  }
}
