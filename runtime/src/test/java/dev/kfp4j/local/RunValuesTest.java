package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.argo.ArgoReader;
import dev.kfp4j.format.argo.ArgoWriter;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Argument.RunValue.Kind;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
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
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values of the run as task arguments ({@link Argument.RunValue}): its id, its name and, in the
 * exit task, its status. Each format writes them as its own placeholders, reads them back as the
 * same arguments, and the local runner gives them their values.
 */
class RunValuesTest {
  @TempDir Path dir;

  private static final ComponentSpec ECHO = new ComponentSpec("echo", null, null, null,
      List.of(new InputSpec("text", TypeSpec.named("String"), null, null, false)),
      List.of(new OutputSpec("out", TypeSpec.named("String"), null)),
      new ContainerSpec("alpine:3", List.of(new Placeholder.Literal("sh")), List.of(new Placeholder.Literal("-c"),
          new Placeholder.Literal("printf %s \"$0\" > \"$1\""), new Placeholder.InputValue("text"), new Placeholder.OutputPath("out")),
          null, null), null);

  private static Task echo(String name, Kind kind) {
    return new Task(name, ECHO, Map.of("text", new Argument.RunValue(kind)));
  }

  private static Pipeline pipeline(Task exit, Task... tasks) {
    return new Pipeline("run-values", null, List.of(), List.of(tasks), exit, PipelineSettings.DEFAULTS, null);
  }

