package ports;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.Format;
import dev.kfp4j.annotations.Out;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.artifacts.Artifact;
import dev.kfp4j.artifacts.Dataset;
import dev.kfp4j.dsl.Dsl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * KFP's pipeline_with_parallelfor_list_artifacts_GH-12033 (the compiled file of
 * pipeline_with_parallelfor_list_artifacts.py): two called pipelines each return the artifacts their loop collects
 * ({@code List[Artifact]}, {@code List[Dataset]}), and the root loops over what each call returns
 * ({@code dsl.ParallelFor(make_artifacts().output)}), one artifact an iteration.
 */
public final class ParallelForListArtifacts {
  private ParallelForListArtifacts() {}

  @Component
  public static void makeArtifact(String data, @Out Artifact Output) throws IOException {
    Files.writeString(Output.path(), data);
    Output.metadata().put("length", data.length());
  }

  @Component
  public static void makeDataset(String data, @Out Dataset Output) throws IOException {
    Files.writeString(Output.path(), data);
    Output.metadata().put("length", data.length());
  }

  @Component
  public static String printArtifactName(Artifact artifact) throws IOException {
    System.out.println(artifact.name());
    return Files.readString(artifact.path()) + " (" + artifact.metadata().get("length") + ")";
  }

  @Pipeline(formats = Format.KFP2)
  public static List<Path> makeArtifacts(@Default("[\"Hello\", \",\", \" \", \"world!\"]") List<String> texts) {
    return Dsl.collect(texts, text -> ParallelForListArtifactsOps.makeArtifact(text).Output());
  }

  @Pipeline(formats = Format.KFP2)
  public static List<Path> makeDatasets(@Default("[\"Hello\", \",\", \" \", \"world!\"]") List<String> texts) {
    return Dsl.collect(texts, text -> ParallelForListArtifactsOps.makeDataset(text).Output());
  }

  @Pipeline(name = "pipeline-parallelfor-artifacts", formats = Format.KFP2)
  public static void pipelineParallelforArtifacts() {
    Dsl.forEach(makeArtifacts(null), artifact -> ParallelForListArtifactsOps.printArtifactName(artifact));
    Dsl.forEach(makeDatasets(null), dataset -> ParallelForListArtifactsOps.printArtifactName(dataset));
  }
}
