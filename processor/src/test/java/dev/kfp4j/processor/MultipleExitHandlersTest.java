package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Node;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.RunSetting;
import dev.kfp4j.model.Task;
import dev.kfp4j.yaml.Yaml;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Several exit handlers, one after another, as KFP 2's compiler allows them ({@code pipeline_with_multiple_exit_handlers.py}):
 * each {@code Dsl.exitHandler(exitTask, () -> { ... })} statement's exit task runs once its own handler's tasks have ended,
 * whatever happened to them, and tasks outside every handler may sit beside them. kfp4j's model holds each such exit task as
 * KFP 2's reader reads KFP's spec of them: a task of the root run after its handler's tasks ({@code
 * ALL_UPSTREAM_TASKS_COMPLETED}). KFP 2 only: KFP v1's Argo workflow has one exit handler.
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
  void eachExitTaskRunsAfterItsOwnHandlersTasksWhateverHappened() {
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
    assertThat(p.nodes().stream().map(Node::name).toList())
        .containsExactly("greet", "greet-3", "add", "greet-2", "condition-1", "greet-4").inOrder();
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
    JsonNode tasks = Yaml.readAll(yaml).get(0).at("/root/dag/tasks");
    assertThat(tasks.at("/greet-2/dependentTasks").toString()).isEqualTo("[\"greet-3\",\"add\"]");
    assertThat(tasks.at("/greet-2/triggerPolicy/strategy").asString()).isEqualTo("ALL_UPSTREAM_TASKS_COMPLETED");
    assertThat(tasks.at("/greet-4/dependentTasks").toString()).isEqualTo("[\"condition-1\"]");
    assertThat(tasks.at("/greet-4/triggerPolicy/strategy").asString()).isEqualTo("ALL_UPSTREAM_TASKS_COMPLETED");
    assertThat(tasks.at("/greet/triggerPolicy").isMissingNode()).isTrue();
    assertThat(c.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/kfp4j/pipelines/p.yaml").isPresent()).isFalse();
    if (Compile.sharedPresent()) {
      Compile.validKfp2(yaml, "p.yaml");
    }
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
  void aNameOfOneOfThemIsAnErrorOnTheName() {
    Compilation c = compile(new ArrayList<>(),
        "@Pipeline(formats = Format.KFP2) public static void p(String who) {",
        "  Dsl.exitHandler(LibOps.greet(\"first\"), \"notify\", () -> LibOps.greet(who));",
        "  Dsl.exitHandler(LibOps.greet(\"second\"), () -> LibOps.greet(who));",
        "}");
    assertThat(c).hadErrorContaining("[kfp4j:UnsupportedStatement] '\"notify\"' names one of several exit handlers")
        .inFile(source).onLineContaining("\"notify\"");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void theStatusGivenToOneOfTheirExitTasksIsAnErrorOnTheArgument() {
    Compilation c = compile(new ArrayList<>(),
        "@Pipeline(formats = Format.KFP2) public static void p(String who) {",
        "  Dsl.exitHandler(NotifyOps.notify(\"#c\", Dsl.runStatus()), () -> LibOps.greet(who));",
        "  Dsl.exitHandler(LibOps.greet(\"second\"), () -> LibOps.greet(who));",
        "}");
    assertThat(c).hadErrorContaining("[kfp4j:UnsupportedArgument] Dsl.runStatus() given to 'notify', the exit task of one of several "
        + "exit handlers, which kfp4j runs after its handler's tasks (greet)").inFile(source).onLineContaining("Dsl.runStatus()");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void aPipelineAsTheExitTaskOfOneOfThemIsAnErrorOnIt() {
    Compilation c = compile(new ArrayList<>(),
        "@Pipeline(name = \"clean\", formats = Format.KFP2) public static void clean() { LibOps.greet(\"clean\"); }",
        "@Pipeline(formats = Format.KFP2) public static void p(String who) {",
        "  Dsl.exitHandler(() -> clean(), () -> LibOps.greet(who));",
        "  Dsl.exitHandler(LibOps.greet(\"second\"), () -> LibOps.greet(who));",
        "}");
    assertThat(c).hadErrorContaining("[kfp4j:UnsupportedStatement] the exit task of one of several exit handlers is a pipeline")
        .inFile(source).onLineContaining("() -> clean()");
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
