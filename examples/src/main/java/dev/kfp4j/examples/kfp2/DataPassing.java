package dev.kfp4j.examples.kfp2;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.InputPath;
import dev.kfp4j.annotations.Out;
import dev.kfp4j.annotations.OutputPath;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.artifacts.Dataset;
import dev.kfp4j.artifacts.Model;
import dev.kfp4j.dsl.Dsl;
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

  /**
   * Dummy preprocessing step.
   *
   * @param message the text written
   * @param outputDatasetOne the first dataset
   * @param outputDatasetTwoPath the second
   * @param outputParameterPath the text, a value ({@code OutputPath(str)})
   * @param outputBoolParameterPath a boolean ({@code OutputPath(bool)})
   * @param outputDictParameterPath a map ({@code OutputPath(Dict[str, int])})
   * @param outputListParameterPath a list ({@code OutputPath(List[str])})
   */
  @Component
  public static void preprocess(String message, @Out Dataset outputDatasetOne,
      @OutputPath("Dataset") Path outputDatasetTwoPath, @OutputPath("String") Path outputParameterPath,
      @OutputPath("Boolean") Path outputBoolParameterPath, @OutputPath("JsonObject") Path outputDictParameterPath,
      @OutputPath("JsonArray") Path outputListParameterPath) throws IOException {
    Files.writeString(outputDatasetOne.path(), message);
    Files.writeString(outputDatasetTwoPath, message);
    Files.writeString(outputParameterPath, message);
    Files.writeString(outputBoolParameterPath, "True"); // Python's str(True)
    Files.writeString(outputDictParameterPath, "{\"A\": 1, \"B\": 2}");
    Files.writeString(outputListParameterPath, "[\"a\", \"b\", \"c\"]");
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
        Dsl.value(preprocessTask.outputParameter()), Dsl.value(preprocessTask.outputBoolParameter()),
        Dsl.value(preprocessTask.outputDictParameter()), Dsl.value(preprocessTask.outputListParameter()));
  }
}
