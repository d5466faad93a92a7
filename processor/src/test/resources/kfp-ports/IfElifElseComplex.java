package ports;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.Format;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.dsl.Dsl;
import java.util.List;

/** KFP's if_elif_else_complex.py: If/Elif/Else in a loop, a OneOf in two branches, a nested loop, a Collected output. */
public final class IfElifElseComplex {
  private IfElifElseComplex() {}

  @Component(name = "int-0-to-9999")
  public static int int0To9999() {
    return 5001 + new java.util.Random().nextInt(4999); // above 5000, so that a run takes the Elif branch
  }

  @Component
  public static String isEvenOrOdd(int num) {
    return num % 2 != 0 ? "odd" : "even";
  }

  @Component
  public static String printAndReturn(String text) {
    System.out.println(text);
    return text;
  }

  @Component
  public static void printStrings(List<String> strings) {
    System.out.println(strings);
  }

  @Component
  public static void printInts(List<Integer> ints) {
    System.out.println(ints);
  }

  @Pipeline(name = "lucky-number-pipeline", formats = Format.KFP2)
  public static void luckyNumberPipeline(@Default("True") boolean add_drumroll, @Default("True") boolean repeat_if_lucky_number,
      @Default("[1, 2, 3]") List<Integer> trials) {
    var ints = Dsl.collect(trials, trial -> {
      var intTask = IfElifElseComplexOps.int0To9999().caching(false);
      Dsl.when(Dsl.eq(add_drumroll, true), () ->
          Dsl.when(Dsl.eq(trial, 3), () -> IfElifElseComplexOps.printAndReturn("Adding drumroll on last trial!")));
      Dsl.when(Dsl.lt(intTask.output(), 5000), () -> {
        var evenOrOdd = IfElifElseComplexOps.isEvenOrOdd(intTask.output());
        var said = Dsl.oneOf(Dsl.eq(evenOrOdd.output(), "even"), () -> IfElifElseComplexOps.printAndReturn("Got a low even number!").output())
            .otherwise(() -> IfElifElseComplexOps.printAndReturn("Got a low odd number!").output());
        IfElifElseComplexOps.printAndReturn(said);
      }).orWhen(Dsl.gt(intTask.output(), 5000), () -> {
        var evenOrOdd = IfElifElseComplexOps.isEvenOrOdd(intTask.output());
        var said = Dsl.oneOf(Dsl.eq(evenOrOdd.output(), "even"), () -> IfElifElseComplexOps.printAndReturn("Got a high even number!").output())
            .otherwise(() -> IfElifElseComplexOps.printAndReturn("Got a high odd number!").output());
        IfElifElseComplexOps.printAndReturn(said);
      }).otherwise(() -> {
        IfElifElseComplexOps.printAndReturn("Announcing: Got the lucky number 5000! A one in 10,000 chance.");
        Dsl.when(Dsl.eq(repeat_if_lucky_number, true), () ->
            Dsl.forEach(List.of(1, 2), i -> IfElifElseComplexOps.printAndReturn(
                "Announcing again: Got the lucky number 5000! A one in 10,000 chance.")));
      });
      return intTask.output();
    });
    IfElifElseComplexOps.printInts(ints);
  }
}
