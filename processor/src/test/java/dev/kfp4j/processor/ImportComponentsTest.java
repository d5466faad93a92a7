package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.kfp4j.testing.ArgoSchemas;
import dev.kfp4j.testing.Shared;
import dev.kfp4j.yaml.Yaml;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Typed ops from component YAML: the examples' own Python and shell components, and files written
 * by the KFP SDK and KFP's component library (from {@code ../shared}, for the tests that check
 * against them).
 */
class ImportComponentsTest {
  /** The examples' own component files, written for kfp4j in KFP's format: a Python add, a shell hash. */
  static final Path OWN = Path.of("../examples/src/main/resources");
  static final String ADD = "dev/kfp4j/examples/python/add.component.yaml";
  static final String HASH = "dev/kfp4j/examples/python/hash_file.component.yaml";

  /** Compiles with the examples' own component files on the classpath, as resources. */
  static Compilation compile(JavaFileObject... sources) {
    return compile(List.of(OWN), sources);
  }

  /**
   * Compiles with the KFP SDK's files and the component library on the classpath too; without
   * {@code ../shared} the test is skipped here.
   */
  static Compilation compileWithReferenceFiles(JavaFileObject... sources) {
    return compile(List.of(OWN, Shared.testdata("kfp-sdk-1.8.22"), Shared.testdata("kfp-components")), sources);
  }

