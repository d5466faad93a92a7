package dev.kfp4j.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Loop;
import dev.kfp4j.model.Node;
import dev.kfp4j.model.Parameter;
import dev.kfp4j.model.ParameterType;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The model transformation: the start step first, its run id in every task at any depth, a metrics step after a metrics output. */
class MlflowTrackingTest {
  private static final MlflowTracking TRACKING = new MlflowTracking("http://mlflow:5000", null);

  private static ComponentSpec component(String name, List<InputSpec> inputs, List<OutputSpec> outputs) {
    return new ComponentSpec(name, null, null, null, inputs, outputs, new ContainerSpec("registry.example.com/acme:1",
        new JavaEntrypoint("dev.acme.StepsEntrypoint", name).command(), List.of(), Map.of(), Map.of()), null);
  }

  private static Pipeline pipeline() {
    ComponentSpec train = component("train", List.of(new InputSpec("rate", TypeSpec.named("Float"), null, null, false, null)),
        List.of(new OutputSpec("mlpipeline_metrics", TypeSpec.named("Metrics"), null, null)));
    ComponentSpec echo = component("echo", List.of(), List.of());
    ComponentSpec shell = new ComponentSpec("shell", null, null, null, List.of(), List.of(),
        new ContainerSpec("alpine:3", List.of(Placeholder.literal("sh")), List.of(), Map.of(), Map.of()), null);
    Task inLoop = new Task("train", train, Map.of("rate", new Argument.LoopItem("rates", null)));
    Loop loop = new Loop("rates", new Loop.Constants(List.of(new Argument.Constant("0.1", ParameterType.FLOAT))), 0, List.of(inLoop));
    return new Pipeline("search", null, List.of(new Parameter("epochs", ParameterType.INTEGER, "3", null)),
        List.of(new Task("echo", echo, Map.of()), new Task("shell", shell, Map.of()), loop), null, null, null);
  }

  private static final Argument RUN_ID = new Argument.RunValue(Argument.RunValue.Kind.RUN_ID);
  private static final Argument STATUS = new Argument.RunValue(Argument.RunValue.Kind.STATUS);
  private static final Argument START_OUTPUT = new Argument.TaskOutput(MlflowTracking.START_RUN, MlflowTracking.RUN_ID_OUTPUT);

  @Test
  void theStartStepComesFirstAndEveryTaskGetsTheRun() {
    Pipeline tracked = TRACKING.apply(pipeline());
    List<Node> nodes = tracked.nodes();
    Task start = (Task) nodes.get(0);
    assertEquals(MlflowTracking.START_RUN, start.name());
    assertEquals("registry.example.com/acme:1", start.component().container().image(), "the project's image");
    assertEquals(Argument.Constant.of("search"), start.arguments().get("experiment"), "the experiment defaults to the pipeline's name");
    assertEquals(RUN_ID, start.arguments().get("kubeflow-run-id"), "tagged with the run's own id, in either format");
    assertEquals(new Argument.PipelineParameter("epochs"), start.arguments().get("param-epochs"));
    for (String name : List.of("echo", "train", "shell", "train-mlflow-log-metrics", MlflowTracking.END_RUN)) {
      Task t = (Task) tracked.node(name).orElseThrow();
      assertTrue(t.settings().contains(new TaskSetting.Env("MLFLOW_TRACKING_URI", "http://mlflow:5000")), name);
    }
    for (String name : List.of("echo", "train")) {
      Task t = (Task) tracked.node(name).orElseThrow();
      assertEquals(START_OUTPUT, t.arguments().get(MlflowTracking.RUN_ID_INPUT), name);
      JavaEntrypoint java = JavaEntrypoint.of(t.component().container()).orElseThrow();
      assertEquals(new JavaEntrypoint(MlflowTracking.TASK_CLASS, "dev.acme.StepsEntrypoint:" + name), java,
          "a Java component runs through MlflowTask, which takes the run out of its arguments");
      assertEquals(List.of(new Placeholder.Literal("--mlflow-run-id"), new Placeholder.InputValue(MlflowTracking.RUN_ID_INPUT)),
          t.component().container().args().subList(0, 2), name);
      assertEquals(Map.of(), t.component().container().env(), "no variable: KFP 2 sets none from a value");
    }
    Task shell = (Task) tracked.node("shell").orElseThrow();
    assertEquals(new Placeholder.InputValue(MlflowTracking.RUN_ID_INPUT), shell.component().container().env().get("MLFLOW_RUN_ID"),
        "any other component reads MLFLOW_RUN_ID");
    Loop loop = (Loop) tracked.node("rates").orElseThrow();
    assertEquals(List.of("train", "train-mlflow-log-metrics"), loop.body().stream().map(Node::name).toList(),
        "the metrics step sits beside its task, in the loop");
    Task metrics = (Task) loop.body().get(1);
    assertEquals(new Argument.TaskOutput("train", "mlpipeline_metrics"), metrics.arguments().get("metrics"));
    assertEquals(START_OUTPUT, metrics.arguments().get("run-id"));
  }

