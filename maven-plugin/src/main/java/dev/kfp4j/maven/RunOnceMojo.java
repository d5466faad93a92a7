package dev.kfp4j.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Uploads the compiled pipeline as a new version and starts one run of it. */
@Mojo(name = "run-once", threadSafe = true)
public final class RunOnceMojo extends ExperimentMojo {
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
