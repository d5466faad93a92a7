package dev.kfp4j.artifacts;

import java.nio.file.Path;
import java.util.Map;

/** An artifact holding an HTML page, which KFP's UI shows: KFP 2's {@code dsl.HTML} ({@code system.HTML}). */
public final class HTML extends Artifact {
  /** See {@link Artifact#Artifact(String, String, Path, Map)}. */
  public HTML(String name, String uri, Path path, Map<String, Object> metadata) {
    super(name, uri, path, metadata);
  }

  /** See {@link Artifact#Artifact(Path)}. */
  public HTML(Path path) {
    super(path);
  }

  @Override
  public String schemaTitle() {
    return "system.HTML";
  }
}
