package ports;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Format;
import dev.kfp4j.annotations.Out;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.artifacts.Dataset;
import dev.kfp4j.artifacts.Metrics;
import dev.kfp4j.artifacts.Model;
import java.io.IOException;
import java.nio.file.Files;

/**
 * KFP's essential/lightweight_python_functions_with_outputs.py: a returned artifact ({@code -> Dataset}, the output
 * {@code Output}) and a NamedTuple of a value, a Metrics and a Model (a record of the value, beside the artifacts).
 */
public final class FunctionsWithOutputs {
  private FunctionsWithOutputs() {}

  @Component
  public static String concatMessage(String first, String second) {
    return first + second;
  }

  @Component
  public static long addNumbers(long first, long second) {
    return first + second;
  }

  /** KFP's {@code output_artifact(number, message) -> Dataset}. */
  @Component
  public static void outputArtifact(long number, String message, @Out Dataset Output) throws IOException {
    Files.writeString(Output.path(), String.join("\n", java.util.Collections.nCopies((int) number, message)));
  }

  public record Outputs(String scalar) {}

  @Component
  public static Outputs outputNamedTuple(Dataset artifact, @Out Metrics metrics, @Out Model model) throws IOException {
    metrics.log("accuracy", 0.9);
    Files.writeString(model.path(), "Model contents: " + Files.readString(artifact.path()));
    return new Outputs("123");
  }

  @Pipeline(name = "functions-with-outputs", formats = Format.KFP2)
  public static void pipeline(String first_message, String second_message, long first_number, long second_number) {
    var concatOp = FunctionsWithOutputsOps.concatMessage(first_message, second_message);
    var addNumbersOp = FunctionsWithOutputsOps.addNumbers(first_number, second_number);
    var outputArtifactOp = FunctionsWithOutputsOps.outputArtifact(addNumbersOp.output(), concatOp.output());
    FunctionsWithOutputsOps.outputNamedTuple(outputArtifactOp.Output());
  }
}
