package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.testing.ArgoSchemas;
import dev.kfp4j.yaml.Yaml;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * KFP's {@code dsl.ExitHandler(exit_task, name='notify')} in Java: {@code Dsl.exitHandler(exitTask, "notify", () -> ...)}
 * names the exit handler, KFP 2's display name of its group; the name is a String constant.
 */
class ExitHandlerNameTest {
  private static final List<String> HEADER = List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.dsl.Dsl;", "import test.*;");

  private JavaFileObject source;

  private Compilation compile(List<Pipeline> models, String... body) {
    source = Compile.testClass("P", HEADER, body);
    return Compile.compile(models, PipelineModelTest.LIB, source);
  }

  @Test
  void theNameIsTheExitHandlersDisplayNameAsKfpsCompilerWritesIt() {
    List<Pipeline> models = new ArrayList<>();
    Compilation c = compile(models,
        "static final String NAME = \"my-\" + \"pipeline\";",
        "@Pipeline public static void p(String who) {",
        "  Dsl.exitHandler(LibOps.greet(\"bye\"), NAME, () -> LibOps.greet(who));",
        "}");
    assertThat(c).succeeded();
    assertThat(models.get(0).exitHandlerName()).isEqualTo("my-pipeline");
    String yaml = Compile.resource(c, Kfp2PipelineTest.P2);
    JsonNode spec = Yaml.readAll(yaml).get(0);
    assertThat(spec.at("/root/dag/tasks/exit-handler-1/taskInfo/name").asString()).isEqualTo("my-pipeline");
    assertThat(spec.at("/root/dag/tasks/exit-handler-1/componentRef/name").asString()).isEqualTo("comp-exit-handler-1");
    assertThat(spec.at("/root/dag/tasks/greet/dependentTasks/0").asString()).isEqualTo("exit-handler-1");
    // KFP v1's compiler writes no group's display name, and kfp4j's Argo workflow neither
    String argo = Compile.resource(c, Kfp2PipelineTest.P);
    assertThat(argo).doesNotContain("my-pipeline");
    if (Compile.sharedPresent()) {
      Compile.validKfp2(yaml, "p.yaml");
      ArgoSchemas.assertValid(argo, "p.yaml");
    }
  }

  @Test
  void aPipelineCalledInTheBodyKeepsTheName() {
    List<Pipeline> models = new ArrayList<>();
    Compilation c = compile(models,
        "@Pipeline public static String inner(String x) { return LibOps.greet(x).output(); }",
        "@Pipeline public static void p(String who) {",
        "  Dsl.exitHandler(LibOps.greet(\"bye\"), \"my-pipeline\", () -> inner(who));",
        "}");
    assertThat(c).succeeded();
    Pipeline p = models.stream().filter(m -> m.name().equals("p")).findFirst().orElseThrow();
    assertThat(p.exitHandlerName()).isEqualTo("my-pipeline");
    assertThat(p.node("inner-greet").isPresent()).isTrue();
    JsonNode spec = Yaml.readAll(Compile.resource(c, Kfp2PipelineTest.P2)).get(0);
    assertThat(spec.at("/root/dag/tasks/exit-handler-1/taskInfo/name").asString()).isEqualTo("my-pipeline");
  }

  @Test
  void withoutANameTheGroupShowsItsTask() {
    List<Pipeline> models = new ArrayList<>();
    Compilation c = compile(models,
        "@Pipeline public static void p(String who) {",
        "  Dsl.exitHandler(LibOps.greet(\"bye\"), () -> LibOps.greet(who));",
        "}");
    assertThat(c).succeeded();
    assertThat(models.get(0).exitHandlerName()).isNull();
    JsonNode spec = Yaml.readAll(Compile.resource(c, Kfp2PipelineTest.P2)).get(0);
    assertThat(spec.at("/root/dag/tasks/exit-handler-1/taskInfo/name").asString()).isEqualTo("exit-handler-1");
  }

  @Test
  void aNameThatIsNoConstantIsAnErrorOnItSayingWhatToWrite() {
    Compilation c = compile(new ArrayList<>(),
        "@Pipeline public static void p(String who) {",
        "  Dsl.exitHandler(LibOps.greet(\"bye\"),",
        "      who,",
        "      () -> LibOps.greet(who));",
        "}");
    assertThat(c).hadErrorContaining("[kfp4j:BadSetting] the exit handler's name must be a String constant that is not blank (a literal "
        + "or a static final field), not 'who': write Dsl.exitHandler(exitTask, \"notify\", () -> { ... })")
        .inFile(source).onLineContaining("who,");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void aBlankNameIsAnError() {
    Compilation c = compile(new ArrayList<>(),
        "@Pipeline public static void p(String who) {",
        "  Dsl.exitHandler(LibOps.greet(\"bye\"), \" \", () -> LibOps.greet(who));",
        "}");
    assertThat(c).hadErrorContaining("[kfp4j:BadSetting] the exit handler's name must be a String constant that is not blank")
        .inFile(source).onLineContaining("\" \"");
    assertThat(c).hadErrorCount(1);
  }
}
