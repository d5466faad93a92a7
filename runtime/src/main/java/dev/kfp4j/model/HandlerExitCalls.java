package dev.kfp4j.model;

import java.util.ArrayList;
import java.util.List;

/**
 * How {@link Flattening} puts in a pipeline run as the exit task of one of several exit handlers (a call run whatever
 * happened, {@link RunSetting.IgnoreUpstreamFailure}, waiting for its handler's group), as KFP 2 runs its DAG: each step of
 * it that waits for nothing in it waits for the group's steps, whatever happened to them; the others wait for those, as
 * within the pipeline. A step given the status ({@link Argument.RunValue.Kind#STATUS}) gets its handler's group's status,
 * as KFP 2 gives every task of the pipeline's DAG the status the DAG took, whatever it waits for: a first step as a step run
 * after a failure, a later one the status of the first steps it waits for (the local runner's {@code GivenStatuses}).
 */
final class HandlerExitCalls {
  private HandlerExitCalls() {}

  /** Whether {@code call} is run whatever happened, but not as the pipeline's one exit task ({@code exitCall}). */
  static boolean whateverHappened(Step call, String exitCall) {
    return RunSetting.afterFailure(call) && !call.name().equals(exitCall);
  }

  /** Whether step {@code s} of the called pipeline waits for nothing in it: it waits for what the call waits for. */
  static boolean first(Step s) {
    return Nodes.upstream(s).isEmpty();
  }

  /** {@code settings} of a first step {@code s} of the call {@code call}, run whatever happened; else a failure saying why not. */
  static List<TaskSetting> runWhateverHappened(String call, Step s, List<TaskSetting> settings) {
    if (!(s instanceof Task)) {
      throw new Flattening.Failure(call, "it is the exit task of one of several exit handlers, whose step '" + s.name()
          + "' waits for nothing in it and is no task of a component, which kfp4j runs whatever happened only as a task; "
          + "make it wait for a task of the pipeline");
    }
    List<TaskSetting> out = new ArrayList<>(settings);
    if (!RunSetting.afterFailure(s)) {
      out.add(new RunSetting.IgnoreUpstreamFailure());
    }
    return out;
  }
}
