package dev.kfp4j.examples;

import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.Pipeline;

/** The seeds' add example pipeline: add and subtract two values, then multiply the results. */
public final class AddExample {
  private AddExample() {}

  /**
   * The seeds' add example.
   *
   * @param value1 the first value
   * @param value2 the second value
   */
  @Pipeline
  public static void addExample(@Default("3") int value1, @Default("4") int value2) {
    var add = CalcOps.add(value1, value2);
    var subtract = CalcOps.subtract(value1, value2);
    CalcOps.multiply(add.output(), subtract.output());
  }
}
