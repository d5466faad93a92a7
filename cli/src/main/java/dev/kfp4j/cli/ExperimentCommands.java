package dev.kfp4j.cli;

import static dev.kfp4j.cli.Printer.row;

import dev.kfp4j.client.Experiment;
import dev.kfp4j.client.KfpClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kfp4j experiments create|list|get|archive|delete}, as {@code kfp experiment ...} of KFP's CLI. */
@Command(name = "experiments", description = "Creates, lists, shows, archives and deletes experiments.",
    subcommands = {ExperimentCommands.Create.class, ExperimentCommands.ListAll.class, ExperimentCommands.Get.class,
        ExperimentCommands.Archive.class, ExperimentCommands.Delete.class})
final class ExperimentCommands extends CommandGroup {
  /** A command on one experiment. */
  abstract static class One extends Commands.Base {
    @Mixin Options.Server server;
    @Mixin Options.Output output;

    @Parameters(paramLabel = "EXPERIMENT", description = "The experiment's name (in the namespace), or its id.")
    String experiment;
  }

  @Command(name = "create", description = "Creates an experiment.")
  static final class Create extends Commands.Base {
    @Mixin Options.Server server;
    @Mixin Options.Output output;

    @Parameters(paramLabel = "NAME", description = "The new experiment's name.")
    String name;

    @Option(names = "--description", paramLabel = "TEXT", description = "What it is for.")
    String description;

    @Override
    public Integer call() {
      new Printer(out(), output.json()).record(Rows.of(server.kfp().createExperiment(name, description)));
      return Kfp4j.OK;
    }
  }

  @Command(name = "list", description = "Lists the experiments of the namespace, newest first.")
  static final class ListAll extends Commands.Base {
    @Mixin Options.Server server;
    @Mixin Options.Output output;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most this many (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
      KfpClient kfp = server.kfp();
      new Printer(out(), output.json()).table(Rows.list(limit, kfp::listExperiments, Rows::of), Rows.EXPERIMENT);
      return Kfp4j.OK;
    }
  }

  @Command(name = "get", description = "Shows an experiment.")
  static final class Get extends One {
    @Override
    public Integer call() {
      new Printer(out(), output.json()).record(Rows.of(Rows.experiment(server.kfp(), experiment)));
      return Kfp4j.OK;
    }
  }

  @Command(name = "archive", description = "Archives an experiment, and with it its runs (KFP keeps them; the UI hides them).")
  static final class Archive extends One {
    @Override
    public Integer call() {
      KfpClient kfp = server.kfp();
      Experiment e = Rows.experiment(kfp, experiment);
      kfp.archiveExperiment(e.id());
      new Printer(out(), output.json()).record(Rows.of(kfp.getExperiment(e.id())));
      return Kfp4j.OK;
    }
  }

  @Command(name = "delete", description = "Deletes an experiment.")
  static final class Delete extends One {
    @Override
    public Integer call() {
      KfpClient kfp = server.kfp();
      Experiment e = Rows.experiment(kfp, experiment);
      kfp.deleteExperiment(e.id());
      new Printer(out(), output.json()).record(row("deleted", "experiment", "name", e.name(), "id", e.id()));
      return Kfp4j.OK;
    }
  }
}
