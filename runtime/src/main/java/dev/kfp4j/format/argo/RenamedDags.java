package dev.kfp4j.format.argo;

import dev.kfp4j.format.FormatException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Refuses a DAG template of a workflow kfp4j wrote that was renamed by hand, as {@link EditedTemplates} refuses a renamed
 * container template: kfp4j names the entrypoint after the pipeline ({@code p}), the exit handler after it too ({@code
 * p-exit-handler}) and a condition's or loop's DAG template after the task that runs it, which names the group, so the
 * workflow written again would lose another name. A DAG template has no mark of its own, but the workflow kfp4j wrote has
 * ({@link #writtenByKfp4j}); another tool's workflow is read into kfp4j's names on purpose, and is not checked. Group names
 * are read from the file's task names, so a task moved or removed by hand changes none of them.
 */
final class RenamedDags {
  private RenamedDags() {}

  /** Whether kfp4j wrote {@code workflow}: its label ({@link Argo#SDK_TYPE_LABEL}) and KFP v1's pipeline annotation. */
  static boolean writtenByKfp4j(JsonNode workflow) {
    JsonNode metadata = workflow.path("metadata");
    return Argo.SDK_TYPE.equals(metadata.path("labels").path(Argo.SDK_TYPE_LABEL).asString(""))
        && metadata.path("annotations").hasNonNull(Argo.PIPELINE_SPEC);
  }

  /**
   * Refuses a DAG template of workflow {@code read}, if kfp4j wrote it, whose name {@code again}, the workflow written again
   * from the pipeline read from it, does not give it; {@code source} names the file.
   */
  static void check(JsonNode read, JsonNode again, String source) {
    if (!writtenByKfp4j(read)) {
      return;
    }
    Map<String, List<String>> runBy = new LinkedHashMap<>(); // a group's DAG template: the names of the tasks that run it
    List<String> dags = new ArrayList<>();
    read.path("spec").path("templates").forEach(t -> {
      if (t.has("dag")) {
        dags.add(t.path("name").asString(""));
      }
    });
    for (JsonNode t : read.path("spec").path("templates")) {
      for (JsonNode task : t.path("dag").path("tasks")) {
        String template = task.path("template").asString("");
        if (dags.contains(template) && (task.has("when") || task.has("withItems") || task.has("withParam"))) {
          runBy.computeIfAbsent(template, k -> new ArrayList<>()).add(task.path("name").asString(""));
        }
      }
    }
    String pipeline = ArgoReader.name(again);
    String where = source + ": template '%s' (%s, written by kfp4j) is named '%s', which kfp4j writes again as '%s', after ";
    for (String key : List.of("entrypoint", "onExit")) {
      String name = read.path("spec").path(key).asString("");
      String named = again.path("spec").path(key).asString("");
      if (dags.contains(name) && !name.equals(named)) {
        String what = key.equals("onExit") ? "the exit handler" : "the entrypoint";
        throw refusal(where.formatted(name, what, name, named) + "the pipeline's name '" + pipeline + "'", "kfp4j names " + what
            + " after the pipeline: name the pipeline instead (@Pipeline(name = \"...\") on its method, the workflow's"
            + " generateName) and compile it again");
      }
    }
    runBy.forEach((template, tasks) -> {
      if (!tasks.contains(template)) {
        throw refusal(where.formatted(template, "a condition's or loop's DAG", template, tasks.get(0)) + "its task '"
            + tasks.get(0) + "'", "kfp4j names the DAG template of a condition or loop after its group, which the task that runs"
            + " it names (kfp4j numbers a Dsl.when's or Dsl.forEach's group in the order written: condition-1, for-loop-2):"
            + " rename that task too");
      }
    });
  }

  private static FormatException refusal(String what, String instead) {
    return new FormatException(what + ": the workflow written again would lose the name. " + instead + ", or undo the edit"
        + " (where no one renamed it, another version of kfp4j wrote it: compile its pipeline again with this one), or submit the"
        + " file with Argo's own tools");
  }
}
