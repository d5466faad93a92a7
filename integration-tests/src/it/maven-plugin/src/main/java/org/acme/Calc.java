package org.acme;

import dev.kfp4j.annotations.Component;

/** The seeds' add example, as a user writes it. */
public final class Calc {
  private Calc() {}

  /** Adds two numbers. */
  @Component
  public static int add(int a, int b) {
    return a + b;
  }

  /** Subtracts two numbers. */
  @Component
  public static int subtract(int a, int b) {
    return a - b;
  }

  /** Multiplies two numbers. */
  @Component
  public static int multiply(int a, int b) {
    return a * b;
  }
}
