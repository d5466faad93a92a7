package dev.kfp4j.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Lists runs, of an experiment or all. */
@Mojo(name = "list-runs", requiresProject = false, threadSafe = true)
public final class ListRunsMojo extends ServerMojo {
  public ListRunsMojo() {
    super("list-runs");
  }

  /** Only this experiment's runs. */
  @Parameter(property = "kfp4j.experiment")
  String experiment;

  /** At most this many (default 20). */
  @Parameter(property = "kfp4j.limit")
  Integer limit;

  @Override
  List<String> goalArguments() {
    List<String> args = new ArrayList<>();
    option(args, "--experiment", experiment);
    option(args, "--limit", limit);
    return args;
  }
}
