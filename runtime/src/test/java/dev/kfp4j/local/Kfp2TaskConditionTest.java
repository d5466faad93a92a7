package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.local.TaskResult.State;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Condition;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Predicate;
import dev.kfp4j.model.Task;
import dev.kfp4j.yaml.Yaml;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@code triggerPolicy.condition} on a KFP 2 task that runs a container, which KFP's backend tests
 * on the task's inputs before running it: read as a condition around the task ({@code
 * condition-<task>}), as the Argo reader reads a {@code when} on such a task; run and shown as that
 * task, skipped when it does not hold; written back as KFP's compiler writes a condition, a group
 * task holding the task. A spec that does not hang together, or passes an input its component does
 * not take, is refused before anything runs.
 */
class Kfp2TaskConditionTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  private LocalRunner runner() {
    return LocalRunner.builder().root(dir.resolve("runs")).caching(false).summary(true)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).build();
  }

  /** The add example, multiply running only when {@code condition} holds, reading its inputs {@code extra} too. */
  private static ObjectNode conditional(String condition, Map<String, String> extra) {
    ObjectNode spec = dev.kfp4j.format.kfp2.SpecChecksTest.spec();
    ObjectNode multiply = dev.kfp4j.format.kfp2.SpecChecksTest.task(spec, "multiply");
    multiply.putObject("triggerPolicy").put("condition", condition);
    extra.forEach((input, parameter) -> ((ObjectNode) multiply.get("inputs").get("parameters")).putObject(input)
        .put("componentInputParameter", parameter));
    return spec;
  }

  private static Workflow workflow(JsonNode spec) {
    return Workflow.parse(List.of(spec), "", "conditional.yaml");
  }

  @Test
  void aConditionOnAContainerTaskIsAConditionAroundIt() {
    Pipeline p = Kfp2Reader.read(List.of(conditional("int(inputs.parameter_values['pipelinechannel--value1']) == 3",
        Map.of("pipelinechannel--value1", "value1"))), "", "conditional.yaml");
    Condition c = assertInstanceOf(Condition.class, p.node("condition-multiply").orElseThrow());
    Task multiply = assertInstanceOf(Task.class, c.body().get(0));
    assertEquals(1, c.body().size());
    assertEquals(new Predicate.Comparison(new Argument.PipelineParameter("value1"), Predicate.Operator.EQ,
        new Argument.Constant("3", dev.kfp4j.model.ParameterType.INTEGER)), c.predicate());
    assertEquals(List.of("a", "b"), List.copyOf(multiply.arguments().keySet()), "the condition's own input is not the task's");

    // written back as KFP's compiler writes a condition: a group task with the condition, holding the task
    JsonNode written = Yaml.readAll(Kfp2Writer.write(p)).get(0);
    JsonNode group = written.path("root").path("dag").path("tasks").path("condition-multiply");
    assertEquals("int(inputs.parameter_values['pipelinechannel--value1']) == 3", group.path("triggerPolicy").path("condition").asString());
    assertTrue(written.path("components").path("comp-condition-multiply").path("dag").path("tasks").has("multiply"), written.toString());
    assertEquals(p.nodes(), Kfp2Reader.read(List.of(written), "", "again.yaml").nodes(), "read again, the same model");
  }

  @Test
  void theTaskRunsWhenItsConditionHoldsAndIsSkippedWhenNot() {
    Workflow w = workflow(conditional("int(inputs.parameter_values['a']) > 100", Map.of()));
    w.checkRunnable();
    RunResult small = runner().run(w, Map.of());
    assertTrue(small.succeeded(), () -> String.valueOf(small.failedTask()));
    assertEquals("7", small.output("add", "Output"));
    TaskResult skipped = small.task("multiply").orElseThrow();
    assertEquals(State.Skipped, skipped.state(), "shown as the task, not as a group around it");
    assertTrue(skipped.message().contains("is false"), skipped.message());

    RunResult big = runner().run(w, Map.of("value1", "200"));
    assertTrue(big.succeeded(), () -> String.valueOf(big.failedTask()));
    assertEquals(String.valueOf(204 * 196), big.output("multiply", "Output"));
  }

  @Test
  void aBadConditionOrOneOnAnOutputReadOutsideItIsRefusedNamingTheTask() {
    FormatException garbage = assertThrows(FormatException.class,
        () -> Kfp2Reader.read(List.of(conditional("garbage !!", Map.of())), "", "c.yaml"));
    assertTrue(garbage.getMessage().startsWith("c.yaml: root, task 'multiply': condition 'garbage !!'"), garbage.getMessage());
    FormatException unknown = assertThrows(FormatException.class,
        () -> Kfp2Reader.read(List.of(conditional("inputs.parameter_values['nope'] == 1", Map.of())), "", "c.yaml"));
    assertTrue(unknown.getMessage().contains("task 'multiply': its condition reads input 'nope', which the task is not given"),
        unknown.getMessage());

    ObjectNode spec = dev.kfp4j.format.kfp2.SpecChecksTest.spec();
    dev.kfp4j.format.kfp2.SpecChecksTest.task(spec, "add").putObject("triggerPolicy")
        .put("condition", "int(inputs.parameter_values['a']) > 1");
    FormatException outside = assertThrows(FormatException.class, () -> Kfp2Reader.read(List.of(spec), "", "c.yaml"));
    assertTrue(outside.getMessage().contains("task 'multiply', input 'a' reads an output of task 'add', which runs only when its "
        + "triggerPolicy.condition holds"), outside.getMessage());
  }

  @Test
  void theRunnerRefusesABrokenSpecBeforeAnythingRuns() throws Exception {
    ObjectNode cycle = dev.kfp4j.format.kfp2.SpecChecksTest.spec();
    dev.kfp4j.format.kfp2.SpecChecksTest.task(cycle, "add").putArray("dependentTasks").add("multiply");
    WorkflowException e = assertThrows(WorkflowException.class, () -> workflow(cycle));
    assertTrue(e.getMessage().contains("tasks of root depend on each other in a cycle: add -> multiply -> add"), e.getMessage());

    // an input the component does not take: a cluster would pass it to no one; the runner refuses, as for an Argo workflow
    ObjectNode extra = dev.kfp4j.format.kfp2.SpecChecksTest.spec();
    ((ObjectNode) dev.kfp4j.format.kfp2.SpecChecksTest.task(extra, "add").get("inputs").get("parameters")).putObject("zzz")
        .putObject("runtimeValue").put("constant", 1);
    Workflow w = workflow(extra);
    w.check();
    WorkflowException refused = assertThrows(WorkflowException.class, () -> runner().run(w, Map.of()));
    assertEquals("conditional.yaml: task 'add' passes 'zzz', which component 'add' does not take", refused.getMessage());
    assertFalse(Files.exists(dir.resolve("runs")) && Files.list(dir.resolve("runs")).findAny().isPresent(), "nothing ran");
  }
}
