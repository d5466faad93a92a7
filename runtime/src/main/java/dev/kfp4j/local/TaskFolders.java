package dev.kfp4j.local;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The folders of a run's tasks, one for each task: {@link RunPaths#taskFolder} of its id, refused to a task when it is
 * another's. The ids of two tasks that differ only where a folder name holds {@code _} ({@code a b} and {@code a_b}; a
 * task {@code outer_x} and task {@code x} in group {@code outer}) name one folder, where each would replace or delete what
 * the other wrote. KFP's compiler and Argo name no such tasks; a KFP 2 pipeline written by hand or by another tool can.
 * Nor is a task given a folder or file the run keeps beside them: its record, its pipeline, its journal, its lock, and the
 * pipeline's workspace ({@code workspace}, which a task's start would have cleared of its {@code outputs} and {@code tmp}).
 * A task's folder that is a link (a run folder edited by hand, then resumed) is refused too: the task's start clears its
 * {@code outputs} and {@code tmp} and writes its log, which would be done in the folder the link points to.
 */
final class TaskFolders {
  private final Path runDir;
  /** What the run keeps under each name of its folder that is not a task's. */
  private final Map<String, String> kept;
  /** The id of the task of each folder given out. */
  private final Map<String, String> taken = new ConcurrentHashMap<>();

  /** {@code workspace}: whether the pipeline has one, the run's folder {@code workspace}. */
  TaskFolders(Path runDir, boolean workspace) {
    this.runDir = runDir;
    Map<String, String> names = new java.util.HashMap<>(Map.of("run.json", "the run's record", LocalRunner.WORKFLOW_FILE,
        "the pipeline the run ran", Journal.FILE, "the run's journal", RunLock.FILE, "the run's lock"));
    if (workspace) {
      names.put("workspace", "the pipeline's workspace");
    }
    this.kept = Map.copyOf(names);
  }

  /** The folder of the task of id {@code taskId}; a {@link WorkflowException} when it is another task's. */
  Path of(String taskId) {
    String folder = RunPaths.taskFolder(taskId);
    if (kept.containsKey(folder)) {
      throw new WorkflowException("task '" + taskId + "' would have the folder " + folder + " of the run, which is "
          + kept.get(folder) + ": name the task otherwise");
    }
    String other = taken.putIfAbsent(folder, taskId);
    if (other != null && !other.equals(taskId)) {
      throw new WorkflowException("task '" + taskId + "' would have the folder " + folder + " of the run, which is task '"
          + other + "''s: name the tasks apart, with letters, digits and '-' as KFP's compiler names them");
    }
    Path dir = RunPaths.inside(runDir, folder);
    if (java.nio.file.Files.isSymbolicLink(dir)) { // a run folder edited by hand, then resumed
      throw new WorkflowException("task '" + taskId + "''s folder " + dir + " is a link (-> " + RunPaths.linkTarget(dir)
          + "), which kfp4j does "
          + "not follow, as the task's start would clear and write what it points to: delete the link, and the task runs afresh");
    }
    return dir;
  }
}
