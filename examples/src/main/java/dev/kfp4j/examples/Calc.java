package dev.kfp4j.examples;

import dev.kfp4j.annotations.Component;

/** The seeds' add example components: plain static methods on two ints. */
public final class Calc {
  private Calc() {}

  /**
   * Adds two numbers.
   *
   * @param a the first number
   * @param b the second number
   * @return {@code a + b}
   */
  @Component
  public static int add(int a, int b) {
    return a + b;
  }

  /**
   * Subtracts two numbers.
   *
   * @param a the number to subtract from
   * @param b the number to subtract
   * @return {@code a - b}
   */
  @Component
  public static int subtract(int a, int b) {
    return a - b;
  }

  /**
   * Multiplies two numbers.
   *
   * @param a the first factor
   * @param b the second factor
   * @return {@code a * b}
   */
  @Component
  public static int multiply(int a, int b) {
    return a * b;
  }
}
