package dev.kfp4j.local;

import dev.kfp4j.entrypoint.FileErrors;
import dev.kfp4j.entrypoint.FileTrees;
import dev.kfp4j.entrypoint.LocalPaths;
import dev.kfp4j.yaml.Yaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The executor output of a component run with KFP 2's executor protocol, read as KFP's launcher
 * reads it: a value it gives there and not in its output file is its value; an artifact it says it
 * wrote elsewhere ({@code customPath}, as KFP's Python executor writes {@code custom_path} for an
 * artifact given {@code set_path}), or at another URI (its {@code artifact.path = ...}), is copied from there, as the
 * launcher uploads it from there ({@code retrieveArtifactPath}); an artifact it lists but wrote no file for (metrics are metadata
 * only) is an empty file, as the launcher uploads it.
 */
final class ExecutorOutput {
  /** The name the executor output has in a cache entry (no output can be named so). */
  static final String CACHED_AS = ".executor-output";

  private ExecutorOutput() {}

  /**
   * Completes {@code step}'s outputs from its executor output, when it wrote one; {@code containers}: it ran in a
   * container, whose paths are here only where a volume or an output is mounted.
   */
  static void complete(Step step, boolean containers) {
    Path file = step.executorOutput();
    if (!Files.isRegularFile(file)) {
      return;
    }
    JsonNode out;
    try {
      out = Yaml.readJson(Files.readString(file));
    } catch (JacksonException e) {
      throw new WorkflowException("its executor output " + file + " is not JSON: " + e.getMessage());
    } catch (IOException e) {
      throw new WorkflowException("cannot read its executor output " + file + ": " + FileErrors.why(file, e));
    }
    try {
      for (Map.Entry<String, Path> e : step.parameterFiles().entrySet()) {
        JsonNode value = out.path("parameterValues").get(e.getKey());
        if (value != null && !Files.exists(e.getValue())) {
          Files.createDirectories(e.getValue().getParent());
          Files.writeString(e.getValue(), value.isString() ? value.asString() : Yaml.pyJson(value));
        }
      }
      for (Map.Entry<String, Path> e : step.artifactFiles().entrySet()) {
        JsonNode artifact = out.path("artifacts").path(e.getKey()).path("artifacts").path(0);
        String custom = artifact.path("customPath").asString(artifact.path("custom_path").asString(""));
        String moved = placeHere(artifact.path("uri").asString(""));
        if (!custom.isEmpty()) {
          fromPlace(step, e.getKey(), "customPath", custom, e.getValue(), containers);
        } else if (moved != null) { // an artifact.path = ... of KFP's Python SDK gives it another URI
          fromPlace(step, e.getKey(), "uri", moved, e.getValue(), containers);
        }
        if (out.path("artifacts").has(e.getKey()) && !Files.exists(e.getValue())) {
          Files.createDirectories(e.getValue().getParent());
          Files.createFile(e.getValue());
        }
      }
    } catch (IOException e) { // said now: the task's outputs, a file in the way among them, are deleted as it fails
      throw new WorkflowException("cannot complete the outputs from " + file + ": " + FileErrors.why(e));
    }
  }

  /**
   * Puts what the task wrote at {@code place} in place of its output artifact {@code name}, as KFP's launcher uploads an
   * artifact from its custom path ({@code field} {@code customPath}), or from the local path of the URI the executor output
   * gives it ({@code uri}), when that is not the artifact's own path: whatever the task wrote at its own path is replaced.
   * A place the task did not write leaves the artifact as it is (the launcher warns and uploads nothing); one inside a
   * container that no mount brings here fails the task, as what it holds is gone.
   */
  private static void fromPlace(Step step, String name, String field, String place, Path artifact, boolean containers)
      throws IOException {
    String puts = "its executor output puts output artifact '" + name + "' at " + field;
    Path source;
    if (containers) {
      Map<String, Path> mounts = new java.util.LinkedHashMap<>(step.mounts().volumes());
      mounts.putAll(step.mounts().outputs());
      Path here = ContainerPaths.hereOf(place, mounts, puts);
      if (here == null) {
        throw new WorkflowException(puts + " " + place + ", a path inside its container that no volume brings to this machine; "
            + "write the artifact to its path, or to a path under a mounted volume");
      }
      source = here;
    } else {
      source = Path.of(place);
    }
    if (!source.isAbsolute()) {
      throw new WorkflowException(puts + " '" + place + "', which is not an absolute path");
    }
    if (!Files.exists(source) || source.toAbsolutePath().normalize().equals(artifact.toAbsolutePath().normalize())) {
      return;
    }
    RunPaths.deleteTree(step.dir(), artifact);
    FileTrees.copy(source, artifact);
  }

  /**
   * The place on this machine of an artifact's URI, where the runner gives URIs as absolute paths (as kfp.local does): a path
   * ({@code /...}) or a {@code file:} URI, read as the entrypoint reads it ({@link LocalPaths}); null for an empty URI or any
   * other: a {@code gs://}, {@code s3://} or {@code minio://} URI is a mount of KFP's launcher in a cluster's pod, stored
   * nowhere here, and a relative path is no place the runner gave. A {@code file:} URI with a host, or of a relative path,
   * has no path either.
   */
  static String placeHere(String uri) {
    return uri.startsWith("/") || uri.startsWith("file:") ? LocalPaths.of(uri, null, Map.of()) : null;
  }
}
