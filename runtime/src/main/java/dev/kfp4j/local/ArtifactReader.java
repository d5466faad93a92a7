package dev.kfp4j.local;

import dev.kfp4j.yaml.Yaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a finished step's outputs say beyond their files: each artifact's type, URI and metadata
 * (from the KFP 2 executor output, or the {@code .metadata.json} file a KFP v1 Java component
 * writes beside it), the scalar metrics it logged and the visualizations KFP's UI would show.
 */
final class ArtifactReader {
  /** KFP 2's schema titles of metrics artifacts. */
  static final String METRICS = "system.Metrics";
  static final String CLASSIFICATION_METRICS = "system.ClassificationMetrics";
  static final String SLICED_CLASSIFICATION_METRICS = "system.SlicedClassificationMetrics";
  /** Beside a KFP v1 artifact: its metadata, as kfp4j's entrypoints write it. */
  private static final String METADATA_SUFFIX = ".metadata.json";
  private static final Pattern NOT_A_LETTER = Pattern.compile("[^a-z]");

  /** The details of a step's outputs. */
  record Details(Map<String, OutputArtifact> artifacts, Map<String, Double> metrics, List<JsonNode> visualizations) {}

  /** KFP's artifact types, which KFP v1 names without {@code system.}. */
  private static final java.util.Set<String> KFP_TYPES = java.util.Set.of(
      "Artifact", "Dataset", "Model", "Metrics", "ClassificationMetrics", "SlicedClassificationMetrics", "HTML", "Markdown");

  private ArtifactReader() {}

  /**
   * The schema title of an artifact typed {@code type}: a KFP 2 title as it is (Google Cloud's {@code google.VertexModel} too), one of KFP's
   * types named as KFP v1 names them ({@code Model}) with {@code system.}, anything else {@code system.Artifact}.
   */
  static String schemaTitle(String type) {
    if (type == null) {
      return "system.Artifact";
    }
    if (dev.kfp4j.spec.TypeSpec.named(type).isSchemaTitle()) {
      return dev.kfp4j.spec.TypeSpec.withoutVersion(type);  // google.VertexModel@0.0.0: its title
    }
    return KFP_TYPES.contains(type) ? "system." + type : "system.Artifact";
  }

  /** Reads the details of {@code step}'s outputs, which it wrote; what cannot be read is left out. */
  static Details read(Step step) {
    JsonNode executorOutput = step.executorOutput() == null ? null : json(step.executorOutput());
    Map<String, OutputArtifact> artifacts = new LinkedHashMap<>();
    Map<String, Double> metrics = new LinkedHashMap<>();
    List<JsonNode> visualizations = new ArrayList<>();
    for (Map.Entry<String, Path> e : step.artifactFiles().entrySet()) {
      String name = e.getKey();
      Path path = e.getValue();
      JsonNode metadata = executorOutput != null
          ? executorOutput.path("artifacts").path(name).path("artifacts").path(0).path("metadata")
          : json(path.resolveSibling(path.getFileName() + METADATA_SUFFIX));
      String type = step.artifactTypes().getOrDefault(name, "system.Artifact");
      artifacts.put(name, new OutputArtifact(type, path, uri(path), plain(metadata)));
      if (type.equals(METRICS) && metadata != null) {
        metadata.properties().forEach(m -> {
          if (m.getValue().isNumber()) {
            metrics.put(m.getKey(), m.getValue().asDouble());
          }
        });
      } else if ((type.equals(CLASSIFICATION_METRICS) || type.equals(SLICED_CLASSIFICATION_METRICS)) && metadata != null
          && metadata.isObject()) {
        ObjectNode v = Yaml.object();
        v.put("type", type);
        v.put("name", name);
        v.setAll((ObjectNode) metadata);
        visualizations.add(v);
      }
    }
    Map<String, Path> all = new LinkedHashMap<>(step.parameterFiles());
    all.putAll(step.artifactFiles());
    for (Map.Entry<String, Path> e : all.entrySet()) {
      String kind = kfpV1Kind(e.getKey());
      if (kind.equals("metrics")) {
        JsonNode json = json(e.getValue());
        if (json != null) {
          for (JsonNode m : json.path("metrics")) {
            if (m.path("numberValue").isNumber() && m.path("name").isString()) {
              metrics.put(m.get("name").asString(), m.get("numberValue").asDouble());
            }
          }
        }
      } else if (kind.equals("ui-metadata")) {
        JsonNode json = json(e.getValue());
        if (json != null) {
          json.path("outputs").forEach(visualizations::add);
        }
      }
    }
    return new Details(artifacts, metrics, visualizations);
  }

  /**
   * Which of KFP v1's UI outputs {@code output} is: {@code metrics} for {@code mlpipeline-metrics},
   * {@code ui-metadata} for {@code mlpipeline-ui-metadata} (spelled in any case, with or without
   * separators, as {@code mlpipelineMetrics}), else empty.
   */
  static String kfpV1Kind(String output) {
    String plain = NOT_A_LETTER.matcher(output.toLowerCase(Locale.ROOT)).replaceAll("");
    return plain.equals("mlpipelinemetrics") ? "metrics" : plain.equals("mlpipelineuimetadata") ? "ui-metadata" : "";
  }

  /** An artifact's URI on this machine: its absolute path, as kfp.local gives it and TaskSteps puts in the executor input. */
  static String uri(Path path) {
    return path.toAbsolutePath().normalize().toString();
  }

  /** The details as a run record keeps them (paths relative to {@code runDir}), read back. */
  static Details fromRecord(JsonNode task, Path runDir) {
    Map<String, OutputArtifact> artifacts = new LinkedHashMap<>();
    task.path("artifacts").properties().forEach(e -> {
      JsonNode a = e.getValue();
      if (a.isObject()) {
        Path path = runDir.resolve(a.path("path").asString(""));
        artifacts.put(e.getKey(), new OutputArtifact(a.path("type").asString("system.Artifact"), path,
            a.path("uri").asString(uri(path)), plain(a.path("metadata"))));
      }
    });
    Map<String, Double> metrics = new LinkedHashMap<>();
    task.path("metrics").properties().forEach(e -> metrics.put(e.getKey(), e.getValue().asDouble()));
    List<JsonNode> visualizations = new ArrayList<>();
    task.path("visualizations").forEach(visualizations::add);
    return new Details(artifacts, metrics, visualizations);
  }

  /** A JSON object's members as plain values (maps, lists, strings, numbers, booleans), or none. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> plain(JsonNode metadata) {
    if (metadata == null || !metadata.isObject()) {
      return Map.of();
    }
    return (Map<String, Object>) Yaml.toPlain(metadata);
  }

  /** The JSON in {@code file}, or null when there is none or it is not JSON. */
  private static JsonNode json(Path file) {
    if (file == null || !Files.isRegularFile(file)) {
      return null;
    }
    try {
      return Yaml.readJson(Files.readString(file));
    } catch (IOException | JacksonException e) {
      return null;
    }
  }
}
