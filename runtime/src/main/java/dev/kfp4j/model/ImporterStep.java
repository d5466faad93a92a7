package dev.kfp4j.model;

import dev.kfp4j.yaml.Yaml;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An artifact that exists already, brought into the run as KFP 2's {@code dsl.importer} brings
 * it: the artifact at {@link #uri()} (a constant or a value of the run, such as a pipeline
 * parameter), of type {@code artifactType} (a schema title, {@code system.Dataset}, with its version when not 0.0.1:
 * {@code google.VertexDataset@0.0.0}), imported
 * again even when the same URI was imported before when {@code reimport}, with {@code metadata}
 * (a JSON object's text, or null for none). Its one output is {@link #OUTPUT}.
 *
 * <p>Its arguments are {@code uri} and, when the metadata names values of the run (as KFP's SDK
 * writes {@code metadata={'name': name}}: {@code {{$.inputs.parameters['metadata']}}} in the
 * metadata), those values, by the input names the metadata's placeholders use. {@code
 * downloadToWorkspace} is KFP's {@code download_to_workspace}: the artifact is also copied into
 * the run's workspace.
 */
public record ImporterStep(
    String name,
    Map<String, Argument> arguments,
    String artifactType,
    boolean reimport,
    String metadata,
    boolean downloadToWorkspace,
    List<String> after,
    List<TaskSetting> settings)
    implements Step {
  /** The name of its output, as KFP's ({@code importer_node.OUTPUT_KEY}). */
  public static final String OUTPUT = "artifact";
  /** The name of its input holding the URI, as KFP's ({@code importer_node.URI_KEY}). */
  public static final String URI = "uri";
  private static final Pattern SCHEMA_TITLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)+(@[0-9][0-9A-Za-z.+-]*)?");

  public ImporterStep {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(artifactType, "artifactType");
    arguments = Models.copy(arguments);
    if (!arguments.containsKey(URI)) {
      throw new IllegalArgumentException("importer '" + name + "' has no argument '" + URI + "'");
    }
    if (!SCHEMA_TITLE.matcher(artifactType).matches()) {
      throw new IllegalArgumentException("importer '" + name + "': '" + artifactType
          + "' is not an artifact type's schema title, such as system.Dataset");
    }
    metadata = metadata == null ? null : canonical(name, metadata);
    after = List.copyOf(after);
    settings = List.copyOf(settings);
  }

  /** Where the artifact is. */
  public Argument uri() {
    return arguments.get(URI);
  }

  /** The metadata as a JSON object (empty when there is none). */
  public ObjectNode metadataJson() {
    return metadata == null ? Yaml.object() : (ObjectNode) Yaml.readJson(metadata);
  }

  /** A JSON object's text with its keys sorted at every level, so that equal metadata is equal text. */
  private static String canonical(String name, String text) {
    JsonNode node;
    try {
      node = Yaml.readJson(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("importer '" + name + "': its metadata is not JSON: " + e.getMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("importer '" + name + "': its metadata must be a JSON object, not " + text);
    }
    return Yaml.jsonText(Yaml.sortedKeys(node));
  }
}
