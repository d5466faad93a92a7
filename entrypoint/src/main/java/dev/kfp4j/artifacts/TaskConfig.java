package dev.kfp4j.artifacts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runtime configuration of a component's task, as KFP 2's {@code dsl.TaskConfig}: what a
 * component that launches a workload of its own (a Kubeflow Trainer TrainJob, a Spark job)
 * forwards to it. Take it as a parameter of a {@code @Component} method and list the fields it
 * receives with {@code @TaskConfigPassthrough}; it is no input of the op: KFP's driver (and the
 * local runner) fills it from the task's settings.
 *
 * <pre>{@code
 * @Component
 * @TaskConfigPassthrough({RESOURCES, ENV})
 * public static String launch(String image, TaskConfig config) {
 *   Map<String, Object> container = Map.of("image", image, "resources", config.resources(), "env", config.env());
 *   ...
 * }
 * }</pre>
 *
 * Each field is Kubernetes' JSON of that part of a pod spec, as plain Java values (maps, lists,
 * texts, numbers, booleans) ready for a Kubernetes client, or null when the task gives none (a
 * field not listed in the passthroughs, or one the task does not set). {@link #toJson()} gives
 * the whole as JSON text.
 *
 * @param affinity the pod's {@code affinity} ({@code nodeAffinity}, {@code podAffinity})
 * @param tolerations the pod's {@code tolerations}
 * @param nodeSelector the pod's {@code nodeSelector}
 * @param env the container's {@code env}, {@code [{"name": ..., "value": ...}]}
 * @param volumes the pod's {@code volumes}
 * @param volumeMounts the container's {@code volumeMounts}
 * @param resources the container's {@code resources}, {@code {"limits": {...}, "requests": {...}}}
 */
public record TaskConfig(
    Map<String, Object> affinity,
    List<Map<String, Object>> tolerations,
    Map<String, String> nodeSelector,
    List<Map<String, Object>> env,
    List<Map<String, Object>> volumes,
    List<Map<String, Object>> volumeMounts,
    Map<String, Object> resources) {

  /** A config with no field, as KFP gives a component whose task passes none through. */
  public static TaskConfig empty() {
    return new TaskConfig(null, null, null, null, null, null, null);
  }

  /**
   * The fields as KFP's driver names them, in its order ({@code affinity}, {@code tolerations},
   * {@code nodeSelector}, {@code env}, {@code volumes}, {@code volumeMounts}, {@code resources}),
   * the fields given only.
   */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    put(map, "affinity", affinity);
    put(map, "tolerations", tolerations);
    put(map, "nodeSelector", nodeSelector);
    put(map, "env", env);
    put(map, "volumes", volumes);
    put(map, "volumeMounts", volumeMounts);
    put(map, "resources", resources);
    return map;
  }

  /** {@link #toMap()} as JSON text, {@code {"env": [{"name": "A", "value": "1"}], ...}}; {@code {}} for none. */
  public String toJson() {
    return dev.kfp4j.entrypoint.PyJson.dumpsInOrder(toMap());
  }

  private static void put(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  /**
   * The config in KFP's struct ({@code {"resources": {...}, "env": [...], ...}}, as KFP's driver
   * gives it in the executor input; a field that is null or missing is null); null gives {@link #empty()}.
   *
   * @throws IllegalArgumentException when it is no JSON object, or a field has the wrong shape
   */
  @SuppressWarnings("unchecked")
  public static TaskConfig of(Object json) {
    if (json == null) {
      return empty();
    }
    if (!(json instanceof Map<?, ?> m)) {
      throw new IllegalArgumentException("expected KFP's TaskConfig, a JSON object such as {\"resources\": {...}}");
    }
    return new TaskConfig(field(m, "affinity", Map.class), field(m, "tolerations", List.class),
        field(m, "nodeSelector", Map.class), field(m, "env", List.class), field(m, "volumes", List.class),
        field(m, "volumeMounts", List.class), field(m, "resources", Map.class));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static <T> T field(Map<?, ?> m, String key, Class type) {
    Object v = m.get(key);
    if (v == null) {
      return null;
    }
    if (!type.isInstance(v)) {
      throw new IllegalArgumentException("TaskConfig's '" + key + "' is " + v + ", not a JSON "
          + (type == Map.class ? "object" : "array"));
    }
    return (T) v;
  }
}
