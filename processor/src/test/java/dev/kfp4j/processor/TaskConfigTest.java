package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.spec.TaskConfigs;
import dev.kfp4j.spec.TypeSpec;
import dev.kfp4j.yaml.Yaml;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * KFP 2's {@code dsl.TaskConfig} and {@code task_config_passthroughs} in Java: a component parameter of type {@code
 * dev.kfp4j.artifacts.TaskConfig} is an optional {@code TASK_CONFIG} input that its op leaves out, {@code
 * @TaskConfigPassthrough} lists the fields; a task setting of a field not listed, and a call from a pipeline written for
 * Argo, are errors on the call.
 */
class TaskConfigTest {
  static final JavaFileObject LAUNCH = Compile.source("test.Launch",
      "package test;",
      "import static dev.kfp4j.annotations.TaskConfigField.*;",
      "import dev.kfp4j.annotations.*;",
      "import dev.kfp4j.artifacts.TaskConfig;",
      "public class Launch {",
      "  @Component",
      "  @TaskConfigPassthrough({RESOURCES, KUBERNETES_NODE_SELECTOR})",
      "  @TaskConfigPassthrough(value = ENV, applyToTask = true)",
      "  public static String launch(int nodes, TaskConfig config) { return config.toJson(); }",
      "  @Component @TaskConfigPassthrough(KUBERNETES_VOLUMES)",
      "  public static void mounts() {}",
      "}");

  private static final List<String> HEADER = List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.dsl.Dsl;", "import test.*;");

  private JavaFileObject source;

  private Compilation compile(List<Pipeline> models, String... body) {
    source = Compile.testClass("P", HEADER, body);
    return Compile.compile(models, LAUNCH, source);
  }

  @Test
  void theComponentTakesAnOptionalTaskConfigThatItsOpLeavesOut() {
    List<Pipeline> models = new ArrayList<>();
    Compilation c = compile(models,
        "@Pipeline(formats = Format.KFP2) public static void p(int nodes) {",
        "  LaunchOps.launch(nodes).cpuLimit(\"2\").env(\"A\", \"b\").nodeSelector(\"pool\", \"gpu\");",
        "  LaunchOps.mounts();",
        "}");
    assertThat(c).succeeded();
    assertThat(Compile.source(c, "test.LaunchOps")).contains("public static ValueTask<String> launch(int nodes)");
    assertThat(Compile.source(c, "test.LaunchOps")).doesNotContain("TaskConfig");
    assertThat(models.get(0).steps().get(0).arguments().keySet()).containsExactly("nodes");
    String yaml = Compile.resource(c, Kfp2PipelineTest.P2);
    JsonNode spec = Yaml.readAll(yaml).get(0);
    assertThat(spec.at("/components/comp-launch/inputDefinitions/parameters/config").toString())
        .isEqualTo("{\"isOptional\":true,\"parameterType\":\"TASK_CONFIG\"}");
    assertThat(spec.at("/components/comp-launch/taskConfigPassthroughs").toString())
        .isEqualTo("[{\"field\":\"RESOURCES\"},{\"field\":\"KUBERNETES_NODE_SELECTOR\"},{\"applyToTask\":true,\"field\":\"ENV\"}]");
    assertThat(spec.at("/components/comp-mounts/taskConfigPassthroughs").toString()).isEqualTo("[{\"field\":\"KUBERNETES_VOLUMES\"}]");
    assertThat(spec.at("/root/dag/tasks/launch/inputs/parameters").toString())
        .isEqualTo("{\"nodes\":{\"componentInputParameter\":\"nodes\"}}");
    String component = Compile.resource(c, "META-INF/kfp4j/kfp2/components/launch.yaml");
    assertThat(component).contains("    taskConfigPassthroughs:\n    - field: RESOURCES\n    - field: KUBERNETES_NODE_SELECTOR\n"
        + "    - applyToTask: true\n      field: ENV\n");
    // KFP v1's component file keeps the input (KFP v1 never gives it) and the passthroughs as an annotation
    String v1 = Compile.resource(c, "META-INF/kfp4j/components/launch.yaml");
    assertThat(v1).contains("- name: config\n  type: TaskConfig\n  optional: true\n");
    assertThat(v1).contains("kfp4j.dev/task-config-passthroughs: \"RESOURCES,KUBERNETES_NODE_SELECTOR,ENV:applyToTask\"");
    assertThat(models.get(0).steps().get(0) instanceof dev.kfp4j.model.Task t ? t.component().input("config").orElseThrow().type() : null)
        .isEqualTo(TypeSpec.TASK_CONFIG);
    if (Compile.sharedPresent()) {
      Compile.validKfp2(yaml, "p.yaml");
      Compile.validKfp2(component, "launch.yaml");
    }
  }

