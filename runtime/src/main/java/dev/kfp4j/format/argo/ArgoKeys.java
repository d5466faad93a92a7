package dev.kfp4j.format.argo;

import dev.kfp4j.model.ArgoSetting;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.spec.ComponentSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The keys of a task's argument artifacts that a run on one machine does without, held as {@link ArgoSetting}s so that a
 * workflow read and written again says the same: an argument's {@code optional} (Argo's {@code
 * resolveDependencyReferences}, dag.go, drops such an argument where it cannot resolve it).
 */
final class ArgoKeys {
  private ArgoKeys() {}

  /** The names of the argument artifacts task {@code task} passes with {@code optional: true}, as the workflow names them. */
  static Set<String> optionalArguments(JsonNode task) {
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode a : task.path("arguments").path("artifacts")) {
      if (a.path("optional").asBoolean(false)) {
        out.add(a.path("name").asString(""));
      }
    }
    return out;
  }

  /**
   * The settings of a step of container template {@code template}, running {@code spec}: each argument of {@code optional}
   * (Argo's input names) as the component names it.
   */
  static List<TaskSetting> read(JsonNode template, ComponentSpec spec, Set<String> optional) {
    List<TaskSetting> out = new ArrayList<>();
    Map<String, String> inputs = inverse(ContainerTemplate.argoInputs(spec));
    optional.forEach(a -> out.add(new ArgoSetting.OptionalArgument(inputs.getOrDefault(a, a))));
    return out;
  }

  /** Whether {@code step} passes its file input {@code input} with {@code optional: true}. */
  static boolean optional(dev.kfp4j.model.Step step, String input) {
    return step.settings().contains(new ArgoSetting.OptionalArgument(input));
  }

  static Map<String, String> inverse(Map<String, String> names) {
    Map<String, String> out = new HashMap<>();
    names.forEach((k, v) -> out.put(v, k));
    return out;
  }
}
