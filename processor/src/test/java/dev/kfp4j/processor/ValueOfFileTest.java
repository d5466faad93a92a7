package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.TaskResult;
import dev.kfp4j.local.Workflow;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.yaml.Yaml;
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
 * A file output of a parameter type ({@code @OutputPath("String") Path textPath}, KFP's {@code OutputPath(str)}) given to a
 * value input with {@code Dsl.value(t.text())}, as a KFP user gives {@code producer.outputs['text']} to {@code text: str}
 * (KFP's {@code parallel_join.py} and data-passing tutorial): in KFP 2 the output parameter read with {@code
 * taskOutputParameter}, in Argo the output parameter KFP 1.8's compiler writes ({@code valueFrom.path}) read with {@code
 * {{tasks.write.outputs.parameters.text}}}; locally the file's content read as KFP's launcher reads it.
 */
class ValueOfFileTest {
  @TempDir Path dir;

  static final JavaFileObject FILES = Compile.source("test.Steps",
      "package test;",
      "import dev.kfp4j.annotations.*;",
      "import java.io.IOException;",
      "import java.nio.file.Path;",
      "import java.util.*;",
      "public class Steps {",
      "  @Component public static void write(String message, @OutputPath(\"String\") Path textPath, @OutputPath(\"Integer\") Path countPath,",
      "      @OutputPath(\"Float\") Path ratioPath, @OutputPath(\"Boolean\") Path okPath, @OutputPath(\"JsonArray\") Path itemsPath,",
      "      @OutputPath(\"JsonObject\") Path sizesPath, @OutputPath(\"Dataset\") Path dataPath) throws IOException {",
      "    java.nio.file.Files.writeString(textPath, message + \"\\n  with its spaces\\n\");",
      "    java.nio.file.Files.writeString(countPath, \" 42\\n\");",
      "    java.nio.file.Files.writeString(ratioPath, \"0.25\");",
      "    java.nio.file.Files.writeString(okPath, \"True\");",
      "    java.nio.file.Files.writeString(itemsPath, \"[\\\"a\\\", \\\"b\\\"]\");",
      "    java.nio.file.Files.writeString(sizesPath, \"{\\\"A\\\": 1, \\\"B\\\": 2}\");",
      "    java.nio.file.Files.writeString(dataPath, message);",
      "  }",
      "  @Component public static String echo(String text) { return \"[\" + text + \"]\"; }",
      "  @Component public static String numbers(int count, long big, Integer boxed, Long boxedBig, double ratio, boolean ok) {",
      "    return count + \" \" + big + \" \" + boxed + \" \" + boxedBig + \" \" + ratio + \" \" + ok;",
      "  }",
      "  @Component public static String json(List<String> items, Map<String, Integer> sizes) { return items + \" \" + new TreeMap<>(sizes); }",
      "  @Component public static String read(@InputPath(\"String\") Path textPath) throws IOException {",
      "    return java.nio.file.Files.readString(textPath);",
      "  }",
      "}");

  private static final String[] BODY = {
      "@Pipeline public static void p(@Default(\"Ada\") String name) {",
      "  var w = StepsOps.write(name);",
      "  StepsOps.echo(Dsl.value(w.text()));",
      "  StepsOps.numbers(Dsl.value(w.count()), Dsl.value(w.count()), Dsl.value(w.count()), Dsl.value(w.count()),",
      "      Dsl.value(w.ratio()), Dsl.value(w.ok()));",
      "  StepsOps.json(Dsl.value(w.items()), Dsl.value(w.sizes()));",
      "}"};

  /** What write writes to its text file. */
  private static final String TEXT = "Ada\n  with its spaces\n";

