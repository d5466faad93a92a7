package dev.kfp4j.examples.kfp2;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Format;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.dsl.Dsl;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The Java port of KFP's tutorial {@code samples/tutorials/DSL - Control structures/DSL - Control
 * structures.py} ({@code tutorial-control-flows}): an exit handler beside other tasks, a loop over
 * constants holding a condition that compares a task's output with the loop's item, and two
 * conditions inside it on a random number, each printing a text joined from the item and the
 * number (KFP's f-string). KFP 2 only, as the exit handler sits beside other tasks.
 */
public final class ControlStructures {
  private ControlStructures() {}

  /**
   * Generate a random number between minimum and maximum (inclusive).
   *
   * @param minimum the smallest number it may give
   * @param maximum the largest
   * @return the number
   */
  @Component
  public static int getRandomIntOp(int minimum, int maximum) {
    int result = ThreadLocalRandom.current().nextInt(minimum, maximum + 1);
    System.out.println(result);
    return result;
  }

  /**
   * Flip a coin and output heads or tails randomly.
   *
   * @return {@code heads} or {@code tails}
   */
  @Component
  public static String flipCoinOp() {
    String result = ThreadLocalRandom.current().nextBoolean() ? "heads" : "tails";
    System.out.println(result);
    return result;
  }

  /** Shows how to use Dsl.when, Dsl.forEach and Dsl.exitHandler. */
  @Pipeline(name = "tutorial-control-flows", formats = Format.KFP2)
  public static void controlFlowsPipeline() {
    Dsl.exitHandler(PipelineAsExitTaskOps.printOp("Exit handler has worked!"),
        () -> PipelineAsExitTaskOps.failOp("Failing the run to demonstrate that exit handler still gets executed."));

    var flip = ControlStructuresOps.flipCoinOp();
    Dsl.forEach(List.of("heads", "tails"), expectedResult ->
        Dsl.when(Dsl.eq(flip.output(), expectedResult), () -> {
          var randomNumHead = ControlStructuresOps.getRandomIntOp(0, 9);
          Dsl.when(Dsl.gt(randomNumHead.output(), 5),
              () -> PipelineAsExitTaskOps.printOp(expectedResult + " and " + randomNumHead.output() + " > 5!"));
          Dsl.when(Dsl.le(randomNumHead.output(), 5),
              () -> PipelineAsExitTaskOps.printOp(expectedResult + " and " + randomNumHead.output() + " <= 5!"));
        }));
  }
}
