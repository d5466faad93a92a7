package dev.kfp4j.examples.kfp;

import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.dsl.Dsl;
import dev.kfp4j.examples.CalcOps;
import java.util.List;

/** Ports of KFP's {@code withitem_basic.py}, {@code withparam_output.py} and {@code withparam_global.py}. */
public final class Loops {
  private Loops() {}

  /** A loop item with fields, as a dict in {@code dsl.ParallelFor}. */
  public record Item(int a, int b) {}

  /**
   * Loops over constant items with fields.
   *
   * @param myPipeParam added to every item's {@code a}
   */
  @Pipeline(name = "withitem-basic")
  public static void withItems(@Default("10") int myPipeParam) {
    Dsl.forEach(List.of(new Item(1, 2), new Item(10, 20)), item -> {
      CalcOps.add(item.a(), myPipeParam);
      CalcOps.add(item.b(), 0);
    });
    CalcOps.add(myPipeParam, 0);
  }

  /** Loops over a task's list output, at most two items at once. */
  @Pipeline(name = "withparam-output")
  public static void withParamOutput() {
    var op0 = BasicsOps.range(20, 30);
    Dsl.forEach(op0.output(), 2, item -> CalcOps.add(item, 1));
    BasicsOps.echo("done");
  }

  /**
   * Loops over a list pipeline parameter.
   *
   * @param loopParameter the values
   */
  @Pipeline(name = "withparam-global")
  public static void withParamGlobal(@Default("[3, 5, 7, 9]") List<Integer> loopParameter) {
    Dsl.forEach(loopParameter, item -> CalcOps.multiply(item, item));
  }
}
