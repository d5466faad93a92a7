package org.acme;

import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.Pipeline;

/** A user's pipeline, run with the kfp4j Maven plugin. */
public final class Flow {
  private Flow() {}

  /** (a + b) * (a - b). */
  @Pipeline
  public static void calc(@Default("3") int a, @Default("4") int b) {
    var sum = CalcOps.add(a, b);
    var difference = CalcOps.subtract(a, b);
    CalcOps.multiply(sum.output(), difference.output());
  }
}
