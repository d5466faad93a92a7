package dev.kfp4j.local;

import dev.kfp4j.model.RunSetting;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.model.VolumeStep;
import dev.kfp4j.spec.ContainerSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A volume step of the pipeline model ({@code Dsl.volume}, KFP v1's {@code VolumeOp}, kfp-kubernetes' {@code CreatePVC}) as a
 * {@link Step}. Its claim, named after the run ({@code <run name>-<resource name>}, as Argo's {@code {{workflow.name}}-data}; in
 * a loop's iteration with the iteration's path too) or by its fixed name, is the folder of that name among the runs' volumes, as
 * a claim a task mounts by name is: made by the step ({@link MakeClaim}, which gives its outputs) and shared by the tasks that mount
 * it. The folder is kept after the run, and a claim of a fixed name is the same folder from run to run, unless a KFP 2 pipeline
 * deletes the claim ({@code deletepvc}, {@link VolumeStep.Deletion}): its step ({@link #deletion}, {@link DeleteClaim}) deletes
 * the folder if the volume step of this run made it (the step's folder in the run keeps a note saying so), else keeps it.
 */
final class ClaimSteps {
  private static final String MAIN = MakeClaim.class.getName();
  private static final String DELETE = DeleteClaim.class.getName();
  /** The file in a volume step's folder saying which claim folder it made. */
  private static final String MADE = "made-claim";

  private ClaimSteps() {}

  /**
   * The name the claim of {@code v}, task {@code id}, has in the run named {@code runName}: in a loop's iteration (KFP 2 only,
   * where each claim gets a random name) with the iterations in it ({@code <run>-for-loop-1-0-data}), so that each is a claim
   * of its own, as on KFP.
   */
  static String claim(VolumeStep v, TaskId id, String runName) {
    int last = id.id().lastIndexOf('/');
    String path = last < 0 || !id.id().contains("(") ? "" : id.id().substring(0, last); // for-loop-1(0)
    return v.claim(path.isEmpty() ? runName : runName + "-" + path.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", ""));
  }

  /**
   * The step of volume step {@code v}, whose claim is {@code claim}, in folder {@code folder}, of size {@code size}, as task {@code
   * id} in {@code dir}; {@code deleted}: whether the run deletes the claim, so that the step is never taken from the cache (each run
   * makes the folder it deletes).
   */
  static Step step(VolumeStep v, String claim, Path folder, String size, TaskId id, Path dir, LocalRunner.JavaMode mode,
      boolean deleted) {
    List<String> files = List.of("name", "size", "manifest");
    Map<String, Path> outputs = new java.util.LinkedHashMap<>();
    files.forEach(o -> outputs.put(o, RunPaths.inside(dir, "outputs", o, "data")));
    List<String> args = List.of(claim, size, v.accessMode(), v.storageClass());
    List<String> command = new java.util.ArrayList<>(List.of("java", "-cp", ContainerSpec.IMAGE_CLASSPATH, MAIN));
    command.addAll(args);
    files.forEach(o -> command.add("/tmp/outputs/" + o + "/data"));
    List<String> localCommand = new java.util.ArrayList<>(command.subList(0, 4 + args.size()));
    files.forEach(o -> localCommand.add(outputs.get(o).toString()));
    localCommand.add(folder.toString());
    localCommand.add(RunPaths.inside(dir, MADE).toString());
    boolean caching = !deleted && v.settings().stream().noneMatch(s -> s instanceof RunSetting.Caching c && !c.enabled());
    RetryPolicy retry = RetryPolicy.of(v.settings(), "volume '" + v.name() + "'");
    long timeout = 0;
    for (TaskSetting s : v.settings()) {
      if (s instanceof RunSetting.Timeout t) {
        timeout = t.seconds();
      }
    }
    return new Step(id, v.name(), "volume", dir, "", command, localCommand, Map.of(), outputs, Map.of(), Map.of(), List.of(),
        retry, timeout, caching, null, mode, Step.Mounts.NONE, Map.of(), Map.of(), null, Map.of(), Map.of(), Set.of(), "");
  }

  /**
   * The step deleting the claim {@code claim} of volume step {@code v} ({@link VolumeStep#deletion}), as task {@code id} in {@code
   * dir}: the folder {@code folder} of the runs' volumes {@code volumes}, only if the volume step, task {@code volumeDir}'s, made it
   * in this run. Never cached: a deletion is what it does, not what it gives.
   */
  static Step deletion(VolumeStep v, String claim, Path folder, Path volumes, Path volumeDir, TaskId id, Path dir,
      LocalRunner.JavaMode mode) {
    VolumeStep.Deletion d = v.deletion();
    List<String> command = List.of("java", "-cp", ContainerSpec.IMAGE_CLASSPATH, DELETE, claim);
    List<String> localCommand = new java.util.ArrayList<>(command);
    localCommand.addAll(List.of(folder.toString(), volumes.toAbsolutePath().normalize().toString(),
        RunPaths.inside(volumeDir, MADE).toString()));
    RetryPolicy retry = RetryPolicy.of(d.settings(), "volume deletion '" + d.name() + "'");
    return new Step(id, d.name(), DELETE_TEMPLATE, dir, "", command, localCommand, Map.of(), Map.of(), Map.of(), Map.of(), List.of(),
        retry, 0, false, null, mode, Step.Mounts.NONE, Map.of(), Map.of(), null, Map.of(), Map.of(), Set.of(), "");
  }

  /** What a claim's deletion runs, for people. */
  static final String DELETE_TEMPLATE = "volume-deletion";

  /**
   * The steps (or the groups holding them) the deletion of {@code v}'s claim waits for, by name, among {@code pipeline}'s nodes:
   * those it names, or, deleted after the steps that mount the claim ({@link VolumeStep#mountedBy}), every step that does, and
   * the volume step itself.
   */
  static List<String> deletionAfter(dev.kfp4j.model.Pipeline pipeline, VolumeStep v) {
    VolumeStep.Deletion d = v.deletion();
    if (!d.afterMounts()) {
      return d.after();
    }
    List<String> after = new java.util.ArrayList<>(List.of(v.name()));
    for (dev.kfp4j.model.Step s : pipeline.steps()) {
      if (v.mountedBy(s) && !after.contains(s.name())) {
        after.add(s.name());
      }
    }
    return after;
  }
}
