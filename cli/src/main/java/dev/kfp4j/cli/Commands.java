package dev.kfp4j.cli;

import static dev.kfp4j.cli.Printer.row;

import dev.kfp4j.client.ArgoClient;
import dev.kfp4j.client.ArgoWorkflow;
import dev.kfp4j.client.Experiment;
import dev.kfp4j.client.KfpClient;
import dev.kfp4j.client.KfpException;
import dev.kfp4j.client.ListOptions;
import dev.kfp4j.client.Page;
import dev.kfp4j.client.Pipeline;
import dev.kfp4j.client.PipelineVersion;
import dev.kfp4j.client.RecurringRun;
import dev.kfp4j.client.RecurringRunRequest;
import dev.kfp4j.client.RunRequest;
import dev.kfp4j.format.argo.ArgoRules;
import dev.kfp4j.local.LocalRun;
import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.Workflow;
import dev.kfp4j.local.WorkflowException;
import dev.kfp4j.spec.ComponentYaml;
import dev.kfp4j.spec.SpecException;
import dev.kfp4j.yaml.Yaml;
import java.awt.Desktop;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The subcommands of {@code kfp4j}. */
final class Commands {
  private Commands() {}

  abstract static class Base implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    PrintWriter out() {
      return spec.commandLine().getOut();
    }

