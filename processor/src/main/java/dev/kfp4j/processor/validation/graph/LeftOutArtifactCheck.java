package dev.kfp4j.processor.validation.graph;

import dev.kfp4j.model.Argument;
import dev.kfp4j.model.CalledPipeline;
import dev.kfp4j.model.Loop;
import dev.kfp4j.model.Node;
import dev.kfp4j.model.Parameter;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Step;
import dev.kfp4j.processor.base.Format;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.base.Position;
import dev.kfp4j.processor.base.Reporter;
import dev.kfp4j.processor.graph.PipelineBuilder;
import dev.kfp4j.processor.graph.PipelineCall;
import dev.kfp4j.processor.graph.TaskBuilder;
import java.util.HashMap;
import java.util.Map;

/**
 * A call, in a pipeline written for KFP 2, leaving out an optional artifact of the pipeline it calls ({@code inner(null)}
 * for {@code @Nullable @InputPath("Dataset") Path data}, or a KFP 2 pipeline file's op called without its optional
 * {@code Optional[Input[Dataset]]}), made once the called pipeline is read. KFP 2 runs the called pipeline as a DAG of its
 * own, and the driver of each task in it resolves the task's input artifacts among the DAG's ({@code resolveInputArtifact}
 * in {@code backend/src/v2/driver/resolve.go}: "parent DAG does not have input artifact"), asking {@code isOptional} of
 * parameters only. So a task of that DAG reading the artifact fails, whatever its input, and so does a group or a pipeline
 * it calls given it (a DAG task, resolved the same way, read or not inside); a DAG where none reads it runs. Each call
 * leaving out an artifact that is read is an {@code OptionalParameter} error where it is left out. (A call written for
 * Argo alone puts the called pipeline's tasks in, and the optional inputs get nothing; an exit pipeline is put in flat.)
 */
public final class LeftOutArtifactCheck {
  private LeftOutArtifactCheck() {}

  /**
   * Checks the pipeline calls in {@code graph} but its exit task (put in flat), {@code calls} the pipelines they call (their
   * own calls {@link CalledPipeline}s) by the name of the call; true when none leaves out an artifact read inside. It reads
   * the graph only, not a model built of it, so it runs on a graph with other mistakes too, which a model could not be built
   * of: an input given a value that could not be read counts as given.
   */
  public static boolean check(PipelineBuilder graph, Map<String, Pipeline> calls, Reporter reporter) {
    if (!graph.pipeline().writes(Format.KFP2)) {
      return true;
    }
    int before = reporter.errorCount();
    for (TaskBuilder standIn : graph.pipelineCalls()) {
      Pipeline called = calls.get(standIn.name());
      if (called == null || standIn == graph.exitTask()) {
        continue;
      }
      Map<String, String> inputs = new HashMap<>(); // by parameter
      PipelineCall.parameters(standIn.component(), called).forEach((input, parameter) -> inputs.put(parameter, input));
      for (Parameter p : called.parameters()) {
        String input = inputs.get(p.name());
        if (!p.isArtifact() || !p.optional() || input != null && standIn.arguments().gives(input)) {
          continue;
        }
        String reader = reader(called, p.name());
        if (reader != null) {
          Position at = input == null ? null : standIn.arguments().position(input); // the null; none for an op called without it
          reporter.error(at == null ? standIn.position() : at, Message.OPTIONAL_ARTIFACT_LEFT_OUT,
              standIn.pipelineCall().pipelineName(), p.name(), at == null ? "" : " (null)", reader);
        }
      }
    }
    return reporter.errorCount() == before;
  }

  /**
   * What in {@code called}'s DAG reads its input {@code parameter}, {@code task 'show'}: a step given it (a task, or a
   * pipeline it calls) or a loop over it, the first in the order written; null when nothing does.
   */
  static String reader(Pipeline called, String parameter) {
    Argument it = new Argument.PipelineParameter(parameter);
    for (Node n : called.allNodes()) {
      if (n instanceof Step s && s.arguments().containsValue(it)) {
        return "task '" + s.name() + "'";
      }
      if (n instanceof Loop l && l.items() instanceof Loop.Over o && it.equals(o.source())) {
        return "loop '" + l.name() + "'";
      }
    }
    return null;
  }
}
