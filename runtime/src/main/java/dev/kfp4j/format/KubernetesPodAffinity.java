package dev.kfp4j.format;

import dev.kfp4j.model.PodSetting;
import dev.kfp4j.model.TaskSetting.NodeAffinity.Requirement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A pod affinity term in both formats: kfp-kubernetes' {@code PodAffinityTerm} ({@code matchPodLabels},
 * {@code matchPodExpressions}, {@code topologyKey}, {@code namespaces}, {@code matchNamespaceLabels},
 * {@code matchNamespaceExpressions}, {@code weight}, {@code anti}) and Kubernetes' {@code PodAffinityTerm}
 * in Argo's {@code affinity.podAffinity} or {@code podAntiAffinity} ({@code labelSelector}, {@code
 * namespaces}, {@code topologyKey}, {@code namespaceSelector}).
 */
public final class KubernetesPodAffinity {
  private static final Set<String> TERM = Set.of("labelSelector", "namespaces", "topologyKey", "namespaceSelector");
  private static final Set<String> SELECTOR = Set.of("matchLabels", "matchExpressions");
  private static final Set<String> REQUIREMENT = Set.of("key", "operator", "values");

  private KubernetesPodAffinity() {}

  /** Writes {@code s} as kfp-kubernetes' term, into {@code term}; a weight as KFP's compiler writes it ({@code 50.0}). */
  public static void writeKfp(ObjectNode term, PodSetting.PodAffinity s) {
    requirements(term, "matchPodExpressions", s.matchPodExpressions());
    s.matchPodLabels().forEach((k, v) -> term.withObject("matchPodLabels").put(k, v));
    term.put("topologyKey", s.topologyKey());
    s.namespaces().forEach(n -> term.withArray("namespaces").add(n));
    requirements(term, "matchNamespaceExpressions", s.matchNamespaceExpressions());
    s.matchNamespaceLabels().forEach((k, v) -> term.withObject("matchNamespaceLabels").put(k, v));
    if (s.weight() != null) {
      term.put("weight", (double) s.weight());
    }
    if (s.anti()) {
      term.put("anti", true);
    }
  }

  /** Reads kfp-kubernetes' term (its fields checked by KubernetesFields). */
  public static PodSetting.PodAffinity readKfp(JsonNode term) {
    JsonNode weight = term.get("weight");
    if (weight != null && (!weight.isNumber() || weight.asDouble() != Math.rint(weight.asDouble()))) {
      throw new IllegalArgumentException("its weight " + weight + " is not a whole number");
    }
    return new PodSetting.PodAffinity(labels(term.path("matchPodLabels")), requirements(term.path("matchPodExpressions")),
        term.path("topologyKey").asString(""), strings(term.path("namespaces")), labels(term.path("matchNamespaceLabels")),
        requirements(term.path("matchNamespaceExpressions")), weight == null ? null : weight.asInt(), term.path("anti").asBoolean(false));
  }

  /** Writes {@code s} as Kubernetes' term into Argo's {@code affinity} of a template. */
  public static void writeArgo(ObjectNode affinity, PodSetting.PodAffinity s) {
    ObjectNode pod = affinity.withObject(s.anti() ? "podAntiAffinity" : "podAffinity");
    ObjectNode term;
    if (s.weight() == null) {
      term = pod.withArray("requiredDuringSchedulingIgnoredDuringExecution").addObject();
    } else {
      ObjectNode preferred = pod.withArray("preferredDuringSchedulingIgnoredDuringExecution").addObject();
      preferred.put("weight", s.weight());
      term = preferred.putObject("podAffinityTerm");
    }
    selector(term, "labelSelector", s.matchPodLabels(), s.matchPodExpressions());
    s.namespaces().forEach(n -> term.withArray("namespaces").add(n));
    term.put("topologyKey", s.topologyKey());
    selector(term, "namespaceSelector", s.matchNamespaceLabels(), s.matchNamespaceExpressions());
  }

  /** Reads the terms of Argo's {@code podAffinity} or {@code podAntiAffinity} ({@code anti}), required ones first. */
  public static void readArgo(JsonNode pod, boolean anti, List<dev.kfp4j.model.TaskSetting> out) {
    String what = anti ? "affinity.podAntiAffinity" : "affinity.podAffinity";
    KubernetesAffinity.only(pod, Set.of("requiredDuringSchedulingIgnoredDuringExecution", "preferredDuringSchedulingIgnoredDuringExecution"),
        what);
    for (Map.Entry<String, JsonNode> e : pod.properties()) {
      for (JsonNode t : e.getValue()) {
        Integer weight = null;
        JsonNode term = t;
        if (e.getKey().startsWith("preferred")) {
          KubernetesAffinity.only(t, Set.of("weight", "podAffinityTerm"), "a preferred pod affinity term");
          weight = t.path("weight").asInt(0);
          term = t.path("podAffinityTerm");
        }
        KubernetesAffinity.only(term, TERM, "a pod affinity term");
        KubernetesAffinity.only(term.path("labelSelector"), SELECTOR, "a label selector");
        KubernetesAffinity.only(term.path("namespaceSelector"), SELECTOR, "a namespace selector");
        out.add(new PodSetting.PodAffinity(labels(term.at("/labelSelector/matchLabels")), requirements(term.at("/labelSelector/matchExpressions")),
            term.path("topologyKey").asString(""), strings(term.path("namespaces")), labels(term.at("/namespaceSelector/matchLabels")),
            requirements(term.at("/namespaceSelector/matchExpressions")), weight, anti));
      }
    }
  }

  private static void selector(ObjectNode term, String field, Map<String, String> labels, List<Requirement> expressions) {
    if (labels.isEmpty() && expressions.isEmpty()) {
      return;
    }
    ObjectNode selector = term.putObject(field);
    labels.forEach((k, v) -> selector.withObject("matchLabels").put(k, v));
    requirements(selector, "matchExpressions", expressions);
  }

  private static void requirements(ObjectNode node, String field, List<Requirement> requirements) {
    for (Requirement r : requirements) {
      ObjectNode o = node.withArray(field).addObject().put("key", r.key()).put("operator", r.operator());
      r.values().forEach(v -> o.withArray("values").add(v));
    }
  }

  private static List<Requirement> requirements(JsonNode list) {
    List<Requirement> out = new ArrayList<>();
    for (JsonNode r : list) {
      KubernetesAffinity.only(r, REQUIREMENT, "a label selector requirement");
      out.add(new Requirement(r.path("key").asString(""), r.path("operator").asString(""), strings(r.path("values"))));
    }
    return out;
  }

  private static Map<String, String> labels(JsonNode map) {
    Map<String, String> out = new LinkedHashMap<>();
    map.properties().forEach(e -> out.put(e.getKey(), e.getValue().asString("")));
    return out;
  }

  private static List<String> strings(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(v -> out.add(v.asString("")));
    return out;
  }
}
