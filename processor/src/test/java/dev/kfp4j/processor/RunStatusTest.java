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

  /** The final status is an input of the exit task only: a component returning it, or writing it as @Out, is an error on it. */
  @Test
  void theStatusTypeIsNoComponentOutput() {
    JavaFileObject bad = Compile.source("test.Bad",
        "package test;",
        "import dev.kfp4j.annotations.*;",
        "import dev.kfp4j.artifacts.PipelineTaskFinalStatus;",
        "public class Bad {",
        "  @Component public static PipelineTaskFinalStatus returned(String s) { return null; }",
        "  public record Both(String text, PipelineTaskFinalStatus status) {}",
        "  @Component public static Both inRecord(String s) { return null; }",
        "  @Component public static void written(",
        "      @Out PipelineTaskFinalStatus status) {}",
        "}");
    Compilation c = Compile.compile(bad);
    assertThat(c).hadErrorContaining("[kfp4j:FinalStatusType] 'returned' returns dev.kfp4j.artifacts.PipelineTaskFinalStatus, "
        + "the pipeline's final status, which is an input only: the exit task's @Component method takes it as a parameter, "
        + "given Dsl.runStatus() in Dsl.exitHandler(...); return a value or a record of values")
        .inFile(bad).onLineContaining("returned(");
    assertThat(c).hadErrorContaining("[kfp4j:FinalStatusType] 'inRecord().status()' returns dev.kfp4j.artifacts.PipelineTaskFinalStatus")
        .inFile(bad).onLineContaining("inRecord(");
    assertThat(c).hadErrorContaining("[kfp4j:FinalStatusType] @Out parameter 'status' is of type "
        + "dev.kfp4j.artifacts.PipelineTaskFinalStatus, the pipeline's final status, which is an input only: take it without @Out, "
        + "in the exit task's @Component method, given Dsl.runStatus() in Dsl.exitHandler(...)")
        .inFile(bad).onLineContaining("@Out PipelineTaskFinalStatus");
    assertThat(c).hadErrorCount(3);
  }

  /** A pipeline parameter of the type makes a pipeline run as the exit task (ExitPipelineTest): it takes no default. */
  @Test
  void theStatusAsAPipelineParameterTakesNoDefault() {
    Compilation c = compile(new ArrayList<>(),
        "@Pipeline public static void p(@Default(\"x\") PipelineTaskFinalStatus status) {",
        "  LibOps.greet(\"y\");",
        "}");
    assertThat(c).hadErrorContaining("[kfp4j:FinalStatusType] parameter 'status' takes the pipeline's final status, which the exit "
        + "task always gets: remove @Default").inFile(source).onLineContaining("PipelineTaskFinalStatus status");
    assertThat(c).hadErrorCount(1);
  }

  /**
   * An imported KFP 2 component taking {@code dsl.PipelineTaskFinalStatus} (a container component
   * here, as KFP's compiler writes one: an optional {@code TASK_FINAL_STATUS} input) gets an op
   * parameter of the Java type, so that {@code Dsl.runStatus()} can be given to it.
   */
  @Test
  void anImportedComponentTakingTheStatusIsGivenDslRunStatus(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Files.writeString(dir.resolve("exit_op.yaml"), String.join("\n",
        "components:",
        "  comp-exit-op:",
        "    executorLabel: exec-exit-op",
        "    inputDefinitions:",
        "      parameters:",
        "        status:",
        "          isOptional: true",
        "          parameterType: TASK_FINAL_STATUS",
        "deploymentSpec:",
        "  executors:",
        "    exec-exit-op:",
        "      container:",
        "        args:",
        "        - '{{$.inputs.parameters[''status'']}}'",
        "        command:",
        "        - echo",
        "        image: alpine:3",
        "pipelineInfo:",
        "  name: exit-op",
        "root:",
        "  dag:",
        "    tasks:",
        "      exit-op:",
        "        cachingOptions:",
        "          enableCache: true",
        "        componentRef:",
        "          name: comp-exit-op",
        "        inputs:",
        "          parameters:",
        "            status:",
        "              componentInputParameter: status",
        "        taskInfo:",
        "          name: exit-op",
        "  inputDefinitions:",
        "    parameters:",
        "      status:",
        "        isOptional: true",
        "        parameterType: TASK_FINAL_STATUS",
        "schemaVersion: 2.1.0",
        "sdkVersion: kfp-2.13.0",
        ""));
    List<java.io.File> classpath = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      classpath.add(new java.io.File(entry));
    }
    classpath.add(dir.toFile());
    JavaFileObject imports = Compile.source("test.Imports", "package test;", "import dev.kfp4j.annotations.*;",
        "@ImportComponents(\"exit_op.yaml\")", "public final class Imports {}");
    source = Compile.testClass("P", HEADER,
        "@Pipeline(formats = Format.KFP2) public static void p() {",
        "  Dsl.exitHandler(ImportsOps.exitOp(Dsl.runStatus()), () -> LibOps.greet(\"x\"));",
        "}");
    Compilation c = com.google.testing.compile.Compiler.javac().withProcessors(new Kfp4jProcessor())
        .withOptions("-Akfp4j.image=" + Compile.IMAGE).withClasspath(classpath).compile(PipelineModelTest.LIB, imports, source);
    assertThat(c).succeeded();
    assertThat(Compile.source(c, "test.ImportsOps")).contains("PipelineTaskFinalStatus status");
    JsonNode spec = Yaml.readAll(Compile.resource(c, Kfp2PipelineTest.P2)).get(0);
    assertThat(spec.at("/root/dag/tasks/exit-op/inputs/parameters/status").toString())
        .isEqualTo("{\"taskFinalStatus\":{\"producerTask\":\"exit-handler-1\"}}");
  }
}
