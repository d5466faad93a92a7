package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.spec.TypeSpec;
import dev.kfp4j.yaml.Yaml;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * KFP's {@code dsl.PipelineTaskFinalStatus} in Java: a component parameter of type {@code
 * dev.kfp4j.artifacts.PipelineTaskFinalStatus} is KFP's {@code PipelineTaskFinalStatus} input
 * (KFP 2: {@code TASK_FINAL_STATUS}), and {@code Dsl.runStatus()} gives it, to the exit task only.
 */
class RunStatusTest {
  static final JavaFileObject NOTIFY = Compile.source("test.Notify",
      "package test;",
      "import dev.kfp4j.annotations.*;",
      "import dev.kfp4j.artifacts.PipelineTaskFinalStatus;",
      "import java.util.Optional;",
      "public class Notify {",
      "  @Component public static String notify(String channel, PipelineTaskFinalStatus status) { return channel; }",
      "}");

  private static final List<String> HEADER = List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.dsl.Dsl;",
      "import dev.kfp4j.artifacts.PipelineTaskFinalStatus;", "import test.*;");

  private JavaFileObject source;

  private Compilation compile(List<Pipeline> models, String... body) {
    source = Compile.testClass("P", HEADER, body);
    return Compile.compile(models, PipelineModelTest.LIB, NOTIFY, source);
  }

  @Test
  void theExitTaskGetsTheStatusAsKfpsCompilerWritesIt() {
    List<Pipeline> models = new ArrayList<>();
    Compilation c = compile(models,
        "@Pipeline public static void p(String channel) {",
        "  Dsl.exitHandler(NotifyOps.notify(channel, Dsl.runStatus()), () -> LibOps.greet(\"x\"));",
        "}");
    assertThat(c).succeeded();
    assertThat(models.get(0).exitTask().arguments().get("status")).isEqualTo(new Argument.RunValue(Argument.RunValue.Kind.STATUS));
    assertThat(models.get(0).exitTask().component().input("status").orElseThrow().type()).isEqualTo(TypeSpec.TASK_FINAL_STATUS);
    String yaml = Compile.resource(c, Kfp2PipelineTest.P2);
    JsonNode spec = Yaml.readAll(yaml).get(0);
    assertThat(spec.at("/components/comp-notify/inputDefinitions/parameters/status").toString())
        .isEqualTo("{\"isOptional\":true,\"parameterType\":\"TASK_FINAL_STATUS\"}");
    assertThat(spec.at("/root/dag/tasks/notify/inputs/parameters/status").toString())
        .isEqualTo("{\"taskFinalStatus\":{\"producerTask\":\"exit-handler-1\"}}");
    assertThat(Compile.resource(c, "META-INF/kfp4j/components/notify.yaml")).contains("- name: status\n  type: PipelineTaskFinalStatus\n");
    assertThat(Compile.resource(c, Kfp2PipelineTest.P)).contains("value: \"{{workflow.status}}\"");
    if (Compile.sharedPresent()) {
      Compile.validKfp2(yaml, "p.yaml");
    }
  }

  @Test
  void theStatusGivenToAnotherTaskIsAnErrorOnTheArgumentSayingWhatToWrite() {
    Compilation c = compile(new ArrayList<>(),
        "@Pipeline public static void p() {",
        "  Dsl.exitHandler(LibOps.greet(\"done\"), () -> {",
        "    NotifyOps.notify(\"#c\",",
        "        Dsl.runStatus());",
        "  });",
        "}");
    assertThat(c).hadErrorContaining("[kfp4j:UnsupportedArgument] Dsl.runStatus() is the pipeline's final status, which only the "
        + "exit task gets, once the rest has ended; task 'notify' is not the exit task: give it to the task of "
        + "Dsl.exitHandler(XOps.notify(Dsl.runStatus()), () -> { ... })").inFile(source).onLineContaining("Dsl.runStatus());");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void theStatusInAPipelineWithoutExitHandlerIsTheSameError() {
    Compilation c = compile(new ArrayList<>(),
        "@Pipeline public static void p() {",
        "  NotifyOps.notify(\"#c\", Dsl.runStatus());",
        "}");
    assertThat(c).hadErrorContaining("task 'notify' is not the exit task").inFile(source)
        .onLineContaining("Dsl.runStatus()");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void aConditionOnTheStatusIsAnErrorThatSaysWhatToDo() {
    Compilation c = compile(new ArrayList<>(),
        "@Pipeline public static void p() {",
        "  Dsl.when(Dsl.eq(Dsl.runStatus(), \"x\"), () -> LibOps.greet(\"y\"));",
        "}");
    assertThat(c).hadErrorContaining("[kfp4j:UnsupportedArgument] 'Dsl.runStatus()' is the pipeline's final status, which no "
        + "condition can read: give it to the exit task, Dsl.exitHandler(XOps.notify(Dsl.runStatus()), () -> { ... }), and read "
        + "status.succeeded() in its component").inFile(source).onLineContaining("Dsl.when");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void theStatusTypeIsNoOptionalInput() {
    JavaFileObject bad = Compile.source("test.Bad",
        "package test;",
        "import dev.kfp4j.annotations.*;",
        "import dev.kfp4j.artifacts.PipelineTaskFinalStatus;",
        "public class Bad {",
        "  @Component public static void opt(@Default(\"x\") PipelineTaskFinalStatus status) {}",
        "}");
    Compilation c = Compile.compile(bad);
    assertThat(c).hadErrorContaining("[kfp4j:FinalStatusType] parameter 'status' takes the pipeline's final status, which the exit "
        + "task always gets: remove @Default").inFile(bad).onLineContaining("opt(");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void theStatusTypeIsNoPipelineParameter() {
    Compilation c = compile(new ArrayList<>(),
        "@Pipeline public static void p(PipelineTaskFinalStatus status) {",
        "  LibOps.greet(\"y\");",
        "}");
    assertThat(c).hadErrorContaining("[kfp4j:FinalStatusType] 'status' is of type dev.kfp4j.artifacts.PipelineTaskFinalStatus, "
        + "the pipeline's final status, which no pipeline parameter or output carries").inFile(source)
        .onLineContaining("PipelineTaskFinalStatus status");
  }
}
