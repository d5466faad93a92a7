package dev.kfp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.argo.ArgoRules;
import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.Workflow;
import dev.kfp4j.testing.ArgoSchemas;
import dev.kfp4j.testing.Kfp2Schemas;
import dev.kfp4j.yaml.Yaml;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * The exit-status example: the exit task's {@code PipelineTaskFinalStatus} parameter, given {@code
 * Dsl.runStatus()}, compiles to KFP 2's {@code taskFinalStatus} input as KFP's compiler writes it
 * and to Argo's {@code {{workflow.status}}}, and gets the pipeline's state when run locally in
 * either format, in-process and as a subprocess, when the body succeeds and when a task fails.
 */
class ExitStatusTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  @Test
  void theKfp2SpecHasKfpsShapeAndParsesStrictly() {
    String yaml = Yaml.resource(getClass(), "META-INF/kfp4j/kfp2/pipelines/exit-status.yaml");
    JsonNode spec = Yaml.read(yaml);
    JsonNode status = spec.at("/components/comp-notify-end/inputDefinitions/parameters/status");
    assertEquals("TASK_FINAL_STATUS", status.path("parameterType").asString());
    assertTrue(status.path("isOptional").asBoolean()); // as KFP's compiler writes it
    JsonNode exit = spec.at("/root/dag/tasks/notify-end");
    assertEquals("{\"taskFinalStatus\":{\"producerTask\":\"exit-handler-1\"}}", exit.at("/inputs/parameters/status").toString());
    assertEquals("[\"exit-handler-1\"]", exit.path("dependentTasks").toString());
    assertEquals("ALL_UPSTREAM_TASKS_COMPLETED", exit.at("/triggerPolicy/strategy").asString());
    assertEquals("TASK_FINAL_STATUS", Yaml.read(Yaml.resource(getClass(), "META-INF/kfp4j/kfp2/components/notify-end.yaml"))
        .at("/components/comp-notify-end/inputDefinitions/parameters/status/parameterType").asString());
    Assumptions.assumeTrue(Kfp2FormatTest.shared(), "needs ../shared (KFP's .proto files); set -Dkfp4j.shared");
    Kfp2Schemas.assertValid(yaml, "exit-status.yaml");
  }

  @Test
  void theArgoWorkflowGivesTheExitTaskTheWorkflowsStatus() {
    String yaml = Yaml.resource(getClass(), "META-INF/kfp4j/pipelines/exit-status.yaml");
    ArgoSchemas.assertValid(yaml, "exit-status");
    JsonNode wf = Yaml.read(yaml);
    assertEquals(List.of(), ArgoRules.errors(wf));
    assertEquals("exit-status-exit-handler", wf.at("/spec/onExit").asString());
    JsonNode exit = KfpPortsTest.task(KfpPortsTest.template(wf, "exit-status-exit-handler"), "notify-end");
    assertEquals("{{workflow.status}}", exit.at("/arguments/parameters/1/value").asString());
    assertEquals("PipelineTaskFinalStatus", Yaml.read(Yaml.resource(getClass(), "META-INF/kfp4j/components/notify-end.yaml"))
        .at("/inputs/1/type").asString());
  }

  @ParameterizedTest
  @CsvSource({
      "argo, IN_PROCESS, false", "argo, IN_PROCESS, true", "kfp2, IN_PROCESS, false", "kfp2, IN_PROCESS, true",
      "argo, SUBPROCESS, false", "argo, SUBPROCESS, true", "kfp2, SUBPROCESS, false", "kfp2, SUBPROCESS, true"})
  void theExitTaskGetsThePipelinesState(String format, LocalRunner.JavaMode mode, boolean fail) {
    String folder = format.equals("kfp2") ? "META-INF/kfp4j/kfp2/pipelines/" : "META-INF/kfp4j/pipelines/";
    Workflow wf = Workflow.resource(getClass().getClassLoader(), folder + "exit-status.yaml");
    assertEquals(format, wf.format());
    RunResult r = LocalRunner.builder().root(dir.resolve(format)).caching(false).javaMode(mode)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).build()
        .run(wf, Map.of("channel", "#runs", "fail", String.valueOf(fail)));
    assertEquals(!fail, r.succeeded(), console::toString);
    assertEquals(fail ? "#runs: the pipeline failed (FAILED)" : "#runs: the pipeline succeeded (SUCCEEDED)",
        r.output("onExit/notify-end", "Output"), console::toString);
    assertFalse(console.toString().contains("Exception in thread"), console::toString);
  }
}
