package dev.kfp4j.local;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The folders of a run's tasks, one for each task: {@link RunPaths#taskFolder} of its id, refused to a task when it is
 * another's. The ids of two tasks that differ only where a folder name holds {@code _} ({@code a b} and {@code a_b}; a
 * task {@code outer_x} and task {@code x} in group {@code outer}) name one folder, where each would replace or delete what
 * the other wrote. KFP's compiler and Argo name no such tasks; a KFP 2 pipeline written by hand or by another tool can.
 */
final class TaskFolders {
  private final Path runDir;
  /** The id of the task of each folder given out. */
  private final Map<String, String> taken = new ConcurrentHashMap<>();

  TaskFolders(Path runDir) {
    this.runDir = runDir;
  }

  /** The folder of the task of id {@code taskId}; a {@link WorkflowException} when it is another task's. */
  Path of(String taskId) {
    String folder = RunPaths.taskFolder(taskId);
    String other = taken.putIfAbsent(folder, taskId);
    if (other != null && !other.equals(taskId)) {
      throw new WorkflowException("task '" + taskId + "' would have the folder " + folder + " of the run, which is task '"
          + other + "''s: name the tasks apart, with letters, digits and '-' as KFP's compiler names them");
    }
    return RunPaths.inside(runDir, folder);
  }
}
