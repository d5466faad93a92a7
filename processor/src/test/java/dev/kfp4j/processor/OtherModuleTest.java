package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.kfp4j.format.argo.ArgoReader;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Components and pipelines of another module of the project, on the class path as Maven gives them: its jar (installed),
 * or its classes folder (a reactor build, an IDE). Their ops and pipelines are called as this module's are. javac reads no
 * {@code META-INF} file from a jar (it lists a jar by package), so the processor reads their files from the jar of the class
 * that names them; and the other module's record of what it compiled is not taken for this module's.
 */
class OtherModuleTest {
  @TempDir Path dir;

  private Path libJar() {
    Compilation lib = Compile.compile(PipelineModelTest.LIB, NestedPipelineTest.INNER);
    assertThat(lib).succeeded();
    return Compile.writeJar(lib, dir.resolve("lib-1.0.jar"));
  }

  /**
   * The other module's classes folder on the class path, as a Maven reactor and an IDE give it: its pipelines index is
   * not this module's, so this module's own component named as one of its pipelines' ({@code add}) is no changed
   * component of those pipelines (a {@code StalePipeline} error before), and this module's index lists its own pipelines.
   */
  @Test
  void theOtherModulesClassesFolderIsNotAnEarlierCompilationOfThisOne() throws Exception {
    Compilation lib = Compile.compile(PipelineModelTest.LIB, NestedPipelineTest.INNER);
    assertThat(lib).succeeded();
    Path libClasses = Compile.writeOutput(lib, dir.resolve("lib/target/classes"));
    assertThat(Files.readString(libClasses.resolve(PipelineIndex.RESOURCE))).contains("\"inner\"");
    JavaFileObject mine = Compile.source("app.Mine", "package app;", "import dev.kfp4j.annotations.*;", "public class Mine {",
        "  @Component public static int add(int a, int b) { return a * b; }",
        "  @Pipeline(name = \"mine\") public static int mine(int n) { return MineOps.add(n, 2).output(); }",
        "}");
    Path out = Files.createDirectories(dir.resolve("app/target/classes"));
    assertThat(javac(out, libClasses, mine)).isEmpty();
    String index = Files.readString(out.resolve(PipelineIndex.RESOURCE));
    assertThat(index).contains("\"mine\"");
    assertThat(index).doesNotContain("\"inner\"");
    assertThat(javac(out, libClasses, mine)).isEmpty(); // compiled again, as a build does, over its own output
  }

  /**
   * This module's component named as one of the other module's: its file has the name of theirs, and a call of their op
   * would have taken this one's spec. The call is an error saying so; this module's own op is called as before.
   */
  @Test
  void aComponentNamedAsAnotherModulesOneIsAnErrorOnTheCallOfTheirs() throws Exception {
    JavaFileObject mine = Compile.source("app.Mine", "package app;", "import dev.kfp4j.annotations.*;", "public class Mine {",
        "  @Component public static int add(int a, int b) { return a * b; }",
        "  @Pipeline(name = \"mine\") public static int mine(int n) {",
        "    return test.LibOps.add(MineOps.add(n, 2).output(), 1).output(); // theirs",
        "  }",
        "}");
    Compilation c = Compile.compileAgainst(libJar(), mine);
    assertThat(c).hadErrorContaining("[kfp4j:DuplicateComponent] component name 'add' is already used by a component of this"
        + " build, whose file META-INF/kfp4j/components/add.yaml would take the place of the one test.LibOps reads from the class"
        + " path; set @Component(name = \"...\") to a unique name").inFile(mine).onLineContaining("// theirs");
    assertThat(c).hadErrorCount(1);

    Compilation lib = Compile.compile(PipelineModelTest.LIB);
    Path out = Files.createDirectories(dir.resolve("app/target/classes"));
    assertThat(javac(out, Compile.writeOutput(lib, dir.resolve("lib/target/classes")), mine)).containsExactly(
        "[kfp4j:DuplicateComponent] component name 'add' is already used by a component of this build, whose file"
        + " META-INF/kfp4j/components/add.yaml would take the place of the one test.LibOps reads from the class path; set"
        + " @Component(name = \"...\") to a unique name");
  }

