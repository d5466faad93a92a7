package dev.kfp4j.local;

import dev.kfp4j.model.RunSetting;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.model.VolumeStep;
import dev.kfp4j.spec.ContainerSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A volume step of the pipeline model ({@code Dsl.volume}, KFP v1's {@code VolumeOp}, kfp-kubernetes' {@code CreatePVC}) as a
 * {@link Step}. Its claim, named after the run ({@code <run name>-<resource name>}, as Argo's {@code {{workflow.name}}-data}; in
 * a loop's iteration with the iteration's path too) or by its fixed name, is the folder of that name among the runs' volumes, as
 * a claim a task mounts by name is: made before the step runs and shared by the tasks that mount it. {@link MakeClaim} gives its
 * outputs. The folder is kept after the run (KFP 2's {@code deletepvc} is not run here), and a claim of a fixed name is the same
 * folder from run to run.
 */
final class ClaimSteps {
  private static final String MAIN = MakeClaim.class.getName();

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

  /** The step of volume step {@code v}, whose claim is {@code claim}, in folder {@code folder}, of size {@code size}, as task {@code id}. */
  static Step step(VolumeStep v, String claim, Path folder, String size, TaskId id, Path dir, LocalRunner.JavaMode mode) {
    List<String> files = List.of("name", "size", "manifest");
    Map<String, Path> outputs = new java.util.LinkedHashMap<>();
    files.forEach(o -> outputs.put(o, RunPaths.inside(dir, "outputs", o, "data")));
    List<String> args = List.of(claim, size, v.accessMode(), v.storageClass());
    List<String> command = new java.util.ArrayList<>(List.of("java", "-cp", ContainerSpec.IMAGE_CLASSPATH, MAIN));
    command.addAll(args);
    files.forEach(o -> command.add("/tmp/outputs/" + o + "/data"));
    List<String> localCommand = new java.util.ArrayList<>(command.subList(0, 4 + args.size()));
    files.forEach(o -> localCommand.add(outputs.get(o).toString()));
    boolean caching = v.settings().stream().noneMatch(s -> s instanceof RunSetting.Caching c && !c.enabled());
    RetryPolicy retry = RetryPolicy.of(v.settings(), "volume '" + v.name() + "'");
    long timeout = 0;
    for (TaskSetting s : v.settings()) {
      if (s instanceof RunSetting.Timeout t) {
        timeout = t.seconds();
      }
    }
    return new Step(id, v.name(), "volume", dir, "", command, localCommand, Map.of(), outputs, Map.of(), Map.of(), List.of(folder),
        retry, timeout, caching, null, mode, Step.Mounts.NONE, Map.of(), Map.of(), null);
  }
}
