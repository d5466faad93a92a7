package ports;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Format;
import dev.kfp4j.annotations.OutputPath;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.dsl.Dsl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * KFP's if_elif_else_with_oneof_parameters.py: an If/Elif/Else chain whose OneOf (one branch's a value written to a file,
 * {@code OutputPath(str)}, {@code Dsl.value} here) a called pipeline returns.
 */
public final class IfElifElseWithOneofParameters {
  private IfElifElseWithOneofParameters() {}

  /** KFP's rolls a die; the port's always draws, so that a run takes the Else branch, whose value is a file's. */
  @Component
  public static String flipThreeSidedDie() {
    return "draw";
  }

  @Component
  public static String printAndReturn(String text) {
    System.out.println(text);
    return text;
  }

  @Component
  public static void specialPrintAndReturn(String text, @OutputPath("String") Path output_key) throws IOException {
    System.out.println("Got the special state: " + text);
    Files.writeString(output_key, text);
  }

  @Pipeline(formats = Format.KFP2)
  public static String rollDiePipeline() {
    var flipCoinTask = IfElifElseWithOneofParametersOps.flipThreeSidedDie();
    return Dsl.oneOf(Dsl.eq(flipCoinTask.output(), "heads"), () -> IfElifElseWithOneofParametersOps.printAndReturn("Got heads!").output())
        .orWhen(Dsl.eq(flipCoinTask.output(), "tails"), () -> IfElifElseWithOneofParametersOps.printAndReturn("Got tails!").output())
        .otherwise(() -> Dsl.<String>value(IfElifElseWithOneofParametersOps.specialPrintAndReturn("Draw!").output_key()));
  }

  @Pipeline(formats = Format.KFP2)
  public static String outerPipeline() {
    var flipCoinTask = rollDiePipeline();
    return IfElifElseWithOneofParametersOps.printAndReturn(flipCoinTask).output();
  }
}
