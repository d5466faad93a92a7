package dev.kfp4j.format.kfp2;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.ImporterStep;
import dev.kfp4j.model.Node;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.yaml.Yaml;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import tools.jackson.databind.JsonNode;

/**
 * Reads a task whose executor is an {@code importer} (KFP's {@code dsl.importer}) as an {@link
 * ImporterStep}: the URI from {@code artifactUri} (its {@code constant}, or the task's input its
 * {@code runtimeParameter} names), the type from {@code typeSchema}, {@code reimport}, {@code
 * metadata}, {@code downloadToWorkspace}, and of the task's settings its display name, caching and
 * retries. What the model does not hold is refused, naming the field.
 */
final class ImporterReader {
  private static final Set<String> FIELDS = Set.of("artifactUri", "typeSchema", "reimport", "metadata", "downloadToWorkspace");

  private ImporterReader() {}

  /** The importer task {@code name}, given {@code arguments} (its inputs), running {@code importer}, its executor's spec. */
  static BiFunction<List<String>, List<Node>, Node> read(String name, JsonNode task, JsonNode comp, JsonNode importer, JsonNode k8s,
      Map<String, Argument> arguments, String where) {
    for (String field : importer.propertyNames()) {
      if (!FIELDS.contains(field)) {
        throw new FormatException(where + ": its importer has '" + field + "', which kfp4j's model does not hold (it holds "
            + new java.util.TreeSet<>(FIELDS) + ")");
      }
    }
    if (!k8s.isMissingNode() && !k8s.isEmpty()) {
      throw new FormatException(where + ": the platform document gives its importer Kubernetes settings " + k8s.propertyNames()
          + ", which an importer, running no container of its own, does not take");
    }
    JsonNode outputs = comp.path("outputDefinitions").path("artifacts");
    if (outputs.size() != 1 || !outputs.has(ImporterStep.OUTPUT) || comp.path("outputDefinitions").has("parameters")) {
      throw new FormatException(where + ": an importer's component gives one output, artifact '" + ImporterStep.OUTPUT + "', not "
          + comp.path("outputDefinitions").path("artifacts").propertyNames() + " " + comp.path("outputDefinitions").path("parameters").propertyNames());
    }
    Map<String, Argument> given = new LinkedHashMap<>(arguments);
    JsonNode uri = importer.path("artifactUri");
    if (uri.has("constant")) {
      if (!uri.get("constant").isString()) {
        throw new FormatException(where + ": its importer's artifactUri.constant is " + uri.get("constant") + ", not a URI");
      }
      given.put(ImporterStep.URI, Argument.Constant.of(uri.get("constant").asString()));
    } else if (uri.has("runtimeParameter")) {
      String input = uri.get("runtimeParameter").asString("");
      if (!input.equals(ImporterStep.URI)) {
        throw new FormatException(where + ": its importer takes its URI from input '" + input + "'; kfp4j's model holds it in input '"
            + ImporterStep.URI + "', as KFP's compiler writes it");
      }
      if (!given.containsKey(ImporterStep.URI)) {
        throw new FormatException(where + ": its importer takes its URI from input '" + ImporterStep.URI + "', which the task is not given");
      }
    } else {
      throw new FormatException(where + ": its importer has no artifactUri (a constant or a runtimeParameter)");
    }
    String type = importer.path("typeSchema").path("schemaTitle").asString("").isEmpty() ? "" : Kfp2Types.bundled(importer.path("typeSchema"));
    if (type.isEmpty()) {
      throw new FormatException(where + ": its importer's typeSchema has no schemaTitle; kfp4j's model holds an artifact type by its "
          + "schema title, such as system.Dataset");
    }
    JsonNode metadata = importer.get("metadata");
    if (metadata != null && !metadata.isObject()) {
      throw new FormatException(where + ": its importer's metadata is " + metadata + ", not an object");
    }
    List<TaskSetting> settings = SettingsReader.read(name, task, Yaml.object(), Yaml.object(), (field, claim) -> {
      throw new FormatException(where + ": an importer mounts no volume");
    }, (field, input) -> {
      throw new FormatException(where + ": an importer takes no " + field + " from a parameter");
    });
    String metadataText = metadata == null || metadata.isEmpty() ? null : Yaml.jsonText(metadata);
    boolean reimport = importer.path("reimport").asBoolean(false);
    boolean workspace = importer.path("downloadToWorkspace").asBoolean(false);
    try {
      ImporterStep check = new ImporterStep(name, given, type, reimport, metadataText, workspace, List.of(), settings);
      return (after, body) -> new ImporterStep(check.name(), check.arguments(), check.artifactType(), check.reimport(), check.metadata(),
          check.downloadToWorkspace(), after, check.settings());
    } catch (IllegalArgumentException e) {
      throw new FormatException(where + ": " + e.getMessage(), e);
    }
  }
}
