package ports;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Format;
import dev.kfp4j.annotations.InputPath;
import dev.kfp4j.annotations.Out;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.artifacts.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** KFP's pipeline_with_metadata_fields.py: a pipeline taking an artifact, {@code in_dataset: Input[Dataset]}, and returning one. */
public final class PipelineWithMetadataFields {
  private PipelineWithMetadataFields() {}

  /**
   * Convert string to dataset.
   *
   * @param string The string.
   * @param dataset The dataset.
   */
  @Component
  public static void strToDataset(String string, @Out Dataset dataset) throws IOException {
    Files.writeString(dataset.path(), string);
  }

  /**
   * Concatenate dataset_a and dataset_b.
   *
   * <p>Also returns the concatenated string.
   *
   * @param dataset_a First dataset.
   * @param dataset_b Second dataset.
   * @param out_dataset The concatenated dataset.
   * @return The concatenated string.
   */
  @Component
  public static String datasetJoiner(Dataset dataset_a, Dataset dataset_b, @Out Dataset out_dataset) throws IOException {
    String concatenated = Files.readString(dataset_a.path()) + Files.readString(dataset_b.path());
    Files.writeString(out_dataset.path(), concatenated);
    return concatenated;
  }

  /**
   * Pipeline to convert string to a Dataset, then concatenate with in_dataset.
   *
   * @param string String to concatenate to in_artifact.
   * @param in_dataset Dataset to which to concatenate string.
   * @return The final concatenated dataset.
   */
  @Pipeline(description = "A pipeline that joins string to in_dataset.", formats = Format.KFP2)
  public static Path datasetConcatenator(String string, @InputPath("Dataset") Path in_dataset) {
    var firstDatasetTask = PipelineWithMetadataFieldsOps.strToDataset(string);
    var t = PipelineWithMetadataFieldsOps.datasetJoiner(firstDatasetTask.dataset(), in_dataset);
    return t.out_dataset();
  }
}
