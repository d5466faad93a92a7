package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Task;
import dev.kfp4j.model.RunSetting;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.yaml.Yaml;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code ignoreUpstreamFailure()}, KFP's {@code ignore_upstream_failure()}: the task runs when the tasks it waits for have
 * ended, even after a failure; each input reading a task's output needs a default; given {@code Dsl.runStatus()}, it gets
 * the status of its one upstream task. KFP 2 only.
 */
class IgnoreUpstreamFailureTest {
  static final JavaFileObject STEPS = Compile.source("test.Steps",
      "package test;",
      "import dev.kfp4j.annotations.*;",
      "public class Steps {",
      "  @Component public static String make(String s) { return s; }",
      "  @Component public static String clean(@Default(\"none\") String text) { return text; }",
      "  @Component public static String strict(String text) { return text; }",
      "}");

  private static final List<String> HEADER = List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.dsl.Dsl;", "import test.*;");

  private JavaFileObject source;

  private Compilation compile(List<Pipeline> models, String... body) {
    source = Compile.testClass("P", HEADER, body);
    return Compile.compile(models, STEPS, RunStatusTest.NOTIFY, source);
  }

  @Test
  void aCleanUpTaskIsWrittenAsKfpWritesIt() {
    List<Pipeline> models = new ArrayList<>();
    Compilation c = compile(models,
        "@Pipeline(formats = Format.KFP2) public static void p() {",
        "  var made = StepsOps.make(\"x\");",
        "  StepsOps.clean(made.output()).ignoreUpstreamFailure();",
        "  var again = StepsOps.make(\"y\");",
        "  NotifyOps.notify(\"#c\", Dsl.runStatus()).after(again).ignoreUpstreamFailure();",
        "}");
    assertThat(c).succeeded();
    Task clean = (Task) models.get(0).node("clean").orElseThrow();
    assertThat(clean.settings()).containsExactly(new RunSetting.IgnoreUpstreamFailure());
    String yaml = Compile.resource(c, Kfp2PipelineTest.P2);
    JsonNode tasks = Yaml.readAll(yaml).get(0).at("/root/dag/tasks");
    assertThat(tasks.at("/clean/triggerPolicy").toString()).isEqualTo("{\"strategy\":\"ALL_UPSTREAM_TASKS_COMPLETED\"}");
    assertThat(tasks.at("/notify/triggerPolicy").toString()).isEqualTo("{\"strategy\":\"ALL_UPSTREAM_TASKS_COMPLETED\"}");
    assertThat(tasks.at("/notify/inputs/parameters/status").toString()).isEqualTo("{\"taskFinalStatus\":{\"producerTask\":\"make-2\"}}");
    assertThat(tasks.at("/make/triggerPolicy").isMissingNode()).isTrue();
    if (Compile.sharedPresent()) {
      Compile.validKfp2(yaml, "p.yaml");
    }
  }

