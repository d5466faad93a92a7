package dev.kfp4j.examples.kfp2;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.Format;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.artifacts.Dataset;
import dev.kfp4j.dsl.Dsl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/**
 * A dataset that exists already, brought into a pipeline as KFP 2's {@code dsl.importer} brings
 * it ({@code pipeline_with_importer.py}): its URI is a pipeline parameter, so one pipeline trains
 * on whichever dataset a run names. On a cluster the URI is the bucket's ({@code gs://},
 * {@code s3://}, {@code minio://}); run locally, a local file ({@code file:///abs/path/points.csv}
 * or {@code /abs/path/points.csv}), which the local runner copies into the run. KFP v1 has no
 * importer, so this pipeline is written for KFP 2 only.
 */
public final class ImportData {
  private ImportData() {}

  /**
   * Describes a dataset of points: how many it has (a CSV file with a header {@code x,y}) and where
   * it comes from, as its metadata says.
   *
   * @param data the points
   * @return how many points it has and where they come from, such as 40 points from the data warehouse
   */
  @Component(name = "describe-data")
  public static String describeData(Dataset data) throws IOException {
    List<String> lines = Files.readAllLines(data.path(), StandardCharsets.UTF_8);
    long points = lines.stream().skip(1).filter(l -> !l.isBlank()).count();
    return points + " points from " + data.metadata().getOrDefault("source", "nowhere said");
  }

  /**
   * Imports a dataset of points and fits a line to it.
   *
   * @param dataUri where the dataset is: a CSV file with a header {@code x,y}
   * @param epochs how many steps of gradient descent
   */
  @Pipeline(name = "import-data", formats = Format.KFP2)
  public static void importData(@Default("gs://my-bucket/datasets/points.csv") String dataUri, @Default("200") int epochs) {
    var data = Dsl.importer(dataUri, Dataset.class).metadata(Map.of("source", "the data warehouse"));
    ImportDataOps.describeData(data.artifact());
    TrainingOps.train(data.artifact(), epochs);
  }
}
