package dev.kfp4j.format.argo;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.argo.Differences.Difference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Refuses a hand edit of a container template kfp4j wrote that the workflow written again would lose. Such a template's
 * component is its annotation ({@link Argo#COMPONENT_SPEC}) and its settings are what {@link SettingsReader} and {@link
 * ArgoKeys} read back of the keys kfp4j writes; rather than a second list of those keys, the pipeline read is written
 * again ({@link ArgoWriter}) and each such template of the file compared with the one written for it: a key or value of the
 * file that the template written again lacks or says otherwise is refused, naming it. Its name aside, as is the
 * annotation's layout (compared as JSON), a key of value null and, in inputs and outputs, {@code false} (Argo's defaults),
 * and a scalar's type ({@code limit: 3} is {@code limit: '3'}, as Argo reads both). The name is compared after: kfp4j
 * names a template after its component, so another name (given by hand) is refused too, but for one kfp4j gives that
 * component's templates ({@code make-2} written again as {@code make} where a task was moved or removed by hand).
 */
final class EditedTemplates {
  private static final String MOUNTS = "the task's mountPvc(...), mountSecret(...), mountConfigMap(...), mountEmptyDir(...),"
      + " mountEphemeralVolume(...)";

  /** The task settings that write a key of the template (first key, or first two for the container's), as in the README. */
  private static final Map<String, String> SETTINGS = Map.ofEntries(
      Map.entry("container.image", "the component's @Component(image), or the task's containerImage(...)"),
      Map.entry("container.command", "the component's command line, which its @Component method makes"),
      Map.entry("container.args", "the component's command line, which its @Component method makes"),
      Map.entry("container.env", "the task's env(...), envFromSecret(...), envFromConfigMap(...), envFromField(...)"),
      Map.entry("container.resources", "the task's cpuRequest(...), cpuLimit(...), memoryRequest(...), memoryLimit(...), gpuLimit(...)"),
      Map.entry("container.imagePullPolicy", "the task's imagePullPolicy(...)"),
      Map.entry("container.securityContext", "the task's securityContext(...)"),
      Map.entry("container.volumeMounts", MOUNTS),
      Map.entry("volumes", MOUNTS),
      Map.entry("retryStrategy", "the task's retries(...), retryBackoff(...)"),
      Map.entry("activeDeadlineSeconds", "the task's timeout(seconds), which writes activeDeadlineSeconds"),
      Map.entry("timeout", "the task's timeout(seconds), which writes activeDeadlineSeconds"),
      Map.entry("nodeSelector", "the task's nodeSelector(...)"),
      Map.entry("tolerations", "the task's toleration(...)"),
      Map.entry("affinity", "the task's nodeAffinity(...), preferredNodeAffinity(...), podAffinity(...), podAntiAffinity(...)"),
      Map.entry("metadata", "the task's podLabel(...), podAnnotation(...), displayName(...), caching(false)"));

  private EditedTemplates() {}

  /**
   * Refuses what a container template kfp4j wrote in workflow {@code read} says that {@code again}, the workflow written
   * again from the pipeline read from it, does not, its name included; {@code source} names the file. A template no task
   * runs is {@link UnusedTemplates}'s.
   */
  static void check(JsonNode read, JsonNode again, String source) {
    List<JsonNode> written = new ArrayList<>();
    Map<JsonNode, JsonNode> byName = new HashMap<>();
    Map<JsonNode, JsonNode> bySpec = new HashMap<>();
    again.path("spec").path("templates").forEach(t -> {
      if (t.has("container") && ComponentReader.writtenByKfp4j(t)) {
        JsonNode w = comparable(t);
        written.add(w);
        byName.put(w.path(NAME), w);
        bySpec.putIfAbsent(spec(w), w);
      }
    });
    for (JsonNode t : read.path("spec").path("templates")) {
      if (!t.has("container") || !ComponentReader.writtenByKfp4j(t)) {
        continue;
      }
      JsonNode mine = comparable(t);
      // the one of its name, else one of its component (hand edits may have made two templates one, and renamed others)
      JsonNode counterpart = byName.getOrDefault(t.path("name"), bySpec.get(spec(mine)));
      if (counterpart == null) {
        continue;
      }
      Difference d = Differences.first(mine, counterpart, RULES);
      JsonNode same = d == null ? counterpart
          : written.stream().filter(w -> Differences.first(mine, w, RULES) == null).findFirst().orElse(null);
      String where = source + ": template '" + t.path("name").asString("") + "' (written by kfp4j)";
      if (same == null) {
        throw refusal(where, d);
      }
      checkName(t.path("name").asString(""), same.path(NAME).asString(""), spec(mine).path("name").asString(""), where);
    }
  }

