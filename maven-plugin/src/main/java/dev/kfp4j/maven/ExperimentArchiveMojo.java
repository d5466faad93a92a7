package dev.kfp4j.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Archives an experiment (its name or id), with its runs. */
@Mojo(name = "experiment-archive", requiresProject = false, threadSafe = true)
public final class ExperimentArchiveMojo extends ServerMojo {
  public ExperimentArchiveMojo() {
    super("experiments archive");
  }

  /** The experiment's name or id. */
  @Parameter(property = "kfp4j.experiment", required = true)
  String experiment;

  @Override
  List<String> goalArguments() {
    return experiment == null ? new ArrayList<>() : new ArrayList<>(List.of(experiment));
  }
}
