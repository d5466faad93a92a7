package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.argo.ArgoWriter;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Condition;
import dev.kfp4j.model.ExitPipeline;
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
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A pipeline run as the exit task ({@link ExitPipeline}, KFP's {@code pipeline_as_exit_task.py}):
 * a task of it reads the run's status as a dict, a condition on what it gives runs a notification.
 * Written as KFP's compiler writes a pipeline as exit task (a DAG component taking a {@code
 * TASK_FINAL_STATUS} parameter from the exit handler, run with {@code ALL_UPSTREAM_TASKS_COMPLETED})
 * and read back as the same model; run locally after the rest, whatever happened; refused for Argo.
 */
class ExitPipelineRunTest {
  @TempDir Path dir;

  private static ComponentSpec python(String name, String script, List<InputSpec> inputs, List<OutputSpec> outputs,
      List<Placeholder> args) {
    List<Placeholder> all = new java.util.ArrayList<>(List.of(new Placeholder.Literal(script)));
    all.addAll(args);
    return new ComponentSpec(name, null, null, null, inputs, outputs,
        new ContainerSpec("python:3", List.of(new Placeholder.Literal("python3"), new Placeholder.Literal("-c")), all, null, null), null);
  }

  static Pipeline pipeline(int exitCode) {
    ComponentSpec work = python("work", "import sys; sys.exit(" + exitCode + ")", List.of(), List.of(), List.of());
    ComponentSpec state = python("get-run-state", "import json, sys; open(sys.argv[2], 'w').write(json.loads(sys.argv[1])['state'])",
        List.of(new InputSpec("status", TypeSpec.named("JsonObject"), null, null, false)),
        List.of(new OutputSpec("Output", TypeSpec.named("String"), null)),
        List.of(new Placeholder.InputValue("status"), new Placeholder.OutputPath("Output")));
    ComponentSpec notify = python("notify", "import sys; open(sys.argv[2], 'w').write('notified: ' + sys.argv[1])",
        List.of(new InputSpec("message", TypeSpec.named("String"), null, null, false)),
        List.of(new OutputSpec("said", TypeSpec.named("String"), null)),
        List.of(new Placeholder.InputValue("message"), new Placeholder.OutputPath("said")));
    Task getState = new Task("get-run-state", state, Map.of("status", new Argument.RunValue(Argument.RunValue.Kind.STATUS)));
    Condition failed = new Condition("condition-1", new Predicate.Comparison(new Argument.TaskOutput("get-run-state", "Output"),
        Predicate.Operator.EQ, Argument.Constant.of("FAILED")),
        // waiting for the task whose output its condition reads, as the KFP 2 reader gives a task in a condition
        List.of(new Task("notify", notify, Map.of("message", new Argument.PipelineParameter("message")), List.of("get-run-state"),
            List.of())));
    return new Pipeline("exit-pipeline", null, List.of(new dev.kfp4j.model.Parameter("message", dev.kfp4j.model.ParameterType.STRING,
        "work failed", null)), List.of(new Task("work", work, Map.of())), null, PipelineSettings.DEFAULTS, null, Map.of(),
        new ExitPipeline("conditional-notification", "status", List.of(getState, failed)));
  }

  /** The exit pipeline tells of the run's end without its status: it takes none ({@link ExitPipeline#status} null). */
  static Pipeline withoutStatus(int exitCode) {
    Pipeline p = pipeline(exitCode);
    Task notify = (Task) ((Condition) p.exitPipeline().nodes().get(1)).body().get(0);
    notify = new Task(notify.name(), notify.component(), notify.arguments(), List.of(), List.of());
    return new Pipeline(p.name(), null, p.parameters(), p.nodes(), null, PipelineSettings.DEFAULTS, null, Map.of(),
        new ExitPipeline("notification", null, List.of(notify)));
  }

  private RunResult run(Pipeline p) {
    return LocalRunner.builder().root(dir.resolve("runs")).caching(false).console(new PrintStream(OutputStream.nullOutputStream(), true))
        .build().run(Workflow.parse(Kfp2Writer.write(p), "exit-pipeline.yaml"), Map.of());
  }

  @Test
  void writtenAsKfpsCompilerWritesAPipelineAsExitTaskAndReadBack() {
    String yaml = Kfp2Writer.write(pipeline(0));
    JsonNode spec = Yaml.read(yaml);
    assertEquals(Yaml.readJson("""
        {"cachingOptions": {"enableCache": true}, "componentRef": {"name": "comp-conditional-notification"},
         "dependentTasks": ["exit-handler-1"],
         "inputs": {"parameters": {"pipelinechannel--message": {"componentInputParameter": "message"},
                                   "status": {"taskFinalStatus": {"producerTask": "exit-handler-1"}}}},
         "taskInfo": {"name": "conditional-notification"}, "triggerPolicy": {"strategy": "ALL_UPSTREAM_TASKS_COMPLETED"}}"""),
        spec.at("/root/dag/tasks/conditional-notification"));
    assertEquals(Yaml.readJson("""
        {"isOptional": true, "parameterType": "TASK_FINAL_STATUS"}"""),
        spec.at("/components/comp-conditional-notification/inputDefinitions/parameters/status"));
    assertEquals(Yaml.readJson("""
        {"parameters": {"status": {"componentInputParameter": "status"}}}"""),
        spec.at("/components/comp-conditional-notification/dag/tasks/get-run-state/inputs"));
    Pipeline back = Kfp2Reader.read(yaml, "exit-pipeline.yaml");
    assertEquals(pipeline(0).exitPipeline(), back.exitPipeline());
    assertEquals(yaml, Kfp2Writer.write(back));
  }