  /**
   * This module's pipeline named as one of the other module's: both write {@code META-INF/kfp4j/pipelines/inner.yaml}, and a
   * class path holding both (the application's, its image's) gives one for both. It compiled without a word before; it is
   * an error on the pipeline's name now, naming the other module's class and jar, and what to write instead.
   */
  @Test
  void aPipelineNamedAsACompiledPipelineOfAnotherModulesJarIsAnError() throws Exception {
    Path jar = libJar();
    JavaFileObject mine = Compile.source("app.Mine", "package app;", "import dev.kfp4j.annotations.*;", "public class Mine {",
        "  @Pipeline(name = \"inner\") // mine",
        "  public static int mine(int n) { return test.LibOps.add(n, 2).output(); }",
        "}");
    Compilation c = Compile.compileAgainst(jar, mine);
    assertThat(c).hadErrorContaining(otherModules("inner", "test.Inner, in " + jar)).inFile(mine).onLineContaining("// mine");
    assertThat(c).hadErrorCount(1);
  }

  /**
   * A pipeline named as another module's compiled pipeline whose graph has a mistake too (a cycle): both errors come in one
   * compile. The name's error came only once the graph had none before, in the build after the cycle was fixed, though it
   * does not depend on the graph.
   */
  @Test
  void aPipelineNamedAsAnotherModulesOneIsReportedBesideItsGraphsMistakes() throws Exception {
    Path jar = libJar();
    JavaFileObject mine = Compile.source("app.Mine", "package app;", "import dev.kfp4j.annotations.*;", "public class Mine {",
        "  @Pipeline(name = \"inner\") // mine",
        "  public static void mine(int n) {",
        "    var a = test.LibOps.add(n, 2);",
        "    a.after(a); // cycle",
        "  }",
        "}");
    Compilation c = Compile.compileAgainst(jar, mine);
    assertThat(c).hadErrorContaining("[kfp4j:Cycle] tasks depend on each other in a cycle: add -> add").inFile(mine)
        .onLineContaining("// cycle");
    assertThat(c).hadErrorContaining("[kfp4j:DuplicatePipeline] pipeline name 'inner' is already used by a compiled pipeline"
        + " of another module on the class path (test.Inner, in " + jar + ")").inFile(mine).onLineContaining("// mine");
    assertThat(c).hadErrorCount(2);
  }

  /**
   * A pipeline named as another module's compiled pipeline whose signature has a mistake too (a parameter of a type a
   * pipeline cannot take), and its body one of its own (a cycle): the three errors come in one compile. The name's error
   * came only once the signature had none before, in the build after it was fixed, though it does not depend on it.
   */
  @Test
  void aPipelineNamedAsAnotherModulesOneIsReportedBesideItsSignaturesMistakes() throws Exception {
    Path jar = libJar();
    JavaFileObject mine = Compile.source("app.Mine", "package app;", "import dev.kfp4j.annotations.*;", "public class Mine {",
        "  @Pipeline(name = \"inner\") // mine",
        "  public static void mine(int n, Thread t) {",
        "    var a = test.LibOps.add(n, 2);",
        "    a.after(a); // cycle",
        "  }",
        "}");
    Compilation c = Compile.compileAgainst(jar, mine);
    assertThat(c).hadErrorContaining("[kfp4j:PipelineParameterType] pipeline parameter 't' has type 'java.lang.Thread'; use int,")
        .inFile(mine).onLineContaining("Thread t");
    assertThat(c).hadErrorContaining("[kfp4j:Cycle] tasks depend on each other in a cycle: add -> add").inFile(mine)
        .onLineContaining("// cycle");
    assertThat(c).hadErrorContaining(otherModules("inner", "test.Inner, in " + jar)).inFile(mine).onLineContaining("// mine");
    assertThat(c).hadErrorCount(3);
  }

