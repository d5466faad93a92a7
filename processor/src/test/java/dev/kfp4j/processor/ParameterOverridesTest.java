package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.kfp4j.testing.ArgoSchemas;
import dev.kfp4j.yaml.Yaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The processor option {@code kfp4j.pipelineParameters}, KFP's {@code Compiler().compile(..., pipeline_parameters={...})} and
 * {@code kfp dsl compile --pipeline-parameters}: other defaults for a pipeline's parameters, by pipeline name, in both files.
 */
class ParameterOverridesTest {
  private static final List<String> HEADER = List.of("import dev.kfp4j.annotations.*;", "import test.*;", "import java.util.List;");
  private static final JavaFileObject SOURCE = Compile.testClass("P", HEADER,
      "public enum Mode { FAST, SLOW }",
      "@Pipeline public static void p(",
      "    @Default(\"1\") int n,",
      "    double rate,",
      "    @Default(\"False\") boolean loud,",
      "    String greeting,",
      "    @Default(\"[1, 2]\") List<Integer> items,",
      "    @Default(\"FAST\") Mode mode) {",
      "  StepsOps.make(greeting);",
      "}",
      "@Pipeline public static void q(@Default(\"1\") int k) {",
      "  StepsOps.make(\"q\");",
      "}");

  private static Compilation compile(String option) {
    return Compile.compileWithOptions(new ArrayList<>(), List.of("-Akfp4j.pipelineParameters=" + option),
        IgnoreUpstreamFailureTest.STEPS, SOURCE);
  }

  /** Each root parameter of a KFP 2 spec: its defaultValue (or none) and whether it is optional. */
  private static Map<String, String> kfp2Defaults(Compilation c, String resource) {
    Map<String, String> out = new TreeMap<>();
    Yaml.readAll(Compile.resource(c, resource)).get(0).at("/root/inputDefinitions/parameters").properties()
        .forEach(e -> out.put(e.getKey(), e.getValue().path("defaultValue") + " optional=" + e.getValue().path("isOptional").asBoolean()));
    return out;
  }

  /** Each parameter of an Argo workflow's arguments: its value, or none. */
  private static Map<String, String> argoDefaults(Compilation c, String resource) {
    Map<String, String> out = new TreeMap<>();
    Yaml.read(Compile.resource(c, resource)).at("/spec/arguments/parameters")
        .forEach(p -> out.put(p.path("name").asString(), p.path("value").asString("(none)")));
    return out;
  }

  @Test
  void theOptionsDefaultsGoInBothFilesOfTheNamedPipelineOnly() {
    String option = "{\"p\": {\"n\": 5, \"rate\": 0.25, \"loud\": true, \"greeting\": \"hi there\", \"items\": [3, 4], "
        + "\"mode\": \"SLOW\"}}";
    Compilation c = compile(option);
    assertThat(c).succeeded();
    assertThat(kfp2Defaults(c, Kfp2PipelineTest.P2)).containsExactly("n", "5 optional=true", "rate", "0.25 optional=true",
        "loud", "true optional=true", "greeting", "\"hi there\" optional=true", "items", "[3,4] optional=true",
        "mode", "\"SLOW\" optional=true");
    assertThat(argoDefaults(c, Kfp2PipelineTest.P)).containsExactly("n", "5", "rate", "0.25", "loud", "True",
        "greeting", "hi there", "items", "[3,4]", "mode", "SLOW");
    Compilation plain = compile("{}");
    assertThat(plain).succeeded();
    assertThat(kfp2Defaults(plain, Kfp2PipelineTest.P2)).containsExactly("n", "1 optional=true", "rate", " optional=false",
        "loud", "false optional=true", "greeting", " optional=false", "items", "[1,2] optional=true", "mode", "\"FAST\" optional=true");
    assertThat(Compile.resource(c, "META-INF/kfp4j/kfp2/pipelines/q.yaml"))
        .isEqualTo(Compile.resource(plain, "META-INF/kfp4j/kfp2/pipelines/q.yaml"));
    assertThat(Compile.resource(c, "META-INF/kfp4j/pipelines/q.yaml")).isEqualTo(Compile.resource(plain, "META-INF/kfp4j/pipelines/q.yaml"));
    assertThat(Compile.source(c, "test.PPipeline")).contains("Double rate"); // a run may leave it to the option's default
    assertThat(Compile.source(plain, "test.PPipeline")).contains("double rate");
    Compilation again = compile(option);
    for (String file : List.of(Kfp2PipelineTest.P, Kfp2PipelineTest.P2)) {
      assertThat(Compile.resource(again, file)).isEqualTo(Compile.resource(c, file)); // deterministic
    }
    if (Compile.sharedPresent()) {
      Compile.validKfp2(Compile.resource(c, Kfp2PipelineTest.P2), "p.yaml");
    }
    ArgoSchemas.assertValid(Compile.resource(c, Kfp2PipelineTest.P), "p.yaml");
  }

