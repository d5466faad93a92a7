package dev.kfp4j.local;

import dev.kfp4j.model.Argument;
import java.util.function.Supplier;

/**
 * The values of a run that its tasks may read ({@link Argument.RunValue}): its id, its name
 * ({@code <pipeline>-<run id>}) and its status as Argo spells it: {@code Running}, then, while
 * the exit handler runs, {@code Succeeded} or {@code Failed}; and whether the run's format is KFP
 * 2's, which gives an exit task's {@code PipelineTaskFinalStatus} input KFP's struct (Argo gives
 * it {@code {{workflow.status}}}, the text).
 */
record RunValues(String id, String name, Supplier<String> status, boolean kfp2) {
  String value(Argument.RunValue.Kind kind) {
    return switch (kind) {
      case RUN_ID -> id;
      case RUN_NAME -> name;
      case STATUS -> status.get();
    };
  }
}
