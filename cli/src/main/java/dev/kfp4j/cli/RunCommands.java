package dev.kfp4j.cli;

import static dev.kfp4j.cli.Printer.row;

import dev.kfp4j.client.KfpClient;
import dev.kfp4j.client.Run;
import dev.kfp4j.client.RunTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code kfp4j runs list|get|terminate|retry|archive|unarchive|delete}, as {@code kfp run ...} of KFP's CLI
 * ({@code kfp4j run} runs a pipeline locally, so the group is plural, as are the others).
 */
@Command(name = "runs", description = "Lists, shows, stops, retries, archives, restores and deletes runs on the server.",
    subcommands = {RunCommands.ListAll.class, RunCommands.Get.class, RunCommands.Terminate.class, RunCommands.Retry.class,
        RunCommands.Archive.class, RunCommands.Unarchive.class, RunCommands.Delete.class})
final class RunCommands extends CommandGroup {
  /** A command on one run. */
  abstract static class One extends ResourceCommand.One<Run> {
    @Parameters(paramLabel = "RUN_ID", description = "The run's id (as 'runs list' and 'run-once' show).")
    String run;

    @Override
    Map<String, Object> fields(Run r) {
      return Rows.of(r);
    }

    @Override
    String id(KfpClient kfp) {
      return run;
    }

    @Override
    Run get(KfpClient kfp, String id) {
      return kfp.getRun(id);
    }
  }

  /** Lists runs, of the experiment {@link #experimentId} gives or all in the namespace. */
  abstract static class Listing extends ResourceCommand<Run> {
    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most this many (default ${DEFAULT-VALUE}).")
    int limit;

    /** The id of the experiment whose runs are listed; null for all. */
    abstract String experimentId(KfpClient kfp);

    @Override
    Map<String, Object> fields(Run r) {
      return Rows.of(r);
    }

    @Override
    public Integer call() {
      KfpClient kfp = server.kfp();
      String id = experimentId(kfp);
      return list(limit, o -> kfp.listRuns(id, o), Rows.RUN);
    }
  }

  @Command(name = "list", description = "Lists runs, newest first: of an experiment, or all in the namespace.")
  static final class ListAll extends Listing {
    @Option(names = {"-e", "--experiment"}, paramLabel = "EXPERIMENT", description = "Only this experiment's runs (its name or id).")
    String experiment;

    @Override
    String experimentId(KfpClient kfp) {
      return experiment == null ? null : Rows.experiment(kfp, experiment, terms()).id();
    }
  }

  @Command(name = "get", description = "Shows a run and each of its tasks: state, pod (for its logs) and outputs.")
  static final class Get extends One {
    @Override
    public Integer call() {
      KfpClient kfp = server.kfp();
      Run r = kfp.getRun(run);
      List<RunTask> tasks = kfp.getRunTasks(run);
      Map<String, Object> fields = Rows.of(r);
      fields.put("url", kfp.runUrl(r.id()));
      if (output.json()) {
        ObjectNode o = Printer.json(fields);
        ArrayNode list = o.putArray("tasks");
        for (RunTask t : tasks) {
          ObjectNode task = Printer.json(row("name", t.name(), "state", t.state(), "pod", t.pod(), "started", t.startedAt(),
              "finished", t.finishedAt()));
          ObjectNode outputs = task.putObject("outputs");
          t.outputs().forEach(outputs::put);
          list.add(task);
        }
        out().println(o.toPrettyString());
        out().flush();
        return Kfp4j.OK;
      }
      Printer printer = new Printer(out(), false);
      printer.record(fields);
      out().println();
      List<Map<String, Object>> rows = new ArrayList<>();
      for (RunTask t : tasks) {
        List<String> outputs = new ArrayList<>();
        t.outputs().forEach((k, v) -> outputs.add(k + "=" + v));
        rows.add(row("task", t.name(), "state", t.state(), "pod", t.pod(), "outputs", String.join(" ", outputs)));
      }
      printer.table(rows, List.of("task", "state", "pod", "outputs"));
      return Kfp4j.OK;
    }
  }

  @Command(name = "terminate", description = "Stops a run: its running tasks are ended.")
  static final class Terminate extends One {
    @Override
    public Integer call() {
      return then(KfpClient::terminateRun);
    }
  }

  @Command(name = "retry", description = "Re-runs the failed tasks of a failed or terminated run.")
  static final class Retry extends One {
    @Override
    public Integer call() {
      return then(KfpClient::retryRun);
    }
  }

  @Command(name = "archive", description = "Archives a run (KFP keeps it; the UI hides it).")
  static final class Archive extends One {
    @Override
    public Integer call() {
      return then(KfpClient::archiveRun);
    }
  }

  @Command(name = "unarchive", description = "Restores an archived run.")
  static final class Unarchive extends One {
    @Override
    public Integer call() {
      return then(KfpClient::unarchiveRun);
    }
  }

  @Command(name = "delete", description = "Deletes a run.")
  static final class Delete extends One {
    @Override
    public Integer call() {
      return delete("run", (kfp, r) -> kfp.deleteRun(r.id()));
    }
  }
}
