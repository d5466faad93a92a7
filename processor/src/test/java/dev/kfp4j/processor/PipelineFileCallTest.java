package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.TaskResult;
import dev.kfp4j.local.Workflow;
import dev.kfp4j.testing.ArgoSchemas;
import dev.kfp4j.yaml.Yaml;
import java.io.File;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The call of a KFP 2 pipeline file's op ({@code @ImportComponents}) beyond {@link PipelineFileImportTest}: the settings
 * KFP takes on a loaded pipeline's task, a pipeline file giving a list of artifacts ({@code dsl.Collected}), a file in a
 * jar, and a file changed since a pipeline calling it was compiled. The ground truths in {@code
 * src/test/resources/kfppipelines/} were written by KFP's compiler from the scripts beside them.
 */
class PipelineFileCallTest {
  @TempDir Path dir;

  static final String ECHO = "kfppipelines/echo_message.yaml";
  static final String COLLECT = "kfppipelines/collect_reports.yaml";

  private static JsonNode kfp2(Compilation c, String name) {
    return PipelineFileImportTest.kfp2(c, name);
  }

  /** The Argo workflow of pipeline {@code name} that {@code c}, which succeeded, wrote, checked against Argo's schemas. */
  private static String argo(Compilation c, String name) {
    assertThat(c).succeededWithoutWarnings();
    String argo = Compile.resource(c, "META-INF/kfp4j/pipelines/" + name + ".yaml");
    ArgoSchemas.assertValid(argo, name + ".yaml");
    return argo;
  }

  private static JsonNode kfpFile(String file) {
    return PipelineFileImportTest.kfpFile(file);
  }

  private static RunResult run(Path root, String yaml, String name) {
    return LocalRunner.builder().root(root).caching(false).console(new PrintStream(OutputStream.nullOutputStream()))
        .progress(false).summary(false).build().run(Workflow.parse(yaml, name), Map.of());
  }

  static final JavaFileObject CALL_SETTINGS = PipelineFileImportTest.pipeline(
      "@Pipeline(name = \"call-settings\", formats = Format.KFP2) public static void p() {",
      "  ImportsOps.echoMessage(\"x\").displayName(\"Shown\").caching(false);",
      "  ImportsOps.echoMessage(\"y\").caching(true).cacheKey(\"v2\");",
      "  ImportsOps.echoMessage(\"z\");");

  /**
   * KFP's {@code set_display_name} and {@code set_caching_options} on a loaded pipeline's task: {@code displayName},
   * {@code caching} and {@code cacheKey} on the call, written on the call's task as KFP's compiler wrote {@code
   * call_settings.py}, and read back as the call's own.
   */
  @Test
  void displayNameAndCachingOnTheCallAreTheCallTasksAsKfpWritesThem() throws Exception {
    Compilation c = PipelineFileImportTest.compile(CALL_SETTINGS, ECHO);
    assertThat(c).succeededWithoutWarnings();
    assertThat(Compile.source(c, "test.ImportsOps")).contains("{@code cacheKey(...)}");
    String yaml = Compile.resource(c, "META-INF/kfp4j/kfp2/pipelines/call-settings.yaml");
    JsonNode ours = kfp2(c, "call-settings");
    JsonNode kfp = kfpFile("kfppipelines/call_settings.yaml");
    assertThat(ours.at("/root")).isEqualTo(kfp.at("/root"));
    assertThat(ours.at("/components")).isEqualTo(kfp.at("/components"));
    dev.kfp4j.model.Pipeline back = dev.kfp4j.format.kfp2.Kfp2Reader.readNested(yaml, "call-settings.yaml");
    assertThat(((dev.kfp4j.model.CalledPipeline) back.node("echo-message").orElseThrow()).settings()).containsExactly(
        new dev.kfp4j.model.TaskSetting.DisplayName("Shown"), new dev.kfp4j.model.RunSetting.Caching(false));
    assertThat(((dev.kfp4j.model.CalledPipeline) back.node("echo-message-2").orElseThrow()).settings()).containsExactly(
        new dev.kfp4j.model.RunSetting.CacheKey("v2"));
    RunResult r = run(dir, yaml, "call-settings.yaml");
    assertThat(r.failedTask().map(TaskResult::message)).isEmpty();
    assertThat(r.succeeded()).isTrue();
  }

  /**
   * In the Argo workflow (and so when run by the local runner) the call is flat: its display name and caching are its DAG
   * task's in KFP 2 only, and left out, as a called pipeline's are; its tasks keep their own. A cache key, which KFP v1's
   * cache has not, is a {@code NotInArgo} error there as on a task.
   */
  @Test
  void inTheArgoWorkflowTheCallIsFlatAndItsTasksKeepTheirOwnSettings() {
    JavaFileObject p = PipelineFileImportTest.pipeline("@Pipeline(name = \"flat\") public static void p() {",
        "  ImportsOps.echoMessage(\"x\").displayName(\"Shown\").caching(false);");
    Compilation c = PipelineFileImportTest.compile(p, ECHO);
    String argo = argo(c, "flat");
    assertThat(argo).contains("name: echo-message-echo-2");
    assertThat(argo).doesNotContain("Shown");
    assertThat(argo).doesNotContain("max_cache_staleness");
    assertThat(kfp2(c, "flat").at("/root/dag/tasks/echo-message/taskInfo/name").asString()).isEqualTo("Shown");
    JavaFileObject keyed = PipelineFileImportTest.pipeline("@Pipeline(name = \"keyed\") public static void p() {",
        "  ImportsOps.echoMessage(\"x\").cacheKey(\"v2\");");
    assertThat(PipelineFileImportTest.compile(keyed, ECHO)).hadErrorContaining("[kfp4j:NotInArgo] cacheKey(...)")
        .inFile(keyed).onLineContaining("cacheKey(\"v2\")");
  }

