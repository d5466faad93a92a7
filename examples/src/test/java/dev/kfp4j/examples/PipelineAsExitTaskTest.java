package dev.kfp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.TaskResult;
import dev.kfp4j.local.Workflow;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Condition;
import dev.kfp4j.model.Node;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Task;
import dev.kfp4j.testing.Kfp2Schemas;
import dev.kfp4j.testing.Shared;
import dev.kfp4j.yaml.Yaml;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * {@code PipelineAsExitTask}, the Java port of KFP's {@code pipeline_as_exit_task.py}, compiled by the real processor:
 * its KFP 2 spec is what KFP's compiler wrote for the Python (the pipeline as exit task, its DAG and the named exit
 * handler), and run on this machine the exit pipeline runs after the failed body, telling of the failure.
 */
class PipelineAsExitTaskTest {
  private static final String OURS = "META-INF/kfp4j/kfp2/pipelines/pipeline-with-task-final-status-conditional.yaml";
  private static final String KFP = "dev/kfp4j/examples/pipeline_as_exit_task.yaml";
  private static final String OURS_WITHOUT_STATUS = "META-INF/kfp4j/kfp2/pipelines/pipeline-with-exit-pipeline-without-status.yaml";
  /** What KFP's compiler writes for {@code PipelineAsExitTask.exitPipelineWithoutStatus} in Python (see the README beside it). */
  private static final String KFP_WITHOUT_STATUS = "dev/kfp4j/examples/pipeline_as_exit_task_without_status.yaml";

  @TempDir Path dir;

  @Test
  void theSpecIsWhatKfpsCompilerWroteForThePython() {
    String yaml = Yaml.resource(getClass(), OURS);
    Shared.root(Shared.KFP_PROTOS);
    Kfp2Schemas.assertValid(yaml, OURS);
    JsonNode kfp = Yaml.readAll(Yaml.resource(getClass(), KFP)).get(0);
    JsonNode ours = Yaml.readAll(yaml).get(0);
    // the root (the named exit handler's group, the pipeline run after it given the status) and the DAGs of both, as protobuf
    // reads them
    assertEquals(proto("root", kfp.get("root")), proto("root", ours.get("root")), yaml);
    for (String c : List.of("comp-exit-handler-1", "comp-conditional-notification")) {
      assertEquals(proto("components", Yaml.object().set(c, kfp.at("/components/" + c))),
          proto("components", Yaml.object().set(c, ours.at("/components/" + c))), c + " in\n" + yaml);
    }
    assertEquals(kfp.at("/pipelineInfo/name"), ours.at("/pipelineInfo/name"));
    // the exit pipeline's print_op is named after its pipeline, as kfp4j reads KFP's spec (the body has a print-op too)
    assertEquals(kfp.at("/components/comp-condition-1/dag/tasks/print-op/inputs"),
        ours.at("/components/comp-condition-1/dag/tasks/conditional-notification-print-op/inputs"), yaml);
    // the same model as kfp4j reads KFP's spec into, but for the components (Java's, not Python's)
    Pipeline fromKfp = Kfp2Reader.read(Yaml.resource(getClass(), KFP), "pipeline_as_exit_task.yaml");
    Pipeline fromJava = Kfp2Reader.read(yaml, OURS);
    assertEquals(shape(fromKfp.exitPipeline().nodes()), shape(fromJava.exitPipeline().nodes()));
    assertEquals(shape(fromKfp.nodes()), shape(fromJava.nodes()));
    assertEquals(fromKfp.exitPipeline().name(), fromJava.exitPipeline().name());
    assertEquals("my-pipeline", fromJava.exitHandlerName());
    assertEquals(new Argument.RunValue(Argument.RunValue.Kind.STATUS), ((Task) fromJava.exitPipeline().nodes().get(0)).arguments().get("status"));
  }

  private static Object proto(String field, JsonNode value) {
    return Kfp2Schemas.parse(Kfp2Schemas.PIPELINE_SPEC, Yaml.object().set(field, value).toString());
  }

  /** Each node's name and, for a task, its arguments and what it waits for; for a condition, its predicate and body. */
  private static List<String> shape(List<Node> nodes) {
    return nodes.stream().map(n -> n instanceof Task t ? t.name() + " " + t.arguments() + " after " + t.after()
        : n instanceof Condition c ? c.name() + " if " + c.predicate() + " " + shape(c.body()) : n.name()).toList();
  }

  /**
   * An exit pipeline that takes no status, {@code announceEnd}: KFP's compiler gives its DAG no status input and its task no
   * {@code taskFinalStatus} (it gives one to each {@code PipelineTaskFinalStatus} parameter of the pipeline only), so neither
   * does kfp4j. Compared with {@link #KFP_WITHOUT_STATUS}, what KFP's compiler writes for that pipeline in Python (the
   * resource's README says how it was made), as protobuf reads them.
   */
  @Test
  void anExitPipelineWithoutTheStatusIsGivenNoneAsKfpsCompilerGivesIt() {
    String yaml = Yaml.resource(getClass(), OURS_WITHOUT_STATUS);
    Shared.root(Shared.KFP_PROTOS);
    Kfp2Schemas.assertValid(yaml, OURS_WITHOUT_STATUS);
    JsonNode kfp = Yaml.readAll(Yaml.resource(getClass(), KFP_WITHOUT_STATUS)).get(0);
    JsonNode ours = Yaml.readAll(yaml).get(0);
    assertEquals(proto("root", kfp.get("root")), proto("root", ours.get("root")), yaml);
    for (String c : List.of("comp-exit-handler-1", "comp-announce-end")) {
      assertEquals(proto("components", Yaml.object().set(c, kfp.at("/components/" + c))),
          proto("components", Yaml.object().set(c, ours.at("/components/" + c))), c + " in\n" + yaml);
    }
    Pipeline fromJava = Kfp2Reader.read(yaml, OURS_WITHOUT_STATUS);
    assertNull(fromJava.exitPipeline().status());
    assertEquals(yaml.substring(yaml.indexOf("components:")), Kfp2Writer.write(fromJava).substring(yaml.indexOf("components:")));
  }

