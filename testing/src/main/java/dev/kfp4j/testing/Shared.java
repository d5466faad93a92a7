package dev.kfp4j.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared folder beside the checkout: schemas and real artifacts written by other tools. */
public final class Shared {
  private Shared() {}

  /** {@code ../shared}, from the system property {@code kfp4j.shared} that the build sets. */
  public static Path root() {
    String property = System.getProperty("kfp4j.shared");
    Path root = property != null ? Path.of(property) : Path.of("..", "..", "shared");
    if (!Files.isDirectory(root)) {
      throw new IllegalStateException("shared folder not found at " + root.toAbsolutePath() + "; set -Dkfp4j.shared");
    }
    return root;
  }

  public static Path testdata(String relative) {
    return root().resolve("testdata").resolve(relative);
  }
}