  @Test
  void aSettingOfAFieldNotPassedThroughIsAnErrorOnItsCall() {
    Compilation c = compile(new ArrayList<>(),
        "@Pipeline(formats = Format.KFP2) public static void p() {",
        "  LaunchOps.launch(1)",
        "      .cpuLimit(\"2\")",
        "      .toleration(\"gpu\", \"Exists\", \"\", \"NoSchedule\")",
        "      .env(\"A\", \"b\");",
        "  LaunchOps.mounts()",
        "      .memoryLimit(\"1Gi\");",
        "}");
    assertThat(c).hadErrorContaining("[kfp4j:TaskConfig] toleration(...) sets the task's tolerations, which component 'launch' does "
        + "not pass through (its @TaskConfigPassthrough lists [RESOURCES, KUBERNETES_NODE_SELECTOR, ENV]): KFP's compiler refuses it "
        + "(\"cannot handle resource type 'KUBERNETES_TOLERATIONS'\"); add KUBERNETES_TOLERATIONS to its @TaskConfigPassthrough, "
        + "or remove this setting").inFile(source).onLineContaining(".toleration(");
    assertThat(c).hadErrorContaining("[kfp4j:TaskConfig] memoryLimit(...) sets the task's resources (CPU, memory, accelerators), which "
        + "component 'mounts' does not pass through").inFile(source).onLineContaining(".memoryLimit(");
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void aPipelineWrittenForArgoCannotCallIt() {
    Compilation c = compile(new ArrayList<>(),
        "@Pipeline public static void p() {",
        "  LaunchOps.launch(1);",
        "  LaunchOps.mounts();",
        "}");
    assertThat(c).hadErrorContaining("[kfp4j:NotInArgo] component 'launch' takes its task's configuration (TaskConfig) (KFP 2's "
        + "dsl.TaskConfig and task_config_passthroughs), which only KFP 2's driver gives: KFP v1 (Argo) has no task configuration; "
        + "write this pipeline for KFP 2 only: @Pipeline(formats = Format.KFP2)").inFile(source).onLineContaining("LaunchOps.launch(1)");
    assertThat(c).hadErrorContaining("[kfp4j:NotInArgo] component 'mounts' passes its task's settings through")
        .inFile(source).onLineContaining("LaunchOps.mounts()");
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void misusesAreErrorsOnTheElementSayingWhatToWrite() {
    JavaFileObject bad = Compile.source("test.Bad",
        "package test;",
        "import static dev.kfp4j.annotations.TaskConfigField.*;",
        "import dev.kfp4j.annotations.*;",
        "import dev.kfp4j.artifacts.TaskConfig;",
        "import java.util.Optional;",
        "public class Bad {",
        "  @Component public static void twice(TaskConfig a,",
        "      TaskConfig b) {}",
        "  @Component public static void optional(Optional<TaskConfig> config) {}",
        "  @Component public static void nullable(@org.jspecify.annotations.Nullable TaskConfig config) {}",
        "  @Component @TaskConfigPassthrough(ENV) @TaskConfigPassthrough(value = {RESOURCES, ENV}, applyToTask = true)",
        "  public static void listedTwice(TaskConfig config) {}",
        "  @Component @TaskConfigPassthrough({})",
        "  public static void none() {}",
        "  @Component @TaskConfigPassthrough({ENV, ENV})",
        "  public static void inOne() {}",
        "  @Component public static TaskConfig returned() { return null; }",
        "}");
    Compilation c = Compile.compile(bad);
    assertThat(c).hadErrorContaining("[kfp4j:TaskConfig] parameter 'b' takes the task's configuration (TaskConfig), which parameter "
        + "'a' takes already: KFP gives a component one; remove one").inFile(bad).onLineContaining("TaskConfig b)");
    assertThat(c).hadErrorContaining("[kfp4j:TaskConfig] parameter 'config' takes the task's configuration (TaskConfig), which KFP's "
        + "driver always gives a component (empty when no field is passed through): take it as 'TaskConfig config', without Optional")
        .inFile(bad).onLineContaining("optional(");
    assertThat(c).hadErrorContaining("take it as 'TaskConfig config', without @Nullable").inFile(bad).onLineContaining("nullable(");
    assertThat(c).hadErrorContaining("[kfp4j:TaskConfig] @TaskConfigPassthrough lists field ENV twice on 'listedTwice'; list each "
        + "field once").inFile(bad).onLineContaining("listedTwice(TaskConfig"); // javac points at no annotation it repeated
    assertThat(c).hadErrorContaining("[kfp4j:TaskConfig] @TaskConfigPassthrough lists field ENV twice on 'inOne'")
        .inFile(bad).onLineContaining("@TaskConfigPassthrough({ENV, ENV})");
    assertThat(c).hadErrorContaining("[kfp4j:TaskConfig] @TaskConfigPassthrough on 'none' lists no field")
        .inFile(bad).onLineContaining("@TaskConfigPassthrough({})");
    assertThat(c).hadErrorContaining("[kfp4j:TaskConfig] 'returned' is of type dev.kfp4j.artifacts.TaskConfig, the task's configuration")
        .inFile(bad).onLineContaining("returned()");
    assertThat(c).hadErrorCount(7);
  }

  @Test
  void passthroughsWithoutATaskConfigParameterAreKfps() {
    JavaFileObject ok = Compile.source("test.Ok",
        "package test;",
        "import dev.kfp4j.annotations.*;",
        "public class Ok {",
        "  @Component @TaskConfigPassthrough(TaskConfigField.ENV) public static void env() {}",
        "}");
    Compilation c = Compile.compile(ok);
    assertThat(c).succeeded();
    assertThat(TaskConfigs.parse("ENV")).containsExactly(new TaskConfigs.Passthrough("ENV", false));
    assertThat(Compile.resource(c, "META-INF/kfp4j/kfp2/components/env.yaml")).contains("taskConfigPassthroughs:\n    - field: ENV\n");
  }

  /** A KFP 2 component file as KFP's compiler writes a Python component taking {@code task_config: dsl.TaskConfig}. */
  static final String KFP_COMPONENT = String.join("\n",
      "components:",
      "  comp-launch-job:",
      "    executorLabel: exec-launch-job",
      "    inputDefinitions:",
      "      parameters:",
      "        nodes:",
      "          parameterType: NUMBER_INTEGER",
      "        task_config:",
      "          isOptional: true",
      "          parameterType: TASK_CONFIG",
      "    taskConfigPassthroughs:",
      "    - field: RESOURCES",
      "    - applyToTask: true",
      "      field: KUBERNETES_VOLUMES",
      "deploymentSpec:",
      "  executors:",
      "    exec-launch-job:",
      "      container:",
      "        args:",
      "        - --executor_input",
      "        - '{{$}}'",
      "        - --function_to_execute",
      "        - launch_job",
      "        command:",
      "        - python3",
      "        - -m",
      "        - kfp.dsl.executor_main",
      "        image: python:3.11",
      "pipelineInfo:",
      "  name: launch-job",
      "root:",
      "  dag:",
      "    tasks:",
      "      launch-job:",
      "        cachingOptions:",
      "          enableCache: true",
      "        componentRef:",
      "          name: comp-launch-job",
      "        inputs:",
      "          parameters:",
      "            nodes:",
      "              componentInputParameter: nodes",
      "        taskInfo:",
      "          name: launch-job",
      "  inputDefinitions:",
      "    parameters:",
      "      nodes:",
      "        parameterType: NUMBER_INTEGER",
      "schemaVersion: 2.1.0",
      "sdkVersion: kfp-2.15.0",
      "");

  @Test
  void anImportedKfp2ComponentTakingATaskConfigHasAnOpWithoutIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    java.nio.file.Files.writeString(dir.resolve("launch_job.yaml"), KFP_COMPONENT);
    JavaFileObject imports = Compile.source("test.Jobs", "package test;", "import dev.kfp4j.annotations.*;",
        "@ImportComponents(\"launch_job.yaml\")", "public final class Jobs {}");
    JavaFileObject p = Compile.testClass("P", HEADER,
        "@Pipeline(formats = Format.KFP2) public static void p() {",
        "  JobsOps.launchJob(2).cpuLimit(\"1\").mountPvc(\"data\", \"/data\")",
        "      .env(\"A\", \"b\");",
        "}");
    Compilation c = Compile.compileAgainst(dir, imports, p);
    assertThat(c).hadErrorContaining("[kfp4j:TaskConfig] env(...) sets the task's env variables, which component 'launch-job' "
        + "does not pass through (its @TaskConfigPassthrough lists [RESOURCES, KUBERNETES_VOLUMES])").inFile(p).onLineContaining(".env(");
    assertThat(c).hadErrorCount(1);
    JavaFileObject ok = Compile.testClass("P", HEADER,
        "@Pipeline(formats = Format.KFP2) public static void p() {",
        "  JobsOps.launchJob(2).cpuLimit(\"1\");",
        "}");
    c = Compile.compileAgainst(dir, imports, ok);
    assertThat(c).succeeded();
    assertThat(Compile.source(c, "test.JobsOps")).contains("launchJob(long nodes)");
    String yaml = Compile.resource(c, Kfp2PipelineTest.P2);
    JsonNode spec = Yaml.readAll(yaml).get(0);
    assertThat(spec.at("/components/comp-launch-job/inputDefinitions/parameters/task_config").toString())
        .isEqualTo("{\"isOptional\":true,\"parameterType\":\"TASK_CONFIG\"}");
    assertThat(spec.at("/components/comp-launch-job/taskConfigPassthroughs").toString())
        .isEqualTo("[{\"field\":\"RESOURCES\"},{\"applyToTask\":true,\"field\":\"KUBERNETES_VOLUMES\"}]");
    if (Compile.sharedPresent()) {
      Compile.validKfp2(KFP_COMPONENT, "launch_job.yaml");
      Compile.validKfp2(yaml, "p.yaml");
    }
  }
}
