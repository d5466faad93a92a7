package dev.kfp4j.examples.kfp2;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.InputPath;
import dev.kfp4j.annotations.Out;
import dev.kfp4j.annotations.OutputPath;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.artifacts.Dataset;
import dev.kfp4j.artifacts.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The Java port of KFP's tutorial {@code samples/tutorials/Data passing in python components/Data
 * passing in python components - Files.py} ({@code tutorial-data-passing}).
 */
public final class DataPassing {
  private DataPassing() {}

  /** What preprocess gives. */
  public record Preprocessed(String outputParameter, boolean outputBoolParameter,
      Map<String, Integer> outputDictParameter, List<String> outputListParameter) {}

  /**
   * Dummy preprocessing step.
   *
   * @param message the text written
   * @param outputDatasetOne the first dataset
   * @param outputDatasetTwoPath the second
   */
  @Component
  public static Preprocessed preprocess(String message, @Out Dataset outputDatasetOne,
      @OutputPath("Dataset") Path outputDatasetTwoPath) throws IOException {
    Files.writeString(outputDatasetOne.path(), message);
    Files.writeString(outputDatasetTwoPath, message);
    return new Preprocessed(message, true, Map.of("A", 1, "B", 2), List.of("a", "b", "c"));
  }

  /**
   * Dummy Training step.
   *
   * @param datasetOnePath the first dataset
   * @param datasetTwo the second
   * @param message a text
   * @param model the model written
   * @param inputBool a flag
   * @param inputDict a map
   * @param inputList a list
   * @param numSteps how many steps
   */
  @Component
  public static void trainStep(@InputPath("Dataset") Path datasetOnePath, Dataset datasetTwo, String message,
      @Out Model model, boolean inputBool, Map<String, Integer> inputDict, List<String> inputList,
      @Default("100") int numSteps) throws IOException {
    String line = "dataset_one_contents: " + Files.readString(datasetOnePath) + " || "
        + "dataset_two_contents: " + Files.readString(datasetTwo.path()) + " || "
        + "message: " + message + " || input_bool: " + inputBool + " || input_dict: " + inputDict
        + " || input_list: " + inputList + " \n";
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < numSteps; i++) {
      out.append("Step ").append(i).append('\n').append(line).append("\n=====\n");
    }
    Files.writeString(model.path(), out);
    model.metadata().put("accuracy", 0.9);
  }

  /**
   * Passes datasets and values from one step to the next.
   *
   * @param message the text the datasets hold
   */
  @Pipeline(name = "tutorial-data-passing")
  public static void dataPassingPipeline(@Default("message") String message) {
    var preprocessTask = DataPassingOps.preprocess(message);
    DataPassingOps.trainStep(preprocessTask.outputDatasetOne(), preprocessTask.outputDatasetTwo(),
        preprocessTask.outputParameter(), preprocessTask.outputBoolParameter(),
        preprocessTask.outputDictParameter(), preprocessTask.outputListParameter());
  }
}
