package dev.kfp4j.mlflow;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The steps MLflow tracking adds to a pipeline ({@code dev.kfp4j.tracking.MlflowTracking}), run as
 * {@code java -cp ... dev.kfp4j.mlflow.MlflowSteps <step> <flags>}, the server in {@code
 * MLFLOW_TRACKING_URI} and its credentials in MLflow's own variables ({@link Servers}):
 *
 * <ul>
 *   <li>{@code mlflow-start-run --experiment NAME --pipeline NAME --kubeflow-run-id ID [--param
 *       NAME=VALUE]... --run-id-file PATH}: starts the pipeline run's MLflow run in the experiment
 *       (made when missing), tagged {@code kubeflow_run_id} and {@code kubeflow_pipeline}, logs the
 *       pipeline's arguments as its parameters, and writes its id;
 *   <li>{@code mlflow-log-metrics --metrics FILE --run-id ID}: logs a step's KFP v1 {@code
 *       mlpipeline-metrics} ({@code {"metrics": [{"name": ..., "numberValue": ...}]}}) to the run;
 *   <li>{@code mlflow-end-run --experiment NAME --kubeflow-run-id ID --status STATUS}: in the exit
 *       handler, ends the run tagged with the KFP run id: {@code FINISHED} when the pipeline's
 *       status is {@code Succeeded} (Argo's {@code {{workflow.status}}}) or KFP 2's final status
 *       {@code {"state": "SUCCEEDED", ...}}, else {@code FAILED}, with its end time.
 * </ul>
 *
 * In KFP 2 each step takes {@code <step> --executor_input <json>} instead, KFP's executor input,
 * whose parameters and artifacts are the flags above ({@code param-NAME} a {@code --param}).
 * Exit codes as the generated entrypoints': 0 done, 1 failed, 2 bad arguments.
 */
public final class MlflowSteps {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;
  /** The tag holding the KFP run id, as kedro-kubeflow names it. */
  public static final String RUN_ID_TAG = "kubeflow_run_id";
  /** The tag holding the pipeline's name. */
  public static final String PIPELINE_TAG = "kubeflow_pipeline";
  private static final String PARAM_PREFIX = "param-";
  private static final String USAGE_LINE = "usage: MlflowSteps mlflow-start-run [--tracking-uri URI] --experiment NAME "
      + "--pipeline NAME --kubeflow-run-id ID [--param NAME=VALUE]... --run-id-file PATH\n"
      + "       MlflowSteps mlflow-log-metrics --metrics FILE [--run-id ID]\n"
      + "       MlflowSteps mlflow-end-run --experiment NAME --kubeflow-run-id ID --status STATUS\n"
      + "       MlflowSteps <step> --executor_input JSON";

  private MlflowSteps() {}

  public static void main(String[] args) {
    int code = run(args);
    if (code != OK) {
      System.exit(code);
    }
  }

  /** Runs a step; never exits the JVM (the local runner calls this in its own process). */
  public static int run(String[] args) {
    return run(args, System::getenv, System.out, System.err);
  }

  static int run(String[] args, Function<String, String> env, PrintStream out, PrintStream err) {
    Map<String, List<String>> flags = new LinkedHashMap<>();
    if (args.length == 0) {
      return usage(err, "the step to run is missing");
    }
    try {
      if (args.length > 1 && args[1].equals(ExecutorInputs.FLAG)) {
        if (args.length != 3) {
          return usage(err, ExecutorInputs.FLAG + " takes one argument, the executor input, and nothing follows it");
        }
        flags = ExecutorInputs.flags(args[2], PARAM_PREFIX);
      } else {
        for (int i = 1; i < args.length; i += 2) {
          if (!args[i].startsWith("--") || i + 1 >= args.length) {
            return usage(err, "expected --FLAG VALUE at '" + args[i] + "'");
          }
          flags.computeIfAbsent(args[i].substring(2), k -> new ArrayList<>()).add(args[i + 1]);
        }
      }
      switch (args[0]) {
        case "mlflow-start-run":
          return startRun(flags, env, out);
        case "mlflow-log-metrics":
          return logMetrics(flags, env, out, err);
        case "mlflow-end-run":
          return endRun(flags, env, out, err);
        default:
          return usage(err, "unknown step '" + args[0] + "'");
      }
    } catch (Usage u) {
      return usage(err, u.getMessage());
    } catch (RuntimeException | IOException e) {
      err.println("mlflow: " + Failures.of(e, knownServer(flags, env)));
      return FAILED;
    }
  }

  /** {@link #server}, or null when none is given. */
  private static Servers knownServer(Map<String, List<String>> flags, Function<String, String> env) {
    String uri = flags.containsKey("tracking-uri") ? flags.get("tracking-uri").get(0) : env.apply(Mlflow.TRACKING_URI_ENV);
    try {
      return uri == null || uri.isBlank() ? null : Servers.of(uri, env);
    } catch (MlflowException notAUrl) { // what failed, said as it is
      return null;
    }
  }

  /** The server: {@code --tracking-uri} when given, else {@code MLFLOW_TRACKING_URI}, with the environment's credentials. */
  private static Servers server(Map<String, List<String>> flags, Function<String, String> env) {
    String uri = flags.containsKey("tracking-uri") ? one(flags, "tracking-uri") : env.apply(Mlflow.TRACKING_URI_ENV);
    if (uri == null || uri.isBlank()) {
      throw new Usage("no tracking server: set MLFLOW_TRACKING_URI (or pass --tracking-uri)");
    }
    return Servers.of(uri, env);
  }

  private static int startRun(Map<String, List<String>> flags, Function<String, String> env, PrintStream out)
      throws IOException {
    known(flags, "tracking-uri", "experiment", "pipeline", "kubeflow-run-id", "param", "run-id-file");
    String experiment = one(flags, "experiment");
    String pipeline = one(flags, "pipeline");
    String kfpRunId = one(flags, "kubeflow-run-id");
    Path runIdFile = Path.of(one(flags, "run-id-file"));
    List<Map.Entry<String, String>> params = new ArrayList<>();
    for (String p : flags.getOrDefault("param", List.of())) {
      int eq = p.indexOf('=');
      if (eq <= 0) {
        // what was given is not said: a pipeline's argument without its NAME= may be a credential, and the pod's log keeps it
        throw new Usage("a --param has " + (eq == 0 ? "no name before '='" : "no '='") + "; write --param NAME=VALUE (what was "
            + "given is not shown: it may hold a credential)");
      }
      params.add(Map.entry(p.substring(0, eq), p.substring(eq + 1)));
    }
    TrackingApi api = new TrackingApi(server(flags, env));
    String experimentId = api.experimentId(experiment).orElseGet(() -> api.createExperiment(experiment));
    // A retried step (a retry, a resumed local run) finds the run it started before.
    String runId = api.findRun(experimentId, filter(kfpRunId)).orElse(null);
    if (runId == null) {
      runId = api.createRun(experimentId, pipeline + "-" + kfpRunId,
          List.of(Map.entry(RUN_ID_TAG, kfpRunId), Map.entry(PIPELINE_TAG, pipeline)));
      if (!params.isEmpty()) {
        api.logParams(runId, params);
      }
    }
    if (runIdFile.getParent() != null) {
      Files.createDirectories(runIdFile.getParent());
    }
    Files.writeString(runIdFile, runId, StandardCharsets.UTF_8);
    out.println("MLflow run " + runId + " in experiment '" + experiment + "' (" + experimentId + ") for " + kfpRunId);
    return OK;
  }

  private static int endRun(Map<String, List<String>> flags, Function<String, String> env, PrintStream out, PrintStream err) {
    known(flags, "tracking-uri", "experiment", "kubeflow-run-id", "status");
    String experiment = one(flags, "experiment");
    String kfpRunId = one(flags, "kubeflow-run-id");
    String status = one(flags, "status");
    TrackingApi api = new TrackingApi(server(flags, env));
    Optional<String> runId = find(api, experiment, kfpRunId);
    if (runId.isEmpty()) {
      err.println("mlflow: no MLflow run in experiment '" + experiment + "' is tagged " + RUN_ID_TAG + " = " + kfpRunId
          + " (the pipeline ended before mlflow-start-run started it); nothing to end");
      return OK;
    }
    String ended = end(api, runId.get(), status);
    out.println("MLflow run " + runId.get() + " " + ended + " (the pipeline's status: " + status + ")");
    return OK;
  }

  /** Ends {@code runId}: FINISHED when {@code pipelineStatus} says the pipeline succeeded, else FAILED; the status set. */
  static String end(TrackingApi api, String runId, String pipelineStatus) {
    String status = succeeded(pipelineStatus) ? "FINISHED" : "FAILED";
    api.end(runId, status);
    return status;
  }

  /**
   * Whether a pipeline's status is success: Argo's {@code Succeeded} ({@code {{workflow.status}}}),
   * or KFP 2's {@code PipelineTaskFinalStatus} as JSON, {@code {"state": "SUCCEEDED", ...}}.
   */
  static boolean succeeded(String status) {
    String s = status.strip();
    if (s.startsWith("{")) {
      try {
        s = JsonValues.string(JsonValues.path(JsonValues.parse(s), "state"), "");
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
    return s.equalsIgnoreCase("Succeeded");
  }

  /** The active run of experiment {@code experiment} (by name) tagged with {@code kfpRunId}. */
  static Optional<String> find(TrackingApi api, String experiment, String kfpRunId) {
    Optional<String> id = api.experimentId(experiment);
    return id.isEmpty() ? Optional.empty() : api.findRun(id.get(), filter(kfpRunId));
  }

  /** The search filter of the runs tagged with {@code kfpRunId}. */
  private static String filter(String kfpRunId) {
    return "tags." + RUN_ID_TAG + " = '" + kfpRunId.replace("'", "\\'") + "'";
  }

  private static int logMetrics(Map<String, List<String>> flags, Function<String, String> env, PrintStream out,
      PrintStream err) throws IOException {
    known(flags, "tracking-uri", "metrics", "run-id");
    Path file = Path.of(one(flags, "metrics"));
    Object root;
    try {
      root = JsonValues.parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      err.println("mlflow: " + file + " is not JSON: " + e.getMessage());
      return FAILED;
    }
    Map<String, Double> metrics = new LinkedHashMap<>();
    for (Object m : JsonValues.elements(JsonValues.path(root, "metrics"))) {
      if (JsonValues.path(m, "name") instanceof String name && JsonValues.path(m, "numberValue") instanceof Number value) {
        if (!Double.isFinite(value.doubleValue())) { // Python's json writes NaN and Infinity; none is logged then
          err.println("mlflow: " + file + ": metric '" + name + "' is " + value + "; MLflow keeps finite numbers only");
          return FAILED;
        }
        metrics.put(name, value.doubleValue());
      }
    }
    String runId = flags.containsKey("run-id") ? one(flags, "run-id") : env.apply(Mlflow.RUN_ID_ENV);
    if (runId == null || runId.isBlank()) {
      throw new Usage("--run-id (or MLFLOW_RUN_ID) is needed: the MLflow run to log to");
    }
    try (MlflowRun run = new MlflowRun(server(flags, env), runId)) {
      for (Map.Entry<String, Double> m : metrics.entrySet()) {
        run.logMetric(m.getKey(), m.getValue());
      }
    }
    out.println("logged " + metrics.size() + " metric(s) " + metrics.keySet());
    return OK;
  }

  private static void known(Map<String, List<String>> flags, String... names) {
    List<String> allowed = List.of(names);
    for (String f : flags.keySet()) {
      if (!allowed.contains(f)) {
        throw new Usage("unknown flag --" + f + "; the flags are --" + String.join(", --", allowed));
      }
    }
  }

  private static String one(Map<String, List<String>> flags, String name) {
    List<String> v = flags.get(name);
    if (v == null || v.size() != 1) {
      throw new Usage("--" + name + " is needed once");
    }
    return v.get(0);
  }

  private static int usage(PrintStream err, String message) {
    err.println(USAGE_LINE);
    err.println("MlflowSteps: error: " + message);
    return USAGE;
  }

  /** Bad arguments. */
  private static final class Usage extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Usage(String message) {
      super(message);
    }
  }
}
