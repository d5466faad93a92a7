package dev.kfp4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every pipeline body statement the processor cannot compile is an error on that statement. */
class PipelineErrorTest {
  /** Components the pipelines below call. */
  static final JavaFileObject OPS = Compile.source("test.Lib",
      "package test;",
      "import dev.kfp4j.annotations.*;",
      "import java.nio.file.Path;",
      "public class Lib {",
      "  @Component public static int add(int a, int b) { return a + b; }",
      "  @Component public static String greet(String name) { return name; }",
      "  @Component public static void train(@OutputPath(\"CSV\") Path dataPath) {}",
      "  @Component public static void fit(@InputPath(\"Model\") Path modelPath) {}",
      "  @Component public static int count(java.util.List<Integer> xs) { return xs.size(); }",
      "}");

  /** A hand-written op of a graph component on the test classpath, with its task class. */
  static String[] graphOp(String name, String resource, String... taskMembers) {
    List<String> lines = new ArrayList<>();
    lines.add("public static final class G extends dev.kfp4j.dsl.Task<G> { G() { super(\"" + name + "\", new Object[0]); }");
    lines.addAll(List.of(taskMembers));
    lines.add("}");
    lines.add("@dev.kfp4j.dsl.Op(value = \"" + name + "\", spec = \"" + resource + "\") public static G " + name + "() { return new G(); }");
    return lines.toArray(String[]::new);
  }

  static String[] concat(String[] a, String... b) {
    List<String> out = new ArrayList<>(List.of(a));
    out.addAll(List.of(b));
    return out.toArray(String[]::new);
  }

  /** {@link #OPS} compiled once, the class output every pipeline below is compiled against. */
  static java.nio.file.Path lib;

  static synchronized Compilation compile(JavaFileObject pipeline) {
    if (lib == null) {
      Compilation c = Compile.compile(OPS);
      assertThat(c).succeeded();
      lib = Compile.writeOutput(c, java.nio.file.Path.of("target", "compiled-lib", "PipelineErrorTest"));
    }
    return Compile.compileAgainst(lib, pipeline);
  }

  static JavaFileObject pipeline(String... body) {
    List<String> lines = new ArrayList<>(List.of("  static final String LONG = \"" + "x".repeat(10_001) + "\";"));
    lines.addAll(List.of(body));
    return Compile.testClass("P", List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.dsl.Dsl;", "import java.util.*;"),
        lines.toArray(String[]::new));
  }