  private static final JavaFileObject TIMES = Compile.testClass("T", List.of("import dev.kfp4j.annotations.*;", "import test.*;",
          "import java.time.*;"),
      "@Pipeline public static void t(@Default(\"2024-01-31\") LocalDate day, @Default(\"PT1H\") Duration every, Instant at) {",
      "  StepsOps.make(\"t\");",
      "}");

  private static Compilation compileTimes(String option) {
    return Compile.compileWithOptions(new ArrayList<>(), List.of("-Akfp4j.pipelineParameters=" + option),
        IgnoreUpstreamFailureTest.STEPS, TIMES);
  }

  /** A java.time parameter (KFP type String) takes its text, as its {@code @Default} does, checked by the type's own parse. */
  @Test
  void aJavaTimeParameterTakesItsTextCheckedAsItsDefaultIs() {
    Compilation c = compileTimes("{\"t\": {\"day\": \"2025-06-30\", \"at\": \"2025-06-30T12:00:00Z\"}}");
    assertThat(c).succeeded();
    assertThat(kfp2Defaults(c, "META-INF/kfp4j/kfp2/pipelines/t.yaml")).containsExactly("day", "\"2025-06-30\" optional=true",
        "every", "\"PT1H\" optional=true", "at", "\"2025-06-30T12:00:00Z\" optional=true");
    String argo = Compile.resource(c, "META-INF/kfp4j/pipelines/t.yaml");
    assertThat(argoDefaults(c, "META-INF/kfp4j/pipelines/t.yaml")).containsExactly("day", "2025-06-30", "every", "PT1H",
        "at", "2025-06-30T12:00:00Z");
    if (Compile.sharedPresent()) {
      Compile.validKfp2(Compile.resource(c, "META-INF/kfp4j/kfp2/pipelines/t.yaml"), "t.yaml");
    }
    ArgoSchemas.assertValid(argo, "t.yaml");
  }

  /**
   * A parameter, or a pipeline, named twice in the option is an error, not the last value taken with nothing said (the
   * JSON reader kept the last of two keys, so {@code {"q": {"k": 1, "k": 2}}} gave k 2).
   */
  @Test
  void aNameGivenTwiceIsAnError() {
    for (String option : List.of("{\"q\": {\"k\": 1, \"k\": 2}}", "{\"q\": {\"k\": 1}, \"q\": {\"k\": 2}}")) {
      Compilation c = compile(option);
      assertThat(c).hadErrorContaining("[kfp4j:BadOption] processor option -Akfp4j.pipelineParameters=" + option
          + ": not JSON: Duplicate Object property \"");
      assertThat(c).hadErrorContaining("; write a JSON object of each pipeline's parameters by its name");
      assertThat(c).hadErrorCount(1);
    }
  }

  @Test
  void aJavaTimeValueThatDoesNotParseIsAnErrorNamingThePipelineAndParameter() {
    Compilation c = compileTimes("{\"t\": {\"day\": \"31/01/2025\", \"every\": 15}}");
    assertThat(c).hadErrorContaining("[kfp4j:BadOption] processor option -Akfp4j.pipelineParameters=")
        .inFile(TIMES).onLineContaining("LocalDate day");
    assertThat(c).hadErrorContaining("'day' of pipeline 't' is a LocalDate, and \"31/01/2025\" is none: Text '31/01/2025' could not "
        + "be parsed at index 0");
    assertThat(c).hadErrorContaining("could not be parsed at index 0; write a JSON string, such as \"2024-01-31\"");
    assertThat(c).hadErrorContaining("'every' of pipeline 't' is a Duration, and 15 is none: it is not a JSON string; write a JSON "
        + "string, such as \"PT15M\"").inFile(TIMES).onLineContaining("LocalDate day"); // the method's one line holds every parameter
    assertThat(c).hadErrorCount(2);
  }