    PrintWriter err() {
      return spec.commandLine().getErr();
    }
  }

  // ------------------------------------------------------------------------------------------ run

  @Command(name = "run", description = "Runs a compiled pipeline on this machine with the local runner and prints its outputs.")
  static final class RunLocal extends Base {
    @Mixin Options.PipelineChoice pipeline;
    @Mixin Options.Arguments arguments;
    @Mixin Options.ConfigFile config;

    @Option(names = "--classpath", paramLabel = "PATH", description = "Where the project's components load from "
        + "(default: --classes and target/dependency/*).")
    String classpath;

    @Option(names = "--root", paramLabel = "DIR", description = "Where run folders go (default: .kfp4j/runs).")
    Path root;

    @Option(names = "--parallelism", paramLabel = "N", description = "Tasks at once (default: the number of cores).")
    Integer parallelism;

    @Option(names = "--no-cache", description = "Run every task, reusing no earlier outputs.")
    boolean noCache;

    @Option(names = "--subprocess", description = "Run Java components as java subprocesses, as in a container.")
    boolean subprocess;

    @Option(names = "--resume", paramLabel = "RUN_DIR", description = "Complete a stopped run in its folder.")
    Path resume;

    @Option(names = "--logs", description = "Show each task's output (stdout and stderr) as it runs, each line after the task's name.")
    boolean logs;

    @Override
    public Integer call() throws IOException {
      Options.PipelineChoice.Compiled p = pipeline.load().tracked(config.config().mlflow());
      List<Path> entries = new ArrayList<>();
      if (classpath != null) {
        for (String e : classpath.split(java.io.File.pathSeparator)) {
          entries.add(Path.of(e));
        }
      } else {
        entries.add(pipeline.classes);
        Path deps = Path.of("target/dependency");
        if (Files.isDirectory(deps)) {
          try (Stream<Path> jars = Files.list(deps)) {
            jars.filter(j -> j.toString().endsWith(".jar")).sorted().forEach(entries::add);
          }
        }
      }
      URL[] urls = new URL[entries.size()];
      for (int i = 0; i < urls.length; i++) {
        urls[i] = entries.get(i).toUri().toURL();
      }
      String cp = String.join(java.io.File.pathSeparator, entries.stream().map(Path::toString).toList())
          + java.io.File.pathSeparator + System.getProperty("java.class.path");
      try (URLClassLoader loader = new URLClassLoader(urls, Kfp4j.class.getClassLoader())) {
        LocalRunner.Builder b = LocalRunner.builder().classLoader(loader).classpath(cp).caching(!noCache)
            .console(new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8))
            .javaMode(subprocess ? LocalRunner.JavaMode.SUBPROCESS : LocalRunner.JavaMode.IN_PROCESS).logs(logs);
        if (root != null) {
          b.root(root);
        }
        if (parallelism != null) {
          b.parallelism(parallelism);
        }
        RunResult result;
        try {
          result = resume != null ? b.build().resume(p.workflow(), resume) : b.build().run(p.workflow(), arguments.arguments);
        } catch (WorkflowException e) {
          throw new ConfigException(e.getMessage());
        }
        LocalRun.results(result).forEach(out()::println);
        out().flush();
        if (!result.succeeded()) {
          err().println("kfp4j: the run failed: " + result.failedTask().map(t -> t.label() + ": " + t.message()).orElse(""));
        }
        err().println("run folder: " + result.runDir());
        return result.succeeded() ? Kfp4j.OK : Kfp4j.RUN_FAILED;
      }
    }
  }

  // ------------------------------------------------------------------------------------------ validate

  @Command(name = "validate", description = "Checks compiled workflows and component YAML files: that they load, "
      + "with every template and parameter in place, that Argo would take them (names, references, dependencies), "
      + "and which the local runner can run.")
  static final class Validate extends Base {
    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Workflow or component YAML files "
        + "(default: every compiled pipeline and component in --classes).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--classes", paramLabel = "DIR", defaultValue = "target/classes", description = "Where 'mvn compile' wrote them.")
    Path classes;

    @Override
    public Integer call() throws IOException {
      List<Path> all = new ArrayList<>(files);
      if (all.isEmpty()) {
        for (String kind : new String[] {"pipelines", "components"}) {
          Path dir = classes.resolve("META-INF/kfp4j").resolve(kind);
          if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
              s.filter(f -> f.toString().endsWith(".yaml")).sorted().forEach(all::add);
            }
          }
        }
        if (all.isEmpty()) {
          throw new ConfigException("nothing to validate in " + classes + "; run 'mvn compile' or name files");
        }
      }
      int bad = 0;
      for (Path f : all) {
        Checked c = check(f);
        if (c.error() == null) {
          out().println("ok      " + f + (c.note() == null ? "" : " (cluster only: " + c.note() + ")"));
        } else {
          bad++;
          out().println("INVALID " + f + ": " + c.error());
        }
      }
      out().flush();
      if (bad > 0) {
        err().println("kfp4j: " + bad + " of " + all.size() + " files are not valid");
        return Kfp4j.USAGE;
      }
      return Kfp4j.OK;
    }

    /** A file's error, or null; and why the local runner cannot run a valid workflow, or null. */
    record Checked(String error, String note) {}

    static Checked check(Path f) {
      String text;
      try {
        text = Files.readString(f);
      } catch (IOException e) {
        return new Checked("cannot read: " + e.getMessage(), null);
      }
      try {
        if (!text.contains("kind: Workflow")) {
          ComponentYaml.parse(text, f.toString());
          return new Checked(null, null);
        }
        Workflow w = Workflow.parse(text, f.toString());
        w.check();
        List<String> refused = ArgoRules.errors(Yaml.read(text));
        if (!refused.isEmpty()) {
          return new Checked("Argo would refuse it: " + String.join("; ", refused), null);
        }
        try {
          w.checkRunnable();
          return new Checked(null, null);
        } catch (WorkflowException e) {
          return new Checked(null, e.getMessage().substring(e.getMessage().indexOf(": ") + 2));
        }
      } catch (WorkflowException | SpecException e) {
        return new Checked(e.getMessage(), null);
      }
    }
  }

  // ------------------------------------------------------------------------------------------ upload-pipeline

  @Command(name = "upload-pipeline", description = "Uploads the compiled pipeline to KFP: a new pipeline the first time, "
      + "then a new version of it.")
  static final class UploadPipeline extends Base {
    @Mixin Options.Server server;
    @Mixin Options.PipelineChoice pipeline;
    @Mixin Options.Output output;

    @Option(names = "--version-name", paramLabel = "NAME", description = "The version's name (default: the pipeline name and the UTC time).")
    String versionName;

    @Override
    public Integer call() {
      Config config = server.config();
      Options.PipelineChoice.Compiled p = pipeline.load().tracked(config.mlflow());
      String yaml = Overlay.forCluster(p.yaml(), config.run());
      KfpClient kfp = server.kfp();
      Uploaded u = upload(kfp, p.name(), yaml, config, versionName);
      new Printer(out(), output.json()).record(u.fields(kfp));
      return Kfp4j.OK;
    }
  }

  /** The experiment runs go to: the option, else the config's, else {@code Default}; created if missing. */
  static Experiment experiment(KfpClient kfp, String option, Config config) {
    return kfp.getOrCreateExperiment(Options.first(option, Options.first(config.run().experimentName(), "Default")), null);
  }

  /** What an upload made. */
  record Uploaded(Pipeline pipeline, PipelineVersion version, boolean newPipeline) {
    Map<String, Object> fields(KfpClient kfp) {
      return row("pipeline", pipeline.name(), "pipeline_id", pipeline.id(), "new_pipeline", newPipeline,
          "version", version.name(), "version_id", version.id(), "url", kfp.pipelineUrl(pipeline.id()));
    }
  }

  /** Uploads {@code yaml} (the compiled pipeline with the config applied, {@link Overlay#forCluster}) as {@code name}. */
  static Uploaded upload(KfpClient kfp, String name, String yaml, Config config, String versionName) {
    String description = config.run().description();
    Pipeline existing = kfp.findPipeline(name).orElse(null);
    if (existing == null) {
      Pipeline created = kfp.uploadPipeline(name, description, yaml);
      PipelineVersion v = created.defaultVersionId() == null ? null
          : kfp.getPipelineVersion(created.id(), created.defaultVersionId());
      if (v == null) {
        throw new KfpException(0, "uploaded pipeline '" + name + "' (id " + created.id() + "), but the server named no version of it");
      }
      return new Uploaded(created, v, true);
    }
    String version = versionName != null ? versionName
        : name + "-" + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    return new Uploaded(existing, kfp.uploadPipelineVersion(existing.id(), version, description, yaml), false);
  }

  // ------------------------------------------------------------------------------------------ run-once

  @Command(name = "run-once", description = "Uploads the compiled pipeline as a new version and starts one run of it "
      + "in the experiment; with --wait, waits for the run and exits with its result.")
  static final class RunOnce extends Base {
    @Mixin Options.Server server;
    @Mixin Options.PipelineChoice pipeline;
    @Mixin Options.Arguments arguments;
    @Mixin Options.Output output;

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
      Config config = server.config();
      Options.PipelineChoice.Compiled p = pipeline.load().tracked(config.mlflow());
      Map<String, String> args = arguments.checked(p.workflow());
      String yaml = Overlay.forCluster(p.yaml(), config.run());
      String run = Options.first(runName, Options.first(config.run().runName(), p.name()));
      boolean wait = waitForCompletion != null ? waitForCompletion : config.run().waitForCompletion();
      Duration limit = Options.seconds(timeout != null ? timeout : config.run().timeoutSeconds(), 3600);
      Printer printer = new Printer(out(), output.json());
      if (server.argo) {
        ArgoClient argo = server.argoClient();
        ArgoWorkflow w = argo.submit(yaml, args);
        Map<String, Object> fields = row("workflow", w.name(), "namespace", w.namespace(), "state", w.state());
        if (wait) {
          w = argo.waitFor(w.name(), limit);
          fields.put("state", w.state());
          fields.put("message", w.message());
        }
        printer.record(fields);
        return !wait || w.state().succeeded() ? Kfp4j.OK : Kfp4j.RUN_FAILED;
      }
      KfpClient kfp = server.kfp();
      Experiment exp = experiment(kfp, experiment, config);
      Uploaded u = upload(kfp, p.name(), yaml, config, null);
      dev.kfp4j.client.Run created;
      try {
        created = kfp.createRun(RunRequest.ofVersion(run, exp.id(), u.pipeline().id(), u.version().id(), args)
            .withDescription(config.run().description()));
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
      dev.kfp4j.client.Run done;
      try {
        done = kfp.waitForRun(created.id(), limit);
      } catch (KfpException e) {
        if (e.stillGoing()) {
          printer.record(fields); // what was made, before saying the wait ended
        }
        throw e;
      }
      fields.put("state", done.state());
      fields.put("error", done.error());
      printer.record(fields);
      return done.state().succeeded() ? Kfp4j.OK : Kfp4j.RUN_FAILED;
    }
  }

  // ------------------------------------------------------------------------------------------ schedule

  @Command(name = "schedule", description = "Creates a recurring run of the pipeline's latest uploaded version "
      + "(uploading it first with --upload); on Argo, a CronWorkflow of the compiled pipeline.")
  static final class Schedule extends Base {
    @Mixin Options.Server server;
    @Mixin Options.PipelineChoice pipeline;
    @Mixin Options.Arguments arguments;
    @Mixin Options.Output output;

    @Option(names = {"-c", "--cron-expression"}, paramLabel = "CRON",
        description = "KFP's 6-field cron, seconds first: '0 0 4 * * *' is daily at 04:00.")
    String cron;

    @Option(names = "--every", paramLabel = "DURATION", description = "An interval instead of a cron: 30m, 1h, 1d, PT90M.")
    String every;

    @Option(names = {"-e", "--experiment"}, paramLabel = "NAME", description = "The experiment (else the config's, else 'Default').")
    String experiment;

    @Option(names = {"-r", "--run-name"}, paramLabel = "NAME", description = "The recurring run's name (default: the pipeline name and the schedule).")
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
        throw new ConfigException("give a schedule: --cron-expression '0 0 4 * * *' or --every 1h (one of them)");
      }
      dev.kfp4j.client.Schedule schedule = cron != null ? dev.kfp4j.client.Schedule.cron(cron)
          : dev.kfp4j.client.Schedule.every(duration(every));
      Config config = server.config();
      Options.PipelineChoice.Compiled p = pipeline.load().tracked(config.mlflow());
      Map<String, String> args = arguments.checked(p.workflow());
      String yaml = server.argo || upload ? Overlay.forCluster(p.yaml(), config.run()) : null;
      String runName = name != null ? name : p.name() + " " + schedule;
      Printer printer = new Printer(out(), output.json());
      if (server.argo) {
        dev.kfp4j.client.Schedule.Cron c = schedule instanceof dev.kfp4j.client.Schedule.Cron cron ? cron
            : ((dev.kfp4j.client.Schedule.Interval) schedule).asCron(); // Argo's CronWorkflow takes crons only
        String cronName = name != null ? name : p.name();
        String created = server.argoClient().schedule(yaml, args, c, cronName,
            maxConcurrency > 1, !disabled);
        printer.record(row("cron_workflow", created, "schedule", c.argoSchedule()));
        return Kfp4j.OK;
      }
      KfpClient kfp = server.kfp();
      Pipeline pl;
      PipelineVersion version;
      if (upload) {
        Uploaded u = upload(kfp, p.name(), yaml, config, null);
        pl = u.pipeline();
        version = u.version();
      } else {
        pl = kfp.findPipeline(p.name()).orElseThrow(() -> new KfpException(0, "no pipeline '" + p.name()
            + "' on " + kfp.host() + "; upload it first: kfp4j upload-pipeline, or add --upload"));
        version = kfp.latestVersion(pl.id()).orElseThrow(() -> new KfpException(0, "pipeline '" + p.name()
            + "' has no version on the server; upload one: kfp4j upload-pipeline"));
      }
      Experiment exp = experiment(kfp, experiment, config);
      RecurringRun r = kfp.createRecurringRun(RecurringRunRequest.of(runName, exp.id(), pl.id(), version.id(), schedule, args)
          .withMaxConcurrency(maxConcurrency).withNoCatchup(noCatchup).withEnabled(!disabled)
          .withDescription(config.run().description()));
      printer.record(row("recurring_run", r.name(), "recurring_run_id", r.id(), "schedule", schedule.toString(),
          "enabled", r.enabled(), "pipeline", pl.name(), "version", version.name(), "version_id", version.id(),
          "experiment", exp.name(), "experiment_id", exp.id(), "url", kfp.recurringRunUrl(r.id())));
      return Kfp4j.OK;
    }

    static Duration duration(String text) {
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
      } catch (java.time.format.DateTimeParseException | ArithmeticException e) {
        // reported below
      }
      throw new ConfigException("--every '" + text + "' is not a duration; write 30s, 15m, 1h, 1d or an ISO-8601 duration like PT90M");
    }
  }

  // ------------------------------------------------------------------------------------------ list

  @Command(name = "list-pipelines", description = "Lists the pipelines on the server, newest first.")
  static final class ListPipelines extends Base {
    @Mixin Options.Server server;
    @Mixin Options.Output output;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most this many (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
      KfpClient kfp = server.kfp();
      List<Map<String, Object>> rows = new ArrayList<>();
      Page<Pipeline> page = kfp.listPipelines(ListOptions.newestFirst(Math.min(limit, 100)));
      ListOptions next = ListOptions.newestFirst(Math.min(limit, 100));
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
  static final class ListRuns extends Base {
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
      for (dev.kfp4j.client.Run r : kfp.listRuns(experimentId, ListOptions.newestFirst(Math.min(limit, 100))).items()) {
        if (rows.size() < limit) {
          rows.add(row("name", r.name(), "id", r.id(), "state", r.state(), "created", r.createdAt(), "finished", r.finishedAt()));
        }
      }
      new Printer(out(), output.json()).table(rows, List.of("name", "id", "state", "created", "finished"));
      return Kfp4j.OK;
    }
  }

  // ------------------------------------------------------------------------------------------ init

  @Command(name = "init", description = "Writes a sample kfp4j.yaml for the given KFP host, to edit; with "
      + "--with-github-actions, GitHub Actions workflows too.")
  static final class Init extends Base {
    /** The workflows --with-github-actions writes, in .github/workflows/ beside the config file. */
    static final List<String> WORKFLOWS = List.of("kfp4j-on-push.yml", "kfp4j-on-merge-to-main.yml");

    @Parameters(paramLabel = "HOST", description = "The KFP API endpoint, such as https://kubeflow.example.com/pipeline.")
    String host;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = Config.FILE, description = "Where to write it (default ${DEFAULT-VALUE}).")
    Path file;

    @Option(names = "--name", paramLabel = "NAME", description = "The project name, for the experiment and image (default: this folder's name).")
    String name;

    @Option(names = "--with-github-actions", description = "Also write GitHub Actions workflows in .github/workflows/ beside "
        + "the config file: on every push, build, test, push the image and run the pipeline once; on the main branch, "
        + "upload the pipeline and schedule it daily. Keeps an existing config file.")
    boolean githubActions;

    @Option(names = "--force", description = "Overwrite existing files.")
    boolean force;

    @Override
    public Integer call() throws IOException {
      if (!host.startsWith("http://") && !host.startsWith("https://")) {
        throw new ConfigException("host '" + host + "' needs its scheme: http://... or https://...");
      }
      Path project = file.toAbsolutePath().getParent();
      String projectName = name != null ? name : Path.of("").toAbsolutePath().getFileName().toString();
      List<Path> workflows = new ArrayList<>();
      if (githubActions) {
        for (String w : WORKFLOWS) {
          Path target = project.resolve(".github/workflows").resolve(w);
          if (Files.exists(target) && !force) {
            throw new ConfigException(target + " exists; edit it, or pass --force to overwrite it");
          }
          workflows.add(target);
        }
      }
      boolean keepConfig = githubActions && Files.exists(file) && !force;
      if (Files.exists(file) && !force && !keepConfig) {
        throw new ConfigException(file + " exists; edit it, or pass --force to overwrite it");
      }
      String image = projectName.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
      if (!keepConfig) {
        String sample = resource("kfp4j.yaml.sample").replace("__HOST__", host).replace("__IMAGE__", image + ":latest")
            .replace("__NAME__", projectName);
        Files.createDirectories(project);
        Files.writeString(file, sample);
        Config.load(file, n -> null); // what it wrote reads back
        out().println("Configuration written to " + file + ". Edit the image and experiment, then 'kfp4j upload-pipeline'.");
      }
      for (Path w : workflows) {
        Files.createDirectories(w.getParent());
        Files.writeString(w, resource("github/" + w.getFileName()).replace("__IMAGE_NAME__", image).replace("__NAME__", projectName));
        out().println("GitHub Actions workflow written to " + w + "; its comments name the secrets it reads.");
      }
      out().flush();
      return Kfp4j.OK;
    }

    private static String resource(String name) throws IOException {
      try (InputStream in = Commands.class.getResourceAsStream(name)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
  }

  // ------------------------------------------------------------------------------------------ ui

  @Command(name = "ui", description = "Prints the KFP UI's address, or a run's page; --open opens it in a browser.")
  static final class Ui extends Base {
    @Mixin Options.Server server;

    @Option(names = "--run", paramLabel = "RUN_ID", description = "A run's page instead of the UI's front page.")
    String run;

    @Option(names = "--open", description = "Open it in the desktop's browser.")
    boolean open;

    @Override
    public Integer call() throws IOException {
      KfpClient kfp = server.kfp();
      URI link = run != null ? kfp.runUrl(run) : kfp.uiUrl();
      out().println(link);
      out().flush();
      if (open) {
        if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
          err().println("kfp4j: no desktop browser here; open the address above yourself");
          return Kfp4j.OK;
        }
        Desktop.getDesktop().browse(link);
      }
      return Kfp4j.OK;
    }
  }
}
