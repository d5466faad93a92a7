package dev.kfp4j.format.argo;

import dev.kfp4j.model.TaskSetting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A generic ephemeral volume as a pod's volume source ({@code ephemeral.volumeClaimTemplate}:
 * {@code metadata} labels and annotations, {@code spec} access modes, storage request and class),
 * as KFP's driver makes it from kfp-kubernetes' {@code genericEphemeralVolume}.
 */
final class EphemeralVolumes {
  private EphemeralVolumes() {}

  /** The volume source {@code {ephemeral: ...}} of {@code s}. */
  static ObjectNode source(TaskSetting.EphemeralVolume s) {
    ObjectNode source = JsonNodeFactory.instance.objectNode();
    ObjectNode claim = source.putObject("ephemeral").putObject("volumeClaimTemplate");
    s.labels().forEach((k, v) -> claim.withObject("metadata").withObject("labels").put(k, v));
    s.annotations().forEach((k, v) -> claim.withObject("metadata").withObject("annotations").put(k, v));
    ObjectNode spec = claim.putObject("spec");
    s.accessModes().forEach(m -> spec.withArray("accessModes").add(m));
    spec.putObject("resources").putObject("requests").put("storage", s.size());
    if (!s.storageClass().isEmpty()) {
      spec.put("storageClassName", s.storageClass());
    }
    return source;
  }

  /**
   * The setting of the pod volume {@code volume}'s {@code ephemeral} source, mounted at {@code
   * path}; an IllegalArgumentException naming what else it holds.
   */
  static TaskSetting.EphemeralVolume read(String volume, String path, JsonNode ephemeral) {
    only(ephemeral, Set.of("volumeClaimTemplate"), "ephemeral");
    JsonNode claim = ephemeral.path("volumeClaimTemplate");
    only(claim, Set.of("metadata", "spec"), "ephemeral.volumeClaimTemplate");
    only(claim.path("metadata"), Set.of("labels", "annotations"), "ephemeral.volumeClaimTemplate.metadata");
    JsonNode spec = claim.path("spec");
    only(spec, Set.of("accessModes", "resources", "storageClassName"), "ephemeral.volumeClaimTemplate.spec");
    only(spec.path("resources"), Set.of("requests"), "ephemeral.volumeClaimTemplate.spec.resources");
    only(spec.path("resources").path("requests"), Set.of("storage"), "ephemeral.volumeClaimTemplate.spec.resources.requests");
    List<String> modes = new ArrayList<>();
    spec.path("accessModes").forEach(m -> modes.add(m.asString("")));
    return new TaskSetting.EphemeralVolume(volume, path, modes, spec.path("resources").path("requests").path("storage").asString(""),
        spec.path("storageClassName").asString(""), strings(claim.path("metadata").path("labels")),
        strings(claim.path("metadata").path("annotations")));
  }

  private static Map<String, String> strings(JsonNode map) {
    Map<String, String> out = new LinkedHashMap<>();
    map.properties().forEach(e -> out.put(e.getKey(), e.getValue().asString("")));
    return out;
  }

  private static void only(JsonNode node, Set<String> keys, String where) {
    for (String key : node.propertyNames()) {
      if (!keys.contains(key)) {
        throw new IllegalArgumentException(where + " holds " + keys.stream().sorted().toList() + ", not '" + key + "'");
      }
    }
  }
}
