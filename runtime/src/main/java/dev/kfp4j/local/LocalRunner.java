package dev.kfp4j.local;

import dev.kfp4j.entrypoint.FileErrors;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BinaryOperator;
import java.util.stream.Stream;

/**
 * Runs a compiled workflow on this machine: the same file that goes to the cluster. Tasks run in
 * DAG order, in parallel up to a limit; parameters and files pass as the container protocol
 * passes them; conditions, loops, retries, timeouts, the exit handler and caching work as on
 * Argo. kfp4j's Java components run in this JVM (or as {@code java} subprocesses); any other
 * command runs as a subprocess, image ignored. With {@link Builder#containers}, every task runs in
 * its image instead, with docker or podman, as on a cluster.
 *
 * <pre>{@code
 * RunResult r = LocalRunner.builder().build().run(Workflow.resource(loader, AddExamplePipeline.RESOURCE),
 *     Map.of("value1", "3", "value2", "4"));
 * r.output("multiply", "Output"); // "-7"
 * }</pre>
 *
 * Each run has a folder {@code <root>/<pipeline>/<run-id>/} with a folder per task (inputs,
 * outputs, {@code log.txt}), {@code run.json}, rewritten as the run goes, and {@code journal.jsonl},
 * what {@link #resume} reads. A runner owns a run folder while it runs: a second runner of the
 * same folder is refused. Task processes end with the runner, however it ends.
 */
public final class LocalRunner {
  /** How kfp4j's own Java components run. */
  public enum JavaMode {
    /** In this JVM, with the task's output captured to its log: fastest. */
    IN_PROCESS,
    /** As a {@code java} subprocess on this JVM's classpath: isolated, killable on timeout. */
    SUBPROCESS
  }

  private final Path root;
  private final int parallelism;
  private final boolean caching;
  private final JavaMode javaMode;
  private final PrintStream console;
  private final boolean progress;
  private final boolean summary;
  private final boolean logs;
  private final LogBounds logBounds;
  private final ClassLoader classLoader;
  private final List<String> classpath;
  private final Containers containers;
  /** How errors and the tasks' notes name the command's options ({@link Builder#options}). */
  private final BinaryOperator<String> options;
  private List<String> engine;
  /** The id of each new run ({@link #newRunId}; a test's own). */
  private final java.util.function.Supplier<String> runIds;
  /** How many ids a new run tries before it gives up: each one another run's folder holds. */
  private static final int MAX_RUN_ID_TRIES = 100;

  /**
   * The copy of the workflow in each run folder, the pipeline the run ran as JSON, which {@code
   * PipelineGraph.read} draws: the Argo workflow, or the KFP 2 spec with its platform spec, if any,
   * as KFP's API holds the two ({@code pipeline_spec} and {@code platform_spec} of one object).
   */
  public static final String WORKFLOW_FILE = "workflow.json";

  /**
   * The {@code kfp4j} command's and {@link LocalRun}'s words for an option, from its name and value (null for the option
   * alone): {@code --engine}, {@code --map-image NAME=IMAGE}; errors say them unless {@link Builder#options} says others.
   */
  public static final BinaryOperator<String> COMMAND_OPTIONS = (name, value) -> value == null ? name : name + " " + value;

