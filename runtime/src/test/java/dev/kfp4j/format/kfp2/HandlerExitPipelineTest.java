package dev.kfp4j.format.kfp2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.CalledPipeline;
import dev.kfp4j.model.Condition;
import dev.kfp4j.model.Flattening;
import dev.kfp4j.model.Parameter;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.RunSetting;
import dev.kfp4j.model.Task;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ContainerSpec;
import dev.kfp4j.spec.InputSpec;
import dev.kfp4j.spec.Placeholder;
import dev.kfp4j.spec.TypeSpec;
import dev.kfp4j.yaml.Yaml;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A pipeline as the exit task of one of several exit handlers (KFP 2 only): a {@link CalledPipeline} run whatever happened
 * ({@link RunSetting.IgnoreUpstreamFailure}) after its handler's group, given the group's final status, written as KFP's
 * compiler writes every handler's exit task ({@code build_task_spec_for_exit_task}: {@code dependentTasks: [exit-handler-N]},
 * {@code ALL_UPSTREAM_TASKS_COMPLETED}, {@code taskFinalStatus: {producerTask: exit-handler-N}}), its DAG taking the status
 * as an optional {@code TASK_FINAL_STATUS} input, as KFP's compiler writes {@code pipeline_as_exit_task.py}'s exit pipeline.
 */
class HandlerExitPipelineTest {
  private static final ContainerSpec SH = new ContainerSpec("alpine:3", List.of(new Placeholder.Literal("sh")),
      List.of(new Placeholder.Literal("-c"), new Placeholder.Literal("echo \"$0\""), new Placeholder.InputValue("msg")), null, null);
  private static final ComponentSpec ECHO = new ComponentSpec("echo", null, null, null,
      List.of(new InputSpec("msg", TypeSpec.named("String"), null, null, false)), List.of(), SH, null);
  private static final ComponentSpec STATE = new ComponentSpec("get-run-state", null, null, null,
      List.of(new InputSpec("msg", TypeSpec.TASK_FINAL_STATUS, null, null, true)), List.of(), SH, null);

  /** {@code notify(status, who)}: reads the status it is given, and says who it is. */
  private static final Pipeline NOTIFY = new Pipeline("notify", null,
      List.of(new Parameter("status", ParameterType.STRUCT, null, null), new Parameter("who", ParameterType.STRING, null, null)),
      List.of(new Task("get-run-state", STATE, Map.of("msg", new Argument.PipelineParameter("status"))),
          new Task("echo", ECHO, Map.of("msg", new Argument.PipelineParameter("who")))),
      null, PipelineSettings.DEFAULTS, null);

  /** {@code announce()}: takes no status. */
  private static final Pipeline ANNOUNCE = new Pipeline("announce", null, List.of(),
      List.of(new Task("echo", ECHO, Map.of("msg", Argument.Constant.of("the end")))), null, PipelineSettings.DEFAULTS, null);

  private static final List<TaskSetting> AFTER_FAILURE = List.of(new RunSetting.IgnoreUpstreamFailure());

  /**
   * {@code echo("before")}; two exit handlers, the first's exit task {@code notify(Dsl.runStatus(), "first")}, the second's
   * {@code announce()}, named as kfp4j's processor names them; and {@code echo("beside")} after them.
   */
  private static Pipeline outer() {
    return new Pipeline("outer", null, List.of(), List.of(
        new Task("echo", ECHO, Map.of("msg", Argument.Constant.of("before"))),
        new Condition("exit-handler-1", null, List.of(new Task("echo-2", ECHO, Map.of("msg", Argument.Constant.of("one"))))),
        new CalledPipeline("notify", NOTIFY, Map.of("status", new Argument.RunValue(Argument.RunValue.Kind.STATUS),
            "who", Argument.Constant.of("first")), List.of("echo-2"), AFTER_FAILURE),
        new Condition("exit-handler-2", null, List.of(new Task("echo-3", ECHO, Map.of("msg", Argument.Constant.of("two"))))),
        new CalledPipeline("announce", ANNOUNCE, Map.of(), List.of("echo-3"), AFTER_FAILURE),
        new Task("echo-4", ECHO, Map.of("msg", Argument.Constant.of("beside")))), null, PipelineSettings.DEFAULTS, null);
  }

