package dev.kfp4j.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Parameter;

/** A goal on one recurring run. */
abstract class RecurringRunMojo extends ServerMojo {
  RecurringRunMojo(String command) {
    super(command);
  }

  /** The recurring run's id. */
  @Parameter(property = "kfp4j.recurringRunId", required = true)
  String recurringRunId;

  @Override
  List<String> goalArguments() {
    return recurringRunId == null ? new ArrayList<>() : new ArrayList<>(List.of(recurringRunId));
  }
}
