package dev.kfp4j.local;

import dev.kfp4j.model.Argument;
import java.util.function.Supplier;

/**
 * The values of a run that its tasks may read ({@link Argument.RunValue}): its id, its name
 * ({@code <pipeline>-<run id>}, also its resource name, as an Argo workflow's name is on a
 * cluster), the time it started ({@code createdAt}, RFC 3339 in UTC, also its schedule time: a
 * local run has no schedule) and its status as Argo spells it: {@code Running}, then, while the
 * exit handler runs, {@code Succeeded}, {@code Failed} or {@code Error} (an Argo workflow's); and whether the run's format is KFP 2's,
 * which gives an exit task's {@code PipelineTaskFinalStatus} input KFP's struct (Argo gives it
 * {@code {{workflow.status}}}, the text). A task's own name and id are {@link #value(Argument.RunValue.Kind,
 * String, String)}'s.
 */
record RunValues(String id, String name, String createdAt, Supplier<String> status, boolean kfp2) {
  /**
   * The value of {@code kind} for the task named {@code task}, whose id in the run is {@code
   * taskId} (as KFP's driver gives a task its name in its DAG, and an id unique in the run); both
   * null where no task reads it (a loop's items, an importer's URI), where a task's value is an error.
   */
  String value(Argument.RunValue.Kind kind, String task, String taskId) {
    return switch (kind) {
      case RUN_ID -> id;
      case RUN_NAME, RESOURCE_NAME -> name;
      case CREATE_TIME, SCHEDULE_TIME -> createdAt;
      case STATUS -> status.get();
      case TASK_NAME, TASK_ID -> {
        if (task == null) {
          throw new WorkflowException("the task's " + (kind == Argument.RunValue.Kind.TASK_NAME ? "name" : "id")
              + " is a value only a task's input can take");
        }
        yield kind == Argument.RunValue.Kind.TASK_NAME ? task : taskId;
      }
    };
  }

  String value(Argument.RunValue.Kind kind) {
    return value(kind, null, null);
  }
}
