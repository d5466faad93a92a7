package dev.kfp4j.mlflow;

import dev.kfp4j.entrypoint.LocalPaths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * KFP 2's executor input ({@code ml_pipelines.ExecutorInput} as JSON, what {@code {{$}}} gives a
 * step) read as the flags of a tracking step: each parameter value as {@code --NAME VALUE}, each
 * input artifact as {@code --NAME PATH} (the local path KFP's launcher mounts its URI at), each
 * output parameter as {@code --NAME-file PATH}, where the step writes it.
 */
final class ExecutorInputs {
  /** The flag that passes the executor input, as kfp4j's entrypoints take it. */
  static final String FLAG = "--executor_input";

  private ExecutorInputs() {}

  /**
   * The flags {@code json} gives; a parameter named {@code paramPrefix + NAME} becomes {@code
   * --param NAME=VALUE}.
   *
   * @throws IllegalArgumentException when {@code json} is not an executor input
   */
  static Map<String, List<String>> flags(String json, String paramPrefix) {
    JsonNode root = parse(json);
    Map<String, List<String>> flags = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> p : root.path("inputs").path("parameterValues").properties()) {
      if (p.getKey().startsWith(paramPrefix)) {
        add(flags, "param", p.getKey().substring(paramPrefix.length()) + "=" + text(p.getValue()));
      } else if (!p.getValue().isNull()) {
        add(flags, p.getKey(), text(p.getValue()));
      }
    }
    for (Map.Entry<String, JsonNode> a : root.path("inputs").path("artifacts").properties()) {
      JsonNode first = a.getValue().path("artifacts").path(0);
      if (first.path("uri").isString()) {
        add(flags, a.getKey(), localPath(first));
      }
    }
    for (Map.Entry<String, JsonNode> o : root.path("outputs").path("parameters").properties()) {
      add(flags, o.getKey() + "-file", o.getValue().path("outputFile").asString(""));
    }
    return flags;
  }

  static JsonNode parse(String json) {
    try {
      JsonNode root = JsonMapper.shared().readTree(json);
      if (!root.isObject()) {
        throw new IllegalArgumentException("the executor input is not a JSON object");
      }
      return root;
    } catch (JacksonException e) {
      throw new IllegalArgumentException("the executor input is not JSON: " + e.getOriginalMessage());
    }
  }

  /** A parameter value as text: a string as it is, anything else (a number, a struct) as JSON. */
  static String text(JsonNode value) {
    return value.isString() ? value.asString() : value.toString();
  }

  /**
   * Where KFP's launcher puts an artifact in the container, as the entrypoints find it ({@link
   * LocalPaths}); its URI when it has no local path.
   */
  @SuppressWarnings("unchecked")
  private static String localPath(JsonNode artifact) {
    String uri = artifact.get("uri").asString();
    Map<String, Object> metadata = artifact.path("metadata").isObject()
        ? JsonMapper.shared().convertValue(artifact.get("metadata"), Map.class) : Map.of();
    String local = LocalPaths.of(uri, artifact.path("customPath").asString(""), metadata);
    return local != null ? local : uri;
  }

  private static void add(Map<String, List<String>> flags, String name, String value) {
    flags.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
  }
}
