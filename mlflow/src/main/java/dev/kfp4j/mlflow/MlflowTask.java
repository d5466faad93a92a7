package dev.kfp4j.mlflow;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs a kfp4j Java component of a tracked pipeline, so that {@link Mlflow}'s calls in it log to
 * the pipeline run's MLflow run: {@code java -cp ... dev.kfp4j.mlflow.MlflowTask
 * <EntrypointClass>:<component> <arguments>}. The run comes as inputs the tracking added to the
 * component, which the generated entrypoint does not know, so they are taken out before it runs:
 *
 * <ul>
 *   <li>{@code mlflow-run-id}: the run's id (a task of the pipeline's DAG, after {@code
 *       mlflow-start-run});
 *   <li>{@code mlflow-kubeflow-run-id} and {@code mlflow-experiment}: the run is found by its tag
 *       (the exit task, which reads no task's output), and with {@code mlflow-status}, the
 *       pipeline's status, ended after the component, as {@code mlflow-end-run} ends it.
 * </ul>
 *
 * In KFP v1 (Argo) they come first, as {@code --mlflow-run-id ID ...}; in KFP 2 in the executor
 * input's parameters ({@code --executor_input JSON}), where KFP 2 cannot set a variable from a
 * value. The server and its credentials are in the environment ({@code MLFLOW_TRACKING_URI}, ...).
 * The exit code is the component's; a server {@link MlflowSteps} would refuse ({@link Servers#of}: not an http(s) URL,
 * credentials or a query in it) is {@link MlflowSteps#FAILED}, said on one line, and the component does not run.
 */
public final class MlflowTask {
  static final String RUN_ID = "mlflow-run-id";
  static final String KUBEFLOW_RUN_ID = "mlflow-kubeflow-run-id";
  static final String EXPERIMENT = "mlflow-experiment";
  static final String STATUS = "mlflow-status";

  private MlflowTask() {}

  public static void main(String[] args) {
    int code = run(args);
    if (code != MlflowSteps.OK) {
      System.exit(code);
    }
  }

  /** Runs the component; never exits the JVM (the local runner calls this in its own process). */
  public static int run(String[] args) {
    return run(args, System::getenv, System.err);
  }

  static int run(String[] args, Function<String, String> env, PrintStream err) {
    int colon = args.length == 0 ? -1 : args[0].lastIndexOf(':');
    if (colon <= 0 || colon == args[0].length() - 1) {
      err.println("usage: MlflowTask <EntrypointClass>:<component> <arguments>");
      err.println("MlflowTask: error: the first argument names the entrypoint class and the component, such as dev.acme.StepsEntrypoint:train");
      return MlflowSteps.USAGE;
    }
    Method entrypoint;
    try {
      entrypoint = entrypoint(args[0].substring(0, colon));
    } catch (ReflectiveOperationException e) {
      err.println("MlflowTask: error: no entrypoint " + args[0].substring(0, colon) + " with a static int run(String[]) on the classpath");
      return MlflowSteps.USAGE;
    }
    Map<String, String> mlflow = new LinkedHashMap<>();
    List<String> rest = new ArrayList<>();
    rest.add(args[0].substring(colon + 1));
    if (args.length == 3 && args[1].equals(ExecutorInputs.FLAG)) {
      rest.add(args[1]);
      rest.add(withoutOurs(args[2], mlflow));
    } else {
      int i = 1;
      while (i + 1 < args.length && args[i].startsWith("--mlflow-")) {
        mlflow.put(args[i].substring(2), args[i + 1]);
        i += 2;
      }
      rest.addAll(List.of(args).subList(i, args.length));
    }
    Servers server;
    try {
      server = server(env, err);
    } catch (MlflowException refused) { // as the steps refuse it: the component's calls would not be logged, so it does not run
      err.println("mlflow: " + Failures.of(refused, null));
      return MlflowSteps.FAILED;
    }
    String runId = server == null ? null : start(server, mlflow, err);
    int code = call(entrypoint, rest.toArray(String[]::new));
    if (runId != null && mlflow.containsKey(STATUS)) {
      try {
        err.println("mlflow: run " + runId + " " + MlflowSteps.end(new TrackingApi(server), runId, mlflow.get(STATUS)) + " (the pipeline's status: "
            + mlflow.get(STATUS) + ")");
      } catch (RuntimeException e) {
        err.println("mlflow: could not end run " + runId + ": " + Failures.of(e, server));
        return code == MlflowSteps.OK ? MlflowSteps.FAILED : code;
      }
    }
    return code;
  }

  /** The executor input without the inputs tracking added, which go to {@code ours}. */
  private static String withoutOurs(String json, Map<String, String> ours) {
    Map<String, Object> root = ExecutorInputs.parse(json);
    if (JsonValues.path(root, "inputs", "parameterValues") instanceof Map<?, ?> values) {
      for (String name : List.of(RUN_ID, KUBEFLOW_RUN_ID, EXPERIMENT, STATUS)) {
        Object v = values.remove(name);
        if (v != null) {
          ours.put(name, JsonValues.text(v));
        }
      }
    }
    return JsonValues.write(root);
  }

  /**
   * The server in {@code MLFLOW_TRACKING_URI}, or null when it is not set (untracked: a warning).
   *
   * @throws MlflowException when the steps would refuse it ({@link Servers#of}), saying so without its credentials or query
   */
  private static Servers server(Function<String, String> env, PrintStream err) {
    String uri = env.apply(Mlflow.TRACKING_URI_ENV);
    if (uri == null || uri.isBlank()) {
      err.println("mlflow: MLFLOW_TRACKING_URI is not set; the component runs without tracking");
      return null;
    }
    return Servers.of(uri, env);
  }

  /** Points {@link Mlflow} at the run {@code mlflow} names on {@code server}; its id, or null (untracked: a warning). */
  private static String start(Servers server, Map<String, String> mlflow, PrintStream err) {
    String runId = mlflow.get(RUN_ID);
    if (runId == null && mlflow.containsKey(KUBEFLOW_RUN_ID) && mlflow.containsKey(EXPERIMENT)) {
      try {
        Optional<String> found = MlflowSteps.find(new TrackingApi(server), mlflow.get(EXPERIMENT), mlflow.get(KUBEFLOW_RUN_ID));
        runId = found.orElse(null);
      } catch (RuntimeException e) {
        err.println("mlflow: cannot look up the run of " + mlflow.get(KUBEFLOW_RUN_ID) + ": " + Failures.of(e, server));
      }
      if (runId == null) {
        err.println("mlflow: no MLflow run is tagged " + MlflowSteps.RUN_ID_TAG + " = " + mlflow.get(KUBEFLOW_RUN_ID)
            + "; the component runs without tracking");
      }
    }
    if (runId != null) {
      Mlflow.use(new MlflowRun(server, runId));
    }
    return runId;
  }

  private static Method entrypoint(String className) throws ReflectiveOperationException {
    ClassLoader loader = MlflowTask.class.getClassLoader();
    Method m = Class.forName(className, true, loader).getMethod("run", String[].class);
    if (!Modifier.isStatic(m.getModifiers()) || m.getReturnType() != int.class) {
      throw new NoSuchMethodException(className + ".run(String[])");
    }
    return m;
  }

  private static int call(Method entrypoint, String[] args) {
    try {
      return (Integer) entrypoint.invoke(null, (Object) args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
