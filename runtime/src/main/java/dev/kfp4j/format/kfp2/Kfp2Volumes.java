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
 * kfp4j's own volumes, after every step that mounts the claim (as the volume's, or by the name it gives): whatever happened to
 * it when one task or group mounts it, else once they all succeeded, as KFP's backend runs them ({@link #oneHook}).
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

  /**
   * The task deleting the claim of {@code v} ({@link VolumeStep#deletion}, not null), in {@code level}'s DAG; null for kfp4j's own
   * deletion of a claim that a task KFP's backend runs as an exit hook mounts ({@link #hook}): a task waiting for it would name a
   * task its DAG does not hold, which Argo refuses, so the claim is kept.
   */
  ObjectNode delete(VolumeStep v, Level level) {
    VolumeStep.Deletion deletion = v.deletion();
    Set<String> deps = new LinkedHashSet<>();
    Set<Object> mounts = new LinkedHashSet<>();
    if (deletion.afterMounts()) {
      for (Step s : pipeline.steps()) {
        if (!v.mountedBy(s)) { // mountVolume(v, ...), mountPvc(v.name(), ...), or by its fixed name: a mount of the claim all the same
          continue;
        }
        if (levels.memberContaining(s.name(), level) == null && hookOutside(s)) {
          return null; // the exit task mounting a claim made in the exit handler's body runs after the body, its deletion too
        }
        addMember(deps, s.name(), level, mounts);
      }
      if (mounts.stream().anyMatch(this::hook)) {
        return null; // KFP's backend runs that task as an exit hook, after which nothing can wait: the claim is kept
      }
    }
    ObjectNode t = NODES.objectNode();
    caching(t, deletion.settings());
    t.putObject("componentRef").put("name", components.builtIn("deletepvc", BuiltIns.deletePvc()));
    t.putObject("taskInfo").put("name", deletion.name());
    boolean whateverHappened = deletion.whateverHappened();
    if (deletion.afterMounts()) {
      Set<String> after = new LinkedHashSet<>();
      inputs.input(t, "pvc_name", new Argument.TaskOutput(v.name(), "name"), level, after, false);
      after.addAll(deps);
      deps = after;
      whateverHappened = oneHook(mounts);
    } else { // in the order the model keeps, which is KFP's
      for (String step : deletion.after()) {
        addMember(deps, step, level, new LinkedHashSet<>());
      }
      inputs.input(t, "pvc_name", new Argument.TaskOutput(v.name(), "name"), level, deps, false);
    }
    TaskInputs.putDependencies(t, deps);
    if (whateverHappened) {
      t.putObject("triggerPolicy").put("strategy", "ALL_UPSTREAM_TASKS_COMPLETED");
    }
    return t;
  }

  /**
   * Whether kfp4j's own deletion, waiting for the members {@code mounts} of its DAG that mount the claim, may run whatever
   * happened to them on KFP's backend. Its compiler makes a task of {@code ALL_UPSTREAM_TASKS_COMPLETED} no task of the DAG but an
   * Argo exit hook of each task it depends on ({@code DAG} in {@code backend/src/v2/compiler/argocompiler/dag.go}; none on a
   * {@code createpvc} task, which runs no executor, nor on a loop, whose {@code iteratorTask} drops it): so it runs once after each
   * of several mounts, the first deleting the claim while the others still use it, and never after a loop. It does what kfp4j
   * means only after one task or group that is not a loop; else it is written as kfp-kubernetes' {@code DeletePVC(...).after(...)}
   * is, run once they all succeeded (a failure keeps the claim).
   */
  private static boolean oneHook(Set<Object> mounts) {
    return mounts.size() == 1 && !(mounts.iterator().next() instanceof Level l && l.node instanceof dev.kfp4j.model.Loop);
  }

  /**
   * Whether member {@code m} of a DAG runs as an Argo exit hook on KFP's backend, not as a task of the DAG ({@code DAG} in {@code
   * backend/src/v2/compiler/argocompiler/dag.go}): the exit task, a pipeline run as the exit task, a task run after a failure.
   */
  private boolean hook(Object m) {
    return m instanceof Step s ? s == pipeline.exitTask() || RunSetting.afterFailure(s) : m == levels.exitPipeline;
  }

  /**
   * Whether step {@code s}, outside the DAG of the volume step, runs as an Argo exit hook on KFP's backend: the exit task, or a
   * task of the pipeline run as the exit task, which run after the exit handler's group, hooks and all ({@code DAG} in {@code
   * backend/src/v2/compiler/argocompiler/dag.go}), so after a deletion in that group.
   */
  private boolean hookOutside(Step s) {
    return s == pipeline.exitTask() || levels.exitPipeline != null && levels.levelOf(s.name()).within(levels.exitPipeline);
  }

  private void addMember(Set<String> deps, String step, Level level, Set<Object> members) {
    Object member = levels.memberContaining(step, level);
    if (member != null) {
      deps.add(member instanceof Step st ? st.name() : ((Level) member).name);
      members.add(member);
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
