package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.TaskResult;
import dev.kfp4j.local.Workflow;
import dev.kfp4j.yaml.Yaml;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * KFP 2 pipeline files imported with {@code @ImportComponents}, as KFP's {@code load_component_from_file} loads them (the
 * Kubeflow docs' "Load and Share Components"): a typed op whose call runs the file's whole DAG, a pipeline in a pipeline,
 * nested in the KFP 2 spec as KFP's compiler nests it, flat in the Argo workflow when its tasks are Argo's, run by the local
 * runner. The files are in {@code src/test/resources/kfppipelines/} (its README says where each comes from).
 */
class PipelineFileImportTest {
  @TempDir Path dir;

  static final String COMPLEX = "kfppipelines/pipeline_in_pipeline_complex.yaml";
  static final String WITH_OUTPUTS = "kfppipelines/pipeline_with_outputs.yaml";
  static final String SUM_AND_PRODUCT = "kfppipelines/sum_and_product.yaml";

  static JavaFileObject pipeline(String annotation, String... body) {
    String[] lines = new String[body.length + 2];
    lines[0] = annotation;
    System.arraycopy(body, 0, lines, 1, body.length);
    lines[lines.length - 1] = "}";
    return Compile.testClass("P", List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.dsl.*;"), lines);
  }

  static Compilation compile(JavaFileObject pipeline, String... files) {
    return ImportComponentsTest.compile(ImportComponentsTest.imports(files), pipeline);
  }

  /** The KFP 2 spec of pipeline {@code name} that {@code c} wrote, checked against KFP's .proto. */
  static JsonNode kfp2(Compilation c, String name) {
    String yaml = Compile.resource(c, "META-INF/kfp4j/kfp2/pipelines/" + name + ".yaml");
    Compile.validKfp2(yaml, name + ".yaml");
    return Yaml.readAll(yaml).get(0);
  }

  /** The first document of the test resource {@code file}. */
  static JsonNode kfpFile(String file) {
    return Yaml.readAll(Yaml.resource(PipelineFileImportTest.class, file)).get(0);
  }

  /** The Kubeflow docs' example: its op takes the root's {@code msg} (default {@code Hello}); its loop and inner pipeline nest as they are in the file. */
  @Test
  void theDocsPipelineFileIsAnOpWhoseCallRunsItsDagAsKfpNestsIt() {
    Compilation c = compile(pipeline("@Pipeline(name = \"outer\", formats = Format.KFP2) public static void p(@Default(\"Hi\") String msg) {",
        "  ImportsOps.pipelineInPipelineComplex(msg);"), COMPLEX);
    assertThat(c).succeededWithoutWarnings();
    String ops = Compile.source(c, "test.ImportsOps");
    assertThat(ops).contains("public static VoidTask pipelineInPipelineComplex(String msg)");
    assertThat(ops).contains("public static VoidTask pipelineInPipelineComplex()");
    JsonNode ours = kfp2(c, "outer");
    JsonNode kfp = kfpFile(COMPLEX);
    JsonNode task = ours.at("/root/dag/tasks/pipeline-in-pipeline-complex");
    assertThat(task.at("/componentRef/name").asString()).isEqualTo("comp-pipeline-in-pipeline-complex");
    assertThat(task.at("/inputs/parameters/msg/componentInputParameter").asString()).isEqualTo("msg");
    // the file's root is the DAG component, its components carried over with the names they had (none is taken here)
    JsonNode comp = ours.at("/components/comp-pipeline-in-pipeline-complex");
    assertThat(comp.get("dag")).isEqualTo(kfp.at("/root/dag"));
    assertThat(comp.get("inputDefinitions")).isEqualTo(kfp.at("/root/inputDefinitions"));
    assertThat(comp.has("outputDefinitions")).isFalse(); // the file's pipeline gives no output
    for (String name : kfp.get("components").propertyNames()) {
      assertThat(ours.at("/components/" + name)).isEqualTo(kfp.at("/components/" + name));
    }
    assertThat(ours.at("/deploymentSpec/executors")).isEqualTo(kfp.at("/deploymentSpec/executors"));
  }

  /**
   * KFP's {@code pipeline_in_pipeline_loaded_from_yaml.py} loads {@code pipeline_with_outputs.yaml} and calls it with {@code
   * msg='Hello'}: what kfp4j writes for the call is what KFP's compiler wrote, the loaded root as {@code
   * comp-pipeline-in-pipeline}, its inner pipeline and its components as KFP has them.
   */
  @Test
  void aLoadedPipelineWithOutputsNestsAsKfpsCompilerWroteIt() {
    Compilation c = compile(pipeline("@Pipeline(name = \"outer\", formats = Format.KFP2) public static void p() {",
        "  ImportsOps.pipelineInPipeline(\"Hello\");"), WITH_OUTPUTS);
    assertThat(c).succeededWithoutWarnings();
    JsonNode ours = kfp2(c, "outer");
    JsonNode kfp = kfpFile("kfppipelines/pipeline_in_pipeline_loaded_from_yaml.yaml");
    for (String name : List.of("comp-pipeline-in-pipeline", "comp-inner-pipeline", "comp-print-op1", "comp-print-op1-2",
        "comp-print-op2")) {
      assertThat(ours.at("/components/" + name)).isEqualTo(kfp.at("/components/" + name));
    }
    JsonNode loaded = kfpFile(WITH_OUTPUTS);
    for (String name : List.of("exec-print-op1", "exec-print-op1-2", "exec-print-op2")) {
      // the same executors, but for the version of KFP each file was compiled with (kfp==2.14.3 in KFP's, 2.14.6 in the loaded)
      assertThat(ours.at("/deploymentSpec/executors/" + name + "/container/args"))
          .isEqualTo(kfp.at("/deploymentSpec/executors/" + name + "/container/args"));
      assertThat(ours.at("/deploymentSpec/executors/" + name + "/container/image"))
          .isEqualTo(kfp.at("/deploymentSpec/executors/" + name + "/container/image"));
      assertThat(ours.at("/deploymentSpec/executors/" + name)).isEqualTo(loaded.at("/deploymentSpec/executors/" + name));
    }
    assertThat(ours.at("/root/dag/tasks/pipeline-in-pipeline")).isEqualTo(kfp.at("/root/dag/tasks/pipeline-in-pipeline"));
  }

  static final JavaFileObject CHAIN = pipeline(
      "@Pipeline(name = \"chain\") public static long p(@Default(\"3\") long a) {",
      "  var first = ImportsOps.sumAndProduct(a);",                                   // b: its default, 10
      "  var second = ImportsOps.sumAndProduct(first.sum(), first.product());",       // a call's outputs into another
      "  ImportsOps.hashFile(first.report());",                                        // its artifact into a file input
      "  return second.product();");

  /** A pipeline file of container tasks, called twice, its outputs passed on: written for both formats. */
  @Test
  void aContainerPipelineFileWritesForBothFormats() {
    Compilation c = compile(CHAIN, SUM_AND_PRODUCT, ImportComponentsTest.HASH);
    assertThat(c).succeededWithoutWarnings();
    String ops = Compile.source(c, "test.ImportsOps");
    assertThat(ops).contains("public static SumAndProductTask sumAndProduct(long a, Long b)");
    assertThat(ops).contains("Adds two numbers, multiplies their sum by the first and writes a report.");
    assertThat(ops).contains("public Path report()");
    assertThat(ops).contains("A KFP 2 pipeline: a call runs its tasks where it is");
    JsonNode ours = kfp2(c, "chain");
    assertThat(ours.at("/root/dag/tasks").propertyNames()).containsExactly("hash-file", "sum-and-product", "sum-and-product-2");
    JsonNode second = ours.at("/root/dag/tasks/sum-and-product-2");
    assertThat(second.at("/componentRef/name").asString()).isEqualTo("comp-sum-and-product-2");
    assertThat(second.at("/inputs/parameters/a/taskOutputParameter/producerTask").asString()).isEqualTo("sum-and-product");
    assertThat(second.at("/inputs/parameters/a/taskOutputParameter/outputParameterKey").asString()).isEqualTo("sum");
    // the second call's components are renamed where the first's took the names, as KFP's compiler renames them
    assertThat(ours.at("/components/comp-sum-and-product-2/dag/tasks/add-container/componentRef/name").asString())
        .isEqualTo("comp-add-container-2");
    assertThat(ours.at("/components/comp-sum-and-product/dag/outputs")).isEqualTo(kfpFile(SUM_AND_PRODUCT).at("/root/dag/outputs"));
    String argo = Compile.resource(c, "META-INF/kfp4j/pipelines/chain.yaml");
    dev.kfp4j.testing.ArgoSchemas.assertValid(argo, "chain.yaml");
    assertThat(argo).contains("name: sum-and-product-add-container");
  }

  /** Run from either format: the imported pipeline's tasks run where the calls are, and their outputs are the calls'. */
  @Test
  void theCallsRunLocallyFromBothFormats() throws Exception {
    Compilation c = compile(CHAIN, SUM_AND_PRODUCT, ImportComponentsTest.HASH);
    assertThat(c).succeededWithoutWarnings();
    for (String folder : List.of("META-INF/kfp4j/kfp2/pipelines/", "META-INF/kfp4j/pipelines/")) {
      String yaml = Compile.resource(c, folder + "chain.yaml");
      RunResult r = LocalRunner.builder().root(dir.resolve(folder.contains("kfp2") ? "kfp2" : "argo")).caching(false)
          .console(new PrintStream(OutputStream.nullOutputStream())).progress(false).summary(false).build()
          .run(Workflow.parse(yaml, folder + "chain.yaml"), Map.of("a", "3"));
      assertThat(r.failedTask().map(TaskResult::message)).isEmpty();
      assertThat(r.succeeded()).isTrue();
      // 3 + 10 = 13, 3 * 13 = 39; then 13 + 39 = 52, 13 * 52 = 676
      String first = folder.contains("kfp2") ? "" : "sum-and-product-";
      assertThat(r.output(first + "add-container", "sum")).isEqualTo("13");
      assertThat(r.output(first + "multiply-container", "product")).isEqualTo("39");
      assertThat(r.output("sum-and-product-2-add-container", "sum")).isEqualTo("52");
      assertThat(r.output("sum-and-product-2-multiply-container", "product")).isEqualTo("676");
      Path report = r.task(first + "report-container").orElseThrow().artifacts().get("report");
      assertThat(Files.readString(report)).isEqualTo("sum 13, product 39\n");
      String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(report)));
      assertThat(Files.readString(r.task("hash-file").orElseThrow().artifacts().get("Hash"))).isEqualTo(sha256 + "\n");
      if (folder.contains("kfp2")) { // an Argo workflow has no pipeline outputs
        assertThat(r.output("Output")).isEqualTo("676");
      }
    }
  }

  /** The docs' file runs Python components through KFP 2's executor input, which Argo has not: an error on the call. */
  @Test
  void aPipelineFileOfPythonComponentsIsNotInArgo() {
    Compilation c = compile(pipeline("@Pipeline(name = \"outer\") public static void p() {",
        "  ImportsOps.pipelineInPipelineComplex(\"Hi\");"), COMPLEX);
    assertThat(c).hadErrorContaining("[kfp4j:NotInArgo]");
    assertThat(c).hadErrorContaining("'pipeline-in-pipeline-complex' runs the KFP 2 pipeline " + COMPLEX + ", whose task 'inner-pipeline-print-op1' runs"
        + " KFP 2's executor protocol ({{$}}) (component 'print-op1-2'), which KFP v1 (Argo) cannot run");
    assertThat(c).hadErrorContaining("@Pipeline(formats = Format.KFP2)");
    assertThat(c).hadErrorContainingMatch("NotInArgo").inFile(c.sourceFiles().stream()
        .filter(f -> f.getName().endsWith("P.java")).findFirst().orElseThrow()).onLineContaining("ImportsOps.pipelineInPipelineComplex");
  }

  /** after(call) waits for the whole pipeline: in KFP 2 for the call's task, in Argo for each of its tasks. */
  @Test
  void aCallWaitedForWaitsForAllItsTasks() {
    Compilation c = compile(pipeline("@Pipeline(name = \"waits\") public static void p() {",
        "  var first = ImportsOps.sumAndProduct(1);",
        "  ImportsOps.sumAndProduct(2).after(first);"), SUM_AND_PRODUCT);
    assertThat(c).succeededWithoutWarnings();
    JsonNode kfp2 = kfp2(c, "waits");
    assertThat(kfp2.at("/root/dag/tasks/sum-and-product-2/dependentTasks/0").asString()).isEqualTo("sum-and-product");
    JsonNode argo = Yaml.readAll(Compile.resource(c, "META-INF/kfp4j/pipelines/waits.yaml")).get(0);
    JsonNode dag = null;
    for (JsonNode t : argo.at("/spec/templates")) {
      if (t.has("dag")) {
        dag = t.get("dag");
      }
    }
    assertThat(dag).isNotNull();
    JsonNode waiting = null;
    for (JsonNode task : dag.get("tasks")) {
      if (task.get("name").asString().equals("sum-and-product-2-add-container")) {
        waiting = task;
      }
    }
    assertThat(waiting).isNotNull();
    assertThat(waiting.get("dependencies").toString()).contains("sum-and-product-add-container");
    assertThat(waiting.get("dependencies").toString()).contains("sum-and-product-multiply-container");
    assertThat(waiting.get("dependencies").toString()).contains("sum-and-product-report-container");
  }

  /** A pipeline file kfp4j cannot call (one with an exit handler) is an error on its entry in the annotation, saying what to do. */
  @Test
  void aPipelineFileWithAnExitHandlerIsAnErrorOnTheImport() {
    JavaFileObject imports = ImportComponentsTest.importsOnLines(SUM_AND_PRODUCT, "kfppipelines/pipeline_with_exit_handler.yaml");
    Compilation c = ImportComponentsTest.compile(imports);
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[kfp4j:BadComponentFile] @ImportComponents file kfppipelines/pipeline_with_exit_handler.yaml:"
        + " a KFP 2 pipeline with an exit handler, which kfp4j runs only as a pipeline of its own");
    assertThat(c).hadErrorContaining("Run this file as it is (kfp4j run -p FILE, kfp4j upload-pipeline)");
    assertThat(c).hadErrorContaining("BadComponentFile").inFile(imports).onLineContaining("pipeline_with_exit_handler.yaml");
  }

  /** Settings of one container do not apply to a pipeline's call; after(...) does. */
  @Test
  void aSettingOnTheCallIsAnErrorAfterIsNot() {
    Compilation c = compile(pipeline("@Pipeline(name = \"outer\", formats = Format.KFP2) public static void p() {",
        "  var first = ImportsOps.sumAndProduct(1);",
        "  ImportsOps.sumAndProduct(2).after(first);",
        "  ImportsOps.sumAndProduct(3).cpuLimit(\"1\");"), SUM_AND_PRODUCT);
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[kfp4j:BadSetting] cpuLimit(...) sets one container task; 'sum-and-product-3' runs the KFP 2"
        + " pipeline " + SUM_AND_PRODUCT);
  }

  static final String OPTIONAL_ARTIFACTS = "kfppipelines/optional_artifacts.yaml";

  /**
   * A pipeline file's optional artifacts, {@code dataset} passed into a pipeline of its own whose task reads it, {@code notes}
   * read by none: KFP's driver of a task reading an input artifact its DAG was not given fails it ({@code
   * resolveInputArtifact} in {@code backend/src/v2/driver/resolve.go}), so its call leaving {@code dataset} out is an error
   * where it does (the null, or the op without its optional inputs), naming the task that reads it; {@code notes} may be
   * left out. Before, any call compiled.
   */
  @Test
  void aCallLeavingOutAnOptionalArtifactTheFileReadsIsAnErrorOneItDoesNotReadIsNot() {
    JavaFileObject p = pipeline("@Pipeline(name = \"outer\", formats = Format.KFP2) public static void p() {",
        "  ImportsOps.optionalArtifacts(\"x\", Dsl.importer(\"gs://b/d\", dev.kfp4j.artifacts.Dataset.class).artifact(), null);",
        "  ImportsOps.optionalArtifacts(\"y\", null, Dsl.importer(\"gs://b/d\", dev.kfp4j.artifacts.Dataset.class).artifact());",
        "  ImportsOps.optionalArtifacts();");
    Compilation c = compile(p, OPTIONAL_ARTIFACTS);
    String reads = "which its task 'inner-pipeline' reads; KFP 2 runs a called pipeline as a DAG of its own";
    assertThat(c).hadErrorContaining("[kfp4j:OptionalParameter] this call of pipeline 'optional-artifacts' leaves out its "
        + "artifact 'dataset' (null), " + reads).inFile(p).onLineContaining("optionalArtifacts(\"y\", null,");
    assertThat(c).hadErrorContaining("[kfp4j:OptionalParameter] this call of pipeline 'optional-artifacts' leaves out its "
        + "artifact 'dataset', " + reads).inFile(p).onLineContaining("optionalArtifacts();");
    assertThat(c).hadErrorCount(2);
  }

  /** Its calls giving the artifact it reads, and leaving out the one it does not, are written as KFP's compiler nests them. */
  @Test
  void aCallLeavingOutAnOptionalArtifactTheFileDoesNotReadIsWritten() {
    Compilation c = compile(pipeline("@Pipeline(name = \"outer\", formats = Format.KFP2) public static void p() {",
        "  ImportsOps.optionalArtifacts(\"x\", Dsl.importer(\"gs://b/d\", dev.kfp4j.artifacts.Dataset.class).artifact(), null);"), OPTIONAL_ARTIFACTS);
    assertThat(c).succeededWithoutWarnings();
    JsonNode task = kfp2(c, "outer").at("/root/dag/tasks/optional-artifacts");
    assertThat(task.at("/inputs/artifacts").propertyNames()).containsExactly("dataset");
  }
}
