package dev.kfp4j.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a compiled pipeline from the command line and prints each task's outputs:
 *
 * <pre>
 * java -cp &lt;classpath&gt; dev.kfp4j.local.LocalRun &lt;pipeline.yaml | classpath resource&gt; [name=value ...]
 *     [--root DIR] [--parallelism N] [--no-cache] [--subprocess] [--resume RUN_DIR] [--summary] [--logs]
 *     [--containers [--engine docker|podman|PATH] [--engine-arg ARG]... [--map-image NAME=IMAGE]...]
 * </pre>
 *
 * Prints each output on standard output, and the run's folder on standard error. Exit codes: 0
 * the run succeeded, 1 it failed, 2 bad arguments, a workflow it cannot run, or a run folder it
 * cannot resume, 5 the run's record could not be written ({@code run.json}: a full disk, say), as {@code kfp4j run}.
 */
public final class LocalRun {
  private static final String USAGE =
      "usage: LocalRun <pipeline.yaml (Argo Workflow or KFP 2 pipeline spec) | classpath resource> [name=value ...] [--root DIR] [--parallelism N] [--no-cache] [--subprocess] [--resume RUN_DIR] [--summary] [--logs]"
      + " [--containers [--engine docker|podman|PATH] [--engine-arg ARG]... [--map-image NAME=IMAGE]...]";

  private LocalRun() {}

