package dev.kfp4j.artifacts;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An artifact: data a component reads or writes as a file or a folder, with a name, a URI and
 * metadata, as KFP 2's {@code dsl.Artifact} ({@code system.Artifact}). Use it for data that fits
 * none of the more specific kinds ({@link Dataset}, {@link Model}, {@link Metrics}, {@link
 * ClassificationMetrics}, {@link SlicedClassificationMetrics}, {@link HTML}, {@link Markdown}).
 *
 * <p>As a parameter of a {@code @Component} method it is an input: read {@link #path()}. Annotated
 * {@code @Out} it is an output: write {@link #path()} (its parent folders exist) and put what
 * describes it in {@link #metadata()}; KFP 2 records the metadata with the artifact and shows it in
 * its UI. The path of an output is a staging place beside the artifact's own: the entrypoint moves
 * what the method wrote into place once the method returned, so a failed method leaves nothing
 * half-written. Where a library insists on writing to a place of its own, {@link
 * #setCustomPath(Path)} makes that place the artifact's, as KFP's Python {@code set_path} does.
 */
public class Artifact {
  /** The version of the {@code system.*} schemas, as KFP writes it. */
  public static final String SCHEMA_VERSION = "0.0.1";

  private final String name;
  private final String uri;
  private final Path path;
  private final Map<String, Object> metadata;
  private Path customPath;

  /**
   * An artifact as the entrypoint makes it.
   *
   * @param name its name (KFP's artifact name; in KFP v1, the input or output name)
   * @param uri where it is stored, such as {@code minio://mlpipeline/v2/artifacts/...} or {@code
   *     file:///tmp/outputs/model/data}
   * @param path the local file or folder that holds it, or null when its URI has none
   * @param metadata its metadata, used as given: a mutable map for an output, an unmodifiable one
   *     for an input; null for a new, empty, mutable map
   */
  public Artifact(String name, String uri, Path path, Map<String, Object> metadata) {
    this.name = Objects.requireNonNull(name, "name");
    this.uri = Objects.requireNonNull(uri, "uri");
    this.path = path;
    this.metadata = metadata == null ? new LinkedHashMap<>() : metadata;
  }

  /**
   * An artifact at a local path, as a test of a component makes one: named after the file, its
   * URI the path's {@code file:} URI, with empty mutable metadata.
   */
  public Artifact(Path path) {
    this(fileName(path), path.toAbsolutePath().toUri().toString(), path, null);
  }

  private static String fileName(Path path) {
    Path name = path.getFileName();
    return name == null ? path.toString() : name.toString();
  }

  /** Its name. */
  public final String name() {
    return name;
  }

  /** Where it is stored: a remote URI in KFP 2 ({@code gs://}, {@code s3://}, {@code minio://}...), a {@code file:} URI in KFP v1. */
  public final String uri() {
    return uri;
  }

  /**
   * The local file or folder to read (an input) or write (an output): its {@linkplain
   * #setCustomPath(Path) custom path} when it has one. KFP 2 mounts {@code gs://},
   * {@code s3://}, {@code minio://} and {@code oci://} URIs at {@code /gcs/}, {@code /s3/}, {@code
   * /minio/} and {@code /oci/}.
   *
   * @throws IllegalStateException when the artifact has no local path (its URI is of another
   *     scheme, such as {@code https:}); read it from {@link #uri()} then
   */
  public final Path path() {
    if (customPath != null) {
      return customPath;
    }
    if (path == null) {
      throw new IllegalStateException(schemaTitle() + " '" + name + "' at " + uri
          + " has no local path: KFP 2 mounts gs://, s3://, minio:// and oci:// URIs only; read it from uri()");
    }
    return path;
  }

  /**
   * Makes {@code path} (made absolute) the place of this output artifact, as KFP's Python {@code
   * artifact.set_path(path)} does: {@link #path()} returns it from now on, the method writes the
   * file or folder there itself (the entrypoint makes no folder there, and moves nothing), and
   * once the method returned the entrypoint reports it in KFP 2's executor output ({@code
   * custom_path}), from where KFP's launcher uploads the artifact to its URI. In KFP v1 the
   * entrypoint copies what is there to the artifact's output file, which Argo collects. Written
   * at {@link #path()} before too, the output fails the task: the method wrote two places for one
   * artifact. On an input it only changes what {@link #path()} returns, as in KFP's Python SDK.
   *
   * @param path the local file or folder the method writes the artifact to; null to go back to the artifact's own place
   */
  public final void setCustomPath(Path path) {
    customPath = path == null ? null : path.toAbsolutePath().normalize();
  }

  /** The path {@link #setCustomPath(Path)} gave, absolute; null when it has none. */
  public final Path customPath() {
    return customPath;
  }

  /**
   * Its metadata: JSON values (strings, numbers, booleans, lists, maps, or records and beans, as
   * JSON objects). An output's is mutable, and is written with it; an input's is what its
   * producer wrote, and read-only.
   */
  public final Map<String, Object> metadata() {
    return metadata;
  }

  /** KFP's schema title of this kind of artifact: {@code system.Artifact}. */
  public String schemaTitle() {
    return "system.Artifact";
  }

  /** The schema version, {@value #SCHEMA_VERSION}. */
  public final String schemaVersion() {
    return SCHEMA_VERSION;
  }

  @Override
  public String toString() {
    return schemaTitle() + " '" + name + "' at " + uri;
  }
}
