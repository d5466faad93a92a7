package dev.kfp4j.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Draws the compiled pipelines as {@code kfp4j graph} does: {@code mvn compile kfp4j:graph} writes
 * {@code target/kfp4j-graph/<pipeline>.svg} for each pipeline; {@code -Dkfp4j.pipeline=NAME} draws
 * one, {@code -Dkfp4j.format=mermaid} writes Mermaid text ({@code .mmd}).
 */
@Mojo(name = "graph", threadSafe = true)
public final class GraphMojo extends CompiledMojo {
  public GraphMojo() {
    super("graph", false);
  }

  /** One pipeline: its name, or a pipeline file; default: every pipeline in {@code classes}. */
  @Parameter(property = "kfp4j.pipeline")
  String pipeline;

  @Override
  String pipelineName() {
    return pipeline;
  }

  /** {@code svg} or {@code mermaid}. */
  @Parameter(property = "kfp4j.format", defaultValue = "svg")
  String format;

  /** A folder, made if missing, where each picture is written as {@code <pipeline>.svg} ({@code .mmd}); or a file ending in {@code .svg} or {@code .mmd}. */
  @Parameter(property = "kfp4j.output", defaultValue = "${project.build.directory}/kfp4j-graph")
  File output;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (!skip && output != null && !isFile(output) && !output.isDirectory() && !output.mkdirs()) {
      throw new MojoExecutionException("kfp4j:graph failed: cannot make the folder " + output + " (-Dkfp4j.output"
          + (output.exists() ? ", a file there" : "") + "); name a folder that can be made, or a file ending in .svg or .mmd");
    }
    super.execute();
  }

  private static boolean isFile(File f) {
    return f.getName().endsWith(".svg") || f.getName().endsWith(".mmd");
  }

  @Override
  List<String> arguments() {
    List<String> args = new ArrayList<>();
    if (pipeline != null && !pipeline.isEmpty()) {
      args.add(pipeline);
    }
    classes(args, classes, pipeline);
    option(args, "--format", format);
    option(args, "--output", output);
    return args;
  }
}
