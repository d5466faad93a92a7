package dev.kfp4j.cli;

import dev.kfp4j.client.KfpClient;
import dev.kfp4j.entrypoint.FileErrors;
import dev.kfp4j.format.Documents;
import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.argo.ArgoRules;
import dev.kfp4j.format.kfp2.KubernetesManifests;
import dev.kfp4j.local.LocalRun;
import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.TaskResult;
import dev.kfp4j.local.UiLink;
import dev.kfp4j.local.Workflow;
import dev.kfp4j.local.WorkflowException;
import dev.kfp4j.spec.ComponentYaml;
import dev.kfp4j.spec.SpecException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** How this execution's messages name options and commands ({@link Kfp4j#terms}). */
    Terms terms() {
      return Kfp4j.terms(spec);
    }
  }

  // ------------------------------------------------------------------------------------------ run

  @Command(name = "run", description = "Runs a compiled pipeline on this machine with the local runner and prints its outputs.")
  static final class RunLocal extends Base {
    @Mixin PipelineChoice pipeline;
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

    @Option(names = "--containers", description = "Run each task in its image with docker or podman, as a cluster would.")
    boolean containers;

    @Mixin EngineOptions engine;

    @Option(names = "--map-image", paramLabel = "NAME=IMAGE", description = "With --containers: run IMAGE where a task names NAME "
        + "(a local build, a mirror); repeatable.")
    Map<String, String> mapImage = new java.util.LinkedHashMap<>();

    /** Which compiled form runs. */
    enum Format { argo, kfp2 }

    @Option(names = "--format", paramLabel = "FORMAT", description = "argo: the KFP v1 Argo Workflow, or kfp2: the KFP 2 "
        + "pipeline spec (default: the form the pipeline was compiled in, the Argo Workflow when both). A --pipeline FILE runs as "
        + "the format it is.")
    Format format;

    @Override
    public Integer call() throws IOException {
      if (parallelism != null && parallelism < 1) { // said before anything is read, naming the option
        throw new ConfigException(terms().option("--parallelism") + " must be at least 1, not " + parallelism);
      }
      String chosen = format == null ? null : format.name();
      PipelineChoice.Located located;
      if (resume != null && pipeline.pipeline == null) {
        located = ranIn(resume);
      } else {
        PipelineFormat form = format != null ? (format == Format.kfp2 ? PipelineFormat.KFP2 : PipelineFormat.ARGO) : pipeline.formatOf();
        located = Tracking.apply(pipeline.locate(form != null ? form : PipelineFormat.ARGO, (wanted, formatsFrom) -> whyFormat(wanted)),
            config.config().mlflow(), terms());
      }
      Workflow workflow;
      try {
        workflow = Workflow.parse(located.yaml(), located.source());
      } catch (WorkflowException e) {
        throw new ConfigException(e.getMessage());
      }
      if (chosen != null && !workflow.format().equals(chosen)) {
        throw new ConfigException(located.source() + " is " + (chosen.equals("kfp2") ? "an Argo Workflow, not a KFP 2 pipeline spec"
            : "a KFP 2 pipeline spec, not an Argo Workflow") + "; leave out " + terms().option("--format") + " or pass "
            + terms().option("--format", workflow.format()));
      }
      if (resume == null) { // a value missing said as this command takes one, before anything starts; the runner checks again
        try {
          workflow.arguments(arguments.arguments, terms().option("-a", "name=value"));
        } catch (WorkflowException e) {
          throw new ConfigException(e.getMessage());
        }
      }
      ProjectClasspath project = ProjectClasspath.of(classpath, pipeline.classes, terms());
      try (URLClassLoader loader = project.loader()) {
        String cp = project.classpath();
        if (config.config().mlflow() != null && !containers && !loads(loader, dev.kfp4j.tracking.MlflowTracking.STEPS_CLASS)) {
          throw new ConfigException("the config's mlflow section tracks the run with kfp4j-mlflow's steps, which are not on the "
              + "project's classpath: add the dependency dev.kfp4j:kfp4j-mlflow (then 'mvn dependency:copy-dependencies', or pass "
              + terms().option("--classpath") + "), or leave out the mlflow section");
        }
        LocalRunner.Builder b = LocalRunner.builder().classLoader(loader).classpath(cp).caching(!noCache).options(terms()::option)
            .console(new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8))
            .javaMode(subprocess ? LocalRunner.JavaMode.SUBPROCESS : LocalRunner.JavaMode.IN_PROCESS).logs(logs);
        if (root != null) {
          b.root(root);
        }
        if (parallelism != null) {
          b.parallelism(parallelism);
        }
        if (containers) {
          dev.kfp4j.local.Containers c = engine.containers();
          Map<String, String> images = new java.util.LinkedHashMap<>(javaImages(workflow));
          images.replaceAll((compiled, configured) -> mapImage.getOrDefault(configured, configured)); // one of run_config.image
          images.putAll(mapImage); // a --map-image of the same name wins
          for (Map.Entry<String, String> m : images.entrySet()) {
            c = c.withImage(m.getKey(), m.getValue());
          }
          b.containers(c);
        } else if (engine.given() || !mapImage.isEmpty()) {
          throw new ConfigException(terms().option("--engine") + ", " + terms().option("--engine-arg") + " and "
              + terms().option("--map-image") + " are for " + terms().option("--containers"));
        }
        RunResult result;
        try {
          result = resume != null ? b.build().resume(workflow, resume, arguments.arguments) : b.build().run(workflow, arguments.arguments);
        } catch (WorkflowException e) {
          throw new ConfigException(e.getMessage());
        }
        LocalRun.results(result).forEach(out()::println);
        out().flush();
        if (!result.succeeded()) {
          err().println("kfp4j: the run " + (result.state() == TaskResult.State.Error ? "ended in Error" : "failed") + ": "
              + result.failedTask().map(t -> t.label() + ": " + t.message()).orElse(""));
        }
        err().println("run folder: " + result.runDir());
        UiLink.runPage(result.runDir().getParent().getParent(), result.pipeline(), result.runId())
            .ifPresent(page -> err().println("run page: " + page));
        return result.succeeded() ? Kfp4j.OK : Kfp4j.RUN_FAILED;
      }
    }

    /**
     * The pipeline a run folder's run ran, as its folder keeps it ({@link LocalRunner#WORKFLOW_FILE}, with the config's
     * tracking already in it): what {@code --resume} completes when no {@code --pipeline} is given, as the message of a
     * stopped run says to do, in a project of several pipelines or for a run of a pipeline file too.
     */
    private PipelineChoice.Located ranIn(Path runDir) throws IOException {
      Path file = runDir.resolve(LocalRunner.WORKFLOW_FILE);
      if (!Files.isRegularFile(runDir.resolve("run.json"))) {
        throw new ConfigException(runDir + " is not a run folder: it has no run.json");
      }
      if (!Files.isRegularFile(file)) {
        throw new ConfigException(runDir + " keeps no " + LocalRunner.WORKFLOW_FILE + " of the pipeline it ran; pass the pipeline with "
            + terms().option("--pipeline"));
      }
      return new PipelineChoice.Located(Files.readString(file), file.toString());
    }

    /** The project's Java steps in run_config.image of the config file when it sets one, as on the cluster. */
    private Map<String, String> javaImages(Workflow workflow) {
      try {
        return Overlay.javaImages(workflow.pipeline(), config.config().run());
      } catch (WorkflowException e) {
        throw new ConfigException(e.getMessage());
      }
    }

    private static boolean loads(ClassLoader loader, String name) {
      try {
        Class.forName(name, false, loader);
        return true;
      } catch (ClassNotFoundException | LinkageError e) {
        return false;
      }
    }

    /** What to do when the pipeline named is compiled in the other form only than {@code wanted}: this command runs either. */
    private String whyFormat(PipelineFormat wanted) {
      return "(" + terms().command("run") + " takes either form: leave out " + terms().option("--format") + ", or pass "
          + terms().option("--format", wanted == PipelineFormat.KFP2 ? "argo" : "kfp2") + ")";
    }
  }

  // ------------------------------------------------------------------------------------------ validate

  @Command(name = "validate", description = "Checks compiled workflows, KFP 2 pipeline specs and component files: that they load, "
      + "with every template and parameter in place, that Argo would take the workflows (names, references, dependencies), "
      + "and which the local runner can run.")
  static final class Validate extends Base {
    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Workflow, KFP 2 pipeline spec, KFP Kubernetes manifest "
        + "('kfp4j manifest') or component YAML files "
        + "(default: every compiled pipeline and component in --classes, both formats).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--classes", paramLabel = "DIR", defaultValue = "target/classes",
        description = "Where 'mvn compile' wrote them (default: ${DEFAULT-VALUE}).")
    Path classes;

    @Option(names = "--image", paramLabel = "IMAGE", arity = "0..1", fallbackValue = "",
        description = "Also start the image (default: the project's, as 'kfp4j image' names it) and run each Java component's "
            + "entrypoint in it with -h, finding classes its code needs that the image lacks.")
    String image;

    @Mixin Options.ConfigFile configFile;
    @Mixin EngineOptions engine;

    @Override
    public Integer call() throws IOException {
      configFile.checkGiven(); // read only for --image, but a file named is there or said not to be
      int files = validateFiles();
      if (files != Kfp4j.OK || image == null) {
        return files;
      }
      Config.RunConfig run = configFile.config().run();
      String checked = image.isEmpty() ? BuiltImage.name(run, classes, null, terms()) : image;
      return ImageCommand.check(engine.command("validate without " + terms().option("--image")), checked,
          ImageCommand.components(run, classes, checked), out(), err());
    }

    private int validateFiles() throws IOException {
      List<Path> all = new ArrayList<>(files);
      if (all.isEmpty()) {
        for (String kind : new String[] {"pipelines", "components", "kfp2/pipelines", "kfp2/components"}) {
          Path dir = classes.resolve("META-INF/kfp4j").resolve(kind);
          if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
              s.filter(f -> f.toString().endsWith(".yaml")).sorted().forEach(all::add);
            }
          }
        }
        if (all.isEmpty()) {
          throw new ConfigException(
              "nothing to validate in " + classes + ModuleHint.of(classes, terms()) + "; run 'mvn compile' or name files");
        }
      }
      int bad = 0;
      for (Path f : all) {
        Checked c = check(f);
        if (c.error() == null) {
          out().println("ok      " + f + (c.note() == null ? "" : " (" + c.note() + ")"));
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

    /** A file's error, or null; and where a valid workflow runs, when not everywhere ({@code cluster only: why}), or null. */
    record Checked(String error, String note) {}

    static Checked check(Path f) {
      String text;
      try {
        text = Files.readString(f);
      } catch (IOException e) {
        return new Checked("cannot read: " + FileErrors.why(f, e), null); // in words: no such file or folder, permission denied
      }
      try {
        boolean argo = text.contains("kind: Workflow");
        List<tools.jackson.databind.JsonNode> documents = Documents.readOrNull(text);
        if (KubernetesManifests.isManifest(documents)) {
          // KFP's Kubernetes manifests (kfp4j manifest): each version's spec checked as a spec file is
          List<String> notes = new ArrayList<>();
          for (Map.Entry<String, String> v : KubernetesManifests.specs(documents, f.toString()).entrySet()) {
            Checked c = pipeline(v.getValue(), Documents.readOrNull(v.getValue()), false, f + ", PipelineVersion '" + v.getKey() + "'");
            if (c.error() != null) {
              return c;
            }
            if (c.note() != null) {
              notes.add(c.note());
            }
          }
          return new Checked(null, notes.isEmpty() ? null : String.join("; ", notes));
        }
        if (!argo && !dev.kfp4j.format.kfp2.Kfp2Reader.isPipelineSpec(documents)) {
          ComponentYaml.parse(text, f.toString());
          return new Checked(null, null);
        }
        return pipeline(text, documents, argo, f.toString());
      } catch (WorkflowException | SpecException | FormatException e) {
        return new Checked(e.getMessage(), null);
      }
    }

    /** A workflow's or pipeline spec's error, or null; and where it runs, when not everywhere, or null. */
    private static Checked pipeline(String text, List<tools.jackson.databind.JsonNode> documents, boolean argo, String source) {
      // read once: a workflow that parses holds one document, the one Argo's rules check
      Workflow w = documents == null ? Workflow.parse(text, source) : Workflow.parse(documents, text, source);
      w.check();
      List<String> refused = argo ? ArgoRules.errors(documents.get(0)) : List.of();
      if (!refused.isEmpty()) {
        return new Checked("Argo would refuse it: " + String.join("; ", refused), null);
      }
      for (dev.kfp4j.model.Parameter p : w.pipeline().parameters()) {
        if (p.isArtifact()) { // KFP's run form takes values too: a KFP 2 component file, or a pipeline another calls
          return new Checked(null, "a task of other pipelines only: it takes artifact '" + p.name() + "' (" + p.artifactType()
              + "), which no run can be given; import it as a component, or call it from a pipeline");
        }
      }
      try {
        w.checkRunnable();
        return new Checked(null, null);
      } catch (WorkflowException e) {
        return new Checked(null, "cluster only: " + e.getMessage().substring(e.getMessage().indexOf(": ") + 2));
      }
    }
  }

  // ------------------------------------------------------------------------------------------ ui

  @Command(name = "ui", description = "Prints the KFP UI's address, or a run's page; --open opens it in a browser. "
      + "With --local, serves the local UI over the runs folder on 127.0.0.1 until stopped (Ctrl-C).")
  static final class Ui extends Base {
    @Mixin Options.Server server;

    @Option(names = "--run", paramLabel = "RUN_ID", description = "A run's page instead of the UI's front page.")
    String run;

    @Option(names = "--open", description = "Open it in the desktop's browser.")
    boolean open;

    @Mixin LocalUiCommand local;

    @Override
    public Integer call() throws IOException {
      picocli.CommandLine.ParseResult given = spec.commandLine().getParseResult();
      server.checkGiven(); // the local UI reads none, but a file named is there or said not to be
      if (local.local && given.hasMatchedOption("--run")) {
        throw new ConfigException(terms().option("--run") + " is a run's page in the KFP UI; the local UI shows the runs in "
            + terms().option("--root") + ": leave out " + terms().option("--run") + ", or " + terms().option("--local")
            + " for the KFP UI");
      }
      for (String option : List.of("--root", "--port", "--bind", "--classes", "--classpath")) {
        if (!local.local && given.hasMatchedOption(option)) {
          throw new ConfigException(terms().option(option) + " is for the local UI: add " + terms().option("--local")
              + " (without it, 'ui' prints the KFP UI's address)");
        }
      }
      if (local.local) {
        return local.serve(out(), err(), open, terms());
      }
      KfpClient kfp = server.kfp();
      URI link = run != null ? kfp.runUrl(run) : kfp.uiUrl();
      out().println(link);
      out().flush();
      if (open) {
        Browser.open(link, err());
      }
      return Kfp4j.OK;
    }
  }
}
