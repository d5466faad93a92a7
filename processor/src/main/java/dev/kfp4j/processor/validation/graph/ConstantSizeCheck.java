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
        if (e.getValue() instanceof Argument.Constant c && c.text().length() * 3L > MAX_PARAMETER_BYTES) {
          int bytes = c.text().getBytes(StandardCharsets.UTF_8).length;
          if (bytes > MAX_PARAMETER_BYTES) {
            reporter.error(step.arguments().position(e.getKey()), Message.CONSTANT_TOO_LONG, e.getKey(), bytes);
          }
        }
      }
    }
  }
}
