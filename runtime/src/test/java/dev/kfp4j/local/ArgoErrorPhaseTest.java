package dev.kfp4j.local;

import static dev.kfp4j.local.LocalRunnerTest.sh;
import static dev.kfp4j.local.LocalRunnerTest.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.local.TaskResult.State;
import dev.kfp4j.yaml.Yaml;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A DAG task of an Argo workflow that Argo's controller cannot proceed with (its {@code when} cannot be evaluated, a value it
 * reads cannot be resolved, its {@code withParam} is no list under a true {@code when}) ends in {@code Error}, not {@code
 * Failed} ({@code executeDAGTask} in {@code workflow/controller/dag.go}); the DAG takes the phase of the first of its leaf
 * tasks whose branch failed ({@code assessDAGPhase}), and the workflow its DAG's: the exit handler's {@code
 * {{workflow.status}}} is {@code Error}, and so is the run's state.
 */
class ArgoErrorPhaseTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  private static final String FAIL = "  - name: fail\n    inputs: {parameters: [{name: x}]}\n    container:\n      image: a\n"
      + "      command: [sh, -c, 'exit 3']\n";

  /** A run of the DAG of {@code tasks}, with an exit handler writing {@code {{workflow.status}}} to {@code status}. */
  private RunResult run(String tasks, Path status) {
    String y = "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {generateName: errors-}\nspec:\n  entrypoint: main\n"
        + "  onExit: report\n  templates:\n  - name: main\n    dag:\n      tasks:\n" + tasks + sh("double", LocalRunnerTest.DOUBLE) + FAIL
        + "  - name: report\n    container:\n      image: a\n      command: [sh, -c, 'echo {{workflow.status}} > " + status + "']\n";
    LocalRunner runner = LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).progress(false).summary(true).build();
    return runner.run(Workflow.parse(y, "errors.yaml"), Map.of());
  }

  private static String recorded(RunResult r) throws Exception {
    return Yaml.json().readTree(r.runDir().resolve("run.json").toFile()).path("state").asString();
  }

  @Test
  void aWhenThatCannotBeEvaluatedErrorsItsTaskAndTheRunAndTheExitHandlerSeesError() throws Exception {
    Path status = dir.resolve("status");
    String tasks = task("a", "double", "1")
        + "      - {name: b, template: double, dependencies: [a], when: \"{{=asFloat(tasks['a'].outputs.parameters['out']) > "
        + "asFloat('x')}}\", arguments: {parameters: [{name: x, value: '1'}]}}\n"
        + task("c", "double", "1", "b");
    RunResult r = run(tasks, status);
    assertEquals(State.Error, r.task("b").orElseThrow().state(), console.toString());
    assertEquals(State.Omitted, r.task("c").orElseThrow().state());
    assertEquals("Error\n", Files.readString(status), "the exit handler's {{workflow.status}}");
    assertEquals(State.Error, r.state());
    assertEquals("Error", recorded(r));
    String out = console.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("run errors " + r.runId() + ": Error"), out);
    assertTrue(out.contains("task 'b' errored: "), out);
  }

  @Test
  void anUnresolvableReferenceAndAWithParamThatIsNoListUnderATrueWhenErrorTheirTasks() throws Exception {
    Path status = dir.resolve("status");
    String tasks = task("a", "double", "1") + task("b", "double", "{{tasks.a.outputs.parameters.nope}}", "a")
        + "      - {name: c, template: double, dependencies: [a], withParam: '{{tasks.a.outputs.parameters.out}}', when: '1 == 1', "
        + "arguments: {parameters: [{name: x, value: '{{item}}'}]}}\n"
        + "      - {name: d, template: double, withItems: [{v: 1}], arguments: {parameters: [{name: x, value: '{{item.w}}'}]}}\n";
    RunResult r = run(tasks, status);
    assertEquals(State.Error, r.task("b").orElseThrow().state(), r.task("b").orElseThrow().message());
    assertEquals(State.Error, r.task("c").orElseThrow().state(), r.task("c").orElseThrow().message());
    assertEquals(State.Error, r.task("d(0)").orElseThrow().state(), r.task("d(0)").orElseThrow().message());
    assertEquals("Error\n", Files.readString(status));
    assertEquals(State.Error, r.state());
  }

  /** Argo's DAG takes the phase of the first leaf task, in the DAG's order, whose branch failed or ended in error. */
  @Test
  void aDagThatFailedAndErredTakesThePhaseOfItsFirstFailedLeafBranch() throws Exception {
    Path status = dir.resolve("status");
    String errs = "      - {name: e, template: double, when: \"{{=asFloat('x') == 1}}\", arguments: {parameters: [{name: x, value: '1'}]}}\n";
    RunResult failedFirst = run(task("f", "fail", "1") + errs, status);
    assertEquals(State.Error, failedFirst.task("e").orElseThrow().state());
    assertEquals(State.Failed, failedFirst.task("f").orElseThrow().state());
    assertEquals("Failed\n", Files.readString(status));
    assertEquals(State.Failed, failedFirst.state());
    assertEquals("Failed", recorded(failedFirst));

    RunResult erredFirst = run(errs + task("f", "fail", "1"), status);
    assertEquals("Error\n", Files.readString(status));
    assertEquals(State.Error, erredFirst.state());

    // a leaf omitted after a task in error ends its branch in error, one that failed after it fails it
    RunResult omitted = run(task("f", "fail", "1") + errs + task("after-e", "double", "1", "e"), status);
    assertEquals(State.Omitted, omitted.task("after-e").orElseThrow().state());
    assertEquals("Failed\n", Files.readString(status), "f, a leaf before after-e, failed");
    RunResult erredBranch = run(errs + task("after-e", "double", "1", "e") + task("f", "fail", "1"), status);
    assertEquals("Error\n", Files.readString(status), "after-e is omitted in e's branch, which ended in error");
    assertEquals(State.Error, erredBranch.state());
  }

  /**
   * A task waiting for a nested DAG takes the DAG's phase when it does not run, and the DAG's is that of the first of its own
   * leaf tasks whose branch failed, in its order ({@code assessDAGPhase}, workflow/controller/dag.go: the omitted task is
   * reached in the BFS from the DAG's node, whose phase is its branch phase, and from the outbound nodes, the DAG's leaves,
   * {@code z} first, as {@code x} is no leaf). Here {@code x}, no leaf of {@code inner}, failed, and {@code z}, its first leaf,
   * ended in error: {@code inner} ends in Error, so does {@code after}'s branch and the workflow, though {@code x} comes first.
   */
  @Test
  void aTaskAfterANestedDagThatFailedAndErredEndsItsBranchAsThatDagsFirstLeaf() throws Exception {
    Path status = dir.resolve("status");
    String tasks = "      - {name: n, template: inner}\n" + task("after", "double", "1", "n")
        + "  - name: inner\n    dag:\n      tasks:\n" + task("x", "fail", "1")
        + "      - {name: z, template: double, when: \"{{=asFloat('x') == 1}}\", arguments: {parameters: [{name: x, value: '1'}]}}\n"
        + task("y", "double", "1", "x");
    RunResult r = run(tasks, status);
    assertEquals(State.Failed, r.task("x").orElseThrow().state(), console.toString());
    assertEquals(State.Error, r.task("z").orElseThrow().state());
    assertEquals(State.Omitted, r.task("y").orElseThrow().state());
    assertEquals(State.Omitted, r.task("after").orElseThrow().state());
    assertEquals("Error\n", Files.readString(status), "the exit handler's {{workflow.status}}");
    assertEquals(State.Error, r.state());
    assertEquals("Error", recorded(r));
  }
}
