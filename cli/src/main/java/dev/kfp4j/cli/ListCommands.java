package dev.kfp4j.cli;

import dev.kfp4j.client.Experiment;
import dev.kfp4j.client.KfpClient;
import dev.kfp4j.client.KfpException;
import dev.kfp4j.client.ShownUrl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kfp4j list-pipelines} and {@code list-runs}, kedro-kubeflow's names for what {@code
 * pipelines list} and {@code runs list} show: newest first, as a table or JSON.
 */
final class ListCommands {
  private ListCommands() {}

  /** {@code pipelines list} under kedro-kubeflow's name. */
  @Command(name = "list-pipelines", description = "Lists the pipelines on the server, newest first.")
  static final class ListPipelines extends PipelineCommands.ListAll {}

  @Command(name = "list-runs", description = "Lists runs, newest first: of an experiment, or all in the namespace.")
  static final class ListRuns extends RunCommands.Listing {
    @Option(names = {"-e", "--experiment"}, paramLabel = "NAME", description = "Only this experiment's runs.")
    String experiment;

    @Override
    String experimentId(KfpClient kfp) {
      if (experiment == null) {
        return null;
      }
      return kfp.findExperiment(experiment).map(Experiment::id).orElseThrow(() -> new KfpException(0,
          "no experiment '" + experiment + "' on " + ShownUrl.of(kfp.host()) + (kfp.namespace() == null ? "" : " in namespace " + kfp.namespace())
              + "; '" + terms().command("run-once", "--experiment", experiment) + "' creates it"));
    }
  }
}
