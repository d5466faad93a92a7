package dev.kfp4j.tracking;

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
import dev.kfp4j.spec.TypeSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A pipeline tracked in MLflow, as kedro-kubeflow's MLflow support makes it: an {@code
 * mlflow-start-run} step first starts one MLflow run for the whole pipeline run (in {@code
 * experiment}, tagged {@code kubeflow_run_id} and {@code kubeflow_pipeline}, the pipeline's
 * arguments logged as its parameters) and every task gets its id as {@code MLFLOW_RUN_ID} and the
 * server as {@code MLFLOW_TRACKING_URI}, so {@code dev.kfp4j.mlflow.Mlflow}'s calls in a component
 * log to that run; after each task with a KFP v1 {@code mlpipeline-metrics} output, a {@code
 * <task>-mlflow-metrics} step logs those metrics. The steps run {@value #STEPS_CLASS} of the
 * {@code kfp4j-mlflow} artifact, which must be in the project's image (and on the local classpath).
 *
 * <pre>{@code
 * Pipeline tracked = new MlflowTracking("http://mlflow:5000", "my-experiment").apply(pipeline, "{{workflow.uid}}");
 * }</pre>
 *
 * @param trackingUri the MLflow tracking server, such as {@code http://mlflow.kubeflow:5000}
 * @param experiment the MLflow experiment the runs go to (made when missing); null: the pipeline's name
 */
public record MlflowTracking(String trackingUri, String experiment) {
  /** The step that starts the MLflow run. */
  public static final String START_RUN = "mlflow-start-run";
  /** The step kind that logs a task's {@code mlpipeline-metrics}, and the suffix of its name. */
  public static final String LOG_METRICS = "mlflow-log-metrics";
  /** The class in {@code kfp4j-mlflow} that runs both steps, taking the step kind first. */
  public static final String STEPS_CLASS = "dev.kfp4j.mlflow.MlflowSteps";
  /** The start step's output: the MLflow run's id. */
  public static final String RUN_ID_OUTPUT = "run-id";
  /** The input every tracked task gets the run id through, and the variable it sets. */
  public static final String RUN_ID_INPUT = "mlflow-run-id";
  public static final String RUN_ID_ENV = "MLFLOW_RUN_ID";
  public static final String TRACKING_URI_ENV = "MLFLOW_TRACKING_URI";
  /**
   * KFP v1's metrics output, a JSON file {@code {"metrics": [{"name": ..., "numberValue": ...}]}},
   * as a component names it ({@code @OutputPath("Metrics") Path mlpipeline_metrics_path} in Java).
   */
  public static final java.util.Set<String> METRICS_OUTPUTS = java.util.Set.of("mlpipeline-metrics", "mlpipeline_metrics");
  private static final String PARAM_PREFIX = "param-";
  private static final TypeSpec STRING = TypeSpec.named("String");

  public MlflowTracking {
    Objects.requireNonNull(trackingUri, "trackingUri");
    if (trackingUri.isBlank()) {
      throw new IllegalArgumentException("the MLflow tracking URI is empty; set mlflow.tracking_uri or MLFLOW_TRACKING_URI");
    }
  }

  /**
   * {@code pipeline} tracked in MLflow. {@code runId} is what names the pipeline's run in the
   * format it goes to, tagged as {@code kubeflow_run_id}: Argo's {@code {{workflow.uid}}}, which is
   * KFP v1's run id, and the local runner's run id.
   */
  public Pipeline apply(Pipeline pipeline, String runId) {
    if (pipeline.node(START_RUN).isPresent()) {
      throw new IllegalArgumentException("pipeline '" + pipeline.name() + "' already has a step named '" + START_RUN
          + "': it is tracked already, or rename that step");
    }
    String image = pipeline.steps().stream().filter(s -> s instanceof Task).map(s -> ((Task) s).component().container())
        .filter(c -> JavaEntrypoint.of(c).isPresent()).map(ContainerSpec::image).findFirst().orElse(ContainerSpec.NO_IMAGE);
    List<Node> nodes = new ArrayList<>();
    nodes.add(startRun(pipeline, runId, image));
    nodes.addAll(track(pipeline.nodes(), image));
    return new Pipeline(pipeline.name(), pipeline.description(), pipeline.parameters(), nodes, pipeline.exitTask(),
        pipeline.settings(), pipeline.source(), pipeline.outputs());
  }

  private Task startRun(Pipeline pipeline, String runId, String image) {
    List<InputSpec> inputs = new ArrayList<>(List.of(input("tracking-uri"), input("experiment"), input("pipeline"),
        input("kubeflow-run-id")));
    List<Placeholder> args = new ArrayList<>();
    for (String flag : List.of("tracking-uri", "experiment", "pipeline", "kubeflow-run-id")) {
      args.add(new Placeholder.Literal("--" + flag));
      args.add(new Placeholder.InputValue(flag));
    }
    Map<String, Argument> arguments = new LinkedHashMap<>();
    arguments.put("tracking-uri", Argument.Constant.of(trackingUri));
    arguments.put("experiment", Argument.Constant.of(experiment == null ? pipeline.name() : experiment));
    arguments.put("pipeline", Argument.Constant.of(pipeline.name()));
    arguments.put("kubeflow-run-id", Argument.Constant.of(runId));
    for (Parameter p : pipeline.parameters()) {
      String in = PARAM_PREFIX + p.name();
      inputs.add(new InputSpec(in, STRING, null, null, true, null));
      args.add(new Placeholder.Literal("--param"));
      args.add(new Placeholder.Concat(List.of(new Placeholder.Literal(p.name() + "="), new Placeholder.InputValue(in))));
      arguments.put(in, new Argument.PipelineParameter(p.name()));
    }
    args.add(new Placeholder.Literal("--run-id-file"));
    args.add(new Placeholder.OutputPath(RUN_ID_OUTPUT));
    ComponentSpec spec = new ComponentSpec(START_RUN, "Starts the MLflow run of a pipeline run.", null, null, inputs,
        List.of(new OutputSpec(RUN_ID_OUTPUT, STRING, null, null)),
        new ContainerSpec(image, new JavaEntrypoint(STEPS_CLASS, START_RUN).command(), args, Map.of(), Map.of()), null);
    return new Task(START_RUN, spec, arguments, List.of(), List.of(new TaskSetting.Env(TRACKING_URI_ENV, trackingUri)));
  }

  private static InputSpec input(String name) {
    return new InputSpec(name, STRING, null, null, false, null);
  }

  /** {@code nodes} with each task given the run, and followed by its metrics step when it has metrics. */
  private List<Node> track(List<Node> nodes, String image) {
    List<Node> out = new ArrayList<>();
    for (Node n : nodes) {
      if (n instanceof Task t) {
        out.add(tracked(t));
        t.component().outputs().stream().filter(o -> METRICS_OUTPUTS.contains(o.name())).findFirst()
            .ifPresent(o -> out.add(logMetrics(t, o.name(), image)));
      } else if (n instanceof Condition c) {
        out.add(new Condition(c.name(), c.predicate(), track(c.body(), image)));
      } else if (n instanceof Loop l) {
        out.add(new Loop(l.name(), l.items(), l.parallelism(), track(l.body(), image)));
      } else if (n instanceof Branches b) {
        List<Condition> branches = new ArrayList<>();
        for (Condition c : b.branches()) {
          branches.add(new Condition(c.name(), c.predicate(), track(c.body(), image)));
        }
        out.add(new Branches(b.name(), branches));
      } else {
        out.add(n);
      }
    }
    return out;
  }

  /** {@code task} reading the run id into {@code MLFLOW_RUN_ID}, the server in {@code MLFLOW_TRACKING_URI}. */
  private Task tracked(Task task) {
    ComponentSpec c = task.component();
    if (c.input(RUN_ID_INPUT).isPresent()) {
      throw new IllegalArgumentException("task '" + task.name() + "': component '" + c.name() + "' has an input named '"
          + RUN_ID_INPUT + "', which MLflow tracking passes the run id through; rename that input");
    }
    List<InputSpec> inputs = new ArrayList<>(c.inputs());
    inputs.add(new InputSpec(RUN_ID_INPUT, STRING, null, null, true, null));
    Map<String, Placeholder> env = new LinkedHashMap<>(c.container().env());
    env.put(RUN_ID_ENV, new Placeholder.InputValue(RUN_ID_INPUT));
    ContainerSpec container = new ContainerSpec(c.container().image(), c.container().command(), c.container().args(), env,
        c.container().fileOutputs());
    ComponentSpec spec = new ComponentSpec(c.name(), c.description(), c.annotations(), c.labels(), inputs, c.outputs(),
        container, null);
    Map<String, Argument> arguments = new LinkedHashMap<>(task.arguments());
    arguments.put(RUN_ID_INPUT, new Argument.TaskOutput(START_RUN, RUN_ID_OUTPUT));
    List<TaskSetting> settings = new ArrayList<>(task.settings());
    settings.add(new TaskSetting.Env(TRACKING_URI_ENV, trackingUri));
    return new Task(task.name(), spec, arguments, task.after(), settings);
  }

  /** The step after {@code task} that logs its {@code mlpipeline-metrics} to the run. */
  private Task logMetrics(Task task, String output, String image) {
    List<Placeholder> args = List.of(new Placeholder.Literal("--metrics"), new Placeholder.InputPath("metrics"));
    ComponentSpec spec = new ComponentSpec(LOG_METRICS, "Logs a step's mlpipeline-metrics to the MLflow run.", null, null,
        List.of(new InputSpec("metrics", TypeSpec.named("Metrics"), null, null, false, null)), List.of(),
        new ContainerSpec(image, new JavaEntrypoint(STEPS_CLASS, LOG_METRICS).command(), args, Map.of(), Map.of()), null);
    Task t = new Task(task.name() + "-" + LOG_METRICS, spec, Map.of("metrics", new Argument.TaskOutput(task.name(), output)));
    return tracked(t);
  }
}