  @Test
  void anInputWithoutDefaultReadingAnOutputIsAnErrorOnIt() {
    Compilation c = compile(new ArrayList<>(),
        "@Pipeline(formats = Format.KFP2) public static void p() {",
        "  var made = StepsOps.make(\"x\");",
        "  StepsOps.strict(",
        "      made.output()).ignoreUpstreamFailure();",
        "}");
    assertThat(c).hadErrorContaining("[kfp4j:BadSetting] 'strict' runs after a failure (ignoreUpstreamFailure()), but its input "
        + "'text' takes an output of 'make', which a failed task does not give, and has no default: give the parameter a @Default "
        + "(KFP then passes the default, as its compiler requires), or pass another value").inFile(source)
        .onLineContaining("made.output())");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void theStatusOfMoreThanOneTaskIsAnError() {
    Compilation c = compile(new ArrayList<>(),
        "@Pipeline(formats = Format.KFP2) public static void p() {",
        "  var a = StepsOps.make(\"a\");",
        "  var b = StepsOps.make(\"b\");",
        "  NotifyOps.notify(\"#c\",",
        "      Dsl.runStatus()).after(a, b).ignoreUpstreamFailure();",
        "}");
    assertThat(c).hadErrorContaining("[kfp4j:UnsupportedArgument] Dsl.runStatus() given to 'notify', which runs after a failure "
        + "(ignoreUpstreamFailure()), is the status of the one task it waits for; it waits for 2 (make, make-2)")
        .inFile(source).onLineContaining("Dsl.runStatus())");
    assertThat(c).hadErrorContaining("[kfp4j:BadSetting] 'notify' runs after a failure (ignoreUpstreamFailure()) and waits for 2 "
        + "tasks of its group (make, make-2)").inFile(source).onLineContaining(".ignoreUpstreamFailure()");
    assertThat(c).hadErrorCount(2);
  }

  /**
   * KFP's backend runs a task of {@code ALL_UPSTREAM_TASKS_COMPLETED} as an Argo exit hook of each task it waits for ({@code DAG}
   * in {@code backend/src/v2/compiler/argocompiler/dag.go}), one hook a task, none on a loop: what it would run otherwise than
   * kfp4j's local runner is an error on the call.
   */
  @Test
  void waitingForSeveralTasksIsAnErrorOnTheCall() {
    Compilation c = compile(new ArrayList<>(),
        "@Pipeline(formats = Format.KFP2) public static void p() {",
        "  var a = StepsOps.make(\"a\");",
        "  var b = StepsOps.make(\"b\");",
        "  StepsOps.clean(a.output()).after(b)",
        "      .ignoreUpstreamFailure();",
        "}");
    assertThat(c).hadErrorContaining("[kfp4j:BadSetting] 'clean' runs after a failure (ignoreUpstreamFailure()) and waits for 2 "
        + "tasks of its group (make-2, make); KFP's backend runs such a task as an exit hook of each of them "
        + "(backend/src/v2/compiler/argocompiler/dag.go), once after each, as soon as that one ends, not once after all")
        .inFile(source).onLineContaining(".ignoreUpstreamFailure()");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void waitingForTasksOfAGroupCountsTheGroupOnce() {
    Compilation c = compile(new ArrayList<>(),
        "@Pipeline(formats = Format.KFP2) public static void p(java.util.List<String> xs) {",
        "  var made = Dsl.forEach(xs, x -> StepsOps.make(x));",
        "  var first = StepsOps.make(\"a\");",
        "  Dsl.when(Dsl.eq(first.output(), \"a\"), () -> {",
        "    var inner = StepsOps.make(\"b\");",
        "    var other = StepsOps.make(\"c\");",
        "    StepsOps.clean(\"x\").after(inner, other)",
        "        .ignoreUpstreamFailure();",
        "  });",
        "  StepsOps.clean(\"y\").after(StepsOps.make(\"d\"))",
        "      .ignoreUpstreamFailure();",
        "  NotifyOps.notify(\"#c\", Dsl.runStatus()).after(made).ignoreUpstreamFailure();",
        "}");
    assertThat(c).hadErrorContaining("'clean' runs after a failure (ignoreUpstreamFailure()) and waits for 2 tasks of its group "
        + "(make-3, make-4)").inFile(source).onLineContaining("        .ignoreUpstreamFailure();");
    assertThat(c).hadErrorContaining("[kfp4j:BadSetting] 'notify' runs after a failure (ignoreUpstreamFailure()) of loop "
        + "'for-loop-1', whose task KFP's backend gives no exit hook").inFile(source).onLineContaining("after(made)");
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void waitingForNoTaskOfItsGroupIsAnErrorOnTheCall() {
    Compilation c = compile(new ArrayList<>(),
        "@Pipeline(formats = Format.KFP2) public static void p() {",
        "  var made = StepsOps.make(\"x\");",
        "  Dsl.when(Dsl.eq(made.output(), \"x\"), () -> StepsOps.clean(made.output())",
        "      .ignoreUpstreamFailure());",
        "}");
    assertThat(c).hadErrorContaining("[kfp4j:BadSetting] 'clean' runs after a failure (ignoreUpstreamFailure()) but waits for no "
        + "task of its group; KFP's backend runs such a task only as an exit hook of the tasks it waits for")
        .inFile(source).onLineContaining(".ignoreUpstreamFailure()");
    assertThat(c).hadErrorCount(1);
  }

  /**
   * An importer's task and a volume's {@code createpvc} get no exit hook from KFP's compiler ({@code importerTask} in {@code
   * importer.go} takes no exit template; a {@code createpvc} runs its driver alone, {@code task} in {@code dag.go}), so a task run
   * after a failure of one of them alone never runs on KFP. The importer's was written before, and run locally.
   */
  @Test
  void waitingForAnImporterOrAVolumeAloneIsAnErrorOnTheCall() {
    Compilation c = compile(new ArrayList<>(),
        "@Pipeline(formats = Format.KFP2) public static void p() {",
        "  var data = Dsl.importer(\"gs://b/d\", dev.kfp4j.artifacts.Dataset.class);",
        "  StepsOps.clean(\"x\").after(data)",
        "      .ignoreUpstreamFailure();",
        "  var v = Dsl.volume(\"data\", \"1Gi\");",
        "  StepsOps.clean(\"y\").mountVolume(v, \"/d\").ignoreUpstreamFailure();",
        "}");
    assertThat(c).hadErrorContaining("[kfp4j:BadSetting] 'clean' runs after a failure (ignoreUpstreamFailure()) of importer "
        + "'importer', which KFP's backend gives no exit hook").inFile(source).onLineContaining("      .ignoreUpstreamFailure();");
    assertThat(c).hadErrorContaining("[kfp4j:BadSetting] 'clean-2' runs after a failure (ignoreUpstreamFailure()) of volume "
        + "'data', which KFP's backend gives no exit hook").inFile(source).onLineContaining("mountVolume(v");
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void aTaskWaitingForItOrTwoAfterOneTaskAreErrorsOnTheCall() {
    Compilation c = compile(new ArrayList<>(),
        "@Pipeline(formats = Format.KFP2) public static void p() {",
        "  var made = StepsOps.make(\"x\");",
        "  var cleaned = StepsOps.clean(made.output())",
        "      .ignoreUpstreamFailure();",
        "  StepsOps.make(cleaned.output());",
        "  NotifyOps.notify(\"#c\", Dsl.runStatus()).after(made).ignoreUpstreamFailure();",
        "}");
    assertThat(c).hadErrorContaining("[kfp4j:BadSetting] 'clean' runs after a failure (ignoreUpstreamFailure()), and 'make-2' "
        + "waits for it; KFP's backend runs such a task as an exit hook, not as a task of its DAG")
        .inFile(source).onLineContaining("      .ignoreUpstreamFailure();");
    assertThat(c).hadErrorContaining("[kfp4j:BadSetting] 'clean' and 'notify' both run after a failure of 'make' "
        + "(ignoreUpstreamFailure()); KFP's backend gives a task one exit hook").inFile(source).onLineContaining("after(made)");
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void onTheExitTaskItIsAnErrorOnTheCall() {
    Compilation c = compile(new ArrayList<>(),
        "@Pipeline(formats = Format.KFP2) public static void p() {",
        "  Dsl.exitHandler(NotifyOps.notify(\"#c\", Dsl.runStatus())",
        "      .ignoreUpstreamFailure(), () -> StepsOps.make(\"x\"));",
        "}");
    assertThat(c).hadErrorContaining("[kfp4j:BadSetting] the exit task runs once the rest has ended, whatever happened: "
        + "ignoreUpstreamFailure() adds nothing to it; remove it").inFile(source).onLineContaining(".ignoreUpstreamFailure()");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void aPipelineWrittenForArgoTooIsAnErrorOnTheCall() {
    Compilation c = compile(new ArrayList<>(),
        "@Pipeline public static void p() {",
        "  var made = StepsOps.make(\"x\");",
        "  StepsOps.clean(made.output())",
        "      .ignoreUpstreamFailure();",
        "}");
    assertThat(c).hadErrorContaining("[kfp4j:NotInArgo] ignoreUpstreamFailure() runs the task when a task it waits for failed")
        .inFile(source).onLineContaining(".ignoreUpstreamFailure()");
    assertThat(c).hadErrorCount(1);
  }
}
