package ports;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.Format;
import dev.kfp4j.annotations.Out;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.artifacts.Metrics;
import dev.kfp4j.dsl.Dsl;
import java.util.List;
import java.util.Optional;

/**
 * More KFP files in Java: essential/pipeline_with_nested_conditions.py (a condition comparing two tasks' outputs, in a
 * condition), essential/pipeline_with_condition.py (caching turned off), essential/pipeline_with_metrics_outputs.py
 * (a Metrics output, also in a loop) and critical/component_with_optional_inputs.py (inputs that default to None).
 */
public final class EssentialPorts {
  private EssentialPorts() {}

  /** Flip a coin and output heads or tails randomly. */
  @Component
  public static String flipCoinOp() {
    return Math.random() < 0.5 ? "heads" : "tails";
  }

  /** Print a message. */
  @Component
  public static void printOp(String msg) {
    System.out.println(msg);
  }

  @Pipeline(name = "nested-conditions-pipeline", formats = Format.KFP2)
  public static void nestedConditions() {
    var flip1 = EssentialPortsOps.flipCoinOp();
    EssentialPortsOps.printOp(flip1.output());
    var flip2 = EssentialPortsOps.flipCoinOp();
    EssentialPortsOps.printOp(flip2.output());
    Dsl.when(Dsl.ne(flip1.output(), "no-such-result"), () -> {
      var flip3 = EssentialPortsOps.flipCoinOp();
      EssentialPortsOps.printOp(flip3.output());
      Dsl.when(Dsl.eq(flip2.output(), flip3.output()), () -> {
        var flip4 = EssentialPortsOps.flipCoinOp();
        EssentialPortsOps.printOp(flip4.output());
      });
    });
  }

  @Pipeline(name = "single-condition-pipeline", formats = Format.KFP2)
  public static void singleCondition(@Default("condition test") String text) {
    var flip1 = EssentialPortsOps.flipCoinOp().caching(false);
    EssentialPortsOps.printOp(flip1.output());
    Dsl.when(Dsl.eq(flip1.output(), "heads"), () -> {
      var flip2 = EssentialPortsOps.flipCoinOp().caching(false);
      EssentialPortsOps.printOp(flip2.output());
      EssentialPortsOps.printOp(text);
    });
  }

  /** Dummy component that outputs metrics with a random accuracy. */
  @Component
  public static void outputMetrics(@Out Metrics metrics) {
    metrics.log("accuracy", (int) (Math.random() * 101));
  }

  @Pipeline(name = "pipeline-with-metrics-outputs", formats = Format.KFP2)
  public static void metricsOutputs() {
    EssentialPortsOps.outputMetrics();
    Dsl.forEach(List.of(1, 2), item -> EssentialPortsOps.outputMetrics());
  }

  @Component
  public static void componentOp(@Default("default value") String input1, Optional<String> input2,
      Optional<String> input3) {
    System.out.println("input1: " + input1 + ", input2: " + input2.orElse("None") + ", input3: " + input3.orElse("None"));
  }

  @Pipeline(name = "v2-component-optional-input", formats = Format.KFP2)
  public static void optionalInputs() {
    EssentialPortsOps.componentOp("Hello", "World", null);
  }
}