  @Test
  void theExitHandlerEndsTheRunWithThePipelinesStatus() {
    Task end = TRACKING.apply(pipeline()).exitTask();
    assertEquals(MlflowTracking.END_RUN, end.name());
    assertEquals(RUN_ID, end.arguments().get("kubeflow-run-id"), "it finds the run by its tag: the exit task reads no task's output");
    assertEquals(STATUS, end.arguments().get("status"));
    assertEquals(TypeSpec.TASK_FINAL_STATUS, end.component().input("status").orElseThrow().type(), "KFP 2's PipelineTaskFinalStatus");
  }

  @Test
  void thePipelinesOwnJavaExitTaskFindsTheRunAndEndsIt() {
    Pipeline p = pipeline();
    Task notify = new Task("notify", component("notify", List.of(), List.of()), Map.of());
    Pipeline withExit = new Pipeline(p.name(), null, p.parameters(), p.nodes(), notify, null, null);
    Task exit = TRACKING.apply(withExit).exitTask();
    assertEquals("notify", exit.name(), "no second exit task: the model has one");
    assertEquals(new JavaEntrypoint(MlflowTracking.TASK_CLASS, "dev.acme.StepsEntrypoint:notify"),
        JavaEntrypoint.of(exit.component().container()).orElseThrow());
    assertEquals(RUN_ID, exit.arguments().get(MlflowTracking.KUBEFLOW_RUN_ID_INPUT));
    assertEquals(Argument.Constant.of("search"), exit.arguments().get(MlflowTracking.EXPERIMENT_INPUT));
    assertEquals(STATUS, exit.arguments().get(MlflowTracking.STATUS_INPUT));
  }

  @Test
  void credentialsComeFromTheSecretOnEveryStepThatTalksToMlflow() {
    MlflowTracking tracking = new MlflowTracking(null, "churn", new MlflowTracking.Credentials("mlflow-creds",
        List.of("MLFLOW_TRACKING_USERNAME", "MLFLOW_TRACKING_PASSWORD", "MLFLOW_TRACKING_URI")));
    Pipeline tracked = tracking.apply(pipeline());
    for (String name : List.of(MlflowTracking.START_RUN, "echo", "train", "shell", "train-mlflow-log-metrics", MlflowTracking.END_RUN)) {
      List<TaskSetting> settings = ((Task) tracked.node(name).orElseThrow()).settings();
      for (String key : List.of("MLFLOW_TRACKING_USERNAME", "MLFLOW_TRACKING_PASSWORD", "MLFLOW_TRACKING_URI")) {
        assertTrue(settings.contains(new TaskSetting.SecretEnv(key, "mlflow-creds", key)), name + " " + key);
      }
      assertTrue(settings.stream().noneMatch(s -> s instanceof TaskSetting.Env), name + ": the server is in the secret");
    }
    IllegalArgumentException key = assertThrows(IllegalArgumentException.class,
        () -> new MlflowTracking.Credentials("c", List.of("AWS_SECRET_ACCESS_KEY")));
    assertTrue(key.getMessage().contains("MLFLOW_TRACKING_TOKEN"), key.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new MlflowTracking(null, null,
        new MlflowTracking.Credentials("c", List.of("MLFLOW_TRACKING_TOKEN"))), "no server anywhere");
  }

