package ports;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.Format;
import dev.kfp4j.annotations.InputPath;
import dev.kfp4j.annotations.Out;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.artifacts.Dataset;
import dev.kfp4j.dsl.Dsl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * KFP's artifacts_complex.py: a called pipeline taking two lists of artifacts ({@code Input[List[Dataset]]}), given the
 * artifacts loops collect ({@code dsl.Collected}): the first list of a task in the outer loop, the second of a task in a
 * loop nested in it, under a condition ({@code y >= threshold}), each a {@code Dsl.collected()} list declared before the
 * loops; the first is returned too.
 */
public final class ArtifactsComplex {
  private ArtifactsComplex() {}

  @Component(name = "double")
  public static void doubleIt(int num, @Out Dataset out_dataset) throws IOException {
    Files.writeString(out_dataset.path(), String.valueOf(2 * num));
  }

  @Component
  public static void add(List<Dataset> in_datasets, @Out Dataset out_dataset) throws IOException {
    int sum = 0;
    for (Dataset d : in_datasets) {
      sum += Integer.parseInt(Files.readString(d.path()).strip());
    }
    Files.writeString(out_dataset.path(), String.valueOf(sum));
  }

  @Component
  public static void addTwoInts(Dataset in_dataset1, Dataset in_dataset2, @Out Dataset out_dataset) throws IOException {
    int a = Integer.parseInt(Files.readString(in_dataset1.path()).strip());
    int b = Integer.parseInt(Files.readString(in_dataset2.path()).strip());
    Files.writeString(out_dataset.path(), String.valueOf(a + b));
  }

  @Pipeline(formats = Format.KFP2)
  public static Path addTwoListsOfDatasets(@InputPath("Dataset") List<Path> in_datasets1,
      @InputPath("Dataset") List<Path> in_datasets2) {
    var sum1Task = ArtifactsComplexOps.add(in_datasets1);
    var sum2Task = ArtifactsComplexOps.add(in_datasets2);
    return ArtifactsComplexOps.addTwoInts(sum1Task.out_dataset(), sum2Task.out_dataset()).out_dataset();
  }

  public record Outputs(Path sum, List<Path> datasets) {}

  @Pipeline(formats = Format.KFP2)
  public static Outputs mathPipeline(@Default("2") int threshold) {
    List<Path> doubles1 = Dsl.collected();
    List<Path> doubles2 = Dsl.collected();
    Dsl.forEach(List.of(1, 2, 3), x -> {
      var doubleTask1 = ArtifactsComplexOps.doubleIt(x);
      doubles1.add(doubleTask1.out_dataset());
      Dsl.forEach(List.of(1, 2, 3), y ->
          Dsl.when(Dsl.ge(y, threshold), () -> doubles2.add(ArtifactsComplexOps.doubleIt(y).out_dataset())));
    });
    Path sum = addTwoListsOfDatasets(doubles1, doubles2);
    return new Outputs(sum, doubles1);
  }
}