  /** KFP's compiler gives a pipeline taking no PipelineTaskFinalStatus no status: no input of its DAG, none on its task. */
  @Test
  void anExitPipelineTakingNoStatusIsGivenNone() {
    String yaml = Kfp2Writer.write(withoutStatus(0));
    JsonNode spec = Yaml.read(yaml);
    assertEquals(Yaml.readJson("""
        {"cachingOptions": {"enableCache": true}, "componentRef": {"name": "comp-notification"},
         "dependentTasks": ["exit-handler-1"],
         "inputs": {"parameters": {"pipelinechannel--message": {"componentInputParameter": "message"}}},
         "taskInfo": {"name": "notification"}, "triggerPolicy": {"strategy": "ALL_UPSTREAM_TASKS_COMPLETED"}}"""),
        spec.at("/root/dag/tasks/notification"));
    assertEquals(Yaml.readJson("""
        {"parameters": {"pipelinechannel--message": {"parameterType": "STRING"}}}"""),
        spec.at("/components/comp-notification/inputDefinitions"));
    Pipeline back = Kfp2Reader.read(yaml, "exit-pipeline.yaml");
    assertEquals(withoutStatus(0).exitPipeline(), back.exitPipeline());
    assertEquals(yaml, Kfp2Writer.write(back));
    RunResult failed = run(withoutStatus(3));
    assertFalse(failed.succeeded());
    assertEquals("notified: work failed", failed.output("onExit/notify", "said"));
  }

  /** The DAG's input taking the status is named as the exit pipeline's parameter, as KFP's compiler names it. */
  @Test
  void theStatusInputIsNamedAsThePipelinesParameter() {
    Pipeline p = pipeline(3);
    Pipeline named = new Pipeline(p.name(), null, p.parameters(), p.nodes(), null, PipelineSettings.DEFAULTS, null, Map.of(),
        new ExitPipeline(p.exitPipeline().name(), "final_status", p.exitPipeline().nodes()));
    String yaml = Kfp2Writer.write(named);
    JsonNode spec = Yaml.read(yaml);
    assertEquals(Yaml.readJson("""
        {"taskFinalStatus": {"producerTask": "exit-handler-1"}}"""),
        spec.at("/root/dag/tasks/conditional-notification/inputs/parameters/final_status"));
    assertEquals(Yaml.readJson("""
        {"isOptional": true, "parameterType": "TASK_FINAL_STATUS"}"""),
        spec.at("/components/comp-conditional-notification/inputDefinitions/parameters/final_status"));
    assertEquals("final_status",
        spec.at("/components/comp-conditional-notification/dag/tasks/get-run-state/inputs/parameters/status/componentInputParameter")
            .asString());
    assertTrue(spec.at("/components/comp-conditional-notification/inputDefinitions/parameters/status").isMissingNode(), yaml);
    assertEquals(named.exitPipeline(), Kfp2Reader.read(yaml, "named.yaml").exitPipeline());
    RunResult failed = run(named);
    assertEquals("FAILED", failed.output("onExit/get-run-state", "Output"));
  }

  /** A task of an exit pipeline that takes no status cannot read it: the model says which task and what to do. */
  @Test
  void aTaskReadingAStatusThePipelineDoesNotTakeIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ExitPipeline("notification", null, pipeline(0).exitPipeline().nodes()));
    assertEquals("exit pipeline 'notification' takes no status parameter, but its step 'get-run-state' reads the pipeline's status; "
        + "name the parameter that takes it", e.getMessage());
  }

  @Test
  void itRunsAfterTheRestWhateverHappened() {
    RunResult failed = run(pipeline(3));
    assertFalse(failed.succeeded());
    assertEquals("FAILED", failed.task("onExit/get-run-state").orElseThrow().outputs().get("Output"));
    assertEquals("notified: work failed", failed.output("onExit/condition-1/notify", "said"));
    RunResult ok = run(pipeline(0));
    assertTrue(ok.succeeded(), () -> String.valueOf(ok.failedTask()));
    assertEquals("SUCCEEDED", ok.output("onExit/get-run-state", "Output"));
    assertTrue(ok.tasks().stream().noneMatch(t -> t.name().equals("notify") && t.state() == TaskResult.State.Succeeded),
        () -> "the condition on the state was false: " + ok.tasks());
  }

  @Test
  void argoHasNoFormForIt() {
    FormatException e = assertThrows(FormatException.class, () -> ArgoWriter.write(pipeline(0)));
    assertTrue(e.getMessage().contains("its exit task is a pipeline ('conditional-notification'"), e.getMessage());
  }
}
