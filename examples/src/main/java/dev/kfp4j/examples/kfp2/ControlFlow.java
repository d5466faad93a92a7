package dev.kfp4j.examples.kfp2;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.Format;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.dsl.Dsl;
import dev.kfp4j.examples.kfp.BasicsOps;
import java.util.List;

/**
 * What KFP 2 adds to a pipeline's control flow: a loop's outputs collected into a list ({@code
 * dsl.Collected}), a chain of branches ({@code dsl.If}, {@code dsl.Elif}, {@code dsl.Else}) and the
 * pipeline's outputs (a pipeline's return value). Collecting is KFP 2's alone, so this pipeline is
 * written for KFP 2 only.
 */
public final class ControlFlow {
  private ControlFlow() {}

  /** The pipeline's outputs: one per component. */
  public record Summary(int total, String size) {}

  /**
   * Sums numbers.
   *
   * @param numbers the numbers
   * @return their sum
   */
  @Component
  public static int sum(List<Integer> numbers) {
    return numbers.stream().mapToInt(Integer::intValue).sum();
  }

  /**
   * Says how big a number is.
   *
   * @param n the number
   * @return {@code big}, {@code medium} or {@code small}
   */
  @Component
  public static String size(int n) {
    return n > 100 ? "big" : n > 10 ? "medium" : "small";
  }

  /**
   * Squares each number, sums the squares, and says how big the sum is.
   *
   * @param numbers the numbers
   * @return the sum of the squares and how big it is
   */
  @Pipeline(name = "control-flow", formats = Format.KFP2)
  public static Summary controlFlow(@Default("[1, 2, 3]") List<Integer> numbers) {
    var squares = Dsl.collect(numbers, n -> CondLoopArtifactOps.square(n).output());
    var total = ControlFlowOps.sum(squares);
    Dsl.when(Dsl.gt(total.output(), 100), () -> BasicsOps.echo("big"))
        .orWhen(Dsl.gt(total.output(), 10), () -> BasicsOps.echo("medium"))
        .otherwise(() -> BasicsOps.echo("small"));
    var size = ControlFlowOps.size(total.output());
    return new Summary(total.output(), size.output());
  }
}