  public static void main(String[] args) {
    int code = run(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** The options that take a value, which may also follow them after '=' ({@code --root=DIR}), as kfp4j run takes them. */
  private static final Set<String> VALUED = Set.of("--root", "--parallelism", "--resume", "--engine",
      "--engine-arg", "--map-image");

  /** Runs and returns the exit code. */
  public static int run(String[] given) {
    List<String> split = new ArrayList<>();
    for (int i = 0; i < given.length; i++) {
      String a = given[i];
      int eq = a.indexOf('=');
      if (eq > 0 && VALUED.contains(a.substring(0, eq))) {
        split.add(a.substring(0, eq));
        split.add(a.substring(eq + 1));
      } else {
        split.add(a);
        if (VALUED.contains(a) && i + 1 < given.length) {
          split.add(given[++i]); // a value as it is, even one such as --root=x (an engine's argument)
        }
      }
    }
    String[] args = split.toArray(String[]::new);
    LocalRunner.Builder builder = LocalRunner.builder();
    Map<String, String> arguments = new LinkedHashMap<>();
    String workflowArg = null;
    Path resume = null;
    boolean inContainers = false;
    String engine = null;
    List<String> engineArgs = null;
    Map<String, String> images = new LinkedHashMap<>();
    try {
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--root" -> builder.root(Path.of(value(args, ++i, a)));
          case "--parallelism" -> builder.parallelism(atLeastOne(number(value(args, ++i, a), a), a));
          case "--no-cache" -> builder.caching(false);
          case "--subprocess" -> builder.javaMode(LocalRunner.JavaMode.SUBPROCESS);
          case "--resume" -> resume = Path.of(value(args, ++i, a));
          case "--summary" -> builder.summary(true);
          case "--logs" -> builder.logs(true);
          case "--containers" -> inContainers = true;
          case "--engine" -> engine = value(args, ++i, a);
          case "--engine-arg" -> {
            engineArgs = engineArgs == null ? new ArrayList<>() : engineArgs;
            engineArgs.add(value(args, ++i, a));
          }
          case "--map-image" -> {
            String m = value(args, ++i, a);
            if (m.indexOf('=') <= 0 || m.endsWith("=")) {
              throw new IllegalArgumentException("--map-image takes NAME=IMAGE, found '" + m + "'");
            }
            images.put(m.substring(0, m.indexOf('=')), m.substring(m.indexOf('=') + 1));
          }
          case "-h", "--help" -> {
            System.out.println(USAGE);
            return 0;
          }
          default -> {
            if (a.startsWith("--")) {
              throw new IllegalArgumentException("unknown option " + a);
            } else if (workflowArg == null) {
              workflowArg = a;
            } else if (a.contains("=")) {
              String name = a.substring(0, a.indexOf('='));
              if (arguments.put(name, a.substring(a.indexOf('=') + 1)) != null) { // its values unsaid: they may be credentials
                throw new IllegalArgumentException("pipeline argument '" + name + "' is given twice; give each parameter once");
              }
            } else {
              throw new IllegalArgumentException("expected name=value, found '" + a + "'");
            }
          }
        }
      }
      if (workflowArg == null) {
        throw new IllegalArgumentException("name the pipeline to run");
      }
      if (!inContainers && (engine != null || engineArgs != null || !images.isEmpty())) {
        throw new IllegalArgumentException("--engine, --engine-arg and --map-image are for --containers");
      }
      if (inContainers) {
        Containers c = Containers.engine(engine);
        if (engineArgs != null) {
          c = c.withEngineArgs(engineArgs);
        }
        for (Map.Entry<String, String> m : images.entrySet()) {
          c = c.withImage(m.getKey(), m.getValue());
        }
        builder.containers(c);
      }
    } catch (IllegalArgumentException e) {
      System.err.println(USAGE);
      System.err.println("LocalRun: error: " + e.getMessage());
      return 2;
    }
    RunResult result;
    try {
      Path file = Path.of(workflowArg);
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      if (!Files.isRegularFile(file) && loader.getResource(workflowArg) == null) {
        throw new WorkflowException("no pipeline file '" + workflowArg + "' here (" + Path.of("").toAbsolutePath()
            + "), nor a resource of that name on the classpath; name a compiled pipeline's file, such as"
            + " target/classes/META-INF/kfp4j/pipelines/<name>.yaml");
      }
      Workflow workflow = Files.isRegularFile(file) ? Workflow.read(file) : Workflow.resource(loader, workflowArg);
      LocalRunner runner = builder.build();
      result = resume != null ? runner.resume(workflow, resume, arguments) : runner.run(workflow, arguments);
    } catch (WorkflowException e) { // its arguments, or the pipeline they name: a usage error, as kfp4j run's
      System.err.println(USAGE);
      System.err.println("LocalRun: error: " + e.getMessage());
      return 2;
    } catch (java.io.UncheckedIOException e) { // the run's record could not be written at its end (a full disk): after the summary
      System.out.flush();
      System.err.println("LocalRun: error: " + e.getMessage());
      return 5;
    }
    for (String line : results(result)) {
      System.out.println(line);
    }
    System.out.flush();
    System.err.println("run folder: " + result.runDir());
    UiLink.runPage(result.runDir().getParent().getParent(), result.pipeline(), result.runId())
        .ifPresent(page -> System.err.println("run page: " + page));
    return result.succeeded() ? 0 : 1;
  }

  /**
   * {@code task = value} for a task's single {@code Output}, else {@code task.output = value};
   * a task in a loop shown with its item, as {@code for-loop-1(0:10)/add}. Then each of the pipeline's outputs, {@code
   * pipeline output NAME = value} (a task's label has no space, so the two never read alike).
   */
  public static List<String> results(RunResult result) {
    List<String> lines = new ArrayList<>();
    for (TaskResult t : result.tasks()) {
      if (!t.state().ok()) {
        continue;
      }
      if (t.outputs().size() == 1 && t.outputs().containsKey("Output")) {
        lines.add(t.label() + " = " + t.outputs().get("Output"));
      } else {
        t.outputs().forEach((k, v) -> lines.add(t.label() + "." + k + " = " + v));
      }
    }
    result.outputs().forEach((k, v) -> lines.add("pipeline output " + k + " = " + v));
    return lines;
  }

  private static int number(String text, String option) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " takes a whole number, found '" + text + "'");
    }
  }

  private static int atLeastOne(int n, String option) {
    if (n < 1) {
      throw new IllegalArgumentException(option + " must be at least 1, not " + n);
    }
    return n;
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }
}
