package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.model.Branches;

import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Condition;
import dev.kfp4j.model.Loop;
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
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A loop collecting ({@link Argument.Collected}, KFP 2's {@code dsl.Collected}) the outputs of a
 * task in a loop and a condition inside it, as KFP's {@code artifacts_complex.py} and {@code
 * nested_with_parameters.py} do: written as KFP's compiler writes it (each group on the way outputs
 * the list under the same key, selected from the group below), read back as the same model, and
 * run locally, where the consumer gets one flat list, the outer items' order first, without the
 * iterations where the condition was false, as KFP's driver gathers it.
 */
class NestedCollectRunTest {
  @TempDir Path dir;

  /** Writes {@code <x>/<y>} to a {@code Dataset} and as its value. */
  private static final ComponentSpec MAKE = new ComponentSpec("make", null, null, null,
      List.of(new InputSpec("x", TypeSpec.named("Integer"), null, null, false), new InputSpec("y", TypeSpec.named("Integer"), null,
          null, false)),
      List.of(new OutputSpec("data", TypeSpec.named("Dataset"), null), new OutputSpec("value", TypeSpec.named("String"), null)),
      new ContainerSpec("python:3", List.of(new Placeholder.Literal("python3"), new Placeholder.Literal("-c")),
          List.of(new Placeholder.Literal("""
              import json, sys
              e = json.loads(sys.argv[1])
              p = e['inputs']['parameterValues']
              text = '%d/%d' % (p['x'], p['y'])
              a = e['outputs']['artifacts']['data']['artifacts'][0]
              open(a['uri'], 'w').write(text)
              json.dump({'artifacts': {'data': {'artifacts': [a]}}, 'parameterValues': {'value': text}},
                        open(e['outputs']['outputFile'], 'w'))
              """), new Placeholder.ExecutorInput()), null, null),
      null);

  /** Joins the texts of its list of datasets. */
  private static final ComponentSpec JOIN = new ComponentSpec("join", null, null, null,
      List.of(InputSpec.artifactList("datasets", TypeSpec.named("system.Dataset"), null, false)),
      List.of(new OutputSpec("joined", TypeSpec.named("String"), null)),
      new ContainerSpec("python:3", List.of(new Placeholder.Literal("python3"), new Placeholder.Literal("-c")),
          List.of(new Placeholder.Literal("""
              import json, sys
              ds = json.loads(sys.argv[1])
              open(sys.argv[2], 'w').write(','.join(open(d['uri']).read() for d in ds))
              """), new Placeholder.InputArtifacts("datasets"), new Placeholder.OutputPath("joined")), null, null),
      null);

  /** Gives the list of values it takes as it got it. */
  private static final ComponentSpec SHOW = new ComponentSpec("show", null, null, null,
      List.of(new InputSpec("values", TypeSpec.named("JsonArray"), null, null, false)),
      List.of(new OutputSpec("shown", TypeSpec.named("String"), null)),
      new ContainerSpec("python:3", List.of(new Placeholder.Literal("python3"), new Placeholder.Literal("-c")),
          List.of(new Placeholder.Literal("""
              import json, sys
              open(sys.argv[2], 'w').write(json.dumps(json.loads(sys.argv[1])))
              """), new Placeholder.InputValue("values"), new Placeholder.OutputPath("shown")), null, null),
      null);

  private static List<Argument.Constant> ints(int... values) {
    return java.util.Arrays.stream(values).mapToObj(v -> new Argument.Constant(Integer.toString(v), ParameterType.INTEGER)).toList();
  }

  /** {@code for x in [1, 2, 3]: for y in [1, 2, 3]: if y >= 2: make(x, y)}, its outputs collected inside the outer loop and after it. */
  static Pipeline pipeline() {
    Task make = new Task("make", MAKE, Map.of("x", new Argument.LoopItem("for-loop-1", null), "y",
        new Argument.LoopItem("for-loop-2", null)));
    Condition atLeastTwo = new Condition("condition-3", new Predicate.Comparison(new Argument.LoopItem("for-loop-2", null),
        Predicate.Operator.GE, new Argument.Constant("2", ParameterType.INTEGER)), List.of(make));
    Loop inner = new Loop("for-loop-2", new Loop.Constants(ints(1, 2, 3)), 0, List.of(atLeastTwo));
    Task joinInner = new Task("join-inner", JOIN, Map.of("datasets", new Argument.Collected("for-loop-2", "make", "data")));
    Loop outer = new Loop("for-loop-1", new Loop.Constants(ints(1, 2, 3)), 0, List.of(inner, joinInner));
    Argument.Collected all = new Argument.Collected("for-loop-1", "make", "data");
    return new Pipeline("nested-collect", null, List.of(), List.of(outer,
        new Task("join", JOIN, Map.of("datasets", all)),
        new Task("show", SHOW, Map.of("values", new Argument.Collected("for-loop-1", "make", "value"))),
        new Task("show-joined", SHOW, Map.of("values", new Argument.Collected("for-loop-1", "join-inner", "joined")))),
        null, PipelineSettings.DEFAULTS, null, Map.of("all", all));
  }

