package dev.kfp4j.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Creates a recurring run of the pipeline's latest version (or an Argo CronWorkflow). */
@Mojo(name = "schedule", threadSafe = true)
public final class ScheduleMojo extends ExperimentMojo {
  public ScheduleMojo() {
    super("schedule");
  }

  /** KFP's 6-field cron, seconds first. */
  @Parameter(property = "kfp4j.cron")
  String cron;

  /** An interval instead: 30m, 1h, 1d. */
  @Parameter(property = "kfp4j.every")
  String every;

  /** Runs at once, 1 to 10 (default 1). */
  @Parameter(property = "kfp4j.maxConcurrency")
  Integer maxConcurrency;

  /** Skip runs missed while paused or behind, instead of making them up. */
  @Parameter(property = "kfp4j.noCatchup", defaultValue = "false")
  boolean noCatchup;

  /** Create it paused. */
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
