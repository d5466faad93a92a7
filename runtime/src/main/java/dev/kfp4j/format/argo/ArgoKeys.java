package dev.kfp4j.format.argo;

import dev.kfp4j.format.FormatException;
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
import tools.jackson.databind.node.ObjectNode;

/**
 * The keys of a task's argument artifacts and of the outputs of a template kfp4j wrote that a run on one machine does
 * without, held as {@link ArgoSetting}s so that a workflow read and written again says the same: an argument's {@code
 * optional} (Argo's {@code resolveDependencyReferences} drops such an argument where it cannot resolve it), an output's
 * {@code globalName} and an output artifact's {@code archive} (how Argo exports and stores it). Any other key that a
 * template kfp4j wrote does not write on its inputs and outputs is refused where the workflow is to be written again
 * ({@link #checkCarried}): its component annotation, not the template, is what is written.
 */
final class ArgoKeys {
  /** The keys kfp4j writes on a template's inputs and outputs, by list, and those it carries ({@link ArgoSetting}). */
  private static final Map<String, Set<String>> WRITTEN = Map.of(
      "inputs.parameters", Set.of("name"),
      "inputs.artifacts", Set.of("name", "path"),
      "outputs.parameters", Set.of("name", "valueFrom", "globalName"),
      "outputs.artifacts", Set.of("name", "path", "globalName", "archive"));

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
   * (Argo's input names) as the component names it, and, where kfp4j wrote the template, its outputs' {@code globalName}
   * and {@code archive}. Another tool's template has them refused where it is to be written again ({@link
   * TemplateIo#checkCarried}).
   */
  static List<TaskSetting> read(JsonNode template, ComponentSpec spec, Set<String> optional) {
    List<TaskSetting> out = new ArrayList<>();
    Map<String, String> inputs = inverse(ContainerTemplate.argoInputs(spec));
    optional.forEach(a -> out.add(new ArgoSetting.OptionalArgument(inputs.getOrDefault(a, a))));
    if (!ComponentReader.writtenByKfp4j(template)) {
      return out;
    }
    Map<String, String> outputs = inverse(ContainerTemplate.argoOutputs(spec));
    for (String list : List.of("parameters", "artifacts")) {
      for (JsonNode o : template.path("outputs").path(list)) {
        String name = outputs.getOrDefault(o.path("name").asString(""), o.path("name").asString(""));
        if (o.hasNonNull("globalName")) {
          out.add(new ArgoSetting.GlobalName(name, list.equals("artifacts"), o.get("globalName").asString()));
        }
        ArgoSetting.Archive archive = archive(name, o.path("archive")); // another is refused where it is to be written again
        if (archive != null) {
          out.add(archive);
        }
      }
    }
    return out;
  }

  /** Writes the {@code globalName} and {@code archive} of {@code settings} on the outputs of {@code template}, running {@code spec}. */
  static void write(ObjectNode template, ComponentSpec spec, List<TaskSetting> settings) {
    for (TaskSetting s : settings) {
      if (s instanceof ArgoSetting.GlobalName g) {
        output(template, spec, g.output(), g.artifact() ? "artifacts" : "parameters").put("globalName", g.globalName());
      } else if (s instanceof ArgoSetting.Archive a) {
        ObjectNode strategy = output(template, spec, a.output(), "artifacts").putObject("archive").putObject(a.strategy());
        if (a.compressionLevel() != null) {
          strategy.put("compressionLevel", a.compressionLevel());
        }
      }
    }
  }

  /** Whether {@code step} passes its file input {@code input} with {@code optional: true}. */
  static boolean optional(dev.kfp4j.model.Step step, String input) {
    return step.settings().contains(new ArgoSetting.OptionalArgument(input));
  }

  /**
   * Refuses a key of the inputs or outputs of {@code template}, a container template kfp4j wrote, that kfp4j neither writes
   * nor carries ({@link #WRITTEN}; Argo's defaults, such as {@code optional: false}, aside): its component annotation is
   * written again, so the key would be lost. {@code where} names the template.
   */
  static void checkCarried(JsonNode template, String where) {
    for (String side : List.of("inputs", "outputs")) {
      for (String key : template.path(side).propertyNames()) {
        if (!key.equals("parameters") && !key.equals("artifacts")) {
          throw notCarried(where + ": " + side, key);
        }
      }
    }
    for (Map.Entry<String, Set<String>> list : WRITTEN.entrySet()) {
      String[] path = list.getKey().split("\\.");
      for (JsonNode item : template.path(path[0]).path(path[1])) {
        String what = where + ": " + list.getKey() + " '" + item.path("name").asString("") + "'";
        item.properties().forEach(e -> {
          if (!list.getValue().contains(e.getKey()) && !isArgoDefault(e.getValue())) {
            throw notCarried(what, e.getKey());
          }
        });
        item.path("valueFrom").properties().forEach(e -> {
          if (!e.getKey().equals("path") && !isArgoDefault(e.getValue())) {
            throw notCarried(what, "valueFrom." + e.getKey());
          }
        });
        if (item.has("archive") && archive("", item.get("archive")) == null) {
          throw notCarried(what, "archive");
        }
      }
    }
  }

  /**
   * Output {@code output}'s {@code archive} ({@code none: {}}, {@code zip: {}}, {@code tar: {}} with or without an integer
   * {@code compressionLevel}), or null where it is none of those.
   */
  private static ArgoSetting.Archive archive(String output, JsonNode archive) {
    if (!archive.isObject() || archive.size() != 1) {
      return null;
    }
    String strategy = archive.propertyNames().iterator().next();
    JsonNode body = archive.get(strategy);
    JsonNode level = body.path("compressionLevel");
    boolean plain = body.isObject() && body.size() == (level.isMissingNode() ? 0 : 1);
    if (!ArgoSetting.Archive.STRATEGIES.contains(strategy) || !plain || !level.isMissingNode() && !(level.isInt() && strategy.equals("tar"))) {
      return null;
    }
    return new ArgoSetting.Archive(output, strategy, level.isInt() ? level.asInt() : null);
  }

  private static boolean isArgoDefault(JsonNode value) {
    return value.isNull() || value.isBoolean() && !value.asBoolean();
  }

  private static ObjectNode output(ObjectNode template, ComponentSpec spec, String output, String list) {
    String name = ContainerTemplate.argoOutput(spec, output);
    for (JsonNode o : template.path("outputs").path(list)) {
      if (o.path("name").asString("").equals(name)) {
        return (ObjectNode) o;
      }
    }
    throw new FormatException("template '" + template.path("name").asString("") + "': output " + list.replaceAll("s$", "") + " '" + name
        + "' is not written, so its " + (list.equals("artifacts") ? "globalName or archive" : "globalName") + " cannot be");
  }

  static Map<String, String> inverse(Map<String, String> names) {
    Map<String, String> out = new HashMap<>();
    names.forEach((k, v) -> out.put(v, k));
    return out;
  }

  private static FormatException notCarried(String what, String key) {
    return new FormatException(what + " uses '" + key + "', which kfp4j does not write: the template carries kfp4j's component"
        + " annotation (" + Argo.COMPONENT_SPEC + "), from which it is written again, so the workflow written again would lose it."
        + " Remove it, or submit the file with Argo's own tools");
  }
}
