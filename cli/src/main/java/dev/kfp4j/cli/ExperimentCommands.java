package dev.kfp4j.cli;

import dev.kfp4j.client.Experiment;
import dev.kfp4j.client.KfpClient;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kfp4j experiments create|list|get|archive|unarchive|delete}, as {@code kfp experiment ...} of KFP's CLI. */
@Command(name = "experiments", description = "Creates, lists, shows, archives, restores and deletes experiments.",
    subcommands = {ExperimentCommands.Create.class, ExperimentCommands.ListAll.class, ExperimentCommands.Get.class,
        ExperimentCommands.Archive.class, ExperimentCommands.Unarchive.class, ExperimentCommands.Delete.class})
final class ExperimentCommands extends CommandGroup {
  /** A command on experiments. */
  abstract static class Each extends ResourceCommand<Experiment> {
    @Override
    Map<String, Object> fields(Experiment e) {
      return Rows.of(e);
    }
  }

  /** A command on one experiment. */
  abstract static class One extends ResourceCommand.One<Experiment> {
    @Parameters(paramLabel = "EXPERIMENT", description = "The experiment's name (in the namespace), or its id.")
    String experiment;

    @Override
    Map<String, Object> fields(Experiment e) {
      return Rows.of(e);
    }

    @Override
    Experiment find(KfpClient kfp) {
      return Rows.experiment(kfp, experiment, terms());
    }

    @Override
    String id(KfpClient kfp) {
      return find(kfp).id();
    }

    @Override
    Experiment get(KfpClient kfp, String id) {
      return kfp.getExperiment(id);
    }
  }

  @Command(name = "create", description = "Creates an experiment.")
  static final class Create extends Each {
    @Parameters(paramLabel = "NAME", description = "The new experiment's name.")
    String name;

    @Option(names = "--description", paramLabel = "TEXT", description = "What it is for.")
    String description;

    @Override
    public Integer call() {
      return show(server.kfp().createExperiment(name, description));
    }
  }

  @Command(name = "list", description = "Lists the experiments of the namespace, newest first.")
  static final class ListAll extends Each {
    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most this many (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
      return list(limit, server.kfp()::listExperiments, Rows.EXPERIMENT);
    }
  }

  @Command(name = "get", description = "Shows an experiment.")
  static final class Get extends One {
    @Override
    public Integer call() {
      return show();
    }
  }

  @Command(name = "archive", description = "Archives an experiment, and with it its runs (KFP keeps them; the UI hides them).")
  static final class Archive extends One {
    @Override
    public Integer call() {
      return then(KfpClient::archiveExperiment);
    }
  }

  @Command(name = "unarchive", description = "Restores an archived experiment (its runs stay archived, as KFP keeps them).")
  static final class Unarchive extends One {
    @Override
    public Integer call() {
      return then(KfpClient::unarchiveExperiment);
    }
  }

  @Command(name = "delete", description = "Deletes an experiment.")
  static final class Delete extends One {
    @Override
    public Integer call() {
      return delete("experiment", (kfp, e) -> kfp.deleteExperiment(e.id()));
    }
  }
}
