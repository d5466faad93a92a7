package dev.kfp4j.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Parameter;

/** A goal on one run. */
abstract class RunIdMojo extends ServerMojo {
  RunIdMojo(String command) {
    super(command);
  }

  /** The run's id. */
  @Parameter(property = "kfp4j.runId", required = true)
  String runId;

  @Override
  List<String> goalArguments() {
    return runId == null ? new ArrayList<>() : new ArrayList<>(List.of(runId));
  }
}
