package dev.kfp4j.format;

import dev.kfp4j.model.TaskSetting;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * Kubernetes' own {@code Toleration} object, which both formats carry as it is (Argo in a
 * template's {@code tolerations}, KFP 2 in kfp-kubernetes' {@code tolerations}): {@code key},
 * {@code operator}, and {@code value} and {@code effect} when they are given.
 */
public final class KubernetesToleration {
  private KubernetesToleration() {}

  /** Adds {@code s} to {@code tolerations}. */
  public static void write(ArrayNode tolerations, TaskSetting.Toleration s) {
    var t = tolerations.addObject();
    t.put("key", s.key());
    t.put("operator", s.operator());
    if (!s.value().isEmpty()) {
      t.put("value", s.value());
    }
    if (!s.effect().isEmpty()) {
      t.put("effect", s.effect());
    }
  }

  /** The toleration {@code t} holds; without an operator, {@code Equal}, as Kubernetes takes it. */
  public static TaskSetting.Toleration read(JsonNode t) {
    String operator = t.path("operator").asString("");
    return new TaskSetting.Toleration(t.path("key").asString(""), operator.isEmpty() ? "Equal" : operator,
        t.path("value").asString(""), t.path("effect").asString(""));
  }
}
