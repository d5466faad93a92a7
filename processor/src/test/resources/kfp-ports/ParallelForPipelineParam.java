package ports;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.annotations.Format;
import dev.kfp4j.dsl.Dsl;
import java.util.List;

/** KFP's pipeline_with_parallelfor_pipeline_param.py: parameters without defaults, loops with parallelism, a nested loop over constants of a field. */
public final class ParallelForPipelineParam {
  private ParallelForPipelineParam() {}

  /** Python's static_items = ['x', 'y'] in the body: a pipeline body declares no variable but tasks. */
  static final List<String> STATIC_ITEMS = List.of("x", "y");

  @Component
  public static String printWithPrefix(String prefix, String item) {
    return prefix + ": " + item;
  }

  @Component
  public static String makePrefix() {
    return "dynamic-prefix";
  }

  /** Pipeline parameter used alongside loop item inside ParallelFor. */
  @Pipeline(name = "pipeline-parallelfor-pipeline-param", formats = Format.KFP2)
  public static void parallelforPipelineParam(String prefix, List<String> loop_parameter) {
    Dsl.forEach(loop_parameter, 1, item -> ParallelForPipelineParamOps.printWithPrefix(prefix, item));
    var prefixTask = ParallelForPipelineParamOps.makePrefix();
    Dsl.forEach(loop_parameter, item -> ParallelForPipelineParamOps.printWithPrefix(prefixTask.output(), item));
    Dsl.forEach(STATIC_ITEMS, 2, outer_item ->
        Dsl.forEach(loop_parameter, inner_item -> ParallelForPipelineParamOps.printWithPrefix(prefix, inner_item)));
  }
}