  /**
   * Pipelines named as another module's compiled ones whose signatures have mistakes of which their bodies are not read (a
   * return type a pipeline has not) or not even checked (a type javac does not know): each name is an error on it beside
   * them, and javac's own.
   */
  @Test
  void aPipelineNamedAsAnotherModulesOneIsReportedBesideAnUnreadBodyOrAnUnknownType() throws Exception {
    Compilation lib = Compile.compile(PipelineModelTest.LIB, NestedPipelineTest.INNER);
    assertThat(lib).succeeded();
    Path libClasses = Compile.writeOutput(lib, dir.resolve("lib/target/classes"));
    JavaFileObject mine = Compile.source("app.Mine", "package app;", "import dev.kfp4j.annotations.*;", "import test.LibOps;",
        "public class Mine {",
        "  @Pipeline(name = \"inner\") // returns",
        "  public static Thread returns() { return null; }",
        "  @Pipeline(name = \"sums\") // unknown",
        "  public static void unknown(Missing m) { LibOps.add(1, 2); }",
        "}");
    Compilation c = Compile.compileAgainst(libClasses, mine);
    assertThat(c).hadErrorContaining("[kfp4j:PipelineReturnType] @Pipeline method 'returns' returns 'java.lang.Thread';")
        .inFile(mine).onLineContaining("public static Thread returns()");
    assertThat(c).hadErrorContaining(otherModules("inner", "test.Inner, in " + libClasses)).inFile(mine)
        .onLineContaining("// returns");
    assertThat(c).hadErrorContaining("cannot find symbol").inFile(mine).onLineContaining("Missing m");
    assertThat(c).hadErrorContaining("[kfp4j:UnresolvedType] @Pipeline method 'app.Mine.unknown(Missing)' was not compiled")
        .inFile(mine).onLineContaining("Missing m");
    assertThat(c).hadErrorContaining(otherModules("sums", "test.Inner, in " + libClasses)).inFile(mine)
        .onLineContaining("// unknown");
    assertThat(c).hadErrorCount(5);
  }

  /** The error of a pipeline {@code name} that another module's compiled pipeline on the class path, {@code holder}, has. */
  private static String otherModules(String name, String holder) {
    return "[kfp4j:DuplicatePipeline] pipeline name '" + name + "' is already used by a compiled pipeline of another module on the"
        + " class path (" + holder + "), whose files have the names this one's would have (META-INF/kfp4j/pipelines/" + name
        + ".yaml): a class path holding both gives one for both; set @Pipeline(name = \"...\") to a unique name, or rename the"
        + " method";
  }

  /**
   * The other module's classes folder, as a Maven reactor gives it, holding a pipeline of this one's name: an error, though
   * this module calls nothing of it. This module's own class output on the class path, as Maven gives it, holding what it
   * compiled before, is no other module: compiled again over it, its pipeline is no clash.
   */
  @Test
  void aPipelineNamedAsOneOfAnotherModulesClassesFolderIsAnErrorButNotAsOneOfThisModulesOutput() throws Exception {
    Compilation lib = Compile.compile(PipelineModelTest.LIB, NestedPipelineTest.INNER);
    assertThat(lib).succeeded();
    Path libClasses = Compile.writeOutput(lib, dir.resolve("lib/target/classes"));
    JavaFileObject clash = Compile.source("app.Mine", "package app;", "import dev.kfp4j.annotations.*;", "public class Mine {",
        "  @Component public static int times(int a, int b) { return a * b; }",
        "  @Pipeline public static int sums(int n) { return MineOps.times(n, 2).output(); }",
        "}");
    Path out = Files.createDirectories(dir.resolve("app/target/classes"));
    assertThat(javac(out, List.of(out, libClasses), clash)).containsExactly(otherModules("sums", "test.Inner, in " + libClasses));
    JavaFileObject mine = Compile.source("app.Mine", "package app;", "import dev.kfp4j.annotations.*;", "public class Mine {",
        "  @Component public static int times(int a, int b) { return a * b; }",
        "  @Pipeline(name = \"mine\") public static int mine(int n) { return MineOps.times(n, 2).output(); }",
        "}");
    assertThat(javac(out, List.of(out, libClasses), mine)).isEmpty();
    assertThat(out.resolve("META-INF/kfp4j/pipelines/mine.yaml").toFile().isFile()).isTrue();
    assertThat(javac(out, List.of(out, libClasses), mine)).isEmpty(); // compiled again, its earlier output on the class path
  }

  /** Compiles {@code sources} with javac into the folder {@code out} as Maven does (not in memory); javac's errors. */
  private static List<String> javac(Path out, Path libClasses, JavaFileObject... sources) throws IOException {
    return javac(out, List.of(libClasses), sources);
  }

  /**
   * Compiles {@code sources} with javac into the folder {@code out} as Maven does (not in memory), {@code classes} first on
   * the class path; javac's errors.
   */
  private static List<String> javac(Path out, List<Path> classes, JavaFileObject... sources) throws IOException {
    return Compile.intoFolder(out, classes, List.of(new Kfp4jProcessor()), sources).stream().map(d -> d.getMessage(Locale.ROOT))
        .toList();
  }