  private LocalRunner(Builder b) {
    this.root = b.root.toAbsolutePath();
    this.parallelism = b.parallelism;
    this.caching = b.caching;
    this.javaMode = b.javaMode;
    this.console = b.console;
    this.progress = b.progress;
    this.summary = b.summary;
    this.logs = b.logs;
    this.logBounds = b.logBounds;
    this.classLoader = b.classLoader;
    this.classpath = absolute(b.classpath != null ? b.classpath : defaultClasspath(b.classLoader));
    this.containers = b.containers;
    this.options = b.options;
    this.runIds = b.runIds;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Runs {@code workflow} with {@code arguments} (parameter name to text value); defaults fill the rest. */
  public RunResult run(Workflow workflow, Map<String, String> arguments) {
    workflow.checkRunnable();
    Map<String, String> parameters = workflow.arguments(arguments);
    engine(); // no engine: said before anything runs
    String runId = runIds.get();
    Path runDir = RunPaths.inside(root, workflow.name(), runId);
    try {
      Files.createDirectories(runDir.getParent());
      // made here, or another id: a folder of the same id (another run's, made at the same millisecond) is never shared
      for (int tries = 1; ; tries++) {
        try {
          Files.createDirectory(runDir);
          break;
        } catch (java.nio.file.FileAlreadyExistsException taken) {
          if (tries == MAX_RUN_ID_TRIES) {
            throw taken;
          }
          runId = runIds.get();
          runDir = RunPaths.inside(root, workflow.name(), runId);
        }
      }
      // the pipeline the run ran, for the local UI's picture of it
      Files.writeString(runDir.resolve(WORKFLOW_FILE), dev.kfp4j.yaml.Yaml.jsonText(workflow.runCopy()));
    } catch (IOException e) {
      throw new WorkflowException("cannot create the run folder " + runDir + ": " + FileErrors.why(e)
          + "; give a root (" + options.apply("--root", null) + ") that is a folder you can write, or can create");
    }
    try (RunLock lock = RunLock.acquire(runDir)) {
      RunRecord record = new RunRecord(runDir, workflow.name(), runId, parameters);
      return new Execution(this, workflow, parameters, runDir, runId, record, null).run();
    }
  }

  /**
   * Completes a run that was stopped: tasks that finished in it are not run again, their outputs
   * are reused; the rest run in the same folder.
   */
  public RunResult resume(Workflow workflow, Path runDir) {
    return resume(workflow, runDir, Map.of());
  }

  /**
   * As {@link #resume(Workflow, Path)}; a resumed run keeps the arguments it started with, so
   * {@code arguments} (as a command line gives them with the resume) must be those: any other is
   * refused before anything runs, rather than silently not used.
   */
  public RunResult resume(Workflow workflow, Path runDir, Map<String, String> arguments) {
    workflow.checkRunnable();
    Path dir = runDir.toAbsolutePath().normalize();
    if (!Files.isRegularFile(dir.resolve("run.json"))) {
      throw new WorkflowException(runDir + " is not a run folder: it has no run.json");
    }
    try (RunLock lock = RunLock.acquire(dir)) {
      PreviousRun previous = PreviousRun.load(dir);
      if (!previous.pipeline().equals(workflow.name())) {
        throw new WorkflowException(runDir + " is a run of '" + previous.pipeline() + "', not of '" + workflow.name() + "'");
      }
      Map<String, String> parameters = workflow.arguments(previous.arguments());
      for (Map.Entry<String, String> a : arguments.entrySet()) {
        if (!a.getValue().equals(parameters.get(a.getKey()))) {
          // the values unsaid, as every error about arguments: they may be credentials (its run.json holds them)
          throw new WorkflowException(runDir + " was started with " + (parameters.containsKey(a.getKey())
              ? "another value of '" + a.getKey() + "'" : "no parameter '" + a.getKey() + "'")
              + ", and a resumed run keeps the arguments it started with: leave out the argument '" + a.getKey()
              + "', or start a new run");
        }
      }
      // What the earlier runner left: processes that outlived it, and run.json's temp files.
      previous.processes().forEach(p -> ProcessGroups.stopLeftover(p.pid(), p.startMillis()));
      if (containers != null) {
        ContainerLauncher.removeLeftovers(engine(), previous.runId());
      }
      sweep(dir);
      Journal.dropCutLine(dir);
      RunRecord record = RunRecord.resumed(dir, previous, parameters);
      return new Execution(this, workflow, parameters, dir, previous.runId(), record, previous).run();
    }
  }

  /** Deletes the temp files of run.json that a killed runner left in {@code runDir}. */
  private static void sweep(Path runDir) {
    try (Stream<Path> files = Files.list(runDir)) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        if (WholeFiles.isStaged(name, Path.of("run.json")) && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
          Files.deleteIfExists(f);
        }
      }
    } catch (IOException e) {
      // left for the next resume
    }
  }

  /**
   * The classpath {@code java} subprocesses run on, when none is given: the class loaders' from
   * {@code loader} up (as {@code mvn exec:java} loads a project), then this JVM's.
   */
  static List<String> defaultClasspath(ClassLoader loader) {
    List<String> entries = new ArrayList<>();
    for (ClassLoader l = loader; l != null; l = l.getParent()) {
      if (l instanceof URLClassLoader u) {
        List<String> own = new ArrayList<>();
        for (URL url : u.getURLs()) {
          if (url.getProtocol().equals("file")) {
            try {
              own.add(Path.of(url.toURI()).toString());
            } catch (URISyntaxException | RuntimeException e) {
              // not a file this JVM can name
            }
          }
        }
        entries.addAll(0, own); // a parent's classes come first, as they load first
      }
    }
    for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      entries.add(e);
    }
    return entries;
  }

  /** Each entry made absolute against this JVM's working folder, empty and repeated ones dropped. */
  static List<String> absolute(List<String> entries) {
    Set<String> out = new LinkedHashSet<>();
    for (String e : entries) {
      if (!e.isBlank()) {
        try {
          out.add(Path.of(e).toAbsolutePath().normalize().toString());
        } catch (java.nio.file.InvalidPathException wildcard) {
          out.add(e); // such as dir/* on Windows: java expands it
        }
      }
    }
    return List.copyOf(out);
  }

  /** Sortable, and rarely the same twice: time, then random; {@link #run} makes its folder or takes another. */
  private static String newRunId() {
    return Timestamps.local(System.currentTimeMillis()) + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
  }

  Path root() {
    return root;
  }

  int parallelism() {
    return parallelism;
  }

  boolean caching() {
    return caching;
  }

  JavaMode javaMode() {
    return javaMode;
  }

  PrintStream console() {
    return console;
  }

  boolean showProgress() {
    return progress;
  }

  boolean summary() {
    return summary;
  }

  boolean logs() {
    return logs;
  }

  LogBounds logBounds() {
    return logBounds;
  }

  ClassLoader classLoader() {
    return classLoader;
  }

  List<String> classpath() {
    return classpath;
  }

  /** How tasks run in containers, or null when they run here. */
  Containers containers() {
    return containers;
  }

  /** The container engine's command, found once; null when tasks run here. */
  synchronized List<String> engine() {
    if (containers != null && engine == null) {
      engine = containers.command("run without " + options.apply("--containers", null), options);
    }
    return engine;
  }

  /** How errors and the tasks' notes name the command's options ({@link Builder#options}). */
  BinaryOperator<String> options() {
    return options;
  }

  /** Settings of a runner; every one has a default. */
  public static final class Builder {
    private Path root = Path.of(".kfp4j", "runs");
    private int parallelism = Runtime.getRuntime().availableProcessors();
    private boolean caching = true;
    private JavaMode javaMode = JavaMode.IN_PROCESS;
    private PrintStream console = System.out;
    private boolean progress = System.console() != null;
    private boolean summary = System.console() != null;
    private boolean logs;
    private LogBounds logBounds = LogBounds.DEFAULT;
    private ClassLoader classLoader =
        Thread.currentThread().getContextClassLoader() != null ? Thread.currentThread().getContextClassLoader() : LocalRunner.class.getClassLoader();
    private List<String> classpath;
    private Containers containers;
    private BinaryOperator<String> options = COMMAND_OPTIONS;
    private java.util.function.Supplier<String> runIds = LocalRunner::newRunId;

    private Builder() {}

    /** What of a task's output its log.txt keeps: tests' own, smaller. */
    Builder logBounds(LogBounds logBounds) {
      this.logBounds = logBounds;
      return this;
    }

    /** Where new runs' ids come from: tests' own, to give an id a folder already has. */
    Builder runIds(java.util.function.Supplier<String> runIds) {
      this.runIds = runIds;
      return this;
    }

    /**
     * How errors, and the notes in tasks' logs, name the {@code kfp4j} command's options, from their names and values, the
     * value null for an option alone ({@code --root}, {@code --map-image NAME=IMAGE}): as the command does by default ({@link
     * #COMMAND_OPTIONS}); a Maven goal names its properties ({@code -Dkfp4j.mapImages=NAME=IMAGE}).
     */
    public Builder options(BinaryOperator<String> options) {
      this.options = java.util.Objects.requireNonNull(options, "options");
      return this;
    }

    /** Where run folders and the cache go; default {@code .kfp4j/runs}. */
    public Builder root(Path root) {
      this.root = root;
      return this;
    }

    /** How many tasks run at once; default the number of cores. */
    public Builder parallelism(int parallelism) {
      if (parallelism < 1) {
        throw new IllegalArgumentException("parallelism must be at least 1");
      }
      this.parallelism = parallelism;
      return this;
    }

    /** Reuse outputs of tasks whose command and inputs are unchanged; default on. */
    public Builder caching(boolean caching) {
      this.caching = caching;
      return this;
    }

    public Builder javaMode(JavaMode mode) {
      this.javaMode = mode;
      return this;
    }

    /** Where progress and the summary go; default standard output. */
    public Builder console(PrintStream console) {
      this.console = console;
      return this;
    }

    /** Progress while running; default on when standard output is a terminal. */
    public Builder progress(boolean progress) {
      this.progress = progress;
      return this;
    }

    /** A summary table at the end; default on when standard output is a terminal. */
    public Builder summary(boolean summary) {
      this.summary = summary;
      return this;
    }

    /**
     * Each task's output (stdout and stderr) on the console as it comes, every line after the
     * task's name, besides its {@code log.txt}; default off.
     */
    public Builder logs(boolean logs) {
      this.logs = logs;
      return this;
    }

    /** Where in-process Java components are loaded from; default the context class loader. */
    public Builder classLoader(ClassLoader loader) {
      this.classLoader = loader;
      return this;
    }

    /**
     * The classpath of {@code java} subprocesses, entries relative to the working folder allowed;
     * default the class loader's (above) and this JVM's.
     */
    public Builder classpath(String classpath) {
      this.classpath = List.of(classpath.split(File.pathSeparator));
      return this;
    }

    /**
     * Runs every task in its image with docker or podman, as a cluster would ({@link Containers});
     * null (the default) runs them on this machine.
     */
    public Builder containers(Containers containers) {
      this.containers = containers;
      return this;
    }

    public LocalRunner build() {
      return new LocalRunner(this);
    }
  }
}