  /**
   * A pipeline calling another: the option's value for the outer pipeline's parameter reaches its files. One for the called
   * pipeline's replaces that parameter's {@code @Default} wherever the called pipeline is written: its own files, and its
   * components in the outer pipeline's KFP 2 file; the calls' arguments (Java gives each parameter one) are unchanged, so a
   * run of the outer pipeline is too.
   */
  @Test
  void anOverrideActsOnTheNamedPipelinesOwnFilesOnlyWhenOneCallsAnother() {
    Compilation plain = Compile.compileWithOptions(new ArrayList<>(), List.of("-Akfp4j.pipelineParameters={}"),
        PipelineModelTest.LIB, NestedPipelineTest.OUTER, NestedPipelineTest.INNER);
    assertThat(plain).succeeded();
    Compilation outer = Compile.compileWithOptions(new ArrayList<>(), List.of("-Akfp4j.pipelineParameters={\"outer\": {\"n\": 7}}"),
        PipelineModelTest.LIB, NestedPipelineTest.OUTER, NestedPipelineTest.INNER);
    assertThat(outer).succeeded();
    assertThat(kfp2Defaults(outer, "META-INF/kfp4j/kfp2/pipelines/outer.yaml")).containsExactly("n", "7 optional=true");
    assertThat(argoDefaults(outer, "META-INF/kfp4j/pipelines/outer.yaml")).containsExactly("n", "7");
    assertThat(kfp2Defaults(plain, "META-INF/kfp4j/kfp2/pipelines/outer.yaml")).containsExactly("n", " optional=false");
    for (String file : List.of("kfp2/pipelines/inner.yaml", "pipelines/inner.yaml", "kfp2/pipelines/sums.yaml")) {
      assertThat(Compile.resource(outer, "META-INF/kfp4j/" + file)).isEqualTo(Compile.resource(plain, "META-INF/kfp4j/" + file));
    }
    ArgoSchemas.assertValid(Compile.resource(outer, "META-INF/kfp4j/pipelines/outer.yaml"), "outer.yaml");

    Compilation inner = Compile.compileWithOptions(new ArrayList<>(), List.of("-Akfp4j.pipelineParameters={\"inner\": {\"b\": 3}}"),
        PipelineModelTest.LIB, NestedPipelineTest.OUTER, NestedPipelineTest.INNER);
    assertThat(inner).succeeded();
    assertThat(kfp2Defaults(inner, "META-INF/kfp4j/kfp2/pipelines/inner.yaml")).containsExactly("a", " optional=false",
        "b", "3 optional=true");
    assertThat(argoDefaults(inner, "META-INF/kfp4j/pipelines/inner.yaml")).containsExactly("a", "(none)", "b", "3");
    assertThat(Compile.resource(inner, "META-INF/kfp4j/pipelines/outer.yaml"))
        .isEqualTo(Compile.resource(plain, "META-INF/kfp4j/pipelines/outer.yaml"));
    JsonNode expected = Yaml.readAll(Compile.resource(plain, "META-INF/kfp4j/kfp2/pipelines/outer.yaml")).get(0);
    List<String> called = new ArrayList<>();
    expected.get("components").properties().forEach(e -> {
      JsonNode b = e.getValue().at("/inputDefinitions/parameters/b");
      if (e.getKey().startsWith("comp-inner") && b.has("defaultValue")) {
        called.add(e.getKey());
        ((tools.jackson.databind.node.ObjectNode) b).put("defaultValue", 3);
      }
    });
    assertThat(called).containsExactly("comp-inner", "comp-inner-2", "comp-inner-3");
    assertThat(Yaml.readAll(Compile.resource(inner, "META-INF/kfp4j/kfp2/pipelines/outer.yaml")).get(0)).isEqualTo(expected);
    ArgoSchemas.assertValid(Compile.resource(inner, "META-INF/kfp4j/pipelines/inner.yaml"), "inner.yaml");
  }

