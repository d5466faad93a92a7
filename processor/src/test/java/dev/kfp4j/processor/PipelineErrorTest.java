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
      "}");

  static JavaFileObject pipeline(String... body) {
    List<String> lines = new ArrayList<>(List.of("  static final String LONG = \"" + "x".repeat(10_001) + "\";"));
    lines.addAll(List.of(body));
    return Compile.testClass("P", List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.dsl.Dsl;", "import java.util.*;"),
        lines.toArray(String[]::new));
  }

  static Stream<Arguments> misuses() {
    return Stream.of(
        Arguments.of("kfp4j:PipelineNotVoid", "public static int p(",
            new String[] {"@Pipeline public static int p() { return 0; }"}, "@Pipeline method 'p' must return void"),
        Arguments.of("kfp4j:PipelineParameterType", "Thread t",
            new String[] {"@Pipeline public static void p(Thread t) {}"}, "pipeline parameter 't' has type 'java.lang.Thread'"),
        Arguments.of("kfp4j:NotStatic", "public void p(",
            new String[] {"@Pipeline public void p() {}"}, "@Pipeline method 'p' must be static"),
        Arguments.of("kfp4j:InvalidName", "name = \"My Pipeline\"",
            new String[] {"@Pipeline(name = \"My Pipeline\") public static void p() {}"}, "pipeline name 'My Pipeline' is not valid"),
        Arguments.of("kfp4j:DuplicatePipeline", "public static void q(",
            new String[] {"@Pipeline(name = \"same\") public static void p() {}", "@Pipeline(name = \"same\") public static void q() {}"},
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
            "'Math.max(n, 2)' cannot be passed to a task: pass a pipeline parameter, a constant (literal or static final field), a task output such as t.output(), or a loop item"),
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
        Arguments.of("kfp4j:Cycle", "var a = LibOps.add(1, 2);",
            new String[] {"@Pipeline public static void p() {", "  var a = LibOps.add(1, 2);", "  var b = LibOps.add(a.output(), 1);", "  a.after(b);", "}"},
            "tasks depend on each other in a cycle: add -> add-2 -> add; remove one of these after(...) calls"),
        Arguments.of("kfp4j:BadSetting", "cpuLimit(\"2 cores\")",
            new String[] {"@Pipeline public static void p() {", "  LibOps.add(1, 2).cpuLimit(\"2 cores\");", "}"},
            "cpuLimit(\"2 cores\"): '2 cores' is not a Kubernetes quantity; write e.g. \"500m\" or \"2\""),
        Arguments.of("kfp4j:BadSetting", "retries(-1)",
            new String[] {"@Pipeline public static void p() {", "  LibOps.add(1, 2).retries(-1);", "}"},
            "retries(-1): the retry limit must be 0 or more"),
        Arguments.of("kfp4j:BadSetting", "memoryLimit(size)",
            new String[] {"@Pipeline public static void p(String size) {", "  LibOps.add(1, 2).memoryLimit(size);", "}"},
            "the argument of memoryLimit(...) must be a constant (a literal or a static final field), not 'size'"),
        Arguments.of("kfp4j:ConstantTooLong", "LibOps.greet(LONG)",
            new String[] {"@Pipeline public static void p() {", "  LibOps.greet(LONG);", "}"},
            "constant for 'name' is 10001 bytes, over KFP's 10,000-byte parameter limit"),
        Arguments.of("kfp4j:ExitHandlerNotOutermost", "Dsl.exitHandler(LibOps.greet(\"bye\")",
            new String[] {"@Pipeline public static void p() {", "  LibOps.add(1, 2);",
                "  Dsl.exitHandler(LibOps.greet(\"bye\"), () -> LibOps.add(3, 4));", "}"},
            "Dsl.exitHandler(...) must be the only statement of the pipeline body"),
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
            "task 'greet' gives no value for the required input 'name'"),
        Arguments.of("kfp4j:UnsupportedStatement", "var holder = new",
            new String[] {"@Pipeline public static void p(int n) {",
                "  var holder = new Object() { dev.kfp4j.dsl.IntTask t; };",
                "  Dsl.when(Dsl.eq(n, 1), () -> { holder.t = LibOps.add(1, 1); });",
                "  LibOps.add(holder.t.output(), 1);",
                "}"},
            "declares only task variables"));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("misuses")
  void misuseIsAnErrorOnTheStatement(String tag, String line, String[] body, String message) {
    JavaFileObject source = pipeline(body);
    Compilation c = Compile.compile(OPS, source);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[" + tag + "]").inFile(source).onLineContaining(line);
    assertThat(c).hadErrorContaining(message);
  }

  @Test
  void aTaskVariableMayBeReassignedToChainTasks() throws Exception {
    JavaFileObject source = pipeline(
        "@Pipeline public static void p() {",
        "  var t = LibOps.add(1, 1);",
        "  t = LibOps.add(t.output(), 1);",
        "  t = LibOps.add(t.output(), 1);",
        "}");
    Compilation c = Compile.compile(OPS, source);
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
  void anOpWhoseComponentSpecIsNotOnTheClasspath() {
    JavaFileObject source = pipeline(
        "static final class T extends dev.kfp4j.dsl.Task<T> { T() { super(\"missing\", Map.of()); } }",
        "@dev.kfp4j.dsl.Op(\"missing\") public static T missing() { return new T(); }",
        "@Pipeline public static void p() {",
        "  missing();",
        "}");
    Compilation c = Compile.compile(OPS, source);
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
    assertThat(Compile.compile(OPS, source)).succeeded();
  }

  @Test
  void reportsEveryBadStatementOfABodyInOneBuild() {
    JavaFileObject source = pipeline(
        "@Pipeline public static void p(int n) {",
        "  if (n > 1) { }",
        "  LibOps.add(1, 2).cpuLimit(\"lots\");",
        "  LibOps.add(Math.abs(n), 2);",
        "}");
    Compilation c = Compile.compile(OPS, source);
    assertThat(c).hadErrorContaining("[kfp4j:UnsupportedStatement]").inFile(source).onLineContaining("if (n > 1)");
    assertThat(c).hadErrorContaining("[kfp4j:BadSetting]").inFile(source).onLineContaining("cpuLimit(\"lots\")");
    assertThat(c).hadErrorContaining("[kfp4j:UnsupportedArgument]").inFile(source).onLineContaining("Math.abs(n)");
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