  @Test
  void writtenAsKfpsCompilerWritesItAndReadBack() {
    String yaml = Kfp2Writer.write(pipeline());
    JsonNode spec = Yaml.read(yaml);
    assertEquals(Yaml.readJson("""
        {"artifacts": {"pipelinechannel--make-data": {"artifactSelectors": [
          {"outputArtifactKey": "pipelinechannel--make-data", "producerSubtask": "for-loop-2"}]}},
         "parameters": {
          "pipelinechannel--join-inner-joined": {"valueFromParameter": {"outputParameterKey": "joined", "producerSubtask": "join-inner"}},
          "pipelinechannel--make-value": {"valueFromParameter": {"outputParameterKey": "pipelinechannel--make-value",
            "producerSubtask": "for-loop-2"}}}}"""), spec.at("/components/comp-for-loop-1/dag/outputs"));
    assertEquals(Yaml.readJson("""
        {"artifacts": {"pipelinechannel--make-data": {"artifactSelectors": [
          {"outputArtifactKey": "pipelinechannel--make-data", "producerSubtask": "condition-3"}]}},
         "parameters": {"pipelinechannel--make-value": {"valueFromParameter": {"outputParameterKey": "pipelinechannel--make-value",
            "producerSubtask": "condition-3"}}}}"""), spec.at("/components/comp-for-loop-2/dag/outputs"));
    assertEquals(Yaml.readJson("""
        {"artifacts": {"pipelinechannel--make-data": {"artifactSelectors": [{"outputArtifactKey": "data", "producerSubtask": "make"}]}},
         "parameters": {"pipelinechannel--make-value": {"valueFromParameter": {"outputParameterKey": "value",
            "producerSubtask": "make"}}}}"""), spec.at("/components/comp-condition-3/dag/outputs"));
    assertEquals(Yaml.readJson("""
        {"artifacts": {"pipelinechannel--make-data": {"artifactType": {"schemaTitle": "system.Dataset", "schemaVersion": "0.0.1"},
          "isArtifactList": true}},
         "parameters": {"pipelinechannel--make-value": {"parameterType": "LIST"}}}"""),
        spec.at("/components/comp-condition-3/outputDefinitions"));
    Pipeline back = Kfp2Reader.read(yaml, "nested-collect.yaml");
    for (String task : List.of("join", "show", "show-joined", "join-inner")) {
      assertEquals(((Task) pipeline().node(task).orElseThrow()).arguments(), ((Task) back.node(task).orElseThrow()).arguments(), task);
    }
    assertEquals(pipeline().outputs(), back.outputs());
    assertEquals(yaml, Kfp2Writer.write(back));
  }

  @Test
  void theConsumerGetsOneFlatListInTheItemsOrderWithoutTheIterationsWhereTheConditionWasFalse() {
    LocalRunner runner = LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).build();
    RunResult r = runner.run(Workflow.parse(Kfp2Writer.write(pipeline()), "nested-collect.yaml"), Map.of());
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    assertEquals("1/2,1/3,2/2,2/3,3/2,3/3", r.output("join", "joined"));
    assertEquals("[\"1/2\", \"1/3\", \"2/2\", \"2/3\", \"3/2\", \"3/3\"]", r.output("show", "shown"));
    assertEquals("[\"1/2,1/3\", \"2/2,2/3\", \"3/2,3/3\"]", r.output("show-joined", "shown"), "the inner loop's own, per outer item");
  }

  @Test
  void aTaskInABranchOfAChainIsNotCollected() {
    Pipeline p = pipeline();
    Loop outer = (Loop) p.nodes().get(0);
    Loop inner = (Loop) outer.body().get(0);
    Condition branch = (Condition) inner.body().get(0);
    Loop chained = new Loop(inner.name(), inner.items(), 0, List.of(new Branches("condition-branches-4", List.of(branch,
        new Condition("condition-5", null, List.of())))));
    Pipeline withChain = new Pipeline(p.name(), null, List.of(), List.of(new Loop(outer.name(), outer.items(), 0,
        List.of(chained, outer.body().get(1))), p.nodes().get(1)), null, PipelineSettings.DEFAULTS, null);
    FormatException e = assertThrows(FormatException.class, () -> Kfp2Writer.write(withChain));
    assertTrue(e.getMessage().contains("'make' is in 'condition-3', a chain of branches' branch; collect the outputs of a task in "
        + "the loop's body, or in loops and conditions in it"), e.getMessage());
  }

  /**
   * A pipeline output naming a group (as the KFP 2 reader reads KFP's conditional_producer_and_consumers.yaml, whose output comes
   * from a task in a condition) is refused; it was written as an output of an exit handler the pipeline does not have.
   */
  @Test
  void aPipelineOutputOfAGroupIsRefused() {
    Pipeline p = pipeline();
    Pipeline ofGroup = new Pipeline(p.name(), null, List.of(), p.nodes(), null, PipelineSettings.DEFAULTS, null,
        Map.of("Output", new Argument.TaskOutput("for-loop-1", "pipelinechannel--make-value")));
    FormatException e = assertThrows(FormatException.class, () -> Kfp2Writer.write(ofGroup));
    assertEquals("pipeline 'nested-collect': output 'Output' comes from 'for-loop-1', which is no step of the pipeline; a pipeline's "
        + "outputs come from its tasks", e.getMessage());
  }
}
