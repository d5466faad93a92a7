package dev.kfp4j.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes the compiled KFP 2 pipeline, with run_config applied, as the Kubernetes resources of KFP's
 * Kubernetes pipeline store, as {@code kfp4j manifest} does: {@code mvn compile kfp4j:manifest
 * -Dkfp4j.pipeline=add-example -Dkfp4j.versionName=add-example-v2 -Dkfp4j.output=deploy/add-example.yaml}.
 */
@Mojo(name = "manifest", threadSafe = true)
public final class ManifestMojo extends CompiledMojo {
  public ManifestMojo() {
    super("manifest", true);
  }

  /** The pipeline's name, or a KFP 2 pipeline spec file; optional when the project has one. */
  @Parameter(property = "kfp4j.pipeline")
  String pipeline;

  @Override
  String pipelineName() {
    return pipeline;
  }

  /** The Pipeline resource's name, which the version names (default: the pipeline's name). */
  @Parameter(property = "kfp4j.name")
  String name;

  /** The Pipeline's display name (default: its name). */
  @Parameter(property = "kfp4j.displayName")
  String displayName;

  /** The PipelineVersion resource's name (default: the pipeline's name). */
  @Parameter(property = "kfp4j.versionName")
  String versionName;

  /** The version's display name (default: its name). */
  @Parameter(property = "kfp4j.versionDisplayName")
  String versionDisplayName;

  /** The resources' namespace (default: the config's namespace, else none). */
  @Parameter(property = "kfp4j.namespace")
  String namespace;

  /** Write the Pipeline resource too, before its version. */
  @Parameter(property = "kfp4j.includePipeline", defaultValue = "false")
  boolean includePipeline;

  /** Name the image {@code kfp4j:image} last pushed by its digest on the Java steps. */
  @Parameter(property = "kfp4j.pinImage", defaultValue = "false")
  boolean pinImage;

  /** The file to write (default: the build's output). */
  @Parameter(property = "kfp4j.output")
  File output;

  @Override
  List<String> arguments() {
    List<String> args = new ArrayList<>();
    option(args, "--pipeline", pipeline);
    classes(args, classes, pipeline);
    option(args, "--name", name);
    option(args, "--display-name", displayName);
    option(args, "--version-name", versionName);
    option(args, "--version-display-name", versionDisplayName);
    option(args, "--namespace", namespace);
    flag(args, "--include-pipeline", includePipeline);
    flag(args, "--pin-image", pinImage);
    option(args, "--output", output);
    return args;
  }
}
