package dev.kfp4j.cli;

import static dev.kfp4j.cli.Printer.row;

import dev.kfp4j.client.Experiment;
import dev.kfp4j.client.KfpClient;
import dev.kfp4j.client.KfpException;
import dev.kfp4j.client.ListOptions;
import dev.kfp4j.client.Page;
import dev.kfp4j.client.Pipeline;
import dev.kfp4j.client.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kfp4j list-pipelines} and {@code list-runs}: newest first, as a table or JSON. */
final class ListCommands {
  private ListCommands() {}

  @Command(name = "list-pipelines", description = "Lists the pipelines on the server, newest first.")
  static final class ListPipelines extends Commands.Base {
    @Mixin Options.Server server;
    @Mixin Options.Output output;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most this many (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
      KfpClient kfp = server.kfp();
      List<Map<String, Object>> rows = new ArrayList<>();
      ListOptions next = ListOptions.newestFirst(Math.min(limit, 100));
      Page<Pipeline> page = kfp.listPipelines(next);
      while (true) {
        for (Pipeline p : page.items()) {
          if (rows.size() < limit) {
            rows.add(row("name", p.name(), "id", p.id(), "created", p.createdAt(), "default_version_id", p.defaultVersionId()));
          }
        }
        if (!page.hasNext() || rows.size() >= limit || page.items().isEmpty()) {
          break;
        }
        next = next.next(page);
        page = kfp.listPipelines(next);
      }
      new Printer(out(), output.json()).table(rows, List.of("name", "id", "created", "default_version_id"));
      return Kfp4j.OK;
    }
  }

  @Command(name = "list-runs", description = "Lists runs, newest first: of an experiment, or all in the namespace.")
  static final class ListRuns extends Commands.Base {
    @Mixin Options.Server server;
    @Mixin Options.Output output;

    @Option(names = {"-e", "--experiment"}, paramLabel = "NAME", description = "Only this experiment's runs.")
    String experiment;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most this many (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
      KfpClient kfp = server.kfp();
      String experimentId = null;
      if (experiment != null) {
        experimentId = kfp.findExperiment(experiment).map(Experiment::id).orElseThrow(() -> new KfpException(0,
            "no experiment '" + experiment + "' on " + kfp.host() + (kfp.namespace() == null ? "" : " in namespace " + kfp.namespace())
                + "; 'kfp4j run-once --experiment " + experiment + "' creates it"));
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Run r : kfp.listRuns(experimentId, ListOptions.newestFirst(Math.min(limit, 100))).items()) {
        if (rows.size() < limit) {
          rows.add(row("name", r.name(), "id", r.id(), "state", r.state(), "created", r.createdAt(), "finished", r.finishedAt()));
        }
      }
      new Printer(out(), output.json()).table(rows, List.of("name", "id", "state", "created", "finished"));
      return Kfp4j.OK;
    }
  }
}
