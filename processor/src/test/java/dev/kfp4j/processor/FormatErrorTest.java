package dev.kfp4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What one format cannot express is an error where it is written when that format is written
 * (both are, by default): {@code NotInKfp2} and {@code NotInArgo}, each naming what to write
 * instead; and the mistakes of the KFP 2 constructs ({@code Dsl.collect}, branches, outputs).
 */
class FormatErrorTest {
  /** Components and imports the pipelines below call. */
  static final JavaFileObject LIB = Compile.source("test.Lib",
      "package test;",
      "import dev.kfp4j.annotations.*;",
      "import java.nio.file.Path;",
      "public class Lib {",
      "  @Component public static int add(int a, int b) { return a + b; }",
      "  @Component public static String greet(String name) { return name; }",
      "  @Component public static int count(java.util.List<Integer> xs) { return xs.size(); }",
      "  @Component public static void train(@OutputPath(\"CSV\") Path dataPath) {}",
      "  @Component public static void read(@InputPath(\"Text\") String textPath) {}",
      "  @Component public static void makeData(@Out dev.kfp4j.artifacts.Dataset data) {}",
      "  @Component public static long twice(long x) { return 2 * x; }",
      "  @Component public static double half(double x) { return x / 2; }",
      "  @Component public static void writeCount(@OutputPath(\"Integer\") Path countPath) {}",
      "  @Component public static void readCsv(@InputPath(\"CSV\") Path csvPath) {}",
      "}");
  static final JavaFileObject IMPORTS = Compile.source("test.Imports", "package test;", "import dev.kfp4j.annotations.*;",
      "@ImportComponents({\"testcomponents/if_value.component.yaml\", \"testcomponents/echo.kfp2.yaml\",",
      "    \"testcomponents/copy_by_uri.component.yaml\", \"testcomponents/container_with_artifact_output.kfp2.yaml\",",
      "    \"testcomponents/model_metadata.kfp2.yaml\"})",
      "public final class Imports {}");

  static Path lib;

  static synchronized Compilation compile(JavaFileObject pipeline) {
    if (lib == null) {
      Compilation c = Compile.compile(LIB, IMPORTS);
      assertThat(c).succeeded();
      lib = Compile.writeOutput(c, Path.of("target", "compiled-lib", "FormatErrorTest"));
    }
    return Compile.compileAgainst(lib, pipeline);
  }

  static JavaFileObject pipeline(String... body) {
    List<String> lines = new ArrayList<>(List.of(
        "  static final String JOB = \"apiVersion: batch/v1\\nkind: Job\\nmetadata:\\n  generateName: j-\\n\";"));
    lines.addAll(List.of(body));
    return Compile.testClass("P", List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.dsl.Dsl;", "import java.util.*;"),
        lines.toArray(String[]::new));
  }

