package dev.kfp4j.dsl;

import java.nio.file.Path;
import java.util.Map;

/**
 * A step that brings an artifact that exists already into the run, as KFP's {@code dsl.importer}:
 * give {@link #artifact()} to an input that takes that artifact (a parameter of its type, such as
 * {@code Dataset}, or a {@code Path} with {@code @InputPath("Dataset")}; an {@code Artifact} takes
 * any). Made by {@link Dsl#importer}; its settings are constants read at compile time:
 *
 * <pre>{@code
 * var data = Dsl.importer(dataUri, Dataset.class).reimport(true).metadata(Map.of("source", "warehouse"));
 * TrainingOps.train(data.artifact(), epochs);
 * }</pre>
 */
public final class ImporterTask extends Task<ImporterTask> {
  ImporterTask(Object[] namesAndValues) {
    super("importer", namesAndValues);
  }

  /** The imported artifact: KFP's {@code importer.output} (its output {@code artifact}). */
  @Op.Output("artifact")
  public Path artifact() {
    throw outsidePipeline("importer", "artifact");
  }

  /**
   * Imports the artifact again even when KFP imported the same URI before (KFP's {@code
   * reimport=True}); by default KFP reuses the artifact it recorded. A constant.
   */
  public ImporterTask reimport(boolean reimport) {
    return this;
  }

  /**
   * Downloads the artifact into the run's workspace as well (KFP's {@code
   * download_to_workspace=True}), where its consumers read it without downloading it again; the
   * pipeline needs a workspace ({@code @Pipeline(workspaceSize)}). A constant. Locally it changes
   * nothing: the importer copies the file into the run either way.
   */
  public ImporterTask downloadToWorkspace(boolean download) {
    return this;
  }

  /**
   * The artifact's metadata, as KFP's {@code metadata={...}}: a {@code Map.of(...)} whose keys and values are constants,
   * pipeline parameters, value outputs of tasks, loop items, texts joined from these with {@code +}, or {@code List.of}/{@code
   * Map.of} of these, which the consumers read in {@code metadata()}.
   */
  public ImporterTask metadata(Map<String, ?> metadata) {
    return this;
  }
}
