package dev.kfp4j.artifacts;

import dev.kfp4j.entrypoint.PyJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A JSON file KFP v1's UI reads ({@link MlpipelineMetrics}, {@link MlpipelineUiMetadata}), written
 * whole each time it changes, so a component that fails half-way still leaves valid JSON.
 */
public abstract sealed class V1UiFile permits MlpipelineMetrics, MlpipelineUiMetadata {
  private final Path path;

  V1UiFile(Path path) {
    this.path = Objects.requireNonNull(path, "path");
  }

  /** The file it is written to. */
  public final Path path() {
    return path;
  }

  /** What the file holds, in KFP v1's shape. */
  abstract Object json();

  final void write() {
    try {
      Files.writeString(path, PyJson.dumps(json()) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
    }
  }
}
