package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.TaskResult;
import dev.kfp4j.local.Workflow;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.CalledPipeline;
import dev.kfp4j.model.Node;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.RunSetting;
import dev.kfp4j.model.Task;
import dev.kfp4j.yaml.Yaml;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A pipeline as the exit task of one of several exit handlers, or of one beside other statements (KFP 2 only): {@code
 * Dsl.exitHandler(() -> notifyEnd(Dsl.runStatus()), () -> { ... })}. KFP's compiler builds every handler's exit task alike
 * ({@code build_task_spec_for_exit_task}): {@code dependentTasks: [exit-handler-N]}, {@code ALL_UPSTREAM_TASKS_COMPLETED},
 * {@code taskFinalStatus: {producerTask: exit-handler-N}} for the {@code PipelineTaskFinalStatus} input; the called pipeline
 * keeps its own DAG, which takes the status as an optional {@code TASK_FINAL_STATUS} input. Locally, each exit pipeline runs
 * after its own handler's tasks, whatever happened to them, and gets its own handler's status.
 */
class HandlerExitPipelinesTest {
  private static final List<String> HEADER = List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.dsl.Dsl;",
      "import dev.kfp4j.artifacts.PipelineTaskFinalStatus;", "import test.*;");
  /**
   * Components run in the JVM: one says what it is given, one fails, one gives the state of the status it is given, one its
   * state and the task it names.
   */
  static final JavaFileObject STEPS = Compile.source("test.Ends",
      "package test;",
      "import dev.kfp4j.annotations.*;",
      "import dev.kfp4j.artifacts.PipelineTaskFinalStatus;",
      "public class Ends {",
      "  @Component public static String say(String what) { return what; }",
      "  @Component public static String fail(String what) { throw new IllegalStateException(what); }",
      "  @Component public static String state(PipelineTaskFinalStatus status) { return status.state(); }",
      "  @Component public static String describe(PipelineTaskFinalStatus status) {",
      "    return status.state() + \" \" + status.pipelineTaskName();",
      "  }",
      "}");
  /** A pipeline taking the status: says it is told, after giving the status's state. */
  private static final String NOTIFY_END = String.join("\n",
      "@Pipeline(name = \"notify-end\", formats = Format.KFP2)",
      "public static void notifyEnd(String channel, PipelineTaskFinalStatus status) {",
      "  var state = EndsOps.state(status);",
      "  EndsOps.say(channel).after(state);",
      "}");
  /** A pipeline taking no status. */
  private static final String ANNOUNCE = String.join("\n",
      "@Pipeline(name = \"announce\", formats = Format.KFP2)",
      "public static void announce(String what) { EndsOps.say(what); }");

  @TempDir Path dir;

  private JavaFileObject source;

  private Compilation compile(List<Pipeline> models, String... body) {
    source = Compile.testClass("P", HEADER, body);
    return Compile.compile(models, STEPS, source);
  }

  private static Pipeline model(List<Pipeline> models, String name) {
    return models.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
  }

  /** Two handlers, each with a pipeline as exit task: the first's taking the status, the second's not. */
  private Compilation twoHandlers(List<Pipeline> models, String first, String second) {
    return compile(models, NOTIFY_END, ANNOUNCE,
        "@Pipeline(formats = Format.KFP2) public static void p(String who) {",
        "  Dsl.exitHandler(() -> notifyEnd(\"#first\", Dsl.runStatus()), () -> EndsOps." + first + "(who));",
        "  Dsl.exitHandler(() -> announce(\"second done\"), \"second\", () -> EndsOps." + second + "(\"two\"));",
        "}");
  }

  @Test
  void eachHandlersExitPipelineIsWrittenAsKfpsCompilerWritesAnExitTask() {
    List<Pipeline> models = new ArrayList<>();
    Compilation c = twoHandlers(models, "say", "say");
    assertThat(c).succeeded();
    String yaml = Compile.resource(c, Kfp2PipelineTest.P2);
    JsonNode spec = Yaml.readAll(yaml).get(0);
    JsonNode tasks = spec.at("/root/dag/tasks");
    assertThat(new ArrayList<>(tasks.propertyNames())).containsExactly("announce", "exit-handler-1", "exit-handler-2", "notify-end");
    JsonNode notify = tasks.get("notify-end");
    assertThat(notify.get("dependentTasks").toString()).isEqualTo("[\"exit-handler-1\"]");
    assertThat(notify.at("/triggerPolicy/strategy").asString()).isEqualTo("ALL_UPSTREAM_TASKS_COMPLETED");
    assertThat(notify.at("/inputs/parameters/status").toString()).isEqualTo("{\"taskFinalStatus\":{\"producerTask\":\"exit-handler-1\"}}");
    assertThat(notify.at("/inputs/parameters/channel/runtimeValue/constant").asString()).isEqualTo("#first");
    assertThat(notify.at("/componentRef/name").asString()).isEqualTo("comp-notify-end");
    JsonNode announce = tasks.get("announce");
    assertThat(announce.get("dependentTasks").toString()).isEqualTo("[\"exit-handler-2\"]");
    assertThat(announce.at("/triggerPolicy/strategy").asString()).isEqualTo("ALL_UPSTREAM_TASKS_COMPLETED");
    assertThat(announce.at("/inputs/parameters").has("status")).isFalse();
    assertThat(tasks.at("/exit-handler-2/taskInfo/name").asString()).isEqualTo("second");
    // the exit pipeline's DAG: the status an optional TASK_FINAL_STATUS input, read by its task as KFP's compiler writes it
    JsonNode comp = spec.at("/components/comp-notify-end");
    assertThat(comp.at("/inputDefinitions/parameters/status").toString())
        .isEqualTo("{\"isOptional\":true,\"parameterType\":\"TASK_FINAL_STATUS\"}");
    assertThat(comp.at("/dag/tasks/state/inputs/parameters/status/componentInputParameter").asString()).isEqualTo("status");
    assertThat(comp.at("/dag/tasks/say/dependentTasks").toString()).isEqualTo("[\"state\"]");
    // the model: flat, each exit pipeline's first task waits for its own handler's steps whatever happened
    Pipeline p = model(models, "p");
    assertThat(p.exitTask()).isNull();
    assertThat(p.exitPipeline()).isNull();
    Task state = (Task) p.node("notify-end-state").orElseThrow();
    assertThat(state.after()).containsExactly("say");
    assertThat(RunSetting.afterFailure(state)).isTrue();
    assertThat(state.arguments().get("status")).isEqualTo(new Argument.RunValue(Argument.RunValue.Kind.STATUS));
    assertThat(RunSetting.afterFailure((Task) p.node("notify-end-say").orElseThrow())).isFalse();
    assertThat(((Task) p.node("announce-say").orElseThrow()).after()).containsExactly("say-2");
    // read back with its calls kept, it writes the same; read for a run, it is the pipeline compiled
    Pipeline nested = Kfp2Reader.readNested(yaml, "p.yaml");
    CalledPipeline call = (CalledPipeline) nested.node("notify-end").orElseThrow();
    assertThat(RunSetting.afterFailure(call)).isTrue();
    assertThat(Kfp2Writer.write(nested)).isEqualTo(yaml);
    assertThat(Kfp2Reader.read(yaml, "p.yaml").allNodes().stream().map(Node::name).toList())
        .containsExactly("exit-handler-1", "say", "state", "notify-end-say", "exit-handler-2", "say-2", "announce-say");
    if (Compile.sharedPresent()) {
      Compile.validKfp2(yaml, "p.yaml");
    }
  }

  @Test
  void oneHandlerBesideOtherStatementsTakesAPipelineToo() {
    List<Pipeline> models = new ArrayList<>();
    Compilation c = compile(models, NOTIFY_END,
        "@Pipeline(formats = Format.KFP2) public static void p(String who) {",
        "  var hello = EndsOps.say(who);",
        "  Dsl.exitHandler(() -> notifyEnd(\"#c\", Dsl.runStatus()), () -> EndsOps.say(hello.output()));",
        "  EndsOps.say(\"beside\");",
        "}");
    assertThat(c).succeeded();
    String yaml = Compile.resource(c, Kfp2PipelineTest.P2);
    JsonNode tasks = Yaml.readAll(yaml).get(0).at("/root/dag/tasks");
    assertThat(new ArrayList<>(tasks.propertyNames())).containsExactly("exit-handler-1", "notify-end", "say", "say-3");
    assertThat(tasks.at("/notify-end/dependentTasks").toString()).isEqualTo("[\"exit-handler-1\"]");
    assertThat(tasks.at("/notify-end/inputs/parameters/status/taskFinalStatus/producerTask").asString()).isEqualTo("exit-handler-1");
    assertThat(tasks.at("/say-3").has("dependentTasks")).isFalse();
    assertThat(model(models, "p").exitPipeline()).isNull();
    // read back: one of several handlers' exit pipeline, not the one handler holding every task
    assertThat(Kfp2Writer.write(Kfp2Reader.readNested(yaml, "p.yaml"))).isEqualTo(yaml);
    assertThat(Kfp2Reader.read(yaml, "p.yaml").exitPipeline()).isNull();
  }

  /**
   * A local run: the first handler's task fails, the second's succeeds; each exit pipeline runs after its own handler's task
   * whatever happened, the first told FAILED, and the run fails as the failed task says.
   */
  @Test
  void locallyEachExitPipelineRunsAfterItsOwnHandlerAndGetsItsStatus() throws IOException {
    RunResult failed = run(twoHandlers(new ArrayList<>(), "fail", "say"), "failed");
    assertThat(failed.output("state", "Output")).isEqualTo("FAILED");
    assertThat(failed.output("notify-end-say", "Output")).isEqualTo("#first");
    assertThat(failed.output("announce-say", "Output")).isEqualTo("second done");
    assertThat(failed.failedTask().map(t -> t.message())).isPresent();
    RunResult succeeded = run(twoHandlers(new ArrayList<>(), "say", "fail"), "succeeded");
    assertThat(succeeded.output("state", "Output")).isEqualTo("SUCCEEDED");
    assertThat(succeeded.output("announce-say", "Output")).isEqualTo("second done");
  }

  /**
   * A pipeline whose task reads the status after another of its tasks, or inside a condition: as KFP 2 gives every task of
   * its DAG the status the DAG took ({@code componentInputParameter}), whatever it waits for.
   */
  private static final String LATE = String.join("\n",
      "@Pipeline(name = \"late\", formats = Format.KFP2)",
      "public static void late(String channel, PipelineTaskFinalStatus status) {",
      "  var said = EndsOps.say(channel);",
      "  EndsOps.describe(status).after(said);",
      "}");

  /** Two handlers, each with {@code late} as exit task, around {@code first} and {@code second}. */
  private Compilation lateTwice(List<Pipeline> models, String first, String second) {
    return compile(models, LATE,
        "@Pipeline(formats = Format.KFP2) public static void p(String who) {",
        "  Dsl.exitHandler(() -> late(\"#first\", Dsl.runStatus()), () -> EndsOps." + first + "(who));",
        "  Dsl.exitHandler(() -> late(\"#second\", Dsl.runStatus()), () -> EndsOps." + second + "(\"two\"));",
        "}");
  }

  @Test
  void theStatusReadAfterAnotherTaskOfTheExitPipelineIsWrittenAsKfpsCompilerWritesIt() {
    List<Pipeline> models = new ArrayList<>();
    Compilation c = lateTwice(models, "say", "say");
    assertThat(c).succeeded();
    String yaml = Compile.resource(c, Kfp2PipelineTest.P2);
    JsonNode spec = Yaml.readAll(yaml).get(0);
    assertThat(spec.at("/root/dag/tasks/late/inputs/parameters/status/taskFinalStatus/producerTask").asString()).isEqualTo("exit-handler-1");
    assertThat(spec.at("/root/dag/tasks/late-2/inputs/parameters/status/taskFinalStatus/producerTask").asString())
        .isEqualTo("exit-handler-2");
    JsonNode dag = spec.at("/components/comp-late/dag/tasks");
    assertThat(dag.at("/describe/inputs/parameters/status/componentInputParameter").asString()).isEqualTo("status");
    assertThat(dag.at("/describe/dependentTasks").toString()).isEqualTo("[\"say\"]");
    assertThat(spec.at("/components/comp-late/inputDefinitions/parameters/status/parameterType").asString())
        .isEqualTo("TASK_FINAL_STATUS");
    // flat: the later task waits for the first one only, run as any task, given the status
    Task described = (Task) model(models, "p").node("late-describe").orElseThrow();
    assertThat(described.after()).containsExactly("late-say");
    assertThat(RunSetting.afterFailure(described)).isFalse();
    assertThat(described.arguments().get("status")).isEqualTo(new Argument.RunValue(Argument.RunValue.Kind.STATUS));
    assertThat(Kfp2Writer.write(Kfp2Reader.readNested(yaml, "p.yaml"))).isEqualTo(yaml);
    if (Compile.sharedPresent()) {
      Compile.validKfp2(yaml, "p.yaml");
    }
  }

  /**
   * Locally, the task reading the status after another of the exit pipeline gets its own handler's status, as KFP's
   * driver gives it: {@code FAILED} after the handler whose task failed, {@code SUCCEEDED} after the other, each naming its
   * handler's group ({@code pipelineTaskName: exit-handler-N}); whichever handler fails. (The spec is run as read: the
   * called pipelines' tasks keep their names where free, {@code describe}, else {@code late-2-describe}.)
   */
  @Test
  void locallyTheStatusReadAfterAnotherTaskIsItsOwnHandlers() throws IOException {
    RunResult firstFailed = run(lateTwice(new ArrayList<>(), "fail", "say"), "first-failed");
    assertThat(firstFailed.output("late-say", "Output")).isEqualTo("#first");
    assertThat(firstFailed.output("describe", "Output")).isEqualTo("FAILED exit-handler-1");
    assertThat(firstFailed.output("late-2-say", "Output")).isEqualTo("#second");
    assertThat(firstFailed.output("late-2-describe", "Output")).isEqualTo("SUCCEEDED exit-handler-2");
    assertThat(firstFailed.failedTask().map(t -> t.name())).hasValue("fail");
    RunResult secondFailed = run(lateTwice(new ArrayList<>(), "say", "fail"), "second-failed");
    assertThat(secondFailed.output("describe", "Output")).isEqualTo("SUCCEEDED exit-handler-1");
    assertThat(secondFailed.output("late-2-describe", "Output")).isEqualTo("FAILED exit-handler-2");
  }

  /** A pipeline reading the status inside a condition too, as KFP's {@code pipeline_as_exit_task.py}'s reads the state. */
  private static final String ON_FAILURE = String.join("\n",
      "@Pipeline(name = \"on-failure\", formats = Format.KFP2)",
      "public static void onFailure(PipelineTaskFinalStatus status) {",
      "  var state = EndsOps.state(status);",
      "  Dsl.when(Dsl.eq(state.output(), \"FAILED\"), () -> EndsOps.describe(status));",
      "}");

  private Compilation onFailureTwice(List<Pipeline> models, String first, String second) {
    return compile(models, ON_FAILURE,
        "@Pipeline(formats = Format.KFP2) public static void p(String who) {",
        "  Dsl.exitHandler(() -> onFailure(Dsl.runStatus()), () -> EndsOps." + first + "(who));",
        "  Dsl.exitHandler(() -> onFailure(Dsl.runStatus()), () -> EndsOps." + second + "(\"two\"));",
        "}");
  }

  /**
   * The status read inside a condition of the exit pipeline: KFP's compiler passes the DAG's input down to the condition's
   * DAG ({@code pipelinechannel--status}, a {@code STRUCT} as it types a {@code PipelineTaskFinalStatus} channel), and so
   * does kfp4j; locally the task there gets its own handler's status.
   */
  @Test
  void theStatusReadInsideAConditionOfTheExitPipelineIsPassedDown() throws IOException {
    Compilation c = onFailureTwice(new ArrayList<>(), "say", "say");
    assertThat(c).succeeded();
    String yaml = Compile.resource(c, Kfp2PipelineTest.P2);
    JsonNode spec = Yaml.readAll(yaml).get(0);
    JsonNode condition = spec.at("/components/comp-on-failure/dag/tasks/condition-1");
    assertThat(condition.at("/inputs/parameters/pipelinechannel--status/componentInputParameter").asString()).isEqualTo("status");
    String group = condition.at("/componentRef/name").asString();
    assertThat(spec.at("/components/" + group + "/inputDefinitions/parameters/pipelinechannel--status/parameterType").asString())
        .isEqualTo("STRUCT");
    assertThat(spec.at("/components/" + group + "/dag/tasks/describe/inputs/parameters/status/componentInputParameter").asString())
        .isEqualTo("pipelinechannel--status");
    assertThat(Kfp2Writer.write(Kfp2Reader.readNested(yaml, "p.yaml"))).isEqualTo(yaml);
    if (Compile.sharedPresent()) {
      Compile.validKfp2(yaml, "p.yaml");
    }
    // run as read: the first call's nodes keep their names, the second's are named after it
    RunResult firstFailed = run(onFailureTwice(new ArrayList<>(), "fail", "say"), "condition-first-failed");
    assertThat(firstFailed.output("condition-1/describe", "Output")).isEqualTo("FAILED exit-handler-1");
    assertThat(firstFailed.output("on-failure-2-state", "Output")).isEqualTo("SUCCEEDED");
    assertThat(firstFailed.task("on-failure-2-condition-1").map(t -> t.state())).hasValue(TaskResult.State.Skipped);
    RunResult secondFailed = run(onFailureTwice(new ArrayList<>(), "say", "fail"), "condition-second-failed");
    assertThat(secondFailed.output("on-failure-2-condition-1/on-failure-2-describe", "Output")).isEqualTo("FAILED exit-handler-2");
    assertThat(secondFailed.output("state", "Output")).isEqualTo("SUCCEEDED");
    assertThat(secondFailed.task("condition-1").map(t -> t.state())).hasValue(TaskResult.State.Skipped);
  }

  /**
   * The status read inside a loop of the exit pipeline, by a task waiting for another of it: each iteration gets its own
   * handler's status, the loop's DAG taking it as KFP's compiler passes it down.
   */
  @Test
  void theStatusReadInsideALoopOfTheExitPipelineIsItsOwnHandlers() throws IOException {
    String each = String.join("\n",
        "@Pipeline(name = \"each\", formats = Format.KFP2)",
        "public static void each(PipelineTaskFinalStatus status) {",
        "  var said = EndsOps.say(\"x\");",
        "  Dsl.forEach(java.util.List.of(\"a\", \"b\"), item -> EndsOps.describe(status).after(said));",
        "}");
    Compilation c = compile(new ArrayList<>(), each,
        "@Pipeline(formats = Format.KFP2) public static void p(String who) {",
        "  Dsl.exitHandler(() -> each(Dsl.runStatus()), () -> EndsOps.say(who));",
        "  Dsl.exitHandler(() -> each(Dsl.runStatus()), () -> EndsOps.fail(\"two\"));",
        "}");
    assertThat(c).succeeded();
    String yaml = Compile.resource(c, Kfp2PipelineTest.P2);
    JsonNode spec = Yaml.readAll(yaml).get(0);
    String loop = spec.at("/components/comp-each/dag/tasks/for-loop-2/componentRef/name").asString();
    assertThat(spec.at("/components/comp-each/dag/tasks/for-loop-2/inputs/parameters/pipelinechannel--status/componentInputParameter")
        .asString()).isEqualTo("status");
    assertThat(spec.at("/components/" + loop + "/dag/tasks/describe/inputs/parameters/status/componentInputParameter").asString())
        .isEqualTo("pipelinechannel--status");
    assertThat(Kfp2Writer.write(Kfp2Reader.readNested(yaml, "p.yaml"))).isEqualTo(yaml);
    if (Compile.sharedPresent()) {
      Compile.validKfp2(yaml, "p.yaml");
    }
    RunResult r = run(c, "loop");
    assertThat(r.tasks().stream().filter(t -> t.name().endsWith("describe")).map(t -> t.name() + " " + t.outputs().get("Output"))
        .toList()).containsExactly("describe SUCCEEDED exit-handler-1", "describe SUCCEEDED exit-handler-1",
            "each-2-describe FAILED exit-handler-2", "each-2-describe FAILED exit-handler-2");
  }

  private RunResult run(Compilation c, String name) throws IOException {
    assertThat(c).succeeded();
    Path classes = Compile.writeOutput(c, dir.resolve("classes-" + name));
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      return LocalRunner.builder().root(dir.resolve("run-" + name)).caching(false)
          .console(new PrintStream(OutputStream.nullOutputStream())).classLoader(loader).progress(false).summary(false).build()
          .run(Workflow.parse(Compile.resource(c, Kfp2PipelineTest.P2), "p.yaml"), Map.of("who", "one"));
    }
  }
}
