package dev.kfp4j.mlflow;

import dev.kfp4j.entrypoint.LocalPaths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    Map<String, Object> root = parse(json);
    Map<String, List<String>> flags = new LinkedHashMap<>();
    for (Map.Entry<String, Object> p : JsonValues.members(JsonValues.path(root, "inputs", "parameterValues")).entrySet()) {
      if (p.getKey().startsWith(paramPrefix)) {
        add(flags, "param", p.getKey().substring(paramPrefix.length()) + "=" + JsonValues.text(p.getValue()));
      } else if (p.getValue() != null) {
        add(flags, p.getKey(), JsonValues.text(p.getValue()));
      }
    }
    for (Map.Entry<String, Object> a : JsonValues.members(JsonValues.path(root, "inputs", "artifacts")).entrySet()) {
      Object first = JsonValues.first(JsonValues.path(a.getValue(), "artifacts"));
      if (JsonValues.path(first, "uri") instanceof String uri) {
        add(flags, a.getKey(), localPath(uri, first));
      }
    }
    for (Map.Entry<String, Object> o : JsonValues.members(JsonValues.path(root, "outputs", "parameters")).entrySet()) {
      add(flags, o.getKey() + "-file", JsonValues.string(JsonValues.path(o.getValue(), "outputFile"), ""));
    }
    return flags;
  }

  /** The executor input's object, its members in the text's order. */
  static Map<String, Object> parse(String json) {
    Object root;
    try {
      root = JsonValues.parse(json);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the executor input is not JSON: " + e.getMessage());
    }
    if (!(root instanceof Map<?, ?>)) {
      throw new IllegalArgumentException("the executor input is not a JSON object");
    }
    return JsonValues.members(root);
  }

  /**
   * Where KFP's launcher puts an artifact in the container, as the entrypoints find it ({@link
   * LocalPaths}); its URI when it has no local path.
   */
  private static String localPath(String uri, Object artifact) {
    Map<String, Object> metadata = JsonValues.members(JsonValues.path(artifact, "metadata"));
    String local = LocalPaths.of(uri, JsonValues.string(JsonValues.path(artifact, "customPath"), ""), metadata);
    return local != null ? local : uri;
  }

  private static void add(Map<String, List<String>> flags, String name, String value) {
    flags.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
  }
}
