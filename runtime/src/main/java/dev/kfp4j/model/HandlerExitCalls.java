package dev.kfp4j.model;

import java.util.ArrayList;
import java.util.List;

/**
 * How {@link Flattening} puts in a pipeline run as the exit task of one of several exit handlers (a call run whatever
 * happened, {@link RunSetting.IgnoreUpstreamFailure}, waiting for its handler's group), as KFP 2 runs its DAG: each step of
 * it that waits for nothing in it waits for the group's steps, whatever happened to them; the others wait for those, as
 * within the pipeline. A step given the status ({@link Argument.RunValue.Kind#STATUS}) gets its handler's group's status,
 * which kfp4j gives a step run after a failure ({@code ModelPlan}): so it must be one waiting for nothing in the pipeline.
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

  /** Checks that task {@code t} of the call {@code call}, given {@code args} as put in, reads the status only when it is a first step. */
  static void checkStatus(String call, Task t, java.util.Map<String, Argument> args) {
    boolean status = args.values().stream().anyMatch(a -> a instanceof Argument.RunValue r && r.kind() == Argument.RunValue.Kind.STATUS);
    if (status && !first(t)) {
      throw new Flattening.Failure(call, "it is the exit task of one of several exit handlers, whose task '" + t.name()
          + "' reads the handler's status but waits for " + Nodes.upstream(t) + " in it; kfp4j gives the status of its handler's "
          + "group to a task of it waiting for nothing in it: read the status there and pass what the others need");
    }
  }
}
