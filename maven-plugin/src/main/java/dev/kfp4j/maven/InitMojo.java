package dev.kfp4j.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Writes a sample {@code kfp4j.yaml}: {@code mvn kfp4j:init -Dkfp4j.host=https://...}. */
@Mojo(name = "init", threadSafe = true)
public final class InitMojo extends Kfp4jMojo {
  public InitMojo() {
    super("init", false);
  }

  /** The KFP API endpoint, such as {@code https://kubeflow.example.com/pipeline}. */
  @Parameter(property = "kfp4j.host", required = true)
  String host;

  /** The project name, for the experiment and image: the artifactId. */
  @Parameter(defaultValue = "${project.artifactId}", readonly = true)
  String project;

  /** Overwrite existing files. */
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
