package dev.kfp4j.examples.kfp2;

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
import java.util.List;

/**
 * KFP 2's {@code pipeline_with_parallelfor_list_artifacts.py} in Java: a loop over a list of
 * artifacts ({@code dsl.ParallelFor(items=<List[Artifact]>)}, KFP 2's {@code artifactIterator}).
 * One artifact, then one dataset, is written per text in a loop and collected ({@code
 * Dsl.collect}); a second loop runs once per artifact of each list, in the list's order, each
 * iteration given one artifact. KFP's sample collects the lists in pipelines of their own; here
 * the loops collecting them are in the same pipeline. Only KFP 2 loops over artifacts, so this
 * pipeline is written for KFP 2 only.
 */
public final class ParallelForArtifacts {
  private ParallelForArtifacts() {}

  /**
   * Writes a text to an artifact, its length in the artifact's metadata.
   *
   * @param data the text
   * @param artifact the artifact written
   */
  @Component
  public static void makeArtifact(String data, @Out Artifact artifact) throws IOException {
    Files.writeString(artifact.path(), data);
    artifact.metadata().put("length", data.length());
  }

  /**
   * Writes a text to a dataset, its length in the dataset's metadata.
   *
   * @param data the text
   * @param dataset the dataset written
   */
  @Component
  public static void makeDataset(String data, @Out Dataset dataset) throws IOException {
    Files.writeString(dataset.path(), data);
    dataset.metadata().put("length", data.length());
  }

  /**
   * Prints an artifact's name, and gives its text and length.
   *
   * @param artifact any artifact
   * @return its text, and the length its metadata holds
   */
  @Component
  public static String printArtifactName(Artifact artifact) throws IOException {
    System.out.println(artifact.name());
    return "'" + Files.readString(artifact.path()) + "' (" + artifact.metadata().get("length") + ")";
  }

  /**
   * Writes one artifact and one dataset per text, and prints each artifact, then each dataset, in a loop over them.
   *
   * @param texts the texts
   */
  @Pipeline(name = "pipeline-parallelfor-artifacts", formats = Format.KFP2)
  public static void pipelineParallelforArtifacts(@Default("[\"Hello\", \",\", \" \", \"world!\"]") List<String> texts) {
    var artifacts = Dsl.collect(texts, text -> ParallelForArtifactsOps.makeArtifact(text).artifact());
    Dsl.forEach(artifacts, artifact -> ParallelForArtifactsOps.printArtifactName(artifact));
    var datasets = Dsl.collect(texts, text -> ParallelForArtifactsOps.makeDataset(text).dataset());
    Dsl.forEach(datasets, dataset -> ParallelForArtifactsOps.printArtifactName(dataset));
  }
}
