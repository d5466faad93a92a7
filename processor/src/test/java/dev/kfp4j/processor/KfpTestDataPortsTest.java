package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.TaskResult;
import dev.kfp4j.local.Workflow;
import dev.kfp4j.yaml.Yaml;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * KFP's own test pipelines ({@code test_data/sdk_compiled_pipelines/valid}) ported to Java as a KFP 2 Python user would
 * write them (each {@code src/test/resources/kfp-ports/*.java}, its Javadoc naming the Python file): each compiles to a
 * spec of the structure KFP's compiler wrote for the Python ({@link SpecShape}: the same tasks, inputs, dependencies,
 * triggers, iterators, settings, definitions and types; {@code kfp-ports/kfp/} holds KFP's files), and runs here.
 */
class KfpTestDataPortsTest {
  @TempDir Path dir;

  private static Compilation compile(String port) {
    Compilation c = Compile.compile(JavaFileObjects.forResource(Objects.requireNonNull(
        KfpTestDataPortsTest.class.getClassLoader().getResource("kfp-ports/" + port + ".java"), port)));
    assertThat(c).succeeded();
    return c;
  }

  private static String kfp(String file) {
    return Yaml.resource(KfpTestDataPortsTest.class, "kfp-ports/kfp/" + file);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource({
      "IfElifElseComplex, if_elif_else_complex.yaml, lucky-number-pipeline",
      "IfElifElseWithOneofParameters, if_elif_else_with_oneof_parameters.yaml, outer-pipeline",
      "CrossLoopAfterTopology, cross_loop_after_topology.yaml, my-pipeline",
      "LoopConsumeUpstream, loop_consume_upstream.yaml, loop-consume-upstream",
      "ParallelForPipelineParam, pipeline_with_parallelfor_pipeline_param.yaml, pipeline-parallelfor-pipeline-param",
      "NestedPipelineOptInputs, nested_pipeline_opt_inputs_parent_level_compiled.yaml, nested-pipeline-opt-inputs-parent-level",
      "NestedPipelineOptInputs, nested_pipeline_opt_inputs_nil_compiled.yaml, nested-pipeline-opt-inputs-nil",
      "PipelineWithOutputs, pipeline_with_outputs.yaml, pipeline-in-pipeline",
      "PipelineWithPodMetadata, pipeline_with_pod_metadata.yaml, pipeline-with-pod-metadata",
      "SmallPorts, nested_parallel_for_secret.yaml, pipeline-4-nested-parallel-for-secret",
      "Loops, pipeline_with_loops.yaml, pipeline-with-loops",
      "Loops, pipeline_with_nested_loops.yaml, pipeline-with-nested-loops",
      "SmallPorts, pipeline_with_retry.yaml, test-pipeline",
      "SmallPorts, local_execution_pipeline_with_oneof.yaml, pipeline-with-oneof",
      "SmallPorts, pipeline_with_input_status_state.yaml, status-state-pipeline",
      "MultipleArtifactsNamedtuple, multiple_artifacts_namedtuple.yaml, multiple-artifacts-namedtuple-pipeline",
      "MixedParameters, mixed_parameters.yaml, mixed-parameters-pipeline",
      "DynamicImporterMetadata, pipeline_with_dynamic_importer_metadata.yaml, pipeline-with-importer",
      "ImporterWorkspace, pipeline_with_importer_workspace.yaml, pipeline-with-importer-workspace",
      "MissingKubernetesOptionalInputs, missing_kubernetes_optional_inputs.yaml, missing-kubernetes-optional-inputs-pipeline",
      "PipelineWithMetadataFields, pipeline_with_metadata_fields.yaml, dataset-concatenator",
      "PythonicArtifactsWithMultipleReturns, pythonic_artifacts_with_multiple_returns.yaml, split-datasets-and-return-first",
      "ParallelForListArtifacts, pipeline_with_parallelfor_list_artifacts_GH-12033.yaml, pipeline-parallelfor-artifacts",
      "NestedWithParameters, nested_with_parameters.yaml, math-pipeline",
      "EssentialPorts, pipeline_with_nested_conditions.yaml, nested-conditions-pipeline",
      "EssentialPorts, pipeline_with_condition.yaml, single-condition-pipeline",
      "EssentialPorts, pipeline_with_metrics_outputs.yaml, pipeline-with-metrics-outputs",
      "EssentialPorts, component_with_optional_inputs.yaml, v2-component-optional-input",
      "PlaceholderPorts, pipeline_with_after.yaml, pipeline-with-after",
      "PlaceholderPorts, pipeline_with_concat_placeholder.yaml, one-step-pipeline-with-concat-placeholder",
      "PlaceholderPorts, multiple_parameters_namedtuple.yaml, multiple-parameters-namedtuple-pipeline",
      "PlaceholderPorts, pipeline_with_reused_component.yaml, pipeline-with-reused-component",
      "KubernetesPorts, component_with_env_variable.yaml, pipeline-with-env-variable",
      "KubernetesPorts, pvc_mount.yaml, pvc-mount-pipeline",
      "PlaceholderPorts, placeholder_with_if_placeholder_none_input_value.yaml, one-step-pipeline-with-if-placeholder-supply-none",
      "FunctionsWithOutputs, lightweight_python_functions_with_outputs.yaml, functions-with-outputs",
      "NestedPipelineOptInputChildLevel, nested_pipeline_opt_input_child_level_compiled.yaml, nested-pipeline-opt-input-child-level"})
  void thePortCompilesToTheStructureKfpsCompilerWroteForThePython(String port, String kfpFile, String pipeline) {
    String ours = Compile.resource(compile(port), "META-INF/kfp4j/kfp2/pipelines/" + pipeline + ".yaml");
    // the groups' names too: a loop over constants is for-loop-2 with loop-item-param-1, and a chain's first branch is
    // numbered after the groups in it (if_elif_else_complex's condition-8), as KFP numbers them
    assertThat(SpecShape.of(ours)).isEqualTo(SpecShape.of(kfp(kfpFile)));
    Compile.validKfp2(ours, pipeline + ".yaml");
  }

  /**
   * KFP's essential/pipeline_with_after.py and pipeline_with_concat_placeholder.py load their components from text, and
   * essential/pipeline_with_reused_component.py from KFP 2's component file critical/add_numbers.yaml, which the port
   * imports from the same text and file ({@code kfp-ports/components/}), as does essential/pipeline_with_if_placeholder.py's
   * pipeline_none: each container, its image, command and arguments with their placeholders (a {@code concat}'s pieces
   * joined in one argument, an {@code if} of an input left out KFP 2's {@code IfPresent}), is the one KFP's compiler wrote.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"pipeline_with_after.yaml, pipeline-with-after",
      "pipeline_with_concat_placeholder.yaml, one-step-pipeline-with-concat-placeholder",
      "pipeline_with_reused_component.yaml, pipeline-with-reused-component",
      "placeholder_with_if_placeholder_none_input_value.yaml, one-step-pipeline-with-if-placeholder-supply-none"})
  void aComponentLoadedFromTextRunsTheContainerKfpWrote(String kfpFile, String pipeline) {
    String ours = Compile.resource(compile("PlaceholderPorts"), "META-INF/kfp4j/kfp2/pipelines/" + pipeline + ".yaml");
    assertThat(containers(ours)).isEqualTo(containers(kfp(kfpFile)));
  }

  /** The containers of a spec's executors (KFP writes one executor per task, kfp4j one per component). */
  private static java.util.Set<tools.jackson.databind.JsonNode> containers(String yaml) {
    java.util.Set<tools.jackson.databind.JsonNode> out = new java.util.HashSet<>();
    for (tools.jackson.databind.JsonNode executor : Yaml.readAll(yaml).get(0).at("/deploymentSpec/executors")) {
      out.add(executor.get("container"));
    }
    return out;
  }

  /**
   * KFP's {@code pvc_mount_subpath.py} (kfp-kubernetes' {@code mount_pvc(..., sub_path=...)}) comes with no compiled spec in
   * KFP's test data, so the port's is checked against what kfp-kubernetes' {@code mount_pvc} writes for each call (its {@code
   * PvcMount} message as JSON: the claim's parameter in {@code pvcNameParameter} and the deprecated field beside it, the
   * mount path and the sub-path) and against KFP 2's .proto files; each reader waits for its writer, as {@code .after} says.
   */
  @Test
  void pvcMountSubpathMountsEachTasksFolderOfTheClaimAsKfpKubernetesWritesIt() {
    String ours = Compile.resource(compile("KubernetesPorts"), "META-INF/kfp4j/kfp2/pipelines/pvc-mount-subpath-pipeline.yaml");
    Compile.validKfp2(ours, "pvc-mount-subpath-pipeline.yaml");
    List<tools.jackson.databind.JsonNode> docs = Yaml.readAll(ours);
    for (String task : List.of("write-to-models", "write-to-logs", "read-from-models", "read-from-logs")) {
      String sub = task.endsWith("models") ? "models" : "logs";
      assertThat(docs.get(1).at("/platforms/kubernetes/deploymentSpec/executors/exec-" + task + "/pvcMount").toString())
          .isEqualTo("[{\"componentInputParameter\":\"pvc_name\",\"mountPath\":\"/data\",\"pvcNameParameter\":"
              + "{\"componentInputParameter\":\"pvc_name\"},\"subPath\":\"" + sub + "\"}]");
    }
    assertThat(docs.get(0).at("/root/dag/tasks/read-from-models/dependentTasks").toString()).isEqualTo("[\"write-to-models\"]");
    assertThat(docs.get(0).at("/root/dag/tasks/read-from-logs/dependentTasks").toString()).isEqualTo("[\"write-to-logs\"]");
  }

  /**
   * KFP's {@code components_with_optional_artifacts.py} calls {@code inner_pipeline()} leaving out its optional artifact, which
   * KFP's compiler writes, but KFP's driver fails the task of that DAG reading it ({@code resolveInputArtifact} in {@code
   * backend/src/v2/driver/resolve.go}: "parent DAG does not have input artifact"; it is only compile-tested upstream): the
   * port's same call is an error on it, and without that call the port compiles to the structure KFP wrote less that call's
   * task.
   */
  @Test
  void componentsWithOptionalArtifactsCallLeavingTheArtifactOutIsAnErrorTheRestKfpsStructure() {
    String source = Yaml.resource(KfpTestDataPortsTest.class, "kfp-ports/ComponentsWithOptionalArtifacts.java");
    javax.tools.JavaFileObject port = JavaFileObjects.forSourceString("ports.ComponentsWithOptionalArtifacts", source);
    Compilation c = Compile.compile(port);
    assertThat(c).hadErrorContaining("[kfp4j:OptionalParameter] this call of pipeline 'inner-pipeline' leaves out its artifact "
        + "'dataset' (null)").inFile(port).onLineContaining("innerPipeline(null)");
    assertThat(c).hadErrorCount(1);
    String without = source.replace("    innerPipeline(null);\n", "");
    assertThat(without).isNotEqualTo(source);
    Compilation fine = Compile.compile(JavaFileObjects.forSourceString("ports.ComponentsWithOptionalArtifacts", without));
    assertThat(fine).succeeded();
    String ours = Compile.resource(fine, "META-INF/kfp4j/kfp2/pipelines/optional-artifact-pipeline.yaml");
    Compile.validKfp2(ours, "optional-artifact-pipeline.yaml");
    tools.jackson.databind.node.ObjectNode kfp = (tools.jackson.databind.node.ObjectNode) Yaml.readAll(
        kfp("components_with_optional_artifacts.yaml")).get(0);
    ((tools.jackson.databind.node.ObjectNode) kfp.at("/root/dag/tasks")).remove("inner-pipeline-2");
    assertThat(SpecShape.of(ours)).isEqualTo(SpecShape.of(Yaml.jsonText(kfp)));
  }

  /**
   * KFP's {@code artifacts_complex.py}: the root collects ({@code Dsl.collected()}, KFP's {@code dsl.Collected}) the artifacts of a
   * task of its loop and of a task under a condition in a loop nested in it, and gives both lists to a called pipeline taking
   * lists of artifacts ({@code Input[List[Dataset]]}): the whole spec has the structure KFP's compiler wrote, its groups'
   * names too, and the DAG outputs carrying the lists through the nested loop and condition are KFP's.
   */
  @Test
  void aCalledPipelineTakingListsOfArtifactsIsTheDagKfpWrote() {
    String ours = Compile.resource(compile("ArtifactsComplex"), "META-INF/kfp4j/kfp2/pipelines/math-pipeline.yaml");
    Compile.validKfp2(ours, "math-pipeline.yaml");
    assertThat(SpecShape.of(ours)).isEqualTo(SpecShape.of(kfp("artifacts_complex.yaml")));
    tools.jackson.databind.JsonNode spec = Yaml.readAll(ours).get(0);
    tools.jackson.databind.JsonNode sdk = Yaml.readAll(kfp("artifacts_complex.yaml")).get(0);
    for (String at : List.of("/components/comp-for-loop-2/dag/outputs", "/components/comp-for-loop-2/outputDefinitions",
        "/components/comp-for-loop-4/dag/outputs", "/components/comp-condition-5/dag/outputs", "/root/dag/outputs")) {
      assertThat(spec.at(at)).isEqualTo(sdk.at(at));
    }
  }

  /**
   * KFP's {@code collected_artifacts.py}: the called pipeline collecting, in its outer loop's body and through both loops,
   * what a task beside a pipeline called in its inner loop makes, and what that pipeline returns, is the DAG KFP's compiler
   * wrote (its parameter {@code char}, a Java keyword, is {@code chr}), and the caller gives the list it returns to a task.
   */
  @Test
  void collectedArtifactsCollectsInTheOuterLoopAndThroughBothLoopsAsKfpWroteIt() {
    Compilation c = compile("CollectedArtifacts");
    String ours = Compile.resource(c, "META-INF/kfp4j/kfp2/pipelines/collected-artifact-pipeline.yaml");
    Compile.validKfp2(ours, "collected-artifact-pipeline.yaml");
    String sdk = kfp("collected_artifacts.yaml").replaceAll("(?m)^(\\s+)char:$", "$1chr:").replace("componentInputParameter: char\n",
        "componentInputParameter: chr\n");
    assertThat(SpecShape.of(asRoot(ours, "comp-collecting-artifacts"))).isEqualTo(SpecShape.of(asRoot(sdk, "comp-collecting-artifacts")));
    tools.jackson.databind.JsonNode spec = Yaml.readAll(ours).get(0);
    tools.jackson.databind.JsonNode kfp = Yaml.readAll(sdk).get(0);
    for (String at : List.of("/components/comp-for-loop-1/dag/outputs", "/components/comp-for-loop-2/dag/outputs",
        "/components/comp-collecting-artifacts/dag/outputs", "/root/dag/tasks/read-models/inputs")) {
      assertThat(spec.at(at)).isEqualTo(kfp.at(at));
    }
  }

  /** Each id's models and datasets reach its iteration's tasks; all the models, the ids' order first, the root's task. */
  @Test
  void collectedArtifactsGivesEachIterationItsListsAndTheRootAllTheModels() throws IOException {
    RunResult r = run("CollectedArtifacts", "collected-artifact-pipeline", Map.of());
    assertThat(r.failedTask().map(t -> t.id() + ": " + t.message())).isEmpty();
    assertThat(r.output("read-models", "Output")).isEqualTo("x-s1,y-s1,z-s1,x-s2,y-s2,z-s2,x-s3,y-s3,z-s3");
    assertThat(r.tasks().stream().filter(t -> t.id().endsWith("read-models") && !t.id().equals("read-models"))
        .map(t -> t.id() + " " + t.outputs().get("Output")).sorted().toList()).containsExactly(
            "for-loop-1(0)/collecting-artifacts-read-models x-s1,y-s1,z-s1", "for-loop-1(1)/collecting-artifacts-read-models x-s2,y-s2,z-s2",
            "for-loop-1(2)/collecting-artifacts-read-models x-s3,y-s3,z-s3").inOrder();
    assertThat(r.tasks().stream().filter(t -> t.id().endsWith("read-datasets")).map(t -> t.outputs().get("Output")).toList())
        .containsExactly("x,y,z", "x,y,z", "x,y,z");
  }

  /** {@code yaml}'s spec with its component {@code component} (a DAG) as its root, so that SpecShape compares that DAG. */
  private static String asRoot(String yaml, String component) {
    tools.jackson.databind.node.ObjectNode spec = (tools.jackson.databind.node.ObjectNode) Yaml.readAll(yaml).get(0);
    spec.set("root", spec.at("/components/" + component));
    return Yaml.jsonText(spec); // JSON is YAML
  }

  /**
   * The first list holds 2, 4, 6 (one a loop's item), the second what the nested loop gave where its condition held, the outer
   * items first: 4, 6 three times (y = 1 is under the threshold 2), so 12 + 30 = 42; with threshold 3, 6 three times: 30.
   */
  @Test
  void theListsOfArtifactsReachTheCalledPipelinesTasks() throws IOException {
    RunResult r = run("ArtifactsComplex", "math-pipeline", Map.of());
    assertThat(r.failedTask().map(t -> t.id() + ": " + t.message())).isEmpty();
    TaskResult sum = r.task("add-two-ints").orElseThrow(() -> new AssertionError(r.tasks()));
    assertThat(Files.readString(sum.artifacts().get("out_dataset"))).isEqualTo("42");
    assertThat(Files.readString(r.task("add").orElseThrow().artifacts().get("out_dataset"))).isEqualTo("12");
    assertThat(Files.readString(r.task("add-2").orElseThrow().artifacts().get("out_dataset"))).isEqualTo("30");
    assertThat(r.tasks().stream().map(t -> t.id()).filter(id -> id.endsWith("/double-2")).sorted().toList()).containsExactly(
        "for-loop-2(0)/for-loop-4(1)/condition-5/double-2", "for-loop-2(0)/for-loop-4(2)/condition-5/double-2",
        "for-loop-2(1)/for-loop-4(1)/condition-5/double-2", "for-loop-2(1)/for-loop-4(2)/condition-5/double-2",
        "for-loop-2(2)/for-loop-4(1)/condition-5/double-2", "for-loop-2(2)/for-loop-4(2)/condition-5/double-2");
    RunResult three = run("ArtifactsComplex", "math-pipeline", Map.of("threshold", "3"));
    assertThat(Files.readString(three.task("add-2").orElseThrow().artifacts().get("out_dataset"))).isEqualTo("18");
  }

  /** The values of the nested loop's task, 2x + 2y, reach the task after both loops as one flat list, x's order first. */
  @Test
  void theValuesOfTheNestedLoopReachTheTaskAfterBothLoops() throws IOException {
    RunResult r = run("NestedWithParameters", "math-pipeline", Map.of());
    assertThat(r.failedTask().map(t -> t.id() + ": " + t.message())).isEmpty();
    assertThat(r.output("add", "Output")).isEqualTo("72"); // 2x + 2y over the 9 pairs: 3 * (2 + 4 + 6) twice
    assertThat(r.output("for-loop-2(1)/for-loop-4(2)/add-two-nums", "Output")).isEqualTo("10");
  }

  /**
   * A local run gives the pipeline's outputs, as kfp.local gives a pipeline task's {@code .output}: an artifact a called
   * pipeline returned, as its file; a list of artifacts collected through nested loops, as a JSON list of their files in
   * the order of the items.
   */
  @Test
  void aLocalRunGivesThePipelinesOutputs() throws IOException {
    RunResult called = run("PipelineWithOutputs", "pipeline-in-pipeline", Map.of());
    assertThat(called.outputs().keySet()).containsExactly("Output");
    assertThat(Files.readString(Path.of(called.output("Output")))).isEqualTo("world\n");
    RunResult collected = run("CollectedArtifacts", "collecting-artifacts", Map.of("model_ids", "s1,s2", "model_chars", "x,y"));
    assertThat(collected.failedTask().map(t -> t.id() + ": " + t.message())).isEmpty();
    List<String> models = new ArrayList<>();
    for (tools.jackson.databind.JsonNode file : Yaml.readJson(collected.output("Output"))) {
      models.add(Files.readString(Path.of(file.asString())));
    }
    assertThat(models).containsExactly("x-s1", "y-s1", "x-s2", "y-s2").inOrder();
  }

  /**
   * The ports of essential/pipeline_with_nested_conditions.py, pipeline_with_metrics_outputs.py,
   * critical/component_with_optional_inputs.py, multiple_parameters_namedtuple.py, essential/component_with_env_variable.py,
   * lightweight_python_functions_with_outputs.py and parallel_and_nested/nested_pipeline_opt_input_child_level.py run
   * here: the outer condition (always true) runs, the inner one when the second and third coins agree; each metrics task
   * logs its accuracy, the loop's once an item; the input left out is absent; the NamedTuple comes back through both
   * called pipelines; the task reads the variable set on it; the returned Dataset reaches the NamedTuple's task, whose
   * value, metric and model are its own; each task of the called pipeline gets the call's value or the default, as its
   * check expects.
   */
  @Test
  void theEssentialPortsRunAsKfpsTestsExpect() throws IOException {
    RunResult nested = run("EssentialPorts", "nested-conditions-pipeline", Map.of());
    assertThat(nested.failedTask().map(t -> t.id() + ": " + t.message())).isEmpty();
    String flip3 = nested.output("condition-1/flip-coin-op-3", "Output");
    assertThat(log(nested, "condition-1/print-op-3")).isEqualTo(flip3);
    boolean agree = nested.output("flip-coin-op-2", "Output").equals(flip3);
    assertThat(nested.task("condition-1/condition-2/print-op-4").filter(t -> t.state() == TaskResult.State.Succeeded).isPresent())
        .isEqualTo(agree);
    RunResult metrics = run("EssentialPorts", "pipeline-with-metrics-outputs", Map.of());
    List<String> logged = new ArrayList<>();
    for (TaskResult t : metrics.tasks()) {
      if (!t.metrics().isEmpty()) {
        logged.add(t.id() + " " + t.metrics().keySet());
      }
    }
    assertThat(logged).containsExactly("output-metrics [accuracy]", "for-loop-2(0)/output-metrics-2 [accuracy]",
        "for-loop-2(1)/output-metrics-2 [accuracy]");
    RunResult optional = run("EssentialPorts", "v2-component-optional-input", Map.of());
    assertThat(log(optional, "component-op")).isEqualTo("input1: Hello, input2: World, input3: None");
    RunResult tuple = run("PlaceholderPorts", "multiple-parameters-namedtuple-pipeline", Map.of());
    assertThat(log(tuple, "crust-comp")).isEqualTo("val1: foo\nval2: bar");
    RunResult env = run("KubernetesPorts", "pipeline-with-env-variable", Map.of());
    assertThat(env.output("Output")).isEqualTo("env_var_value");
    RunResult outputs = run("FunctionsWithOutputs", "functions-with-outputs",
        Map.of("first_message", "a", "second_message", "b", "first_number", "1", "second_number", "2"));
    TaskResult tuple2 = outputs.task("output-named-tuple").orElseThrow();
    assertThat(tuple2.outputs()).containsExactly("scalar", "123");
    assertThat(tuple2.metrics()).containsExactly("accuracy", 0.9);
    assertThat(Files.readString(tuple2.outputArtifacts().get("model").path())).isEqualTo("Model contents: ab\nab\nab");
    RunResult childLevel = run("NestedPipelineOptInputChildLevel", "nested-pipeline-opt-input-child-level", Map.of());
    assertThat(childLevel.failedTask().map(t -> t.id() + ": " + t.message())).isEmpty();
    assertThat(childLevel.tasks().stream().filter(t -> t.state() == TaskResult.State.Succeeded).count())
        .isEqualTo(6);
  }

  private RunResult run(String port, String pipeline, Map<String, String> arguments) throws IOException {
    Compilation c = compile(port);
    Path classes = Compile.writeOutput(c, dir.resolve("classes"));
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      return LocalRunner.builder().root(dir.resolve("run")).caching(false).console(new PrintStream(OutputStream.nullOutputStream()))
          .classLoader(loader).progress(false).summary(false).build()
          .run(Workflow.parse(Compile.resource(c, "META-INF/kfp4j/kfp2/pipelines/" + pipeline + ".yaml"), pipeline + ".yaml"), arguments);
    }
  }

  private static String log(RunResult r, String task) throws IOException {
    return Files.readString(r.task(task).orElseThrow(() -> new AssertionError("no task " + task + " in " + r.tasks())).log()).strip();
  }

  /** Each trial draws a number over 5000 (the port's, to be sure which branch runs): the Elif branch's OneOf, and the Collected numbers. */
  @Test
  void ifElifElseComplexTakesTheElifBranchOfEachTrialAndCollectsTheNumbers() throws IOException {
    RunResult r = run("IfElifElseComplex", "lucky-number-pipeline", Map.of("trials", "[1, 2]"));
    assertThat(r.failedTask().map(t -> t.id() + ": " + t.message())).isEmpty();
    for (int i = 0; i < 2; i++) {
      String n = r.output("for-loop-1/int-0-to-9999".replace("for-loop-1", "for-loop-1(" + i + ")"), "Output");
      String expected = Integer.parseInt(n) % 2 == 0 ? "Got a high even number!" : "Got a high odd number!";
      assertThat(r.output("for-loop-1(" + i + ")/condition-branches-4/condition-9/print-and-return-7", "Output")).isEqualTo(expected);
    }
    assertThat(log(r, "print-ints")).isEqualTo("[" + r.output("for-loop-1(0)/int-0-to-9999", "Output") + ", "
        + r.output("for-loop-1(1)/int-0-to-9999", "Output") + "]");
  }

  /** The die draws (the port's): the called pipeline gives its Else branch's value, written to a file, to the caller's task. */
  @Test
  void ifElifElseWithOneofParametersGivesTheElseBranchsFileValueToTheCaller() throws IOException {
    RunResult r = run("IfElifElseWithOneofParameters", "outer-pipeline", Map.of());
    assertThat(r.failedTask().map(t -> t.id() + ": " + t.message())).isEmpty();
    assertThat(r.output("print-and-return", "Output")).isEqualTo("Draw!");
  }

  @Test
  void theParentsArgumentsReachTheCalledPipelinesTasksAndLeftOutOnesStayUnset() throws IOException {
    RunResult r = run("NestedPipelineOptInputs", "nested-pipeline-opt-inputs-parent-level", Map.of());
    assertThat(r.failedTask().map(t -> t.id() + ": " + t.message())).isEmpty();
    assertThat(r.tasks()).hasSize(6);
    RunResult nil = run("NestedPipelineOptInputs", "nested-pipeline-opt-inputs-nil", Map.of());
    assertThat(nil.failedTask().map(t -> t.id() + ": " + t.message())).isEmpty();
    assertThat(nil.tasks()).hasSize(3);
    RunResult other = run("NestedPipelineOptInputs", "nested-pipeline-opt-inputs-parent-level", Map.of("inputInt", "5"));
    assertThat(other.failedTask().map(TaskResultName::of)).hasValue("component-nil-int-default");
  }

  @Test
  void eachTaskReadsItsOwnPodLabelsAndAnnotationsAsKfpsTestExpects() throws IOException {
    RunResult r = run("PipelineWithPodMetadata", "pipeline-with-pod-metadata", Map.of());
    assertThat(r.failedTask().map(t -> t.id() + ": " + t.message())).isEmpty();
    assertThat(r.tasks()).hasSize(5);
  }

  @Test
  void artifactsAndValuesComeBackThroughCalledPipelines() throws IOException {
    RunResult artifacts = run("MultipleArtifactsNamedtuple", "multiple-artifacts-namedtuple-pipeline", Map.of());
    assertThat(log(artifacts, "crust-comp")).isEqualTo("ds1: foo, ds2: bar");
    RunResult values = run("MixedParameters", "mixed-parameters-pipeline", Map.of());
    assertThat(log(values, "crust-comp")).isEqualTo("sum : 3");
    RunResult outputs = run("PipelineWithOutputs", "pipeline-in-pipeline", Map.of());
    assertThat(outputs.output("inner-pipeline-print-op1", "Output")).isEqualTo("world");
    RunResult imported = run("ImporterWorkspace", "pipeline-with-importer-workspace", Map.of());
    assertThat(imported.output("read-dir", "Output")).isEqualTo("part-000.txt,part-001.txt");
    // the text returned, its newline kept, as KFP's launcher takes an executor output's values (it lost it here)
    assertThat(imported.output("train", "message")).isEqualTo("My model trained using data: Hello from producer file\n");
  }

  /** The called pipeline's task reads the artifact its caller's task wrote, and the caller gets back what it split off. */
  @Test
  void aCalledPipelineTakingAnArtifactReadsTheOneItsCallerGives() throws IOException {
    RunResult r = run("PythonicArtifactsWithMultipleReturns", "split-datasets-and-return-first", Map.of());
    assertThat(r.failedTask().map(t -> t.id() + ": " + t.message())).isEmpty();
    TaskResult splitter = r.task("dataset-splitter").orElseThrow(() -> new AssertionError(r.tasks()));
    assertThat(Files.readString(splitter.artifacts().get("dataset1"))).isEqualTo("Hello,");
    assertThat(Files.readString(splitter.artifacts().get("dataset2"))).isEqualTo(" world");
    assertThat(splitter.outputArtifacts().get("dataset1").metadata()).containsKey("original_data");
  }

  /** KFP's kfp.local refuses a pipeline input artifact too ("Input artifacts are not supported"), as a cluster run cannot be given one. */
  @Test
  void aPipelineTakingAnArtifactIsRefusedALocalRunSayingWhy() {
    dev.kfp4j.local.WorkflowException e = org.junit.jupiter.api.Assertions.assertThrows(dev.kfp4j.local.WorkflowException.class,
        () -> run("PipelineWithMetadataFields", "dataset-concatenator", Map.of("string", "a")));
    assertThat(e).hasMessageThat().contains("the pipeline takes artifact 'in_dataset' (system.Dataset), which the local runner "
        + "cannot be given; pass it from a task instead");
  }

  @Test
  void theLoopsRunAfterWhatTheyWaitForAndGiveEachItem() throws IOException {
    RunResult r = run("ParallelForPipelineParam", "pipeline-parallelfor-pipeline-param", Map.of("prefix", "p", "loop_parameter", "[\"a\", \"b\"]"));
    assertThat(r.output("for-loop-2(1)/print-with-prefix-2", "Output")).isEqualTo("dynamic-prefix: b");
    // the outer loop, over constants (static_items), is numbered after its item, loop-item-param-3, as in KFP's file
    assertThat(r.output("for-loop-4(1)/for-loop-5(0)/print-with-prefix-3", "Output")).isEqualTo("p: a");
    RunResult upstream = run("LoopConsumeUpstream", "loop-consume-upstream", Map.of());
    assertThat(upstream.output("for-loop-1(2)/read-file", "Output")).isEqualTo("component3");
    RunResult oneOf = run("SmallPorts", "pipeline-with-oneof", Map.of("pick_a", "false"));
    assertThat(oneOf.output("tag-selected", "Output")).isEqualTo("selected:B");
    RunResult status = run("SmallPorts", "status-state-pipeline", Map.of());
    assertThat(status.failedTask().map(t -> t.id() + ": " + t.message())).isEmpty();
    RunResult leftOut = run("MissingKubernetesOptionalInputs", "missing-kubernetes-optional-inputs-pipeline", Map.of());
    assertThat(leftOut.failedTask().map(t -> t.id() + ": " + t.message())).isEmpty();
  }

  /** Each loop over the artifacts a called pipeline returns runs once per artifact, in the order of the texts that made them. */
  @Test
  void theLoopsOverTheArtifactsACalledPipelineReturnsGetOneEach() throws IOException {
    RunResult r = run("ParallelForListArtifacts", "pipeline-parallelfor-artifacts", Map.of());
    assertThat(r.failedTask().map(t -> t.id() + ": " + t.message())).isEmpty();
    assertThat(r.tasks()).hasSize(4 * 4); // each call's loop makes 4, each loop over what it returns prints 4
    for (String[] loop : new String[][] {{"for-loop-1", "print-artifact-name"}, {"for-loop-2", "print-artifact-name-2"}}) {
      assertThat(java.util.stream.IntStream.range(0, 4).mapToObj(i -> r.output(loop[0] + "(" + i + ")/" + loop[1], "Output")).toList())
          .containsExactly("Hello (5)", ", (1)", "  (1)", "world! (6)").inOrder();
    }
  }

  /** The loops over constants run each item under KFP's names: for-loop-4 (its item loop-item-param-3), for-loop-6 inside it. */
  @Test
  void theLoopsOverConstantsRunEachItemUnderKfpsNames() throws IOException {
    RunResult nested = run("Loops", "pipeline-with-nested-loops", Map.of());
    assertThat(nested.failedTask().map(t -> t.id() + ": " + t.message())).isEmpty();
    assertThat(nested.tasks()).hasSize(2 * 2 + 2 + 2 * 3);
    assertThat(log(nested, "for-loop-4(1)/for-loop-6(2)/print-op-3")).isEqualTo("msg: 2, msg2: 300");
    assertThat(log(nested, "for-loop-1(1)/for-loop-2(0)/print-op")).isEqualTo("msg: 11, msg2: null");
    RunResult loops = run("Loops", "pipeline-with-loops", Map.of());
    assertThat(loops.failedTask().map(t -> t.id() + ": " + t.message())).isEmpty();
    assertThat(log(loops, "for-loop-4(1)/print-text-5")).isEqualTo("20");
  }

  /**
   * A pipeline calling one that downloads into the run's workspace, without a workspace of its own, is an error on the
   * call: it compiled, into a spec whose importers download into a workspace the run has not (KFP's compiler refuses it:
   * "dsl.importer(download_to_workspace=True) requires PipelineConfig(workspace=...) on the pipeline").
   */
  @Test
  void aCallerWithoutTheWorkspaceItsCalledPipelineUsesIsAnErrorOnTheCall() throws IOException {
    String source = new String(Objects.requireNonNull(getClass().getClassLoader().getResourceAsStream("kfp-ports/ImporterWorkspace.java"))
        .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
        .replace(", workspaceSize = \"1Gi\", workspaceStorageClass = \"standard\", workspaceAccessModes = \"ReadWriteOnce\")", ")");
    javax.tools.JavaFileObject file = JavaFileObjects.forSourceString("ports.ImporterWorkspace", source);
    Compilation c = Compile.compile(file);
    assertThat(c).hadErrorContaining("[kfp4j:MissingWorkspace] pipeline 'import-stage' uses the run's workspace: its importer 'importer' "
        + "downloads into it (downloadToWorkspace(true)); a called pipeline uses its caller's workspace, as KFP's, and this pipeline has "
        + "none: add @Pipeline(workspaceSize = \"10Gi\") here").inFile(file).onLineContaining("var stage = importStage(");
    assertThat(c).hadErrorCount(1);
  }

  private static final class TaskResultName {
    static String of(TaskResult t) {
      return t.name();
    }
  }
}
