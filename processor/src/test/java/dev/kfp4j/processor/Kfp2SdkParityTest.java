package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.kfp4j.model.Argument;
import dev.kfp4j.processor.Kfp2PipelineTest.Compiled;
import dev.kfp4j.yaml.Yaml;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Pipelines a KFP Python SDK user writes, in Java: the KFP 2 spec has what KFP's own compiler
 * writes for the Python pipeline, where a KFP 2 backend reads it.
 */
class Kfp2SdkParityTest {
  /**
   * {@code dsl.ParallelFor([{"a": 1, "b": "x"}, ...])}: KFP's compiler writes the items as JSON
   * with their own types, and KFP 2's driver refuses text given to a number input ("input
   * parameter 'a' type mismatch: expect NUMBER_INTEGER, got string"). Record items were written
   * with every field as text, so such a loop failed on a cluster and ran locally. KFP's items are
   * JSON with sorted keys.
   */
  @Test
  void constantRecordItemsKeepTheirFieldsTypes() {
    Compiled c = Kfp2PipelineTest.compile(
        "public record Item(int a, String b, double x, boolean on, long big, float f) {}",
        "@Pipeline public static void p() {",
        "  Dsl.forEach(List.of(new Item(1, \"2\", 0.5, true, 12345678901L, 0.1f), new Item(-3, \"x\", 2, false, 0, 1f)),",
        "      item -> {",
        "    LibOps.add(item.a(), 1);",
        "    LibOps.greet(item.b());",
        "    LibOps.scale(item.x());",
        "    LibOps.flag(item.on());",
        "    LibOps.big(item.big());",
        "    LibOps.scale(item.f());",
        "    Dsl.when(Dsl.gt(item.a(), 0), () -> LibOps.greet(\"positive\"));",
        "  });",
        "}");
    JsonNode loop = Kfp2PipelineTest.task(c.spec(), "root", "for-loop-2");
    assertThat(loop.at("/parameterIterator/items/raw").asString()).isEqualTo(
        "[{\"a\": 1, \"b\": \"2\", \"big\": 12345678901, \"f\": 0.1, \"on\": true, \"x\": 0.5},"
            + " {\"a\": -3, \"b\": \"x\", \"big\": 0, \"f\": 1.0, \"on\": false, \"x\": 2}]");
    assertThat(Kfp2PipelineTest.task(c.spec(), "comp-for-loop-2", "add").at("/inputs/parameters/a").toString())
        .isEqualTo("{\"componentInputParameter\":\"pipelinechannel--loop-item-param-1\","
            + "\"parameterExpressionSelector\":\"parseJson(string_value)[\\\"a\\\"]\"}");
    // a condition on a field compares that field, typed as the items have it
    assertThat(Kfp2PipelineTest.task(c.spec(), "comp-for-loop-2", "condition-3").at("/triggerPolicy/condition").asString())
        .isEqualTo("int(inputs.parameter_values['pipelinechannel--loop-item-param-1-subvar-a']) > 0");
    // Argo's withItems are JSON, as KFP v1 writes them, but true and false KFP's text, as conditions compare them
    JsonNode argo = Yaml.read(c.argo());
    JsonNode withItems = argo.at("/spec/templates/0/dag/tasks/0/withItems");
    assertThat(withItems.toString()).isEqualTo("[{\"a\":1,\"b\":\"2\",\"x\":0.5,\"on\":\"True\",\"big\":12345678901,"
        + "\"f\":0.1},{\"a\":-3,\"b\":\"x\",\"x\":2,\"on\":\"False\",\"big\":0,\"f\":1.0}]");
  }

  /**
   * KFP's {@code dsl.PIPELINE_JOB_ID_PLACEHOLDER} and {@code PIPELINE_JOB_NAME_PLACEHOLDER} given
   * to a task: {@code Dsl.runId()} and {@code Dsl.runName()}, KFP 2's {@code {{$.pipeline_job_uuid}}}
   * and {@code {{$.pipeline_job_name}}} as KFP's compiler writes them, Argo's {@code {{workflow.uid}}}
   * and {@code {{workflow.name}}}. There was no way to write them in a pipeline.
   */
  @Test
  void theRunsIdAndNameAreKfpsPlaceholders() {
    Compiled c = Kfp2PipelineTest.compile(
        "@Pipeline public static void p() {",
        "  Dsl.exitHandler(LibOps.greet(Dsl.runName()), () -> LibOps.greet(Dsl.runId()));",
        "}");
    assertThat(Kfp2PipelineTest.task(c.spec(), "comp-exit-handler-1", "greet-2").at("/inputs/parameters/name").toString())
        .isEqualTo("{\"runtimeValue\":{\"constant\":\"{{$.pipeline_job_uuid}}\"}}");
    assertThat(Kfp2PipelineTest.task(c.spec(), "root", "greet").at("/inputs/parameters/name").toString())
        .isEqualTo("{\"runtimeValue\":{\"constant\":\"{{$.pipeline_job_name}}\"}}");
    assertThat(PipelineModelTest.task(c.model(), "greet").arguments().get("name"))
        .isEqualTo(new Argument.RunValue(Argument.RunValue.Kind.RUN_NAME));
    assertThat(c.argo()).contains("{name: name, value: '{{workflow.uid}}'}");
    assertThat(c.argo()).contains("value: \"{{workflow.name}}\"\n");
  }

