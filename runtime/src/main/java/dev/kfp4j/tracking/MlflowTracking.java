package dev.kfp4j.tracking;

import dev.kfp4j.entrypoint.TrackingServerUrls;
import dev.kfp4j.entrypoint.UrlTexts;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Branches;
import dev.kfp4j.model.Condition;
import dev.kfp4j.model.Loop;
import dev.kfp4j.model.Node;
import dev.kfp4j.model.Parameter;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Task;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ContainerSpec;
import dev.kfp4j.spec.InputSpec;
import dev.kfp4j.spec.JavaEntrypoint;
import dev.kfp4j.spec.OutputSpec;
import dev.kfp4j.spec.Placeholder;
import dev.kfp4j.spec.Names;
import dev.kfp4j.spec.TypeSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A pipeline tracked in MLflow, as kedro-kubeflow's MLflow support makes it, the same for both
 * formats: an {@code mlflow-start-run} step first starts one MLflow run for the whole pipeline run
 * (in {@code experiment}, tagged {@code kubeflow_run_id} with the run's id and {@code
 * kubeflow_pipeline}, the pipeline's arguments logged as its parameters); every task gets the run
 * (a kfp4j Java component runs through {@value #TASK_CLASS}, which gives {@code
 * dev.kfp4j.mlflow.Mlflow} its id in either format; any other task gets it in {@code
 * MLFLOW_RUN_ID}); after each task with KFP v1's metrics output a {@code
 * <task>-mlflow-log-metrics} step logs those metrics; and the exit handler ends the run from the
 * pipeline's status ({@code mlflow-end-run}, or the pipeline's own Java exit task through {@value
 * #TASK_CLASS}). Every step that talks to MLflow gets the server in {@code MLFLOW_TRACKING_URI} and
 * the {@link Credentials} from a Kubernetes secret. The steps run classes of the {@code
 * kfp4j-mlflow} artifact, which must be in the project's image (and on the local classpath).
 *
 * <pre>{@code
 * Pipeline tracked = new MlflowTracking("http://mlflow:5000", "my-experiment").apply(pipeline);
 * }</pre>
 *
 * @param trackingUri the MLflow tracking server, such as {@code http://mlflow.kubeflow:5000}; null
 *     when the credentials' secret holds it
 * @param experiment the MLflow experiment the runs go to (made when missing); null: the pipeline's name
 * @param credentials where the steps read MLflow's credentials from on the cluster; null: none
 */
public record MlflowTracking(String trackingUri, String experiment, Credentials credentials) {
  /** The step that starts the MLflow run. */
  public static final String START_RUN = "mlflow-start-run";
  /** The step kind that logs a task's {@code mlpipeline-metrics}, and the suffix of its name. */
  public static final String LOG_METRICS = "mlflow-log-metrics";
  /** The exit handler's step that ends the MLflow run. */
  public static final String END_RUN = "mlflow-end-run";
  /** The class in {@code kfp4j-mlflow} that runs the steps, taking the step kind first. */
  public static final String STEPS_CLASS = "dev.kfp4j.mlflow.MlflowSteps";
  /** The class in {@code kfp4j-mlflow} that runs a tracked Java component, taking {@code <EntrypointClass>:<component>} first. */
  public static final String TASK_CLASS = "dev.kfp4j.mlflow.MlflowTask";
  /** The start step's output: the MLflow run's id. */
  public static final String RUN_ID_OUTPUT = "run-id";
  /** The input every tracked task gets the run id through. */
  public static final String RUN_ID_INPUT = "mlflow-run-id";
  /** The inputs a tracked Java exit task finds and ends the run with. */
  public static final String KUBEFLOW_RUN_ID_INPUT = "mlflow-kubeflow-run-id";
  public static final String EXPERIMENT_INPUT = "mlflow-experiment";
  public static final String STATUS_INPUT = "mlflow-status";
  public static final String RUN_ID_ENV = "MLFLOW_RUN_ID";
  public static final String TRACKING_URI_ENV = "MLFLOW_TRACKING_URI";
  public static final String TOKEN_ENV = "MLFLOW_TRACKING_TOKEN";
  public static final String USERNAME_ENV = "MLFLOW_TRACKING_USERNAME";
  public static final String PASSWORD_ENV = "MLFLOW_TRACKING_PASSWORD";
  private static final String PARAM_PREFIX = "param-";
  private static final TypeSpec STRING = TypeSpec.named("String");

  /**
   * MLflow's credentials on the cluster: the keys of Kubernetes secret {@code secret}, each the
   * variable of MLflow's clients it sets ({@code MLFLOW_TRACKING_TOKEN}, or {@code
   * MLFLOW_TRACKING_USERNAME} and {@code MLFLOW_TRACKING_PASSWORD}; {@code MLFLOW_TRACKING_URI}
   * too, if the secret holds the server). Locally the steps inherit them from the environment.
   */
  public record Credentials(String secret, List<String> keys) {
    /** The keys a secret may give. */
    public static final List<String> KEYS = List.of(TOKEN_ENV, USERNAME_ENV, PASSWORD_ENV, TRACKING_URI_ENV);

    public Credentials {
      Objects.requireNonNull(secret, "secret");
      if (secret.isBlank()) {
        throw new IllegalArgumentException("the credentials secret's name is empty");
      }
      keys = List.copyOf(keys);
      if (keys.isEmpty() || !KEYS.containsAll(keys) || new HashSet<>(keys).size() != keys.size()) {
        throw new IllegalArgumentException("the credentials keys are " + keys + "; list each once, from " + KEYS);
      }
    }
  }

  public MlflowTracking {
    if (trackingUri != null && trackingUri.isBlank()) {
      trackingUri = null;
    }
    if (trackingUri == null && (credentials == null || !credentials.keys().contains(TRACKING_URI_ENV))) {
      throw new IllegalArgumentException("the MLflow tracking URI is empty; set mlflow.tracking_uri or MLFLOW_TRACKING_URI");
    }
    if (credentials == null || !credentials.keys().contains(TRACKING_URI_ENV)) { // else the secret gives it
      checkServerUri(trackingUri, "the MLflow tracking URI");
    }
  }

  /**
   * Refuses a tracking URI that kfp4j's steps cannot use or should not carry, by the rule the steps check it by ({@link
   * TrackingServerUrls}): one with credentials in it ({@code https://user:password@host}) or a query or fragment ({@code
   * http://mlflow:5000?token=abc}), as the URI is written into every tracked step's environment, in the pipeline uploaded and
   * the local run folder's {@code workflow.json}, for anyone who reads them (and the steps' requests to MLflow's REST API
   * would go astray with a query or fragment); one with whitespace in it; and one that is no {@code http://} or {@code
   * https://} URL (a local folder, a database, {@code databricks}, which MLflow's own client also takes), as the steps reach
   * the server through MLflow's REST API. The message names {@code what} and never a credential, nor the query's values.
   *
   * @throws IllegalArgumentException saying what to give instead
   */
  public static void checkServerUri(String trackingUri, String what) {
    if (trackingUri == null || trackingUri.isBlank()) {
      return;
    }
    TrackingServerUrls.Fault fault = TrackingServerUrls.faultOf(trackingUri);
    if (fault == null) {
      return;
    }
    String carried = "which every tracked step would carry in plain text, in the pipeline uploaded and in the local run folder";
    throw new IllegalArgumentException(switch (fault) {
      case USER_INFO -> what + " has credentials in it (before '@'), " + carried + ": name the server alone, and give the "
          + "credentials as " + USERNAME_ENV + " and " + PASSWORD_ENV + " (or " + TOKEN_ENV + "), on the cluster from a Kubernetes "
          + "secret (mlflow.credentials_secret and mlflow.credentials_keys), locally in the environment";
      case QUERY, FRAGMENT -> what + (fault == TrackingServerUrls.Fault.QUERY ? " has a query (after '?'), " : " has a fragment "
          + "(after '#'), ") + carried + ", and MLflow's REST API does not take: name the server alone, such as "
          + "http://mlflow.kubeflow:5000, and give a token as " + TOKEN_ENV + ", on the cluster from a Kubernetes secret "
          + "(mlflow.credentials_secret and mlflow.credentials_keys), locally in the environment";
      case WHITESPACE -> what + " has whitespace in it (a space, tab or line break): name the server alone, such as "
          + "http://mlflow.kubeflow:5000";
      case NOT_HTTP_URL -> what + " is '" + UrlTexts.shown(trackingUri) + "', not an http:// or https:// URL: "
          + "kfp4j's MLflow steps reach a tracking server through MLflow's REST API; name the server, such as "
          + "http://mlflow.kubeflow:5000 (a local folder, a database or databricks, which MLflow's own client also takes, "
          + "cannot be reached from a step)";
    });
  }

  public MlflowTracking(String trackingUri, String experiment) {
    this(trackingUri, experiment, null);
  }

  /**
   * {@code pipeline} tracked in MLflow. The MLflow run is tagged with the run's id ({@link
   * Argument.RunValue.Kind#RUN_ID}): Argo's {@code {{workflow.uid}}}, which is KFP v1's run id,
   * KFP 2's {@code {{$.pipeline_job_uuid}}}, the local runner's run id.
   */
  public Pipeline apply(Pipeline pipeline) {
    for (String step : List.of(START_RUN, END_RUN)) {
      if (pipeline.node(step).isPresent()) {
        throw new IllegalArgumentException("pipeline '" + pipeline.name() + "' already has a step named '" + step
            + "': it is tracked already, or rename that step");
      }
    }
    String image = pipeline.steps().stream().filter(s -> s instanceof Task).map(s -> ((Task) s).component().container())
        .filter(c -> c != null && JavaEntrypoint.of(c).isPresent()).map(ContainerSpec::image).findFirst()
        .orElse(ContainerSpec.NO_IMAGE);
    String experimentName = experiment == null ? pipeline.name() : experiment;
    if (pipeline.exitPipeline() != null) {
      throw new IllegalArgumentException("pipeline '" + pipeline.name() + "': its exit task is a pipeline ('"
          + pipeline.exitPipeline().name() + "'), after which kfp4j's MLflow tracking has no place to end the run; make the exit "
          + "task a component to track the pipeline");
    }
    List<Node> nodes = new ArrayList<>();
    nodes.add(startRun(pipeline, experimentName, image));
    nodes.addAll(track(pipeline.nodes(), image));
    Task exit = pipeline.exitTask() == null ? endRun(experimentName, image) : trackedExit(pipeline.exitTask(), experimentName);
    return new Pipeline(pipeline.name(), pipeline.description(), pipeline.parameters(), nodes, exit, pipeline.settings(),
        pipeline.source(), pipeline.outputs(), null, pipeline.exitHandlerName()).withOutputDescriptions(pipeline.outputDescriptions());
  }

  /** What every step that talks to MLflow gets: the server, and the credentials from the secret. */
  private List<TaskSetting> settings() {
    List<TaskSetting> out = new ArrayList<>();
    if (trackingUri != null && (credentials == null || !credentials.keys().contains(TRACKING_URI_ENV))) {
      out.add(new TaskSetting.Env(TRACKING_URI_ENV, trackingUri));
    }
    if (credentials != null) {
      for (String key : credentials.keys()) {
        out.add(new TaskSetting.SecretEnv(key, credentials.secret(), key));
      }
    }
    return out;
  }

  /** A step of ours: {@code flags} in order, each an input of the same name, with the arguments given. */
  private Task step(String name, String kind, String description, Map<String, Argument> flags, List<InputSpec> more,
      List<Placeholder> moreArgs, List<OutputSpec> outputs, String image, Map<String, Argument> moreArguments) {
    List<InputSpec> inputs = new ArrayList<>();
    List<Placeholder> args = new ArrayList<>();
    for (Map.Entry<String, Argument> f : flags.entrySet()) {
      boolean status = Argument.RunValue.isStatus(f.getValue());
      inputs.add(new InputSpec(f.getKey(), status ? TypeSpec.TASK_FINAL_STATUS : STRING, null, null, false, null));
      args.add(new Placeholder.Literal("--" + f.getKey()));
      args.add(new Placeholder.InputValue(f.getKey()));
    }
    inputs.addAll(more);
    args.addAll(moreArgs);
    Map<String, Argument> arguments = new LinkedHashMap<>(flags);
    arguments.putAll(moreArguments);
    ComponentSpec spec = new ComponentSpec(kind, description, null, null, inputs, outputs,
        new ContainerSpec(image, new JavaEntrypoint(STEPS_CLASS, kind).command(), args, Map.of(), Map.of()), null);
    return new Task(name, spec, arguments, List.of(), settings());
  }

  private Task startRun(Pipeline pipeline, String experimentName, String image) {
    Map<String, Argument> flags = new LinkedHashMap<>();
    flags.put("experiment", Argument.Constant.of(experimentName));
    flags.put("pipeline", Argument.Constant.of(pipeline.name()));
    flags.put("kubeflow-run-id", new Argument.RunValue(Argument.RunValue.Kind.RUN_ID));
    List<InputSpec> inputs = new ArrayList<>();
    List<Placeholder> args = new ArrayList<>();
    Map<String, Argument> arguments = new LinkedHashMap<>();
    for (Parameter p : pipeline.parameters()) {
      if (p.isArtifact()) {
        continue; // a file: not a parameter MLflow keeps
      }
      String in = PARAM_PREFIX + p.name();
      TypeSpec type = p.type() == null ? STRING : TypeSpec.named(p.type().v1Name()); // as KFP 2 passes it
      inputs.add(new InputSpec(in, type, null, null, true, null));
      args.add(new Placeholder.Literal("--param"));
      args.add(new Placeholder.Concat(List.of(new Placeholder.Literal(p.name() + "="), new Placeholder.InputValue(in))));
      arguments.put(in, new Argument.PipelineParameter(p.name()));
    }
    args.add(new Placeholder.Literal("--run-id-file"));
    args.add(new Placeholder.OutputPath(RUN_ID_OUTPUT));
    return step(START_RUN, START_RUN, "Starts the MLflow run of a pipeline run.", flags, inputs, args,
        List.of(new OutputSpec(RUN_ID_OUTPUT, STRING, null, null)), image, arguments);
  }

  /** The exit handler's step: ends the run tagged with this run's id, FINISHED or FAILED as the pipeline ended. */
  private Task endRun(String experimentName, String image) {
    Map<String, Argument> flags = new LinkedHashMap<>();
    flags.put("experiment", Argument.Constant.of(experimentName));
    flags.put("kubeflow-run-id", new Argument.RunValue(Argument.RunValue.Kind.RUN_ID));
    flags.put("status", new Argument.RunValue(Argument.RunValue.Kind.STATUS));
    return step(END_RUN, END_RUN, "Ends the MLflow run of a pipeline run with the pipeline's status.", flags, List.of(),
        List.of(), List.of(), image, Map.of());
  }

  /** {@code nodes} with each task given the run, and followed by its metrics step when it has metrics. */
  private List<Node> track(List<Node> nodes, String image) {
    List<Node> out = new ArrayList<>();
    for (Node n : nodes) {
      if (n instanceof Task t) {
        out.add(tracked(t, runIdInput()));
        t.component().outputs().stream().filter(o -> Names.isMlpipelineMetrics(o.name())).findFirst()
            .ifPresent(o -> out.add(logMetrics(t, o.name(), image)));
      } else if (n instanceof Condition c) {
        out.add(c.withBody(track(c.body(), image)));
      } else if (n instanceof Loop l) {
        out.add(l.withBody(track(l.body(), image)));
      } else if (n instanceof Branches b) {
        List<Condition> branches = new ArrayList<>();
        for (Condition c : b.branches()) {
          branches.add(c.withBody(track(c.body(), image)));
        }
        out.add(new Branches(b.name(), branches));
      } else {
        out.add(n);
      }
    }
    return out;
  }

  private static Map<String, Argument> runIdInput() {
    return Map.of(RUN_ID_INPUT, new Argument.TaskOutput(START_RUN, RUN_ID_OUTPUT));
  }

  /**
   * The pipeline's own exit task, tracked: a Java one finds the run by its tag and ends it after it
   * ran (so no {@code mlflow-end-run} is needed); any other gets the server and credentials only,
   * as the exit task reads no task's output, and the run is not ended.
   */
  private Task trackedExit(Task exit, String experimentName) {
    if (exit.component().container() == null || JavaEntrypoint.of(exit.component().container()).isEmpty()) {
      List<TaskSetting> settings = new ArrayList<>(exit.settings());
      settings.addAll(settings());
      return exit.withSettings(settings);
    }
    Map<String, Argument> inputs = new LinkedHashMap<>();
    inputs.put(KUBEFLOW_RUN_ID_INPUT, new Argument.RunValue(Argument.RunValue.Kind.RUN_ID));
    inputs.put(EXPERIMENT_INPUT, Argument.Constant.of(experimentName));
    inputs.put(STATUS_INPUT, new Argument.RunValue(Argument.RunValue.Kind.STATUS));
    return tracked(exit, inputs);
  }

  /**
   * {@code task} given the run through {@code inputs} (each a new input of its component): a kfp4j
   * Java component runs through {@value #TASK_CLASS}, which takes them out before the component
   * runs; any other reads the run id in {@code MLFLOW_RUN_ID}.
   */
  private Task tracked(Task task, Map<String, Argument> inputs) {
    ComponentSpec c = task.component();
    ContainerSpec k = c.container();
    List<InputSpec> specs = new ArrayList<>(c.inputs());
    for (Map.Entry<String, Argument> in : inputs.entrySet()) {
      if (c.input(in.getKey()).isPresent()) {
        throw new IllegalArgumentException("task '" + task.name() + "': component '" + c.name() + "' has an input named '"
            + in.getKey() + "', which MLflow tracking passes the run through; rename that input");
      }
      boolean status = Argument.RunValue.isStatus(in.getValue());
      specs.add(new InputSpec(in.getKey(), status ? TypeSpec.TASK_FINAL_STATUS : STRING, null, null, status, null));
    }
    ContainerSpec container;
    Optional<JavaEntrypoint> java = k == null ? Optional.empty() : JavaEntrypoint.of(k);
    if (java.isPresent()) {
      List<Placeholder> args = new ArrayList<>();
      for (String in : inputs.keySet()) {
        args.add(new Placeholder.Literal("--" + in));
        args.add(new Placeholder.InputValue(in));
      }
      args.addAll(k.args());
      JavaEntrypoint wrapped = new JavaEntrypoint(TASK_CLASS, java.get().entrypointClass() + ":" + java.get().component());
      container = new ContainerSpec(k.image(), wrapped.command(), args, k.env(), k.fileOutputs());
    } else if (k != null && inputs.containsKey(RUN_ID_INPUT)) {
      Map<String, Placeholder> env = new LinkedHashMap<>(k.env());
      env.put(RUN_ID_ENV, new Placeholder.InputValue(RUN_ID_INPUT));
      container = new ContainerSpec(k.image(), k.command(), k.args(), env, k.fileOutputs());
    } else {
      container = k;
    }
    ComponentSpec spec = new ComponentSpec(c.name(), c.description(), c.annotations(), c.labels(), specs, c.outputs(),
        container, c.graph());
    Map<String, Argument> arguments = new LinkedHashMap<>(task.arguments());
    arguments.putAll(inputs);
    List<TaskSetting> settings = new ArrayList<>(task.settings());
    settings.addAll(settings());
    return new Task(task.name(), spec, arguments, task.after(), settings);
  }

  /** The step after {@code task} that logs its {@code mlpipeline-metrics} to the run. */
  private Task logMetrics(Task task, String output, String image) {
    Map<String, Argument> flags = new LinkedHashMap<>();
    flags.put("run-id", new Argument.TaskOutput(START_RUN, RUN_ID_OUTPUT));
    return step(task.name() + "-" + LOG_METRICS, LOG_METRICS, "Logs a step's mlpipeline-metrics to the MLflow run.", flags,
        List.of(new InputSpec("metrics", TypeSpec.named("Metrics"), null, null, false, null)),
        List.of(new Placeholder.Literal("--metrics"), new Placeholder.InputPath("metrics")), List.of(), image,
        Map.of("metrics", new Argument.TaskOutput(task.name(), output)));
  }
}
