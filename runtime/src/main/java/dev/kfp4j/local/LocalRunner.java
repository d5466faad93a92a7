package dev.kfp4j.local;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs a compiled workflow on this machine: the same file that goes to the cluster. Tasks run in
 * DAG order, in parallel up to a limit; parameters and files pass as the container protocol
 * passes them; conditions, loops, retries, timeouts, the exit handler and caching work as on
 * Argo. kfp4j's Java components run in this JVM (or as {@code java} subprocesses); any other
 * command runs as a subprocess, image ignored.
 *
 * <pre>{@code
 * RunResult r = LocalRunner.builder().build().run(Workflow.resource(loader, AddExamplePipeline.RESOURCE),
 *     Map.of("value1", "3", "value2", "4"));
 * r.output("multiply", "Output"); // "-7"
 * }</pre>
 *
 * Each run has a folder {@code <root>/<pipeline>/<run-id>/} with a folder per task (inputs,
 * outputs, {@code log.txt}) and {@code run.json}, rewritten as the run goes.
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
  private final ClassLoader classLoader;
  private final String classpath;

  private LocalRunner(Builder b) {
    this.root = b.root.toAbsolutePath();
    this.parallelism = b.parallelism;
    this.caching = b.caching;
    this.javaMode = b.javaMode;
    this.console = b.console;
    this.progress = b.progress;
    this.summary = b.summary;
    this.classLoader = b.classLoader;
    this.classpath = b.classpath;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Runs {@code workflow} with {@code arguments} (parameter name to text value); defaults fill the rest. */
  public RunResult run(Workflow workflow, Map<String, String> arguments) {
    workflow.checkRunnable();
    Map<String, String> parameters = workflow.arguments(arguments);
    String runId = newRunId();
    Path runDir = root.resolve(workflow.name()).resolve(runId);
    try {
      Files.createDirectories(runDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the run folder " + runDir, e);
    }
    RunRecord record = new RunRecord(runDir, workflow.name(), runId, parameters);
    return new Execution(this, workflow, parameters, runDir, runId, record, null).run();
  }

  /**
   * Completes a run that was stopped: tasks that finished in it are not run again, their outputs
   * are reused; the rest run in the same folder.
   */
  public RunResult resume(Workflow workflow, Path runDir) {
    workflow.checkRunnable();
    RunRecord previous = RunRecord.load(runDir);
    if (!previous.pipeline().equals(workflow.name())) {
      throw new WorkflowException(runDir + " is a run of '" + previous.pipeline() + "', not of '" + workflow.name() + "'");
    }
    Map<String, String> parameters = workflow.arguments(previous.arguments());
    RunRecord record = new RunRecord(runDir, workflow.name(), previous.runId(), parameters);
    return new Execution(this, workflow, parameters, runDir, previous.runId(), record, previous).run();
  }

  /** Sortable and unique: time, then random, so runs started at once never share a folder. */
  private static String newRunId() {
    return LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"))
        + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
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

  ClassLoader classLoader() {
    return classLoader;
  }

  String classpath() {
    return classpath;
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
    private ClassLoader classLoader =
        Thread.currentThread().getContextClassLoader() != null ? Thread.currentThread().getContextClassLoader() : LocalRunner.class.getClassLoader();
    private String classpath = System.getProperty("java.class.path");

    private Builder() {}

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

    /** Where in-process Java components are loaded from; default the context class loader. */
    public Builder classLoader(ClassLoader loader) {
      this.classLoader = loader;
      return this;
    }

    /** The classpath of {@code java} subprocesses; default this JVM's. */
    public Builder classpath(String classpath) {
      this.classpath = classpath;
      return this;
    }

    public LocalRunner build() {
      return new LocalRunner(this);
    }
  }
}