  /** The same spec as KFP writes it, read by kfp4j and written back: every part as KFP wrote it, no status added. */
  @Test
  void kfpsSpecOfAnExitPipelineWithoutTheStatusIsWrittenBackAsKfpWroteIt() {
    String yaml = Yaml.resource(getClass(), KFP_WITHOUT_STATUS);
    Pipeline read = Kfp2Reader.read(yaml, "pipeline_as_exit_task_without_status.yaml");
    assertEquals("announce-end", read.exitPipeline().name());
    assertNull(read.exitPipeline().status());
    String again = Kfp2Writer.write(read);
    Shared.root(Shared.KFP_PROTOS);
    Kfp2Schemas.assertValid(again, "again.yaml");
    JsonNode kfp = Yaml.readAll(yaml).get(0);
    JsonNode ours = Yaml.readAll(again).get(0);
    for (String part : List.of("components", "root", "deploymentSpec", "pipelineInfo")) {
      assertEquals(proto(part, kfp.get(part)), proto(part, ours.get(part)), part + " written again:\n" + again);
    }
  }

  /**
   * {@code reportEnd}, run as the exit task, reads the status at its top level, in a condition and in a loop: the spec passes
   * its DAG's input down as KFP's compiler wrote {@code status_in_groups.py} (the testing module's {@code
   * ExitPipelineFormatTest} compares them whole), and run here each of its four reports tells of the failure.
   */
  @ParameterizedTest
  @EnumSource(value = LocalRunner.JavaMode.class, names = {"IN_PROCESS", "SUBPROCESS"})
  void everyTaskOfTheExitPipelineGetsTheStatusInItsGroupsToo(LocalRunner.JavaMode mode) {
    String name = "META-INF/kfp4j/kfp2/pipelines/status-in-groups.yaml";
    JsonNode spec = Yaml.readAll(Yaml.resource(getClass(), name)).get(0);
    for (String group : List.of("condition-1", "for-loop-3")) {
      assertEquals("status", spec.at("/components/comp-report-end/dag/tasks/" + group
          + "/inputs/parameters/pipelinechannel--status/componentInputParameter").asString(), group);
    }
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    RunResult r = LocalRunner.builder().root(dir).caching(false).javaMode(mode)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).build()
        .run(Workflow.resource(getClass().getClassLoader(), name), Map.of());
    assertFalse(r.succeeded(), console::toString);
    List<String> reports = r.tasks().stream().filter(t -> t.name().startsWith("report-on") && t.outputs().containsKey("Output"))
        .map(t -> t.outputs().get("Output")).sorted().toList();
    assertEquals(List.of("chat: FAILED", "log: FAILED", "mail: FAILED", "pager: FAILED"), reports,
        () -> r.tasks().stream().map(TaskResult::id).toList() + "\n" + console);
  }

  @ParameterizedTest
  @EnumSource(value = LocalRunner.JavaMode.class, names = {"IN_PROCESS", "SUBPROCESS"})
  void theExitPipelineWithoutTheStatusRunsAfterTheFailure(LocalRunner.JavaMode mode) throws IOException {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    Workflow wf = Workflow.resource(getClass().getClassLoader(), OURS_WITHOUT_STATUS);
    RunResult r = LocalRunner.builder().root(dir).caching(false).javaMode(mode)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).build().run(wf, Map.of());
    assertFalse(r.succeeded(), console::toString);
    assertEquals("fail-op", r.failedTask().orElseThrow().name(), console::toString);
    TaskResult announced = r.task("onExit/print-op").orElseThrow(() -> new AssertionError(r.tasks().stream().map(TaskResult::id).toList()
        + "\n" + console));
    assertEquals(TaskResult.State.Succeeded, announced.state(), console::toString);
    assertEquals("The run has ended.", Files.readString(announced.log()).strip(), console::toString);
  }

  @ParameterizedTest
  @EnumSource(value = LocalRunner.JavaMode.class, names = {"IN_PROCESS", "SUBPROCESS"})
  void theExitPipelineRunsAfterTheFailureAndTellsOfIt(LocalRunner.JavaMode mode) {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    Workflow wf = Workflow.resource(getClass().getClassLoader(), OURS);
    RunResult r = LocalRunner.builder().root(dir).caching(false).javaMode(mode)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).build().run(wf, Map.of());
    assertFalse(r.succeeded(), console::toString);
    assertEquals(TaskResult.State.Failed, r.failedTask().orElseThrow().state(), console::toString);
    assertEquals("fail-op", r.failedTask().orElseThrow().name(), console::toString);
    assertEquals("FAILED", r.output("onExit/get-run-state", "Output"), console::toString);
    assertEquals(TaskResult.State.Succeeded, r.task("onExit/condition-1/conditional-notification-print-op").orElseThrow().state(),
        () -> r.tasks().stream().map(TaskResult::id).toList() + "\n" + console);
  }
}