  static Stream<Arguments> misuses() {
    return Stream.of(
        Arguments.of("kfp4j:PipelineReturnType", "public static Thread p(",
            new String[] {"@Pipeline public static Thread p() { return null; }"},
            "@Pipeline method 'p' returns 'java.lang.Thread'; a pipeline returns void, one task output"),
        Arguments.of("kfp4j:UnsupportedStatement", "return 0;",
            new String[] {"@Pipeline public static int p() {", "  return 0;", "}"},
            "a pipeline returns its outputs: a task output (return t.output();), a list Dsl.collect made, a value Dsl.oneOf gave, or a record of these"),
        Arguments.of("kfp4j:PipelineParameterType", "Thread t",
            new String[] {"@Pipeline public static void p(Thread t) {}"}, "pipeline parameter 't' has type 'java.lang.Thread'"),
        Arguments.of("kfp4j:PipelineParameterType", "Dataset inDataset",
            new String[] {"@Pipeline public static void p(String s, dev.kfp4j.artifacts.Dataset inDataset) {}"},
            "pipeline parameter 'inDataset' has type 'dev.kfp4j.artifacts.Dataset'; a pipeline takes an artifact (KFP's "
                + "Input[Dataset]) as a file, the way its ops take one and its tasks give one: write @InputPath(\"Dataset\") Path inDataset"),
        Arguments.of("kfp4j:PipelineParameterType", "Optional<dev.kfp4j.artifacts.Model> m",
            new String[] {"@Pipeline public static void p(Optional<dev.kfp4j.artifacts.Model> m) {}"},
            "(KFP's Optional[Input[Model]] = None) as a file, the way its ops take one and its tasks give one: write @Nullable "
                + "@InputPath(\"Model\") Path m"),
        Arguments.of("kfp4j:PipelineParameterType", "Path data",
            new String[] {"@Pipeline public static void p(java.nio.file.Path data) {}"},
            "pipeline parameter 'data' is a Path, which a pipeline takes only as an input artifact (KFP's in_dataset: "
                + "Input[Dataset]): write @InputPath(\"Dataset\") Path data, or @InputPath Path data for an artifact of any type"),
        Arguments.of("kfp4j:PipelineParameterType", "@InputPath(\"Dataset\") String data",
            new String[] {"@Pipeline(formats = Format.KFP2) public static void p(@InputPath(\"Dataset\") String data) {}"},
            "@InputPath pipeline parameter 'data' has type 'java.lang.String'; a pipeline takes an artifact as a java.nio.file.Path, "
                + "as its tasks give one: write @InputPath(\"Dataset\") Path data (a value parameter has no @InputPath)"),
        Arguments.of("kfp4j:PipelineParameterType", "@OutputPath",
            new String[] {"@Pipeline(formats = Format.KFP2) public static void p(", "    @OutputPath java.nio.file.Path out) {}"},
            "pipeline parameter 'out' is @OutputPath, but a pipeline writes no file of its own: its outputs are what it returns"),
        Arguments.of("kfp4j:PipelineParameterType", "@Default(\"gs://b/d\")",
            new String[] {"@Pipeline(formats = Format.KFP2) public static void p(", "    @InputPath(\"Dataset\")",
                "    @Default(\"gs://b/d\") java.nio.file.Path data) {}"},
            "pipeline parameter 'data' is an artifact (KFP's Input[Dataset]), which has no @Default; for one that a run or a "
                + "caller may leave out write @Nullable @InputPath(\"Dataset\") Path data (KFP's Optional[Input[Dataset]] = None)"),
        Arguments.of("kfp4j:PipelineParameterType", "@InputPath(\"CSV\")",
            new String[] {"@Pipeline(formats = Format.KFP2) public static void p(", "    @InputPath(\"CSV\") java.nio.file.Path table) {}"},
            "@InputPath(\"CSV\") of pipeline parameter 'table' is no artifact type that a KFP 2 pipeline's input can have; write one "
                + "of Artifact, Dataset, Model, Metrics, ClassificationMetrics, SlicedClassificationMetrics, HTML, Markdown, a schema title such as system.Dataset, "
                + "or @InputPath Path table for an artifact of any type"),
        Arguments.of("kfp4j:PipelineParameterType", "List<dev.kfp4j.artifacts.Dataset> parts",
            new String[] {"@Pipeline(formats = Format.KFP2) public static void p(List<dev.kfp4j.artifacts.Dataset> parts) {}"},
            "(KFP's Input[List[Dataset]]) as a file, the way its ops take one and its tasks give one: write "
                + "@InputPath(\"Dataset\") List<Path> parts"),
        Arguments.of("kfp4j:PipelineParameterType", "List<java.nio.file.Path> parts",
            new String[] {"@Pipeline(formats = Format.KFP2) public static void p(List<java.nio.file.Path> parts) {}"},
            "write @InputPath(\"Dataset\") List<Path> parts"),
        Arguments.of("kfp4j:PipelineParameterType", "@InputPath(\"Model\") List",
            new String[] {"@interface Nullable {}", "@Pipeline(formats = Format.KFP2) public static void p(",
                "    @Nullable @InputPath(\"Model\") List<java.nio.file.Path> models) {}"},
            "pipeline parameter 'models' is a list of artifacts, which is never optional (no @Nullable): a loop over no items "
                + "gives an empty list; write @InputPath(\"Model\") List<Path> models"),
        Arguments.of("kfp4j:NotInArgo", "java.nio.file.Path model",
            new String[] {"@Pipeline public static void p(", "    @InputPath(\"Model\") java.nio.file.Path model) {",
                "  LibOps.fit(model);", "}"},
            "pipeline parameter 'model' is an artifact (KFP's Input[Model]), which a KFP v1 pipeline cannot take: an Argo "
                + "workflow's parameters are values; write this pipeline for KFP 2 only: @Pipeline(formats = Format.KFP2)"),
        Arguments.of("kfp4j:UnsupportedStatement", "return data;",
            new String[] {"@Pipeline(formats = Format.KFP2) public static java.nio.file.Path p(",
                "    @InputPath(\"Model\") java.nio.file.Path data) {", "  return data;", "}"},
            "a pipeline returns its tasks' outputs, and 'data' is the artifact it takes: KFP 2's pipeline outputs name the task "
                + "that gives each (artifactSelectors' producerSubtask), never the pipeline's own input"),
        // a body written empty: Argo refuses a DAG template without tasks ('must have at least one task') when submitted
        Arguments.of("kfp4j:NotInArgo", "public static void p()",
            new String[] {"@Pipeline public static void p() {", "}"},
            "pipeline 'p' makes no task: its Argo workflow would hold a DAG template without tasks, which Argo refuses ('must "
                + "have at least one task'); give it a task, remove it, or write this pipeline for KFP 2 only"),
        Arguments.of("kfp4j:NotInArgo", "Dsl.when",
            new String[] {"@Pipeline public static void p(int n) {", "  LibOps.add(n, 1);", "  Dsl.when(Dsl.gt(n, 1), () -> {});", "}"},
            "makes no task: its Argo workflow would hold a DAG template without tasks"),
        Arguments.of("kfp4j:NotInArgo", "Dsl.forEach",
            new String[] {"@Pipeline public static void p(int n) {", "  LibOps.add(n, 1);", "  Dsl.forEach(List.of(1, 2), i -> {", "  });", "}"},
            "makes no task: its Argo workflow would hold a DAG template without tasks"),
        Arguments.of("kfp4j:NotInArgo", "Dsl.exitHandler",
            new String[] {"@Pipeline public static void p() {", "  Dsl.exitHandler(LibOps.greet(\"bye\"), () -> {});", "}"},
            "makes no task: its Argo workflow would hold a DAG template without tasks"),
        // a char item reached an int input as its character: "a" in Argo's withItems, a STRING into NUMBER_INTEGER in KFP 2
        Arguments.of("kfp4j:UnsupportedArgument", "List.of('a'",
            new String[] {"@Pipeline public static void p() {", "  Dsl.forEach(List.of('a', 'b'), c -> LibOps.add(c, 1));", "}"},
            "loop item 'a' is a char, which KFP has no type for: items pass as JSON, where a char is its character, and would "
                + "reach a number input as text where Java passes its number; write it as a String (\"a\") or as the number (97)"),
        Arguments.of("kfp4j:UnsupportedArgument", "new Item('x')",
            new String[] {"record Item(char c) {}", "@Pipeline public static void p() {",
                "  Dsl.forEach(List.of(new Item('x')), i -> LibOps.add(i.c(), 1));", "}"},
            "loop item 'x' is a char, which KFP has no type for"),
        Arguments.of("kfp4j:NotInArgo", "List<java.nio.file.Path> parts",
            new String[] {"@Pipeline(formats = {Format.ARGO, Format.KFP2}) public static void p(",
                "    @InputPath(\"Dataset\") List<java.nio.file.Path> parts) {}"},
            "pipeline parameter 'parts' is an artifact (KFP's Input[List[Dataset]]), which a KFP v1 pipeline cannot take"),
        Arguments.of("kfp4j:TypeMismatch", "LibOps.fit(data)",
            new String[] {"@Pipeline(formats = Format.KFP2) public static void p(@InputPath(\"Dataset\") java.nio.file.Path data) {",
                "  LibOps.fit(data);", "}"},
            "pipeline parameter 'data' is an artifact of type Dataset but input 'model' of 'fit' takes Model; pass an artifact "
                + "of type Model, or take one: @InputPath(\"Model\") Path data"),
        Arguments.of("kfp4j:OptionalParameter", "LibOps.fit(model)",
            new String[] {"@interface Nullable {}", "@Pipeline(formats = Format.KFP2) public static void p(",
                "    @Nullable @InputPath(\"Model\") java.nio.file.Path model) {", "  LibOps.fit(model);", "}"},
            "pipeline parameter 'model' is an artifact that may be left out (@Nullable), and input 'model' of 'fit' needs one; "
                + "pass it to an optional artifact input (Optional<Model>, or Optional<Path> with @InputPath), or drop @Nullable"),
        Arguments.of("kfp4j:NotInKfp2", "@Default(\"-inf\") double floor",
            new String[] {"@Pipeline(formats = Format.KFP2) public static void p(@Default(\"0.5\") double rate,",
                "    @Default(\"-inf\") double floor) {}"},
            "@Default(\"-inf\") of 'floor' is no number KFP 2 can hold: its files keep numbers as JSON, which has no nan or "
                + "infinity; write a finite number, or write this pipeline for KFP v1 only: @Pipeline(formats = Format.ARGO)"),
        Arguments.of("kfp4j:NotStatic", "public void p(",
            new String[] {"@Pipeline public void p() {}"}, "@Pipeline method 'p' must be static"),
        Arguments.of("kfp4j:InvalidName", "name = \"My Pipeline\"",
            new String[] {"@Pipeline(name = \"My Pipeline\") public static void p() {}"}, "pipeline name 'My Pipeline' is not valid"),
        Arguments.of("kfp4j:DuplicatePipeline", "name = \"same\") public static void q(",
            new String[] {"@Pipeline(name = \"same\") public static void p() {}", "@Pipeline(description = \"the second\",",
                "    name = \"same\") public static void q() {}"},
            "pipeline name 'same' is already used by test.P.p()"),
        Arguments.of("kfp4j:UnsupportedStatement", "if (n > 1)",
            new String[] {"@Pipeline public static void p(int n) {", "  if (n > 1) { LibOps.add(n, 1); }", "}"},
            "cannot be compiled into the pipeline's DAG: a pipeline body holds only op calls, task settings and Dsl.when/forEach/exitHandler; use Dsl.when(...) instead of if"),
        Arguments.of("kfp4j:UnsupportedStatement", "int x = 5;",
            new String[] {"@Pipeline public static void p() {", "  int x = 5;", "  LibOps.add(x, 1);", "}"},
            "a pipeline body declares only task variables (var t = SomeOps.op(...)); make 'x' a pipeline parameter, or a static final constant of the class"),
        Arguments.of("kfp4j:UnsupportedStatement", "System.out.println",
            new String[] {"@Pipeline public static void p() {", "  System.out.println(\"hi\");", "}"},
            "is neither an op nor a task setting"),
        Arguments.of("kfp4j:UnsupportedArgument", "Math.max(n, 2)",
            new String[] {"@Pipeline public static void p(int n) {", "  LibOps.add(Math.max(n, 2), 1);", "}"},
            "'Math.max(n, 2)' cannot be passed to a task: pass a pipeline parameter, a constant (literal or static final field), a task output such as t.output(), a loop item, or a text joined (+) from these"),
        // what a newcomer computes in the body, as in plain Java: said to be computed in a component, as the pipeline runs
        Arguments.of("kfp4j:UnsupportedArgument", "n * 2",
            new String[] {"@Pipeline public static void p(int n) {", "  LibOps.add(n * 2, 1);", "}"},
            "'n * 2' cannot be passed to a task: pass a pipeline parameter, a constant (literal or static final field), a task output "
                + "such as t.output(), a loop item, or a text joined (+) from these; a value computed from them (n * 2, "
                + "t.output().size()) exists only as the pipeline runs: compute it in a @Component and pass its task's output"),
        // a constant expression with a pipeline parameter in it, or an integer division by zero, is none Java folds
        Arguments.of("kfp4j:UnsupportedArgument", "n * (60 * 1000)",
            new String[] {"@Pipeline public static void p(int n) {", "  LibOps.add(n * (60 * 1000), 1);", "}"},
            "'n * (60 * 1000)' cannot be passed to a task: pass a pipeline parameter, a constant (literal or static final field), "
                + "a task output such as t.output(), a loop item, or a text joined (+) from these; a value computed from them"),
        Arguments.of("kfp4j:UnsupportedArgument", "1 / 0",
            new String[] {"@Pipeline public static void p() {", "  LibOps.add(1 / 0, 1);", "}"},
            "'1 / 0' divides an integer by zero, which has no value: Java folds no constant of it (JLS 15.29) and throws "
                + "ArithmeticException when it runs; write the value meant"),
        Arguments.of("kfp4j:UnsupportedArgument", "t.output().toUpperCase()",
            new String[] {"@Pipeline public static void p() {", "  var t = LibOps.greet(\"a\");", "  LibOps.greet(t.output().toUpperCase());", "}"},
            "'t.output().toUpperCase()' cannot be passed to a task: pass a pipeline parameter, a constant (literal or static final field), "
                + "a task output such as t.output(), a loop item, or a text joined (+) from these; a value computed from them"),
        Arguments.of("kfp4j:UnsupportedArgument", "\"file \" + t.data()",
            new String[] {"@Pipeline(formats = Format.KFP2) public static void p() {", "  var t = LibOps.train();",
                "  LibOps.greet(\"file \" + t.data());", "}"},
            "'t.data()' is a file (an artifact in KFP 2), which a text given to a task cannot hold; give the file to a file input, "
                + "and read it in the component"),
        Arguments.of("kfp4j:UnsupportedArgument", "\"run \" + Dsl.runId()",
            new String[] {"@Pipeline(formats = Format.KFP2) public static void p() {", "  LibOps.greet(\"run \" + Dsl.runId());", "}"},
            "'Dsl.runId()' cannot be part of a text given to a task: join (+) constants, pipeline parameters, value outputs of "
                + "tasks such as t.output() and loop items"),
        Arguments.of("kfp4j:OptionalParameter", "\"Dr. \" + title",
            new String[] {"@interface Nullable {}", "@Pipeline(formats = Format.KFP2) public static void p(@Nullable String title) {",
                "  LibOps.greet(\"Dr. \" + title);", "}"},
            "A text given to 'greet' needs a value, and pipeline parameter 'title' may be left out (@Nullable, no @Default); give "
                + "the parameter a @Default"),
        Arguments.of("kfp4j:UnsupportedStatement", "var inner = new",
            new String[] {"@Pipeline public static void p(int n) {",
                "  var first = LibOps.add(n, 1);",
                "  Dsl.when(Dsl.eq(first.output(), 2), () -> { var t = LibOps.add(1, 1); });",
                "  var inner = new dev.kfp4j.dsl.IntTask[1];",
                "  LibOps.add(inner[0].output(), 1);",
                "}"},
            "declares only task variables"),
        Arguments.of("kfp4j:TypeMismatch", "LibOps.fit(train.data())",
            new String[] {"@Pipeline public static void p() {", "  var train = LibOps.train();", "  LibOps.fit(train.data());", "}"},
            "output 'data' of task 'train' has type CSV but input 'model' of 'fit' takes Model; pass an output of type Model"),
        Arguments.of("kfp4j:Cycle", "a.after(a);",
            new String[] {"@Pipeline public static void p() {", "  var a = LibOps.add(1, 2);", "  a.after(a);", "}"},
            "tasks depend on each other in a cycle: add -> add; remove one of these after(...) calls"),
        Arguments.of("kfp4j:InvalidName", "int $n",
            new String[] {"@Pipeline public static void p(", "    int $n) { LibOps.add($n, 1); }"},
            "pipeline parameter name '$n' is not valid: it names the workflow's parameter, and a parameter or artifact name has only letters, digits, '_' and '-'; try 'n'"),
        Arguments.of("kfp4j:InvalidName", "int größe",
            new String[] {"@Pipeline public static void p(", "    int größe) { LibOps.add(größe, 1); }"},
            "pipeline parameter name 'größe' is not valid"),
        Arguments.of("kfp4j:ConstantTooLong", "@Default(LONG)",
            new String[] {"@Pipeline public static void p(", "    @Default(LONG) String s) { LibOps.greet(s); }"},
            "@Default of 's' is 10001 bytes, over KFP's 10,000-byte parameter limit"),
        Arguments.of("kfp4j:PipelineRecursion", "  p(n);",
            new String[] {"@Pipeline public static void p(int n) {", "  p(n);", "}"},
            "'p(n)' makes pipeline 'p' hold itself (p -> p), which would never end"),
        Arguments.of("kfp4j:UnsupportedArgument", "x.toString()",
            new String[] {"@Pipeline public static void p() {", "  Dsl.forEach(List.of(1, 2), x -> LibOps.greet(x.toString()));", "}"},
            "'x.toString()' would call 'toString' in Java, but a loop item exists only when the pipeline runs: pass the item itself, or a component of a record item such as item.a()"),
        Arguments.of("kfp4j:TypeMismatch", "Dsl.eq(b, \"True\")",
            new String[] {"@Pipeline public static void p(boolean b) {", "  Dsl.when(Dsl.eq(b, \"True\"), () -> LibOps.add(1, 2));", "}"},
            "Dsl.eq(b, \"True\") compares a Boolean with a value of type String, which matches in one format only (KFP v1 writes a Boolean True, KFP 2 true); compare it with a Java boolean: Dsl.eq(b, true)"),
        Arguments.of("kfp4j:BadSetting", "podLabel(\"Team Name\"",
            new String[] {"@Pipeline public static void p() {", "  LibOps.add(1, 2).podLabel(\"Team Name\", \"ml\");", "}"},
            "podLabel(\"Team Name\", ...): 'Team Name' is not a Kubernetes key"),
        Arguments.of("kfp4j:BadSetting", "nodeSelector(\"pool\"",
            new String[] {"@Pipeline public static void p() {", "  LibOps.add(1, 2).nodeSelector(\"pool\", \"big gpu\");", "}"},
            "nodeSelector(\"pool\", \"big gpu\"): 'big gpu' is not a Kubernetes label value"),
        Arguments.of("kfp4j:BadSetting", "imagePullSecrets = \"Registry_Key\"",
            new String[] {"@Pipeline(imagePullSecrets = \"Registry_Key\") public static void p() {}"},
            "@Pipeline(imagePullSecrets = \"Registry_Key\"): it is not a Kubernetes object name"),
        Arguments.of("kfp4j:BadSetting", "parallelism = -1",
            new String[] {"@Pipeline(parallelism = -1) public static void p() {}"},
            "@Pipeline(parallelism = -1): it must be at least 0 (no limit); Argo refuses a smaller value"),
        Arguments.of("kfp4j:BadKeyValue", "nodeSelector = \"gpu pool=a\"",
            new String[] {"@Pipeline(nodeSelector = \"gpu pool=a\") public static void p() {}"},
            "@Pipeline(nodeSelector = ...) entry 'gpu pool=a': 'gpu pool' is not a Kubernetes key"),
        Arguments.of("kfp4j:Cycle", "var a = LibOps.add(1, 2);",
            new String[] {"@Pipeline public static void p() {", "  var a = LibOps.add(1, 2);", "  var b = LibOps.add(a.output(), 1);", "  a.after(b);", "}"},
            "tasks depend on each other in a cycle: add -> add-2 -> add; remove one of these after(...) calls"),
        Arguments.of("kfp4j:BadSetting", "cpuLimit(\"2 cores\")",
            new String[] {"@Pipeline public static void p() {", "  LibOps.add(1, 2).cpuLimit(\"2 cores\");", "}"},
            "cpuLimit(\"2 cores\"): '2 cores' is not a Kubernetes quantity; write e.g. \"500m\" or \"2\""),
        Arguments.of("kfp4j:BadSetting", "retries(-1)",
            new String[] {"@Pipeline public static void p() {", "  LibOps.add(1, 2).retries(-1);", "}"},
            "retries(-1): the retry limit must be 0 or more"),
        Arguments.of("kfp4j:BadSetting", "retries(n)",
            new String[] {"@Pipeline public static void p(int n) {", "  LibOps.add(1, 2).retries(n);", "}"},
            "the argument of retries(...) must be a constant (a literal or a static final field), not 'n'"),
        Arguments.of("kfp4j:ConstantTooLong", "LibOps.greet(LONG)",
            new String[] {"@Pipeline public static void p() {", "  LibOps.greet(LONG);", "}"},
            "constant for 'name' is 10001 bytes, over KFP's 10,000-byte parameter limit"),
        Arguments.of("kfp4j:ExitHandlerNotOutermost", "Dsl.exitHandler(LibOps.greet(\"bye\")",
            new String[] {"@Pipeline public static void p() {", "  LibOps.add(1, 2);",
                "  Dsl.exitHandler(LibOps.greet(\"bye\"), () -> LibOps.add(3, 4));", "}"},
            "Dsl.exitHandler(...) must be the only statement of the body of a pipeline written as an Argo workflow too"),
        Arguments.of("kfp4j:ExitHandlerNotOutermost", "() -> Dsl.exitHandler",
            new String[] {"@Pipeline public static void p(int n) {",
                "  Dsl.when(Dsl.eq(n, 1), () -> Dsl.exitHandler(LibOps.greet(\"bye\"), () -> LibOps.add(3, 4)));", "}"},
            "must be the outermost statement of the pipeline body, not inside a condition or loop"),
        Arguments.of("kfp4j:BadSetting", "Dsl.volume(\"data\", \"lots\")",
            new String[] {"@Pipeline public static void p() {", "  Dsl.volume(\"data\", \"lots\");", "}"},
            "Dsl.volume: the size 'lots' is not a Kubernetes quantity; write e.g. \"1Gi\""),
        Arguments.of("kfp4j:BadSetting", "Dsl.resource(\"launch\"",
            new String[] {"@Pipeline public static void p() {", "  Dsl.resource(\"launch\", \"kind: Job\");", "}"},
            "Dsl.resource: the action must be a constant, one of [apply, create, delete, get, patch, replace]"),
        Arguments.of("kfp4j:BadSetting", "Dsl.resource(\"create\", \"kind: Job\")",
            new String[] {"@Pipeline public static void p() {", "  Dsl.resource(\"create\", \"kind: Job\");", "}"},
            "Dsl.resource: the manifest is not a Kubernetes resource: it needs 'apiVersion' and 'kind'"),
        Arguments.of("kfp4j:BadSetting", ".cpuLimit(\"1\")",
            new String[] {"static final String JOB = \"apiVersion: batch/v1\\nkind: Job\\n\";",
                "@Pipeline public static void p() {", "  Dsl.resource(\"create\", JOB).cpuLimit(\"1\");", "}"},
            "cpuLimit(...) does not apply to a Kubernetes resource step"),
        Arguments.of("kfp4j:UnknownTask", "job.output(\"uid\")",
            new String[] {"static final String JOB = \"apiVersion: batch/v1\\nkind: Job\\n\";",
                "@Pipeline public static void p() {", "  var job = Dsl.resource(\"create\", JOB);", "  LibOps.greet(job.output(\"uid\"));", "}"},
            "task 'create-job' has no output 'uid'; declare it with .attributeOutput(name, jsonPath) first; it has [manifest]"),
        Arguments.of("kfp4j:MissingArgument", "LibOps.greet(null)",
            new String[] {"@Pipeline public static void p() {", "  LibOps.greet(null);", "}"},
            "task 'greet' gives no value for the required input 'name'; pass one (null leaves out only an optional input: an "
                + "Optional<...>, or one with a default)"),
        Arguments.of("kfp4j:UnsupportedStatement", "var holder = new",
            new String[] {"@Pipeline public static void p(int n) {",
                "  var holder = new Object() { dev.kfp4j.dsl.IntTask t; };",
                "  Dsl.when(Dsl.eq(n, 1), () -> { holder.t = LibOps.add(1, 1); });",
                "  LibOps.add(holder.t.output(), 1);",
                "}"},
            "declares only task variables"),
        Arguments.of("kfp4j:UnresolvedType", "public static void p(Missing m)",
            new String[] {"@Pipeline public static void p(Missing m) {}"},
            "@Pipeline method 'test.P.p(Missing)' was not compiled: its type 'Missing' is still unknown after the last round"),
        Arguments.of("kfp4j:UnsupportedStatement", "n = 3;",
            new String[] {"@Pipeline public static void p(int n) {", "  n = 3;", "}"},
            "'n = 3' cannot be compiled into the pipeline's DAG: a pipeline body holds only op calls, task settings and Dsl.when/forEach/exitHandler"),
        Arguments.of("kfp4j:UnsupportedStatement", "Dsl.eq(n, 1);",
            new String[] {"@Pipeline public static void p(int n) {", "  Dsl.eq(n, 1);", "}"},
            "Dsl.eq(...) is a condition; use it as the first argument of Dsl.when(...)"),
        Arguments.of("kfp4j:UnsupportedStatement", "IntTask) null",
            new String[] {"@Pipeline public static void p() {", "  var t = (dev.kfp4j.dsl.IntTask) null;", "}"},
            "'null' is not an op call; call a generated op such as CalcOps.add(a, b)"),
        Arguments.of("kfp4j:ComponentCall", "Lib.add(n, 1);",
            new String[] {"@Pipeline public static void p(int n) {", "  Lib.add(n, 1);", "}"},
            "'Lib.add(n, 1)' calls the @Component method itself, which would run it while the pipeline is being built; call its op LibOps.add(...), which makes a task of it"),
        Arguments.of("kfp4j:ComponentCall", "var sum = Lib.add(n, 1);",
            new String[] {"@Pipeline public static void p(int n) {", "  var sum = Lib.add(n, 1);", "}"},
            "call its op LibOps.add(...)"),
        Arguments.of("kfp4j:ComponentCall", "LibOps.add(Lib.add(n, 1), 2)",
            new String[] {"@Pipeline public static void p(int n) {", "  LibOps.add(Lib.add(n, 1), 2);", "}"},
            "'Lib.add(n, 1)' calls the @Component method itself"),
        Arguments.of("kfp4j:UnsupportedArgument", "Dsl.eq(t, 3)",
            new String[] {"@Pipeline public static void p() {", "  var t = LibOps.add(1, 2);",
                "  Dsl.when(Dsl.eq(t, 3), () -> LibOps.add(1, 1));", "}"},
            "'t' is a task, not a value; pass one of its outputs, e.g. t.output()"),
        Arguments.of("kfp4j:UnsupportedArgument", "LibOps.count(List.of(n, 2))",
            new String[] {"@Pipeline public static void p(int n) {", "  LibOps.count(List.of(n, 2));", "}"},
            "List.of/Map.of and records given to a task are built from constants only (literals, static final constants, enum "
                + "constants, and List.of/Map.of/records of these); 'n' is not one: pass a pipeline parameter or a task output whole instead"),
        Arguments.of("kfp4j:UnsupportedArgument", "Dsl.exitHandler(LibOps.add(LibOps.add(1, 2).output(), 1)",
            new String[] {"@Pipeline public static void p() {",
                "  Dsl.exitHandler(LibOps.add(LibOps.add(1, 2).output(), 1), () -> LibOps.greet(\"x\"));", "}"},
            "the exit task runs when the pipeline ends and cannot read task outputs; pass constants, pipeline parameters, "
            + "or the pipeline's final status (Dsl.runStatus())"),
        Arguments.of("kfp4j:UnsupportedArgument", "Dsl.when(Dsl.eq(n, 1), R)",
            new String[] {"static final Runnable R = () -> {};", "@Pipeline public static void p(int n) {",
                "  Dsl.when(Dsl.eq(n, 1), R);", "}"},
            "expected a lambda such as () -> { ... } holding the tasks of this group"),
        Arguments.of("kfp4j:UnsupportedArgument", "Dsl.forEach(List.of(1), C)",
            new String[] {"static final java.util.function.Consumer<Integer> C = x -> {};", "@Pipeline public static void p() {",
                "  Dsl.forEach(List.of(1), C);", "}"},
            "expected a lambda such as item -> { ... } taking the loop item"),
        Arguments.of("kfp4j:UnsupportedArgument", "Dsl.when(COND",
            new String[] {"static final Dsl.Condition COND = Dsl.eq(1, 1);", "@Pipeline public static void p() {",
                "  Dsl.when(COND, () -> LibOps.add(1, 1));", "}"},
            "a condition is Dsl.eq/ne/lt/le/gt/ge(a, b) written in the call; nest Dsl.when(...) for 'and'"),
        Arguments.of("kfp4j:UnsupportedArgument", "Dsl.forEach(xs, x",
            new String[] {"@Pipeline public static void p(List<List<Integer>> lists) {",
                "  Dsl.forEach(lists, xs ->", "    Dsl.forEach(xs, x -> LibOps.add(x, 1)));", "}"},
            "Dsl.forEach loops over List.of(constants...), a List pipeline parameter, a List task output or the artifacts Dsl.collect collected"),
        Arguments.of("kfp4j:UnsupportedArgument", "Dsl.forEach(n > 0",
            new String[] {"@Pipeline public static void p(int n, List<Integer> xs) {",
                "  Dsl.forEach(n > 0 ? xs : List.of(1), x -> LibOps.add(x, 1));", "}"},
            "Dsl.forEach loops over List.of(constants...), a List pipeline parameter, a List task output or the artifacts Dsl.collect collected"),
        Arguments.of("kfp4j:UnsupportedArgument", "Dsl.forEach(List.of(n)",
            new String[] {"@Pipeline public static void p(int n) {", "  Dsl.forEach(List.of(n), x -> LibOps.add(x, 1));", "}"},
            "loop items are constants (literals, static final constants, enum constants), or records, List.of or Map.of built from them; 'n' is not"),
        Arguments.of("kfp4j:UnsupportedArgument", "Map.of(\"a\", n)",
            new String[] {"@Pipeline public static void p(int n) {", "  Dsl.forEach(List.of(Map.of(\"a\", 1), Map.of(\"a\", n)), m -> LibOps.keys(m));", "}"},
            "loop items are built from constants only; 'n' is not a constant"),
        Arguments.of("kfp4j:UnsupportedArgument", "m.get(key)",
            new String[] {"@Pipeline public static void p(String key) {",
                "  Dsl.forEach(List.of(Map.of(\"a\", 1)), m -> LibOps.add(m.get(key), 1));", "}"},
            "a map loop item's value is read with a constant key that is a name (letters, digits and _, as KFP's item.A_a), such as m.get(\"a\"); 'key' is not one"),
        Arguments.of("kfp4j:UnsupportedArgument", "m.get(\"a.b\")",
            new String[] {"@Pipeline public static void p() {",
                "  Dsl.forEach(List.of(Map.of(\"a.b\", 1)), m -> LibOps.add(m.get(\"a.b\"), 1));", "}"},
            "a map loop item's value is read with a constant key that is a name (letters, digits and _, as KFP's item.A_a), such as m.get(\"a\"); '\"a.b\"' is not one"),
        Arguments.of("kfp4j:UnsupportedArgument", "new Group(List.of(n))",
            new String[] {"public record Group(List<Integer> xs) {}", "@Pipeline public static void p(int n) {",
                "  Dsl.forEach(List.of(new Group(List.of(n))), g -> LibOps.count(g.xs()));", "}"},
            "loop items are built from constants only; 'n' is not a constant"),
        Arguments.of("kfp4j:UnsupportedArgument", "new Item(n)",
            new String[] {"public record Item(int a) {}", "@Pipeline public static void p(int n) {",
                "  Dsl.forEach(List.of(new Item(n)), i -> LibOps.add(i.a(), 1));", "}"},
            "loop items are built from constants only; 'n' is not a constant"),
        Arguments.of("kfp4j:UnsupportedArgument", "new Item(\"x\", 1)",
            new String[] {"public record Item(int a, String b) { public Item(String b, int a) { this(a, b); } }",
                "@Pipeline public static void p() {",
                "  Dsl.forEach(List.of(new Item(\"x\", 1)), i -> LibOps.greet(i.b()));", "}"},
            "a loop item is built with Item's canonical constructor, whose arguments are its fields in order; this call is another constructor: write new Item(a, b)"),
        Arguments.of("kfp4j:BadSetting", "List.of(1), 0",
            new String[] {"@Pipeline public static void p() {", "  Dsl.forEach(List.of(1), 0, x -> LibOps.add(x, 1));", "}"},
            "loop parallelism must be a constant int of at least 1, found '0'; for no limit (KFP's parallelism=0) leave it out: Dsl.forEach(items, item -> ...)"),
        Arguments.of("kfp4j:UnknownTask", "LibOps.add(T.output(), 1)",
            new String[] {"static dev.kfp4j.dsl.IntTask T;", "@Pipeline public static void p() {", "  LibOps.add(T.output(), 1);", "}"},
            "'T' is not a task of this pipeline: a task is made in the pipeline's body, var t = SomeOps.op(...); make it there and use t"),
        Arguments.of("kfp4j:UnknownTask", "add2(1, 2);",
            new String[] {"@dev.kfp4j.dsl.Op(value = \"add\", inputs = {\"a\", \"c\"})",
                "public static dev.kfp4j.dsl.IntTask add2(int a, int c) { return null; }",
                "@Pipeline public static void p() {", "  add2(1, 2);", "}"},
            "component 'add' has no input 'c'; its inputs are [a, b]. Compile the op's class again if its component changed"),
        Arguments.of("kfp4j:UnknownTask", "  url();",
            concat(graphOp("url", "testcomponents/url_task.graph.yaml"), "@Pipeline public static void p() {", "  url();", "}"),
            "graph component 'Url task' cannot be inlined into the pipeline: task 'fetched' of graph component 'Url task': componentRef: refers to its component by url"),
        Arguments.of("kfp4j:MissingArgument", "  missingArgument();",
            concat(graphOp("missingArgument", "testcomponents/missing_argument.graph.yaml"), "@Pipeline public static void p() {",
                "  missingArgument();", "}"),
            "task 'echo' of graph component 'Missing argument' gives no value for the required input 'x' of 'Echo'; pass the graph input it takes"),
        Arguments.of("kfp4j:UnknownTask", "optionalOutput().out()",
            concat(graphOp("optionalOutput", "testcomponents/optional_output.graph.yaml",
                    "@dev.kfp4j.dsl.Op.Output(\"out\") public String out() { return null; }"),
                "@Pipeline public static void p() {", "  LibOps.greet(optionalOutput().out());", "}"),
            "output 'out' of graph component 'optionalOutput' has no entry in its spec's outputValues (or comes from a graph input left out), so no task gives it"),
        Arguments.of("kfp4j:UnsupportedArgument", "Dsl.exitHandler(sumAndDouble()",
            concat(graphOp("sumAndDouble", "testcomponents/sum_and_double.graph.yaml"), "@Pipeline public static void p() {",
                "  Dsl.exitHandler(sumAndDouble(), () -> LibOps.add(1, 2));", "}"),
            "the exit task is one container task; 'sumAndDouble' is a graph component: call it inside the exit handler's lambda"),
        Arguments.of("kfp4j:BadSetting", "sumAndDouble().cpuLimit(\"1\")",
            concat(graphOp("sumAndDouble", "testcomponents/sum_and_double.graph.yaml"), "@Pipeline public static void p() {",
                "  sumAndDouble().cpuLimit(\"1\");", "}"),
            "cpuLimit(...) sets one container task; 'sumAndDouble' is a graph component"),
        Arguments.of("kfp4j:TypeMismatch", "Dsl.gt(t.output(), \"five\")",
            new String[] {"@Pipeline public static void p() {", "  var t = LibOps.add(1, 2);",
                "  Dsl.when(Dsl.gt(t.output(), \"five\"), () -> LibOps.greet(\"x\"));", "}"},
            "Dsl.gt(t.output(), \"five\") compares a value of type Integer with one of type String; KFP compares two numbers as numbers and anything else as text, so compare a number with a number or text with text"),
        Arguments.of("kfp4j:TypeMismatch", "Dsl.eq(n, t.output())",
            new String[] {"@Pipeline public static void p(int n) {", "  var t = LibOps.greet(\"7\");",
                "  Dsl.when(Dsl.eq(n, t.output()), () -> LibOps.greet(\"x\"));", "}"},
            "Dsl.eq(n, t.output()) compares a value of type Integer with one of type String"),
        Arguments.of("kfp4j:TypeMismatch", "Dsl.lt(item, \"b\")",
            new String[] {"@Pipeline public static void p() {", "  Dsl.forEach(List.of(1, 2), item ->",
                "    Dsl.when(Dsl.lt(item, \"b\"), () -> LibOps.add(item, 1)));", "}"},
            "Dsl.lt(item, \"b\") compares a value of type Integer with one of type String"),
        Arguments.of("kfp4j:BadSetting", "component();",
            new String[] {"@Pipeline public static void p() {", "  LibOps.add(1, 2).component();", "}"},
            "component(...) is not a task setting; a pipeline body calls only the settings of dev.kfp4j.dsl.Task on a task"),
        Arguments.of("kfp4j:BadSetting", "mountVolume(v, \"mnt\")",
            new String[] {"@Pipeline public static void p() {", "  var v = Dsl.volume(\"data\", \"1Gi\");",
                "  LibOps.add(1, 2).mountVolume(v, \"mnt\");", "}"},
            "mountVolume: the mount path 'mnt' must be absolute"),
        Arguments.of("kfp4j:BadSetting", "envFromField(\"POD\", \"metadata.nam\")",
            new String[] {"@Pipeline public static void p() {", "  LibOps.add(1, 2).envFromField(\"POD\", \"metadata.nam\");", "}"},
            "envFromField(\"POD\", \"metadata.nam\"): 'metadata.nam' is not a field of the pod Kubernetes gives an env variable; write "
                + "one of [metadata.name, metadata.namespace, metadata.uid, spec.nodeName, spec.serviceAccountName, status.hostIP, "
                + "status.hostIPs, status.podIP, status.podIPs], metadata.labels['key'] or metadata.annotations['key']"),
        Arguments.of("kfp4j:BadSetting", "containerImage(\"ghcr.io/MyOrg/app:1\")",
            new String[] {"@Pipeline public static void p() {", "  LibOps.add(1, 2).containerImage(\"ghcr.io/MyOrg/app:1\");", "}"},
            "containerImage(\"ghcr.io/MyOrg/app:1\"): it is not a container image reference: the repository 'MyOrg/app' has "
                + "upper-case letters, which image names may not (write 'myorg/app'); write for example "
                + "\"registry.example.com/team/trainer:2\""),
        Arguments.of("kfp4j:BadSetting", "path);",
            new String[] {"@Pipeline public static void p(String path) {", "  LibOps.add(1, 2).envFromField(\"POD\", path);", "}"},
            "the argument of envFromField(...) must be a constant (a literal or a static final field), not 'path'"),
        Arguments.of("kfp4j:BadSetting", "mountEmptyDir(\"shm\", \"/dev/shm\", \"Ram\", \"\")",
            new String[] {"@Pipeline public static void p() {", "  LibOps.add(1, 2).mountEmptyDir(\"shm\", \"/dev/shm\", \"Ram\", \"\");", "}"},
            "mountEmptyDir(\"shm\", ...): the medium must be \"\" (the node's disk), \"Memory\" or \"HugePages\", not 'Ram'"),
        Arguments.of("kfp4j:BadSetting", "toleration(\"gpu\", \"Exists\", \"\", \"NoExecution\")",
            new String[] {"@Pipeline public static void p() {", "  LibOps.add(1, 2).toleration(\"gpu\", \"Exists\", \"\", \"NoExecution\");", "}"},
            "toleration: the effect must be \"\" (every effect), \"NoExecute\", \"NoSchedule\" or \"PreferNoSchedule\", not 'NoExecution'"),
        Arguments.of("kfp4j:BadSetting", "nodeAffinity(\"zone\", \"Is\", \"a\")",
            new String[] {"@Pipeline public static void p() {", "  LibOps.add(1, 2).nodeAffinity(\"zone\", \"Is\", \"a\");", "}"},
            "nodeAffinity(\"zone\", \"Is\", ...): the operator must be one of [DoesNotExist, Exists, Gt, In, Lt, NotIn]"),
        Arguments.of("kfp4j:BadSetting", "nodeAffinity(\"zone\", \"In\")",
            new String[] {"@Pipeline public static void p() {", "  LibOps.add(1, 2).nodeAffinity(\"zone\", \"In\");", "}"},
            "nodeAffinity(\"zone\", \"In\", ...): In takes one value or more"),
        Arguments.of("kfp4j:BadSetting", "preferredNodeAffinity(0, \"gpu\", \"Exists\")",
            new String[] {"@Pipeline public static void p() {", "  LibOps.add(1, 2).preferredNodeAffinity(0, \"gpu\", \"Exists\");", "}"},
            "preferredNodeAffinity(0, ...): the weight is from 1 to 100"),
        Arguments.of("kfp4j:BadSetting", "zone);",
            new String[] {"@Pipeline public static void p(String zone) {", "  LibOps.add(1, 2).nodeAffinity(\"zone\", \"In\", \"a\", zone);", "}"},
            "the argument of nodeAffinity(...) must be a constant (a literal or a static final field), not 'zone'"),
        Arguments.of("kfp4j:BadSetting", "mountEphemeralVolume(\"scratch\", \"/scratch\", \"5 GB\")",
            new String[] {"@Pipeline public static void p() {", "  LibOps.add(1, 2).mountEphemeralVolume(\"scratch\", \"/scratch\", \"5 GB\");", "}"},
            "mountEphemeralVolume(\"scratch\", ...): the size '5 GB' is not a Kubernetes quantity; write e.g. \"5Gi\""),
        Arguments.of("kfp4j:BadSetting", "mountEmptyDir(\"Scratch\", \"/scratch\")",
            new String[] {"@Pipeline public static void p() {", "  LibOps.add(1, 2).mountEmptyDir(\"Scratch\", \"/scratch\");", "}"},
            "mountEmptyDir(\"Scratch\", ...): the volume name 'Scratch' is not a Kubernetes name"),
        Arguments.of("kfp4j:BadSetting", "Dsl.volume(name, \"1Gi\")",
            new String[] {"@Pipeline public static void p(String name) {", "  Dsl.volume(name, \"1Gi\");", "}"},
            "Dsl.volume: the resource name must be a constant valid Kubernetes name, such as \"my-pvc\""),
        Arguments.of("kfp4j:BadSetting", "\"ReadWriteSometimes\"",
            new String[] {"@Pipeline public static void p() {", "  Dsl.volume(\"data\", \"1Gi\", \"ReadWriteSometimes\", \"\");", "}"},
            "Dsl.volume: the access mode must be ReadWriteOnce, ReadOnlyMany, ReadWriteMany or ReadWriteOncePod, not 'ReadWriteSometimes'"),
        Arguments.of("kfp4j:BadSetting", "\"Fast_SSD\"",
            new String[] {"@Pipeline public static void p() {", "  Dsl.volume(\"data\", \"1Gi\", \"ReadWriteOnce\", \"Fast_SSD\");", "}"},
            "Dsl.volume: the storage class 'Fast_SSD' is not a valid Kubernetes name"),
        Arguments.of("kfp4j:BadSetting", "Dsl.volume(\"data\", \"1Gi\", mode",
            new String[] {"@Pipeline public static void p(String mode) {", "  Dsl.volume(\"data\", \"1Gi\", mode, \"\");", "}"},
            "the argument of Dsl.volume(...) must be a constant (a literal or a static final field), not 'mode'"),
        Arguments.of("kfp4j:BadSetting", "Dsl.resource(\"create\", manifest)",
            new String[] {"@Pipeline public static void p(String manifest) {", "  Dsl.resource(\"create\", manifest);", "}"},
            "Dsl.resource: the manifest must be a String constant (a static final text block)"),
        Arguments.of("kfp4j:BadSetting", "Dsl.resource(\"create\", \"a: [\")",
            new String[] {"@Pipeline public static void p() {", "  Dsl.resource(\"create\", \"a: [\");", "}"},
            "Dsl.resource: the manifest is not a Kubernetes resource: "),
        Arguments.of("kfp4j:BadSetting", "podGc = \"Sometimes\"",
            new String[] {"@Pipeline(name = \"p\",", "    podGc = \"Sometimes\")", "public static void p() {}"},
            "@Pipeline(podGc = \"Sometimes\"): it must be one of [OnPodCompletion, OnPodSuccess, OnWorkflowCompletion, "
                + "OnWorkflowSuccess], or left out for Argo's default"));
  }

