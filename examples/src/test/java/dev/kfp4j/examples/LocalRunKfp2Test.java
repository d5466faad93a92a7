package dev.kfp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.OutputArtifact;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.TaskResult;
import dev.kfp4j.local.Workflow;
import dev.kfp4j.yaml.Yaml;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The examples' KFP 2 pipeline specs, compiled by the real processor, run on this machine with
 * the same results as their KFP v1 (Argo) form: Java components through KFP 2's executor protocol,
 * artifacts as files with their metadata in the run record, metrics logged from Java.
 */
class LocalRunKfp2Test {
  @TempDir Path dir;
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  private RunResult run(String format, String pipeline, Map<String, String> args) {
    String folder = format.equals("kfp2") ? "META-INF/kfp4j/kfp2/pipelines/" : "META-INF/kfp4j/pipelines/";
    Workflow wf = Workflow.resource(getClass().getClassLoader(), folder + pipeline + ".yaml");
    assertEquals(format, wf.format());
    RunResult r = LocalRunner.builder().root(dir.resolve(format)).caching(false).summary(true)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).build().run(wf, args);
    assertTrue(r.succeeded(), () -> format + " " + pipeline + " failed: " + r.failedTask() + "\n" + console);
    return r;
  }

  /** Each task's state and output values, by task id. */
  private static Map<String, String> outcome(RunResult r) {
    Map<String, String> out = new TreeMap<>();
    for (TaskResult t : r.tasks()) {
      out.put(t.id(), t.state() + " " + new TreeMap<>(t.outputs()));
    }
    return out;
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "add-example|value1=3,value2=4",
      "add-example-v2|value_1=3,value_2=4",
      "pipeline-flip-coin|seed=2",
      "pipeline-flip-coin|seed=1",
      "withitem-basic|",
      "withparam-global|",
      "withparam-output|",
      "exit-handler|",
      "default-value|b=5",
      "count-calls|",
      "pipeline-with-loop-parameter|",
      "tutorial-data-passing|message=hello",
      "dir-pipeline|subdir=docs"})
  void aKfp2SpecGivesWhatItsKfpV1FormGives(String pipeline, String args) {
    Map<String, String> arguments = new TreeMap<>();
    if (args != null) {
      for (String a : args.split(",")) {
        arguments.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
      }
    }
    assertEquals(outcome(run("argo", pipeline, arguments)), outcome(run("kfp2", pipeline, arguments)));
  }

  /** A pipeline returning a record has one output per component, as kfp.local's pipeline_task.outputs['total']. */
  @Test
  void aPipelineReturningARecordGivesEachOfItsOutputs() {
    RunResult r = run("kfp2", "control-flow", Map.of("numbers", "[1, 2, 3]"));
    assertEquals(Map.of("total", "14", "size", "medium"), r.outputs());
    assertEquals("14", r.output("total"));
  }

  /**
   * run.json has the pipeline's outputs once the run ended, by name, after the tasks; a run.json of an older kfp4j, without
   * them, still resumes, and the resumed run's record has them.
   */
  @Test
  void runJsonHasThePipelinesOutputsAndARecordWithoutThemStillResumes() throws Exception {
    RunResult r = run("kfp2", "control-flow", Map.of("numbers", "[1, 2, 3]"));
    Path file = r.runDir().resolve("run.json");
    String text = Files.readString(file);
    JsonNode record = Yaml.readJson(text);
    assertEquals("{\"size\":\"medium\",\"total\":\"14\"}", record.path("outputs").toString(), "by name: " + text);
    java.util.List<String> keys = new java.util.ArrayList<>();
    record.propertyNames().forEach(keys::add);
    assertEquals(java.util.List.of("pipeline", "runId", "state", "startedAt", "arguments", "tasks", "finishedAt", "outputs"), keys);

    ObjectNode older = (ObjectNode) record;
    older.remove("outputs");
    Files.writeString(file, Yaml.prettyJsonText(older));
    Workflow wf = Workflow.resource(getClass().getClassLoader(), "META-INF/kfp4j/kfp2/pipelines/control-flow.yaml");
    RunResult resumed = LocalRunner.builder().root(dir.resolve("kfp2")).caching(false)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).build().resume(wf, r.runDir());
    assertTrue(resumed.succeeded(), console::toString);
    assertEquals(Map.of("total", "14", "size", "medium"), resumed.outputs());
    assertEquals("{\"size\":\"medium\",\"total\":\"14\"}", Yaml.readJson(Files.readString(file)).path("outputs").toString());
  }

  /** A pipeline without outputs, such as every Argo workflow, has none in run.json: an empty object, where a tool looks. */
  @Test
  void runJsonOfAPipelineWithoutOutputsHasAnEmptyObject() throws Exception {
    RunResult r = run("argo", "add-example", Map.of());
    assertEquals("{}", Yaml.readJson(Files.readString(r.runDir().resolve("run.json"))).path("outputs").toString());
  }

  @Test
  void aParameterTheRunLeavesOutGivesTheOptionalInputNothing() {
    assertEquals("Hello, Dr. Ada!", run("kfp2", "optional-title", Map.of("title", "Dr.")).output("greet", "Output"));
    assertEquals("Hello, Ada!", run("kfp2", "optional-title", Map.of()).output("greet", "Output"));
    assertEquals("Hello, Grace!", run("kfp2", "optional-title", Map.of("name", "Grace")).output("greet", "Output"));
  }

  /** KFP's ignore_upstream_failure(): the clean-up task and the report run after the work failed, in-process and as subprocesses. */
  @ParameterizedTest
  @CsvSource({"IN_PROCESS, true", "IN_PROCESS, false", "SUBPROCESS, true", "SUBPROCESS, false"})
  void aTaskRunAfterAFailureTakesItsDefaultAndTheFailedTasksStatus(LocalRunner.JavaMode mode, boolean fail) {
    Workflow wf = Workflow.resource(getClass().getClassLoader(), "META-INF/kfp4j/kfp2/pipelines/ignore-upstream-failure.yaml");
    RunResult r = LocalRunner.builder().root(dir.resolve("kfp2")).caching(false).javaMode(mode)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).build().run(wf, Map.of("fail", String.valueOf(fail)));
    assertEquals(!fail, r.succeeded(), console::toString);
    assertEquals(fail ? TaskResult.State.Failed : TaskResult.State.Succeeded, r.task("attempt").orElseThrow().state());
    assertEquals(fail ? "cleaned up after: nothing" : "cleaned up after: data, worked on", r.output("clean-up", "Output"), console::toString);
    assertEquals(fail ? "attempt-2 failed" : "attempt-2 succeeded", r.output("report-status", "Output"), console::toString);
  }

  @Test
  void tasksShareAFileThroughTheRunsWorkspace() throws Exception {
    RunResult r = run("kfp2", "shared-workspace", Map.of());
    assertEquals("Hello from the workspace!", r.output("read-note", "Output"));
    assertEquals(r.runDir().resolve("workspace/notes/note.txt").toString(), r.output("write-note", "Output"));
    assertEquals("Hello from the workspace!", java.nio.file.Files.readString(r.runDir().resolve("workspace/notes/note.txt")));
  }

  @Test
  void javaComponentsRunAsSubprocessesThroughTheExecutorProtocolTooAndAResumeKeepsTheirMetrics() {
    Workflow wf = Workflow.resource(getClass().getClassLoader(), "META-INF/kfp4j/kfp2/pipelines/training.yaml");
    LocalRunner runner = LocalRunner.builder().root(dir.resolve("sub")).caching(false).javaMode(LocalRunner.JavaMode.SUBPROCESS)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).build();
    RunResult r = runner.run(wf, Map.of("rows", "30", "epochs", "50"));
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    TaskResult train = r.task("train").orElseThrow();
    assertEquals(1, train.attempts());
    double rmse = Double.parseDouble(r.output("train", "Output"));
    assertEquals(Map.of("rmse", rmse), train.metrics());

    RunResult resumed = runner.resume(wf, r.runDir());
    TaskResult again = resumed.task("train").orElseThrow();
    assertEquals("completed before the run was resumed", again.message());
    assertEquals(Map.of("rmse", rmse), again.metrics());
    assertEquals(train.outputArtifacts(), again.outputArtifacts());
  }

  @Test
  void theAddExampleInKfp2Form() {
    RunResult r = run("kfp2", "add-example", Map.of("value1", "10", "value2", "2"));
    assertEquals("12", r.output("add", "Output"));
    assertEquals("96", r.output("multiply", "Output"));
  }

  @Test
  void trainingGivesTheSameModelInBothFormsAndRecordsItsMetadataAndMetrics() throws Exception {
    RunResult v1 = run("argo", "training", Map.of("rows", "50"));
    RunResult v2 = run("kfp2", "training", Map.of("rows", "50"));
    assertEquals(v1.output("train", "Output"), v2.output("train", "Output"));
    TaskResult train = v2.task("train").orElseThrow();
    OutputArtifact model = train.outputArtifacts().get("model");
    assertEquals("system.Model", model.type());
    assertEquals(Files.readString(v1.task("train").orElseThrow().artifacts().get("model")), Files.readString(model.path()));
    assertEquals(200, ((Number) model.metadata().get("epochs")).intValue());
    double rmse = Double.parseDouble(v2.output("train", "Output"));
    assertEquals(Map.of("rmse", rmse), train.metrics());
    assertEquals(Map.of("rmse", rmse), v1.task("train").orElseThrow().metrics(), "KFP v1's form logs the same metric");

    JsonNode record = Yaml.json().readTree(v2.runDir().resolve("run.json").toFile()).at("/tasks/train");
    assertEquals("system.Model", record.at("/artifacts/model/type").asString());
    assertEquals("train/outputs/model/data", record.at("/artifacts/model/path").asString());
    assertEquals("none", record.at("/artifacts/model/metadata/framework").asString());
    assertEquals("system.Metrics", record.at("/artifacts/metrics/type").asString());
    assertEquals(rmse, record.at("/artifacts/metrics/metadata/rmse").asDouble());
    assertEquals(rmse, record.at("/metrics/rmse").asDouble());
    assertEquals(50, Yaml.json().readTree(v2.runDir().resolve("run.json").toFile()).at("/tasks/make-data/artifacts/data/metadata/rows").asInt(),
        "make-data's dataset");
    assertTrue(console.toString(StandardCharsets.UTF_8).contains("metrics: rmse=" + rmse), console.toString(StandardCharsets.UTF_8));
  }
}
