package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Condition;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Task;
import dev.kfp4j.yaml.Yaml;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A pipeline run as the exit task in Java, KFP's {@code dsl.ExitHandler(exit_op())} where {@code exit_op} is a pipeline:
 * {@code Dsl.exitHandler(() -> notifyEnd(Dsl.runStatus()), () -> ...)}, the lambda one call of a {@code @Pipeline}
 * method whose {@code PipelineTaskFinalStatus} parameter takes the status. It compiles into the model's exit pipeline,
 * KFP 2 only.
 */
class ExitPipelineTest {
  private static final List<String> HEADER = List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.dsl.Dsl;",
      "import dev.kfp4j.artifacts.PipelineTaskFinalStatus;", "import test.*;");
  private static final String NOTIFY_END = String.join("\n",
      "@Pipeline(name = \"notify-end\", formats = Format.KFP2)",
      "public static void notifyEnd(String channel, PipelineTaskFinalStatus status) {",
      "  var sent = NotifyOps.notify(channel, status);",
      "  Dsl.when(Dsl.eq(sent.output(), \"#c\"), () -> LibOps.greet(\"told\"));",
      "}");

  @TempDir Path dir;

  private JavaFileObject source;

  private Compilation compile(List<Pipeline> models, String... body) {
    source = Compile.testClass("P", HEADER, body);
    return Compile.compile(models, PipelineModelTest.LIB, RunStatusTest.NOTIFY, source);
  }

  @Test
  void theCalledPipelineIsTheExitPipelineAsKfpsCompilerWritesIt() {
    List<Pipeline> models = new ArrayList<>();
    Compilation c = compile(models, NOTIFY_END,
        "@Pipeline(formats = Format.KFP2) public static void p(String who) {",
        "  Dsl.exitHandler(() -> notifyEnd(\"#c\", Dsl.runStatus()), \"my-handler\", () -> {",
        "    LibOps.greet(who);",
        "  });",
        "}");
    assertThat(c).succeeded();
    Pipeline p = models.stream().filter(m -> m.name().equals("p")).findFirst().orElseThrow();
    assertThat(p.exitTask()).isNull();
    assertThat(p.exitHandlerName()).isEqualTo("my-handler");
    assertThat(p.exitPipeline().name()).isEqualTo("notify-end");
    Task notify = (Task) p.exitPipeline().nodes().get(0);
    assertThat(notify.name()).isEqualTo("notify"); // its own name, free in the pipeline, as KFP 2's reader names it
    assertThat(notify.arguments().get("status")).isEqualTo(new Argument.RunValue(Argument.RunValue.Kind.STATUS));
    assertThat(notify.arguments().get("channel")).isEqualTo(Argument.Constant.of("#c"));
    assertThat(p.exitPipeline().status()).isEqualTo("status");
    Condition told = (Condition) p.exitPipeline().nodes().get(1);
    // greet is the body's too: named after the exit pipeline's call
    assertThat(told.body().get(0).name()).isEqualTo("notify-end-greet");
    String yaml = Compile.resource(c, Kfp2PipelineTest.P2);
    JsonNode spec = Yaml.readAll(yaml).get(0);
    assertThat(spec.at("/root/dag/tasks/notify-end/inputs/parameters/status").toString())
        .isEqualTo("{\"taskFinalStatus\":{\"producerTask\":\"exit-handler-1\"}}");
    assertThat(spec.at("/root/dag/tasks/notify-end/triggerPolicy/strategy").asString()).isEqualTo("ALL_UPSTREAM_TASKS_COMPLETED");
    assertThat(spec.at("/root/dag/tasks/exit-handler-1/taskInfo/name").asString()).isEqualTo("my-handler");
    assertThat(spec.at("/components/comp-notify-end/dag/tasks/notify/inputs/parameters/status/componentInputParameter").asString())
        .isEqualTo("status");
    // the pipeline taking the status runs only as an exit task: no file of its own
    assertThat(c.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/kfp4j/kfp2/pipelines/notify-end.yaml").isPresent()).isFalse();
    if (Compile.sharedPresent()) {
      Compile.validKfp2(yaml, "p.yaml");
    }
  }

  @Test
  void aPipelineWithoutTheStatusRunsAsTheExitTaskToo() {
    List<Pipeline> models = new ArrayList<>();
    Compilation c = compile(models,
        "@Pipeline(name = \"clean\", formats = Format.KFP2) public static void clean(String what) { LibOps.greet(what); }",
        "@Pipeline(formats = Format.KFP2) public static void p(String who) {",
        "  Dsl.exitHandler(() -> { clean(who); }, () -> LibOps.greet(who));",
        "}");
    assertThat(c).succeeded();
    Pipeline p = models.stream().filter(m -> m.name().equals("p")).findFirst().orElseThrow();
    assertThat(p.exitPipeline().name()).isEqualTo("clean");
    assertThat(((Task) p.exitPipeline().nodes().get(0)).arguments().get("name")).isEqualTo(new Argument.PipelineParameter("who"));
    assertThat(p.exitPipeline().status()).isNull();
    // the clean pipeline takes no status: it is a pipeline of its own too
    assertThat(c.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/kfp4j/kfp2/pipelines/clean.yaml").isPresent()).isTrue();
    // and, as KFP's compiler writes a pipeline without a PipelineTaskFinalStatus parameter, it is given no status
    String yaml = Compile.resource(c, Kfp2PipelineTest.P2);
    JsonNode spec = Yaml.readAll(yaml).get(0);
    assertThat(spec.at("/root/dag/tasks/clean/inputs/parameters").has("status")).isFalse();
    assertThat(spec.at("/components/comp-clean/inputDefinitions/parameters").has("status")).isFalse();
    assertThat(spec.at("/root/dag/tasks/clean/triggerPolicy/strategy").asString()).isEqualTo("ALL_UPSTREAM_TASKS_COMPLETED");
    if (Compile.sharedPresent()) {
      Compile.validKfp2(yaml, "p.yaml");
    }
  }

  /** The status parameter named otherwise: the DAG's input and the task's are named as the parameter, as KFP's compiler names them. */
  @Test
  void theStatusInputIsNamedAsTheParameter() {
    List<Pipeline> models = new ArrayList<>();
    Compilation c = compile(models,
        "@Pipeline(name = \"notify-end\", formats = Format.KFP2)",
        "public static void notifyEnd(PipelineTaskFinalStatus runStatus) {",
        "  NotifyOps.notify(\"#c\", runStatus);",
        "}",
        "@Pipeline(formats = Format.KFP2) public static void p(String who) {",
        "  Dsl.exitHandler(() -> notifyEnd(Dsl.runStatus()), () -> LibOps.greet(who));",
        "}");
    assertThat(c).succeeded();
    Pipeline p = models.stream().filter(m -> m.name().equals("p")).findFirst().orElseThrow();
    assertThat(p.exitPipeline().status()).isEqualTo("runStatus");
    JsonNode spec = Yaml.readAll(Compile.resource(c, Kfp2PipelineTest.P2)).get(0);
    assertThat(spec.at("/root/dag/tasks/notify-end/inputs/parameters").toString())
        .isEqualTo("{\"runStatus\":{\"taskFinalStatus\":{\"producerTask\":\"exit-handler-1\"}}}");
    assertThat(spec.at("/components/comp-notify-end/inputDefinitions/parameters").toString())
        .isEqualTo("{\"runStatus\":{\"isOptional\":true,\"parameterType\":\"TASK_FINAL_STATUS\"}}");
    assertThat(spec.at("/components/comp-notify-end/dag/tasks/notify/inputs/parameters/status/componentInputParameter").asString())
        .isEqualTo("runStatus");
  }

  /** The pipeline taking the status is no workflow of its own: a parameter a run may leave out is no Argo error on it. */
  @Test
  void itsParametersAreNoWorkflowsParameters() {
    List<Pipeline> models = new ArrayList<>();
    Compilation c = compile(models,
        "@Pipeline(name = \"notify-end\")",
        "public static void notifyEnd(@org.jspecify.annotations.Nullable String channel, PipelineTaskFinalStatus status) {",
        "  NotifyOps.notify(\"#c\", status);",
        "}",
        "@Pipeline(formats = Format.KFP2) public static void p(String who) {",
        "  Dsl.exitHandler(() -> notifyEnd(null, Dsl.runStatus()), () -> LibOps.greet(who));",
        "}");
    assertThat(c).succeeded();
    assertThat(models.stream().filter(m -> m.name().equals("p")).findFirst().orElseThrow().exitPipeline().name()).isEqualTo("notify-end");
  }

  @Test
  void aLambdaThatIsNoCallOfAPipelineIsAnErrorOnIt() {
    Compilation c = compile(new ArrayList<>(),
        "@Pipeline(formats = Format.KFP2) public static void p(String who) {",
        "  Dsl.exitHandler(() -> LibOps.greet(\"bye\"),",
        "      () -> LibOps.greet(who));",
        "}");
    assertThat(c).hadErrorContaining("[kfp4j:UnsupportedArgument] a pipeline run as the exit task is one call of a @Pipeline method in "
        + "the first lambda, Dsl.exitHandler(() -> Cleanup.cleanup(Dsl.runStatus()), () -> { ... }); 'LibOps.greet(\"bye\")' is "
        + "not: call one @Pipeline method there, or give a component's task itself").inFile(source).onLineContaining("\"bye\"");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void aMethodReferenceIsAnErrorSayingToWriteTheCall() {
    Compilation c = compile(new ArrayList<>(),
        "@Pipeline(name = \"clean\", formats = Format.KFP2) public static void clean() { LibOps.greet(\"x\"); }",
        "@Pipeline(formats = Format.KFP2) public static void p(String who) {",
        "  Dsl.exitHandler(P::clean,",
        "      () -> LibOps.greet(who));",
        "}");
    assertThat(c).hadErrorContaining("[kfp4j:UnsupportedArgument] a pipeline run as the exit task is one call of a @Pipeline method in "
        + "the first lambda, Dsl.exitHandler(() -> Cleanup.cleanup(Dsl.runStatus()), () -> { ... }); 'P::clean' is not")
        .inFile(source).onLineContaining("P::clean");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void twoStatementsAreAnErrorToo() {
    Compilation c = compile(new ArrayList<>(), NOTIFY_END,
        "@Pipeline(formats = Format.KFP2) public static void p(String who) {",
        "  Dsl.exitHandler(() -> { notifyEnd(who, Dsl.runStatus()); LibOps.greet(who); },",
        "      () -> LibOps.greet(who));",
        "}");
    assertThat(c).hadErrorContaining("[kfp4j:UnsupportedArgument] a pipeline run as the exit task is one call of a @Pipeline method")
        .inFile(source).onLineContaining("() -> { notifyEnd");
    assertThat(c).hadErrorContaining("'notifyEnd(who, Dsl.runStatus());' is not");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void aPipelineTakingTheStatusCalledElsewhereIsAnErrorOnTheCall() {
    Compilation c = compile(new ArrayList<>(), NOTIFY_END,
        "@Pipeline(formats = Format.KFP2) public static void p(String who) {",
        "  notifyEnd(who,",
        "      Dsl.runStatus());",
        "}");
    assertThat(c).hadErrorContaining("[kfp4j:UnsupportedStatement] 'notifyEnd(who, Dsl.runStatus())' calls pipeline 'notify-end', which takes the "
        + "pipeline's final status (parameter 'status') and so runs only as the exit task: call it in the first lambda of "
        + "Dsl.exitHandler(() -> ..., () -> { ... })").inFile(source).onLineContaining("notifyEnd(who,");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void theStatusParameterGivenAnythingButTheStatusIsAnErrorOnTheArgument() {
    Compilation c = compile(new ArrayList<>(), NOTIFY_END,
        "@Pipeline(formats = Format.KFP2) public static void p(String who) {",
        "  Dsl.exitHandler(() -> notifyEnd(who, null), () -> LibOps.greet(who));",
        "}");
    assertThat(c).hadErrorContaining("[kfp4j:UnsupportedArgument] parameter 'status' of pipeline 'notify-end' takes the pipeline's "
        + "final status: give it Dsl.runStatus()").inFile(source).onLineContaining("null");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void inArgoItIsAnErrorOnTheStatement() {
    Compilation c = compile(new ArrayList<>(), NOTIFY_END,
        "@Pipeline public static void p(String who) {",
        "  Dsl.exitHandler(() -> notifyEnd(who, Dsl.runStatus()), () -> LibOps.greet(who));",
        "}");
    assertThat(c).hadErrorContaining("[kfp4j:NotInArgo] the exit task is pipeline 'notify-end' (KFP 2's pipeline as exit task), which "
        + "only KFP 2 can run: KFP v1's Argo workflow runs one template on exit; write this pipeline for KFP 2 only: "
        + "@Pipeline(formats = Format.KFP2), or make the exit task a component's").inFile(source).onLineContaining("Dsl.exitHandler");
    assertThat(c).hadErrorCount(1);
  }

  /**
   * The status given to tasks in groups of the pipeline run as the exit task of the pipeline's one exit handler, a condition
   * and a loop in it: each is given the status, and KFP 2's spec passes the DAG's input down as KFP's compiler does, each
   * group taking it as {@code pipelinechannel--status}, a {@code STRUCT} (KFP SDK 2.15.2's {@code status_in_groups.py},
   * {@code ExitPipelineFormatTest}).
   */
  @Test
  void theStatusReachesTheTasksInGroupsOfThePipelinesOneExitPipeline() {
    List<Pipeline> models = new ArrayList<>();
    Compilation c = compile(models,
        "@Pipeline(name = \"notify-end\", formats = Format.KFP2)",
        "public static void notifyEnd(String channel, PipelineTaskFinalStatus status) {",
        "  Dsl.when(Dsl.eq(channel, \"#c\"), () -> NotifyOps.notify(channel, status));",
        "  Dsl.forEach(java.util.List.of(\"#a\", \"#b\"), ch -> NotifyOps.notify(ch, status));",
        "}",
        "@Pipeline(formats = Format.KFP2) public static void p(String who) {",
        "  Dsl.exitHandler(() -> notifyEnd(who, Dsl.runStatus()), () -> LibOps.greet(who));",
        "}");
    assertThat(c).succeeded();
    Pipeline p = models.stream().filter(m -> m.name().equals("p")).findFirst().orElseThrow();
    List<String> given = new ArrayList<>();
    dev.kfp4j.model.Nodes.walk(p.exitPipeline().nodes(), n -> {
      if (n instanceof Task t && new Argument.RunValue(Argument.RunValue.Kind.STATUS).equals(t.arguments().get("status"))) {
        given.add(t.name());
      }
    });
    assertThat(given).containsExactly("notify", "notify-2");
    String yaml = Compile.resource(c, Kfp2PipelineTest.P2);
    JsonNode spec = Yaml.readAll(yaml).get(0);
    for (String group : List.of("condition-1", "for-loop-3")) {
      assertThat(spec.at("/components/comp-notify-end/dag/tasks/" + group + "/inputs/parameters/pipelinechannel--status").toString())
          .isEqualTo("{\"componentInputParameter\":\"status\"}");
      assertThat(spec.at("/components/comp-" + group + "/inputDefinitions/parameters/pipelinechannel--status/parameterType")
          .asString()).isEqualTo("STRUCT");
    }
    assertThat(spec.at("/components/comp-condition-1/dag/tasks/notify/inputs/parameters/status/componentInputParameter").asString())
        .isEqualTo("pipelinechannel--status");
    assertThat(spec.at("/components/comp-for-loop-3/dag/tasks/notify-2/inputs/parameters/status/componentInputParameter")
        .asString()).isEqualTo("pipelinechannel--status");
    if (Compile.sharedPresent()) {
      Compile.validKfp2(yaml, "p.yaml");
    }
  }

  @Test
  void twoStatusParametersAreAnError() {
    Compilation c = compile(new ArrayList<>(),
        "@Pipeline(formats = Format.KFP2)",
        "public static void twice(PipelineTaskFinalStatus status,",
        "    PipelineTaskFinalStatus again) {",
        "  NotifyOps.notify(\"#c\", status);",
        "}");
    assertThat(c).hadErrorContaining("[kfp4j:FinalStatusType] parameter 'again' takes the pipeline's final status, which parameter "
        + "'status' takes already").inFile(source).onLineContaining("PipelineTaskFinalStatus again");
    assertThat(c).hadErrorCount(1);
  }

  /** The exit pipeline writes no file, but what its callers put in of it is checked as a called pipeline's is. */
  @Test
  void anExitPipelineChangedAndCompiledWithoutItsCallerNamesTheCallersFile() {
    List<String> header = List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.dsl.Dsl;",
        "import dev.kfp4j.artifacts.PipelineTaskFinalStatus;", "import test.*;");
    JavaFileObject outer = Compile.testClass("Outer", header,
        "@Pipeline(name = \"outer\", formats = Format.KFP2) public static void outer(String who) {",
        "  Dsl.exitHandler(() -> Notifier.notifyEnd(\"#c\", Dsl.runStatus()), () -> LibOps.greet(who));",
        "}");
    JavaFileObject notifier = Compile.testClass("Notifier", header, NOTIFY_END);
    Path classes = Compile.writeOutput(Compile.compile(PipelineModelTest.LIB, RunStatusTest.NOTIFY, outer, notifier), dir.resolve("all"));
    assertThat(Compile.compileAgainst(classes, notifier)).succeededWithoutWarnings(); // unchanged: the caller's files hold
    JavaFileObject changed = Compile.testClass("Notifier", header,
        "@Pipeline(name = \"notify-end\", formats = Format.KFP2)",
        "public static void notifyEnd(String channel, PipelineTaskFinalStatus status) {",
        "  NotifyOps.notify(\"#changed\", status);",
        "}");
    Compilation alone = Compile.compileAgainst(classes, changed);
    assertThat(alone).hadErrorContaining("[kfp4j:StalePipeline] pipeline 'notify-end' changed, but pipeline 'outer' in test/Outer.java "
        + "calls it, holds its earlier tasks and is not compiled now").inFile(changed).onLineContaining("public static void notifyEnd");
  }
}
