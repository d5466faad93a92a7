package dev.kfp4j.dsl;

import java.util.Map;

/** The task of a component without outputs: what generated ops return for a {@code void} method. */
public final class VoidTask extends Task<VoidTask> {
  /** For generated ops: a task of {@code component} with these arguments. */
  public VoidTask(String component, Map<String, Object> arguments) {
    super(component, arguments);
  }
}
