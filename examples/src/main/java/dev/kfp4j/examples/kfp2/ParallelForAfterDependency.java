package dev.kfp4j.examples.kfp2;

import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.dsl.Dsl;
import java.util.List;

/**
 * KFP 2's {@code parallel_for_after_dependency.py} in Java: tasks written after a loop wait for
 * every iteration of it. KFP's Python names a task of the loop, {@code .after(one)}; in Java the
 * loop's tasks are out of scope after its lambda, so {@code Dsl.forEach} gives the loop itself, and
 * {@code .after(loop)} waits for it ({@code dependentTasks: [for-loop-N]} in KFP 2, a dependency on
 * the loop's DAG task in Argo). Its task prints, with {@link PipelineAsExitTask#printOp}, KFP's
 * sample's {@code print_op}.
 */
public final class ParallelForAfterDependency {
  private ParallelForAfterDependency() {}

  /** Prints {@code foo} once per item of a loop, then {@code bar} and {@code baz} once the whole loop is done. */
  @Pipeline(name = "loop-with-after-dependency-set")
  public static void loopWithAfterDependencySet() {
    var loop = Dsl.forEach(List.of(1, 2, 3), i -> PipelineAsExitTaskOps.printOp("foo"));
    PipelineAsExitTaskOps.printOp("bar").after(loop);
    PipelineAsExitTaskOps.printOp("baz").after(loop);
  }
}
