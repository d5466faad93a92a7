package dev.kfp4j.processor.validation.graph;

import dev.kfp4j.model.Parameter;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.base.Position;
import dev.kfp4j.processor.base.Reporter;
import dev.kfp4j.processor.graph.PipelineBuilder;
import dev.kfp4j.processor.graph.PipelineCall;
import dev.kfp4j.processor.graph.TaskBuilder;
import java.util.Map;

/**
 * A call leaving out ({@code inner(null)}) a value parameter of the pipeline it calls that has no default and is not
 * {@code @Nullable}, made once the called pipeline is read (compiled in this run or from the class path): a run of it must
 * give that parameter a value, and so must a call. Each is a {@code MissingArgument} error on the {@code null}; else the Argo
 * writer failed on the caller's method, and KFP 2's spec gave the called DAG no value for an input a run needs.
 */
public final class LeftOutValueCheck {
  private LeftOutValueCheck() {}

  /** Checks the pipeline calls in {@code graph}, {@code calls} the pipelines they call by the name of the call; true when none leaves out such a value. */
  public static boolean check(PipelineBuilder graph, Map<String, Pipeline> calls, Reporter reporter) {
    int before = reporter.errorCount();
    for (TaskBuilder standIn : graph.pipelineCalls()) {
      Pipeline called = calls.get(standIn.name());
      if (called == null) {
        continue;
      }
      PipelineCall.parameters(standIn.component(), called).forEach((input, parameter) -> {
        Parameter p = called.parameter(parameter).orElse(null);
        Position at = standIn.arguments().position(input); // the null written for it; none for an op called without it
        if (p != null && !p.isArtifact() && !p.optional() && !standIn.arguments().gives(input) && at != null) {
          reporter.error(at, Message.MISSING_PIPELINE_VALUE, parameter, standIn.pipelineCall().pipelineName(), parameter);
        }
      });
    }
    return reporter.errorCount() == before;
  }
}
