package dev.kfp4j.processor.validation.graph;

import dev.kfp4j.model.Argument;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.base.Reporter;
import dev.kfp4j.processor.graph.PipelineBuilder;
import dev.kfp4j.processor.graph.StepBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A constant given to a task fits KFP's 10,000-byte parameter limit. */
public final class ConstantSizeCheck implements GraphCheck {
  public static final int MAX_PARAMETER_BYTES = 10_000;

  @Override
  public void check(PipelineBuilder graph, Reporter reporter) {
    for (StepBuilder step : graph.steps()) {
      for (Map.Entry<String, Argument> e : step.arguments().values().entrySet()) {
        int bytes = e.getValue() instanceof Argument.Constant c ? bytesOverLimit(c.text()) : 0;
        if (bytes > 0) {
          reporter.error(step.arguments().position(e.getKey()), Message.CONSTANT_TOO_LONG, e.getKey(), bytes);
        }
      }
    }
  }

  /**
   * {@code text}'s size in UTF-8 when it is over KFP's limit, else 0: a text of at most a third of
   * the limit in characters is under it, and is not encoded.
   */
  public static int bytesOverLimit(String text) {
    if (text.length() * 3L <= MAX_PARAMETER_BYTES) {
      return 0;
    }
    int bytes = text.getBytes(StandardCharsets.UTF_8).length;
    return bytes > MAX_PARAMETER_BYTES ? bytes : 0;
  }
}