  /** Each mistake is one error: none after javac's own, none for what follows from another. */
  static Stream<Arguments> mistakes() {
    return Stream.of(
        // chars in a static final field a loop takes as its items, as written in the call (misuses): one error, on the use
        Arguments.of("[kfp4j:UnsupportedArgument] loop item 'a' is a char, which KFP has no type for", "Dsl.forEach(ITEMS",
            new String[] {"static final List<Character> ITEMS = List.of('a', 'b');", "@Pipeline public static void p() {",
                "  Dsl.forEach(ITEMS, c -> LibOps.add(c, 1));", "}"}),
        Arguments.of("[kfp4j:UnsupportedArgument] loop item 'x' is a char, which KFP has no type for", "Dsl.forEach(ITEMS",
            new String[] {"record Item(char c) {}", "static final List<Item> ITEMS = List.of(new Item('x'));",
                "@Pipeline public static void p() {", "  Dsl.forEach(ITEMS, i -> LibOps.add(i.c(), 1));", "}"}),
        // a record item of a char written in the call: no InternalError after it (its component has no KFP type)
        Arguments.of("[kfp4j:UnsupportedArgument] loop item 'x' is a char, which KFP has no type for", "new Item('x')",
            new String[] {"record Item(char c) {}", "@Pipeline public static void p() {",
                "  Dsl.forEach(List.of(new Item('x')), i -> LibOps.add(i.c(), 1));", "}"}),
        Arguments.of("cannot find symbol", "LibOps.nope(1);",
            new String[] {"@Pipeline public static void p() {", "  LibOps.nope(1);", "}"}),
        Arguments.of("cannot find symbol", "var t = LibOps.nope(1);",
            new String[] {"@Pipeline public static void p() {", "  var t = LibOps.nope(1);", "  LibOps.add(t.output(), 1);",
                "  t.cpuLimit(\"1\");", "}"}),
        Arguments.of("cannot find symbol", "LibOps.add(undefined, 1)",
            new String[] {"@Pipeline public static void p() {", "  LibOps.add(undefined, 1);", "}"}),
        Arguments.of("cannot find symbol", "Dsl.when(Dsl.eq(nope, 1)",
            new String[] {"@Pipeline public static void p() {", "  Dsl.when(Dsl.eq(nope, 1), () -> LibOps.add(1, 1));", "}"}),
        Arguments.of("[kfp4j:UnsupportedArgument]", "String.valueOf(n)",
            new String[] {"@Pipeline public static void p(int n) {", "  LibOps.greet(String.valueOf(n));", "}"}),
        Arguments.of("[kfp4j:UnsupportedStatement]", "(dev.kfp4j.dsl.IntTask) null",
            new String[] {"@Pipeline public static void p() {", "  var t = (dev.kfp4j.dsl.IntTask) null;", "  LibOps.add(t.output(), 1);",
                "  LibOps.add(2, 3).after(t);", "}"}),
        Arguments.of("[kfp4j:ComponentCall]", "Lib.add(n, 1)",
            new String[] {"@Pipeline public static void p(int n) {", "  var t = Lib.add(n, 1);", "}"}),
        Arguments.of("[kfp4j:TypeMismatch]", "Dsl.gt(t.output(), \"five\")",
            new String[] {"@Pipeline public static void p() {", "  var t = LibOps.add(1, 2);",
                "  Dsl.when(Dsl.gt(t.output(), \"five\"), () -> LibOps.greet(\"x\"));", "}"}),
        // was two errors on the method, NotInArgo and NotInKfp2, from both writers, printing the setting's record
        Arguments.of("[kfp4j:BadSetting] securityContext(true): task 'add' has a security context already; set it once, with every "
            + "field it needs, such as securityContext(1000, 100, true)", ".securityContext(true);",
            new String[] {"@Pipeline public static void p() {", "  LibOps.add(1, 2).securityContext(1000)", "      .securityContext(true);",
                "}"}));
  }