  @Test
  void eachExitPipelineWaitsForItsOwnHandlerWhateverHappenedAndGetsItsStatus() {
    JsonNode spec = Yaml.readAll(Kfp2Writer.write(outer())).get(0);
    JsonNode notify = spec.at("/root/dag/tasks/notify");
    assertEquals("[\"exit-handler-1\"]", notify.get("dependentTasks").toString());
    assertEquals("ALL_UPSTREAM_TASKS_COMPLETED", notify.at("/triggerPolicy/strategy").asString());
    assertEquals("exit-handler-1", notify.at("/inputs/parameters/status/taskFinalStatus/producerTask").asString());
    assertEquals("first", notify.at("/inputs/parameters/who/runtimeValue/constant").asString());
    JsonNode announce = spec.at("/root/dag/tasks/announce");
    assertEquals("[\"exit-handler-2\"]", announce.get("dependentTasks").toString());
    assertEquals("ALL_UPSTREAM_TASKS_COMPLETED", announce.at("/triggerPolicy/strategy").asString());
    assertFalse(announce.has("inputs")); // no status for a pipeline taking none, as KFP's compiler gives it none
    // the exit pipeline's DAG takes the status as KFP's compiler declares it, and its task reads it from there
    JsonNode comp = spec.at("/components/comp-notify");
    assertEquals("TASK_FINAL_STATUS", comp.at("/inputDefinitions/parameters/status/parameterType").asString());
    assertTrue(comp.at("/inputDefinitions/parameters/status/isOptional").asBoolean());
    assertEquals("status", comp.at("/dag/tasks/get-run-state/inputs/parameters/msg/componentInputParameter").asString());
    // the handlers' groups are plain groups run first, nothing else waits for the exit pipelines
    assertFalse(spec.at("/root/dag/tasks/exit-handler-1").has("triggerPolicy"));
    assertFalse(spec.at("/root/dag/tasks/echo-4").has("dependentTasks"));
  }

  @Test
  void readBackEachExitPipelineIsACallRunWhateverHappenedAndWritesTheSame() {
    String yaml = Kfp2Writer.write(outer());
    Pipeline read = Kfp2Reader.readNested(yaml, "outer.yaml");
    CalledPipeline notify = (CalledPipeline) read.node("notify").orElseThrow();
    assertTrue(RunSetting.afterFailure(notify));
    assertEquals(new Argument.RunValue(Argument.RunValue.Kind.STATUS), notify.arguments().get("status"));
    assertEquals(Argument.Constant.of("first"), notify.arguments().get("who"));
    assertTrue(RunSetting.afterFailure((CalledPipeline) read.node("announce").orElseThrow()));
    assertEquals(yaml, Kfp2Writer.write(read));
    // read for a run, it is put in as kfp4j puts such a call in
    assertEquals(Flattening.flatAsRead(read), Kfp2Reader.read(yaml, "outer.yaml"));
  }

