package dev.kfp4j.examples.kfp2;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.Pipeline;
import java.time.Instant;

/**
 * The Java port of KFP's sample {@code samples/core/caching/caching_sample.py}: a run of {@code
 * caching-pipeline} given the arguments of an earlier one reuses its task's outputs, where {@code
 * caching-pipeline3}'s task, its caching off, works again.
 */
public final class Caching {
  private Caching() {}

  /**
   * Works for a while.
   *
   * @param seconds how long
   * @return when it was done
   */
  @Component
  public static String doWorkOp(@Default("60") double seconds) throws InterruptedException {
    System.out.println("Working for " + seconds + " seconds.");
    for (int i = 0; i < (int) seconds; i++) {
      System.out.println("Working: " + i + ".");
      Thread.sleep(1000);
    }
    System.out.println("Done.");
    return Instant.now().toString();
  }

  /**
   * All outputs of successful executions are cached.
   *
   * @param seconds how long the task works
   */
  @Pipeline(name = "caching-pipeline")
  public static void cachingPipeline(@Default("60") double seconds) {
    CachingOps.doWorkOp(seconds);
  }

  /**
   * The task works on every run: its caching is off.
   *
   * @param seconds how long the task works
   */
  @Pipeline(name = "caching-pipeline3")
  public static void cachingPipeline3(@Default("60") double seconds) {
    CachingOps.doWorkOp(seconds).caching(false);
  }
}
