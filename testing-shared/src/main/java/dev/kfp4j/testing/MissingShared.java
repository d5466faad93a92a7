package dev.kfp4j.testing;

import java.nio.file.Path;
import java.util.List;
import org.opentest4j.TestAbortedException;

/** A test stopped, as skipped, because it needs the reference folder {@code ../shared}, which is not there. */
public final class MissingShared extends TestAbortedException {
  private static final long serialVersionUID = 1L;

  private final List<String> needs;

  MissingShared(List<String> needs, Path location) {
    super("needs " + String.join(" and ", needs) + " from " + location + ", which is not there; point at the folder with -D"
        + Shared.PROPERTY + "=DIR");
    this.needs = List.copyOf(needs);
  }

  /** What the test needed from the folder, such as {@link Shared#ARGO_SCHEMAS}, each once. */
  public List<String> needs() {
    return needs;
  }
}
