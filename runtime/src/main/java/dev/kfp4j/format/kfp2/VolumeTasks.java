package dev.kfp4j.format.kfp2;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.model.RunSetting;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.model.VolumeStep;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads kfp-kubernetes' {@code CreatePVC} tasks' claims ({@link #claim}), and their {@code DeletePVC} tasks onto the {@code
 * CreatePVC} task whose claim they delete: a {@code deletepvc} task of the same DAG given {@code pvc_name} from that task's
 * output {@code name}, as {@code kubernetes.DeletePVC(pvc_name=pvc.outputs['name'])} writes it; a volume step with none keeps its
 * claim.
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

  /** The claim a createpvc task asks for: its name (unique to the run, or fixed), access mode and storage class. */
  record Claim(String resourceName, boolean uniqueName, String accessMode, String storageClass) {}

  /** The inputs of a createpvc task kfp4j's volume step holds; {@code size} is read as any argument is. */
  private static final java.util.Set<String> CLAIM_INPUTS = java.util.Set.of("access_modes", "pvc_name", "pvc_name_suffix", "size",
      "storage_class_name");

  /**
   * The claim of a createpvc task with inputs {@code in}: named by {@code pvc_name_suffix} or {@code pvc_name}, one of them a
   * constant, with one access mode and a storage class, constants. What kfp4j's volume step has no place for (a claim named at
   * random, by a parameter; several access modes; kfp-kubernetes' {@code annotations}, {@code data_source}, {@code volume_name})
   * is refused, naming it, rather than dropped.
   */
  static Claim claim(JsonNode in, String where) {
    for (String input : in.propertyNames()) {
      if (!CLAIM_INPUTS.contains(input)) {
        throw new FormatException(where + ": a createpvc task's input '" + input + "' (kubernetes.CreatePVC(" + input + "=...)) has no "
            + "place in kfp4j's volume step, which makes a claim of a name, size, access mode and storage class");
      }
    }
    String suffix = constant(in, "pvc_name_suffix", where);
    String fixed = constant(in, "pvc_name", where);
    if (suffix.isEmpty() == fixed.isEmpty()) {
      throw new FormatException(where + ": a createpvc task "
          + (suffix.isEmpty() ? "with neither pvc_name nor pvc_name_suffix names its claim by a random name" : "gives both pvc_name and pvc_name_suffix")
          + "; kfp4j reads a claim named by one of them (kubernetes.CreatePVC(pvc_name_suffix='-my-pvc') or pvc_name='my-pvc')");
    }
    JsonNode modes = in.path("access_modes").path("runtimeValue").path("constant");
    if (!modes.isArray() || modes.size() != 1 || !modes.get(0).isString()) {
      throw new FormatException(where + ": a createpvc task's access_modes are " + (modes.isMissingNode() ? "not a constant" : modes)
          + "; kfp4j's volume step asks for one access mode, a constant (kubernetes.CreatePVC(access_modes=['ReadWriteOnce']))");
    }
    String accessMode = modes.get(0).asString();
    String storageClass = constant(in, "storage_class_name", where);
    String resourceName = fixed.isEmpty() ? suffix.replaceFirst("^-", "") : fixed;
    try {
      VolumeStep.checkClaim(resourceName, accessMode, storageClass);
    } catch (IllegalArgumentException e) {
      throw new FormatException(where + ": " + e.getMessage(), e);
    }
    return new Claim(resourceName, fixed.isEmpty(), accessMode, storageClass);
  }

  /**
   * The constant a createpvc task gives its input {@code name} ({@code pvc_name}, {@code pvc_name_suffix}, {@code
   * storage_class_name}), empty when it gives none; one given when the task runs (from a pipeline parameter or a task's output) is
   * refused, as kfp4j's volume step takes it when the pipeline is compiled.
   */
  private static String constant(JsonNode inputs, String name, String where) {
    JsonNode given = inputs.path(name);
    if (given.isMissingNode()) {
      return "";
    }
    JsonNode constant = given.path("runtimeValue").path("constant");
    if (!constant.isString()) {
      throw new FormatException(where + ": a createpvc task's " + name + " is given " + (constant.isMissingNode() ? "from a pipeline "
          + "parameter or a task's output" : "as " + constant) + "; kfp4j reads a constant string (kubernetes.CreatePVC(" + name + "='...'))");
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
