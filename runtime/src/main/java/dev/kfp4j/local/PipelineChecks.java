package dev.kfp4j.local;

import dev.kfp4j.model.Channels;
import dev.kfp4j.model.Nodes;
import dev.kfp4j.model.Parameter;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.ResourceStep;
import dev.kfp4j.model.Task;
import java.util.LinkedHashSet;
import java.util.Set;

/** The checks a pipeline passes before the local runner plans it: that it hangs together, and that this runner can run it. */
final class PipelineChecks {
  private PipelineChecks() {}

  /** Checks that the pipeline hangs together: every task reads and waits for known tasks. */
  static void check(Pipeline pipeline, String source) {
    Set<String> names = new LinkedHashSet<>();
    pipeline.allNodes().forEach(n -> names.add(n.name()));
    for (dev.kfp4j.model.Step s : pipeline.steps()) {
      for (String u : Nodes.upstream(s)) {
        if (!names.contains(u)) {
          throw new WorkflowException(source + ": task '" + s.name() + "' reads or waits for an unknown task '" + u + "'");
        }
      }
    }
  }

  /**
   * Checks that the local runner can run the pipeline: its steps are tasks, passing only inputs their components take
   * (a cluster gives a KFP 2 task's other inputs to no one, as Argo does a workflow's), its parameters values.
   */
  static void checkRunnable(Pipeline pipeline, String source) {
    for (dev.kfp4j.model.Step s : pipeline.steps()) {
      if (s instanceof ResourceStep) {
        throw new WorkflowException(source + ": step '" + s.name() + "' is a Kubernetes resource step, which the local runner does "
            + "not run; run this pipeline on a cluster");
      }
      if (s instanceof Task t) {
        for (String input : t.arguments().keySet()) {
          if (t.component().input(input).isEmpty() && !Channels.isChannel(t, input)) {
            throw new WorkflowException(source + ": task '" + t.name() + "' passes '" + input + "', which component '"
                + t.component().name() + "' does not take");
          }
        }
      }
    }
    for (Parameter p : pipeline.parameters()) {
      if (p.isArtifact()) {
        throw new WorkflowException(source + ": the pipeline takes artifact '" + p.name() + "' (" + p.artifactType()
            + "), which the local runner cannot be given; pass it from a task instead");
      }
    }
  }
}
