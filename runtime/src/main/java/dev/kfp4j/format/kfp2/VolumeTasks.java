package dev.kfp4j.format.kfp2;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.model.RunSetting;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.model.VolumeStep;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads kfp-kubernetes' {@code DeletePVC} tasks onto the {@code CreatePVC} task whose claim they delete: a {@code deletepvc}
 * task of the same DAG given {@code pvc_name} from that task's output {@code name}, as {@code
 * kubernetes.DeletePVC(pvc_name=pvc.outputs['name'])} writes it; a volume step with none keeps its claim.
 */
final class VolumeTasks {
  private VolumeTasks() {}

  /** The {@code createpvc} task of {@code dag} whose claim {@code deletepvc} task {@code task} deletes. */
  static String deletedClaim(JsonNode task, JsonNode dag, JsonNode components, JsonNode executors, String where) {
    JsonNode from = task.path("inputs").path("parameters").path("pvc_name").path("taskOutputParameter");
    String producer = from.path("producerTask").asString("");
    String label = components.path(dag.path("tasks").path(producer).path("componentRef").path("name").asString(""))
        .path("executorLabel").asString("");
    if (!executors.path(label).path("container").path("image").asString("").equals("argostub/createpvc")
        || !from.path("outputParameterKey").asString("").equals("name")) {
      throw new FormatException(where + " deletes a claim that no createpvc task of its DAG makes; kfp4j's model deletes a "
          + "claim in the DAG that makes it, given the name it made (kubernetes.DeletePVC(pvc_name=pvc.outputs['name']))");
    }
    return producer;
  }

  /**
   * The constant a createpvc task gives its input {@code name} ({@code pvc_name}, {@code pvc_name_suffix}), empty when it gives
   * none; a name given when the task runs (from a pipeline parameter or a task's output) is refused, as kfp4j's volume step names
   * its claim when the pipeline is compiled.
   */
  static String constant(JsonNode inputs, String name, String where) {
    JsonNode given = inputs.path(name);
    if (given.isMissingNode()) {
      return "";
    }
    JsonNode constant = given.path("runtimeValue").path("constant");
    if (!constant.isString()) {
      throw new FormatException(where + ": a createpvc task's " + name + " is given " + (constant.isMissingNode() ? "from a pipeline "
          + "parameter or a task's output" : "as " + constant) + "; kfp4j reads a claim named by a constant string (kubernetes.CreatePVC(" + name + "='...'))");
    }
    return constant.asString();
  }

  /** The settings kfp4j reads of a createpvc or deletepvc task: its caching, off after {@code set_caching_options(False)}. */
  static List<TaskSetting> settings(JsonNode task) {
    return task.has("cachingOptions") && !task.path("cachingOptions").path("enableCache").asBoolean(false)
        ? List.of(new RunSetting.Caching(false)) : List.of();
  }

  /** Gives each createpvc draft of a DAG's {@code drafts} (by task name) the deletepvc draft that deletes its claim. */
  static void link(Map<String, Draft> drafts, String where) {
    for (Map.Entry<String, Draft> e : drafts.entrySet()) {
      Draft delete = e.getValue();
      if (delete.deletes == null) {
        continue;
      }
      Draft volume = drafts.get(delete.deletes);
      if (volume.deletedBy != null) {
        throw new FormatException(where + ": tasks '" + volume.deletedBy.name + "' and '" + delete.name + "' both delete the claim "
            + "task '" + delete.deletes + "' makes; delete it once");
      }
      volume.deletedBy = delete;
    }
  }

  /** The deletion {@code volume}'s draft was given, or null: its claim is kept. */
  static VolumeStep.Deletion deletion(Draft volume) {
    Draft d = volume.deletedBy;
    return d == null ? null : new VolumeStep.Deletion(d.name, d.after, d.whateverHappened, d.settings);
  }
}
