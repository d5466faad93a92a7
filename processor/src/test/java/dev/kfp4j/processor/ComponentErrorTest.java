package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.kfp4j.format.argo.ArgoRules;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ComponentYaml;
import dev.kfp4j.spec.ContainerSpec;
import dev.kfp4j.yaml.Yaml;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Each misuse of the component annotations is one javac error on the element, with its tag. */
class ComponentErrorTest {
  /** A class {@code test.C} holding {@code body}, with the usual imports. */
  static JavaFileObject component(String... body) {
    return Compile.testClass("C", List.of("import dev.kfp4j.annotations.*;", "import java.nio.file.Path;", "import java.util.*;"), body);
  }

  static Stream<Arguments> misuses() {
    return Stream.of(
        Arguments.of("kfp4j:NotStatic", "public int add(int a)",
            new String[] {"@Component public int add(int a) { return a; }"},
            "@Component method 'add' must be static: write 'public static int add(...)'"),
        Arguments.of("kfp4j:NotPublic", "static int add(int a)",
            new String[] {"@Component static int add(int a) { return a; }"},
            "must be public"),
        Arguments.of("kfp4j:NotInClass", "public static int add",
            new String[] {"public class Inner { @Component public static int add(int a) { return a; } }"},
            "@Component method 'add' must be declared in a top-level or static nested class, not in member class Inner, an inner "
                + "class: make it static, 'public static class Inner'"),
        Arguments.of("kfp4j:NotPublic", "public static int hid",
            new String[] {"private static class Hidden {", "  @Component public static int hid(int a) { return a; }", "}"},
            "@Component method 'hid' is in private class 'Hidden', which the generated ops and entrypoint cannot call; remove 'private' from class 'Hidden'"),
        Arguments.of("kfp4j:NotPublic", "public static int deep",
            new String[] {"private static class Hidden { public static class Deeper {", "  @Component public static int deep(int a) { return a; }", "} }"},
            "remove 'private' from class 'Hidden'"),
        Arguments.of("kfp4j:GenericMethod", "<T> int id",
            new String[] {"@Component public static <T> int id(int a) { return a; }"},
            "must not declare type parameters"),
        Arguments.of("kfp4j:UnsupportedParameterType", "Thread t",
            new String[] {"@Component public static int f(Thread t) { return 0; }"},
            "parameter 't' has type 'java.lang.Thread', which a component input cannot carry; use int, long"),
        Arguments.of("kfp4j:UnsupportedParameterType", "Path data",
            new String[] {"@Component public static int f(Path data) { return 0; }"},
            "parameter 'data' is a Path, which is a file only with @InputPath or @OutputPath: write @InputPath Path data for a file "
                + "the task reads, or @OutputPath Path data for one it writes"),
        Arguments.of("kfp4j:UnsupportedParameterType", "Optional<Path> data",
            new String[] {"@Component public static int f(Optional<Path> data) { return 0; }"},
            "parameter 'data' is an Optional<Path>, which is a file only with @InputPath or @OutputPath: write @InputPath "
                + "Optional<Path> data for a file the task reads"),
        Arguments.of("kfp4j:UnsupportedReturnType", "Runnable f",
            new String[] {"@Component public static Runnable f(int a) { return null; }"},
            "'f' returns 'java.lang.Runnable', which a component output cannot carry"),
        Arguments.of("kfp4j:OutputPathType", "int out",
            new String[] {"@Component public static void f(@OutputPath int out) {}"},
            "@OutputPath parameter 'out' has type 'int'; it must be java.nio.file.Path or String"),
        Arguments.of("kfp4j:InputPathType", "long in",
            new String[] {"@Component public static void f(@InputPath long in) {}"},
            "@InputPath parameter 'in' has type 'long'; it must be java.nio.file.Path, String or Optional<Path>"),
        Arguments.of("kfp4j:BothPaths", "Path p",
            new String[] {"@Component public static void f(@InputPath @OutputPath Path p) {}"},
            "has both @InputPath and @OutputPath"),
        Arguments.of("kfp4j:OutputPathOptional", "@Default(\"x\") @OutputPath",
            new String[] {"@Component public static void f(", "    @Default(\"x\") @OutputPath Path out) {}"},
            "@OutputPath parameter 'out' cannot be optional (it has @Default): KFP has no optional output, a task is always given "
                + "the path to write each output to; write '@OutputPath Path out'"),
        // Optional<Path> read 'has type java.util.Optional<java.nio.file.Path>; it must be java.nio.file.Path or String'
        Arguments.of("kfp4j:OutputPathOptional", "Optional<Path> out",
            new String[] {"@Component public static void f(", "    @OutputPath Optional<Path> out) {}"},
            "@OutputPath parameter 'out' cannot be optional (it is an Optional): KFP has no optional output, a task is always "
                + "given the path to write each output to; write '@OutputPath Path out'"),
        Arguments.of("kfp4j:OutputPathOptional", "Optional<String> log",
            new String[] {"@Component public static void f(", "    @OutputPath(\"Text\") Optional<String> log) {}"},
            "@OutputPath parameter 'log' cannot be optional (it is an Optional): KFP has no optional output, a task is always "
                + "given the path to write each output to; write '@OutputPath String log'"),
        Arguments.of("kfp4j:OutputPathOptional", "Optional<java.io.File> out",
            new String[] {"@Component public static void f(", "    @OutputPath Optional<java.io.File> out) {}"},
            "@OutputPath parameter 'out' cannot be optional (it is an Optional): KFP has no optional output, a task is always "
                + "given the path to write each output to; write '@OutputPath Path out'"),
        // @Nullable on an output path was taken without a word, though it leaves no output out
        Arguments.of("kfp4j:OutputPathOptional", "@Nullable @OutputPath",
            new String[] {"@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.CLASS) public @interface Nullable {}",
                "@Component public static void f(", "    @Nullable @OutputPath Path out) {}"},
            "@OutputPath parameter 'out' cannot be optional (it is @Nullable): KFP has no optional output, a task is always "
                + "given the path to write each output to; write '@OutputPath Path out'"),
        Arguments.of("kfp4j:DuplicateComponent", "name = \"same\") public static int two",
            new String[] {"@Component(name = \"same\") public static int one(int a) { return a; }",
                "@Component(description = \"the second\",", "    name = \"same\") public static int two(int a) { return a; }"},
            "component name 'same' is already used by test.C.one(int)"),
        Arguments.of("kfp4j:InvalidName", "name = \"Bad_Name\"",
            new String[] {"@Component(name = \"Bad_Name\") public static int f(int a) { return a; }"},
            "component name 'Bad_Name' is not valid: Kubernetes names use only lower-case letters, digits and '-', and start and end with a letter or digit; try 'bad-name'"),
        Arguments.of("kfp4j:InvalidName", "name = \"Bad_Name\")",
            new String[] {"@Component(", "    description = \"Adds.\",", "    name = \"Bad_Name\")", "public static int f(int a) { return a; }"},
            "component name 'Bad_Name' is not valid"),
        Arguments.of("kfp4j:InvalidName", "thisMethodNameIsFarTooLong",
            new String[] {"@Component public static int thisMethodNameIsFarTooLongForKubernetesWhichAllowsOnlySixtyThreeCharacters(int a) { return a; }"},
            "more than Kubernetes' 63"),
        Arguments.of("kfp4j:BadDefault", "@Default(\"five\")",
            new String[] {"@Component public static int f(", "    @Default(\"five\") int n) { return n; }"},
            "@Default(\"five\") of 'n' does not parse as an int: invalid int value: 'five'; write for example @Default(\"5\")"),
        Arguments.of("kfp4j:BadDefault", "@Default(\"1e40\")",
            new String[] {"@Component public static int f(", "    @Default(\"1e40\") float x) { return 0; }"},
            "float value out of range for a Java float: '1e40' (use double)"),
        Arguments.of("kfp4j:BadDefault", "@Default(\"31/01/2024\")",
            new String[] {"@Component public static int f(", "    @Default(\"31/01/2024\") java.time.LocalDate day) { return 0; }"},
            "@Default(\"31/01/2024\") of 'day' does not parse as a LocalDate: Text '31/01/2024' could not be parsed at index 0; "
                + "write for example @Default(\"2024-01-31\")"),
        Arguments.of("kfp4j:BadDefault", "@Default(\"15m\")",
            new String[] {"@Component public static int f(", "    @Default(\"15m\") java.time.Duration every) { return 0; }"},
            "does not parse as a Duration: Text cannot be parsed to a Duration; write for example @Default(\"PT15M\")"),
        Arguments.of("kfp4j:BadDefault", "@Default(\"maybe\")",
            new String[] {"@Component public static int f(", "    @Default(\"maybe\") boolean b) { return 0; }"},
            "does not parse as a boolean"),
        Arguments.of("kfp4j:BadDefault", "@Default(\"{}\")",
            new String[] {"@Component public static int f(", "    @Default(\"{}\") List<Integer> l) { return 0; }"},
            "does not parse as a JSON array: it is not a JSON array"),
        Arguments.of("kfp4j:BadDefault", "@Default(\"[1, \\\"a\\\"]\")",
            new String[] {"@Component public static int f(", "    @Default(\"[1, \\\"a\\\"]\") List<Integer> l) { return 0; }"},
            "does not parse as a JSON array: its element \"a\" is not of type Integer"),
        Arguments.of("kfp4j:BadDefault", "@Default(\"[\\\"x\\\"]\")",
            new String[] {"@Component public static int f(", "    @Default(\"[\\\"x\\\"]\") List<java.time.LocalDate> days) { return 0; }"},
            "@Default(\"[\"x\"]\") of 'days' does not parse as a JSON array: its element \"x\" is no LocalDate: Text 'x' could not be "
                + "parsed at index 0; write for example @Default(\"[\\\"2024-01-31\\\"]\")"),
        Arguments.of("kfp4j:BadDefault", "@Default(\"[5]\")",
            new String[] {"@Component public static int f(", "    @Default(\"[5]\") List<java.util.UUID> ids) { return 0; }"},
            "does not parse as a JSON array: its element 5 is no UUID: it is not a JSON string"),
        Arguments.of("kfp4j:BadDefault", "@Default(\"[1, 2\")",
            new String[] {"@Component public static int f(", "    @Default(\"[1, 2\") List<Integer> l) { return 0; }"},
            "@Default(\"[1, 2\") of 'l' does not parse as a JSON array: Unexpected end-of-input: expected close marker for Array; "
                + "write for example @Default(\"[1, 2]\")"),
        Arguments.of("kfp4j:NotInKfp2", "@Default(\"inf\")",
            new String[] {"@Component public static double f(", "    @Default(\"inf\") double x) { return x; }"},
            "@Default(\"inf\") of 'x' is no number KFP 2 can hold: its files keep numbers as JSON, which has no nan or infinity; "
                + "write a finite number, or compile for KFP v1 only (-Akfp4j.formats=argo)"),
        Arguments.of("kfp4j:BadDefault", "@Default(\"SLOW\")",
            new String[] {"public enum Mode { FAST, CAREFUL }", "@Component public static int f(", "    @Default(\"SLOW\") Mode m) { return 0; }"},
            "does not parse as enum Mode: it is none of [FAST, CAREFUL]; write for example @Default(\"FAST\")"),
        Arguments.of("kfp4j:DefaultOnOptional", "@Default(\"x\") Optional",
            new String[] {"@Component public static int f(", "    @Default(\"x\") Optional<String> s) { return 0; }"},
            "'s' is Optional and has a @Default; use one"),
        Arguments.of("kfp4j:DefaultOnPath", "@Default(\"x\") @InputPath",
            new String[] {"@Component public static int f(", "    @Default(\"x\") @InputPath Path data) { return 0; }"},
            "@InputPath parameter 'data' cannot have a @Default; make it Optional<Path>"),
        Arguments.of("kfp4j:UnloadableInput", "int from",
            new String[] {"@Component public static int f(int from) { return from; }"},
            "parameter 'from': input 'from' is a Python keyword, and the KFP SDK refuses to load the component "
                + "('from' is not a valid parameter name); rename the input"),
        Arguments.of("kfp4j:UnloadableInput", "Path inPath",
            new String[] {"@Component public static int f(@InputPath Path inPath) { return 0; }"},
            "parameter 'inPath': input 'in' is a Python keyword, and the KFP SDK refuses to load the component"),
        Arguments.of("kfp4j:DuplicateInput", "@InputPath Path dataPath",
            new String[] {"@Component public static int f(String data,", "    @InputPath Path dataPath) { return 0; }"},
            "input name 'data' of parameter 'dataPath' is already used by 'data'; rename one of the parameters"),
        Arguments.of("kfp4j:DuplicateInput", "public static int f(@OutputPath Path OutputPath)",
            new String[] {"@Component public static int f(@OutputPath Path OutputPath) { return 0; }"},
            "'f' returns its value as the output 'Output', which parameter OutputPath names too; rename that parameter"),
        Arguments.of("kfp4j:DuplicateInput", "public static R f",
            new String[] {"public record R(int total) {}", "@Component public static R f(@OutputPath Path totalPath) { return null; }"},
            "record component 'total' of 'R' is the output 'total', which parameter totalPath names too; rename one of them"),
        // the file output 'output' and the returned 'Output' are two outputs, but one task accessor output()
        Arguments.of("kfp4j:DuplicateInput", "@OutputPath Path outputPath",
            new String[] {"@Component public static int f(int a,", "    @OutputPath Path outputPath) { return 0; }"},
            "output 'output' of parameter 'outputPath' and the returned value 'Output' would both be the task's output(); "
                + "rename the parameter"),
        Arguments.of("kfp4j:DuplicateInput", "@Out dev.kfp4j.artifacts.Model output",
            new String[] {"@Component public static int f(int a,", "    @Out dev.kfp4j.artifacts.Model output) { return 0; }"},
            "output 'output' of parameter 'output' and the returned value 'Output' would both be the task's output(); "
                + "rename the parameter"),
        Arguments.of("kfp4j:OutputNameClash", "public static R f",
            new String[] {"public record R(int after) {}", "@Component public static R f(int a) { return null; }"},
            "output 'after' of component 'f' clashes with the task method 'after()'; rename the record component"),
        // Object's protected finalize() too: Path finalize() in the task class would not compile
        Arguments.of("kfp4j:OutputNameClash", "public static void f",
            new String[] {"@Component public static void f(@OutputPath Path finalizePath) {}"},
            "output 'finalize' of component 'f' clashes with the task method 'finalize()'; rename the parameter"),
        Arguments.of("kfp4j:RawType", "List l",
            new String[] {"@SuppressWarnings(\"rawtypes\") @Component public static int f(List l) { return 0; }"},
            "parameter 'l' has raw type 'java.util.List'; give its type arguments"),
        Arguments.of("kfp4j:MapKey", "Map<Integer, String> m",
            new String[] {"@Component public static int f(Map<Integer, String> m) { return 0; }"},
            "'m' is a Map with key type 'java.lang.Integer'; JSON objects have String keys: use Map<String, ...>"),
        Arguments.of("kfp4j:BadImage", "image = \"ghcr.io/MyOrg/app:1\"",
            new String[] {"@Component(image = \"ghcr.io/MyOrg/app:1\") public static int f(int a) { return a; }"},
            "@Component(image = \"ghcr.io/MyOrg/app:1\") is not a container image reference: the repository 'MyOrg/app' has upper-case letters, which image names may not (write 'myorg/app')"),
        Arguments.of("kfp4j:BadImage", "image = \"app:1 \"",
            new String[] {"@Component(image = \"app:1 \") public static int f(int a) { return a; }"},
            "is not a container image reference: it holds a space"),
        Arguments.of("kfp4j:ConstantTooLong", "@Default(LONG)",
            new String[] {"static final String LONG = \"" + "é".repeat(5_001) + "\";",
                "@Component public static int f(", "    @Default(LONG) String s) { return 0; }"},
            "@Default of 's' is 10002 bytes, over KFP's 10,000-byte parameter limit"),
        Arguments.of("kfp4j:BadKeyValue", "labels = \"Team Name=ml\"",
            new String[] {"@Component(labels = \"Team Name=ml\") public static int f(int a) { return a; }"},
            "@Component(labels = ...) entry 'Team Name=ml': 'Team Name' is not a Kubernetes key: a key is at most 63 letters, digits, '-', '_' and '.'"),
        Arguments.of("kfp4j:BadKeyValue", "labels = \"team=ml ops\"",
            new String[] {"@Component(labels = \"team=ml ops\") public static int f(int a) { return a; }"},
            "entry 'team=ml ops': 'ml ops' is not a Kubernetes label value"),
        Arguments.of("kfp4j:BadKeyValue", "labels = \"team\"",
            new String[] {"@Component(name = \"f\",", "    labels = \"team\") public static int f(int a) { return a; }"},
            "@Component(labels = ...) entry 'team' is not of the form \"key=value\""));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("misuses")
  void misuseIsAnErrorOnTheElement(String tag, String line, String[] body, String message) {
    JavaFileObject source = component(body);
    Compilation c = Compile.compile(source);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[" + tag + "]").inFile(source).onLineContaining(line);
    assertThat(c).hadErrorContaining(message);
  }

  /** A method with both annotations is one error, on it, and no error of it as a pipeline beside it. */
  @Test
  void aMethodThatIsBothAComponentAndAPipelineIsOneErrorOnIt() {
    JavaFileObject source = component(
        "@Component public static int f(int a) { return a; }",
        "@Component @Pipeline public static void both() { COps.f(1); }");
    Compilation c = Compile.compile(source);
    assertThat(c).hadErrorContaining("[kfp4j:ComponentAndPipeline] method 'both' has both @Component and @Pipeline, and a method is"
        + " one or the other: @Component for a step that runs in a container of its own, @Pipeline for a DAG whose body calls ops;"
        + " keep one of them").inFile(source).onLineContaining("void both()");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void noImageIsNoErrorTheComponentNamesThePlaceholderThatTheClusterCommandsRefuse() {
    JavaFileObject source = component(
        "@Component public static int f(int a) { return a; }",
        "@Component(image = \"registry.example.com/own:1\") public static int g(int a) { return a; }",
        "@Pipeline(name = \"p\") public static void p() { COps.g(COps.f(1).output()); }");
    Compilation c = Compile.compileWithoutImage(source);
    assertThat(c).succeededWithoutWarnings();
    ComponentSpec f = ComponentYaml.parse(Compile.resource(c, "META-INF/kfp4j/components/f.yaml"), "f.yaml");
    assertThat(f.container().image()).isEqualTo(ContainerSpec.NO_IMAGE);
    assertThat(f.container().image()).isEqualTo("kfp4j.invalid/no-image");
    JsonNode workflow = Yaml.read(Compile.resource(c, "META-INF/kfp4j/pipelines/p.yaml"));
    java.util.Map<String, String> images = new java.util.HashMap<>();
    workflow.at("/spec/templates").forEach(t -> images.put(t.path("name").asString(), t.at("/container/image").asString("")));
    assertThat(images).containsEntry("f", "kfp4j.invalid/no-image");
    assertThat(images).containsEntry("g", "registry.example.com/own:1");
    assertThat(ArgoRules.errors(workflow)).isEmpty();
  }

  @Test
  void anImageOptionThatIsNoImageReferenceIsAnError() {
    Compilation c = Compile.compileWithOptions(new java.util.ArrayList<>(), List.of("-Akfp4j.image=registry.example.com/Team/app:1"),
        component("@Component public static int f(int a) { return a; }"));
    assertThat(c).hadErrorContaining("[kfp4j:BadOption] processor option -Akfp4j.image=registry.example.com/Team/app:1: not a container"
        + " image reference: the repository 'Team/app' has upper-case letters, which image names may not (write 'team/app')");
  }

  @Test
  void aGeneratedClassWhoseNameIsTakenIsAnErrorNotACrash() {
    JavaFileObject lib = Compile.source("test.Lib", "package test;", "import dev.kfp4j.annotations.*;",
        "public class Lib {",
        "  @Component public static int add(int a) { return a; }",
        "  public static class Inner { @Component public static int x(int a) { return a; } }",
        "}");
    JavaFileObject own = Compile.source("test.LibOps", "package test;", "public class LibOps {}");
    JavaFileObject flat = Compile.source("test.Lib_Inner", "package test;", "import dev.kfp4j.annotations.*;",
        "public class Lib_Inner { @Component public static int y(int a) { return a; } }");
    Compilation c = Compile.compile(lib, own, flat);
    assertThat(c).hadErrorContaining("[kfp4j:GeneratedClassClash] the class 'test.LibOps' that kfp4j generates for 'test.Lib' is already"
        + " a type of this compilation; rename this class").inFile(lib).onLineContaining("public class Lib {");
    assertThat(c).hadErrorContaining("[kfp4j:GeneratedClassClash] the class 'test.Lib_InnerOps' that kfp4j generates for 'test.Lib_Inner'"
        + " is what kfp4j generates for 'test.Lib.Inner' too").inFile(flat).onLineContaining("public class Lib_Inner");
    assertThat(c).hadErrorCount(2);
  }

  /** No component of a class compiles: the clash of the class kfp4j would generate for it comes in the same build, not after. */
  @Test
  void aSignatureErrorHidesNotAClashOfTheGeneratedClass() {
    JavaFileObject source = component("@Component public static int one(Thread t) { return 1; }");
    JavaFileObject own = Compile.source("test.COps", "package test;", "public class COps {}");
    Compilation c = Compile.compile(source, own);
    assertThat(c).hadErrorContaining("[kfp4j:UnsupportedParameterType] parameter 't' has type 'java.lang.Thread'")
        .inFile(source).onLineContaining("Thread t");
    assertThat(c).hadErrorContaining("[kfp4j:GeneratedClassClash] the class 'test.COps' that kfp4j generates for 'test.C' is already"
        + " a type of this compilation; rename this class").inFile(source).onLineContaining("public class C {");
    assertThat(c).hadErrorCount(2);
  }

  /** A signature with a type javac does not know hides not that the generated class's name is taken: in the same build. */
  @Test
  void anUnknownTypeHidesNotAClashOfTheGeneratedClass() {
    JavaFileObject source = component("@Component public static int one(Missing m) { return 1; }");
    JavaFileObject own = Compile.source("test.COps", "package test;", "public class COps {}");
    Compilation c = Compile.compile(source, own);
    assertThat(c).hadErrorContaining("cannot find symbol").inFile(source).onLineContaining("Missing m");
    assertThat(c).hadErrorContaining("[kfp4j:UnresolvedType] @Component method 'test.C.one(Missing)' was not compiled")
        .inFile(source).onLineContaining("Missing m");
    assertThat(c).hadErrorContaining("[kfp4j:GeneratedClassClash] the class 'test.COps' that kfp4j generates for 'test.C' is already"
        + " a type of this compilation; rename this class").inFile(source).onLineContaining("public class C {");
    assertThat(c).hadErrorCount(3);
  }

  /**
   * A component whose signature has a type javac does not know is not checked, but its name is, beside javac's error: named
   * as another component, it is an error on its name, not one in the build after the type is fixed.
   */
  @Test
  void aComponentsUnknownTypeHidesNotThatItsNameIsAnotherComponents() {
    JavaFileObject known = Compile.source("test.D", "package test;", "import dev.kfp4j.annotations.*;", "public class D {",
        "  @Component(name = \"same\") public static int two(int a) { return a; }", "}");
    JavaFileObject source = component(
        "@Component(description = \"the second\",",
        "    name = \"same\") // unknown",
        "public static int one(Missing m) { return 1; }");
    Compilation c = Compile.compile(known, source);
    assertThat(c).hadErrorContaining("cannot find symbol").inFile(source).onLineContaining("Missing m");
    assertThat(c).hadErrorContaining("[kfp4j:UnresolvedType] @Component method 'test.C.one(Missing)' was not compiled")
        .inFile(source).onLineContaining("Missing m");
    assertThat(c).hadErrorContaining("[kfp4j:DuplicateComponent] component name 'same' is already used by test.D.two(int); set"
        + " @Component(name = \"...\") to a unique name").inFile(source).onLineContaining("// unknown");
    assertThat(c).hadErrorCount(3);
  }

  /** A component's signature error hides not that its name is another component's: each on its element, in one build. */
  @Test
  void aComponentsSignatureErrorHidesNotThatItsNameIsAnotherComponents() {
    JavaFileObject source = component(
        "@Component(name = \"same\") public static int one(Thread t) { return 1; }",
        "@Component(description = \"the second\",",
        "    name = \"same\") // two",
        "public int two() { return 1; }");
    Compilation c = Compile.compile(source);
    assertThat(c).hadErrorContaining("[kfp4j:UnsupportedParameterType] parameter 't' has type 'java.lang.Thread'")
        .inFile(source).onLineContaining("Thread t");
    assertThat(c).hadErrorContaining("[kfp4j:NotStatic] @Component method 'two' must be static").inFile(source)
        .onLineContaining("public int two()");
    assertThat(c).hadErrorContaining("[kfp4j:DuplicateComponent] component name 'same' is already used by test.C.one(Thread)")
        .inFile(source).onLineContaining("// two");
    assertThat(c).hadErrorCount(3);
  }

  /** {@code @Component(name)} written as a constant javac cannot resolve: javac's error, no kfp4j one of a name {@code <error>}. */
  @Test
  void aNameJavacCannotResolveIsNoNameOfItsOwn() {
    JavaFileObject source = component(
        "@Component(name = Missing.NAME) public static int same() { return 1; }",
        "@Component(name = Missing.NAME) public static int other() { return 1; }",
        "@Component(name = \"same\") public static int two() { return 1; }");
    Compilation c = Compile.compile(source);
    assertThat(c).hadErrorContaining("cannot find symbol").inFile(source).onLineContaining("int same()");
    assertThat(c).hadErrorContaining("cannot find symbol").inFile(source).onLineContaining("int other()");
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void allMistakesAreReportedInOneBuild() {
    JavaFileObject source = component(
        "@Component public int a(int x) { return x; }",
        "@Component public static int b(Thread t) { return 0; }",
        "@Component public static void c(@OutputPath int out) {}");
    Compilation c = Compile.compile(source);
    long errors = c.diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).count();
    assertThat(errors).isEqualTo(3);
  }
}
