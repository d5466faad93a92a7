package dev.kfp4j.local;

import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Channels;
import dev.kfp4j.model.ImporterStep;
import dev.kfp4j.model.RunSetting;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.spec.ContainerSpec;
import dev.kfp4j.yaml.Yaml;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An importer of the pipeline model as a {@link Step}: a local file or folder ({@code
 * file:///abs/path}, or an absolute path) copied into the task's output artifact by {@link
 * ImportArtifact}, with the importer's metadata, so that its consumers read a copy and the
 * source is never written to. The source is the step's input file, so a changed source runs the
 * import again rather than reuse the cache. A remote URI ({@code gs://}, {@code s3://}, {@code
 * minio://}, {@code https://}, ...) or a missing file fails the task with one line saying what to
 * do. {@code reimport} changes nothing here: each run makes its own copy.
 */
final class ImportSteps {
  private static final String MAIN = ImportArtifact.class.getName();
  private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):.*", Pattern.DOTALL);
  private ImportSteps() {}

  /**
   * The step of importer {@code s}, whose URI is {@code uri} and metadata inputs {@code values}
   * (by input name), as task {@code id} in folder {@code dir}, its Java run in {@code mode}.
   */
  static Step step(ImporterStep s, String uri, Map<String, String> values, TaskId id, Path dir, LocalRunner.JavaMode mode) {
    Path source = source(s, uri);
    if (!Files.exists(source)) {
      throw new WorkflowException("importer '" + s.name() + "': nothing to import: no file or folder at " + source
          + (uri.equals(source.toString()) ? "" : " (URI " + uri + ")"));
    }
    String metadata = Yaml.jsonText(resolve(s.metadataJson(), values));
    Path output = RunPaths.inside(dir, "outputs", ImporterStep.OUTPUT, "data");
    Path executorOutput = RunPaths.inside(dir, "outputs", "executor_output.json");
    List<String> command = List.of("java", "-cp", ContainerSpec.IMAGE_CLASSPATH, MAIN, uri,
        "/tmp/outputs/" + ImporterStep.OUTPUT + "/data", "/tmp/outputs/executor_output.json", metadata);
    List<String> localCommand = List.of("java", "-cp", ContainerSpec.IMAGE_CLASSPATH, MAIN, source.toString(), output.toString(),
        executorOutput.toString(), metadata);
    boolean caching = true;
    String cacheKey = null;
    for (TaskSetting t : s.settings()) {
      if (t instanceof RunSetting.Caching c) {
        caching = c.enabled();
      } else if (t instanceof RunSetting.CacheKey k) {
        cacheKey = k.key();
      }
    }
    RetryPolicy retry = RetryPolicy.of(s.settings(), "importer '" + s.name() + "'");
    return new Step(id, s.name(), "importer", dir, "", command, localCommand, Map.of(), Map.of(), Map.of(ImporterStep.OUTPUT, output),
        Map.of(ImporterStep.URI, source), List.of(), retry, 0, caching, cacheKey, mode, Step.Mounts.NONE, Map.of(),
        Map.of(ImporterStep.OUTPUT, ArtifactReader.schemaTitle(s.artifactType())), executorOutput, Map.of(), Map.of(), Set.of(), "");
  }

  /** The local file or folder {@code uri} names; a remote URI, or a path that is not absolute, fails the task saying what to do. */
  static Path source(ImporterStep s, String uri) {
    String instead = s.uri() instanceof Argument.PipelineParameter p
        ? "run the pipeline on a cluster, or pass a local path (file:///abs/path or /abs/path) as pipeline parameter '" + p.name() + "'"
        : "run the pipeline on a cluster, or import a local path (file:///abs/path or /abs/path)";
    Matcher m = SCHEME.matcher(uri);
    boolean windowsDrive = uri.length() > 2 && uri.charAt(1) == ':' && Character.isLetter(uri.charAt(0));
    if (m.matches() && !windowsDrive) {
      if (!m.group(1).equalsIgnoreCase("file")) {
        throw new WorkflowException("importer '" + s.name() + "': the local runner reads only local files, and " + uri
            + " is remote (" + m.group(1) + "://); " + instead);
      }
      try {
        return Path.of(URI.create(uri));
      } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
        throw new WorkflowException("importer '" + s.name() + "': " + uri + " is not a file: URI of an absolute path (file:///abs/path): "
            + e.getMessage());
      }
    }
    Path path;
    try {
      path = Path.of(uri);
    } catch (java.nio.file.InvalidPathException e) {
      throw new WorkflowException("importer '" + s.name() + "': '" + uri + "' is no URI or path: " + e.getMessage());
    }
    if (!path.isAbsolute()) {
      throw new WorkflowException("importer '" + s.name() + "': '" + uri + "' is a relative path, which a cluster could not read "
          + "either; give an absolute path (file:///abs/path or /abs/path)");
    }
    return path;
  }

  /**
   * The metadata with each placeholder of a metadata input ({@code {{$.inputs.parameters['metadata']}}}, as KFP's SDK writes a
   * value of the run in an importer's metadata) replaced by its value, in keys and in texts.
   */
  private static JsonNode resolve(JsonNode node, Map<String, String> values) {
    if (node.isObject()) {
      ObjectNode out = Yaml.object();
      node.properties().forEach(e -> out.set(Channels.fill(e.getKey(), values), resolve(e.getValue(), values)));
      return out;
    }
    if (node.isArray()) {
      var out = Yaml.array();
      node.forEach(v -> out.add(resolve(v, values)));
      return out;
    }
    return node.isString() ? Yaml.nodes().stringNode(Channels.fill(node.asString(), values)) : node;
  }

}
