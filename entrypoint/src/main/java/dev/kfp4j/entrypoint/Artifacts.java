package dev.kfp4j.entrypoint;

import dev.kfp4j.artifacts.Artifact;
import dev.kfp4j.artifacts.ClassificationMetrics;
import dev.kfp4j.artifacts.Dataset;
import dev.kfp4j.artifacts.HTML;
import dev.kfp4j.artifacts.Markdown;
import dev.kfp4j.artifacts.Metrics;
import dev.kfp4j.artifacts.Model;
import dev.kfp4j.artifacts.SlicedClassificationMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Makes the artifact objects a component takes, by plain constructor calls (no reflection), and
 * keeps an artifact's metadata in KFP v1, which has none: in a file beside the artifact, {@code
 * <path>.metadata.json}.
 */
final class Artifacts {
  /** The suffix of the file beside a KFP v1 artifact that holds its metadata. */
  static final String METADATA_SUFFIX = ".metadata.json";

  private Artifacts() {}

  /**
   * An artifact of the kind {@code schemaTitle} names when that kind is a {@code declared}
   * (an {@code Artifact} parameter given a {@code system.Metrics} gets a {@link Metrics}), else
   * of the kind declared, as KFP's executor falls back to the annotation.
   */
  @SuppressWarnings("unchecked")
  static <A extends Artifact> A make(
      Class<A> declared, String schemaTitle, String name, String uri, Path path, Map<String, Object> metadata) {
    Class<?> kind = kind(schemaTitle);
    Class<?> made = kind != null && declared.isAssignableFrom(kind) ? kind : declared;
    Artifact a;
    if (made == Dataset.class) {
      a = new Dataset(name, uri, path, metadata);
    } else if (made == Model.class) {
      a = new Model(name, uri, path, metadata);
    } else if (made == Metrics.class) {
      a = new Metrics(name, uri, path, metadata);
    } else if (made == ClassificationMetrics.class) {
      a = new ClassificationMetrics(name, uri, path, metadata);
    } else if (made == SlicedClassificationMetrics.class) {
      a = new SlicedClassificationMetrics(name, uri, path, metadata);
    } else if (made == HTML.class) {
      a = new HTML(name, uri, path, metadata);
    } else if (made == Markdown.class) {
      a = new Markdown(name, uri, path, metadata);
    } else if (made == Artifact.class) {
      a = new Artifact(name, uri, path, metadata);
    } else {
      throw new IllegalArgumentException("kfp4j makes no artifact of type " + declared.getName());
    }
    return (A) a;
  }

  private static Class<?> kind(String schemaTitle) {
    if (schemaTitle == null) {
      return null;
    }
    switch (schemaTitle) {
      case "system.Artifact":
        return Artifact.class;
      case "system.Dataset":
        return Dataset.class;
      case "system.Model":
        return Model.class;
      case "system.Metrics":
        return Metrics.class;
      case "system.ClassificationMetrics":
        return ClassificationMetrics.class;
      case "system.SlicedClassificationMetrics":
        return SlicedClassificationMetrics.class;
      case "system.HTML":
        return HTML.class;
      case "system.Markdown":
        return Markdown.class;
      default:
        return null;
    }
  }

  /** The {@code file:} URI of a local path, as KFP v1 artifacts have. */
  static String fileUri(Path path) {
    return path.toAbsolutePath().normalize().toUri().toString();
  }

  /** Where the metadata of the KFP v1 artifact at {@code path} is kept. */
  static Path metadataFile(Path path) {
    return path.resolveSibling(path.getFileName() + METADATA_SUFFIX);
  }

  /**
   * The metadata of the KFP v1 input artifact at {@code path}, read-only: what its producer wrote
   * beside it, or none.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> readMetadata(Path path, String where) {
    Path file = path.getFileName() == null ? null : metadataFile(path);
    if (file == null || !Files.isRegularFile(file)) {
      return Collections.emptyMap();
    }
    Object json;
    try {
      json = JsonText.parse(Files.readString(file) /* UTF-8 */);
    } catch (IOException | IllegalArgumentException e) {
      throw new UsageException(where + ": its metadata file " + file + " cannot be read: " + e.getMessage());
    }
    if (!(json instanceof Map)) {
      throw new UsageException(where + ": its metadata file " + file + " holds " + JsonBinder.describeValue(json)
          + ", not a JSON object");
    }
    return Collections.unmodifiableMap((Map<String, Object>) json);
  }

  /** An output's metadata as plain JSON values; in KFP 2, numbers only finite (protobuf's Struct holds no NaN). */
  static Object metadataJson(String output, Artifact artifact, boolean kfp2) {
    Object json;
    try {
      json = JsonTree.toJson(new LinkedHashMap<>(artifact.metadata()));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("the metadata of output artifact '" + output + "' has no JSON form: " + e.getMessage(), e);
    }
    if (kfp2) {
      Outputs.checkFinite(json, "the metadata of output artifact '" + output + "'", "");
    }
    return json;
  }
}
