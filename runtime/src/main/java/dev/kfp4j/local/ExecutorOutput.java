package dev.kfp4j.local;

import dev.kfp4j.yaml.Yaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The executor output of a component run with KFP 2's executor protocol, read as KFP's launcher
 * reads it: a value it gives there and not in its output file is its value; an artifact it lists
 * but wrote no file for (metrics are metadata only) is an empty file, as the launcher uploads it.
 */
final class ExecutorOutput {
  /** The name the executor output has in a cache entry (no output can be named so). */
  static final String CACHED_AS = ".executor-output";

  private ExecutorOutput() {}

  /** Completes {@code step}'s outputs from its executor output, when it wrote one. */
  static void complete(Step step) {
    Path file = step.executorOutput();
    if (!Files.isRegularFile(file)) {
      return;
    }
    JsonNode out;
    try {
      out = Yaml.readJson(Files.readString(file));
    } catch (IOException | JacksonException e) {
      throw new WorkflowException("its executor output " + file + " is not JSON: " + e.getMessage());
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
        if (out.path("artifacts").has(e.getKey()) && !Files.exists(e.getValue())) {
          Files.createDirectories(e.getValue().getParent());
          Files.createFile(e.getValue());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot complete the outputs from " + file, e);
    }
  }
}
