package dev.kfp4j.examples.kfp2;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.Out;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.artifacts.Dataset;
import dev.kfp4j.dsl.Dsl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The Java port of KFP 2.17's {@code cond_loop_artifact.py}: a {@code Dataset} passed between two
 * components, a condition on a task's output holding a loop over constants, each with a name of its own as KFP's file
 * gives them ({@code dsl.If(..., name='big')}, {@code dsl.ParallelFor(..., name='loop')}), and the pipeline's output.
 */
public final class CondLoopArtifact {
  private CondLoopArtifact() {}

  /**
   * Writes 0..n-1, one a line.
   *
   * @param n how many numbers
   * @param data the numbers
   */
  @Component
  public static void produce(int n, @Out Dataset data) throws IOException {
    String lines = IntStream.range(0, n).mapToObj(Integer::toString).collect(Collectors.joining("\n"));
    Files.writeString(data.path(), lines, StandardCharsets.UTF_8);
  }

  /**
   * Sums the numbers in a dataset.
   *
   * @param data numbers, one a line
   * @return their sum
   */
  @Component
  public static int total(Dataset data) throws IOException {
    return Files.readAllLines(data.path(), StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
        .mapToInt(l -> Integer.parseInt(l.strip())).sum();
  }

  /**
   * Squares a number.
   *
   * @param x the number
   * @return {@code x * x}
   */
  @Component
  public static int square(int x) {
    return x * x;
  }

  /**
   * Prints a message and gives it back.
   *
   * @param msg the message
   * @return the message
   */
  @Component
  public static String report(String msg) {
    System.out.println(msg);
    return msg;
  }

  /**
   * Sums 0..n-1; when the sum is over 3, squares 1, 2 and 3; reports when the sum is known.
   *
   * @param n how many numbers
   * @return the report's message
   */
  @Pipeline(name = "condition-loop-artifact")
  public static String conditionLoopArtifact(@Default("4") int n) {
    var prod = CondLoopArtifactOps.produce(n);
    var t = CondLoopArtifactOps.total(prod.data());
    Dsl.when(Dsl.gt(t.output(), 3), "big", () -> Dsl.forEach(List.of(1, 2, 3), "loop", item -> CondLoopArtifactOps.square(item)));
    var done = CondLoopArtifactOps.report("done").after(t);
    return done.output();
  }
}
