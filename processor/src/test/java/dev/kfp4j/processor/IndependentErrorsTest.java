package dev.kfp4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A mistake in a pipeline's signature or {@code @Pipeline} annotation, or a clash of its generated class with a type,
 * hides no other mistake: the body's, another pipeline's, javac's own. Each is its one error on its own line; what only
 * follows from it (a use of a parameter with an error) is none, and nothing is written for the pipeline.
 */
class IndependentErrorsTest {
  static final String SECURITY_CONTEXT_TWICE = "  LibOps.add(1, 2).securityContext(1000).securityContext(true);";
  static final String BAD_SETTING = "[kfp4j:BadSetting] securityContext(true): task 'add";
  static final String COMPUTED_ARGUMENT = "  LibOps.greet(String.valueOf(7));";
  static final String CLASH = "[kfp4j:PipelineClassClash] the class kfp4j generates for pipeline method 'p' would be named"
      + " 'test.PPipeline', which is already a type; rename the method or the class";
  /** A class of the user's named as the class kfp4j generates for a pipeline method {@code p} of {@code test.P}. */
  static final JavaFileObject P_PIPELINE = Compile.source("test.PPipeline", "package test;", "public class PPipeline {}");
  static final String BAD_DEFAULT = "[kfp4j:BadDefault] @Default(\"ten\") of 'n' does not parse as an int: invalid int value: 'ten'";