  private static Compilation compile(List<Path> resources, JavaFileObject... sources) {
    List<File> classpath = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      classpath.add(new File(entry));
    }
    resources.forEach(r -> classpath.add(r.toFile()));
    return Compiler.javac().withProcessors(new Kfp4jProcessor()).withOptions("-Akfp4j.image=" + Compile.IMAGE)
        .withClasspath(classpath).compile(sources);
  }

  static final JavaFileObject SDK = Compile.testClass("Sdk",
      List.of("import dev.kfp4j.annotations.*;"),
      "@ImportComponents({\"add.component.yaml\", \"all_types.component.yaml\"})",
      "static final class Imports {}");

  static JavaFileObject imports(String... files) {
    StringBuilder list = new StringBuilder();
    for (String f : files) {
      list.append(list.length() == 0 ? "" : ", ").append('"').append(f).append('"');
    }
    return Compile.source("test.Imports", "package test;", "import dev.kfp4j.annotations.*;",
        "@ImportComponents({" + list + "})", "public final class Imports {}");
  }

  /** {@link #imports}, each file on a line of its own, as a user lists several. */
  static JavaFileObject importsOnLines(String... files) {
    List<String> lines = new java.util.ArrayList<>(List.of("package test;", "import dev.kfp4j.annotations.*;", "@ImportComponents({"));
    for (int i = 0; i < files.length; i++) {
      lines.add("    \"" + files[i] + "\"" + (i < files.length - 1 ? "," : ""));
    }
    lines.addAll(List.of("})", "public final class Imports {}"));
    return Compile.source("test.Imports", lines.toArray(String[]::new));
  }

  @Test
  void opsFromTheSdksOwnFiles() {
    Compilation c = compileWithReferenceFiles(imports("add.component.yaml", "all_types.component.yaml"));
    assertThat(c).succeededWithoutWarnings();
    Compile.javaGolden(c, "test.ImportsOps", "ImportComponentsTest", "opsFromTheSdksOwnFiles");
  }

  @Test
  void aPipelineMixesImportedAndJavaComponents() {
    JavaFileObject pipeline = Compile.testClass("P", List.of("import dev.kfp4j.annotations.*;", "import java.util.List;", "import java.nio.file.Path;"),
        "@Component public static int twice(int x) { return 2 * x; }",
        "@Component public static void makeCsv(@OutputPath(\"CSV\") Path outPath) {}",
        "@Pipeline(name = \"mixed\") public static void p(@Default(\"3\") long a) {",
        "  var sum = ImportsOps.add(a, 4);",
        "  var t = POps.twice((int) sum.output());",
        "  var csv = POps.makeCsv();",
        "  var all = ImportsOps.allTypes(\"s\", 1, 0.5, true, List.of(1), java.util.Map.of(), csv.out(), csv.out(), csv.out());",
        "  ImportsOps.add(t.output(), all.count());",
        "}");
    Compilation c = compileWithReferenceFiles(imports("add.component.yaml", "all_types.component.yaml"), pipeline);
    assertThat(c).hadErrorCount(0);
    String yaml = Compile.resource(c, "META-INF/kfp4j/pipelines/mixed.yaml");
    ArgoSchemas.assertValid(yaml, "mixed.yaml");
    JsonNode wf = Yaml.read(yaml);
    JsonNode add = null;
    JsonNode allTypes = null;
    for (JsonNode t : wf.at("/spec/templates")) {
      if (t.path("name").asString().equals("add")) {
        add = t;
      }
      if (t.path("name").asString().equals("all-types")) {
        allTypes = t;
      }
    }
    assertThat(add.at("/container/image").asString()).isEqualTo("python:3.7");
    assertThat(add.at("/container/args").toString())
        .isEqualTo("[\"--value-1\",\"{{inputs.parameters.value_1}}\",\"--value-2\",\"{{inputs.parameters.value_2}}\",\"----output-paths\",\"/tmp/outputs/Output/data\"]");
    // optional inputs left out are resolved away; defaults are given; files are artifacts
    String args = allTypes.at("/container/args").toString();
    assertThat(args).doesNotContain("--opt-s");
    assertThat(args).contains("\"--di\",\"{{inputs.parameters.di}}\"");
    assertThat(args).contains("\"--data\",\"/tmp/inputs/data/data\"");
    assertThat(allTypes.at("/outputs/artifacts").toString()).contains("\"name\":\"model\"");
  }

  @Test
  void libraryComponentsImportAsTypedOps() {
    JavaFileObject source = imports("components/XGBoost/Train/component.yaml", "components/json/Get_element_by_index/component.yaml",
        "components/basics/Calculate_hash/component.yaml");
    Compilation c = compileWithReferenceFiles(source);
    assertThat(c).succeeded();
    String ops = Compile.source(c, "test.ImportsOps");
    assertThat(ops).contains("public static XgboostTrainTask xgboostTrain(Path trainingData, Path startingModel,");
    assertThat(ops).contains("public static XgboostTrainTask xgboostTrain(Path trainingData) {");
    assertThat(ops).contains("public Path model()");
  }

  @Test
  void aMissingFileIsAnErrorOnTheAnnotation() {
    JavaFileObject source = imports("nope.component.yaml");
    assertThat(compile(source)).hadErrorContaining(
            "[kfp4j:ComponentFileNotFound] @ImportComponents names 'nope.component.yaml', which is neither in the class output nor on the classpath")
        .inFile(source).onLineContaining("@ImportComponents");
  }

  /** Each error is on the file's own entry (it was on the annotation's first line, whichever file it was about). */
  @Test
  void aFileWithALeadingSlashOrNamedTwiceIsAnErrorSayingWhatToWrite() {
    JavaFileObject source = Compile.source("test.Imports", "package test;", "import dev.kfp4j.annotations.*;", "@ImportComponents({",
        "    \"/" + ADD + "\",", "    \"" + HASH + "\",", "    \"" + HASH + "\" // again", "})", "public final class Imports {}");
    Compilation c = compile(source);
    assertThat(c).hadErrorContaining("[kfp4j:ComponentFileNotFound] @ImportComponents names '/" + ADD + "', which is neither in the"
        + " class output nor on the classpath; put it under src/main/resources or in a jar on the compile classpath; a classpath"
        + " resource is named without a leading '/': write '" + ADD + "'").inFile(source).onLineContaining("\"/" + ADD);
    assertThat(c).hadErrorContaining("[kfp4j:DuplicateComponent] @ImportComponents names '" + HASH + "' twice, which would make two"
        + " ops of one component; name each file once").inFile(source).onLineContaining("// again");
  }

  /** javac reads from a jar no file under a folder that is not a package's: the error says so, as nothing else would. */
  @Test
  void aMissingFileUnderAFolderNoPackageIsNamedSaysJavacReadsNoneFromAJar() {
    JavaFileObject source = imports("my-components/add.component.yaml");
    assertThat(compile(source)).hadErrorContaining("put it under src/main/resources or in a jar on the compile classpath; javac"
        + " reads a file from a jar only under folders named as Java packages, and 'my-components' is not one: in a jar, put it"
        + " under such folders (src/main/resources takes any), or put the jar on the processor path too (annotationProcessorPaths),"
        + " where kfp4j reads it through its class loader").inFile(source).onLineContaining("@ImportComponents");
  }

  /**
   * A file in a jar under a folder no package is named as ({@code components/my-comp/}), which javac's file manager does not
   * read, imports through the processor's class loader: javac loads the processor from the processor path, Maven's
   * annotationProcessorPaths, which holds the jar too, else from the class path, which holds it. It was a {@code
   * ComponentFileNotFound} error either way. javac runs here as Maven runs it (forked: in this JVM, the processor would load
   * from the test's class path, not javac's processor path), from a folder of sources to one of classes.
   */
  @Test
  void aFileInAJarUnderAFolderNoPackageIsNamedImportsFromTheProcessorsClassLoader(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path jar = dir.resolve("components.jar");
    try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(java.nio.file.Files.newOutputStream(jar))) {
      out.putNextEntry(new java.util.jar.JarEntry("components/my-comp/component.yaml"));
      out.write(java.nio.file.Files.readAllBytes(OWN.resolve(ADD)));
      out.closeEntry();
    }
    Path source = dir.resolve("src/test/Imports.java");
    java.nio.file.Files.createDirectories(source.getParent());
    java.nio.file.Files.writeString(source, imports("components/my-comp/component.yaml").getCharContent(true));
    String cp = System.getProperty("java.class.path") + File.pathSeparator + jar;
    for (List<String> paths : List.of(List.of("-classpath", cp, "-processorpath", cp), List.of("-classpath", cp))) {
      Path out = java.nio.file.Files.createDirectories(dir.resolve("out" + paths.size()));
      List<String> args = new ArrayList<>(paths);
      args.addAll(List.of("-proc:full", "-Akfp4j.image=" + Compile.IMAGE, "-d", out.toString(), "-s", out.toString(),
          source.toString()));
      args.add(0, Path.of(System.getProperty("java.home"), "bin", "javac").toString());
      Process javac = new ProcessBuilder(args).redirectErrorStream(true).start();
      String said = new String(javac.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(said).doesNotContain("error");
      assertThat(javac.waitFor()).isEqualTo(0);
      assertThat(java.nio.file.Files.readString(out.resolve("test/ImportsOps.java")))
          .contains("from {@code components/my-comp/component.yaml}");
    }
  }

  /** A single file, written without braces, has its error on it too. */
  @Test
  void aMissingFileWrittenAloneIsAnErrorOnIt() {
    JavaFileObject source = Compile.source("test.Imports", "package test;", "import dev.kfp4j.annotations.*;", "@ImportComponents(",
        "    \"nope.component.yaml\")", "public final class Imports {}");
    assertThat(compile(source)).hadErrorContaining("[kfp4j:ComponentFileNotFound] @ImportComponents names 'nope.component.yaml'")
        .inFile(source).onLineContaining("\"nope.component.yaml\")");
  }

  @Test
  void aBrokenFileIsAnErrorNamingTheFileLineAndField() {
    JavaFileObject source = importsOnLines("broken/workflow.yaml", "broken/typo.component.yaml", "broken/range.component.yaml");
    Compilation c = compile(source);
    // a workflow, not a component: the mapping that lacks 'implementation' starts at line 1
    assertThat(c).hadErrorContaining(
            "[kfp4j:BadComponentFile] @ImportComponents file broken/workflow.yaml:1:1: implementation: missing")
        .inFile(source).onLineContaining("broken/workflow.yaml");
    assertThat(c).hadErrorContaining(
            "[kfp4j:BadComponentFile] @ImportComponents file broken/typo.component.yaml:10:7: implementation.container.args[0]: "
                + "unknown placeholder 'inputValu'; did you mean 'inputValue'?")
        .inFile(source).onLineContaining("broken/typo.component.yaml");
    // what the KFP SDK refuses to load, kfp4j refuses to import
    assertThat(c).hadErrorContaining(
            "[kfp4j:BadComponentFile] @ImportComponents file broken/range.component.yaml:4:10: inputs[0].name: input 'from' "
                + "is a Python keyword, and the KFP SDK refuses to load the component ('from' is not a valid "
                + "parameter name); rename the input")
        .inFile(source).onLineContaining("broken/range.component.yaml");
  }

  /**
   * Text of a component file copied into the ops' Javadoc stays comment text: a Windows folder ({@code C:&#92;users}) was a
   * Unicode escape to javac, "illegal unicode escape" on the generated file (other backslashes stay as they are); a
   * {@code *}{@code /} would end the comment.
   */
  @Test
  void descriptionsWithBackslashesAndCommentEndsCompile() {
    Compilation c = compile(imports("testcomponents/windows_paths.component.yaml"));
    assertThat(c).succeededWithoutWarnings();
    String ops = Compile.source(c, "test.ImportsOps");
    assertThat(ops).contains(" * Copies C:&#92;users\\me\\data.csv to the output; a comment ends with *&#47; in Java.");
    assertThat(ops).contains(" * @param source a file under C:&#92;users, not *&#47; (optional: null leaves it out)");
    assertThat(ops).contains(" * Output {@code copy}: written to D:&#92;upload\\copy.csv.");
    assertThat(ops).contains("public static CopyFromDriveCTask copyFromDriveC(String source) {");
  }

  /**
   * An output named as a method every task has ({@code upstream()}, {@code hashCode()}, {@code finalize()}) gets an accessor
   * with a number, as names that clash otherwise do, and a pipeline reads it: the file's names cannot be renamed, and the
   * accessor of that name made javac fail on the generated class ("cannot override upstream() in dev.kfp4j.dsl.Task").
   */
  @Test
  void outputsNamedAsTaskMethodsGetAccessorsOfTheirOwn() {
    JavaFileObject pipeline = Compile.testClass("P", List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.dsl.Dsl;"),
        "@Component public static void show(String text, long n) {}",
        "@Pipeline(name = \"task-methods\", formats = Format.ARGO) public static void p() {",
        "  var t = ImportsOps.taskMethodOutputs();",
        "  POps.show(Dsl.value(t.upstream3()), Dsl.value(t.hashCode2()));",
        "}");
    Compilation c = compile(imports("testcomponents/task_method_outputs.component.yaml"), pipeline);
    assertThat(c).succeededWithoutWarnings();
    String ops = Compile.source(c, "test.ImportsOps");
    assertThat(ops).contains("@Op.Output(\"upstream\")\n    public Path upstream3() {");
    assertThat(ops).contains("@Op.Output(\"hash_code\")\n    public Path hashCode2() {");
    assertThat(ops).contains("@Op.Output(\"finalize\")\n    public Path finalize2() {");
    assertThat(ops).contains("@Op.Output(\"upstream2\")\n    public Path upstream2() {");
    String yaml = Compile.resource(c, "META-INF/kfp4j/pipelines/task-methods.yaml");
    assertThat(yaml).contains("{name: text, value: '{{tasks.task-method-outputs.outputs.parameters.upstream}}'}, "
        + "{name: 'n', value: '{{tasks.task-method-outputs.outputs.parameters.hash_code}}'}");
    ArgoSchemas.assertValid(yaml, "task-methods.yaml");
  }

  /**
   * A component named as a method of {@code Object} whose inputs are all optional ({@code Notify}) has an op with a number:
   * its overload without them, a static {@code notify()}, made javac fail on the generated class ("notify() in
   * ImportsOps cannot override notify() in java.lang.Object").
   */
  @Test
  void aComponentNamedAsAnObjectMethodGetsAnOpOfItsOwn() {
    JavaFileObject pipeline = Compile.testClass("P", List.of("import dev.kfp4j.annotations.*;"),
        "@Pipeline(name = \"notify-team\", formats = Format.ARGO) public static void p() {",
        "  ImportsOps.notify2();",
        "  ImportsOps.notify2(\"all done\");",
        "}");
    Compilation c = compile(imports("testcomponents/notify.component.yaml"), pipeline);
    assertThat(c).succeededWithoutWarnings();
    String yaml = Compile.resource(c, "META-INF/kfp4j/pipelines/notify-team.yaml");
    assertThat(yaml).contains("- {name: notify, template: notify, arguments: {parameters: [{name: message, value: done}]}}");
    assertThat(yaml).contains("- {name: notify-2, template: notify, arguments: {parameters: [{name: message, value: 'all done'}]}}");
    ArgoSchemas.assertValid(yaml, "notify-team.yaml");
  }

  @Test
  void aClassCannotBothDeclareAndImportComponents() {
    JavaFileObject source = Compile.source("test.Both", "package test;", "import dev.kfp4j.annotations.*;",
        "@ImportComponents(\"" + ADD + "\")", "public final class Both {",
        "  @Component public static int f(int a) { return a; }", "}");
    assertThat(compile(source)).hadErrorContaining(
            "[kfp4j:ImportClash] 'Both' has @Component methods and @ImportComponents, which would both write BothOps; import the components on another class")
        .inFile(source).onLineContaining("@ImportComponents");
  }

  /**
   * A task's {@code env(name, value)} naming a variable the imported component sets itself ({@code env: {ENV2: val0}}) gives it the
   * task's value, once, in the executor's env, as KFP's compiler writes {@code set_env_variable} (KFP's {@code pipeline_with_env.py}):
   * not a second entry of that name.
   */
  @Test
  void aTasksEnvReplacesTheComponentsOwnInKfp2(@org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
    java.nio.file.Files.writeString(dir.resolve("print_env.yaml"), String.join("\n", "name: Print env", "implementation:",
        "  container:", "    image: alpine", "    command: [sh, -c, 'echo $ENV1 $ENV2 $ENV3']", "    env:", "      ENV1: val0",
        "      ENV2: val0", ""));
    JavaFileObject p = Compile.source("test.P", "package test;", "import dev.kfp4j.annotations.*;",
        "public final class P {",
        "  @Pipeline(name = \"p\", formats = Format.KFP2) public static void p() {",
        "    ImportsOps.printEnv().env(\"ENV2\", \"val2\").env(\"ENV3\", \"val3\");",
        "  }",
        "}");
    Compilation c = compile(List.of(dir), imports("print_env.yaml"), p);
    assertThat(c).succeededWithoutWarnings();
    String yaml = Compile.resource(c, Kfp2PipelineTest.P2);
    JsonNode env = Yaml.readAll(yaml).get(0).at("/deploymentSpec/executors/exec-print-env/container/env");
    assertThat(env.toString()).isEqualTo("[{\"name\":\"ENV1\",\"value\":\"val0\"},{\"name\":\"ENV2\",\"value\":\"val2\"},"
        + "{\"name\":\"ENV3\",\"value\":\"val3\"}]");
  }
}
