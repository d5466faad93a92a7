package dev.kfp4j.examples.kfp2;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Pipeline;

/**
 * The Java port of KFP 2.17's add example ({@code ../shared/testdata/kfp-sdk-2.17.0/add_v2.py}):
 * the seeds' functions as components, with the same inputs ({@code value_1}, {@code value_2}),
 * wired as KFP's {@code my_pipeline}. The components are named {@code add-v2}, ... because the
 * examples' own {@code add} ({@link dev.kfp4j.examples.Calc}) takes {@code a} and {@code b}.
 */
public final class AddV2 {
  private AddV2() {}

  /**
   * Adds.
   *
   * @param value_1 a number
   * @param value_2 another
   * @return their sum
   */
  @Component(name = "add-v2")
  public static int add(int value_1, int value_2) {
    return value_1 + value_2;
  }

  /**
   * Subtracts.
   *
   * @param value_1 a number
   * @param value_2 the number taken from it
   * @return their difference
   */
  @Component(name = "subtract-v2")
  public static int subtract(int value_1, int value_2) {
    return value_1 - value_2;
  }

  /**
   * Multiplies.
   *
   * @param value_1 a number
   * @param value_2 another
   * @return their product
   */
  @Component(name = "multiply-v2")
  public static int multiply(int value_1, int value_2) {
    return value_1 * value_2;
  }

  /**
   * Adds and subtracts two values, then multiplies the results.
   *
   * @param value_1 the first value
   * @param value_2 the second value
   */
  @Pipeline(name = "add-example-v2")
  public static void myPipeline(int value_1, int value_2) {
    var task1 = AddV2Ops.add(value_1, value_2);
    var task2 = AddV2Ops.subtract(value_1, value_2);
    AddV2Ops.multiply(task1.output(), task2.output());
  }
}