  static Kfp2PipelineTest.Compiled compile(String... body) {
    List<Pipeline> models = new ArrayList<>();
    JavaFileObject source = Compile.testClass("P",
        List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.dsl.Dsl;", "import java.util.*;"), body);
    Compilation c = Compile.compileWithOptions(models, List.of(), FILES, source);
    assertThat(c).succeeded();
    return new Kfp2PipelineTest.Compiled(c, models.get(0));
  }

  @Test
  void theValueIsTheTaskOutputTheInputReads() {
    Kfp2PipelineTest.Compiled c = compile(BODY);
    assertThat(PipelineModelTest.task(c.model(), "echo").arguments()).isEqualTo(Map.of("text", new Argument.TaskOutput("write", "text")));
  }

  /** KFP 2: the component's output parameter (STRING, NUMBER_INTEGER...), read by the consumer with taskOutputParameter. */
  @Test
  void inKfp2TheInputReadsTheOutputParameter() {
    JsonNode spec = compile(BODY).spec();
    assertThat(Kfp2PipelineTest.task(spec, "root", "echo").get("inputs")).isEqualTo(Yaml.read(
        "{parameters: {text: {taskOutputParameter: {producerTask: write, outputParameterKey: text}}}}"));
    assertThat(Kfp2PipelineTest.task(spec, "root", "numbers").at("/inputs/parameters/count")).isEqualTo(Yaml.read(
        "{taskOutputParameter: {producerTask: write, outputParameterKey: count}}"));
    assertThat(spec.at("/components/comp-write/outputDefinitions/parameters")).isEqualTo(Yaml.read(
        "{count: {parameterType: NUMBER_INTEGER}, items: {parameterType: LIST}, ok: {parameterType: BOOLEAN},"
            + " ratio: {parameterType: NUMBER_DOUBLE}, sizes: {parameterType: STRUCT}, text: {parameterType: STRING}}"));
  }

  /**
   * Argo, as KFP 1.8's compiler writes it: the producer's template declares the output parameter read from the file
   * ({@code valueFrom.path}, beside the artifact a file input takes), and the consumer's argument refers to it.
   */
  @Test
  void inArgoTheInputReadsAnOutputParameterOfTheFile() {
    String argo = compile(BODY).argo();
    dev.kfp4j.testing.ArgoSchemas.assertValid(argo, "p.yaml");
    JsonNode workflow = Yaml.readAll(argo).get(0);
    assertThat(dev.kfp4j.format.argo.ArgoRules.errors(workflow)).isEmpty();
    JsonNode write = template(workflow, "write");
    List<String> parameters = new ArrayList<>();
    write.at("/outputs/parameters").forEach(p -> parameters.add(p.get("name").asString() + " <- " + p.at("/valueFrom/path").asString()));
    assertThat(parameters).containsExactly("text <- /tmp/outputs/text/data", "count <- /tmp/outputs/count/data",
        "ratio <- /tmp/outputs/ratio/data", "ok <- /tmp/outputs/ok/data", "items <- /tmp/outputs/items/data",
        "sizes <- /tmp/outputs/sizes/data").inOrder();
    assertThat(write.at("/outputs/artifacts/0/name").asString()).isEqualTo("text"); // the file too, as KFP 1.8 writes both
    assertThat(arguments(workflow, "echo")).containsExactly("text={{tasks.write.outputs.parameters.text}}");
    assertThat(arguments(workflow, "numbers")).contains("count={{tasks.write.outputs.parameters.count}}");
  }

  private static JsonNode template(JsonNode workflow, String name) {
    for (JsonNode t : workflow.at("/spec/templates")) {
      if (t.get("name").asString().equals(name)) {
        return t;
      }
    }
    throw new AssertionError("no template " + name);
  }

  private static List<String> arguments(JsonNode workflow, String task) {
    List<String> out = new ArrayList<>();
    workflow.at("/spec/templates").forEach(t -> t.path("dag").path("tasks").forEach(d -> {
      if (d.get("name").asString().equals(task)) {
        d.at("/arguments/parameters").forEach(a -> out.add(a.get("name").asString() + "=" + a.get("value").asString()));
      }
    }));
    return out;
  }

  /** Run from either file, the input gets the file's content as KFP's launcher reads it: a text as it is, a number parsed. */
  @Test
  void locallyTheInputGetsTheFilesValueInEitherFormat() throws Exception {
    Kfp2PipelineTest.Compiled c = compile(BODY);
    for (String yaml : List.of(c.kfp2(), c.argo())) {
      RunResult r = run(c, yaml);
      // KFP 2's launcher takes a STRING's file as it is; Argo's executor drops one trailing newline
      assertThat(r.output("echo", "Output")).isEqualTo(yaml.equals(c.argo()) ? "[Ada\n  with its spaces]" : "[" + TEXT + "]");
      assertThat(r.output("numbers", "Output")).isEqualTo("42 42 42 42 0.25 true");
      assertThat(r.output("json", "Output")).isEqualTo("[a, b] {A=1, B=2}");
    }
  }

  /**
   * As any value output, the value is compared in a condition, joined into a text (KFP's f-string) and returned as the pipeline's
   * output (KFP 2's; KFP v1 has none), in KFP 2 as the output parameter, in Argo as the output parameter of the file.
   */
  @Test
  void theValueIsComparedJoinedAndReturnedAsAnyValueOutput() throws Exception {
    Kfp2PipelineTest.Compiled c = compile(
        "@Pipeline public static String p() {",
        "  var w = StepsOps.write(\"Ada\");",
        "  Dsl.when(Dsl.eq(Dsl.value(w.count()), 42), () -> StepsOps.echo(\"ratio \" + Dsl.value(w.ratio())));",
        "  return Dsl.value(w.text());",
        "}");
    JsonNode spec = c.spec();
    assertThat(Kfp2PipelineTest.task(spec, "root", "condition-1").at("/triggerPolicy/condition").asString())
        .isEqualTo("int(inputs.parameter_values['pipelinechannel--write-count']) == 42");
    assertThat(Kfp2PipelineTest.task(spec, "comp-condition-1", "echo").at("/inputs/parameters/text/runtimeValue/constant").asString())
        .isEqualTo("ratio {{$.inputs.parameters['pipelinechannel--write-ratio']}}");
    assertThat(spec.at("/root/dag/outputs/parameters/Output")).isEqualTo(Yaml.read(
        "{valueFromParameter: {producerSubtask: write, outputParameterKey: text}}"));
    String argo = c.argo();
    assertThat(argo).contains("when: '{{=asFloat(tasks[''write''].outputs.parameters[''count'']) == 42}}'");
    assertThat(argo).contains("value: 'ratio {{inputs.parameters.write-ratio}}'");
    assertThat(run(c, c.kfp2()).output("condition-1/echo", "Output")).isEqualTo("[ratio 0.25]");
    // Argo's executor passes the file's " 42" on, which its asFloat (Go's strconv.ParseFloat) refuses: the run fails, as on the cluster
    assertThat(runFailing(c, argo).message()).isEqualTo("condition 'condition-1': ' 42' is not a number, which the condition compares as one (asFloat)");
  }

  /** Given to a called pipeline's input, the value reaches the task inside it, in either format. */
  @Test
  void aCalledPipelineTakesTheValue() throws Exception {
    Kfp2PipelineTest.Compiled c = compile(
        "@Pipeline public static void p() {",
        "  var w = StepsOps.write(\"Ada\");",
        "  inner(Dsl.value(w.ok()));",
        "}",
        "@Pipeline public static void inner(boolean ok) {",
        "  StepsOps.numbers(1, 2, 3, 4L, 0.5, ok);",
        "}");
    for (String yaml : List.of(c.kfp2(), c.argo())) {
      // the called pipeline's task, under the id each format gives it
      assertThat(run(c, yaml).tasks().stream().map(TaskResult::outputs).filter(o -> o.containsKey("Output")).map(o -> o.get("Output"))
          .toList()).containsExactly("1 2 3 4 0.5 true");
    }
  }

  /**
   * A file that does not read as its type fails its task in a KFP 2 run, as KFP 2's launcher fails it ("failed to read output
   * parameter"); an Argo run passes the text on, and the task given it fails (here the Java entrypoint, parsing its argument).
   */
  @Test
  void aFileThatIsNotOfItsTypeFailsItsTaskInKfp2() throws Exception {
    JavaFileObject bad = Compile.source("test.Bad", "package test;", "import dev.kfp4j.annotations.*;", "import java.nio.file.Path;",
        "public class Bad {",
        "  @Component public static void count(@OutputPath(\"Integer\") Path nPath) throws Exception {",
        "    java.nio.file.Files.writeString(nPath, \"forty-two\");",
        "  }",
        "  @Component public static long twice(long n) { return 2 * n; }",
        "}");
    List<Pipeline> models = new ArrayList<>();
    Compilation c = Compile.compileWithOptions(models, List.of(), bad, Compile.testClass("P",
        List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.dsl.Dsl;"),
        "@Pipeline public static void p() {", "  BadOps.twice(Dsl.value(BadOps.count().n()));", "}"));
    assertThat(c).succeeded();
    Kfp2PipelineTest.Compiled compiled = new Kfp2PipelineTest.Compiled(c, models.get(0));
    TaskResult kfp2 = runFailing(compiled, compiled.kfp2());
    assertThat(kfp2.id()).isEqualTo("count");
    assertThat(kfp2.message()).matches("its output 'n' at .* is not an integer, which KFP 2's launcher does not read as a "
        + "NUMBER_INTEGER: \"forty-two\"");
    assertThat(runFailing(compiled, compiled.argo()).id()).isEqualTo("twice");
  }

  private TaskResult runFailing(Kfp2PipelineTest.Compiled c, String yaml) throws Exception {
    Path classes = Compile.writeOutput(c.compilation(), dir.resolve("classes"));
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      return LocalRunner.builder().root(dir.resolve("run")).caching(false).console(new PrintStream(OutputStream.nullOutputStream()))
          .classLoader(loader).progress(false).summary(false).build().run(Workflow.parse(yaml, "p.yaml"), Map.of()).failedTask()
          .orElseThrow();
    }
  }

