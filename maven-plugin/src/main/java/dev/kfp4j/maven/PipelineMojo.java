package dev.kfp4j.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugins.annotations.Parameter;

/** A goal that names a compiled pipeline. */
abstract class PipelineMojo extends ServerMojo {
  PipelineMojo(String command) {
    super(command);
  }

  /** The pipeline's name, or a workflow file; optional when the project has one. */
  @Parameter(property = "kfp4j.pipeline")
  String pipeline;

  /** Where {@code mvn compile} wrote the pipelines. */
  @Parameter(property = "kfp4j.classes", defaultValue = "${project.build.outputDirectory}")
  File classes;

  @Override
  File classOutput() {
    return classes;
  }

  @Override
  String pipelineName() {
    return pipeline;
  }

  /** Pipeline arguments by parameter name. */
  @Parameter
  Map<String, String> arguments = new LinkedHashMap<>();

  /** Pipeline arguments on the command line, over the pom's: {@code -Dkfp4j.arg=rows=50,numbers=[1,2]} ({@code --arg}). */
  @Parameter(property = "kfp4j.arg")
  String arg;

  /** Name the image {@code kfp4j:image} last pushed by its digest on the Java steps. */
  @Parameter(property = "kfp4j.pinImage", defaultValue = "false")
  boolean pinImage;

  List<String> pipelineArguments() {
    List<String> args = new ArrayList<>();
    option(args, "--pipeline", pipeline);
    classes(args, classes, pipeline);
    arguments(args, arguments, arg);
    return args;
  }
}
