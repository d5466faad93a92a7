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
 * {@code globalName} and an output artifact's {@code archive} (how Argo exports and stores it). Any other key of a
 * template kfp4j wrote that it does not write again is refused where the workflow is to be written again ({@link
 * EditedTemplates}): its component annotation and the task's settings, not the template, are what is written.
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
        ArgoSetting.Archive archive = archive(name, o.path("archive")); // another is refused where it is to be written again (EditedTemplates)
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
}
