package dev.kfp4j.format.argo;

import dev.kfp4j.format.FormatException;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A task's argument artifact with {@code optional: true}, as Argo's controller takes it. Its {@code from} resolved, it is
 * passed as any other: the flag changes nothing. Only where its source cannot be resolved (an optional output its task did
 * not save) is it dropped ({@code resolveDependencyReferences}, dag.go), and then the template it is given to runs without the
 * file where its input is {@code optional: true} too (or with the input's own {@code raw} text or source), and errors where it
 * is not ({@code ProcessArgs}, workflow/common/util.go: {@code inputs.artifacts.NAME was not supplied}), as a run here errors a
 * task whose file is missing. So a run here takes the flag, and refuses only the one case it would run otherwise than Argo:
 * such an input given an optional argument that may be missing.
 */
final class OptionalArguments {
  /** An argument artifact's {@code from} that names an output artifact of a sibling task. */
  private static final Pattern TASK_ARTIFACT = Pattern.compile("\\{\\{\\s*tasks\\.([^.{}\\s]+)\\.outputs\\.artifacts\\.([^.{}\\s]+)\\s*}}");

  private OptionalArguments() {}

  /**
   * Refuses {@code argument}, an artifact a task passes to template {@code template}, where it is {@code optional: true}, the
   * template's input it is given to has a file without it ({@link #runsWithout}), and its source may be missing: it is neither {@code raw} text nor an output of a
   * sibling task ({@code siblings}, by name) whose container template ({@code templates}, by name) saves it always (not {@code
   * optional: true}). {@code where} names the task.
   */
  static void check(JsonNode argument, JsonNode template, Map<String, JsonNode> siblings, Map<String, JsonNode> templates,
      String where) {
    String name = argument.path("name").asString("");
    if (!argument.path("optional").asBoolean(false) || !runsWithout(template, name) || argument.has("raw")
        || alwaysSaved(argument.path("from").asString(""), siblings, templates)) {
      return;
    }
    throw new FormatException(where + " passes artifact '" + name + "' with optional: true, from '" + argument.path("from").asString("")
        + "', which may be missing (not an output its task always saves), to an input that has a file without it (optional: true,"
        + " raw or a source of its own): Argo runs the task with that where the argument is missing, a run here gives a task each"
        + " file it passes. Drop optional from the argument: the task then errors, as on Argo, where the file is missing");
  }

  /**
   * Refuses a task of DAG template {@code template} (named by {@code where}) that passes an argument artifact with {@code
   * optional: true} to a DAG template (one of {@code dags}, by name): the model puts a nested DAG's tasks into the DAG that
   * runs it, so the workflow written again has no such task to carry it. A container task's is carried ({@link ArgoKeys}).
   */
  static void checkCarried(JsonNode template, Set<String> dags, String where) {
    for (JsonNode task : template.path("dag").path("tasks")) {
      Set<String> optional = ArgoKeys.optionalArguments(task);
      if (!optional.isEmpty() && dags.contains(task.path("template").asString(""))) {
        throw new FormatException(where + ": task '" + task.path("name").asString("") + "' passes artifact '" + optional.iterator().next()
            + "' with optional: true to DAG template '" + task.path("template").asString("") + "', which kfp4j's model does not carry:"
            + " it puts a nested DAG's tasks into the DAG that runs it, so the workflow written again would lose it. Drop optional"
            + " (a missing file then errors the task, as without it), or submit the file with Argo's own tools");
      }
    }
  }

  /**
   * Whether input artifact {@code name} of {@code template} has a file where it is given none, as Argo's {@code ProcessArgs}
   * takes it: it is optional, or has a source of its own ({@link TemplateIo#sources}) or {@code raw} text.
   */
  private static boolean runsWithout(JsonNode template, String name) {
    for (JsonNode in : template.path("inputs").path("artifacts")) {
      if (in.path("name").asString("").equals(name) && in.has("raw")) {
        return true;
      }
    }
    return TemplateIo.sources(template).containsKey(name);
  }

  /** Whether {@code from} names an output artifact that its task, a sibling running a container template, saves whenever it succeeds. */
  private static boolean alwaysSaved(String from, Map<String, JsonNode> siblings, Map<String, JsonNode> templates) {
    Matcher m = TASK_ARTIFACT.matcher(from);
    if (!m.matches() || !siblings.containsKey(m.group(1))) {
      return false;
    }
    JsonNode producer = templates.get(siblings.get(m.group(1)).path("template").asString(""));
    if (producer == null || !producer.has("container")) {
      return false;
    }
    for (JsonNode out : producer.path("outputs").path("artifacts")) {
      if (out.path("name").asString("").equals(m.group(2))) {
        return !out.path("optional").asBoolean(false);
      }
    }
    return false;
  }
}