  @Test
  void aStatusGoesOnlyToACallRunWhateverHappened() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CalledPipeline("notify", NOTIFY,
        Map.of("status", new Argument.RunValue(Argument.RunValue.Kind.STATUS))));
    assertTrue(e.getMessage().contains("only a call run whatever happened"), e.getMessage());
  }

  /**
   * Flat, as kfp4j runs it: each first task of an exit pipeline waits for its own handler's steps, whatever happened to them,
   * and gets the status (given to such a task, the status of the group it waits for); the others wait for those as before.
   */
  @Test
  void flatEachExitPipelinesFirstTasksWaitForTheirHandlerWhateverHappened() {
    Pipeline flat = Flattening.flat(outer());
    Task state = (Task) flat.node("notify-get-run-state").orElseThrow();
    assertEquals(List.of("echo-2"), state.after());
    assertTrue(RunSetting.afterFailure(state));
    assertEquals(new Argument.RunValue(Argument.RunValue.Kind.STATUS), state.arguments().get("msg"));
    Task said = (Task) flat.node("notify-echo").orElseThrow();
    assertEquals(List.of("echo-2"), said.after());
    assertEquals(Argument.Constant.of("first"), said.arguments().get("msg"));
    Task announced = (Task) flat.node("announce-echo").orElseThrow();
    assertEquals(List.of("echo-3"), announced.after());
    assertTrue(RunSetting.afterFailure(announced));
    assertFalse(RunSetting.afterFailure((Task) flat.node("echo-4").orElseThrow()));
  }

  /** A task of the exit pipeline waiting for another of it, run only when that one has run, as in any pipeline. */
  @Test
  void flatATaskWaitingForAnotherOfTheExitPipelineWaitsForItOnly() {
    Pipeline chained = new Pipeline("chained", null, List.of(), List.of(
        new Task("echo", ECHO, Map.of("msg", Argument.Constant.of("a"))),
        new Task("echo-2", ECHO, Map.of("msg", Argument.Constant.of("b")), List.of("echo"), List.of())),
        null, PipelineSettings.DEFAULTS, null);
    Pipeline outer = new Pipeline("outer", null, List.of(), List.of(
        new Condition("exit-handler-1", null, List.of(new Task("echo", ECHO, Map.of("msg", Argument.Constant.of("one"))))),
        new CalledPipeline("chained", chained, Map.of(), List.of("echo"), AFTER_FAILURE),
        new Condition("exit-handler-2", null, List.of(new Task("echo-2", ECHO, Map.of("msg", Argument.Constant.of("two")))))),
        null, PipelineSettings.DEFAULTS, null);
    Pipeline flat = Flattening.flat(outer);
    Task second = (Task) flat.node("chained-echo-2").orElseThrow();
    assertEquals(List.of("chained-echo"), second.after());
    assertFalse(RunSetting.afterFailure(second));
    assertTrue(RunSetting.afterFailure((Task) flat.node("chained-echo").orElseThrow()));
  }

  /**
   * The status read by a task waiting for another of the exit pipeline: KFP 2 gives it the status the pipeline's DAG took
   * whatever it waits for; written as KFP's compiler writes it, read back the same, and flat a task run as any other, given
   * the status (the local runner gives it that of the first tasks it waits for, run after the handler's group).
   */
  @Test
  void theStatusReadByATaskWaitingForAnotherOfItIsWrittenReadAndPutIn() {
    Pipeline late = new Pipeline("late", null, List.of(new Parameter("status", ParameterType.STRUCT, null, null)), List.of(
        new Task("echo", ECHO, Map.of("msg", Argument.Constant.of("a"))),
        new Task("get-run-state", STATE, Map.of("msg", new Argument.PipelineParameter("status")), List.of("echo"), List.of())),
        null, PipelineSettings.DEFAULTS, null);
    Pipeline outer = new Pipeline("outer", null, List.of(), List.of(
        new Condition("exit-handler-1", null, List.of(new Task("echo", ECHO, Map.of("msg", Argument.Constant.of("one"))))),
        new CalledPipeline("late", late, Map.of("status", new Argument.RunValue(Argument.RunValue.Kind.STATUS)), List.of("echo"),
            AFTER_FAILURE),
        new Condition("exit-handler-2", null, List.of(new Task("echo-2", ECHO, Map.of("msg", Argument.Constant.of("two")))))),
        null, PipelineSettings.DEFAULTS, null);
    String yaml = Kfp2Writer.write(outer);
    JsonNode spec = Yaml.readAll(yaml).get(0);
    assertEquals("exit-handler-1", spec.at("/root/dag/tasks/late/inputs/parameters/status/taskFinalStatus/producerTask").asString());
    JsonNode state = spec.at("/components/comp-late/dag/tasks/get-run-state");
    assertEquals("status", state.at("/inputs/parameters/msg/componentInputParameter").asString());
    assertEquals("[\"echo\"]", state.get("dependentTasks").toString());
    Pipeline read = Kfp2Reader.readNested(yaml, "outer.yaml");
    assertEquals(yaml, Kfp2Writer.write(read));
    Pipeline flat = Flattening.flat(outer);
    Task got = (Task) flat.node("late-get-run-state").orElseThrow();
    assertEquals(List.of("late-echo"), got.after());
    assertFalse(RunSetting.afterFailure(got));
    assertEquals(new Argument.RunValue(Argument.RunValue.Kind.STATUS), got.arguments().get("msg"));
    assertTrue(RunSetting.afterFailure((Task) flat.node("late-echo").orElseThrow()));
    assertEquals(Flattening.flatAsRead(read), Kfp2Reader.read(yaml, "outer.yaml"));
  }
}
