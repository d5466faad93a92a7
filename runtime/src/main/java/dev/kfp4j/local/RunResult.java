package dev.kfp4j.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of a local run: its state ({@link TaskResult.State#Succeeded}, {@link TaskResult.State#Failed}, or {@link
 * TaskResult.State#Error} as Argo's workflow phase says where a task of an Argo workflow could not proceed), folder, every
 * task, and the pipeline's outputs ({@code outputs}: KFP 2's
 * pipeline outputs by name, what KFP's {@code kfp.local} gives as a pipeline task's {@code .output} and {@code
 * .outputs[...]}: a value as its text, an artifact as its file, a list of artifacts as a JSON list of their files; an
 * output whose task gave nothing is left out; none for a pipeline without outputs, such as every Argo workflow).
 */
public record RunResult(String pipeline, String runId, TaskResult.State state, Path runDir, List<TaskResult> tasks,
    Map<String, String> outputs) {
  public RunResult {
    outputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputs));
  }

  /** A run that succeeded or failed. */
  public RunResult(String pipeline, String runId, boolean succeeded, Path runDir, List<TaskResult> tasks, Map<String, String> outputs) {
    this(pipeline, runId, succeeded ? TaskResult.State.Succeeded : TaskResult.State.Failed, runDir, tasks, outputs);
  }

  /** A run without pipeline outputs. */
  public RunResult(String pipeline, String runId, boolean succeeded, Path runDir, List<TaskResult> tasks) {
    this(pipeline, runId, succeeded, runDir, tasks, Map.of());
  }

  /** Whether the run succeeded. */
  public boolean succeeded() {
    return state == TaskResult.State.Succeeded;
  }

  /**
   * An output of the pipeline, KFP's {@code pipeline_task.outputs[name]}: {@code output("Output")} for a pipeline that
   * returns one value ({@code pipeline_task.output}).
   */
  public String output(String name) {
    String v = outputs.get(name);
    if (v == null) {
      throw new IllegalArgumentException("pipeline '" + pipeline + "' gave no output '" + name + "' in run " + runId
          + "; it gave " + outputs.keySet());
    }
    return v;
  }

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

  /** The first task that failed or ended in error, if any. */
  public Optional<TaskResult> failedTask() {
    return tasks.stream().filter(t -> t.state().failed()).findFirst();
  }
}
