package dev.kfp4j.local;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * An output artifact of a task run locally: its type (KFP's schema title, such as {@code
 * system.Model}; {@code system.Artifact} when the pipeline does not say), the file or folder it is
 * in, its URI as the task was given it, and the metadata the task logged for it (JSON values).
 */
public record OutputArtifact(String type, Path path, String uri, Map<String, Object> metadata) {
  public OutputArtifact {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(uri, "uri");
    metadata = metadata == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
  }
}
