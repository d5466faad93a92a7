package dev.kfp4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.argo.ArgoWriter;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ContainerSpec;
import dev.kfp4j.spec.InputSpec;
import dev.kfp4j.spec.OutputSpec;
import dev.kfp4j.spec.Placeholder;
import dev.kfp4j.spec.TypeSpec;
import dev.kfp4j.yaml.Yaml;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A pipeline called in another ({@link CalledPipeline}): one task running its DAG in KFP 2's spec, its tasks put in,
 * named {@code <call>-<task>}, everywhere else ({@link Flattening#flat}).
 */
class CalledPipelineTest {
  private static final ComponentSpec ECHO = new ComponentSpec("echo", null, null, null,
      List.of(new InputSpec("msg", TypeSpec.named("String"), null, null, false)), List.of(new OutputSpec("out", TypeSpec.named("String"), null)),
      new ContainerSpec("alpine:3", List.of(new Placeholder.Literal("sh")), List.of(new Placeholder.Literal("-c"),
          new Placeholder.Literal("printf %s \"$0\" > \"$1\""), new Placeholder.InputValue("msg"), new Placeholder.OutputPath("out")),
          null, null), null);

  /** {@code inner(msg)}: echo msg, then echo what it said; gives the second's output. */
  private static final Pipeline INNER = new Pipeline("inner", null, List.of(new Parameter("msg", ParameterType.STRING, null, null)),
      List.of(new Task("echo", ECHO, Map.of("msg", new Argument.PipelineParameter("msg"))),
          new Task("echo-2", ECHO, Map.of("msg", new Argument.TaskOutput("echo", "out")))),
      null, PipelineSettings.DEFAULTS, null, Map.of("said", new Argument.TaskOutput("echo-2", "out")));

  /** {@code echo("hi")}, then {@code inner(its output)}, then echo what the call said. */
  private static final Pipeline OUTER = new Pipeline("outer", null, List.of(),
      List.of(new Task("echo", ECHO, Map.of("msg", Argument.Constant.of("hi"))),
          new CalledPipeline("inner", INNER, Map.of("msg", new Argument.TaskOutput("echo", "out"))),
          new Task("echo-2", ECHO, Map.of("msg", new Argument.TaskOutput("inner", "said")))),
      null, PipelineSettings.DEFAULTS, null);

  @Test
  void flatTheCalledPipelinesTasksAreNamedAfterTheCallAndReadWhatItIsGiven() {
    Pipeline flat = Flattening.flat(OUTER);
    assertEquals(List.of("echo", "inner-echo", "inner-echo-2", "echo-2"), flat.allNodes().stream().map(Node::name).toList());
    assertEquals(new Argument.TaskOutput("echo", "out"), ((Task) flat.node("inner-echo").orElseThrow()).arguments().get("msg"));
    assertEquals(new Argument.TaskOutput("inner-echo-2", "out"), ((Task) flat.node("echo-2").orElseThrow()).arguments().get("msg"));
    assertEquals(ArgoWriter.write(flat), ArgoWriter.write(OUTER)); // Argo has no nested pipelines
  }

  /**
   * A called pipeline's groups are numbered after the caller's as the processor numbers them: a chain's first branch after
   * the groups in it, as KFP 2's compiler numbers a {@code dsl.If} when the {@code dsl.Else} after it is read.
   */
  @Test
  void flatTheCalledPipelinesChainIsNumberedAsKfpNumbersOne() {
    Predicate said = new Predicate.Comparison(new Argument.TaskOutput("echo", "out"), Predicate.Operator.EQ, Argument.Constant.of("hi"));
    Task echo = new Task("echo", ECHO, Map.of("msg", Argument.Constant.of("hi")));
    // Dsl.when(said, () -> Dsl.when(said, () -> echo(...))).otherwise(() -> echo(...)), written as the processor names it
    Pipeline inner = new Pipeline("inner", null, List.of(),
        List.of(echo, new Branches("condition-branches-1", List.of(
            new Condition("condition-3", said, List.of(new Condition("condition-2", said, List.of(
                new Task("echo-2", ECHO, Map.of("msg", Argument.Constant.of("a"))))))),
            new Condition("condition-4", null, List.of(new Task("echo-3", ECHO, Map.of("msg", Argument.Constant.of("b")))))))),
        null, PipelineSettings.DEFAULTS, null);
    Pipeline outer = new Pipeline("outer", null, List.of(),
        List.of(echo, new Condition("condition-1", said, List.of(new Task("echo-2", ECHO, Map.of("msg", Argument.Constant.of("c"))))),
            new CalledPipeline("inner", inner, Map.of())),
        null, PipelineSettings.DEFAULTS, null);
    assertEquals(List.of("echo", "condition-1", "echo-2", "inner-echo", "condition-branches-2", "condition-4", "condition-3",
        "inner-echo-2", "condition-5", "inner-echo-3"), Flattening.flat(outer).allNodes().stream().map(Node::name).toList());
  }

  @Test
  void kfp2WritesOneTaskRunningTheCalledPipelinesDagAndReadsItBack() {
    String yaml = Kfp2Writer.write(OUTER);
    JsonNode spec = Yaml.readAll(yaml).get(0);
    JsonNode call = spec.at("/root/dag/tasks/inner");
    assertEquals("comp-inner", call.at("/componentRef/name").asString());
    assertEquals("echo", call.at("/inputs/parameters/msg/taskOutputParameter/producerTask").asString());
    assertEquals("msg", spec.at("/components/comp-inner/dag/tasks/echo/inputs/parameters/msg/componentInputParameter").asString());
    assertEquals("echo-2", spec.at("/components/comp-inner/dag/outputs/parameters/said/valueFromParameter/producerSubtask").asString());
    assertEquals("inner", spec.at("/root/dag/tasks/echo-2/inputs/parameters/msg/taskOutputParameter/producerTask").asString());
    // the called pipeline's components are its own, renamed where the caller's have the name, as KFP's compiler merges them
    assertEquals("comp-echo-2", spec.at("/components/comp-inner/dag/tasks/echo/componentRef/name").asString());
    assertTrue(spec.at("/deploymentSpec/executors").has("exec-echo-2"));
    // read back with the call kept, its tasks named as in the called pipeline
    CalledPipeline read = (CalledPipeline) Kfp2Reader.readNested(yaml, "outer.yaml").node("inner").orElseThrow();
    assertEquals(OUTER.node("inner").map(n -> ((CalledPipeline) n).arguments()).orElseThrow(), read.arguments());
    assertEquals(List.of("echo", "echo-2"), read.pipeline().nodes().stream().map(Node::name).toList());
    assertEquals(INNER.outputs(), read.pipeline().outputs());
    assertEquals(yaml, Kfp2Writer.write(Kfp2Reader.readNested(yaml, "outer.yaml")));
    // read for a run, its tasks are put in, keeping their names where free
    assertEquals(List.of("echo", "inner-echo", "inner-echo-2", "echo-2"),
        Kfp2Reader.read(yaml, "outer.yaml").allNodes().stream().map(Node::name).toList());
  }

  @Test
  void aCallGivesItsPipelineItsParametersOnly() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new CalledPipeline("inner", INNER, Map.of("message", Argument.Constant.of("hi"))));
    assertEquals("call 'inner' gives pipeline 'inner' argument 'message', which is none of its parameters", e.getMessage());
  }
}
