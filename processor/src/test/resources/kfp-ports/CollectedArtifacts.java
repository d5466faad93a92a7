package ports;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.Format;
import dev.kfp4j.annotations.Out;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.artifacts.Artifact;
import dev.kfp4j.artifacts.Dataset;
import dev.kfp4j.artifacts.Model;
import dev.kfp4j.dsl.Dsl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * KFP's collected_artifacts.py: a pipeline called in a loop nested in another, the artifacts of a task beside it collected
 * ({@code dsl.Collected}) by the outer loop's body (a {@code Dsl.collected()} list declared there: the inner loop only) and,
 * through both loops, returned by the pipeline ({@code List[Model]}, a list declared before the loops), which the root gives
 * to a task. The called pipeline's parameter {@code char} is a Java keyword: here {@code chr}. The tasks that read lists
 * give what they read, joined, where KFP's print it.
 */
public final class CollectedArtifacts {
  private CollectedArtifacts() {}

  @Component
  public static List<String> splitIds(String model_ids) {
    return Arrays.asList(model_ids.split(","));
  }

  @Component
  public static void createFile(@Out Artifact file, String content) throws IOException {
    Files.writeString(file.path(), content);
  }

  @Component
  public static String readSingleFile(Artifact file) throws IOException {
    return Files.readString(file.path());
  }

  @Component
  public static List<String> splitChars(String model_ids) {
    return Arrays.asList(model_ids.split(","));
  }

  @Component
  public static void createDataset(@Out Dataset data, String content) throws IOException {
    Files.writeString(data.path(), content);
  }

  @Component
  public static String readDatasets(List<Dataset> data) throws IOException {
    List<String> read = new ArrayList<>();
    for (Dataset d : data) {
      read.add(Files.readString(d.path()));
    }
    return String.join(",", read);
  }

  @Component
  public static void readSingleDatasetGenerateModel(Dataset data, String id, @Out Model results) throws IOException {
    String info = Files.readString(data.path());
    Files.writeString(results.path(), info + "-" + id);
    results.metadata().put("model", info);
    results.metadata().put("model_name", "model-artifact-inner-iteration-" + info + "-" + id);
  }

  @Component
  public static String readModels(List<Model> models) throws IOException {
    List<String> read = new ArrayList<>();
    for (Model m : models) {
      read.add(Files.readString(m.path()));
    }
    return String.join(",", read);
  }

  @Pipeline(formats = Format.KFP2)
  public static Path singleNodeDag(String chr) {
    var createDatasetOp = CollectedArtifactsOps.createDataset(chr);
    createDatasetOp.caching(false);
    return createDatasetOp.data();
  }

  @Pipeline(formats = Format.KFP2)
  public static List<Path> collectingArtifacts(@Default("") String model_ids, @Default("") String model_chars) {
    var idsSplitOp = CollectedArtifactsOps.splitIds(model_ids);
    idsSplitOp.caching(false);
    var charSplitOp = CollectedArtifactsOps.splitChars(model_chars);
    charSplitOp.caching(false);
    List<Path> results = Dsl.collected();
    Dsl.forEach(idsSplitOp.output(), model_id -> {
      var createFileOp = CollectedArtifactsOps.createFile(model_id);
      createFileOp.caching(false);
      var readSingleFileOp = CollectedArtifactsOps.readSingleFile(createFileOp.file());
      readSingleFileOp.caching(false);
      List<Path> models = Dsl.collected();
      List<Path> datasets = Dsl.collected();
      Dsl.forEach(charSplitOp.output(), model_char -> {
        Path singleDag = singleNodeDag(model_char);
        var readSingleDatasetGenerateModelOp = CollectedArtifactsOps.readSingleDatasetGenerateModel(singleDag, model_id);
        readSingleDatasetGenerateModelOp.caching(false);
        models.add(readSingleDatasetGenerateModelOp.results());
        results.add(readSingleDatasetGenerateModelOp.results());
        datasets.add(singleDag);
      });
      var readModelsOp = CollectedArtifactsOps.readModels(models);
      readModelsOp.caching(false);
      var readDatasetsOp = CollectedArtifactsOps.readDatasets(datasets);
      readDatasetsOp.caching(false);
    });
    return results;
  }

  @Pipeline(formats = Format.KFP2)
  public static void collectedArtifactPipeline() {
    List<Path> dag = collectingArtifacts("s1,s2,s3", "x,y,z");
    var readFilesOp = CollectedArtifactsOps.readModels(dag);
    readFilesOp.caching(false);
  }
}