  /** A body written empty is no error in a pipeline written for KFP 2 only, whose spec takes an empty DAG, as KFP's compiler writes. */
  @Test
  void anEmptyBodyIsNoErrorInKfp2() {
    JavaFileObject source = pipeline("@Pipeline(formats = Format.KFP2) public static void p(int n) {", "  LibOps.add(n, 1);",
        "  Dsl.when(Dsl.gt(n, 1), () -> {});", "  Dsl.forEach(List.of(1, 2), i -> {});", "}");
    Compilation c = compile(source);
    assertThat(c).succeeded();
    if (Compile.sharedPresent()) {
      Compile.validKfp2(Compile.resource(c, "META-INF/kfp4j/kfp2/pipelines/p.yaml"), "p.yaml");
    }
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("mistakes")
  void oneMistakeIsOneError(String error, String line, String[] body) {
    JavaFileObject source = pipeline(body);
    Compilation c = compile(source);
    assertThat(c).hadErrorContaining(error).inFile(source).onLineContaining(line);
    assertThat(c).hadErrorCount(1);
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("misuses")
  void misuseIsAnErrorOnTheStatement(String tag, String line, String[] body, String message) {
    JavaFileObject source = pipeline(body);
    Compilation c = compile(source);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[" + tag + "]").inFile(source).onLineContaining(line);
    assertThat(c).hadErrorContaining(message);
  }

  /**
   * KFP's {@code exit_task = op(...)} then {@code with dsl.ExitHandler(exit_task):}, ported as it
   * reads: the error said to move "the other statements" into the lambda, the exit task too. It is
   * one error, on the declaration, saying to make the exit task in the call.
   */
  @Test
  void anExitTaskMadeBeforeTheExitHandlerIsOneErrorOnItSayingToMakeItInTheCall() {
    JavaFileObject source = pipeline(
        "@Pipeline public static void p() {",
        "  var bye = LibOps.greet(\"bye\");",
        "  Dsl.exitHandler(bye, () -> LibOps.add(3, 4));",
        "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorContaining("[kfp4j:ExitHandlerNotOutermost] exit task 'bye' is made before Dsl.exitHandler(...), as KFP's "
        + "exit_task = op(...) before 'with dsl.ExitHandler(exit_task)'; in Java the exit task is made in the call, the body's only "
        + "statement: Dsl.exitHandler(LibOps.greet(\"bye\"), () -> { ... })").inFile(source).onLineContaining("var bye =");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void aTaskVariableMayBeReassignedToChainTasks() throws Exception {
    JavaFileObject source = pipeline(
        "@Pipeline public static void p() {",
        "  var t = LibOps.add(1, 1);",
        "  t = LibOps.add(t.output(), 1);",
        "  t = LibOps.add(t.output(), 1);",
        "}");
    Compilation c = compile(source);
    assertThat(c).succeeded();
    String yaml = Compile.resource(c, "META-INF/kfp4j/pipelines/p.yaml");
    var tasks = dev.kfp4j.yaml.Yaml.read(yaml).at("/spec/templates/0/dag/tasks");
    org.junit.jupiter.api.Assertions.assertEquals("{{tasks.add-2.outputs.parameters.Output}}", tasks.get(2).at("/arguments/parameters/0/value").asString());
    org.junit.jupiter.api.Assertions.assertEquals("[\"add-2\"]", tasks.get(2).get("dependencies").toString());
  }

  @Test
  void theGeneratedPipelineClassMustNotReplaceAUserType() {
    JavaFileObject source = pipeline("@Pipeline(name = \"clash\") public static void p() {}");
    JavaFileObject user = Compile.source("test.PPipeline", "package test;", "public class PPipeline {}");
    Compilation c = Compile.compile(OPS, source, user);
    assertThat(c).hadErrorContaining(
            "[kfp4j:PipelineClassClash] the class kfp4j generates for pipeline method 'p' would be named 'test.PPipeline', which is already a type; rename the method or the class")
        .inFile(source).onLineContaining("public static void p()");
  }

  @Test
  void pipelineMethodsWhoseClassesWouldShareANameAreErrorsNotCrashes() {
    JavaFileObject a = Compile.source("test.A", "package test;", "import dev.kfp4j.annotations.*;",
        "public class A { @Pipeline(name = \"a-train\") public static void train() { LibOps.add(1, 2); } }");
    JavaFileObject b = Compile.source("test.B", "package test;", "import dev.kfp4j.annotations.*;",
        "public class B {",
        "  @Pipeline(name = \"b-train\") public static void train() { LibOps.add(1, 2); }",
        "  @Pipeline(name = \"b-train-2\") public static void train(int epochs) { LibOps.add(epochs, 2); }",
        "}");
    Compilation c = Compile.compile(OPS, a, b);
    assertThat(c).hadErrorContaining("[kfp4j:PipelineClassClash] the class kfp4j generates for pipeline method 'train' would be named"
        + " 'test.TrainPipeline', which is what kfp4j generates for pipeline method 'test.").inFile(b).onLineContaining("int epochs");
    assertThat(c).hadErrorCount(2); // the first of the three methods takes the name, the other two are errors
  }

  @Test
  void anOpWhoseComponentSpecIsNotOnTheClasspath() {
    JavaFileObject source = pipeline(
        "static final class T extends dev.kfp4j.dsl.Task<T> { T() { super(\"missing\", new Object[0]); } }",
        "@dev.kfp4j.dsl.Op(\"missing\") public static T missing() { return new T(); }",
        "@Pipeline public static void p() {",
        "  missing();",
        "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorContaining(
            "[kfp4j:UnknownTask] no component spec 'META-INF/kfp4j/components/missing.yaml' found for op missing; is the jar that holds it on the compile classpath?")
        .inFile(source).onLineContaining("missing();");
  }

  @Test
  void anOutputMadeInsideAGroupCannotBeUsedOutsideIt() {
    JavaFileObject source = pipeline(
        "@Pipeline public static void p(int n) {",
        "  Dsl.forEach(List.of(1, 2), item -> {",
        "    var inner = LibOps.add(item, 1);",
        "    Dsl.when(Dsl.eq(n, 1), () -> LibOps.add(inner.output(), 1));",
        "  });",
        "  Dsl.when(Dsl.eq(n, 2), () -> {",
        "    var t = LibOps.add(1, 1);",
        "    Dsl.when(Dsl.eq(t.output(), 2), () -> LibOps.add(t.output(), 5).after(t));",
        "  });",
        "}");
    // Both uses are inside groups that enclose the producer: valid.
    assertThat(compile(source)).succeeded();
  }

  @Test
  void aVariableHoldingATaskOutputIsOneErrorThatSaysToPassTheOutput() {
    JavaFileObject source = pipeline(
        "@Pipeline public static void p() {",
        "  var t = LibOps.add(1, 2);",
        "  var o = t.output();",
        "  LibOps.add(o, 1);",
        "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorContaining("[kfp4j:UnsupportedStatement] 'o' would hold t.output(), a task output that exists only when the"
        + " pipeline runs; pass t.output() itself to the ops that take it").inFile(source).onLineContaining("var o = t.output();");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void aTaskVariableDeclaredWithoutItsOpCallIsOneError() {
    JavaFileObject source = pipeline(
        "@Pipeline public static void p() {",
        "  dev.kfp4j.dsl.IntTask t;",
        "  t = LibOps.add(1, 2);",
        "  LibOps.add(t.output(), 1);",
        "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorContaining("[kfp4j:UnsupportedStatement] task variable 't' is declared without its op call; declare it with"
        + " the call that makes the task: var t = SomeOps.op(...)").inFile(source).onLineContaining("IntTask t;");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void aLoopWhoseItemsCannotBeReadIsOneError() {
    JavaFileObject source = pipeline(
        "public static class Bean { public int a; public Bean(int a) { this.a = a; } public int a() { return a; } }",
        "@Pipeline public static void p() {",
        "  Dsl.forEach(List.of(new Bean(1)), b -> LibOps.add(b.a(), 1));",
        "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorContaining("[kfp4j:UnsupportedArgument] loop items are constants").inFile(source).onLineContaining("new Bean(1)");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void reportsEveryBadStatementOfABodyInOneBuild() {
    JavaFileObject source = pipeline(
        "@Pipeline public static void p(int n) {",
        "  if (n > 1) { }",
        "  LibOps.add(1, 2).cpuLimit(\"lots\");",
        "  LibOps.add(Math.abs(n), 2);",
        "  Lib.add(n, 1);",
        "  var t = LibOps.add(n, 1);",
        "  Dsl.when(Dsl.gt(t.output(), \"five\"), () -> LibOps.greet(LONG));",
        "  var a = LibOps.add(1, 2);",
        "  var b = LibOps.add(a.output(), 1);",
        "  a.after(b);",
        "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorContaining("[kfp4j:UnsupportedStatement]").inFile(source).onLineContaining("if (n > 1)");
    assertThat(c).hadErrorContaining("[kfp4j:BadSetting]").inFile(source).onLineContaining("cpuLimit(\"lots\")");
    assertThat(c).hadErrorContaining("[kfp4j:UnsupportedArgument]").inFile(source).onLineContaining("Math.abs(n)");
    assertThat(c).hadErrorContaining("[kfp4j:ComponentCall]").inFile(source).onLineContaining("Lib.add(n, 1);");
    assertThat(c).hadErrorContaining("[kfp4j:TypeMismatch]").inFile(source).onLineContaining("Dsl.gt(t.output()");
    assertThat(c).hadErrorContaining("[kfp4j:ConstantTooLong]").inFile(source).onLineContaining("LibOps.greet(LONG)");
    assertThat(c).hadErrorContaining("[kfp4j:Cycle]").inFile(source).onLineContaining("var a = LibOps.add(1, 2);");
    assertThat(c).hadErrorCount(7);
  }

  /** A processor behind a wrapped ProcessingEnvironment, as Gradle and IDEs run processors. */
  static final class Wrapped extends AbstractProcessor {
    private final Kfp4jProcessor delegate = new Kfp4jProcessor();
    private final boolean opaque;

    Wrapped(boolean opaque) {
      this.opaque = opaque;
    }

    @Override
    public synchronized void init(ProcessingEnvironment env) {
      super.init(env);
      ProcessingEnvironment wrapped = opaque
          ? (ProcessingEnvironment) Proxy.newProxyInstance(getClass().getClassLoader(),
              new Class<?>[] {ProcessingEnvironment.class}, (proxy, m, args) -> m.invoke(env, args))
          : new Delegating(env);
      delegate.init(wrapped);
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      return delegate.process(annotations, round);
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return delegate.getSupportedAnnotationTypes();
    }

    @Override
    public Set<String> getSupportedOptions() {
      return delegate.getSupportedOptions();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }
  }

  /** Like Gradle's incremental environment: keeps javac's in a field. */
  static final class Delegating implements ProcessingEnvironment {
    private final ProcessingEnvironment delegate;

    Delegating(ProcessingEnvironment delegate) {
      this.delegate = delegate;
    }

    @Override public java.util.Map<String, String> getOptions() { return delegate.getOptions(); }
    @Override public javax.annotation.processing.Messager getMessager() { return delegate.getMessager(); }
    @Override public javax.annotation.processing.Filer getFiler() { return delegate.getFiler(); }
    @Override public javax.lang.model.util.Elements getElementUtils() { return delegate.getElementUtils(); }
    @Override public javax.lang.model.util.Types getTypeUtils() { return delegate.getTypeUtils(); }
    @Override public SourceVersion getSourceVersion() { return delegate.getSourceVersion(); }
    @Override public java.util.Locale getLocale() { return delegate.getLocale(); }
  }

  static final JavaFileObject SIMPLE = pipeline("@Pipeline public static void p() {", "  LibOps.add(1, 2);", "}");

  @Test
  void aWrappedEnvironmentIsUnwrappedToJavacs() {
    Compilation c = Compiler.javac().withProcessors(new Wrapped(false)).withOptions("-Akfp4j.image=i").compile(OPS, SIMPLE);
    assertThat(c).succeeded();
    assertThat(c).generatedFile(javax.tools.StandardLocation.CLASS_OUTPUT, "META-INF/kfp4j/pipelines/p.yaml");
  }

  @Test
  void withoutTheTreeApiThereIsOneClearError() {
    Compilation c = Compiler.javac().withProcessors(new Wrapped(true)).withOptions("-Akfp4j.image=i").compile(OPS, SIMPLE);
    assertThat(c).hadErrorContaining("[kfp4j:TreesUnavailable] kfp4j reads @Pipeline bodies with javac's Tree API, which this compiler")
        .inFile(SIMPLE).onLineContaining("public static void p()");
    assertThat(c).hadErrorCount(1);
  }
}
