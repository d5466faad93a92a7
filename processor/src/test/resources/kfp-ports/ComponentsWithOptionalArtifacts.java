package ports;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Format;
import dev.kfp4j.annotations.InputPath;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.artifacts.Artifact;
import dev.kfp4j.artifacts.Dataset;
import dev.kfp4j.dsl.Dsl;
import java.nio.file.Path;
import java.util.Optional;

/**
 * KFP's components_with_optional_artifacts.py: optional artifacts, {@code Optional[Input[Dataset]] = None}, of a component,
 * of a called pipeline (given an importer's artifact, and nothing) and of the root. KFP's {@code custom_artifact_printer},
 * a container component, is a Java one here (the shape leaves out commands).
 */
public final class ComponentsWithOptionalArtifacts {
  private ComponentsWithOptionalArtifacts() {}

  @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.CLASS)
  public @interface Nullable {}

  @Component
  public static void pythonArtifactPrinter(Optional<Artifact> artifact) {
    System.out.println(artifact.map(a -> a.name() + " " + a.uri() + " " + a.metadata()).orElse("No artifact provided!"));
  }

  @Component(image = "alpine")
  public static void customArtifactPrinter(Optional<Artifact> artifact) {
    System.out.println(artifact.map(Artifact::uri).orElse("No artifact provided!"));
  }

  @Pipeline(formats = Format.KFP2)
  public static void innerPipeline(@Nullable @InputPath("Dataset") Path dataset) {
    ComponentsWithOptionalArtifactsOps.pythonArtifactPrinter(dataset);
  }

  @Pipeline(name = "optional-artifact-pipeline", formats = Format.KFP2)
  public static void pipeline(@Nullable @InputPath("Dataset") Path dataset1) {
    ComponentsWithOptionalArtifactsOps.customArtifactPrinter(dataset1);
    ComponentsWithOptionalArtifactsOps.customArtifactPrinter(null);
    var dataset2 = Dsl.importer("gs://ml-pipeline-playground/shakespeare1.txt", Dataset.class);
    innerPipeline(dataset2.artifact());
    innerPipeline(null);
  }
}