  @Test
  void aValueNotOfTheParametersTypeIsAnErrorOnTheParameterSayingWhatToWrite() {
    Compilation c = compile("{\"p\": {\"n\": \"five\", \"rate\": 2, \"loud\": 1, \"items\": [\"a\"], \"mode\": \"MEDIUM\"}}");
    assertThat(c).hadErrorContaining("[kfp4j:BadOption] processor option -Akfp4j.pipelineParameters=")
        .inFile(SOURCE).onLineContaining("int n");
    assertThat(c).hadErrorContaining("'n' of pipeline 'p' is an Integer, and \"five\" is none: it is not a JSON integer; "
        + "write a JSON integer, such as 10");
    assertThat(c).hadErrorContaining("'loud' of pipeline 'p' is a Boolean, and 1 is none: it is not true or false; write true or false")
        .inFile(SOURCE).onLineContaining("boolean loud");
    assertThat(c).hadErrorContaining("'items' of pipeline 'p' is a JsonArray, and [\"a\"] is none: its element \"a\" is not of type Integer")
        .inFile(SOURCE).onLineContaining("List<Integer> items");
    assertThat(c).hadErrorContaining("'mode' of pipeline 'p' is enum Mode, and \"MEDIUM\" is none: it is none of [FAST, SLOW]; "
        + "write a JSON string, such as \"FAST\"").inFile(SOURCE).onLineContaining("Mode mode");
    assertThat(c).hadErrorCount(4); // rate: 2 is a float
  }

  /**
   * A JSON number too big for a double is a float KFP v1 takes (as Python's {@code float()}: infinity) but no KFP 2 file can
   * hold: an error saying why, in the words of a {@code @Default}'s (NotInKfp2).
   */
  @Test
  void aFloatKfp2CannotHoldIsAnErrorSayingWhy() {
    String huge = "1" + "0".repeat(400);
    Compilation c = compile("{\"p\": {\"rate\": " + huge + "}}");
    assertThat(c).hadErrorContaining("'rate' of pipeline 'p' is a Float, and " + huge + " is none: it is no number KFP 2 can "
        + "hold: its files keep numbers as JSON, which has no nan or infinity; write a JSON number, such as 0.5")
        .inFile(SOURCE).onLineContaining("double rate");
    assertThat(c).hadErrorCount(1);
  }

  /** A whole number a double does not hold exactly is refused for KFP 2, saying why, as such a {@code @Default} is. */
  @Test
  void aWholeNumberKfp2CannotHoldExactlyIsAnError() {
    JavaFileObject source = Compile.testClass("L", HEADER, "@Pipeline public static void l(long big) {", "  StepsOps.make(\"l\");", "}");
    Compilation c = Compile.compileWithOptions(new ArrayList<>(), List.of("-Akfp4j.pipelineParameters={\"l\": {\"big\": "
        + "9007199254740993}}"), IgnoreUpstreamFailureTest.STEPS, source);
    assertThat(c).hadErrorContaining("'big' of pipeline 'l' is an Integer, and 9007199254740993 is none: KFP 2 keeps numbers as "
        + "doubles, and 9007199254740993 would reach the task as 9007199254740992").inFile(source).onLineContaining("long big");
    assertThat(c).hadErrorCount(1);
  }

  /**
   * A float written with an exponent is read as given, not as the double Jackson would make: {@code 1e400} is the float KFP 2
   * cannot hold (not an "Infinity" text no float parses), and {@code 2.50e-3} goes into the files as a number equal to it.
   */
  @Test
  void aFloatIsReadAsGivenNotAsADouble() {
    Compilation huge = compile("{\"p\": {\"rate\": 1e400}}");
    assertThat(huge).hadErrorContaining("'rate' of pipeline 'p' is a Float, and 1E+400 is none: it is no number KFP 2 can hold")
        .inFile(SOURCE).onLineContaining("double rate");
    assertThat(huge).hadErrorCount(1);
    Compilation small = compile("{\"p\": {\"rate\": 2.50e-3}}");
    assertThat(small).succeeded();
    JsonNode rate = Yaml.readAll(Compile.resource(small, "META-INF/kfp4j/kfp2/pipelines/p.yaml")).get(0)
        .at("/root/inputDefinitions/parameters/rate/defaultValue");
    assertThat(rate.doubleValue()).isEqualTo(0.0025);
  }

