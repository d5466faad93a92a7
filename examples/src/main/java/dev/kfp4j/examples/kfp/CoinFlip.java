package dev.kfp4j.examples.kfp;

import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.dsl.Dsl;

/** Port of KFP's {@code coin.py}: nested conditions on task outputs. */
public final class CoinFlip {
  private CoinFlip() {}

  /**
   * Shows how to use Dsl.when.
   *
   * @param seed the seed of the first flip
   */
  @Pipeline(name = "pipeline-flip-coin")
  public static void flipcoin(@Default("2") long seed) {
    var flip = BasicsOps.flipCoin(seed);
    Dsl.when(Dsl.eq(flip.output(), "heads"), () -> {
      var flip2 = BasicsOps.flipCoin(5L);
      Dsl.when(Dsl.eq(flip2.output(), "tails"), () -> BasicsOps.echo(flip2.output()));
    });
    // coin.py prints flip-again's output here, a task that does not run on this branch;
    // kfp4j rejects that, so this port prints the first flip.
    Dsl.when(Dsl.eq(flip.output(), "tails"), () -> BasicsOps.echo(flip.output()));
  }
}
