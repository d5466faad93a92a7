package dev.kfp4j.ui;

import dev.kfp4j.local.Workflow;
import java.util.Map;

/**
 * Starts a run of a compiled pipeline for the UI's "create run" form, with the local runner, on
 * the classpath of the project whose pipelines the UI offers. It returns once the run is started
 * (the run shows in the runs folder); bad arguments are thrown before anything runs.
 */
@FunctionalInterface
interface RunStarter {
  /**
   * @throws dev.kfp4j.local.WorkflowException when the arguments do not fit the pipeline
   *     (unknown or missing parameters, values that do not parse), or it cannot run here
   */
  void start(Workflow workflow, Map<String, String> arguments);
}
