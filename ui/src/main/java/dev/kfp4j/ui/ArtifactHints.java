package dev.kfp4j.ui;

import dev.kfp4j.yaml.Yaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * What the workflow a run ran says of its output artifacts, which the runner stores as {@code
 * outputs/<name>/data}: the file name the step wrote ({@code report.html}) and the KFP type its
 * component spec gives ({@code HTML}, {@code Markdown}, {@code Dataset}...), so the UI shows each as
 * what it is.
 */
final class ArtifactHints {
  /** A template's output artifact: its file name in the container, and its KFP type, each may be null. */
  record Hint(String fileName, String type) {}

  private final Map<String, Map<String, Hint>> byTemplate = new HashMap<>();

  /** The hints of the workflow in {@code runDir}; none when it has no copy of it. */
  static ArtifactHints of(Path runDir) {
    ArtifactHints hints = new ArtifactHints();
    Path file = runDir.resolve(LocalUi.WORKFLOW_FILE);
    if (!Files.isRegularFile(file)) {
      return hints;
    }
    try {
      JsonNode workflow = Yaml.json().readTree(Files.readString(file));
      for (JsonNode t : workflow.path("spec").path("templates")) {
        Map<String, String> types = new HashMap<>();
        String spec = t.path("metadata").path("annotations").path("pipelines.kubeflow.org/component_spec").asString("");
        if (!spec.isEmpty()) {
          for (JsonNode o : Yaml.json().readTree(spec).path("outputs")) {
            if (o.path("type").isString()) {
              types.put(o.path("name").asString(""), o.path("type").asString());
            }
          }
        }
        Map<String, Hint> outputs = new HashMap<>();
        for (JsonNode a : t.path("outputs").path("artifacts")) {
          String name = a.path("name").asString("");
          String path = a.path("path").asString("");
          String fileName = path.substring(path.lastIndexOf('/') + 1);
          outputs.put(name, new Hint(fileName.isEmpty() ? null : fileName, types.get(name)));
        }
        hints.byTemplate.put(t.path("name").asString(""), outputs);
      }
    } catch (IOException | JacksonException e) {
      // no hints: shown by their content
    }
    return hints;
  }

  Hint of(String template, String artifact) {
    return byTemplate.getOrDefault(template, Map.of()).getOrDefault(artifact, new Hint(null, null));
  }
}
