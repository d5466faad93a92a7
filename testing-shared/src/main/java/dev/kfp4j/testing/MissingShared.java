package dev.kfp4j.testing;

import java.nio.file.Path;
import org.opentest4j.TestAbortedException;

/** A test stopped, as skipped, because it needs the reference folder {@code ../shared}, which is not there. */
public final class MissingShared extends TestAbortedException {
  private static final long serialVersionUID = 1L;

  private final String what;

  MissingShared(String what, Path location) {
    super("needs " + what + " from " + location + ", which is not there; point at the folder with -D" + Shared.PROPERTY + "=DIR");
    this.what = what;
  }

  /** What the test needed from the folder, such as "Argo's Workflow schemas". */
  public String what() {
    return what;
  }
}
