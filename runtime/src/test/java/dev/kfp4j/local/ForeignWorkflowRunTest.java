package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.local.TaskResult.State;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workflows other tools write run from their model as they ran before: variables in a template's text, untyped outputs. */
class ForeignWorkflowRunTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  private LocalRunner runner() {
    return LocalRunner.builder().root(dir.resolve("runs")).caching(false).console(new PrintStream(console, true, StandardCharsets.UTF_8))
        .progress(false).summary(false).build();
  }

  @Test
  void theRunsNameInAnEnvValueAndTextAroundAnInputInArgs() {
    String t = "  - name: t\n    inputs: {parameters: [{name: x}]}\n    outputs: {parameters: [{name: out, valueFrom: {path: /tmp/o}}]}\n"
        + "    container:\n      image: a\n      command: [sh, -c]\n"
        + "      args: ['echo \"$RUN x={{inputs.parameters.x}}!\" > /tmp/o']\n"
        + "      env: [{name: RUN, value: 'run {{workflow.name}}'}]\n";
    RunResult r = runner().run(LocalRunnerTest.workflow("env", "    - {name: n, value: '5'}\n",
        LocalRunnerTest.task("a", "t", "{{workflow.parameters.n}}"), t), Map.of());
    assertTrue(r.succeeded(), console.toString());
    assertEquals("run env-" + r.runId() + " x=5!", r.output("a", "out"));
  }

  @Test
  void anUntypedOutputFeedsAConditionAsAValue() {
    String flip = "  - name: flip\n    outputs: {parameters: [{name: out, valueFrom: {path: /tmp/o}}]}\n"
        + "    container: {image: a, command: [sh, -c, 'echo heads > /tmp/o']}\n";
    String tasks = "      - {name: f, template: flip}\n"
        + "      - {name: h, template: double, dependencies: [f], when: '{{tasks.f.outputs.parameters.out}} == heads',"
        + " arguments: {parameters: [{name: x, value: '1'}]}}\n"
        + "      - {name: t, template: double, dependencies: [f], when: '{{tasks.f.outputs.parameters.out}} == tails',"
        + " arguments: {parameters: [{name: x, value: '2'}]}}\n";
    RunResult r = runner().run(LocalRunnerTest.workflow("flip", "", tasks, flip, LocalRunnerTest.sh("double", LocalRunnerTest.DOUBLE)),
        Map.of());
    assertTrue(r.succeeded(), console.toString());
    assertEquals("heads", r.output("f", "out"));
    assertEquals("2", r.output("h", "out"));
    assertEquals(State.Skipped, r.task("t").orElseThrow().state());
    assertEquals("condition 'heads' == 'tails' is false", r.task("t").orElseThrow().message());
  }

  @Test
  void aVariableTheRunnerHasNoValueForIsNamedBeforeAnythingRuns() {
    String t = "  - name: t\n    inputs: {parameters: [{name: x}]}\n    container: {image: a, command: [sh, -c, 'echo {{pod.name}}']}\n";
    Workflow wf = LocalRunnerTest.workflow("pod", "", LocalRunnerTest.task("a", "t", "1"), t);
    WorkflowException e = assertThrows(WorkflowException.class, () -> runner().run(wf, Map.of()));
    assertTrue(e.getMessage().startsWith("pod.yaml: template 't': container.command[2] names '{{pod.name}}', which kfp4j cannot give a value"),
        e.getMessage());
    assertFalse(Files.exists(dir.resolve("runs")), "nothing ran");
  }

  @Test
  void anEntrypointInputNoParameterGivesIsNamedWithItsTemplate() {
    String y = "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {generateName: entry-}\nspec:\n  entrypoint: main\n"
        + "  templates:\n  - name: main\n    inputs: {parameters: [{name: p}]}\n    dag:\n      tasks:\n"
        + LocalRunnerTest.task("a", "double", "{{inputs.parameters.p}}") + LocalRunnerTest.sh("double", LocalRunnerTest.DOUBLE);
    WorkflowException e = assertThrows(WorkflowException.class, () -> runner().run(Workflow.parse(y, "entry.yaml"), Map.of()));
    assertEquals("entry.yaml: the entrypoint template 'main' needs input 'p', which no workflow parameter gives; "
        + "add it to spec.arguments.parameters or give the input a value", e.getMessage());
  }
}
