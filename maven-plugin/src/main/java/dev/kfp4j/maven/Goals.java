package dev.kfp4j.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** The goals, one per {@code kfp4j} command. */
final class Goals {
  private Goals() {}

  /** Runs a compiled pipeline on this machine with the local runner: {@code mvn compile kfp4j:run -Dkfp4j.pipeline=add-example}. */
  @Mojo(name = "run", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
  public static final class RunMojo extends CompiledMojo {
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

  /**
   * Builds the project's image with Jib's library and pushes it (or loads it into the local engine,
   * or writes a tar): {@code mvn compile kfp4j:image}. The image is the one the Java steps run in:
   * {@code run_config.image} of the config, else the components' ({@code -Akfp4j.image}); a
   * {@code kfp4j.image} that names another fails the build.
   */
  @Mojo(name = "image", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
  public static final class ImageMojo extends Kfp4jMojo {
    public ImageMojo() {
      super("image", true);
    }

    /** The class output: classes, resources, the compiled components. */
    @Parameter(property = "kfp4j.classes", defaultValue = "${project.build.outputDirectory}")
    File classes;

    @Override

    File classOutput() {

      return classes;

    }

    /** The project's runtime class path: its dependencies go to /app/libs. */
    @Parameter(defaultValue = "${project.runtimeClasspathElements}", readonly = true)
    List<String> classpath;

    /** The image to build, where the components and the config name none (or the same). */
    @Parameter(property = "kfp4j.image")
    String image;

    /** The base image, with java on its PATH ({@code docker://NAME}: one the local engine has; {@code tar://FILE}). */
    @Parameter(property = "kfp4j.base")
    String base;

    /** {@code registry} (push, the default), {@code daemon} (the local engine) or {@code tar}. */
    @Parameter(property = "kfp4j.to")
    String to;

    /** The tar file of {@code to=tar}. */
    @Parameter(property = "kfp4j.tar")
    File tar;

    /** Allow plain HTTP and untrusted certificates for registries (always allowed on loopback). */
    @Parameter(property = "kfp4j.insecure", defaultValue = "false")
    boolean insecure;

    /** Then run the image check in the built image. */
    @Parameter(property = "kfp4j.check", defaultValue = "false")
    boolean check;

    /** Build the image without a class-data-sharing archive of its steps' classes. */
    @Parameter(property = "kfp4j.noClassDataArchive", defaultValue = "false")
    boolean noClassDataArchive;

    @Override
    List<String> arguments() {
      List<String> args = new ArrayList<>();
      option(args, "--classes", classes);
      if (classpath != null) {
        option(args, "--classpath", String.join(File.pathSeparator, classpath));
      }
      option(args, "--image", image);
      option(args, "--base", base);
      option(args, "--to", to);
      option(args, "--tar", tar);
      flag(args, "--insecure", insecure);
      flag(args, "--check", check);
      flag(args, "--no-class-data-archive", noClassDataArchive);
      engine(args);
      return args;
    }
  }

  /**
   * Checks the compiled pipelines and components; with {@code kfp4j.checkImage}, also runs each Java
   * component's entrypoint in the project's image ({@code kfp4j.checkImage=true}) or the one named.
   */
  @Mojo(name = "validate", threadSafe = true)
  public static final class ValidateMojo extends Kfp4jMojo {
    public ValidateMojo() {
      super("validate", true);
    }

    @Parameter(property = "kfp4j.classes", defaultValue = "${project.build.outputDirectory}")
    File classes;

    @Override

    File classOutput() {

      return classes;

    }

    /** {@code true}: check the project's image too; an image reference: check that one. */
    @Parameter(property = "kfp4j.checkImage")
    String checkImage;

    @Override
    List<String> arguments() {
      List<String> args = new ArrayList<>();
      option(args, "--classes", classes);
      if (checkImage != null && !checkImage.isBlank() && !checkImage.equals("false")) {
        args.add(checkImage.equals("true") ? "--image" : "--image=" + checkImage);
        engine(args);
      }
      return args;
    }
  }

  /** A goal that names a compiled pipeline. */
  abstract static class PipelineMojo extends ServerMojo {
    PipelineMojo(String command) {
      super(command);
    }

    /** The pipeline's name, or a workflow file; optional when the project has one. */
    @Parameter(property = "kfp4j.pipeline")
    String pipeline;

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

  /** Uploads the compiled pipeline: a new pipeline the first time, then a new version. */
  @Mojo(name = "upload-pipeline", threadSafe = true)
  public static final class UploadPipelineMojo extends PipelineMojo {
    public UploadPipelineMojo() {
      super("upload-pipeline");
    }

    /** The version's name (default: the pipeline name and the UTC time). */
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

  /** A goal that starts runs in an experiment, or on an Argo Server instead of KFP ({@code kfp4j.argo}). */
  abstract static class ExperimentMojo extends PipelineMojo {
    ExperimentMojo(String command) {
      super(command);
    }

    /** Send to an Argo Server instead of KFP. */
    @Parameter(property = "kfp4j.argo", defaultValue = "false")
    boolean argo;

    /** The Argo Server (else the config's {@code argo_server}, else {@code ARGO_SERVER}). */
    @Parameter(property = "kfp4j.argoServer")
    String argoServer;

    /** The experiment (else the config's, else {@code Default}). */
    @Parameter(property = "kfp4j.experiment")
    String experiment;

    /** The run's name. */
    @Parameter(property = "kfp4j.runName")
    String runName;

    /** Where the runs keep their artifacts, instead of the pipeline's own root (KFP 2 only). */
    @Parameter(property = "kfp4j.pipelineRoot")
    String pipelineRoot;

    /** Every task's caching in the pipeline uploaded with the run: true on, false off (KFP's enable_caching); default as compiled. */
    @Parameter(property = "kfp4j.cache")
    Boolean cache;

    @Override
    List<String> pipelineArguments() {
      List<String> args = super.pipelineArguments();
      option(args, "--experiment", experiment);
      option(args, "--run-name", runName);
      option(args, "--pipeline-root", pipelineRoot);
      if (cache != null) {
        args.add(cache ? "--cache" : "--no-cache");
      }
      flag(args, "--argo", argo);
      option(args, "--argo-server", argoServer);
      return args;
    }
  }

  /** Uploads the compiled pipeline as a new version and starts one run of it. */
  @Mojo(name = "run-once", threadSafe = true)
  public static final class RunOnceMojo extends ExperimentMojo {
    public RunOnceMojo() {
      super("run-once");
    }

    /** Wait for the run to finish; the build fails if the run fails. */
    @Parameter(property = "kfp4j.wait")
    Boolean waitForCompletion;

    /** How long to wait at most, in seconds. */
    @Parameter(property = "kfp4j.timeout")
    Long timeout;

    @Override
    List<String> goalArguments() {
      List<String> args = pipelineArguments();
      if (waitForCompletion != null) {
        args.add(waitForCompletion ? "--wait" : "--no-wait");
      }
      option(args, "--timeout", timeout);
      flag(args, "--pin-image", pinImage);
      return args;
    }
  }

  /** Creates a recurring run of the pipeline's latest version (or an Argo CronWorkflow). */
  @Mojo(name = "schedule", threadSafe = true)
  public static final class ScheduleMojo extends ExperimentMojo {
    public ScheduleMojo() {
      super("schedule");
    }

    /** KFP's 6-field cron, seconds first. */
    @Parameter(property = "kfp4j.cron")
    String cron;

    /** An interval instead: 30m, 1h, 1d. */
    @Parameter(property = "kfp4j.every")
    String every;

    @Parameter(property = "kfp4j.maxConcurrency")
    Integer maxConcurrency;

    @Parameter(property = "kfp4j.noCatchup", defaultValue = "false")
    boolean noCatchup;

    @Parameter(property = "kfp4j.disabled", defaultValue = "false")
    boolean disabled;

    /** Upload the compiled pipeline as a new version first. */
    @Parameter(property = "kfp4j.upload", defaultValue = "false")
    boolean upload;

    @Override
    List<String> goalArguments() {
      List<String> args = pipelineArguments();
      option(args, "--cron-expression", cron);
      option(args, "--every", every);
      option(args, "--max-concurrency", maxConcurrency);
      flag(args, "--no-catchup", noCatchup);
      flag(args, "--disabled", disabled);
      flag(args, "--upload", upload);
      flag(args, "--pin-image", pinImage);
      return args;
    }
  }

  /** Writes a sample {@code kfp4j.yaml}: {@code mvn kfp4j:init -Dkfp4j.host=https://...}. */
  @Mojo(name = "init", threadSafe = true)
  public static final class InitMojo extends Kfp4jMojo {
    public InitMojo() {
      super("init", false);
    }

    @Parameter(property = "kfp4j.host", required = true)
    String host;

    @Parameter(defaultValue = "${project.artifactId}", readonly = true)
    String project;

    @Parameter(property = "kfp4j.force", defaultValue = "false")
    boolean force;

    /** Also write GitHub Actions workflows in {@code .github/workflows/}. */
    @Parameter(property = "kfp4j.withGithubActions", defaultValue = "false")
    boolean withGithubActions;

    @Override
    List<String> arguments() {
      List<String> args = new ArrayList<>();
      args.add(host);
      option(args, "--config", config);
      option(args, "--name", project);
      flag(args, "--with-github-actions", withGithubActions);
      flag(args, "--force", force);
      return args;
    }
  }
}
