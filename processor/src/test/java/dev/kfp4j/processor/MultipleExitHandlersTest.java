package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Condition;
import dev.kfp4j.model.Node;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.RunSetting;
import dev.kfp4j.model.Task;
import dev.kfp4j.yaml.Yaml;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Several exit handlers, one after another, as KFP 2's compiler allows them ({@code pipeline_with_multiple_exit_handlers.py}):
 * each {@code Dsl.exitHandler(exitTask, () -> { ... })} statement's exit task runs once its own handler's tasks have ended,
 * whatever happened to them, and tasks outside every handler may sit beside them. Each handler is a group, {@code
 * exit-handler-N}, and its exit task a task beside it waiting for it ({@code ALL_UPSTREAM_TASKS_COMPLETED}), as KFP's
 * compiler writes them. KFP 2 only: KFP v1's Argo workflow has one exit handler, after every task.
 */
class MultipleExitHandlersTest {
  private static final List<String> HEADER = List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.dsl.Dsl;",
      "import test.*;");

  private JavaFileObject source;

  private Compilation compile(List<Pipeline> models, String... body) {
    source = Compile.testClass("P", HEADER, body);
    return Compile.compile(models, PipelineModelTest.LIB, RunStatusTest.NOTIFY, source);
  }

  @Test
  void eachHandlerIsAGroupItsExitTaskWaitsForWhateverHappened() {
    List<Pipeline> models = new ArrayList<>();
    Compilation c = compile(models,
        "@Pipeline(formats = Format.KFP2) public static void p(String who, int n) {",
        "  var hello = LibOps.greet(who);",
        "  Dsl.exitHandler(LibOps.greet(\"first\"), () -> {",
        "    LibOps.greet(hello.output());",
        "    LibOps.add(n, 1);",
        "  });",
        "  Dsl.exitHandler(LibOps.greet(\"second\"), () -> Dsl.when(Dsl.gt(n, 1), () -> LibOps.add(n, 2)));",
        "}");
    assertThat(c).succeeded();
    Pipeline p = models.get(0);
    assertThat(p.exitTask()).isNull();
    // as KFP's compiler numbers its groups: the exit handlers' and the condition's with one counter
    assertThat(p.nodes().stream().map(Node::name).toList())
        .containsExactly("greet", "exit-handler-1", "greet-2", "exit-handler-2", "greet-4").inOrder();
    Condition group = (Condition) p.node("exit-handler-1").orElseThrow();
    assertThat(group.predicate()).isNull();
    assertThat(group.body().stream().map(Node::name).toList()).containsExactly("greet-3", "add").inOrder();
    assertThat(((Condition) p.node("exit-handler-2").orElseThrow()).body().get(0).name()).isEqualTo("condition-3");
    Task first = (Task) p.node("greet-2").orElseThrow();
    assertThat(first.after()).containsExactly("greet-3", "add").inOrder();
    assertThat(first.settings()).contains(new RunSetting.IgnoreUpstreamFailure());
    assertThat(first.arguments().get("name")).isEqualTo(Argument.Constant.of("first"));
    Task second = (Task) p.node("greet-4").orElseThrow();
    assertThat(second.after()).containsExactly("add-2");
    assertThat(second.settings()).contains(new RunSetting.IgnoreUpstreamFailure());
    // a task outside every handler runs as any other, and a handler's task reads its output
    assertThat(((Task) p.node("greet").orElseThrow()).settings()).doesNotContain(new RunSetting.IgnoreUpstreamFailure());
    assertThat(((Task) p.node("greet-3").orElseThrow()).arguments().get("name")).isEqualTo(new Argument.TaskOutput("greet", "Output"));
    String yaml = Compile.resource(c, Kfp2PipelineTest.P2);
    JsonNode spec = Yaml.readAll(yaml).get(0);
    JsonNode tasks = spec.at("/root/dag/tasks");
    assertThat(new TreeSet<>(tasks.propertyNames())).containsExactly("greet", "exit-handler-1", "greet-2", "exit-handler-2", "greet-4");
    assertThat(tasks.at("/greet-2/dependentTasks").toString()).isEqualTo("[\"exit-handler-1\"]");
    assertThat(tasks.at("/greet-2/triggerPolicy/strategy").asString()).isEqualTo("ALL_UPSTREAM_TASKS_COMPLETED");
    assertThat(tasks.at("/greet-4/dependentTasks").toString()).isEqualTo("[\"exit-handler-2\"]");
    assertThat(tasks.at("/greet-4/triggerPolicy/strategy").asString()).isEqualTo("ALL_UPSTREAM_TASKS_COMPLETED");
    assertThat(tasks.at("/greet/triggerPolicy").isMissingNode()).isTrue();
    // the group takes the output it needs as KFP's compiler passes it, and runs whatever its condition says
    assertThat(tasks.at("/exit-handler-1/dependentTasks").toString()).isEqualTo("[\"greet\"]");
    assertThat(tasks.at("/exit-handler-1/triggerPolicy").isMissingNode()).isTrue();
    assertThat(new TreeSet<>(spec.at("/components/comp-exit-handler-1/dag/tasks").propertyNames())).containsExactly("add", "greet-3");
    assertThat(spec.at("/components/comp-exit-handler-2/dag/tasks/condition-3").isMissingNode()).isFalse();
    assertThat(c.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/kfp4j/pipelines/p.yaml").isPresent()).isFalse();
    if (Compile.sharedPresent()) {
      Compile.validKfp2(yaml, "p.yaml");
    }
  }

  @Test
  void oneBesideOtherTasksIsAGroupInKfp2() {
    List<Pipeline> models = new ArrayList<>();
    Compilation c = compile(models,
        "@Pipeline(formats = Format.KFP2) public static void p(String who) {",
        "  LibOps.greet(\"before\");",
        "  Dsl.exitHandler(LibOps.greet(\"done\"), () -> LibOps.greet(who));",
        "  LibOps.greet(\"beside\");",
        "}");
    assertThat(c).succeeded();
    Pipeline p = models.get(0);
    assertThat(p.exitTask()).isNull();
    assertThat(p.nodes().stream().map(Node::name).toList())
        .containsExactly("greet", "exit-handler-1", "greet-2", "greet-4").inOrder();
    JsonNode tasks = Yaml.readAll(Compile.resource(c, Kfp2PipelineTest.P2)).get(0).at("/root/dag/tasks");
    assertThat(tasks.at("/greet-2/dependentTasks").toString()).isEqualTo("[\"exit-handler-1\"]");
    assertThat(tasks.at("/greet-2/triggerPolicy/strategy").asString()).isEqualTo("ALL_UPSTREAM_TASKS_COMPLETED");
    assertThat(tasks.at("/greet/dependentTasks").isMissingNode()).isTrue();
    assertThat(tasks.at("/greet-4/dependentTasks").isMissingNode()).isTrue();
  }

  @Test
  void oneBesideOtherTasksInArgoIsAnErrorOnItSayingToWriteTheKfp2FormatOnly() {
    Compilation c = compile(new ArrayList<>(),
        "@Pipeline public static void p(String who) {",
        "  LibOps.greet(\"before\");",
        "  Dsl.exitHandler(LibOps.greet(\"done\"), () -> LibOps.greet(who));",
        "}");
    assertThat(c).hadErrorContaining("[kfp4j:ExitHandlerNotOutermost] Dsl.exitHandler(...) must be the only statement of the body of "
        + "a pipeline written as an Argo workflow too, with every task inside its lambda, as KFP v1's onExit runs after every "
        + "task: move the other statements into it, or write the pipeline for KFP 2 only, @Pipeline(formats = Format.KFP2)")
        .inFile(source).onLineContaining("greet(\"done\")");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void thePipelinesOneExitHandlerTakesTheFirstGroupNumberAsKfpsCompilersGiveIt() {
    List<Pipeline> models = new ArrayList<>();
    Compilation c = compile(models,
        "@Pipeline public static void p(int n) {",
        "  Dsl.exitHandler(LibOps.greet(\"done\"), () -> Dsl.when(Dsl.gt(n, 1), () -> LibOps.add(n, 2)));",
        "}");
    assertThat(c).succeeded();
    // exit-handler-1, then condition-2 inside it, as KFP v1's and KFP 2's compilers number them
    assertThat(models.get(0).nodes().get(0).name()).isEqualTo("condition-2");
    JsonNode spec = Yaml.readAll(Compile.resource(c, Kfp2PipelineTest.P2)).get(0);
    assertThat(spec.at("/components/comp-exit-handler-1/dag/tasks/condition-2").isMissingNode()).isFalse();
    String argo = Compile.resource(c, "META-INF/kfp4j/pipelines/p.yaml");
    assertThat(argo).contains("name: condition-2");
    assertThat(argo).doesNotContain("condition-1");
  }

  @Test
  void inArgoTheSecondIsAnErrorOnItSayingToWriteTheKfp2FormatOnly() {
    Compilation c = compile(new ArrayList<>(),
        "@Pipeline public static void p(String who) {",
        "  Dsl.exitHandler(LibOps.greet(\"first\"), () -> LibOps.greet(who));",
        "  Dsl.exitHandler(LibOps.greet(\"second\"), () -> LibOps.greet(who));",
        "}");
    assertThat(c).hadErrorContaining("[kfp4j:NotInArgo] another Dsl.exitHandler(...) after the first: KFP v1's Argo workflow has "
        + "one exit handler (onExit), as KFP v1's compiler allowed one; several exit handlers, one after another, are KFP 2's: "
        + "write this pipeline for KFP 2 only, @Pipeline(formats = Format.KFP2), or put every task into the one exit handler's "
        + "lambda").inFile(source).onLineContaining("greet(\"second\")");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void aNameOfOneOfThemIsItsGroupsDisplayName() {
    List<Pipeline> models = new ArrayList<>();
    Compilation c = compile(models,
        "@Pipeline(formats = Format.KFP2) public static void p(String who) {",
        "  Dsl.exitHandler(LibOps.greet(\"first\"), \"notify\", () -> LibOps.greet(who));",
        "  Dsl.exitHandler(LibOps.greet(\"second\"), () -> LibOps.greet(who));",
        "}");
    assertThat(c).succeeded();
    assertThat(((Condition) models.get(0).node("exit-handler-1").orElseThrow()).displayName()).isEqualTo("notify");
    JsonNode tasks = Yaml.readAll(Compile.resource(c, Kfp2PipelineTest.P2)).get(0).at("/root/dag/tasks");
    // as KFP's compiler writes dsl.ExitHandler(exit_task, name='notify'): the task and component keep exit-handler-1
    assertThat(tasks.at("/exit-handler-1/taskInfo/name").asString()).isEqualTo("notify");
    assertThat(tasks.at("/exit-handler-1/componentRef/name").asString()).isEqualTo("comp-exit-handler-1");
    assertThat(tasks.at("/exit-handler-2/taskInfo/name").asString()).isEqualTo("exit-handler-2");
  }

  @Test
  void aBlankNameOfOneOfThemIsAnErrorOnTheName() {
    Compilation c = compile(new ArrayList<>(),
        "@Pipeline(formats = Format.KFP2) public static void p(String who) {",
        "  Dsl.exitHandler(LibOps.greet(\"first\"), \" \", () -> LibOps.greet(who));",
        "  Dsl.exitHandler(LibOps.greet(\"second\"), () -> LibOps.greet(who));",
        "}");
    assertThat(c).hadErrorContaining("[kfp4j:BadSetting]").inFile(source).onLineContaining("\" \"");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void theStatusGivenToOneOfTheirExitTasksIsItsGroupsStatus() {
    List<Pipeline> models = new ArrayList<>();
    Compilation c = compile(models,
        "@Pipeline(formats = Format.KFP2) public static void p(String who) {",
        "  Dsl.exitHandler(LibOps.greet(\"first\"), () -> LibOps.greet(who));",
        "  Dsl.exitHandler(NotifyOps.notify(\"#c\", Dsl.runStatus()), () -> { LibOps.greet(who); LibOps.greet(\"again\"); });",
        "}");
    assertThat(c).succeeded();
    JsonNode tasks = Yaml.readAll(Compile.resource(c, Kfp2PipelineTest.P2)).get(0).at("/root/dag/tasks");
    // as KFP's compiler writes a PipelineTaskFinalStatus of an exit task (pipeline_with_task_final_status.py)
    assertThat(tasks.at("/notify/inputs/parameters/status/taskFinalStatus/producerTask").asString()).isEqualTo("exit-handler-2");
    assertThat(tasks.at("/notify/dependentTasks").toString()).isEqualTo("[\"exit-handler-2\"]");
  }

  /** A pipeline as one of their exit tasks, written as a method reference: an error saying to write the call (HandlerExitPipelinesTest). */
  @Test
  void aPipelineAsTheExitTaskOfOneOfThemWrittenAsAReferenceIsAnErrorOnIt() {
    Compilation c = compile(new ArrayList<>(),
        "@Pipeline(name = \"clean\", formats = Format.KFP2) public static void clean() { LibOps.greet(\"clean\"); }",
        "@Pipeline(formats = Format.KFP2) public static void p(String who) {",
        "  Dsl.exitHandler(P::clean, () -> LibOps.greet(who));",
        "  Dsl.exitHandler(LibOps.greet(\"second\"), () -> LibOps.greet(who));",
        "}");
    assertThat(c).hadErrorContaining("[kfp4j:UnsupportedArgument] a pipeline run as the exit task is one call of a @Pipeline method")
        .inFile(source).onLineContaining("P::clean");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void oneInsideAnotherIsStillAnErrorOnIt() {
    Compilation c = compile(new ArrayList<>(),
        "@Pipeline(formats = Format.KFP2) public static void p(String who) {",
        "  Dsl.exitHandler(LibOps.greet(\"first\"), () -> LibOps.greet(who));",
        "  Dsl.exitHandler(LibOps.greet(\"second\"), () -> {",
        "    Dsl.exitHandler(LibOps.greet(\"inner\"), () -> LibOps.greet(who));",
        "  });",
        "}");
    assertThat(c).hadErrorContaining("[kfp4j:ExitHandlerNotOutermost] Dsl.exitHandler(...) must be the outermost statement")
        .inFile(source).onLineContaining("greet(\"inner\")");
    assertThat(c).hadErrorCount(1);
  }
}