  /**
   * A compilation of some files (an IDE's, an incremental build's) keeps the whole build's option: a pipeline an earlier
   * compilation wrote into the class output is no unknown one.
   */
  @Test
  void aPartialCompilationKnowsThePipelinesCompiledEarlier(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    Compilation whole = compile("{\"p\": {\"n\": 5}}");
    assertThat(whole).succeeded();
    java.nio.file.Path classes = Compile.writeOutput(whole, dir.resolve("classes"));
    JavaFileObject other = Compile.testClass("Other", HEADER, "@Component public static int twice(int x) { return 2 * x; }");
    assertThat(Compile.compileAgainst(classes, List.of("-Akfp4j.pipelineParameters={\"p\": {\"n\": 5}}"), other)).succeeded();
    assertThat(Compile.compileAgainst(classes, List.of("-Akfp4j.pipelineParameters={\"r\": {\"n\": 5}}"), other))
        .hadErrorContaining("no @Pipeline of this compilation is named 'r'; its pipelines are [p, q]");
  }

  @Test
  void anUnknownParameterOrPipelineIsAnError() {
    Compilation parameter = compile("{\"p\": {\"m\": 1}}");
    assertThat(parameter).hadErrorContaining("pipeline 'p' has no parameter 'm'; its parameters are [n, rate, loud, greeting, items, mode]")
        .inFile(SOURCE).onLineContaining("@Pipeline public static void p(");
    Compilation pipeline = compile("{\"nope\": {\"n\": 1}}");
    assertThat(pipeline).hadErrorContaining("[kfp4j:BadOption] processor option -Akfp4j.pipelineParameters={\"nope\": {\"n\": 1}}: "
        + "no @Pipeline of this compilation is named 'nope'; its pipelines are [p, q]");
    JavaFileObject artifact = Compile.testClass("A", HEADER,
        "@Pipeline(formats = Format.KFP2) public static void a(",
        "    @InputPath(\"Dataset\") java.nio.file.Path data) {",
        "  StepsOps.make(\"a\");",
        "}");
    Compilation noDefault = Compile.compileWithOptions(new ArrayList<>(),
        List.of("-Akfp4j.pipelineParameters={\"a\": {\"data\": \"gs://b/d.csv\"}}"), IgnoreUpstreamFailureTest.STEPS, artifact);
    assertThat(noDefault).hadErrorContaining("'data' of pipeline 'a' is an artifact, which takes no default (as in KFP); leave it out")
        .inFile(artifact).onLineContaining("Path data");
    Compilation notJson = compile("p=5");
    assertThat(notJson).hadErrorContaining("-Akfp4j.pipelineParameters=p=5: not JSON");
    assertThat(notJson).hadErrorContaining("write a JSON object of each pipeline's parameters by its name, such as "
        + "{\"add-example\": {\"value1\": 10}}");
  }

  /** A pipeline whose name javac cannot resolve may be the one the option names: javac's error alone, none of the option's. */
  @Test
  void aPipelineWhoseNameJavacCannotResolveMayBeTheOneTheOptionNames() {
    JavaFileObject source = Compile.testClass("U", HEADER,
        "@Pipeline(name = Missing.NAME) public static void u(@Default(\"1\") int n) {",
        "  StepsOps.make(\"u\");",
        "}");
    Compilation c = Compile.compileWithOptions(new ArrayList<>(), List.of("-Akfp4j.pipelineParameters={\"named\": {\"n\": 5}}"),
        IgnoreUpstreamFailureTest.STEPS, source);
    assertThat(c).hadErrorContaining("cannot find symbol").inFile(source).onLineContaining("Missing.NAME");
    assertThat(c).hadErrorCount(1);
  }
}
