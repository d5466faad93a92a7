package dev.kfp4j.cli;

import dev.kfp4j.client.Experiment;
import dev.kfp4j.client.KfpClient;
import dev.kfp4j.client.KfpException;
import dev.kfp4j.client.Run;
import java.util.Map;
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
  static final class ListRuns extends ResourceCommand<Run> {
    @Option(names = {"-e", "--experiment"}, paramLabel = "NAME", description = "Only this experiment's runs.")
    String experiment;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most this many (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    Map<String, Object> fields(Run r) {
      return Rows.of(r);
    }

    @Override
    public Integer call() {
      KfpClient kfp = server.kfp();
      String experimentId = null;
      if (experiment != null) {
        experimentId = kfp.findExperiment(experiment).map(Experiment::id).orElseThrow(() -> new KfpException(0,
            "no experiment '" + experiment + "' on " + kfp.host() + (kfp.namespace() == null ? "" : " in namespace " + kfp.namespace())
                + "; 'kfp4j run-once --experiment " + experiment + "' creates it"));
      }
      String id = experimentId;
      return list(limit, o -> kfp.listRuns(id, o), Rows.RUN);
    }
  }
}
