package dev.kfp4j.artifacts;

import java.nio.file.Path;
import java.util.Map;

/** An artifact holding a trained model: KFP 2's {@code dsl.Model} ({@code system.Model}). */
public final class Model extends Artifact {
  /** See {@link Artifact#Artifact(String, String, Path, Map)}. */
  public Model(String name, String uri, Path path, Map<String, Object> metadata) {
    super(name, uri, path, metadata);
  }

  /** See {@link Artifact#Artifact(Path)}. */
  public Model(Path path) {
    super(path);
  }

  @Override
  public String schemaTitle() {
    return "system.Model";
  }
}
