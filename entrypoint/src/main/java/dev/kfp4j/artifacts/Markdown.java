package dev.kfp4j.artifacts;

import java.nio.file.Path;
import java.util.Map;

/** An artifact holding a Markdown document, which KFP's UI shows: KFP 2's {@code dsl.Markdown} ({@code system.Markdown}). */
public final class Markdown extends Artifact {
  /** See {@link Artifact#Artifact(String, String, Path, Map)}. */
  public Markdown(String name, String uri, Path path, Map<String, Object> metadata) {
    super(name, uri, path, metadata);
  }

  /** See {@link Artifact#Artifact(Path)}. */
  public Markdown(Path path) {
    super(path);
  }

  @Override
  public String schemaTitle() {
    return "system.Markdown";
  }
}
