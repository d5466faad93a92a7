package dev.kfp4j.cli;

import java.io.PrintWriter;

/**
 * The {@code kfp4j} command in a JVM of its own that goes on for two seconds after it, as a Maven build goes on after a goal:
 * what the command's threads still do after it returned (Jib's, writing layers) is then seen.
 */
final class GoesOnAfter {
  private GoesOnAfter() {}

  public static void main(String[] args) throws InterruptedException {
    int code = Kfp4j.execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    Thread.sleep(2000);
    System.exit(code);
  }
}