  /** A setting KFP does not take on a loaded pipeline's task stays an error on its line, naming those that apply. */
  @Test
  void anotherSettingOnTheCallSaysWhichApply() {
    JavaFileObject p = PipelineFileImportTest.pipeline("@Pipeline(name = \"outer\") public static void p() {",
        "  ImportsOps.echoMessage(\"x\").displayName(\"Shown\");",
        "  ImportsOps.echoMessage(\"y\").retries(2);");
    Compilation c = PipelineFileImportTest.compile(p, ECHO);
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[kfp4j:BadSetting] retries(...) sets one container task; 'echo-message-2' runs the KFP 2"
        + " pipeline " + ECHO + ", whose tasks take the settings its file gives them; only after(...), displayName(...),"
        + " caching(...) and cacheKey(...) apply to the call").inFile(p).onLineContaining("retries(2)");
  }

  static final JavaFileObject SHOW_REPORTS = PipelineFileImportTest.pipeline(
      "@Pipeline(name = \"show-reports\", formats = Format.KFP2) public static void p() {",
      "  var reports = ImportsOps.collectReports();",
      "  Dsl.forEach(reports.output(), r -> ImportsOps.hashFile(r));");

  /**
   * A pipeline file whose output is a list of artifacts (KFP's {@code dsl.Collected} returned as {@code List[Dataset]}): its
   * op's task gives a {@code List<Path>}, which the caller loops over, in KFP 2 as KFP's compiler wrote {@code
   * collect_reports_loaded.yaml} (an {@code artifactIterator} over the call's output), run by the local runner.
   */
  @Test
  void aPipelineFileGivingAListOfArtifactsIsLoopedOver() throws Exception {
    Compilation c = PipelineFileImportTest.compile(SHOW_REPORTS, COLLECT, ImportComponentsTest.HASH);
    assertThat(c).succeededWithoutWarnings();
    assertThat(Compile.source(c, "test.ImportsOps")).contains("public static ValueTask<List<Path>> collectReports()");
    JsonNode ours = kfp2(c, "show-reports");
    JsonNode kfp = kfpFile("kfppipelines/collect_reports_loaded.yaml");
    assertThat(ours.at("/root/dag/tasks/collect-reports")).isEqualTo(kfp.at("/root/dag/tasks/collect-reports"));
    assertThat(ours.at("/components/comp-collect-reports")).isEqualTo(kfp.at("/components/comp-collect-reports"));
    JsonNode loop = null;
    for (JsonNode t : ours.at("/root/dag/tasks")) {
      if (t.has("artifactIterator")) {
        loop = t;
      }
    }
    assertThat(loop).isNotNull();
    JsonNode kfpLoop = kfp.at("/root/dag/tasks/for-loop-1");
    assertThat(loop.get("artifactIterator")).isEqualTo(kfpLoop.get("artifactIterator"));
    assertThat(loop.get("inputs")).isEqualTo(kfpLoop.get("inputs"));
    assertThat(loop.get("dependentTasks")).isEqualTo(kfpLoop.get("dependentTasks"));
    RunResult r = run(dir, Compile.resource(c, "META-INF/kfp4j/kfp2/pipelines/show-reports.yaml"), "show-reports.yaml");
    assertThat(r.failedTask().map(TaskResult::message)).isEmpty();
    assertThat(r.succeeded()).isTrue();
    List<String> hashed = new ArrayList<>();
    for (TaskResult t : r.tasks()) {
      if (t.artifacts().containsKey("Hash")) { // a hash-file task, one an iteration
        hashed.add(Files.readString(t.artifacts().get("Hash")).strip());
      }
    }
    assertThat(hashed).containsExactly(sha256("report 1"), sha256("report 2"), sha256("report 3"));
  }

  /**
   * In a pipeline written for Argo too, the file's tasks are put in flat; its list of artifacts, which Argo has no form for,
   * is a {@code NotInArgo} error where it is read, as a called {@code @Pipeline}'s list is.
   */
  @Test
  void inTheArgoWorkflowTheListIsNotInArgoWhereItIsRead() {
    JavaFileObject flat = PipelineFileImportTest.pipeline("@Pipeline(name = \"reports\") public static void p() {",
        "  ImportsOps.collectReports();");
    assertThat(argo(PipelineFileImportTest.compile(flat, COLLECT), "reports")).contains("name: collect-reports-write-report");
    JavaFileObject loop = PipelineFileImportTest.pipeline("@Pipeline(name = \"show-reports\") public static void p() {",
        "  var reports = ImportsOps.collectReports();",
        "  Dsl.forEach(reports.output(), r -> ImportsOps.hashFile(r));");
    assertThat(PipelineFileImportTest.compile(loop, COLLECT, ImportComponentsTest.HASH)).hadErrorContaining("[kfp4j:NotInArgo] "
        + "output 'Output' of pipeline 'collect-reports' is a list of artifacts (KFP 2's List[Artifact] output), which only KFP 2"
        + " can pass on or loop over").inFile(loop).onLineContaining("Dsl.forEach");
  }

  private static String sha256(String text) throws Exception {
    return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
        .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  /**
   * A pipeline file in a jar on the compile classpath imports as one in the project's resources: the processor reads it
   * through the class path, as a component file from a jar.
   */
  @Test
  void aPipelineFileInAJarImportsAsOneInTheProject() throws Exception {
    Path jar = dir.resolve("flows.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("shared/flows/sum_and_product.yaml"));
      out.write(Yaml.resource(PipelineFileCallTest.class, PipelineFileImportTest.SUM_AND_PRODUCT)
          .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      out.closeEntry();
    }
    JavaFileObject p = PipelineFileImportTest.pipeline("@Pipeline(name = \"from-jar\") public static long p() {",
        "  return ImportsOps.sumAndProduct(3).product();");
    Compilation c = compileWith(jar, ImportComponentsTest.imports("shared/flows/sum_and_product.yaml"), p);
    assertThat(c).succeededWithoutWarnings();
    assertThat(Compile.source(c, "test.ImportsOps")).contains("from {@code shared/flows/sum_and_product.yaml}");
    JsonNode ours = kfp2(c, "from-jar");
    assertThat(ours.at("/components/comp-sum-and-product/dag"))
        .isEqualTo(kfpFile(PipelineFileImportTest.SUM_AND_PRODUCT).at("/root/dag"));
    RunResult r = run(dir.resolve("run"), Compile.resource(c, "META-INF/kfp4j/pipelines/from-jar.yaml"), "from-jar.yaml");
    assertThat(r.succeeded()).isTrue();
    assertThat(r.output("sum-and-product-multiply-container", "product")).isEqualTo("39"); // 3 * (3 + 10)
  }

  /**
   * The pipeline file changed, its imports compiled again without the pipeline that calls it (an IDE's partial build): a
   * {@code StalePipeline} error on the file's entry naming the pipeline's source, as for a changed component file; the
   * same file again compiles.
   */
  @Test
  void aPipelineFileChangedSinceItsCallerWasCompiledNamesTheCallersFile() throws Exception {
    String file = "flows/sum_and_product.yaml";
    String text = Yaml.resource(PipelineFileCallTest.class, PipelineFileImportTest.SUM_AND_PRODUCT);
    Path v1 = dir.resolve("v1");
    Files.createDirectories(v1.resolve("flows"));
    Files.writeString(v1.resolve(file), text);
    JavaFileObject caller = Compile.source("test.Caller", "package test;", "import dev.kfp4j.annotations.*;",
        "public class Caller {",
        "  @Pipeline(name = \"caller\") public static long caller() { return ImportsOps.sumAndProduct(3).product(); }",
        "}");
    JavaFileObject imports = ImportComponentsTest.importsOnLines(file);
    Compilation full = compileWith(v1, imports, caller);
    assertThat(full).succeededWithoutWarnings();
    Path classes = Compile.writeOutput(full, dir.resolve("classes"));
    // the same file: nothing is stale
    Files.createDirectories(classes.resolve("flows"));
    Files.writeString(classes.resolve(file), text);
    assertThat(Compile.compileAgainst(classes, imports)).succeededWithoutWarnings();
    // its default b changed from 10 to 20
    Files.writeString(classes.resolve(file), text.replace("defaultValue: 10.0", "defaultValue: 20.0"));
    assertThat(Files.readString(classes.resolve(file))).isNotEqualTo(text);
    Compilation alone = Compile.compileAgainst(classes, imports);
    assertThat(alone).hadErrorContaining("[kfp4j:StalePipeline] pipeline file 'sum-and-product' changed, but pipeline 'caller' in "
            + "test/Caller.java calls it, holds its earlier tasks and is not compiled now; compile test/Caller.java together with this file")
        .inFile(imports).onLineContaining("@ImportComponents"); // where a changed component file's is
    assertThat(alone).hadErrorCount(1);
    assertThat(Compile.compileAgainst(classes, imports, caller)).succeeded();
  }

  /** Compiles {@code sources} with {@code resources} (a folder or a jar) on the class path after the test's own. */
  private static Compilation compileWith(Path resources, JavaFileObject... sources) {
    List<File> classpath = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      classpath.add(new File(entry));
    }
    classpath.add(resources.toFile());
    return Compiler.javac().withProcessors(new Kfp4jProcessor()).withOptions("-Akfp4j.image=" + Compile.IMAGE, "-proc:full")
        .withClasspath(classpath).compile(sources);
  }
}
