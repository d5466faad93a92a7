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
import java.util.function.Function;
import org.mlflow.api.proto.Service.CreateRun;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.Run;
import org.mlflow.api.proto.Service.RunTag;
import org.mlflow.api.proto.Service.ViewType;
import org.mlflow.tracking.MlflowClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The steps MLflow tracking adds to a pipeline ({@code dev.kfp4j.tracking.MlflowTracking}), run as
 * {@code java -cp ... dev.kfp4j.mlflow.MlflowSteps <step> <flags>}:
 *
 * <ul>
 *   <li>{@code mlflow-start-run --tracking-uri URI --experiment NAME --pipeline NAME
 *       --kubeflow-run-id ID [--param NAME=VALUE]... --run-id-file PATH}: starts the pipeline run's
 *       MLflow run in the experiment (made when missing), tagged {@code kubeflow_run_id} and {@code
 *       kubeflow_pipeline}, logs the pipeline's arguments as its parameters, and writes its id;
 *   <li>{@code mlflow-log-metrics --metrics FILE}: logs a step's KFP v1 {@code mlpipeline-metrics}
 *       ({@code {"metrics": [{"name": ..., "numberValue": ...}]}}) to the run in {@code
 *       MLFLOW_RUN_ID}.
 * </ul>
 *
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
  private static final String USAGE_LINE = "usage: MlflowSteps mlflow-start-run --tracking-uri URI --experiment NAME "
      + "--pipeline NAME --kubeflow-run-id ID [--param NAME=VALUE]... --run-id-file PATH\n"
      + "       MlflowSteps mlflow-log-metrics --metrics FILE";

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
    for (int i = 1; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        return usage(err, "expected --FLAG VALUE at '" + args[i] + "'");
      }
      flags.computeIfAbsent(args[i].substring(2), k -> new ArrayList<>()).add(args[i + 1]);
    }
    try {
      switch (args[0]) {
        case "mlflow-start-run":
          return startRun(flags, env, out, err);
        case "mlflow-log-metrics":
          return logMetrics(flags, env, out, err);
        default:
          return usage(err, "unknown step '" + args[0] + "'");
      }
    } catch (Usage u) {
      return usage(err, u.getMessage());
    } catch (RuntimeException | IOException e) {
      err.println("mlflow: " + e);
      return FAILED;
    }
  }

  private static int startRun(Map<String, List<String>> flags, Function<String, String> env, PrintStream out, PrintStream err)
      throws IOException {
    known(flags, "tracking-uri", "experiment", "pipeline", "kubeflow-run-id", "param", "run-id-file");
    String uri = one(flags, "tracking-uri");
    String experiment = one(flags, "experiment");
    String pipeline = one(flags, "pipeline");
    String kfpRunId = one(flags, "kubeflow-run-id");
    Path runIdFile = Path.of(one(flags, "run-id-file"));
    List<Param> params = new ArrayList<>();
    for (String p : flags.getOrDefault("param", List.of())) {
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw new Usage("--param " + p + ": write NAME=VALUE");
      }
      params.add(Param.newBuilder().setKey(p.substring(0, eq)).setValue(p.substring(eq + 1)).build());
    }
    try (MlflowClient client = Servers.of(uri, env).client()) {
      String experimentId = client.getExperimentByName(experiment).map(e -> e.getExperimentId())
          .orElseGet(() -> client.createExperiment(experiment));
      // A retried step (a retry, a resumed local run) finds the run it started before.
      List<Run> earlier = client.searchRuns(List.of(experimentId),
          "tags." + RUN_ID_TAG + " = '" + kfpRunId.replace("'", "\\'") + "'", ViewType.ACTIVE_ONLY, 1).getItems();
      String runId;
      if (!earlier.isEmpty()) {
        runId = earlier.get(0).getInfo().getRunId();
      } else {
        runId = client.createRun(CreateRun.newBuilder().setExperimentId(experimentId)
            .setRunName(pipeline + "-" + kfpRunId).setStartTime(System.currentTimeMillis())
            .addTags(RunTag.newBuilder().setKey(RUN_ID_TAG).setValue(kfpRunId))
            .addTags(RunTag.newBuilder().setKey(PIPELINE_TAG).setValue(pipeline)).build()).getRunId();
        if (!params.isEmpty()) {
          client.logBatch(runId, List.of(), params, List.of());
        }
      }
      if (runIdFile.getParent() != null) {
        Files.createDirectories(runIdFile.getParent());
      }
      Files.writeString(runIdFile, runId, StandardCharsets.UTF_8);
      out.println("MLflow run " + runId + " in experiment '" + experiment + "' (" + experimentId + ") for " + kfpRunId);
      return OK;
    }
  }

  private static int logMetrics(Map<String, List<String>> flags, Function<String, String> env, PrintStream out,
      PrintStream err) throws IOException {
    known(flags, "metrics");
    Path file = Path.of(one(flags, "metrics"));
    JsonNode root;
    try {
      root = JsonMapper.shared().readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (JacksonException e) {
      err.println("mlflow: " + file + " is not JSON: " + e.getOriginalMessage());
      return FAILED;
    }
    Map<String, Double> metrics = new LinkedHashMap<>();
    for (JsonNode m : root.path("metrics")) {
      JsonNode value = m.path("numberValue");
      if (m.path("name").isString() && value.isNumber()) {
        metrics.put(m.get("name").asString(), value.asDouble());
      }
    }
    try (MlflowRun run = Mlflow.fromEnvironment(env)) {
      if (run == null) {
        err.println("mlflow: MLFLOW_TRACKING_URI and MLFLOW_RUN_ID are not both set; nothing logged");
        return FAILED;
      }
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
