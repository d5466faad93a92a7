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
 * are read from the file's task names, so a task moved or removed by hand changes none of them. A DAG template added by
 * hand and run by a task with neither a condition nor a loop is refused too: kfp4j reads its tasks into the DAG that runs it.
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
    checkFlattened(read, again, dags, source);
  }

  /**
   * Refuses a DAG template of {@code read} that {@code again} has not: one run by a task with neither a {@code when} nor a
   * loop, which kfp4j writes for no group, so that one added by hand is read as its tasks alone, put into the DAG that runs
   * it, and the workflow written again would lose its name and its nesting.
   */
  private static void checkFlattened(JsonNode read, JsonNode again, List<String> dags, String source) {
    List<String> written = new ArrayList<>();
    again.path("spec").path("templates").forEach(t -> written.add(t.path("name").asString("")));
    for (JsonNode t : read.path("spec").path("templates")) {
      for (JsonNode task : t.path("dag").path("tasks")) {
        String template = task.path("template").asString("");
        if (dags.contains(template) && !written.contains(template)) {
          throw new FormatException(source + ": template '" + template + "' is a DAG that task '" + task.path("name").asString("")
              + "' of template '" + t.path("name").asString("") + "' runs with neither a when nor a loop, which kfp4j writes for"
              + " no group of a workflow of its own: its tasks are read into the DAG that runs it, and the workflow written again"
              + " would lose the template and its nesting. Move its tasks into '" + t.path("name").asString("") + "' (or write"
              + " them in a Dsl.when or Dsl.forEach of the pipeline and compile it again), or submit the file with Argo's own"
              + " tools");
        }
      }
    }
  }

  private static FormatException refusal(String what, String instead) {
    return new FormatException(what + ": the workflow written again would lose the name. " + instead + ", or undo the edit"
        + " (where no one renamed it, another version of kfp4j wrote it: compile its pipeline again with this one), or submit the"
        + " file with Argo's own tools");
  }
}
