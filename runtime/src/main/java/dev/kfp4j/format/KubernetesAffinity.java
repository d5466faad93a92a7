package dev.kfp4j.format;

import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.model.TaskSetting.NodeAffinity.Requirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A node affinity term's requirements as both formats carry them: Kubernetes' {@code
 * NodeSelectorTerm} ({@code matchExpressions}, {@code matchFields}: {@code key}, {@code operator},
 * {@code values} when there are any), in Argo's {@code affinity.nodeAffinity} and in
 * kfp-kubernetes' {@code nodeAffinity} terms alike.
 */
public final class KubernetesAffinity {
  private static final Set<String> TERM = Set.of("matchExpressions", "matchFields");
  private static final Set<String> REQUIREMENT = Set.of("key", "operator", "values");

  private KubernetesAffinity() {}

  /** Adds the requirements of {@code s} to {@code term}. */
  public static void writeTerm(ObjectNode term, TaskSetting.NodeAffinity s) {
    write(term, "matchExpressions", s.matchExpressions());
    write(term, "matchFields", s.matchFields());
  }

  /**
   * Adds {@code s} to {@code affinity}'s {@code nodeAffinity}: a term of its required {@code nodeSelectorTerms}, or, with a
   * weight, a preferred term ({@code weight}, {@code preference}).
   */
  public static void writeNodeAffinity(ObjectNode affinity, TaskSetting.NodeAffinity s) {
    ObjectNode node = affinity.withObject("nodeAffinity");
    if (s.weight() == null) {
      writeTerm(node.withObject("requiredDuringSchedulingIgnoredDuringExecution").withArray("nodeSelectorTerms").addObject(), s);
    } else {
      ObjectNode preferred = node.withArray("preferredDuringSchedulingIgnoredDuringExecution").addObject();
      preferred.put("weight", s.weight());
      writeTerm(preferred.putObject("preference"), s);
    }
  }

  private static void write(ObjectNode term, String field, List<Requirement> requirements) {
    for (Requirement r : requirements) {
      ObjectNode o = term.withArray(field).addObject().put("key", r.key()).put("operator", r.operator());
      r.values().forEach(v -> o.withArray("values").add(v));
    }
  }

  /**
   * The setting of {@code term} with {@code weight} (null: required); a key of the term or of a
   * requirement other than these is an IllegalArgumentException naming it.
   */
  public static TaskSetting.NodeAffinity readTerm(JsonNode term, Integer weight) {
    only(term, TERM, "a node affinity term");
    return new TaskSetting.NodeAffinity(read(term.path("matchExpressions")), read(term.path("matchFields")), weight);
  }

  private static List<Requirement> read(JsonNode requirements) {
    List<Requirement> out = new ArrayList<>();
    for (JsonNode r : requirements) {
      only(r, REQUIREMENT, "a node selector requirement");
      List<String> values = new ArrayList<>();
      r.path("values").forEach(v -> values.add(v.asString("")));
      out.add(new Requirement(r.path("key").asString(""), r.path("operator").asString(""), values));
    }
    return out;
  }

  /** Refuses a key of {@code node} not among {@code keys}. */
  public static void only(JsonNode node, Set<String> keys, String what) {
    for (String key : node.propertyNames()) {
      if (!keys.contains(key)) {
        throw new IllegalArgumentException(what + " holds " + keys.stream().sorted().toList() + ", not '" + key + "'");
      }
    }
  }
}
