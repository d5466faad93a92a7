package dev.kfp4j.format.kfp2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.TestComponents;
import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.Workflow;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Condition;
import dev.kfp4j.model.Loop;
import dev.kfp4j.model.Node;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.Predicate;
import dev.kfp4j.model.Task;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ContainerSpec;
import dev.kfp4j.spec.InputSpec;
import dev.kfp4j.spec.OutputSpec;
import dev.kfp4j.spec.Placeholder;
import dev.kfp4j.spec.TypeSpec;
import dev.kfp4j.yaml.Yaml;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Pipeline outputs made in the exit handler's body, which always runs: KFP 2 gives them through
 * outputs of the exit handler's group ({@code comp-exit-handler-1}), named as KFP names a value it
 * surfaces through a group ({@code pipelinechannel--make-out}), which the root's outputs select.
 * They read back as the outputs written and run locally. Outputs from inside a condition or loop
 * there are still refused, as at the top level. (The MLflow module's TrackedRunTest checks such a
 * spec against KFP's {@code .proto} files.)
 */
class ExitHandlerOutputsTest {
  @TempDir Path dir;

  /** Writes its text to output {@code out} and, after "data ", to the file {@code data} (a Dataset artifact in KFP 2). */
  private static final ComponentSpec MAKE = sh("make", "printf %s \"$0\" > \"$1\"; printf 'data %s' \"$0\" > \"$2\"",
      new InputSpec("text", TypeSpec.named("String"), null, null, false),
      List.of(new OutputSpec("out", TypeSpec.named("String"), null), new OutputSpec("data", TypeSpec.named("Dataset"), null)));
  private static final ComponentSpec DOUBLE = sh("double", "printf %s $(( $0 * 2 )) > \"$1\"",
      new InputSpec("n", TypeSpec.named("Integer"), null, null, false),
      List.of(new OutputSpec("out", TypeSpec.named("Integer"), null)));

  private static final Argument.TaskOutput TEXT = new Argument.TaskOutput("make", "out");
  private static final Argument.TaskOutput DATA = new Argument.TaskOutput("make", "data");
  private static final Argument.Collected DOUBLED = new Argument.Collected("for-loop-1", "double", "out");

  /** A shell component: {@code sh -c SCRIPT} with its input's value, then each output's file, as $0, $1... */
  private static ComponentSpec sh(String name, String script, InputSpec input, List<OutputSpec> outputs) {
    List<Placeholder> args = new ArrayList<>(List.of(new Placeholder.Literal("-c"), new Placeholder.Literal(script),
        new Placeholder.InputValue(input.name())));
    outputs.forEach(o -> args.add(new Placeholder.OutputPath(o.name())));
    return new ComponentSpec(name, null, null, null, List.of(input), outputs,
        new ContainerSpec("alpine:3", List.of(new Placeholder.Literal("sh")), args, null, null), null);
  }

  /** {@code make}, and a loop of {@code double}, in the exit handler's body; {@code outputs} of them. */
  private static Pipeline pipeline(Map<String, Argument> outputs, Node... more) {
    Loop loop = new Loop("for-loop-1", new Loop.Constants(List.of(new Argument.Constant("1", ParameterType.INTEGER),
        new Argument.Constant("2", ParameterType.INTEGER))), 0,
        List.of(new Task("double", DOUBLE, Map.of("n", new Argument.LoopItem("for-loop-1", null)))));
    List<Node> nodes = new ArrayList<>(List.of(new Task("make", MAKE, Map.of("text", Argument.Constant.of("hi"))), loop));
    nodes.addAll(List.of(more));
    Task bye = new Task("bye", TestComponents.ECHO, Map.of("msg", Argument.Constant.of("bye")));
    return new Pipeline("exit-outputs", null, List.of(), nodes, bye, PipelineSettings.DEFAULTS, null, outputs);
  }

  private static Map<String, Argument> outputs() {
    Map<String, Argument> out = new LinkedHashMap<>();
    out.put("text", TEXT);
    out.put("data", DATA);
    out.put("doubled", DOUBLED);
    return out;
  }

  @Test
  void theExitHandlersGroupGivesTheOutputsOfItsBodyToTheRoot() {
    JsonNode spec = Yaml.readAll(Kfp2Writer.write(pipeline(outputs()))).get(0);
    JsonNode root = spec.at("/root/dag/outputs");
    assertEquals("exit-handler-1", root.at("/parameters/text/valueFromParameter/producerSubtask").asString());
    assertEquals("pipelinechannel--make-out", root.at("/parameters/text/valueFromParameter/outputParameterKey").asString());
    assertEquals("exit-handler-1", root.at("/artifacts/data/artifactSelectors/0/producerSubtask").asString());
    assertEquals("pipelinechannel--make-data", root.at("/artifacts/data/artifactSelectors/0/outputArtifactKey").asString());
    assertEquals("exit-handler-1", root.at("/parameters/doubled/valueFromParameter/producerSubtask").asString());
    assertEquals("pipelinechannel--double-out", root.at("/parameters/doubled/valueFromParameter/outputParameterKey").asString());
    assertEquals("STRING", spec.at("/root/outputDefinitions/parameters/text/parameterType").asString());
    assertEquals("system.Dataset", spec.at("/root/outputDefinitions/artifacts/data/artifactType/schemaTitle").asString());
    assertEquals("LIST", spec.at("/root/outputDefinitions/parameters/doubled/parameterType").asString());

    JsonNode group = spec.at("/components/comp-exit-handler-1");
    JsonNode text = group.at("/dag/outputs/parameters/pipelinechannel--make-out/valueFromParameter");
    assertEquals("make", text.path("producerSubtask").asString());
    assertEquals("out", text.path("outputParameterKey").asString());
    JsonNode data = group.at("/dag/outputs/artifacts/pipelinechannel--make-data/artifactSelectors/0");
    assertEquals("make", data.path("producerSubtask").asString());
    assertEquals("data", data.path("outputArtifactKey").asString());
    JsonNode doubled = group.at("/dag/outputs/parameters/pipelinechannel--double-out/valueFromParameter");
    assertEquals("for-loop-1", doubled.path("producerSubtask").asString(), "from the loop that collects them");
    assertEquals("pipelinechannel--double-out", doubled.path("outputParameterKey").asString());
    assertEquals("STRING", group.at("/outputDefinitions/parameters/pipelinechannel--make-out/parameterType").asString());
    assertEquals("system.Dataset",
        group.at("/outputDefinitions/artifacts/pipelinechannel--make-data/artifactType/schemaTitle").asString());
    assertEquals("LIST", group.at("/outputDefinitions/parameters/pipelinechannel--double-out/parameterType").asString());
  }

  @Test
  void theyReadBackAsTheOutputsWrittenAndWriteAgainTheSame() {
    String yaml = Kfp2Writer.write(pipeline(outputs()));
    Pipeline back = Kfp2Reader.read(yaml, "exit-outputs.yaml");
    assertEquals(outputs(), back.outputs());
    assertEquals("bye", back.exitTask().name());
    assertEquals(yaml, Kfp2Writer.write(back));
  }

  @Test
  void withoutOutputsTheExitHandlersGroupHasNone() {
    JsonNode group = Yaml.readAll(Kfp2Writer.write(pipeline(Map.of()))).get(0).at("/components/comp-exit-handler-1");
    assertFalse(group.has("outputDefinitions"), group.toString());
    assertFalse(group.path("dag").has("outputs"), group.toString());
  }

  @Test
  void theLocalRunnerRunsItAndGivesTheValuesTheOutputsSelect() throws Exception {
    String yaml = Kfp2Writer.write(pipeline(outputs()));
    LocalRunner runner = LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(OutputStream.nullOutputStream(), true)).build();
    RunResult r = runner.run(Workflow.parse(yaml, "exit-outputs.yaml"), Map.of());
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    assertEquals("hi", r.output(TEXT.task(), TEXT.output()));
    assertEquals("data hi", Files.readString(r.task("make").orElseThrow().artifacts().get("data")));
    assertEquals("2", r.output("for-loop-1(0)/double", "out"));
    assertEquals("4", r.output("for-loop-1(1)/double", "out"));
    assertTrue(r.tasks().stream().anyMatch(t -> t.name().equals("bye") && t.state().ok()), "the exit task ran");
  }

  @Test
  void anOutputFromAConditionOrLoopInTheExitHandlerIsStillRefused() {
    Predicate always = new Predicate.Comparison(TEXT, Predicate.Operator.EQ, Argument.Constant.of("hi"));
    Condition when = new Condition("condition-2", always,
        List.of(new Task("inner", MAKE, Map.of("text", Argument.Constant.of("x")))));
    FormatException e = assertThrows(FormatException.class,
        () -> Kfp2Writer.write(pipeline(Map.of("inner", new Argument.TaskOutput("inner", "out")), when)));
    assertEquals("pipeline 'exit-outputs': output 'inner' comes from 'inner', which runs inside a condition or loop; "
        + "a pipeline's outputs come from tasks of its top level (or of its exit handler's body)", e.getMessage());
    FormatException loop = assertThrows(FormatException.class,
        () -> Kfp2Writer.write(pipeline(Map.of("one", new Argument.TaskOutput("double", "out")))));
    assertTrue(loop.getMessage().contains("output 'one' comes from 'double', which runs inside a condition or loop"),
        loop.getMessage());
  }
}
