package dev.kfp4j.examples.kfp2;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.Format;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.dsl.Dsl;
import dev.kfp4j.examples.kfp.BasicsOps;

/**
 * KFP 2's {@code if_else_with_oneof_parameters.py} in Java: the output of whichever branch of an
 * if/else ran ({@code dsl.OneOf}), given to a task after the branches and returned as the
 * pipeline's output. Only KFP 2 has it, so this pipeline is written for KFP 2 only.
 */
public final class IfElseOneOf {
  private IfElseOneOf() {}

  /**
   * Prints a text and gives it back.
   *
   * @param text the text
   * @return the same text
   */
  @Component
  public static String printAndReturn(String text) {
    System.out.println(text);
    return text;
  }

  /**
   * Flips a coin and says, after the branches, what the branch that ran said.
   *
   * @param seed the coin's seed
   * @return what the branch that ran said
   */
  @Pipeline(name = "if-else-one-of", formats = Format.KFP2)
  public static String ifElseOneOf(@Default("2") long seed) {
    var flip = BasicsOps.flipCoin(seed);
    var said = Dsl.oneOf(Dsl.eq(flip.output(), "heads"), () -> IfElseOneOfOps.printAndReturn("Got heads!").output())
        .otherwise(() -> IfElseOneOfOps.printAndReturn("Got tails!").output());
    IfElseOneOfOps.printAndReturn(said);
    return said;
  }
}
