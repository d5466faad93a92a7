package dev.kfp4j.examples.kfp2;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.dsl.Dsl;
import java.util.ArrayList;
import java.util.List;

/**
 * Java ports of KFP's samples {@code samples/core/loop_parameter/loop_parameter.py} (a loop over
 * a task's list of items with fields, each field given to a task) and {@code
 * samples/core/condition/nested_condition.py} (a condition comparing two tasks' outputs, inside
 * another).
 */
public final class LoopsAndConditions {
  private LoopsAndConditions() {}

  /**
   * One item of {@code generateOp}'s list, KFP's {@code {'a': i, 'b': i * 10}}, as texts:
   * {@code concatOp} joins them.
   *
   * @param a the first field
   * @param b the second
   */
  public record Pair(String a, String b) {}

  /**
   * Prints a text and passes it on.
   *
   * @param text what to print
   * @return the text
   */
  @Component
  public static String echoText(String text) {
    System.out.println(text);
    return text;
  }

  /**
   * Joins two texts.
   *
   * @param a the first
   * @param b the second
   * @return {@code a + b}
   */
  @Component
  public static String concatOp(String a, String b) {
    System.out.println(a + b);
    return a + b;
  }

  /**
   * The items to loop over.
   *
   * @return four pairs, {@code a} from 1 to 4 and {@code b} ten times it
   */
  @Component
  public static List<Pair> generateOp() {
    List<Pair> out = new ArrayList<>();
    for (int i = 1; i < 5; i++) {
      out.add(new Pair(String.valueOf(i), String.valueOf(i * 10)));
    }
    return out;
  }

  /**
   * Loops over a task's output, each item's fields given to a task.
   *
   * @param greeting printed first
   */
  @Pipeline(name = "pipeline-with-loop-parameter")
  public static void loopParameter(@Default("this is a test for looping through parameters") String greeting) {
    LoopsAndConditionsOps.echoText(greeting);
    var generateTask = LoopsAndConditionsOps.generateOp();
    Dsl.forEach(generateTask.output(), item -> {
      var concatTask = LoopsAndConditionsOps.concatOp(item.a(), item.b());
      LoopsAndConditionsOps.echoText(concatTask.output());
    });
  }

  /** A condition comparing two flips, inside one that always holds. */
  @Pipeline(name = "nested-conditions-pipeline")
  public static void nestedConditions() {
    var flip1 = ControlStructuresOps.flipCoinOp();
    LoopsAndConditionsOps.echoText(flip1.output());
    var flip2 = ControlStructuresOps.flipCoinOp();
    LoopsAndConditionsOps.echoText(flip2.output());
    Dsl.when(Dsl.ne(flip1.output(), "no-such-result"), () -> {
      var flip3 = ControlStructuresOps.flipCoinOp();
      LoopsAndConditionsOps.echoText(flip3.output());
      Dsl.when(Dsl.eq(flip2.output(), flip3.output()), () -> {
        var flip4 = ControlStructuresOps.flipCoinOp();
        LoopsAndConditionsOps.echoText(flip4.output());
      });
    });
  }
}
