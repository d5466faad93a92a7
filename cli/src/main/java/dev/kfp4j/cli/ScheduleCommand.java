package dev.kfp4j.cli;

import static dev.kfp4j.cli.Printer.row;

import dev.kfp4j.client.Experiment;
import dev.kfp4j.client.KfpClient;
import dev.kfp4j.client.KfpException;
import dev.kfp4j.client.Pipeline;
import dev.kfp4j.client.PipelineVersion;
import dev.kfp4j.client.RecurringRun;
import dev.kfp4j.client.RecurringRunRequest;
import dev.kfp4j.client.Schedule;
import dev.kfp4j.client.ShownUrl;
import dev.kfp4j.format.argo.CronWorkflows;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kfp4j schedule}: a recurring run of the pipeline's latest version, or an Argo CronWorkflow. */
@Command(name = "schedule", description = "Creates a recurring run of the pipeline's latest uploaded version "
    + "(uploading it first with --upload); on Argo, a CronWorkflow of the compiled pipeline.")
final class ScheduleCommand extends Commands.Base {
  @Mixin Options.ArgoServer server;
  @Mixin PipelineChoice pipeline;
  @Mixin Options.Pin pin;
  @Mixin Options.Arguments arguments;
  @Mixin Options.Output output;
  @Mixin Options.PipelineRoot pipelineRoot;
  @Mixin Options.RunCaching caching;

  @Option(names = {"-c", "--cron-expression"}, paramLabel = "CRON",
      description = "KFP's 6-field cron, seconds first: '0 0 4 * * *' is daily at 04:00.")
  String cron;

  @Option(names = "--every", paramLabel = "DURATION", description = "An interval instead of a cron: 30m, 1h, 1d, PT90M.")
  String every;

  @Option(names = {"-e", "--experiment"}, paramLabel = "NAME", description = "The experiment (else the config's, else 'Default').")
  String experiment;

  @Option(names = {"-r", "--run-name"}, paramLabel = "NAME", description = "The recurring run's name (default: the pipeline name and the schedule); with --argo, the "
      + "CronWorkflow's (default: the pipeline name).")
  String name;

  @Option(names = "--max-concurrency", paramLabel = "N", defaultValue = "1", description = "Runs at once, 1 to 10 (default 1).")
  int maxConcurrency;

  @Option(names = "--no-catchup", description = "Skip runs missed while paused or behind, instead of making them up.")
  boolean noCatchup;

  @Option(names = "--disabled", description = "Create it paused.")
  boolean disabled;

  @Option(names = "--upload", description = "Upload the compiled pipeline as a new version first.")
  boolean upload;

  @Override
  public Integer call() {
    if ((cron == null) == (every == null)) {
      throw new ConfigException("give a schedule: " + terms().option("--cron-expression", "'0 0 4 * * *'") + " or "
          + terms().option("--every", "1h") + " (one of them)");
    }
    if (maxConcurrency < 1 || maxConcurrency > 10) { // KFP's API takes [1-10]
      throw new ConfigException(terms().option("--max-concurrency") + " is " + maxConcurrency + "; give 1 to 10 (how many of its runs go at once)");
    }
    if (server.argo && experiment != null) { // refused, not dropped without a word
      throw new ConfigException(noExperimentOnArgo(terms()));
    }
    Schedule schedule = cron != null ? Schedule.cron(cron) : Schedule.every(duration(every, terms()));
    Cluster c = Cluster.of(server, pipeline, pin);
    String root = pipelineRoot.of(c.format(), server.argo);
    c.withCaching(caching.of(server.argo, upload));
    Map<String, String> args = c.arguments(arguments.arguments, terms());
    Config config = server.config();
    Printer printer = new Printer(out(), output.json());
    if (server.argo) {
      Schedule.Cron crontab = schedule instanceof Schedule.Cron k ? k
          : ((Schedule.Interval) schedule).asCron(); // Argo's CronWorkflow takes crons only
      String argoSchedule = crontab.argoSchedule(); // one Argo cannot take is a usage error, before the server is asked
      String cronName = name != null ? name : c.name();
      String why = CronWorkflows.nameError(cronName); // so too a name, which the Argo Server would refuse
      if (why != null) {
        throw new ConfigException((name != null ? terms().option("-r/--run-name") + " '" + name + "'" : "the pipeline's name '"
            + cronName + "'") + " cannot name a CronWorkflow: " + why + (name != null ? "" : "; give it one with "
            + terms().option("-r/--run-name")));
      }
      String created = server.argoClient().schedule(c.overlaid(), args, crontab, cronName, maxConcurrency > 1, !disabled);
      printer.record(row("cron_workflow", created, "schedule", argoSchedule));
      return Kfp4j.OK;
    }
    KfpClient kfp = server.kfp();
    Pipeline pl;
    PipelineVersion version;
    if (upload) {
      Cluster.Uploaded u = c.upload(kfp, null);
      pl = u.pipeline();
      version = u.version();
    } else {
      pl = kfp.findPipeline(c.name()).orElseThrow(() -> new KfpException(0, "no pipeline '" + c.name()
          + "' on " + ShownUrl.of(kfp.host()) + "; upload it first: " + terms().command("upload-pipeline") + ", or add " + terms().option("--upload")));
      version = kfp.latestVersion(pl.id()).orElseThrow(() -> new KfpException(0, "pipeline '" + c.name()
          + "' has no version on the server; upload one: " + terms().command("upload-pipeline")));
    }
    Experiment exp = Cluster.experiment(kfp, experiment, config);
    String runName = name != null ? name : c.name() + " " + schedule;
    RecurringRun r = kfp.createRecurringRun(RecurringRunRequest.of(runName, exp.id(), pl.id(), version.id(), schedule, args)
        .withMaxConcurrency(maxConcurrency).withNoCatchup(noCatchup).withEnabled(!disabled)
        .withDescription(config.run().description()).withParameterTypes(c.compiled().parameters()).withPipelineRoot(root));
    printer.record(row("recurring_run", r.name(), "recurring_run_id", r.id(), "schedule", schedule.toString(),
        "enabled", r.enabled(), "pipeline", pl.name(), "version", version.name(), "version_id", version.id(),
        "experiment", exp.name(), "experiment_id", exp.id(), "url", kfp.recurringRunUrl(r.id())));
    return Kfp4j.OK;
  }

  static Duration duration(String text, Terms terms) {
    String t = text.strip();
    try {
      if (t.toUpperCase(java.util.Locale.ROOT).startsWith("P")) {
        return Duration.parse(t);
      }
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)([smhd])").matcher(t);
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofDays(n);
        };
      }
    } catch (java.time.format.DateTimeParseException | ArithmeticException | NumberFormatException e) {
      // reported below (a number of more digits than a long is one too)
    }
    throw new ConfigException(terms.option("--every", "'" + text + "'") + " is not a duration; write 30s, 15m, 1h, 1d or an ISO-8601 duration like PT90M");
  }

  /** What {@code -e} given with {@code --argo} is said as: an Argo Server has no experiments. */
  static String noExperimentOnArgo(Terms terms) {
    return terms.option("-e/--experiment") + " is KFP's: an Argo Server has no experiments; leave it out with "
        + terms.option("--argo") + ", or run on KFP";
  }
}
