package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
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
  /** Components run in the JVM: one says what it is given, one fails, one gives the state of the status it is given. */
  static final JavaFileObject STEPS = Compile.source("test.Ends",
      "package test;",
      "import dev.kfp4j.annotations.*;",
      "import dev.kfp4j.artifacts.PipelineTaskFinalStatus;",
      "public class Ends {",
      "  @Component public static String say(String what) { return what; }",
      "  @Component public static String fail(String what) { throw new IllegalStateException(what); }",
      "  @Component public static String state(PipelineTaskFinalStatus status) { return status.state(); }",
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

  /** The status read by a task of the exit pipeline waiting for another of it: kfp4j cannot give it its handler's status. */
  @Test
  void theStatusReadAfterAnotherTaskOfTheExitPipelineIsAnErrorOnTheCall() {
    Compilation c = compile(new ArrayList<>(),
        "@Pipeline(name = \"late\", formats = Format.KFP2)",
        "public static void late(PipelineTaskFinalStatus status) {",
        "  var first = EndsOps.say(\"first\");",
        "  EndsOps.state(status).after(first);",
        "}",
        "@Pipeline(formats = Format.KFP2) public static void p(String who) {",
        "  Dsl.exitHandler(() -> late(Dsl.runStatus()), () -> EndsOps.say(who));",
        "  EndsOps.say(\"beside\");",
        "}");
    assertThat(c).hadErrorContaining("task 'state' reads the handler's status but waits for [say]").inFile(source)
        .onLineContaining("() -> late(");
    assertThat(c).hadErrorCount(1);
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