  @Test
  void aTrackingUriWithCredentialsIsRefusedUnlessTheSecretGivesTheServer() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new MlflowTracking("https://alice:pa55word@mlflow:5000", null));
    assertTrue(e.getMessage().startsWith("the MLflow tracking URI has credentials in it"), e.getMessage());
    assertFalse(e.getMessage().contains("pa55word"), e.getMessage());
    new MlflowTracking("https://alice:pa55word@mlflow:5000", null, new MlflowTracking.Credentials("mlflow-creds",
        List.of(MlflowTracking.TRACKING_URI_ENV))); // written into no step: the secret's MLFLOW_TRACKING_URI is
  }

  /** A tracking URI without http(s):// was taken, and every tracked step failed on it ("URI with undefined scheme"). */
  @Test
  void aTrackingUriThatIsNoHttpUrlIsRefusedSayingWhatToGive() {
    for (String uri : List.of("mlflow.kubeflow:5000", "file:///tmp/mlruns", "sqlite:///mlflow.db", "databricks", "http://")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MlflowTracking(uri, null), uri);
      assertEquals("the MLflow tracking URI is '" + uri + "', not an http:// or https:// URL: kfp4j's MLflow steps reach a"
          + " tracking server through MLflow's REST API; name the server, such as http://mlflow.kubeflow:5000 (a local folder, a"
          + " database or databricks, which MLflow's own client also takes, cannot be reached from a step)", e.getMessage());
    }
    new MlflowTracking("HTTPS://mlflow.example.com/prefix", null);
    new MlflowTracking("mlflow:5000", null, new MlflowTracking.Credentials("mlflow-creds",
        List.of(MlflowTracking.TRACKING_URI_ENV))); // written into no step: the secret's MLFLOW_TRACKING_URI is
  }

  /**
   * A tracking URI with a query ({@code http://mlflow:5000?token=abc}) was taken and written, token and all, into every
   * tracked step's MLFLOW_TRACKING_URI, in the pipeline uploaded and the local run folder's workflow.json, where every
   * request to MLflow went astray; one with a space after the host was taken here and refused by the steps. Now both are
   * refused by the rule the steps check by, without showing the query's values.
   */
  @Test
  void aTrackingUriWithAQueryFragmentOrSpaceIsRefusedWithoutShowingIt() {
    IllegalArgumentException query = assertThrows(IllegalArgumentException.class,
        () -> new MlflowTracking("http://mlflow:5000?token=abc", null));
    assertEquals("the MLflow tracking URI has a query (after '?'), which every tracked step would carry in plain text, in the"
        + " pipeline uploaded and in the local run folder, and MLflow's REST API does not take: name the server alone, such as"
        + " http://mlflow.kubeflow:5000, and give a token as MLFLOW_TRACKING_TOKEN, on the cluster from a Kubernetes secret"
        + " (mlflow.credentials_secret and mlflow.credentials_keys), locally in the environment", query.getMessage());
    IllegalArgumentException fragment = assertThrows(IllegalArgumentException.class,
        () -> new MlflowTracking("https://mlflow.example.com/x#abc", null));
    assertTrue(fragment.getMessage().startsWith("the MLflow tracking URI has a fragment (after '#'), which every tracked step"
        + " would carry in plain text"), fragment.getMessage());
    assertFalse(fragment.getMessage().contains("abc"), fragment.getMessage());
    IllegalArgumentException space = assertThrows(IllegalArgumentException.class,
        () -> new MlflowTracking("http://mlflow:5000 /x", null));
    assertEquals("the MLflow tracking URI has whitespace in it (a space, tab or line break): name the server alone, such as"
        + " http://mlflow.kubeflow:5000", space.getMessage());
    new MlflowTracking("http://mlflow:5000?token=abc", null, new MlflowTracking.Credentials("mlflow-creds",
        List.of(MlflowTracking.TRACKING_URI_ENV))); // written into no step: the secret's MLFLOW_TRACKING_URI is
  }

  /** What a tracking server's URL may be: http:// or https:// in any case, a host, a port and a path; the steps get it as written. */
  @ParameterizedTest
  @ValueSource(strings = {"http://mlflow:5000", "HTTPS://mlflow.example.com:8443/prefix/", "http://10.0.0.7:5000/mlflow",
      "http://[::1]:5000", "https://mlflow.example.com/p@th"})
  void anHttpUrlWithAPortAndPathIsTaken(String uri) {
    Task start = (Task) new MlflowTracking(uri, null).apply(pipeline()).node(MlflowTracking.START_RUN).orElseThrow();
    assertTrue(start.settings().contains(new TaskSetting.Env(MlflowTracking.TRACKING_URI_ENV, uri)), start.settings().toString());
  }

  @Test
  void aPipelineTrackedTwiceOrAnInputInTheWayIsAnError() {
    Pipeline tracked = TRACKING.apply(pipeline());
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> TRACKING.apply(tracked));
    assertEquals("pipeline 'search' already has a step named 'mlflow-start-run': it is tracked already, or rename that step",
        twice.getMessage());
    ComponentSpec taken = component("c", List.of(new InputSpec("mlflow-run-id", TypeSpec.named("String"), null, null, false, null)), List.of());
    Pipeline p = new Pipeline("p", null, List.of(), List.of(new Task("c", taken, Map.of())), null, null, null);
    IllegalArgumentException input = assertThrows(IllegalArgumentException.class, () -> TRACKING.apply(p));
    assertTrue(input.getMessage().startsWith("task 'c': component 'c' has an input named 'mlflow-run-id'"), input.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new MlflowTracking(" ", null));
  }
}
