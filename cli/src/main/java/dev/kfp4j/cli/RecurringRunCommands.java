package dev.kfp4j.cli;

import static dev.kfp4j.cli.Printer.row;

import dev.kfp4j.client.KfpClient;
import dev.kfp4j.client.RecurringRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kfp4j recurring-runs list|get|enable|disable|delete}, as {@code kfp recurring-run ...}; {@code schedule} makes them. */
@Command(name = "recurring-runs", description = "Lists, shows, switches on or off and deletes recurring runs.",
    subcommands = {RecurringRunCommands.ListAll.class, RecurringRunCommands.Get.class, RecurringRunCommands.Enable.class,
        RecurringRunCommands.Disable.class, RecurringRunCommands.Delete.class})
final class RecurringRunCommands extends CommandGroup {
  /** A command on one recurring run. */
  abstract static class One extends Commands.Base {
    @Mixin Options.Server server;
    @Mixin Options.Output output;

    @Parameters(paramLabel = "ID", description = "The recurring run's id (as 'recurring-runs list' and 'schedule' show).")
    String id;

    /** Does the action, then shows the recurring run as it is after it. */
    Integer then(java.util.function.Consumer<KfpClient> action) {
      KfpClient kfp = server.kfp();
      action.accept(kfp);
      new Printer(out(), output.json()).record(Rows.of(kfp.getRecurringRun(id)));
      return Kfp4j.OK;
    }
  }

  @Command(name = "list", description = "Lists recurring runs, newest first: of an experiment, or all in the namespace.")
  static final class ListAll extends Commands.Base {
    @Mixin Options.Server server;
    @Mixin Options.Output output;

    @Option(names = {"-e", "--experiment"}, paramLabel = "EXPERIMENT", description = "Only this experiment's (its name or id).")
    String experiment;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most this many (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
      KfpClient kfp = server.kfp();
      String experimentId = experiment == null ? null : Rows.experiment(kfp, experiment).id();
      new Printer(out(), output.json()).table(Rows.list(limit, o -> kfp.listRecurringRuns(experimentId, o), Rows::of),
          Rows.RECURRING_RUN);
      return Kfp4j.OK;
    }
  }

  @Command(name = "get", description = "Shows a recurring run.")
  static final class Get extends One {
    @Override
    public Integer call() {
      return then(kfp -> { });
    }
  }

  @Command(name = "enable", description = "Switches a recurring run on: it starts runs on its schedule again.")
  static final class Enable extends One {
    @Override
    public Integer call() {
      return then(kfp -> kfp.enableRecurringRun(id));
    }
  }

  @Command(name = "disable", description = "Switches a recurring run off: it starts no runs until enabled.")
  static final class Disable extends One {
    @Override
    public Integer call() {
      return then(kfp -> kfp.disableRecurringRun(id));
    }
  }

  @Command(name = "delete", description = "Deletes a recurring run (its past runs stay).")
  static final class Delete extends One {
    @Override
    public Integer call() {
      KfpClient kfp = server.kfp();
      RecurringRun r = kfp.getRecurringRun(id);
      kfp.deleteRecurringRun(r.id());
      new Printer(out(), output.json()).record(row("deleted", "recurring run", "name", r.name(), "id", r.id()));
      return Kfp4j.OK;
    }
  }
}