  static Stream<Arguments> misuses() {
    return Stream.of(
        Arguments.of("kfp4j:NotInKfp2", "Dsl.resource(",
            new String[] {"@Pipeline public static void p() {", "  Dsl.resource(\"create\", JOB);", "}"},
            "Dsl.resource(...) has no KFP 2 equivalent: KFP 2 runs no Kubernetes resource step; run kubectl in a component of your own, "
                + "or write this pipeline for KFP v1 only: @Pipeline(formats = Format.ARGO)"),
        // a value of another type given to a file: the TypeMismatch alone, as an output of the file's type is what to pass in
        // either format (it was NotInKfp2 too, saying to write the pipeline for KFP v1, which would still refuse it)
        Arguments.of("kfp4j:TypeMismatch", "LibOps.readCsv(",
            new String[] {"@Pipeline public static void p() {", "  LibOps.readCsv(LibOps.writeCount().count());", "}"},
            "output 'count' of task 'write-count' has type Integer but input 'csv' of 'read-csv' takes CSV; pass an output of type CSV"),
        Arguments.of("kfp4j:NotInKfp2", "LibOps.read(\"hello\")",
            new String[] {"@Pipeline public static void p() {", "  LibOps.read(\"hello\");", "}"},
            "input 'text' of 'read' is a file, which KFP 2 passes as an artifact: it takes only a file output of another task, "
                + "and the constant 'hello' is not one"),
        Arguments.of("kfp4j:NotInKfp2", "LibOps.read(text)",
            new String[] {"@Pipeline public static void p(String text) {", "  LibOps.read(text);", "}"},
            "and pipeline parameter 'text' is not one"),
        Arguments.of("kfp4j:NotInKfp2", "LibOps.greet((String) (Object) t.data())",
            new String[] {"@Pipeline public static void p() {", "  var t = LibOps.train();", "  LibOps.greet((String) (Object) t.data());",
                "}"},
            "input 'name' of 'greet' takes a value, but output 'data' of 'train' is a file (an artifact in KFP 2), which KFP 2 does not "
                + "read into a value"),
        Arguments.of("kfp4j:NotInKfp2", "retries(3, \"OnError\")",
            new String[] {"@Pipeline public static void p() {", "  LibOps.add(1, 2)", "      .retries(3, \"OnError\");", "}"},
            "retries(3, \"OnError\"): KFP 2 retries a task that failed (Argo's OnFailure) and has no other retry policy: the policy "
                + "is KFP v1's (Argo's) alone; write retries(3)"),
        // KFP's backend gives Argo no policy: Always (retry errors too) was dropped from the KFP 2 file
        Arguments.of("kfp4j:NotInKfp2", "retries(2, \"Always\")",
            new String[] {"@Pipeline public static void p() {", "  LibOps.add(1, 2)", "      .retries(2, \"Always\");", "}"},
            "retries(2, \"Always\"): KFP 2 retries a task that failed (Argo's OnFailure) and has no other retry policy: the policy "
                + "is KFP v1's (Argo's) alone; write retries(2), or write this pipeline for KFP v1 only: @Pipeline(formats = Format.ARGO)"),
        // KFP's backend gives Argo a backoff's whole seconds: 500ms waited 0 s on KFP, 500 ms locally
        Arguments.of("kfp4j:NotInKfp2", "retryBackoff(\"500ms\"",
            new String[] {"@Pipeline public static void p() {", "  LibOps.add(1, 2).retries(2)", "      .retryBackoff(\"500ms\", 2, \"1m\");", "}"},
            "retryBackoff(\"500ms\", 2, \"1m\"): KFP 2 waits whole seconds between retries (KFP's backend gives Argo the whole "
                + "seconds of '500ms' alone: 0s); write a whole number of seconds, such as \"1s\", or write this pipeline for KFP v1 "
                + "only: @Pipeline(formats = Format.ARGO)"),
        Arguments.of("kfp4j:NotInKfp2", "retryBackoff(\"5s\"",
            new String[] {"@Pipeline public static void p() {", "  LibOps.add(1, 2).retries(2)", "      .retryBackoff(\"5s\", 2, \"90.5s\");", "}"},
            "the whole seconds of '90.5s' alone: 90s); write a whole number of seconds, such as \"91s\""),
        Arguments.of("kfp4j:NotInKfp2", "podGc = \"OnPodSuccess\"",
            new String[] {"@Pipeline(name = \"p\",", "    podGc = \"OnPodSuccess\")", "public static void p() { LibOps.add(1, 2); }"},
            "@Pipeline(podGc = ...) has no KFP 2 equivalent; KFP 2 deletes a run's pods after ttlSecondsAfterFinished: set that instead"),
        Arguments.of("kfp4j:NotInKfp2", "parallelism = 2",
            new String[] {"@Pipeline(", "    parallelism = 2)", "public static void p() { LibOps.add(1, 2); }"},
            "@Pipeline(parallelism = ...) has no KFP 2 equivalent; limit a loop's parallelism instead"),
        Arguments.of("kfp4j:NotInKfp2", "serviceAccount = \"runner\"",
            new String[] {"@Pipeline(", "    serviceAccount = \"runner\")", "public static void p() { LibOps.add(1, 2); }"},
            "KFP 2 takes the service account when a run is created, not in the pipeline spec"),
        Arguments.of("kfp4j:NotInKfp2", "LibOps.greet(v.size())",
            new String[] {"@Pipeline public static void p() {", "  var v = Dsl.volume(\"data\", \"1Gi\");", "  LibOps.greet(v.size());",
                "}"},
            "output 'size' of volume 'data' has no KFP 2 equivalent: KFP 2's createpvc gives the claim's name alone; pass on the size "
                + "the volume was given (a constant or pipeline parameter), or write this pipeline for KFP v1 only: "
                + "@Pipeline(formats = Format.ARGO)"),
        Arguments.of("kfp4j:NotInKfp2", "Dsl.eq(v.size()",
            new String[] {"@Pipeline public static void p() {", "  var v = Dsl.volume(\"data\", \"1Gi\");",
                "  Dsl.when(Dsl.eq(v.size(), \"1Gi\"), () -> LibOps.add(1, 2));", "}"},
            "output 'size' of volume 'data' has no KFP 2 equivalent"),
        Arguments.of("kfp4j:NotInKfp2", "ImportsOps.maybeLoud(true)",
            new String[] {"@Pipeline public static void p() {", "  ImportsOps.maybeLoud(true);", "}"},
            "component 'Maybe loud' cannot run on KFP 2: its command line has an 'if' on"),
        Arguments.of("kfp4j:NotInArgo", "LibOps.count(sums)",
            new String[] {"@Pipeline public static void p(List<Integer> xs) {", "  var sums = Dsl.collect(xs, x -> LibOps.add(x, 1).output());",
                "  LibOps.count(sums);", "}"},
            "Dsl.collect(...) collects a loop's outputs, which only KFP 2 can: KFP v1's Argo workflow has no form for it; write this "
                + "pipeline for KFP 2 only: @Pipeline(formats = Format.KFP2)"),
        Arguments.of("kfp4j:NotInArgo", "ImportsOps.echo(\"hi\")",
            new String[] {"@Pipeline public static void p() {", "  ImportsOps.echo(\"hi\");", "}"},
            "component 'echo' runs KFP 2's executor protocol ({{$}}), which KFP v1 (Argo) does not speak"),
        Arguments.of("kfp4j:NotInArgo", "ImportsOps.copyByUri(d.data()",
            new String[] {"@Pipeline public static void p() {", "  var d = LibOps.makeData();", "  ImportsOps.copyByUri(d.data(), null);", "}"},
            "component 'Copy by uri' uses the URI of input 'source' ({{$.inputs.artifacts['source'].uri}}), which only KFP 2 gives: "
                + "KFP v1 (Argo) passes artifacts as files at paths; use its path ({inputPath: source}), or write this pipeline for "
                + "KFP 2 only: @Pipeline(formats = Format.KFP2)"),
        Arguments.of("kfp4j:NotInArgo", "ImportsOps.modelMetadata(3)",
            new String[] {"@Pipeline public static void p() {", "  ImportsOps.modelMetadata(3);", "}"},
            "component 'model-metadata' uses the metadata of output 'model' ({{$.outputs.artifacts['model'].metadata}}), "
                + "which only KFP 2 gives: KFP v1 (Argo) passes artifacts as files, without metadata; write this pipeline for KFP 2 only: "
                + "@Pipeline(formats = Format.KFP2)"),
        // the KFP 2 constructs written wrong
        Arguments.of("kfp4j:UnsupportedStatement", "Dsl.collect(xs, x -> LibOps.add(x, 1).output());",
            new String[] {"@Pipeline(formats = Format.KFP2) public static void p(List<Integer> xs) {",
                "  Dsl.collect(xs, x -> LibOps.add(x, 1).output());", "}"},
            "Dsl.collect(...) gives the list of its loop's outputs: assign it to a variable"),
        Arguments.of("kfp4j:UnsupportedStatement", "LibOps.count(Dsl.collect(",
            new String[] {"@Pipeline(formats = Format.KFP2) public static void p(List<Integer> xs) {",
                "  LibOps.count(Dsl.collect(xs, x -> LibOps.add(x, 1).output()));", "}"},
            "Dsl.collect(...) gives the list of its loop's outputs: assign it to a variable"),
        Arguments.of("kfp4j:UnsupportedArgument", "x -> 3",
            new String[] {"@Pipeline(formats = Format.KFP2) public static void p(List<Integer> xs) {",
                "  var s = Dsl.collect(xs, x -> 3);", "  LibOps.count(s);", "}"},
            "the lambda of Dsl.collect returns what it collects: an output of a task made in the loop's own body"),
        Arguments.of("kfp4j:UnsupportedArgument", "return a.output();",
            new String[] {"@Pipeline(formats = Format.KFP2) public static void p(List<Integer> xs) {", "  var a = LibOps.add(1, 1);",
                "  var s = Dsl.collect(xs, x -> {", "    LibOps.add(x, 1);", "    return a.output();", "  });", "}"},
            "'a.output()' is not"),
        Arguments.of("kfp4j:UnsupportedStatement", "((Dsl.When) null)",
            new String[] {"@Pipeline public static void p() {", "  ((Dsl.When) null).otherwise(() -> LibOps.add(1, 1));", "}"},
            "a chain of branches starts with Dsl.when(...) and goes on in the same statement"),
        // KFP 2 keeps numbers as doubles: 2^53 + 1 would reach the task as 2^53, silently
        Arguments.of("kfp4j:NotInKfp2", "LibOps.twice(9007199254740993L)",
            new String[] {"@Pipeline public static void p() {", "  LibOps.twice(9007199254740993L);", "}"},
            "task 'twice', input 'x': '9007199254740993' is not a NUMBER_INTEGER: KFP 2 keeps numbers as doubles, and "
                + "9007199254740993 would reach the task as 9007199254740992; pass it as a String and parse it in the component"),
        Arguments.of("kfp4j:NotInKfp2", "LibOps.half(Double.NaN)",
            new String[] {"@Pipeline public static void p() {", "  LibOps.half(Double.NaN);", "}"},
            "task 'half', input 'x': 'nan' is not a NUMBER_DOUBLE: KFP 2 keeps numbers as JSON, which has no 'nan'"),
        Arguments.of("kfp4j:UnsupportedStatement", "return n;",
            new String[] {"@Pipeline public static int p(int n) {", "  LibOps.add(n, 1);", "  return n;", "}"},
            "a pipeline returns its outputs: a task output (return t.output();), a list Dsl.collect made, a value Dsl.oneOf gave, or a record of these"));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("misuses")
  void eachIsAnErrorWhereItIsWritten(String tag, String line, String[] body, String message) {
    assertOneErrorOn(tag, line, body, message);
  }

  /** The pipeline class of {@code body} fails to compile with one error, {@code tag}'s, on {@code line}, saying {@code message}. */
  static void assertOneErrorOn(String tag, String line, String[] body, String message) {
    JavaFileObject source = pipeline(body);
    Compilation c = compile(source);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[" + tag + "]").inFile(source).onLineContaining(line);
    assertThat(c).hadErrorContaining(message);
    assertThat(c).hadErrorCount(1);
  }

  /**
   * A {@code @Default} KFP 2 cannot hold exactly is refused on the parameter, alone or in a list, as a float it cannot hold
   * is; it was written, and reached the task as 9007199254740992.
   */
  @Test
  void aDefaultKfp2CannotHoldExactlyIsRefused() {
    JavaFileObject one = pipeline("@Pipeline public static void p(", "    @Default(\"9007199254740993\") long n) {", "  LibOps.twice(n);", "}");
    Compilation c = compile(one);
    assertThat(c).hadErrorContaining("[kfp4j:NotInKfp2] @Default(\"9007199254740993\") of 'n' is no value KFP 2 can hold: KFP 2 "
        + "keeps numbers as doubles, and 9007199254740993 would reach the task as 9007199254740992; pass it as a String and parse "
        + "it in the component; or write this pipeline for KFP v1 only: @Pipeline(formats = Format.ARGO)")
        .inFile(one).onLineContaining("long n");
    assertThat(c).hadErrorCount(1);
    JavaFileObject inList = pipeline("@Pipeline public static void p(", "    @Default(\"[1, 9007199254740993]\") List<Long> ns) {",
        "  LibOps.greet(\"x\");", "}");
    Compilation list = compile(inList);
    assertThat(list).hadErrorContaining("@Default(\"[1, 9007199254740993]\") of 'ns' is no value KFP 2 can hold: KFP 2 keeps "
        + "numbers as doubles").inFile(inList).onLineContaining("List<Long> ns");
    assertThat(list).hadErrorCount(1);
  }

  @Test
  void whatOneFormatCannotExpressCompilesForTheOther() {
    assertThat(compile(pipeline("@Pipeline(formats = Format.ARGO) public static void p() {", "  Dsl.resource(\"create\", JOB);",
        "  LibOps.read(\"hello\");", "}"))).succeeded();
    assertThat(compile(pipeline("@Pipeline(formats = Format.KFP2) public static void p(List<Integer> xs) {",
        "  var sums = Dsl.collect(xs, x -> LibOps.add(x, 1).output());", "  LibOps.count(sums);", "  ImportsOps.echo(\"hi\");", "}")))
        .succeeded();
    assertThat(compile(pipeline("@Pipeline(formats = Format.ARGO) public static void p() {", "  var v = Dsl.volume(\"data\", \"1Gi\");",
        "  LibOps.greet(v.size());", "}"))).succeeded();
    assertThat(compile(pipeline("@Pipeline(formats = Format.ARGO) public static void p() {", "  LibOps.twice(9007199254740993L);",
        "}"))).succeeded();
    assertThat(compile(pipeline("@Pipeline(formats = Format.ARGO) public static void p() {",
        "  LibOps.add(1, 2).retries(2, \"Always\").retryBackoff(\"500ms\", 2, \"1.5s\");", "}"))).succeeded();
    // whole seconds, however written, and Argo's own default policy, which KFP's backend leaves to Argo
    assertThat(compile(pipeline("@Pipeline public static void p() {",
        "  LibOps.add(1, 2).retries(2, \"OnFailure\").retryBackoff(\"2000ms\", 2, \"1.5m\");", "}"))).succeeded();
    // a double holds these exactly
    assertThat(compile(pipeline("@Pipeline public static void p() {", "  LibOps.twice(9007199254740992L);",
        "  LibOps.twice(-9007199254740992L);", "  LibOps.twice(1152921504606846976L);", "}"))).succeeded();
  }

  @Test
  void aVolumesNameGoesToTasksInKfp2() {
    Compilation c = compile(pipeline("@Pipeline(formats = Format.KFP2) public static void p() {", "  var v = Dsl.volume(\"data\", \"1Gi\");",
        "  LibOps.greet(v.name());", "}"));
    assertThat(c).succeededWithoutWarnings();
    String yaml = Compile.resource(c, "META-INF/kfp4j/kfp2/pipelines/p.yaml");
    Compile.validKfp2(yaml, "p.yaml");
    assertTrue(yaml.contains("taskOutputParameter:\n                outputParameterKey: name\n                producerTask: data\n"), yaml);
  }

  @Test
  void aV1ComponentUsingArtifactUrisRunsInAKfp2Pipeline() {
    Compilation c = compile(pipeline("@Pipeline(formats = Format.KFP2) public static void p() {", "  var d = LibOps.makeData();",
        "  ImportsOps.copyByUri(d.data(), \"a note\");", "}"));
    assertThat(c).succeededWithoutWarnings();
    String yaml = Compile.resource(c, "META-INF/kfp4j/kfp2/pipelines/p.yaml");
    Compile.validKfp2(yaml, "p.yaml");
    assertTrue(yaml.contains("- '{{$.inputs.artifacts[''source''].uri}}'\n        - '{{$.outputs.artifacts[''copied''].uri}}'"), yaml);
    assertTrue(yaml.contains("producerTask: make-data"), yaml);
  }

  @Test
  void aKfp2ComponentUsingAnArtifactsMetadataRunsInAKfp2Pipeline() {
    Compilation c = compile(pipeline("@Pipeline(formats = Format.KFP2) public static void p() {",
        "  ImportsOps.containerWithArtifactOutput(3);", "}"));
    assertThat(c).succeededWithoutWarnings();
    String yaml = Compile.resource(c, "META-INF/kfp4j/kfp2/pipelines/p.yaml");
    Compile.validKfp2(yaml, "p.yaml");
    assertTrue(yaml.contains("- '{{$.outputs.artifacts[''model''].uri}}'\n        - --model_metadata\n"
        + "        - '{{$.outputs.artifacts[''model''].metadata}}'\n"), yaml);
  }

  @Test
  void aBadFormatsOptionIsAnError() {
    Compilation c = Compile.compileWithOptions(new ArrayList<>(), List.of("-Akfp4j.formats=argo,yaml"), LIB);
    assertThat(c).hadErrorContaining(
        "[kfp4j:BadOption] processor option -Akfp4j.formats=argo,yaml: 'yaml' is not a format; write argo, kfp2, or argo,kfp2 for both");
  }
}
