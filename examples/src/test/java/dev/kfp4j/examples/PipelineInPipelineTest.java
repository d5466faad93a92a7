package dev.kfp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.TaskResult;
import dev.kfp4j.local.Workflow;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pipelines of {@code PipelineInPipeline}, compiled by the real processor, run on this machine
 * from each format: the called pipeline's tasks run where the call is, named after it, the second
 * call of {@code greet} taking what the first gave.
 */
class PipelineInPipelineTest {
  @TempDir Path dir;

  private RunResult run(String resource, Map<String, String> arguments) {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    Workflow wf = Workflow.resource(getClass().getClassLoader(), resource);
    RunResult r = LocalRunner.builder().root(dir).caching(false)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).build().run(wf, arguments);
    assertTrue(r.succeeded(), () -> r.failedTask() + "\n" + console);
    return r;
  }

  private static List<TaskResult.State> states(RunResult r, String name) {
    return r.tasks().stream().filter(t -> t.name().equals(name)).map(TaskResult::state).toList();
  }

  /**
   * The tasks of a called pipeline are named {@code <call>-<task>} in the Argo workflow, which has them flat; in KFP 2's spec each
   * call is a DAG of its own, its tasks named as in the called pipeline, and a run of it names them as kfp4j reads KFP's specs:
   * {@code <call>-<task>} where the name is taken in the pipeline.
   */
  @ParameterizedTest
  @ValueSource(strings = {"META-INF/kfp4j/pipelines/", "META-INF/kfp4j/kfp2/pipelines/"})
  void aPipelineCalledTwiceRunsTwiceTheSecondAfterTheFirst(String folder) {
    RunResult r = run(folder + "greet-twice.yaml", Map.of("greeting", "Hi"));
    String first = folder.contains("kfp2") ? "" : "greet-";
    assertEquals("Hi", r.output(first + "print-op1", "Output"));
    assertEquals("Hi", r.output("greet-2-print-op1", "Output"));
    assertEquals(List.of(TaskResult.State.Succeeded), states(r, first + "print-op2"));
    assertEquals(List.of(TaskResult.State.Succeeded), states(r, "greet-2-print-op2"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"META-INF/kfp4j/pipelines/", "META-INF/kfp4j/kfp2/pipelines/"})
  void aPipelineCalledInALoopRunsOncePerItem(String folder) {
    RunResult r = run(folder + "pipeline-in-pipeline-complex.yaml", Map.of());
    String inner = folder.contains("kfp2") ? "" : "inner-pipeline-";
    assertEquals("Hello", r.output("print-op1", "Output"));
    assertEquals(2, states(r, "inner-pipeline-print-op1").size());
    // 'Hello' says world, 'world!' says Bye!: each branch runs once, and is skipped once
    assertEquals(1, states(r, inner + "print-op2").stream().filter(s -> s == TaskResult.State.Succeeded).count());
    assertEquals(1, states(r, inner + "print-op2-2").stream().filter(s -> s == TaskResult.State.Succeeded).count());
  }

  /**
   * The KFP 2 spec of {@code pipeline-in-pipeline-complex} is KFP's ({@code pipeline_in_pipeline_complex.yaml}, KFP 2.13's
   * compiler): the call in the loop is one task running {@code comp-inner-pipeline}, a DAG taking {@code msg}, its tasks and
   * conditions inside it, its components merged into the caller's ({@code comp-print-op1-2}), the loop named as KFP names
   * it ({@code for-loop-2}, its item {@code loop-item-param-1}); KFP's Python port prints 'Bye!' with a third component.
   */
  @org.junit.jupiter.api.Test
  void theCallIsOneTaskRunningTheCalledPipelinesDagAsKfpWritesIt() {
    String yaml = dev.kfp4j.yaml.Yaml.resource(getClass(), "META-INF/kfp4j/kfp2/pipelines/pipeline-in-pipeline-complex.yaml");
    dev.kfp4j.testing.Kfp2Schemas.assertValid(yaml, "pipeline-in-pipeline-complex.yaml");
    tools.jackson.databind.JsonNode ours = dev.kfp4j.yaml.Yaml.readAll(yaml).get(0);
    tools.jackson.databind.JsonNode kfp = dev.kfp4j.yaml.Yaml.readAll(
        dev.kfp4j.yaml.Yaml.resource(getClass(), "dev/kfp4j/examples/pipeline_in_pipeline_complex.yaml")).get(0);
    assertEquals(kfp.at("/components/comp-for-loop-2/dag"), ours.at("/components/comp-for-loop-2/dag"), yaml);
    assertEquals(kfp.at("/components/comp-for-loop-2/inputDefinitions"), ours.at("/components/comp-for-loop-2/inputDefinitions"));
    tools.jackson.databind.JsonNode inner = ours.at("/components/comp-inner-pipeline").deepCopy();
    ((tools.jackson.databind.node.ObjectNode) inner.at("/inputDefinitions/parameters/msg")).remove("description");
    assertEquals(kfp.at("/components/comp-inner-pipeline"), inner, yaml);
    assertEquals(kfp.at("/components/comp-condition-1"), ours.at("/components/comp-condition-1"), yaml);
    assertEquals(kfp.at("/components/comp-print-op1-2/executorLabel"), ours.at("/components/comp-print-op1-2/executorLabel"));
    assertEquals(kfp.at("/root/dag/tasks/print-op1"), ours.at("/root/dag/tasks/print-op1"));
    assertTrue(ours.at("/deploymentSpec/executors").has("exec-print-op1-2"), yaml);
  }

  /**
   * KFP's spec read with its called pipeline kept ({@code Kfp2Reader.readNested}): the loop holds one call of {@code
   * inner-pipeline}, whose pipeline has its own tasks and conditions; written again, its components and root are KFP's. Read
   * for a run ({@code Kfp2Reader.read}), the call's tasks are put in, named as before.
   */
  @org.junit.jupiter.api.Test
  void kfpsSpecReadsBackWithTheCallKeptAndWritesAsKfpWroteIt() {
    String yaml = dev.kfp4j.yaml.Yaml.resource(getClass(), "dev/kfp4j/examples/pipeline_in_pipeline_complex.yaml");
    dev.kfp4j.model.Pipeline nested = dev.kfp4j.format.kfp2.Kfp2Reader.readNested(yaml, "pipeline_in_pipeline_complex.yaml");
    dev.kfp4j.model.Loop loop = (dev.kfp4j.model.Loop) nested.node("for-loop-2").orElseThrow();
    dev.kfp4j.model.CalledPipeline call = (dev.kfp4j.model.CalledPipeline) loop.body().get(0);
    assertEquals("inner-pipeline", call.name());
    assertEquals(Map.of("msg", new dev.kfp4j.model.Argument.LoopItem("for-loop-2", null)), call.arguments());
    assertEquals(List.of("print-op1", "condition-1", "condition-2"),
        call.pipeline().nodes().stream().map(dev.kfp4j.model.Node::name).toList());
    tools.jackson.databind.JsonNode kfp = dev.kfp4j.yaml.Yaml.readAll(yaml).get(0);
    tools.jackson.databind.JsonNode written = dev.kfp4j.yaml.Yaml.readAll(dev.kfp4j.format.kfp2.Kfp2Writer.write(nested)).get(0);
    assertEquals(kfp.get("components"), written.get("components"));
    assertEquals(kfp.get("root"), written.get("root"));
    assertEquals(kfp.at("/deploymentSpec/executors").propertyNames(), written.at("/deploymentSpec/executors").propertyNames());
    dev.kfp4j.model.Pipeline flat = dev.kfp4j.format.kfp2.Kfp2Reader.read(yaml, "pipeline_in_pipeline_complex.yaml");
    assertEquals(flat, dev.kfp4j.model.Flattening.flatAsRead(nested));
    assertTrue(flat.node("inner-pipeline-print-op1").isPresent());
  }
}
