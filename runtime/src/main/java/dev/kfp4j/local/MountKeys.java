package dev.kfp4j.local;

import dev.kfp4j.model.Task;
import dev.kfp4j.model.TaskSetting;
import java.nio.file.Path;
import java.util.TreeSet;

/**
 * The volumes a task mounts, as its cache key holds them. KFP 2's driver keys a task on the names of the claims it mounts,
 * the run's workspace's among them ({@code pvcNames} in {@code Container}, {@code backend/src/v2/driver/container.go}, to
 * {@code getFingerPrint}); KFP v1's cache keys an Argo template on its {@code volumeMounts} and {@code volumes} ({@code
 * generateCacheKeyFromTemplate}). So two tasks of one component reading another claim, or mounting one elsewhere (Argo), do
 * not share an entry; and a task mounting the workspace, a folder of its run, reuses an entry of that run only, as the
 * workspace's claim is named after the run on KFP.
 */
final class MountKeys {
  private MountKeys() {}

  /**
   * The part of {@code task}'s cache key its volumes make, empty for none; {@code kfp2}: a run of a KFP 2 spec; {@code
   * workspace}: the run's workspace folder, where the task mounts it, else null.
   */
  static String of(Task task, boolean kfp2, Path workspace) {
    TreeSet<String> keys = new TreeSet<>();
    for (TaskSetting s : task.settings()) {
      if (s instanceof TaskSetting.PvcMount m) {
        String folder = m.subPath().isEmpty() ? "" : " sub-path " + m.subPath(); // another folder, other files
        keys.add("claim " + m.claim() + folder + (kfp2 ? "" : " at " + m.mountPath()));
      } else if (!kfp2 && s instanceof TaskSetting.EmptyDirMount m) {
        keys.add("emptyDir " + m.volume() + " at " + m.mountPath() + " " + m.medium() + " " + m.sizeLimit());
      } else if (!kfp2 && s instanceof TaskSetting.EphemeralVolume v) {
        keys.add("ephemeral " + v.volume() + " at " + v.mountPath());
      }
    }
    if (workspace != null) {
      keys.add("workspace " + workspace);
    }
    return keys.isEmpty() ? "" : "\u0000mounts " + String.join("\u0000", keys);
  }
}