  /**
   * Refuses template name {@code name} where the template written again is named {@code again}, after its component {@code
   * component}, unless {@code name} is one kfp4j gives a template of that component too (tasks moved or removed by hand
   * change which one it gets).
   */
  private static void checkName(String name, String again, String component, String where) {
    if (!name.equals(again) && !Templates.namesFor(name, component)) {
      throw new FormatException(where + " is named '" + name + "', which kfp4j writes again as '" + again + "', after its component '"
          + component + "': the workflow written again would lose the name. kfp4j names a template after its component: name"
          + " the component instead (@Component(name = \"...\") on its method, or the name in its component file) and compile the"
          + " pipeline again, or undo the edit (where no one renamed it, another version of kfp4j wrote it: compile its pipeline"
          + " again with this one), or submit the file with Argo's own tools");
    }
  }

  private static JsonNode spec(JsonNode comparable) {
    return comparable.path("metadata").path("annotations").path(Argo.COMPONENT_SPEC);
  }

  /** Where a template's name is kept aside, so that templates are compared without it. */
  private static final String NAME = "\u0000name";

  /** {@code template} without its name (kept as {@link #NAME}), its component annotation as JSON. */
  private static JsonNode comparable(JsonNode template) {
    ObjectNode t = (ObjectNode) template.deepCopy();
    t.set(NAME, t.remove("name"));
    Differences.annotationAsJson(t, Argo.COMPONENT_SPEC);
    return t;
  }

  /** What templates are compared without: the name, kept aside, and a key of value null or, in inputs and outputs, false. */
  private static final Differences.Rules RULES = new Differences.Rules(path -> path.get(path.size() - 1).equals(NAME),
      (path, value) -> value.isNull() || value.isBoolean() && !value.asBoolean() && path.size() > 1
          && (path.get(0).equals("inputs") || path.get(0).equals("outputs")));

  /**
   * The refusal of {@code d} in template {@code where}: a key kfp4j does not write again as {@link TemplateIo#notCarried}
   * words it for another tool's template, a value it writes otherwise with both; each with the setting that writes it.
   */
  private static FormatException refusal(String where, Difference d) {
    List<String> path = d.path();
    String top = path.get(0);
    String setting = path.size() > 2 && path.get(2).equals(Argo.COMPONENT_SPEC) ? "the component, its @Component method"
        : SETTINGS.getOrDefault(top + (path.size() > 1 ? "." + path.get(1) : ""), SETTINGS.get(top));
    boolean added = d.again().isMissingNode();
    String instead = "The template is kfp4j's, written again from its component annotation (" + Argo.COMPONENT_SPEC + ") and"
        + " the task's settings: " + (setting == null ? "kfp4j has no setting that writes it. " + (added ? "Remove it"
        : "Undo the edit (where no one edited the file, another version of kfp4j wrote it: compile its pipeline again with this one)")
        : "set it in Java instead (" + setting + ") and compile the pipeline again") + ", or submit the file with Argo's own tools";
    int item = path.size() - 2;
    while (item >= 0 && !Differences.isItem(path.get(item))) {
      item--;
    }
    if (added && !Differences.isItem(path.get(path.size() - 1))) {
      String what = item < 0 ? where : where + ": " + Differences.render(path.subList(0, item + 1));
      return TemplateIo.notCarried(what, Differences.render(path.subList(item + 1, path.size())), instead);
    }
    return new FormatException(where + ": " + Differences.render(path) + " is " + Differences.shown(d.path(), d.mine()) + ", which kfp4j "
        + (added ? "does not write again" : "writes again as " + Differences.shown(d.path(), d.again()))
        + ": the workflow written again would lose the edit. " + instead);
  }
}