  @Test
  void anOpFromAJarIsCalledInBothFormats() {
    JavaFileObject user = Compile.testClass("User", NestedPipelineTest.HEADER,
        "@Pipeline(name = \"user\") public static int user(int n) {",
        "  return LibOps.add(LibOps.add(n, 1).output(), 2).output();",
        "}");
    Compilation c = Compile.compileAgainst(libJar(), user);
    assertThat(c).succeededWithoutWarnings();
    Pipeline argo = ArgoReader.read(Compile.resource(c, "META-INF/kfp4j/pipelines/user.yaml"), "user.yaml");
    assertThat(((Task) argo.node("add").orElseThrow()).arguments().get("a")).isEqualTo(new Argument.TaskOutput("add-2", "Output"));
    assertThat(((Task) argo.node("add").orElseThrow()).component().name()).isEqualTo("add");
    String kfp2 = Compile.resource(c, "META-INF/kfp4j/kfp2/pipelines/user.yaml");
    Compile.validKfp2(kfp2, "user.yaml");
    assertThat(Kfp2Reader.read(kfp2, "user.yaml").outputs()).containsKey("Output");
  }

  @Test
  void aPipelineFromAJarIsCalledInBothFormats() {
    JavaFileObject outer = Compile.testClass("Outer", NestedPipelineTest.HEADER,
        "@Pipeline(name = \"outer\") public static int outer(int n) {",
        "  int once = Inner.inner(n, 5);",
        "  var s = Inner.sums(once);",
        "  return LibOps.add(once, s.total()).output();",
        "}");
    Compilation c = Compile.compileAgainst(libJar(), outer);
    assertThat(c).succeededWithoutWarnings();
    Pipeline fromArgo = ArgoReader.read(Compile.resource(c, "META-INF/kfp4j/pipelines/outer.yaml"), "outer.yaml");
    assertThat(((Task) fromArgo.node("sums-add").orElseThrow()).arguments().get("b"))
        .isEqualTo(new Argument.TaskOutput("inner-add-2", "Output"));
    String kfp2 = Compile.resource(c, "META-INF/kfp4j/kfp2/pipelines/outer.yaml");
    Compile.validKfp2(kfp2, "outer.yaml");
    assertThat(((Task) Kfp2Reader.read(kfp2, "outer.yaml").node("add").orElseThrow()).arguments().get("b"))
        .isEqualTo(new Argument.TaskOutput("sums-add-2", "Output"));
  }

  /**
   * A pipeline on the class path whose workflow holds a template of another tool (its kfp4j labels gone) with what a run
   * does but the model does not carry (an output's valueFrom.default): refused on the call, as the workflow this one writes
   * would lose it, not dropped.
   */
  @Test
  void aPipelineFromTheClassPathWithWhatTheModelDoesNotCarryIsRefusedNotDropped() throws IOException {
    Compilation lib = Compile.compile(PipelineModelTest.LIB, NestedPipelineTest.INNER);
    assertThat(lib).succeeded();
    Path classes = Compile.writeOutput(lib, dir.resolve("lib-classes"));
    Path inner = classes.resolve("META-INF/kfp4j/pipelines/inner.yaml");
    tools.jackson.databind.JsonNode workflow = dev.kfp4j.yaml.Yaml.read(Files.readString(inner));
    for (tools.jackson.databind.JsonNode t : workflow.path("spec").path("templates")) {
      if (t.has("container")) {
        ((tools.jackson.databind.node.ObjectNode) t.path("metadata")).remove("labels");
        for (tools.jackson.databind.JsonNode p : t.path("outputs").path("parameters")) {
          ((tools.jackson.databind.node.ObjectNode) p.path("valueFrom")).put("default", "0");
        }
      }
    }
    Files.writeString(inner, dev.kfp4j.yaml.Yaml.jsonText(workflow));
    JavaFileObject outer = Compile.testClass("Outer", NestedPipelineTest.HEADER,
        "@Pipeline(name = \"outer\") public static int outer(int n) {",
        "  return Inner.inner(n, 5);",
        "}");
    Compilation c = Compile.compileAgainst(classes, outer);
    assertThat(c).hadErrorContaining("uses 'valueFrom.default', which kfp4j's model does not carry: the workflow written again would"
        + " lose it");
  }
}