  /** Written and read back, the workflow and the spec are the same files. */
  @Test
  void bothFormatsReadBackToTheSameFiles() {
    Kfp2PipelineTest.Compiled c = compile(BODY);
    Pipeline argo = dev.kfp4j.format.argo.ArgoReader.read(c.argo(), "p.yaml");
    assertThat(dev.kfp4j.format.argo.ArgoWriter.write(argo)).isEqualTo(c.argo());
    assertThat(((dev.kfp4j.model.Task) argo.node("echo").orElseThrow()).arguments())
        .isEqualTo(Map.of("text", new Argument.TaskOutput("write", "text")));
    Pipeline kfp2 = dev.kfp4j.format.kfp2.Kfp2Reader.read(c.kfp2(), "p.yaml");
    assertThat(((dev.kfp4j.model.Task) kfp2.node("echo").orElseThrow()).arguments())
        .isEqualTo(Map.of("text", new Argument.TaskOutput("write", "text")));
  }

  private RunResult run(Kfp2PipelineTest.Compiled c, String yaml) throws Exception {
    Path classes = Compile.writeOutput(c.compilation(), dir.resolve("classes"));
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      RunResult r = LocalRunner.builder().root(dir.resolve("run")).caching(false).console(new PrintStream(OutputStream.nullOutputStream()))
          .classLoader(loader).progress(false).summary(false).build().run(Workflow.parse(yaml, "p.yaml"), Map.of());
      assertThat(r.failedTask().map(TaskResult::message)).isEmpty();
      return r;
    }
  }

  @Test
  void aValueOfAnotherTypeIsATypeMismatchOnTheArgument() {
    Compilation c = Compile.compile(FILES, Compile.testClass("P",
        List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.dsl.Dsl;"),
        "@Pipeline public static void p() {",
        "  var w = StepsOps.write(\"x\");",
        "  StepsOps.numbers(Dsl.value(w.count()), 1, 2, 3L,",
        "      Dsl.value(w.text()), true);",
        "}"));
    assertThat(c).hadErrorContaining("[kfp4j:TypeMismatch] output 'text' of task 'write' has type String but input 'ratio' of "
        + "'numbers' takes Float; pass an output of type Float").inFile(c.sourceFiles().get(1)).onLineContaining("Dsl.value(w.text()), true");
    assertThat(c).hadErrorCount(1);
  }

  /**
   * Mistakes, each on its argument: Dsl.value of what is no task's file, given to a file input (give the file itself), and of
   * an artifact in a pipeline written for KFP 2 (which reads no artifact into a value).
   */
  @Test
  void mistakesAreErrorsOnTheArgumentSayingWhatToWrite() {
    JavaFileObject source = Compile.testClass("P",
        List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.dsl.Dsl;", "import dev.kfp4j.artifacts.Dataset;"),
        "@Pipeline(name = \"a\", formats = Format.ARGO) public static void a() {",
        "  var w = StepsOps.write(\"x\");",
        "  StepsOps.read(Dsl.value(w.text()));",
        "  String s = Dsl.value(w.text());",
        "}",
        "@Pipeline(name = \"b\", formats = Format.KFP2) public static void b() {",
        "  var data = Dsl.importer(\"gs://b/d\", Dataset.class);",
        "  StepsOps.echo(Dsl.value(data.artifact()));",
        "  var w = StepsOps.write(\"x\");",
        "  StepsOps.echo(Dsl.value(w.data()));",
        "}");
    Compilation c = Compile.compile(FILES, source);
    assertThat(c).hadErrorContaining("[kfp4j:UnsupportedArgument] input 'text' of 'read' takes a file, but Dsl.value(w.text()) is the "
        + "file's content read as a value; give the file itself: w.text()").inFile(source).onLineContaining("StepsOps.read(");
    assertThat(c).hadErrorContaining("[kfp4j:UnsupportedArgument] Dsl.value(data.artifact()) reads what a task wrote to a file output "
        + "into a value; give it a task's @OutputPath output").inFile(source).onLineContaining("Dsl.value(data.artifact())");
    assertThat(c).hadErrorContaining("[kfp4j:NotInKfp2] input 'text' of 'echo' takes a value, but output 'data' of 'write' is a file "
        + "(an artifact in KFP 2)").inFile(source).onLineContaining("Dsl.value(w.data())");
    assertThat(c).hadErrorContaining("[kfp4j:UnsupportedStatement] 's' would hold Dsl.value(w.text()), a task output that exists "
        + "only when the pipeline runs; pass Dsl.value(w.text()) itself to the ops that take it").inFile(source).onLineContaining("String s");
    assertThat(c).hadErrorCount(4);
  }

  /** In a pipeline written for Argo alone, any file output is read into a value, as KFP v1 reads it. */
  @Test
  void writtenForArgoAnyFileIsReadIntoTheValue() throws Exception {
    Kfp2PipelineTest.Compiled c = compile(
        "@Pipeline(formats = Format.ARGO) public static void p() {",
        "  var w = StepsOps.write(\"Ada\");",
        "  StepsOps.echo(Dsl.value(w.data()));",
        "  StepsOps.read(w.text());",
        "}");
    RunResult r = run(c, c.argo());
    assertThat(r.output("echo", "Output")).isEqualTo("[Ada]");
    assertThat(r.output("read", "Output")).isEqualTo("Ada\n  with its spaces"); // its value, one newline dropped in Argo
  }
}
