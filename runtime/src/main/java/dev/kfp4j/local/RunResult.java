package dev.kfp4j.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The outcome of a local run: its state, folder and every task. */
public record RunResult(String pipeline, String runId, boolean succeeded, Path runDir, List<TaskResult> tasks) {

  /** The task with this id (its name, for tasks at the top of the DAG). */
  public Optional<TaskResult> task(String id) {
    return tasks.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  /** An output parameter of a task, e.g. {@code output("multiply", "Output")}. */
  public String output(String taskId, String output) {
    TaskResult t = task(taskId).orElseThrow(() -> new IllegalArgumentException("no task '" + taskId + "' in run " + runId));
    String v = t.outputs().get(output);
    if (v == null) {
      throw new IllegalArgumentException("task '" + taskId + "' has no output '" + output + "'; it has " + t.outputs().keySet());
    }
    return v;
  }

  /** The first task that failed, if any. */
  public Optional<TaskResult> failedTask() {
    return tasks.stream().filter(t -> t.state() == TaskResult.State.Failed).findFirst();
  }
}
