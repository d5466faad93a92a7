package dev.kfp4j.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    Task inLoop = new Task("train", train, Map.of("rate", new Argument.LoopItem("rates", null)));
    Loop loop = new Loop("rates", new Loop.Constants(List.of(new Argument.Constant("0.1", ParameterType.FLOAT))), 0, List.of(inLoop));
    return new Pipeline("search", null, List.of(new Parameter("epochs", ParameterType.INTEGER, "3", null)),
        List.of(new Task("echo", echo, Map.of()), loop), null, null, null);
  }

  @Test
  void theStartStepComesFirstAndEveryTaskReadsItsRunId() {
    Pipeline tracked = TRACKING.apply(pipeline(), "{{workflow.uid}}");
    List<Node> nodes = tracked.nodes();
    Task start = (Task) nodes.get(0);
    assertEquals(MlflowTracking.START_RUN, start.name());
    assertEquals("registry.example.com/acme:1", start.component().container().image(), "the project's image");
    assertEquals(Argument.Constant.of("search"), start.arguments().get("experiment"), "the experiment defaults to the pipeline's name");
    assertEquals(Argument.Constant.of("{{workflow.uid}}"), start.arguments().get("kubeflow-run-id"));
    assertEquals(new Argument.PipelineParameter("epochs"), start.arguments().get("param-epochs"));
    for (String name : List.of("echo", "train", "train-mlflow-log-metrics")) {
      Task t = (Task) tracked.node(name).orElseThrow();
      assertEquals(new Argument.TaskOutput(MlflowTracking.START_RUN, MlflowTracking.RUN_ID_OUTPUT),
          t.arguments().get(MlflowTracking.RUN_ID_INPUT), name);
      assertEquals(new Placeholder.InputValue(MlflowTracking.RUN_ID_INPUT), t.component().container().env().get("MLFLOW_RUN_ID"), name);
      assertTrue(t.settings().contains(new TaskSetting.Env("MLFLOW_TRACKING_URI", "http://mlflow:5000")), name);
    }
    Loop loop = (Loop) tracked.node("rates").orElseThrow();
    assertEquals(List.of("train", "train-mlflow-log-metrics"), loop.body().stream().map(Node::name).toList(),
        "the metrics step sits beside its task, in the loop");
    Task metrics = (Task) loop.body().get(1);
    assertEquals(new Argument.TaskOutput("train", "mlpipeline_metrics"), metrics.arguments().get("metrics"));
  }

  @Test
  void aPipelineTrackedTwiceOrAnInputInTheWayIsAnError() {
    Pipeline tracked = TRACKING.apply(pipeline(), "x");
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> TRACKING.apply(tracked, "x"));
    assertEquals("pipeline 'search' already has a step named 'mlflow-start-run': it is tracked already, or rename that step",
        twice.getMessage());
    ComponentSpec taken = component("c", List.of(new InputSpec("mlflow-run-id", TypeSpec.named("String"), null, null, false, null)), List.of());
    Pipeline p = new Pipeline("p", null, List.of(), List.of(new Task("c", taken, Map.of())), null, null, null);
    IllegalArgumentException input = assertThrows(IllegalArgumentException.class, () -> TRACKING.apply(p, "x"));
    assertTrue(input.getMessage().startsWith("task 'c': component 'c' has an input named 'mlflow-run-id'"), input.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new MlflowTracking(" ", null));
  }
}