  /**
   * KFP's other placeholders of the run and the task ({@code PIPELINE_JOB_RESOURCE_NAME_PLACEHOLDER},
   * {@code PIPELINE_JOB_CREATE_TIME_UTC_PLACEHOLDER}, {@code PIPELINE_JOB_SCHEDULE_TIME_UTC_PLACEHOLDER},
   * {@code PIPELINE_TASK_NAME_PLACEHOLDER}, {@code PIPELINE_TASK_ID_PLACEHOLDER}): KFP 2's constants,
   * as KFP's compiler writes them; Argo has variables for the first two only.
   */
  @Test
  void theRunsOtherValuesAndTheTasksNameAndIdAreKfpsPlaceholders() {
    Compiled c = Kfp2PipelineTest.compile(
        "@Pipeline(formats = Format.KFP2) public static void p() {",
        "  LibOps.greet(Dsl.runResourceName());",
        "  LibOps.greet(Dsl.runCreateTimeUtc());",
        "  LibOps.greet(Dsl.runScheduleTimeUtc());",
        "  LibOps.greet(Dsl.taskName());",
        "  LibOps.greet(Dsl.taskId());",
        "}");
    List<String> placeholders = List.of("{{$.pipeline_job_resource_name}}", "{{$.pipeline_job_create_time_utc}}",
        "{{$.pipeline_job_schedule_time_utc}}", "{{$.pipeline_task_name}}", "{{$.pipeline_task_uuid}}");
    for (int i = 0; i < placeholders.size(); i++) {
      String task = i == 0 ? "greet" : "greet-" + (i + 1);
      assertThat(Kfp2PipelineTest.task(c.spec(), "root", task).at("/inputs/parameters/name/runtimeValue/constant").asString())
          .isEqualTo(placeholders.get(i));
    }
    Compiled both = Kfp2PipelineTest.compile(
        "@Pipeline public static void p() {",
        "  LibOps.greet(Dsl.runResourceName());",
        "  LibOps.greet(Dsl.runCreateTimeUtc());",
        "}");
    assertThat(both.argo()).contains("{name: name, value: '{{workflow.name}}'}");
    assertThat(both.argo()).contains("{name: name, value: '{{workflow.creationTimestamp}}'}");
  }

  @Test
  void aTasksNameInAPipelineWrittenForArgoIsAnErrorThatSaysWhatToDo() {
    JavaFileObject source = Compile.testClass("P", List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.dsl.Dsl;"),
        "@Pipeline public static void p() {",
        "  LibOps.greet(\"x\");",
        "  LibOps.greet(Dsl.taskName());",
        "  LibOps.greet(Dsl.runScheduleTimeUtc());",
        "}");
    Compilation c = Compile.compile(PipelineModelTest.LIB, source);
    assertThat(c).hadErrorContaining("[kfp4j:NotInArgo] Dsl.taskName() is a value KFP 2's backend gives a task, which KFP v1's "
        + "Argo workflow has no variable for; write this pipeline for KFP 2 only: @Pipeline(formats = Format.KFP2)")
        .inFile(source).onLineContaining("Dsl.taskName()");
    assertThat(c).hadErrorContaining("[kfp4j:NotInArgo] Dsl.runScheduleTimeUtc() is a value")
        .inFile(source).onLineContaining("Dsl.runScheduleTimeUtc()");
    assertThat(c).hadErrorCount(2);
  }

