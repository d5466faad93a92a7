package dev.kfp4j.processor.graph;

import dev.kfp4j.model.ImporterStep;
import dev.kfp4j.processor.base.Position;
import java.util.List;

/**
 * An importer ({@code Dsl.importer(uri, Type.class)}): its URI is its argument {@code uri}, its
 * type a schema title; {@code reimport}, {@code downloadToWorkspace} and {@code metadata} are set by its own methods.
 */
public final class ImporterBuilder extends StepBuilder {
  private final String artifactType;
  private boolean reimport;
  private boolean downloadToWorkspace;
  private String metadata;

  ImporterBuilder(String name, String artifactType, Group group, Position position) {
    super(name, group, position);
    this.artifactType = artifactType;
  }

  /** The imported artifact's schema title, such as {@code system.Dataset}. */
  public String artifactType() {
    return artifactType;
  }

  public void reimport(boolean reimport) {
    this.reimport = reimport;
  }

  public void downloadToWorkspace(boolean download) {
    this.downloadToWorkspace = download;
  }

  /** Whether it downloads the artifact into the run's workspace too. */
  public boolean downloadsToWorkspace() {
    return downloadToWorkspace;
  }

  /** The metadata, a JSON object's text. */
  public void metadata(String metadata) {
    this.metadata = metadata;
  }

  @Override
  public boolean hasOutput(String output) {
    return output.equals(ImporterStep.OUTPUT);
  }

  @Override
  ImporterStep build() {
    return new ImporterStep(name(), arguments.values(), artifactType, reimport, metadata, downloadToWorkspace, List.copyOf(after), builtSettings());
  }
}
