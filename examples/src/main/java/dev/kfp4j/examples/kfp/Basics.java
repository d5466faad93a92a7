package dev.kfp4j.examples.kfp;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.InputPath;
import dev.kfp4j.annotations.OutputPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

  /**
   * Writes text to a file.
   *
   * @param text what to write
   * @param outPath where
   */
  @Component(name = "write-text")
  public static void writeText(String text, @OutputPath Path outPath) throws IOException {
    Files.writeString(outPath, text);
  }

  /**
   * Reads a text file.
   *
   * @param textPath the file
   * @return its text, stripped
   */
  @Component(name = "read-text")
  public static String readText(@InputPath Path textPath) throws IOException {
    return Files.readString(textPath).strip();
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
   * The integers from {@code first} to {@code last}, both included.
   *
   * @param first the first
   * @param last the last
   * @return the list
   */
  // Not 'from': the KFP SDK makes each input a Python parameter, and refuses a component whose input is a keyword.
  @Component
  public static List<Integer> range(int first, int last) {
    List<Integer> out = new ArrayList<>();
    for (int i = first; i <= last; i++) {
      out.add(i);
    }
    return out;
  }
}
