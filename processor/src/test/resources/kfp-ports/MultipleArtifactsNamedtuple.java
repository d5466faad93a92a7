package ports;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.Format;
import dev.kfp4j.annotations.Out;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.artifacts.Dataset;
import dev.kfp4j.artifacts.PipelineTaskFinalStatus;
import dev.kfp4j.dsl.Dsl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** KFP's critical/multiple_artifacts_namedtuple.py: two artifacts returned through two levels of called pipelines (a record of Paths). */
public final class MultipleArtifactsNamedtuple {
  private MultipleArtifactsNamedtuple() {}

  @Component(name = "core-comp")
  public static void coreCompDatasets(@Out Dataset ds1, @Out Dataset ds2) throws IOException {
    Files.writeString(ds1.path(), "foo");
    Files.writeString(ds2.path(), "bar");
  }

  @Component(name = "crust-comp")
  public static void crustCompDatasets(Dataset ds1, Dataset ds2) throws IOException {
    System.out.println("ds1: " + Files.readString(ds1.path()) + ", ds2: " + Files.readString(ds2.path()));
  }

  public record Datasets(Path ds1, Path ds2) {}

  @Pipeline(name = "core", formats = Format.KFP2)
  public static Datasets coreDatasets() {
    var task = MultipleArtifactsNamedtupleOps.coreCompDatasets().caching(false);
    return new Datasets(task.ds1(), task.ds2());
  }

  @Pipeline(name = "mantle", formats = Format.KFP2)
  public static Datasets mantleDatasets() {
    return coreDatasets();
  }

  @Pipeline(name = "multiple-artifacts-namedtuple-pipeline", formats = Format.KFP2)
  public static void multipleArtifactsNamedtuple() {
    var dagTask = mantleDatasets();
    MultipleArtifactsNamedtupleOps.crustCompDatasets(dagTask.ds1(), dagTask.ds2()).caching(false);
  }

}
