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
  public static final class RunMojo extends Kfp4jMojo {
    public RunMojo() {
      super("run", true); // the config's mlflow section tracks local runs too
    }

    /** The pipeline's name, or a workflow file; optional when the project has one. */
    @Parameter(property = "kfp4j.pipeline")
    String pipeline;

    /** Where {@code mvn compile} wrote the pipelines. */
    @Parameter(property = "kfp4j.classes", defaultValue = "${project.build.outputDirectory}")
    File classes;

    /** The project's runtime classpath, where its components load from. */
    @Parameter(defaultValue = "${project.runtimeClasspathElements}", readonly = true)
    List<String> classpath;

    /** Pipeline arguments by parameter name. */
    @Parameter
    Map<String, String> arguments = new LinkedHashMap<>();

    /** Where run folders go (default {@code .kfp4j/runs}). */
    @Parameter(property = "kfp4j.root")
    File root;

    /** Run every task, reusing no earlier outputs. */
    @Parameter(property = "kfp4j.noCache", defaultValue = "false")
    boolean noCache;

    @Override
    List<String> arguments() {
      List<String> args = new ArrayList<>();
      option(args, "--pipeline", pipeline);
      option(args, "--classes", classes);
      if (classpath != null && !classpath.isEmpty()) {
        option(args, "--classpath", String.join(File.pathSeparator, classpath));
      }
      arguments(args, arguments);
      option(args, "--root", root);
      flag(args, "--no-cache", noCache);
      return args;
    }
  }

  /** Checks the compiled pipelines and components. */
  @Mojo(name = "validate", threadSafe = true)
  public static final class ValidateMojo extends Kfp4jMojo {
    public ValidateMojo() {
      super("validate", false);
    }

    @Parameter(property = "kfp4j.classes", defaultValue = "${project.build.outputDirectory}")
    File classes;

    @Override
    List<String> arguments() {
      List<String> args = new ArrayList<>();
      option(args, "--classes", classes);
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

    /** Pipeline arguments by parameter name. */
    @Parameter
    Map<String, String> arguments = new LinkedHashMap<>();

    List<String> pipelineArguments() {
      List<String> args = new ArrayList<>();
      option(args, "--pipeline", pipeline);
      option(args, "--classes", classes);
      arguments(args, arguments);
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
      option(args, "--classes", classes);
      option(args, "--version-name", versionName);
      return args;
    }
  }

  /** A goal that starts runs in an experiment. */
  abstract static class ExperimentMojo extends PipelineMojo {
    ExperimentMojo(String command) {
      super(command);
    }

    /** The experiment (else the config's, else {@code Default}). */
    @Parameter(property = "kfp4j.experiment")
    String experiment;

    /** The run's name. */
    @Parameter(property = "kfp4j.runName")
    String runName;

    @Override
    List<String> pipelineArguments() {
      List<String> args = super.pipelineArguments();
      option(args, "--experiment", experiment);
      option(args, "--run-name", runName);
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
      return args;
    }
  }

  /** Lists the pipelines on the server. */
  @Mojo(name = "list-pipelines", requiresProject = false, threadSafe = true)
  public static final class ListPipelinesMojo extends ServerMojo {
    public ListPipelinesMojo() {
      super("list-pipelines");
    }

    @Override
    List<String> goalArguments() {
      return new ArrayList<>();
    }
  }

  /** Lists runs, of an experiment or all. */
  @Mojo(name = "list-runs", requiresProject = false, threadSafe = true)
  public static final class ListRunsMojo extends ServerMojo {
    public ListRunsMojo() {
      super("list-runs");
    }

    @Parameter(property = "kfp4j.experiment")
    String experiment;

    @Override
    List<String> goalArguments() {
      List<String> args = new ArrayList<>();
      option(args, "--experiment", experiment);
      return args;
    }
  }

  /** Prints the KFP UI's address, or a run's page. */
  @Mojo(name = "ui", requiresProject = false, threadSafe = true)
  public static final class UiMojo extends ServerMojo {
    public UiMojo() {
      super("ui");
    }

    @Parameter(property = "kfp4j.run")
    String run;

    @Override
    List<String> goalArguments() {
      List<String> args = new ArrayList<>();
      option(args, "--run", run);
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
