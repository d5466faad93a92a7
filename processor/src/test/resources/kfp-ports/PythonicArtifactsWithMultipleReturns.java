package ports;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Format;
import dev.kfp4j.annotations.InputPath;
import dev.kfp4j.annotations.Out;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.artifacts.Artifact;
import dev.kfp4j.artifacts.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * KFP's pythonic_artifacts_with_multiple_returns.py: a called pipeline taking an artifact ({@code splitter_pipeline(in_dataset:
 * Dataset)}), given a task's, and returning two (both its task's {@code dataset1}, as the Python does).
 */
public final class PythonicArtifactsWithMultipleReturns {
  private PythonicArtifactsWithMultipleReturns() {}

  @Component
  public static void datasetSplitter(Dataset in_dataset, @Out Dataset dataset1, @Out Dataset dataset2) throws IOException {
    String data = Files.readString(in_dataset.path());
    Files.writeString(dataset1.path(), data.substring(0, data.length() / 2));
    dataset1.metadata().put("original_data", in_dataset.name());
    Files.writeString(dataset2.path(), data.substring(data.length() / 2));
    dataset2.metadata().put("original_data", in_dataset.name());
  }

  /** KFP's {@code make_dataset() -> Artifact}: its output named {@code Output}. */
  @Component
  public static void makeDataset(@Out Artifact Output) throws IOException {
    Files.writeString(Output.path(), "Hello, world");
  }

  public record Outputs(Path dataset1, Path dataset2) {}

  @Pipeline(formats = Format.KFP2)
  public static Outputs splitterPipeline(@InputPath("Dataset") Path in_dataset) {
    var task = PythonicArtifactsWithMultipleReturnsOps.datasetSplitter(in_dataset);
    return new Outputs(task.dataset1(), task.dataset1());
  }

  @Pipeline(formats = Format.KFP2)
  public static Path splitDatasetsAndReturnFirst() {
    var t1 = PythonicArtifactsWithMultipleReturnsOps.makeDataset();
    var split = splitterPipeline(t1.Output());
    return split.dataset1();
  }
}
