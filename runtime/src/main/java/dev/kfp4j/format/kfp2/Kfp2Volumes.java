package dev.kfp4j.format.kfp2;

import dev.kfp4j.format.kfp2.Levels.Level;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.RunSetting;
import dev.kfp4j.model.Step;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.model.VolumeStep;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a volume step as kfp-kubernetes writes {@code CreatePVC} (a task running {@code createpvc}, given {@code pvc_name_suffix},
 * or {@code pvc_name} for a fixed name) and its deletion, if it has
 * one, as {@code DeletePVC} (a task running {@code deletepvc}, given the claim's name): after the steps the model names, or, for
 * kfp4j's own volumes, after every step that mounts the claim (as the volume's, or by the name it gives), whatever happened to them.
 */
final class Kfp2Volumes {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Pipeline pipeline;
  private final Levels levels;
  private final TaskInputs inputs;
  private final Kfp2Components components;

  Kfp2Volumes(Pipeline pipeline, Levels levels, TaskInputs inputs, Kfp2Components components) {
    this.pipeline = pipeline;
    this.levels = levels;
    this.inputs = inputs;
    this.components = components;
  }

  /** Fills task {@code t} of volume step {@code v}, in {@code level}'s DAG, adding what it waits for to {@code deps}. */
  void create(ObjectNode t, VolumeStep v, Level level, Set<String> deps) {
    caching(t, v.settings());
    t.putObject("componentRef").put("name", components.builtIn("createpvc", BuiltIns.createPvc()));
    TaskInputs.constant(t, "access_modes", NODES.arrayNode().add(v.accessMode()));
    if (v.uniqueName()) {
      TaskInputs.constant(t, "pvc_name_suffix", NODES.stringNode("-" + v.resourceName()));
    } else {
      TaskInputs.constant(t, "pvc_name", NODES.stringNode(v.resourceName()));
    }
    inputs.input(t, "size", v.size(), level, deps, false);
    TaskInputs.constant(t, "storage_class_name", NODES.stringNode(v.storageClass()));
  }

  /** The task deleting the claim of {@code v} ({@link VolumeStep#deletion}, not null), in {@code level}'s DAG. */
  ObjectNode delete(VolumeStep v, Level level) {
    VolumeStep.Deletion deletion = v.deletion();
    ObjectNode t = NODES.objectNode();
    caching(t, deletion.settings());
    t.putObject("componentRef").put("name", components.builtIn("deletepvc", BuiltIns.deletePvc()));
    t.putObject("taskInfo").put("name", deletion.name());
    Set<String> deps = new LinkedHashSet<>();
    if (deletion.afterMounts()) {
      inputs.input(t, "pvc_name", new Argument.TaskOutput(v.name(), "name"), level, deps, false);
      for (Step s : pipeline.steps()) {
        for (TaskSetting setting : s.settings()) {
          if (setting instanceof TaskSetting.VolumeMount m && m.volume().equals(v.name())
              || setting instanceof TaskSetting.PvcMountFrom f && f.claim().equals(new Argument.TaskOutput(v.name(), "name"))) {
            addMember(deps, s.name(), level); // mountVolume(v, ...), or mountPvc(v.name(), ...): a mount of the claim all the same
          }
        }
      }
    } else { // in the order the model keeps, which is KFP's
      deletion.after().forEach(step -> addMember(deps, step, level));
      inputs.input(t, "pvc_name", new Argument.TaskOutput(v.name(), "name"), level, deps, false);
    }
    TaskInputs.putDependencies(t, deps);
    if (deletion.whateverHappened()) {
      t.putObject("triggerPolicy").put("strategy", "ALL_UPSTREAM_TASKS_COMPLETED");
    }
    return t;
  }

  private void addMember(Set<String> deps, String step, Level level) {
    Object member = levels.memberContaining(step, level);
    if (member != null) {
      deps.add(member instanceof Step st ? st.name() : ((Level) member).name);
    }
  }

  /** {@code cachingOptions} as kfp-kubernetes' task writes it: {@code enableCache: true}, or empty after {@code set_caching_options(False)}. */
  private static void caching(ObjectNode t, List<TaskSetting> settings) {
    boolean off = settings.stream().anyMatch(s -> s instanceof RunSetting.Caching c && !c.enabled());
    ObjectNode caching = t.putObject("cachingOptions");
    if (!off) {
      caching.put("enableCache", true);
    }
  }
}
