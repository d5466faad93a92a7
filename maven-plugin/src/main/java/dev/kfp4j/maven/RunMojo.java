package dev.kfp4j.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Runs a compiled pipeline on this machine with the local runner: {@code mvn compile kfp4j:run -Dkfp4j.pipeline=add-example}. */
@Mojo(name = "run", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class RunMojo extends CompiledMojo {
  public RunMojo() {
    super("run", true); // the config's mlflow section tracks local runs too
  }

  /** The pipeline's name, or a workflow file; optional when the project has one. */
  @Parameter(property = "kfp4j.pipeline")
  String pipeline;

  @Override
  String pipelineName() {
    return pipeline;
  }

  /** The project's runtime classpath, where its components load from. */
  @Parameter(defaultValue = "${project.runtimeClasspathElements}", readonly = true)
  List<String> classpath;

  /** Pipeline arguments by parameter name. */
  @Parameter
  Map<String, String> arguments = new LinkedHashMap<>();

  /** Pipeline arguments on the command line, over the pom's: {@code -Dkfp4j.arg=rows=50,numbers=[1,2]} ({@code --arg}). */
  @Parameter(property = "kfp4j.arg")
  String arg;

  /**
   * Where run folders go (default the project's {@code .kfp4j/runs}, where {@code kfp4j:ui} looks, whatever folder Maven
   * was started in).
   */
  @Parameter(property = "kfp4j.root", defaultValue = "${project.basedir}/.kfp4j/runs")
  File root;

  /** Run every task, reusing no earlier outputs. */
  @Parameter(property = "kfp4j.noCache", defaultValue = "false")
  boolean noCache;

  /** Run each task in its image with docker or podman, as a cluster would. */
  @Parameter(property = "kfp4j.containers", defaultValue = "false")
  boolean containers;

  /**
   * With {@code containers}: images to run in place of those the tasks name, as {@code NAME=IMAGE}
   * ({@code <mapImages><mapImage>python:3.12-slim=registry.local/python:3.12-slim</mapImage></mapImages>},
   * or {@code -Dkfp4j.mapImages=A=B,C=D}).
   */
  @Parameter(property = "kfp4j.mapImages")
  List<String> mapImages = new ArrayList<>();

  /**
   * Which compiled form runs: {@code argo} (KFP v1's Argo Workflow) or {@code kfp2} (the KFP 2
   * pipeline spec); default Argo's when the project wrote it, else KFP 2's.
   */
  @Parameter(property = "kfp4j.format")
  String format;

  /** Tasks at once (default: the number of cores). */
  @Parameter(property = "kfp4j.parallelism")
  Integer parallelism;

  /** Run Java components as java subprocesses, as in a container. */
  @Parameter(property = "kfp4j.subprocess", defaultValue = "false")
  boolean subprocess;

  /** Complete a stopped run in its folder. */
  @Parameter(property = "kfp4j.resume")
  File resume;

  /** Show each task's output (stdout and stderr) as it runs, each line after the task's name. */
  @Parameter(property = "kfp4j.logs", defaultValue = "false")
  boolean logs;

  @Override
  List<String> arguments() {
    List<String> args = new ArrayList<>();
    option(args, "--pipeline", pipeline);
    option(args, "--format", format);
    classes(args, classes, pipeline);
    if (classpath != null && !classpath.isEmpty()) {
      option(args, "--classpath", String.join(File.pathSeparator, classpath));
    }
    arguments(args, arguments, arg);
    option(args, "--root", root);
    flag(args, "--no-cache", noCache);
    option(args, "--parallelism", parallelism);
    flag(args, "--subprocess", subprocess);
    option(args, "--resume", resume);
    flag(args, "--logs", logs);
    if (containers) {
      args.add("--containers");
      engine(args);
      mapImages.forEach(m -> option(args, "--map-image", m));
    }
    return args;
  }
}
