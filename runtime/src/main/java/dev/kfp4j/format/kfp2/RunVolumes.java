package dev.kfp4j.format.kfp2;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.RunVolume;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.model.VolumeStep;
import java.util.List;

/**
 * A run's volume in KFP 2, as kfp-kubernetes makes one: a {@code CreatePVC} step at the root,
 * before everything else ({@link #step}), mounted in every task ({@link #mounted}); {@link
 * Kfp2Dags} deletes it once every task that mounts it succeeded ({@code Kfp2Volumes#oneHook}: KFP's backend runs a task
 * after several whatever happened once after each).
 */
final class RunVolumes {
  private RunVolumes() {}

  /** The pipeline with every task (the exit task too) mounting its run volume; as it is without one. */
  static Pipeline mounted(Pipeline pipeline) {
    RunVolume v = pipeline.settings().runVolume();
    if (v == null) {
      return pipeline;
    }
    if (pipeline.node(RunVolume.NAME).isPresent()) {
      throw new FormatException("pipeline '" + pipeline.name() + "': a task is named '" + RunVolume.NAME
          + "', the name of the run's volume step; rename the task");
    }
    TaskSetting.VolumeMount mount = new TaskSetting.VolumeMount(RunVolume.NAME, v.mountPath());
    return pipeline.mapTasks(t -> t.with(mount));
  }

  /** The step that makes the run's volume, or null. */
  static VolumeStep step(Pipeline pipeline) {
    RunVolume v = pipeline.settings().runVolume();
    return v == null ? null : new VolumeStep(RunVolume.NAME, RunVolume.NAME, new Argument.Constant(v.size(), ParameterType.STRING),
        v.accessMode(), v.storageClass(), List.of(), List.of(), VolumeStep.Deletion.afterMounts(RunVolume.NAME));
  }
}