  /**
   * {@code dsl.PipelineConfig(workspace=dsl.WorkspaceConfig(size=..., kubernetes=...))} and {@code
   * dsl.WORKSPACE_PATH_PLACEHOLDER}: {@code @Pipeline(workspaceSize, workspaceStorageClass,
   * workspaceAccessModes)} and {@code Dsl.WORKSPACE_PATH}, written as KFP's compiler writes them
   * ({@code pipeline_with_workspace.py}).
   */
  @Test
  void aWorkspaceIsKfpsPipelineConfigAndItsPathKfpsPlaceholder() {
    Compiled c = Kfp2PipelineTest.compile(
        "@Pipeline(formats = Format.KFP2, workspaceSize = \"1Gi\", workspaceStorageClass = \"standard\",",
        "    workspaceAccessModes = \"ReadWriteOnce\")",
        "public static void p() {",
        "  LibOps.greet(Dsl.WORKSPACE_PATH + \"/data\");",
        "}");
    assertThat(Kfp2PipelineTest.task(c.spec(), "root", "greet").at("/inputs/parameters/name/runtimeValue/constant").asString())
        .isEqualTo("{{$.workspace_path}}/data");
    assertThat(Yaml.readAll(c.kfp2()).get(1).at("/platforms/kubernetes/pipelineConfig"))
        .isEqualTo(Yaml.read("{workspace: {kubernetes: {pvcSpecPatch: {accessModes: [ReadWriteOnce], storageClassName: standard}},"
            + " size: 1Gi}}"));
  }

  /**
   * {@code @dsl.pipeline(display_name=..., pipeline_root=...)}: {@code pipelineInfo.displayName} and {@code
   * defaultPipelineRoot}, as KFP's compiler writes them ({@code pipeline_with_only_display_name.py}, {@code
   * take_nap_pipeline_root.py}); KFP 2 only, an error on the attribute for a pipeline written for Argo.
   */
  @Test
  void aDisplayNameAndPipelineRootAreKfpsPipelineInfoAndDefaultPipelineRoot() {
    Compiled c = Kfp2PipelineTest.compile(
        "@Pipeline(formats = Format.KFP2, displayName = \"Echo, displayed\", pipelineRoot = \"s3://change/me\")",
        "public static void p() {",
        "  LibOps.greet(\"x\");",
        "}");
    assertThat(c.spec().at("/pipelineInfo")).isEqualTo(Yaml.read("{name: p, displayName: 'Echo, displayed'}"));
    assertThat(c.spec().at("/defaultPipelineRoot").asString()).isEqualTo("s3://change/me");
    JavaFileObject source = Compile.testClass("P", List.of("import dev.kfp4j.annotations.*;"),
        "@Pipeline(displayName = \"Shown\") public static void q() {",
        "  LibOps.greet(\"x\");",
        "}",
        "@Pipeline(pipelineRoot = \"gs://bucket/root\") public static void r() {",
        "  LibOps.greet(\"x\");",
        "}");
    Compilation both = Compile.compile(PipelineModelTest.LIB, source);
    assertThat(both).hadErrorContaining("[kfp4j:NotInArgo] @Pipeline(displayName) is KFP 2's (pipelineInfo.displayName): KFP v1's "
        + "Argo workflow has no place for it; write this pipeline for KFP 2 only: @Pipeline(formats = Format.KFP2)")
        .inFile(source).onLineContaining("\"Shown\"");
    assertThat(both).hadErrorContaining("[kfp4j:NotInArgo] @Pipeline(pipelineRoot) is KFP 2's (defaultPipelineRoot)")
        .inFile(source).onLineContaining("gs://bucket/root");
    assertThat(both).hadErrorCount(2);
  }

  /**
   * A pipeline's docstring ({@code Args:}, {@code Returns:}) describes its inputs and outputs in KFP's spec
   * ({@code pipeline_with_metadata_fields.py}); a {@code @Pipeline}'s Javadoc does: {@code @param} each parameter
   * (in the Argo workflow too), {@code @return} its output, a returned record's {@code @param} each component.
   */
  @Test
  void aPipelinesJavadocDescribesItsInputsAndOutputs() {
    Compiled c = Kfp2PipelineTest.compile(
        "/**",
        " * Adds twice.",
        " * @param n the first number",
        " * @param m the second",
        " * @return the sum, twice",
        " */",
        "@Pipeline public static int p(int n, int m) {",
        "  return LibOps.add(LibOps.add(n, m).output(), m).output();",
        "}");
    JsonNode root = c.spec().at("/root");
    assertThat(root.at("/inputDefinitions/parameters/n/description").asString()).isEqualTo("the first number");
    assertThat(root.at("/inputDefinitions/parameters/m/description").asString()).isEqualTo("the second");
    assertThat(root.at("/outputDefinitions/parameters/Output")).isEqualTo(
        Yaml.read("{description: 'the sum, twice', parameterType: NUMBER_INTEGER}"));
    assertThat(Yaml.read(c.argo()).at("/spec/arguments/parameters/0")).isEqualTo(Yaml.read("{name: n, description: the first number}"));
    Compiled record = Kfp2PipelineTest.compile(
        "/**",
        " * Both sums.",
        " * @param total all of it",
        " * @param half half of it",
        " */",
        "public record Sums(int total, int half) {}",
        "/** @return not read: the record's components are the outputs */",
        "@Pipeline public static Sums p(int n) {",
        "  return new Sums(LibOps.add(n, n).output(), LibOps.add(n, 0).output());",
        "}");
    assertThat(record.spec().at("/root/outputDefinitions")).isEqualTo(Yaml.read(
        "{parameters: {total: {description: all of it, parameterType: NUMBER_INTEGER},"
            + " half: {description: half of it, parameterType: NUMBER_INTEGER}}}"));
  }

