package dev.kfp4j.local;

import dev.kfp4j.model.Condition;
import dev.kfp4j.model.Nodes;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.RunSetting;
import dev.kfp4j.model.Step;
import dev.kfp4j.model.Task;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The status KFP 2 gives a task of the pipeline's body given {@code Dsl.runStatus()} (not the exit task's, nor the exit
 * pipeline's, which get the run's). A task run after a failure ({@code ignoreUpstreamFailure()}) gets the status of what it
 * waits for: the one task, or an exit handler's group when it is that handler's exit task ({@code taskFinalStatus}). A task
 * of a pipeline run as the exit task of one of several exit handlers gets its handler's status too, as KFP 2 gives it the
 * status its DAG took ({@code componentInputParameter}), whatever it waits for: the tasks of that pipeline that wait for
 * nothing in it run after the group ({@code Flattening}), and a task waiting for others of it gets the status of the
 * nearest of those it waits for, directly or not.
 */
final class GivenStatuses {
  private final Pipeline pipeline;
  private final ArgumentValues values;
  /** Whether the run is KFP 2's, where a pipeline run as the exit task of one of several handlers exists. */
  private final boolean kfp2;
  /** The steps of the pipeline's body by name, made when first needed. */
  private Map<String, Step> steps;

  GivenStatuses(Pipeline pipeline, ArgumentValues values, boolean kfp2) {
    this.pipeline = pipeline;
    this.values = values;
    this.kfp2 = kfp2;
  }

  /**
   * The status (KFP's struct as JSON) task {@code task} of the body gets in {@code scope}, {@code afterFailure} when it runs
   * after a failure; null when it does not and waits for no task run after a failure, or the run is Argo's (it gets the run's
   * status then).
   */
  String of(Task task, boolean afterFailure, Scope scope) {
    Step from = afterFailure ? task : kfp2 ? nearestAfterFailure(task) : null;
    return from == null ? null : values.finalStatus(scope.ranAfterFailure(from.name()), upstreamName(from));
  }

  /** The nearest step run after a failure that {@code task} waits for, directly or not; null when none. */
  private Step nearestAfterFailure(Task task) {
    if (steps == null) {
      Map<String, Step> byName = new HashMap<>();
      Nodes.walk(pipeline.nodes(), n -> {
        if (n instanceof Step s) {
          byName.put(s.name(), s);
        }
      });
      steps = byName;
    }
    Deque<String> todo = new ArrayDeque<>(Nodes.upstream(task));
    Set<String> seen = new HashSet<>(todo);
    while (!todo.isEmpty()) {
      Step s = steps.get(todo.poll());
      if (s == null) {
        continue;
      }
      if (RunSetting.afterFailure(s)) {
        return s;
      }
      for (String up : Nodes.upstream(s)) {
        if (seen.add(up)) {
          todo.add(up);
        }
      }
    }
    return null;
  }

  /** What a step run after a failure waits for, as KFP names its status: the one task, or an exit handler's group (its exit task). */
  private String upstreamName(Step step) {
    Set<String> up = Nodes.upstream(step);
    for (dev.kfp4j.model.Node n : pipeline.nodes()) {
      if (n instanceof Condition c && c.predicate() == null && !up.isEmpty()
          && Nodes.steps(c).stream().anyMatch(s -> s.name().equals(up.iterator().next()))) {
        return c.name();
      }
    }
    return up.isEmpty() ? "" : up.iterator().next();
  }
}