  private RunResult run(Workflow w) {
    return LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(OutputStream.nullOutputStream(), true)).build().run(w, Map.of());
  }

  /** What task {@code name} wrote to its output {@code out} (a value, or in Argo, where nothing reads it as one, a file). */
  private static String out(RunResult r, String name) {
    TaskResult t = r.tasks().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
    try {
      return t.outputs().containsKey("out") ? t.outputs().get("out") : java.nio.file.Files.readString(t.artifacts().get("out"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void argoWritesTheWorkflowsVariablesReadsThemBackAndTheRunnerGivesTheRunsValues() {
    Pipeline p = pipeline(echo("status", Kind.STATUS), echo("id", Kind.RUN_ID), echo("name", Kind.RUN_NAME));
    String yaml = ArgoWriter.write(p);
    var workflow = Yaml.read(yaml);
    assertEquals("{{workflow.uid}}", workflow.at("/spec/templates/0/dag/tasks/0/arguments/parameters/0/value").asString());
    assertEquals("{{workflow.name}}", workflow.at("/spec/templates/0/dag/tasks/1/arguments/parameters/0/value").asString());
    assertTrue(yaml.contains("value: \"{{workflow.status}}\""), yaml);
    Pipeline back = ArgoReader.read(yaml, "run-values.yaml");
    assertEquals(p.nodes(), back.nodes());
    assertEquals(p.exitTask(), back.exitTask());

    Workflow w = Workflow.parse(yaml, "run-values.yaml");
    assertEquals(back.nodes(), w.pipeline().nodes(), "a workflow kfp4j wrote runs from its model");
    RunResult r = run(w);
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    assertEquals(r.runId(), out(r, "id"));
    assertEquals("run-values-" + r.runId(), out(r, "name"));
    assertEquals("Succeeded", out(r, "status"), "the exit task sees how the rest ended");
  }

  @Test
  void kfp2WritesKfpsPlaceholdersForTheRunsIdAndNameAndRefusesItsStatus() {
    Pipeline p = pipeline(null, echo("id", Kind.RUN_ID), echo("name", Kind.RUN_NAME));
    String yaml = Kfp2Writer.write(p);
    var tasks = Yaml.read(yaml).at("/root/dag/tasks");
    assertEquals("{{$.pipeline_job_uuid}}", tasks.at("/id/inputs/parameters/text/runtimeValue/constant").asString());
    assertEquals("{{$.pipeline_job_name}}", tasks.at("/name/inputs/parameters/text/runtimeValue/constant").asString());
    Pipeline back = Kfp2Reader.read(yaml, "run-values.yaml");
    assertEquals(new Argument.RunValue(Kind.RUN_ID), ((Task) back.node("id").orElseThrow()).arguments().get("text"));
    assertEquals(new Argument.RunValue(Kind.RUN_NAME), ((Task) back.node("name").orElseThrow()).arguments().get("text"));

    RunResult r = run(Workflow.parse(yaml, "run-values.yaml"));
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    assertEquals(r.runId(), out(r, "id"));
    assertEquals("run-values-" + r.runId(), out(r, "name"));

    FormatException e = assertThrows(FormatException.class, () -> Kfp2Writer.write(pipeline(echo("status", Kind.STATUS))));
    assertTrue(e.getMessage().contains("takes the pipeline's status; in KFP 2 that is a PipelineTaskFinalStatus"), e.getMessage());
  }

  @Test
  void kfp2GivesKfpsOtherRunPlaceholdersAndTheRunnerTheirValuesTheTasksOwnNameAndId() {
    Pipeline p = pipeline(null, echo("resource", Kind.RESOURCE_NAME), echo("created", Kind.CREATE_TIME),
        echo("scheduled", Kind.SCHEDULE_TIME), echo("tname", Kind.TASK_NAME), echo("tid", Kind.TASK_ID));
    String yaml = Kfp2Writer.write(p);
    var tasks = Yaml.read(yaml).at("/root/dag/tasks");
    Map<String, String> placeholders = Map.of("resource", "{{$.pipeline_job_resource_name}}", "created",
        "{{$.pipeline_job_create_time_utc}}", "scheduled", "{{$.pipeline_job_schedule_time_utc}}", "tname",
        "{{$.pipeline_task_name}}", "tid", "{{$.pipeline_task_uuid}}");
    placeholders.forEach((task, placeholder) ->
        assertEquals(placeholder, tasks.at("/" + task + "/inputs/parameters/text/runtimeValue/constant").asString(), task));
    Pipeline back = Kfp2Reader.read(yaml, "run-values.yaml");
    for (var n : p.nodes()) {
      assertEquals(n, back.node(n.name()).orElseThrow(), "read back as written"); // in KFP 2's order, by name
    }

    RunResult r = run(Workflow.parse(yaml, "run-values.yaml"));
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    assertEquals("run-values-" + r.runId(), out(r, "resource"));
    assertTrue(out(r, "created").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), out(r, "created"));
    assertEquals(out(r, "created"), out(r, "scheduled"), "a local run has no schedule: its time is its creation's");
    assertEquals("tname", out(r, "tname"));
    assertEquals("tid", out(r, "tid"));
  }

  @Test
  void argoHasTheResourceNameAndCreationTimeButNoTaskNameIdOrScheduleTime() {
    Pipeline p = pipeline(null, echo("resource", Kind.RESOURCE_NAME), echo("created", Kind.CREATE_TIME));
    String yaml = ArgoWriter.write(p);
    var workflow = Yaml.read(yaml);
    assertEquals("{{workflow.name}}", workflow.at("/spec/templates/0/dag/tasks/0/arguments/parameters/0/value").asString());
    assertEquals("{{workflow.creationTimestamp}}", workflow.at("/spec/templates/0/dag/tasks/1/arguments/parameters/0/value").asString());
    assertEquals(List.of(), dev.kfp4j.format.argo.ArgoRules.errors(workflow), "Argo takes it");
    RunResult r = run(Workflow.parse(yaml, "run-values.yaml"));
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    assertEquals("run-values-" + r.runId(), out(r, "resource"));
    assertTrue(out(r, "created").endsWith("Z"), out(r, "created"));
    for (Kind kind : List.of(Kind.TASK_NAME, Kind.TASK_ID, Kind.SCHEDULE_TIME)) {
      FormatException e = assertThrows(FormatException.class, () -> ArgoWriter.write(pipeline(null, echo("x", kind))));
      assertTrue(e.getMessage().contains("KFP v1's Argo workflow has no variable for the run value " + kind), e.getMessage());
    }
  }
}
