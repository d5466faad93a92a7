package dev.kfp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.TaskResult.State;
import dev.kfp4j.local.Workflow;
import dev.kfp4j.local.WorkflowException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The example pipelines, compiled by the real processor, run on this machine. */
class LocalRunExamplesTest {
  @TempDir Path dir;

  private LocalRunner runner(LocalRunner.JavaMode mode) {
    return LocalRunner.builder().root(dir).caching(false).javaMode(mode)
        .console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).build();
  }

  private RunResult run(String pipeline, Map<String, String> args) {
    Workflow wf = Workflow.resource(getClass().getClassLoader(), "META-INF/kfp4j/pipelines/" + pipeline + ".yaml");
    RunResult r = runner(LocalRunner.JavaMode.IN_PROCESS).run(wf, args);
    assertTrue(r.succeeded(), () -> pipeline + " failed: " + r.failedTask());
    return r;
  }

  @ParameterizedTest
  @EnumSource(LocalRunner.JavaMode.class)
  void theAddExampleGivesWhatThePythonOriginalGives(LocalRunner.JavaMode mode) {
    RunResult r = AddExamplePipeline.runLocally(3, 4);
    assertEquals("7", r.output("add", "Output"));
    assertEquals("-1", r.output("subtract", "Output"));
    assertEquals("-7", r.output("multiply", "Output"));
    RunResult sub = runner(mode).run(Workflow.resource(getClass().getClassLoader(), AddExamplePipeline.RESOURCE),
        AddExamplePipeline.arguments(10, 2));
    assertEquals("96", sub.output("multiply", "Output"));
  }

  @Test
  void coinFlipTakesTheBranchItsFlipGives() {
    // SplittableRandom(2) flips heads; flip-again's seed 5 flips tails; seed 1 flips tails.
    RunResult heads = run("pipeline-flip-coin", Map.of("seed", "2"));
    assertEquals("heads", heads.output("flip-coin", "Output"));
    assertEquals("tails", heads.output("condition-1/flip-coin-2", "Output"));
    assertEquals("tails", heads.output("condition-1/condition-2/echo", "Output"));
    assertEquals(State.Skipped, heads.task("condition-3").map(t -> t.state()).orElse(State.Skipped));
    RunResult tails = run("pipeline-flip-coin", Map.of("seed", "1"));
    assertEquals("tails", tails.output("flip-coin", "Output"));
    assertEquals("tails", tails.output("condition-3/echo-2", "Output"));
    assertTrue(tails.task("condition-1/flip-coin-2").isEmpty());
  }

  /**
   * A named condition and loop (cond_loop_artifact.py's 'big' and 'loop') run under their keys in the file run: KFP 2's
   * {@code condition-1}, Argo's {@code condition-big-1} (KFP v1's name of a named dsl.Condition); neither shows 'loop'.
   */
  @Test
  void namedGroupsRunUnderTheirKeysInTheFileRun() {
    RunResult argo = run("condition-loop-artifact", Map.of("n", "4"));
    assertEquals("9", argo.output("condition-big-1/for-loop-3(2)/square", "Output"));
    assertTrue(argo.task("condition-1/for-loop-3(2)/square").isEmpty());
    RunResult kfp2 = runner(LocalRunner.JavaMode.IN_PROCESS).run(Workflow.resource(getClass().getClassLoader(),
        "META-INF/kfp4j/kfp2/pipelines/condition-loop-artifact.yaml"), Map.of("n", "4"));
    assertTrue(kfp2.succeeded(), () -> "failed: " + kfp2.failedTask());
    assertEquals("9", kfp2.output("condition-1/for-loop-3(2)/square", "Output"));
  }

  @Test
  void loopsRunOncePerItem() {
    RunResult items = run("withitem-basic", Map.of("myPipeParam", "10"));
    assertEquals(List.of("11", "20"), List.of(items.output("for-loop-2(0)/add", "Output"), items.output("for-loop-2(1)/add", "Output")));
    assertEquals(List.of("2", "20"), List.of(items.output("for-loop-2(0)/add-2", "Output"), items.output("for-loop-2(1)/add-2", "Output")));
    assertEquals("10", items.output("add-3", "Output"));

    RunResult output = run("withparam-output", Map.of());
    List<String> added = new ArrayList<>();
    for (int i = 0; i <= 10; i++) {
      added.add(output.output("for-loop-1(" + i + ")/add", "Output"));
    }
    assertEquals(List.of("21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31"), added);

    RunResult global = run("withparam-global", Map.of("loopParameter", "[3, 5, 7, 9]"));
    assertEquals("81", global.output("for-loop-1(3)/multiply", "Output"));
  }

  @Test
  void settingsExitHandlerAndDefaults() {
    RunResult settings = run("task-settings", Map.of());
    assertEquals("6", settings.output("multiply", "Output"));
    assertEquals("9", settings.output("subtract", "Output"));

    RunResult exit = run("exit-handler", Map.of());
    assertEquals("gs://bucket/file", exit.output("echo-3", "Output"));
    assertEquals("exit!", exit.output("onExit/echo", "Output"));

    assertEquals("15", run("default-value", Map.of("b", "5")).output("add", "Output"));
    WorkflowException missing = assertThrows(WorkflowException.class, () -> run("default-value", Map.of()));
    assertEquals("pipeline 'default-value' needs a value for [b] (they have no default); pass name=value", missing.getMessage());
  }

  @Test
  void aJavaPipelineUsesAPythonAndAShellComponent() throws Exception {
    // add-2 is the Python add.component.yaml, imported with @ImportComponents, run by python3 as written
    RunResult r = run("mixed-java-python", Map.of("a", "3", "b", "4"));
    assertEquals("7", r.output("add", "Output"));
    assertEquals("17", r.output("add-2", "Output"));
    assertEquals("34", r.output("multiply", "Output"));
    // a file written in Java, hashed by the shell component (its input 'Hash algorithm' passed as 'Hash-algorithm'),
    // read back in Java
    String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
        .digest("hello, kfp4j".getBytes(StandardCharsets.UTF_8)));
    assertEquals(expected, r.output("read-text", "Output"));
    dev.kfp4j.testing.ArgoSchemas.assertValid(
        dev.kfp4j.yaml.Yaml.resource(getClass(), "META-INF/kfp4j/pipelines/mixed-java-python.yaml"), "mixed-java-python");
  }

  @Test
  void everyRunLoadsComponentsInAClassLoaderOfItsOwn() {
    for (int run = 0; run < 2; run++) {
      RunResult r = run("count-calls", Map.of());
      assertEquals("1", r.output("count-calls", "Output"));
      assertEquals("2", r.output("count-calls-2", "Output"), "tasks of one run share it");
    }
  }

  @Test
  void kubernetesStepsAreRefusedWithTheStepNamed() {
    Workflow w = Workflow.resource(getClass().getClassLoader(), "META-INF/kfp4j/pipelines/resourceop-basic.yaml");
    WorkflowException e = assertThrows(WorkflowException.class, () -> LocalRunner.builder().build().run(w, Map.of()));
    assertTrue(e.getMessage().contains("step 'create-job' is a Kubernetes resource step, which the local runner does not run; "
        + "run this pipeline on a cluster"), e.getMessage());
  }

  @Test
  void aMountedClaimIsALocalFolderAndTextIsLeftAlone() throws Exception {
    RunResult r = run("volume", Map.of());
    assertEquals("writes to /mnt", r.output("echo", "Output"));
    assertTrue(java.nio.file.Files.readString(r.task("echo").get().log()).contains("writes to /mnt"), "stdout captured in the task log");
  }
}
