package dev.kfp4j.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Deletes a version of a pipeline: {@code -Dkfp4j.pipeline=NAME -Dkfp4j.versionId=ID}. */
@Mojo(name = "pipeline-version-delete", requiresProject = false, threadSafe = true)
public final class PipelineVersionDeleteMojo extends ServerMojo {
  public PipelineVersionDeleteMojo() {
    super("pipelines delete-version");
  }

  /** The pipeline's name or id. */
  @Parameter(property = "kfp4j.pipeline", required = true)
  String pipeline;

  /** The version's id. */
  @Parameter(property = "kfp4j.versionId", required = true)
  String versionId;

  @Override
  List<String> goalArguments() {
    List<String> args = new ArrayList<>();
    if (pipeline != null) {
      args.add(pipeline);
    }
    if (versionId != null) {
      args.add(versionId);
    }
    return args;
  }
}
