package dev.kfp4j.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Uploads the compiled pipeline: a new pipeline the first time, then a new version. */
@Mojo(name = "upload-pipeline", threadSafe = true)
public final class UploadPipelineMojo extends PipelineMojo {
  public UploadPipelineMojo() {
    super("upload-pipeline");
  }

  /**
   * The version's name (default: the pipeline name, the UTC time to the millisecond and the uploaded file's hash); a new
   * pipeline's first one too, but with api_version v1beta1, which names it as the pipeline.
   */
  @Parameter(property = "kfp4j.versionName")
  String versionName;

  @Override
  List<String> goalArguments() {
    List<String> args = new ArrayList<>();
    option(args, "--pipeline", pipeline);
    classes(args, classes, pipeline);
    option(args, "--version-name", versionName);
    flag(args, "--pin-image", pinImage);
    return args;
  }
}
