package ports;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Format;
import dev.kfp4j.annotations.Out;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.artifacts.Dataset;
import dev.kfp4j.dsl.Dsl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * KFP's critical/pipeline_with_importer_workspace.py: importers downloading into the run's workspace in a called pipeline,
 * the workspace the caller's (and the called pipeline's own, for the file kfp4j writes of it alone).
 */
public final class ImporterWorkspace {
  private ImporterWorkspace() {}

  public record Outputs(String scalar, String message) {}

  /** Dummy Training step. */
  @Component(image = "registry.access.redhat.com/ubi9/python-311:latest")
  public static Outputs train(Dataset dataset) throws IOException {
    String data = Files.readString(dataset.path());
    return new Outputs("123", "My model trained using data: " + data);
  }

  /** Walk the directory and return a summary of file names. */
  @Component(image = "registry.access.redhat.com/ubi9/python-311:latest")
  public static String readDir(Dataset data) throws IOException {
    try (var files = Files.walk(data.path())) {
      return String.join(",", files.filter(Files::isRegularFile).map(p -> data.path().relativize(p).toString()).sorted().toList());
    }
  }

  @Component(image = "registry.access.redhat.com/ubi9/python-311:latest")
  public static void writeFileArtifact(@Out Dataset out_ds) throws IOException {
    Files.writeString(out_ds.path(), "Hello from producer file\n");
  }

  @Component(image = "registry.access.redhat.com/ubi9/python-311:latest")
  public static void writeDirArtifact(@Out Dataset out_ds) throws IOException {
    Files.createDirectories(out_ds.path());
    Files.writeString(out_ds.path().resolve("part-000.txt"), "First file in directory.\n");
    Files.writeString(out_ds.path().resolve("part-001.txt"), "Second file in directory.\n");
  }

  @Component(image = "registry.access.redhat.com/ubi9/python-311:latest")
  public static String getUri(Dataset d) {
    return d.uri();
  }

  public record ImportOutputs(String train_result, String dir_result) {}

  /** Nested stage that imports by URI and runs consumers. */
  @Pipeline(name = "import-stage", formats = Format.KFP2, workspaceSize = "1Gi")
  public static ImportOutputs importStage(String file_uri, String dir_uri) {
    var importer1 = Dsl.importer(file_uri, Dataset.class).reimport(false).metadata(Map.of("key", "value")).downloadToWorkspace(true);
    var dirImport = Dsl.importer(dir_uri, Dataset.class).reimport(true).downloadToWorkspace(true).metadata(Map.of("source", "directory"));
    var trainTask = ImporterWorkspaceOps.train(importer1.artifact());
    var dirTask = ImporterWorkspaceOps.readDir(dirImport.artifact());
    return new ImportOutputs(trainTask.scalar(), dirTask.output());
  }

  /** Test pipeline for importer with download_to_workspace feature. */
  @Pipeline(name = "pipeline-with-importer-workspace", description = "Importer downloads an artifact into workspace; downstream reads it",
      formats = Format.KFP2, workspaceSize = "1Gi", workspaceStorageClass = "standard", workspaceAccessModes = "ReadWriteOnce")
  public static ImportOutputs pipelineWithImporterWorkspace() {
    var fileWriter = ImporterWorkspaceOps.writeFileArtifact();
    var fileUri = ImporterWorkspaceOps.getUri(fileWriter.out_ds());
    var dirWriter = ImporterWorkspaceOps.writeDirArtifact();
    var dirUri = ImporterWorkspaceOps.getUri(dirWriter.out_ds());
    var stage = importStage(fileUri.output(), dirUri.output());
    return new ImportOutputs(stage.train_result(), stage.dir_result());
  }
}
