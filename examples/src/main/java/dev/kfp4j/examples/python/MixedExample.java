package dev.kfp4j.examples.python;

import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.examples.CalcOps;
import dev.kfp4j.examples.kfp.BasicsOps;

/** Java components beside a Python component and a shell component, imported from their YAML files. */
public final class MixedExample {
  private MixedExample() {}

  /**
   * Adds in Java, adds ten in Python, doubles in Java; writes a file in Java, hashes it with the
   * shell component, reads the hash in Java.
   *
   * @param a a number
   * @param b another
   */
  @Pipeline(name = "mixed-java-python")
  public static void mixed(@Default("3") int a, @Default("4") int b) {
    var sum = CalcOps.add(a, b);
    var python = KfpComponentsOps.add(sum.output(), 10);
    CalcOps.multiply((int) python.output(), 2); // KFP Integer imports as long
    var file = BasicsOps.writeText("hello, kfp4j");
    var hash = KfpComponentsOps.hashFile(file.out());
    BasicsOps.readText(hash.hash());
  }
}
