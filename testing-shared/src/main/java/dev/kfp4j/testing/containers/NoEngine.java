package dev.kfp4j.testing.containers;

import org.opentest4j.TestAbortedException;

/** A test stopped, as skipped, because it runs containers and no container engine can run one here. */
public final class NoEngine extends TestAbortedException {
  private static final long serialVersionUID = 1L;

  private final String why;

  NoEngine(String why) {
    super("runs containers, but " + why);
    this.why = why;
  }

  /** Why no engine can run a container, such as "neither docker nor podman is on the PATH". */
  public String why() {
    return why;
  }
}
