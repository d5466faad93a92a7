package dev.kfp4j.examples.python;

import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.examples.CalcOps;

/** Java components beside the KFP SDK's own Python {@code add} component. */
public final class MixedExample {
  private MixedExample() {}

  /**
   * Adds in Java, adds ten in Python, doubles in Java.
   *
   * @param a a number
   * @param b another
   */
  @Pipeline(name = "mixed-java-python")
  public static void mixed(@Default("3") int a, @Default("4") int b) {
    var sum = CalcOps.add(a, b);
    var python = PythonOps.add(sum.output(), 10);
    CalcOps.multiply((int) python.output(), 2); // KFP Integer imports as long
  }
}
