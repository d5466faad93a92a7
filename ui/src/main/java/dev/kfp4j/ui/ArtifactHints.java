package dev.kfp4j.ui;

import dev.kfp4j.format.argo.OutputFiles;
import dev.kfp4j.yaml.Yaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;

/**
 * What the workflow a run ran says of its output artifacts, which the runner stores as {@code
 * outputs/<name>/data}: the file name the step wrote ({@code report.html}) and the KFP type its
 * component spec gives ({@code HTML}, {@code Markdown}, {@code Dataset}...), so the UI shows each as
 * what it is.
 */
final class ArtifactHints {
  private static final OutputFiles.OutputFile NONE = new OutputFiles.OutputFile(null, null);

  private final Map<String, Map<String, OutputFiles.OutputFile>> byTemplate;

  private ArtifactHints(Map<String, Map<String, OutputFiles.OutputFile>> byTemplate) {
    this.byTemplate = byTemplate;
  }

  /** The hints of the workflow in {@code runDir}; none when it has no copy of it. */
  static ArtifactHints of(Path runDir) {
    Optional<Path> file = RunsFolder.file(runDir, LocalUi.WORKFLOW_FILE);
    if (file.isEmpty()) {
      return new ArtifactHints(Map.of());
    }
    try {
      return new ArtifactHints(OutputFiles.of(Yaml.json().readTree(Files.readString(file.get()))));
    } catch (IOException | JacksonException e) {
      return new ArtifactHints(Map.of()); // no hints: shown by their content
    }
  }

  /** What the workflow says of output {@code artifact} of template {@code template}: its file name and type, each may be null. */
  OutputFiles.OutputFile of(String template, String artifact) {
    return byTemplate.getOrDefault(template, Map.of()).getOrDefault(artifact, NONE);
  }
}
