package dev.kfp4j.cli;

import dev.kfp4j.client.KfpClient;
import dev.kfp4j.client.RecurringRun;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kfp4j recurring-runs list|get|enable|disable|delete}, as {@code kfp recurring-run ...}; {@code schedule} makes them. */
@Command(name = "recurring-runs", description = "Lists, shows, switches on or off and deletes recurring runs.",
    subcommands = {RecurringRunCommands.ListAll.class, RecurringRunCommands.Get.class, RecurringRunCommands.Enable.class,
        RecurringRunCommands.Disable.class, RecurringRunCommands.Delete.class})
final class RecurringRunCommands extends CommandGroup {
  /** A command on one recurring run. */
  abstract static class One extends ResourceCommand.One<RecurringRun> {
    @Parameters(paramLabel = "ID", description = "The recurring run's id (as 'recurring-runs list' and 'schedule' show).")
    String id;

    @Override
    Map<String, Object> fields(RecurringRun r) {
      return Rows.of(r);
    }

    @Override
    String id(KfpClient kfp) {
      return id;
    }

    @Override
    RecurringRun get(KfpClient kfp, String id) {
      return kfp.getRecurringRun(id);
    }
  }

  @Command(name = "list", description = "Lists recurring runs, newest first: of an experiment, or all in the namespace.")
  static final class ListAll extends ResourceCommand<RecurringRun> {
    @Option(names = {"-e", "--experiment"}, paramLabel = "EXPERIMENT", description = "Only this experiment's (its name or id).")
    String experiment;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most this many (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    Map<String, Object> fields(RecurringRun r) {
      return Rows.of(r);
    }

    @Override
    public Integer call() {
      KfpClient kfp = server.kfp();
      String experimentId = experiment == null ? null : Rows.experiment(kfp, experiment, terms()).id();
      return list(limit, o -> kfp.listRecurringRuns(experimentId, o), Rows.RECURRING_RUN);
    }
  }

  @Command(name = "get", description = "Shows a recurring run.")
  static final class Get extends One {
    @Override
    public Integer call() {
      return show();
    }
  }

  @Command(name = "enable", description = "Switches a recurring run on: it starts runs on its schedule again.")
  static final class Enable extends One {
    @Override
    public Integer call() {
      return then(KfpClient::enableRecurringRun);
    }
  }

  @Command(name = "disable", description = "Switches a recurring run off: it starts no runs until enabled.")
  static final class Disable extends One {
    @Override
    public Integer call() {
      return then(KfpClient::disableRecurringRun);
    }
  }

  @Command(name = "delete", description = "Deletes a recurring run (its past runs stay).")
  static final class Delete extends One {
    @Override
    public Integer call() {
      return delete("recurring run", (kfp, r) -> kfp.deleteRecurringRun(r.id()));
    }
  }
}
