package dev.kfp4j.examples.kfp2;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.Format;
import dev.kfp4j.annotations.InputPath;
import dev.kfp4j.annotations.Out;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.artifacts.Dataset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A pipeline that takes a dataset, as KFP 2's {@code def train_on_dataset(data: Input[Dataset], ...)}: {@code
 * train-on-dataset} filters the points it is given and trains a model on those kept, and {@code make-and-train} calls it
 * with the dataset its own task makes. A pipeline taking an artifact is written for KFP 2 only (a run is given values,
 * and an Argo workflow takes no artifact); the pipeline calling it is written for both: in Argo the called pipeline's tasks
 * are put into it, given its task's dataset.
 */
public final class TrainOnDataset {
  private TrainOnDataset() {}

  /**
   * Keeps the points of a dataset whose x is at least {@code minX}.
   *
   * @param data points, a CSV file with a header {@code x,y}
   * @param minX the smallest x kept
   * @param kept the points kept, with the same header
   * @return how many points were kept
   */
  @Component(name = "filter-points")
  public static int filterPoints(Dataset data, double minX, @Out Dataset kept) throws IOException {
    List<String> lines = Files.readAllLines(data.path(), StandardCharsets.UTF_8);
    List<String> out = new ArrayList<>(List.of(lines.get(0)));
    for (String line : lines.subList(1, lines.size())) {
      if (!line.isBlank() && Double.parseDouble(line.substring(0, line.indexOf(','))) >= minX) {
        out.add(line);
      }
    }
    Files.write(kept.path(), out, StandardCharsets.UTF_8);
    kept.metadata().put("rows", out.size() - 1);
    return out.size() - 1;
  }

  /**
   * Filters a dataset and trains a model on the points kept.
   *
   * @param data the points, a CSV file with a header {@code x,y}: the artifact a caller's task gives
   * @param minX the smallest x trained on
   * @param epochs how many steps of gradient descent
   * @return the fit's root mean square error
   */
  @Pipeline(name = "train-on-dataset", formats = Format.KFP2)
  public static double trainOnDataset(@InputPath("Dataset") Path data, @Default("0.0") double minX, @Default("200") int epochs) {
    var kept = TrainOnDatasetOps.filterPoints(data, minX);
    return TrainingOps.train(kept.kept(), epochs).output();
  }

  /**
   * Makes a dataset and trains on the upper half of its points through {@code train-on-dataset}.
   *
   * @param rows how many points the dataset has
   * @return the fit's root mean square error
   */
  @Pipeline(name = "make-and-train")
  public static double makeAndTrain(@Default("100") int rows) {
    var made = TrainingOps.makeData(rows);
    return trainOnDataset(made.data(), 0.5, 300);
  }
}
