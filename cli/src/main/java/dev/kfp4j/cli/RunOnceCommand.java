package dev.kfp4j.cli;

import static dev.kfp4j.cli.Printer.row;

import dev.kfp4j.client.ArgoClient;
import dev.kfp4j.client.ArgoWorkflow;
import dev.kfp4j.client.Experiment;
import dev.kfp4j.client.KfpClient;
import dev.kfp4j.client.KfpException;
import dev.kfp4j.client.Run;
import dev.kfp4j.client.RunRequest;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kfp4j run-once}: a new version, one run of it, and with {@code --wait} its result as the exit code. */
@Command(name = "run-once", description = "Uploads the compiled pipeline as a new version and starts one run of it "
    + "in the experiment; with --wait, waits for the run and exits with its result.")
final class RunOnceCommand extends Commands.Base {
  @Mixin Options.ArgoServer server;
  @Mixin PipelineChoice pipeline;
  @Mixin Options.Pin pin;
  @Mixin Options.Arguments arguments;
  @Mixin Options.Output output;
  @Mixin Options.PipelineRoot pipelineRoot;
  @Mixin Options.RunCaching caching;

  @Option(names = {"-e", "--experiment"}, paramLabel = "NAME", description = "The experiment (else 'experiment_name' in the config, else 'Default').")
  String experiment;

  @Option(names = {"-r", "--run-name"}, paramLabel = "NAME", description = "The run's name (else 'run_name' in the config, else the pipeline's).")
  String runName;

  @Option(names = "--wait", negatable = true, description = "Wait for the run to finish (else 'wait_for_completion' in the config).")
  Boolean waitForCompletion;

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "How long to wait at most (else 'timeout' in the config, else 3600).")
  Long timeout;

  @Override
  public Integer call() {
    if (timeout != null && timeout < 1) {
      throw new ConfigException(terms().option("--timeout") + " is " + timeout + "; give 1 or more seconds");
    }
    if (server.argo && (experiment != null || runName != null)) { // refused, not dropped without a word
      throw new ConfigException(experiment != null ? ScheduleCommand.noExperimentOnArgo(terms())
          : terms().option("-r/--run-name") + " is KFP's: an Argo Server names the workflow itself, the pipeline's name and a "
              + "suffix it adds; leave it out with " + terms().option("--argo") + ", or run on KFP");
    }
    Cluster c = Cluster.of(server, pipeline, pin);
    String root = pipelineRoot.of(c.format(), server.argo);
    c.withCaching(caching.of(server.argo, true)); // a new version goes up with the run
    Map<String, String> args = c.arguments(arguments.arguments, terms());
    Config config = server.config();
    String run = Options.first(runName, Options.first(config.run().runName(), c.name()));
    boolean wait = waitForCompletion != null ? waitForCompletion : config.run().waitForCompletion();
    Duration limit = Options.seconds(timeout != null ? timeout : config.run().timeoutSeconds(), 3600);
    Printer printer = new Printer(out(), output.json());
    if (server.argo) {
      return onArgo(c, args, wait, limit, printer);
    }
    KfpClient kfp = server.kfp();
    c.overlaid(); // says what has no image before anything is sent
    Experiment exp = Cluster.experiment(kfp, experiment, config);
    Cluster.Uploaded u = c.upload(kfp, null);
    Run created;
    try {
      created = kfp.createRun(RunRequest.ofVersion(run, exp.id(), u.pipeline().id(), u.version().id(), args)
          .withDescription(config.run().description()).withParameterTypes(c.compiled().parameters()).withPipelineRoot(root));
    } catch (KfpException e) {
      throw new KfpException(0, "uploaded pipeline '" + u.pipeline().name() + "' version '" + u.version().name()
          + "' (id " + u.version().id() + "), but the run was not created: " + e.getMessage());
    }
    Map<String, Object> fields = u.fields(kfp);
    fields.put("experiment", exp.name());
    fields.put("experiment_id", exp.id());
    fields.put("run", created.name());
    fields.put("run_id", created.id());
    fields.remove("url");
    fields.put("url", kfp.runUrl(created.id()));
    if (!wait) {
      printer.record(fields);
      return Kfp4j.OK;
    }
    Run done;
    try {
      done = kfp.waitForRun(created.id(), limit);
    } catch (KfpException e) {
      throw waitEnded(e, printer, fields, "run " + created.id() + " goes on on the server, but waiting for it failed ('"
          + terms().command("runs get", created.id()) + "' shows it)");
    }
    fields.put("state", done.state());
    fields.put("error", done.error());
    printer.record(fields);
    return done.state().succeeded() ? Kfp4j.OK : Kfp4j.RUN_FAILED;
  }

  /** Submits the workflow to the Argo Server, and with {@code wait} watches it to the end. */
  private int onArgo(Cluster c, Map<String, String> args, boolean wait, Duration limit, Printer printer) {
    ArgoClient argo = server.argoClient();
    ArgoWorkflow w = argo.submit(c.overlaid(), args);
    Map<String, Object> fields = row("workflow", w.name(), "namespace", w.namespace(), "state", w.state());
    if (wait) {
      try {
        w = argo.waitFor(w.name(), limit);
      } catch (KfpException e) {
        throw waitEnded(e, printer, fields, "workflow " + w.namespace() + "/" + w.name() + " goes on on the server, but waiting for it failed");
      }
      fields.put("state", w.state());
      fields.put("message", w.message());
    }
    printer.record(fields);
    return !wait || w.state().succeeded() ? Kfp4j.OK : Kfp4j.RUN_FAILED;
  }

  /**
   * A wait that ended before the run did, or failed (the server answered 503 once, the connection dropped): what was made
   * is printed first, and a failure says that the run goes on, so that it is neither lost nor started again.
   */
  private static KfpException waitEnded(KfpException e, Printer printer, Map<String, Object> fields, String goesOn) {
    printer.record(fields);
    return e.stillGoing() ? e : new KfpException(e.status(), goesOn + ": " + e.getMessage());
  }
}
