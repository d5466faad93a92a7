package dev.kfp4j.model;

import java.util.List;
import java.util.Map;

/**
 * A node that runs: a {@link Task} running a component, a {@link VolumeStep} making a volume for
 * the run, a {@link ResourceStep} acting on a Kubernetes resource, or an {@link ImporterStep}
 * bringing an existing artifact into the run. Each takes arguments by
 * input name, waits for the steps named in {@link #after()} besides those whose outputs it reads,
 * and carries its settings in the order they were set.
 */
public sealed interface Step extends Node permits Task, VolumeStep, ResourceStep, ImporterStep, CalledPipeline {
  Map<String, Argument> arguments();

  /** Steps this one waits for without reading their outputs, by name. */
  List<String> after();

  List<TaskSetting> settings();
}