  static JavaFileObject testClass(String name, String... body) {
    return Compile.testClass(name, List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.dsl.Dsl;", "import java.util.*;"), body);
  }

  static Compilation compile(JavaFileObject... sources) {
    PipelineErrorTest.compile(testClass("Warm", "@Pipeline public static void warm() { LibOps.add(1, 2); }")); // compiles the ops
    return Compile.compileAgainst(PipelineErrorTest.lib, sources);
  }

  @Test
  void aBadDefaultHidesNoneOfTheBodysMistakes() {
    JavaFileObject source = testClass("P",
        "@Pipeline public static void p(@Default(\"ten\") int n) {",
        "  LibOps.add(n, 1);",
        COMPUTED_ARGUMENT,
        SECURITY_CONTEXT_TWICE,
        "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorContaining(BAD_DEFAULT).inFile(source).onLineContaining("@Default(\"ten\") int n");
    assertThat(c).hadErrorContaining("[kfp4j:UnsupportedArgument] 'String.valueOf(7)' cannot be passed to a task").inFile(source)
        .onLineContaining("String.valueOf(7)");
    assertThat(c).hadErrorContaining(BAD_SETTING).inFile(source).onLineContaining(".securityContext(true)");
    assertThat(c).hadErrorCount(3); // LibOps.add(n, 1) uses n, whose mistake is its default: no error of its own
  }

  @Test
  void aParameterWithAnErrorIsOneErrorWhereverItIsUsed() {
    JavaFileObject source = testClass("P",
        "@Pipeline public static void p(Thread t, @Default(\"ten\") int n, @Default(\"[1,\") List<String> names) {",
        "  LibOps.add(n, 1);",
        "  Dsl.when(Dsl.eq(n, 1), () -> LibOps.add(n, 2));",
        "  LibOps.greet(t.getName() + \"!\");",
        "  LibOps.greet(\"n is \" + n);",
        "  Dsl.forEach(names, name -> LibOps.greet(name.trim()));",
        SECURITY_CONTEXT_TWICE,
        "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorContaining("[kfp4j:PipelineParameterType] pipeline parameter 't' has type 'java.lang.Thread'")
        .inFile(source).onLineContaining("Thread t");
    assertThat(c).hadErrorContaining(BAD_DEFAULT).inFile(source).onLineContaining("Thread t");
    assertThat(c).hadErrorContaining("[kfp4j:BadDefault] @Default(\"[1,\") of 'names'").inFile(source).onLineContaining("Thread t");
    assertThat(c).hadErrorContaining(BAD_SETTING).inFile(source).onLineContaining(".securityContext(true)");
    assertThat(c).hadErrorCount(4);
  }

  @Test
  void aBadAttributeOfPipelineHidesNoneOfTheBodysMistakes() {
    JavaFileObject source = testClass("P",
        "@Pipeline(name = \"Bad_Name\",",
        "    ttlSecondsAfterFinished = -5,",
        "    podGc = \"Never\")",
        "public static void p() {",
        SECURITY_CONTEXT_TWICE,
        "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorContaining("[kfp4j:InvalidName] pipeline name 'Bad_Name' is not valid").inFile(source)
        .onLineContaining("name = \"Bad_Name\"");
    assertThat(c).hadErrorContaining("[kfp4j:BadSetting] @Pipeline(ttlSecondsAfterFinished = -5)").inFile(source)
        .onLineContaining("ttlSecondsAfterFinished = -5");
    assertThat(c).hadErrorContaining("[kfp4j:BadSetting] @Pipeline(podGc = \"Never\")").inFile(source).onLineContaining("podGc");
    assertThat(c).hadErrorContaining(BAD_SETTING).inFile(source).onLineContaining(".securityContext(true)");
    assertThat(c).hadErrorCount(4);
  }

  @Test
  void aPipelinesSignatureErrorHidesNoOtherPipelinesMistakesInItsClassOrAnother() {
    JavaFileObject first = testClass("A",
        "@Pipeline public static void a(@Default(\"ten\") int n) { LibOps.add(n, 1); }",
        "@Pipeline public static void sameClass() {",
        SECURITY_CONTEXT_TWICE,
        "}");
    JavaFileObject second = testClass("B",
        "@Pipeline public static void otherClass() {",
        COMPUTED_ARGUMENT,
        "}");
    Compilation c = compile(first, second);
    assertThat(c).hadErrorContaining(BAD_DEFAULT).inFile(first).onLineContaining("@Default(\"ten\") int n");
    assertThat(c).hadErrorContaining(BAD_SETTING).inFile(first).onLineContaining(".securityContext(true)");
    assertThat(c).hadErrorContaining("[kfp4j:UnsupportedArgument] 'String.valueOf(7)'").inFile(second).onLineContaining("String.valueOf(7)");
    assertThat(c).hadErrorCount(3);
  }

  static final String SAME = "[kfp4j:DuplicatePipeline] pipeline name 'same' is already used by ";

  /** Two pipelines of one name with errors in their signatures: each error on its element, the name's on the second's name. */
  @Test
  void aPipelinesSignatureErrorHidesNotThatItsNameIsAnotherPipelines() {
    JavaFileObject source = testClass("P",
        "@Pipeline(name = \"same\") public static void p(Thread t) { LibOps.add(1, 2); }",
        "@Pipeline(description = \"the second\",",
        "    name = \"same\") // q",
        "public void q() { LibOps.add(1, 2); }");
    Compilation c = compile(source);
    assertThat(c).hadErrorContaining("[kfp4j:PipelineParameterType] pipeline parameter 't' has type 'java.lang.Thread'; use int,")
        .inFile(source).onLineContaining("Thread t");
    assertThat(c).hadErrorContaining("[kfp4j:NotStatic] @Pipeline method 'q' must be static: write 'public static void q(...)'")
        .inFile(source).onLineContaining("public void q()");
    assertThat(c).hadErrorContaining(SAME + "test.P.p(Thread); set @Pipeline(name = \"...\") to a unique name").inFile(source)
        .onLineContaining("// q");
    assertThat(c).hadErrorCount(3);
  }

  /**
   * A pipeline whose signature has a type javac does not know is not checked, but its name is, beside javac's error: named
   * as a pipeline of its class or of another, it is an error on its name, not one in the build after the type is fixed.
   */
  @Test
  void aPipelinesUnknownTypeHidesNotThatItsNameIsAnotherPipelines() {
    JavaFileObject first = testClass("P",
        "@Pipeline(name = \"same\") public static void p() { LibOps.add(1, 2); }",
        "@Pipeline(description = \"the second\",",
        "    name = \"same\") // unknown",
        "public static void unknown(Missing m) { LibOps.add(1, 2); }");
    JavaFileObject second = testClass("Q",
        "@Pipeline // known",
        "public static void known() { LibOps.add(1, 2); }",
        "@Pipeline(name = \"known\") // also unknown",
        "public static void alsoUnknown(Missing m) { LibOps.add(1, 2); }");
    Compilation c = compile(first, second);
    assertThat(c).hadErrorContaining(SAME + "test.P.p(); set @Pipeline(name = \"...\") to a unique name").inFile(first)
        .onLineContaining("// unknown");
    assertThat(c).hadErrorContaining("[kfp4j:DuplicatePipeline] pipeline name 'known' is already used by test.Q.known()")
        .inFile(second).onLineContaining("// also unknown");
    for (JavaFileObject source : List.of(first, second)) {
      assertThat(c).hadErrorContaining("cannot find symbol").inFile(source).onLineContaining("Missing m");
      assertThat(c).hadErrorContaining("[kfp4j:UnresolvedType]").inFile(source).onLineContaining("Missing m");
    }
    assertThat(c).hadErrorCount(6);
  }

  /**
   * {@code @Pipeline(name)} written as a constant javac cannot resolve gives no name: javac's error is the one, with no
   * kfp4j error of a name {@code <error>} (not valid, twice), nor of its method's name, which another pipeline has.
   */
  @Test
  void aNameJavacCannotResolveIsNoNameOfItsOwn() {
    JavaFileObject source = testClass("P",
        "@Pipeline(name = Missing.NAME) public static void sameName() { LibOps.add(1, 2); }",
        "@Pipeline(name = Missing.NAME) public static void other() { LibOps.add(1, 2); }",
        "@Pipeline(name = \"same-name\") public static void q() { LibOps.add(1, 2); }");
    Compilation c = compile(source);
    assertThat(c).hadErrorContaining("cannot find symbol").inFile(source).onLineContaining("void sameName()");
    assertThat(c).hadErrorContaining("cannot find symbol").inFile(source).onLineContaining("void other()");
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void aPipelinesSignatureErrorHidesNoneOfJavacsOwn() {
    JavaFileObject pipeline = testClass("A", "@Pipeline public static void a(@Default(\"ten\") int n) { LibOps.add(n, 1); }");
    JavaFileObject other = testClass("B", "static int x() { return \"text\"; }");
    Compilation c = compile(pipeline, other);
    assertThat(c).hadErrorContaining(BAD_DEFAULT).inFile(pipeline).onLineContaining("@Default(\"ten\") int n");
    assertThat(c).hadErrorContaining("incompatible types").inFile(other).onLineContaining("return \"text\"");
    assertThat(c).hadErrorCount(2);
  }

  /** A component's error stops javac before it analyses any class (its ops are not generated): the pipeline's signature is still checked. */
  @Test
  void aPipelinesSignatureErrorIsReportedWhenAComponentsErrorStopsJavac() {
    JavaFileObject component = testClass("C", "@Component public static int one(Thread t) { return 1; }");
    JavaFileObject pipeline = testClass("A", "@Pipeline public static void a(@Default(\"ten\") int n) {", SECURITY_CONTEXT_TWICE, "}");
    Compilation c = compile(component, pipeline);
    assertThat(c).hadErrorContaining("[kfp4j:UnsupportedParameterType] parameter 't'").inFile(component).onLineContaining("Thread t");
    assertThat(c).hadErrorContaining(BAD_DEFAULT).inFile(pipeline).onLineContaining("@Default(\"ten\") int n");
    assertThat(c).hadErrorCount(2); // the body is not read: javac did not analyse it
  }

  @Test
  void nothingIsWrittenForAPipelineWithAnErrorAndTheOthersAreWritten() {
    List<dev.kfp4j.model.Pipeline> models = new ArrayList<>();
    JavaFileObject source = testClass("P",
        "@Pipeline public static void bad(@Default(\"ten\") int n) { LibOps.add(n, 1); }",
        "@Pipeline public static void good(int n) { LibOps.add(n, 1); }");
    Compilation c = Compile.compile(models, PipelineErrorTest.OPS, source);
    assertThat(c).hadErrorContaining(BAD_DEFAULT).inFile(source).onLineContaining("@Default(\"ten\") int n");
    assertThat(c).hadErrorCount(1);
    assertEquals(List.of("good"), models.stream().map(dev.kfp4j.model.Pipeline::name).toList());
  }

  /** A pipeline calling one with an error is not written (what it would put in is unknown), and no error of its own. */
  @Test
  void aCallOfAPipelineWithAnErrorIsNoErrorOfItsOwn() {
    List<dev.kfp4j.model.Pipeline> models = new ArrayList<>();
    JavaFileObject source = testClass("P",
        "@Pipeline public static void inner(@Default(\"ten\") int n) { LibOps.add(n, 1); }",
        "@Pipeline public static void outer(int m) {",
        "  inner(m);",
        COMPUTED_ARGUMENT,
        "}",
        "@Pipeline public static void alone() { LibOps.add(1, 1); }");
    Compilation c = Compile.compile(models, PipelineErrorTest.OPS, source);
    assertThat(c).hadErrorContaining(BAD_DEFAULT).inFile(source).onLineContaining("@Default(\"ten\") int n");
    assertThat(c).hadErrorContaining("[kfp4j:UnsupportedArgument] 'String.valueOf(7)'").inFile(source).onLineContaining("String.valueOf(7)");
    assertThat(c).hadErrorCount(2);
    assertEquals(List.of("alone"), models.stream().map(dev.kfp4j.model.Pipeline::name).toList());
  }

  @Test
  void aPipelineClassClashHidesNoneOfTheBodysMistakes() {
    JavaFileObject source = testClass("P",
        "@Pipeline public static void p(int n) {",
        "  LibOps.add(n, 1);",
        COMPUTED_ARGUMENT,
        SECURITY_CONTEXT_TWICE,
        "}");
    Compilation c = compile(source, P_PIPELINE);
    assertThat(c).hadErrorContaining(CLASH).inFile(source).onLineContaining("public static void p(int n)");
    assertThat(c).hadErrorContaining("[kfp4j:UnsupportedArgument] 'String.valueOf(7)' cannot be passed to a task").inFile(source)
        .onLineContaining("String.valueOf(7)");
    assertThat(c).hadErrorContaining(BAD_SETTING).inFile(source).onLineContaining(".securityContext(true)");
    assertThat(c).hadErrorCount(3);
  }

  /** The pipelines beside one whose class clashes are read and written; javac's own errors are reported; it gets nothing. */
  @Test
  void aPipelineClassClashHidesNoOtherPipelinesMistakesNorJavacsAndTheOthersAreWritten() {
    List<dev.kfp4j.model.Pipeline> models = new ArrayList<>();
    JavaFileObject source = testClass("P",
        "@Pipeline public static void p() { LibOps.add(1, 2); }",
        "@Pipeline public static void good(int n) { LibOps.add(n, 1); }",
        "@Pipeline public static void bad() {",
        COMPUTED_ARGUMENT,
        "}");
    JavaFileObject other = testClass("B", "static int x() { return \"text\"; }");
    Compilation c = Compile.compile(models, PipelineErrorTest.OPS, source, P_PIPELINE, other);
    assertThat(c).hadErrorContaining(CLASH).inFile(source).onLineContaining("public static void p()");
    assertThat(c).hadErrorContaining("[kfp4j:UnsupportedArgument] 'String.valueOf(7)'").inFile(source).onLineContaining("String.valueOf(7)");
    assertThat(c).hadErrorContaining("incompatible types").inFile(other).onLineContaining("return \"text\"");
    assertThat(c).hadErrorCount(3);
    assertEquals(List.of("good"), models.stream().map(dev.kfp4j.model.Pipeline::name).toList());
  }

  /** Overloads whose classes would share a name: the first is written, the other is one error, beside its body's. */
  @Test
  void aClashWithAnotherPipelinesClassHidesNoneOfTheBodysMistakes() {
    List<dev.kfp4j.model.Pipeline> models = new ArrayList<>();
    JavaFileObject source = testClass("P",
        "@Pipeline(name = \"train\") public static void train() { LibOps.add(1, 2); }",
        "@Pipeline(name = \"train-2\") public static void train(int epochs) {",
        SECURITY_CONTEXT_TWICE,
        "}");
    Compilation c = Compile.compile(models, PipelineErrorTest.OPS, source);
    assertThat(c).hadErrorContaining("[kfp4j:PipelineClassClash] the class kfp4j generates for pipeline method 'train' would be named"
        + " 'test.TrainPipeline', which is what kfp4j generates for pipeline method 'test.P.train()' too").inFile(source)
        .onLineContaining("int epochs");
    assertThat(c).hadErrorContaining(BAD_SETTING).inFile(source).onLineContaining(".securityContext(true)");
    assertThat(c).hadErrorCount(2);
    assertEquals(List.of("train"), models.stream().map(dev.kfp4j.model.Pipeline::name).toList());
  }

  /** A component's error stops javac before it analyses any class: the clash is still reported, once, at the end. */
  @Test
  void aPipelineClassClashIsReportedWhenAComponentsErrorStopsJavac() {
    JavaFileObject component = testClass("C", "@Component public static int one(Thread t) { return 1; }");
    JavaFileObject pipeline = testClass("P", "@Pipeline public static void p() {", SECURITY_CONTEXT_TWICE, "}");
    Compilation c = compile(component, pipeline, P_PIPELINE);
    assertThat(c).hadErrorContaining("[kfp4j:UnsupportedParameterType] parameter 't'").inFile(component).onLineContaining("Thread t");
    assertThat(c).hadErrorContaining(CLASH).inFile(pipeline).onLineContaining("public static void p()");
    assertThat(c).hadErrorCount(2); // the body is not read: javac did not analyse it
  }

  /** A signature's error hides not that the pipeline's class would clash with a type: both in one build, each on its element. */
  @Test
  void aSignatureErrorHidesNotAClashOfThePipelinesClass() {
    JavaFileObject source = testClass("P",
        "@Pipeline",
        "public static void p(Thread t) { LibOps.add(1, 2); }");
    Compilation c = compile(source, P_PIPELINE);
    assertThat(c).hadErrorContaining("[kfp4j:PipelineParameterType] pipeline parameter 't' has type 'java.lang.Thread'")
        .inFile(source).onLineContaining("Thread t");
    assertThat(c).hadErrorContaining(CLASH).inFile(source).onLineContaining("@Pipeline");
    assertThat(c).hadErrorCount(2);
  }

  /** A signature with a type javac does not know hides not that its class's name is taken: in the build it is reported in. */
  @Test
  void anUnknownTypeHidesNotAClashOfThePipelinesClass() {
    JavaFileObject source = testClass("P",
        "@Pipeline",
        "public static void p(Missing m) { LibOps.add(1, 2); }");
    Compilation c = compile(source, P_PIPELINE);
    assertThat(c).hadErrorContaining("cannot find symbol").inFile(source).onLineContaining("Missing m");
    assertThat(c).hadErrorContaining("[kfp4j:UnresolvedType] @Pipeline method 'test.P.p(Missing)' was not compiled")
        .inFile(source).onLineContaining("Missing m");
    assertThat(c).hadErrorContaining(CLASH).inFile(source).onLineContaining("@Pipeline");
    assertThat(c).hadErrorCount(3);
  }
}
