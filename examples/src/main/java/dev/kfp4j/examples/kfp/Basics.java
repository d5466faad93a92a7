package dev.kfp4j.examples.kfp;

import dev.kfp4j.annotations.Component;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Small components the ports of KFP's compiler test pipelines use. */
public final class Basics {
  private Basics() {}

  /**
   * Flips a coin.
   *
   * @param seed the random seed, so a run can be repeated
   * @return {@code heads} or {@code tails}
   */
  @Component(name = "flip-coin")
  public static String flipCoin(long seed) {
    return new SplittableRandom(seed).nextBoolean() ? "heads" : "tails";
  }

  /**
   * Prints a message and passes it on.
   *
   * @param msg the message
   * @return the message
   */
  @Component
  public static String echo(String msg) {
    System.out.println(msg);
    return msg;
  }

  private static int calls;

  /**
   * Counts its calls in the class loader it runs in: the local runner gives every run its own.
   *
   * @param label any label
   * @return how many times it ran in this class loader
   */
  @Component(name = "count-calls")
  public static synchronized int countCalls(String label) {
    return ++calls;
  }

  /**
   * The integers from {@code from} to {@code to}, both included.
   *
   * @param from the first
   * @param to the last
   * @return the list
   */
  @Component
  public static List<Integer> range(int from, int to) {
    List<Integer> out = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      out.add(i);
    }
    return out;
  }
}
