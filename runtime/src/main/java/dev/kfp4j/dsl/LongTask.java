package dev.kfp4j.dsl;

/**
 * The task of a component whose one output, {@code Output}, is a {@code long}. A primitive
 * accessor keeps pipeline bodies free of casts and unboxing, so long chains stay within the JVM's
 * method size.
 */
public final class LongTask extends Task<LongTask> {
  /** For generated ops: a task of {@code component} given each input's name and value, in turn. */
  public LongTask(String component, Object[] namesAndValues) {
    super(component, namesAndValues);
  }

  /** The component's output, {@code Output}: the value the method returned. */
  @Op.Output("Output")
  public long output() {
    return Task.<Long>output(component(), "Output");
  }
}
