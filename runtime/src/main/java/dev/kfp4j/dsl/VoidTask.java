package dev.kfp4j.dsl;

/** The task of a component without outputs: what generated ops return for a {@code void} method. */
public final class VoidTask extends Task<VoidTask> {
  /** For generated ops: a task of {@code component} given each input's name and value, in turn. */
  public VoidTask(String component, Object[] namesAndValues) {
    super(component, namesAndValues);
  }
}