  /** {@code dsl.PipelineConfig(ttl_seconds_after_success=60, ttl_seconds_after_failure=86400)}: both formats. */
  @Test
  void ttlsAfterSuccessAndFailureAreKfpsPipelineConfigAndArgosTtlStrategy() {
    Compiled c = Kfp2PipelineTest.compile(
        "@Pipeline(ttlSecondsAfterSuccess = 60, ttlSecondsAfterFailure = 86400)",
        "public static void p() {",
        "  LibOps.greet(\"x\");",
        "}");
    assertThat(Yaml.readAll(c.kfp2()).get(1).at("/platforms/kubernetes/pipelineConfig"))
        .isEqualTo(Yaml.read("{resourceTtlOnFailure: 86400, resourceTtlOnSuccess: 60}"));
    assertThat(Yaml.read(c.argo()).at("/spec/ttlStrategy")).isEqualTo(Yaml.read("{secondsAfterFailure: 86400, secondsAfterSuccess: 60}"));
    JavaFileObject negative = Compile.testClass("P", List.of("import dev.kfp4j.annotations.*;"),
        "@Pipeline(ttlSecondsAfterFailure = -5) public static void q() {",
        "  LibOps.greet(\"x\");",
        "}");
    assertThat(Compile.compile(PipelineModelTest.LIB, negative)).hadErrorContaining(
        "[kfp4j:BadSetting] @Pipeline(ttlSecondsAfterFailure = -5): it must be at least -1 (as ttlSecondsAfterFinished)");
  }

  @Test
  void aWorkspacesMistakesAreErrorsThatSayWhatToDo() {
    JavaFileObject without = Compile.testClass("P", List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.dsl.Dsl;"),
        "@Pipeline(formats = Format.KFP2) public static void p() {",
        "  LibOps.greet(Dsl.WORKSPACE_PATH);",
        "}");
    Compilation none = Compile.compile(PipelineModelTest.LIB, without);
    assertThat(none).hadErrorContaining("[kfp4j:MissingWorkspace] '{{$.workspace_path}}' names the run's workspace (Dsl.WORKSPACE_PATH), "
        + "which this pipeline does not have: add @Pipeline(workspaceSize = \"10Gi\")").inFile(without).onLineContaining("Dsl.WORKSPACE_PATH");
    assertThat(none).hadErrorCount(1);
    JavaFileObject source = Compile.testClass("P", List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.dsl.Dsl;"),
        "@Pipeline(workspaceSize = \"1Gi\") public static void q() {",
        "  LibOps.greet(\"x\");",
        "}",
        "@Pipeline(formats = Format.KFP2, workspaceSize = \"lots\") public static void r() {",
        "  LibOps.greet(\"x\");",
        "}");
    Compilation c = Compile.compile(PipelineModelTest.LIB, source);
    assertThat(c).hadErrorContaining("[kfp4j:NotInArgo] a workspace (@Pipeline(workspaceSize)) is KFP 2's")
        .inFile(source).onLineContaining("workspaceSize = \"1Gi\"");
    assertThat(c).hadErrorContaining("the workspace's size 'lots' is not a Kubernetes quantity")
        .inFile(source).onLineContaining("\"lots\"");
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void aConditionOnAValueOfTheRunIsAnErrorThatSaysWhatToDo() {
    JavaFileObject source = Compile.testClass("P", List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.dsl.Dsl;"),
        "@Pipeline public static void p() {",
        "  Dsl.when(Dsl.eq(Dsl.runName(), \"x\"), () -> LibOps.greet(\"y\"));",
        "}");
    Compilation c = Compile.compile(PipelineModelTest.LIB, source);
    assertThat(c).hadErrorContaining("[kfp4j:UnsupportedArgument] 'Dsl.runName()' is a value of the run, which KFP 2's "
        + "conditions cannot read").inFile(source).onLineContaining("Dsl.when");
    assertThat(c).hadErrorCount(1);
  }
}
