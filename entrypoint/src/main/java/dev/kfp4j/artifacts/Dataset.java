package dev.kfp4j.artifacts;

import java.nio.file.Path;
import java.util.Map;

/** An artifact holding a dataset, such as a table of training data: KFP 2's {@code dsl.Dataset} ({@code system.Dataset}). */
public final class Dataset extends Artifact {
  /** See {@link Artifact#Artifact(String, String, Path, Map)}. */
  public Dataset(String name, String uri, Path path, Map<String, Object> metadata) {
    super(name, uri, path, metadata);
  }

  /** See {@link Artifact#Artifact(Path)}. */
  public Dataset(Path path) {
    super(path);
  }

  @Override
  public String schemaTitle() {
    return "system.Dataset";
  }
}
