package dev.kfp4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.argo.ArgoWriter;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.Workflow;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Condition;
import dev.kfp4j.model.Parameter;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.Predicate;
import dev.kfp4j.model.Task;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.model.TaskSetting.Resource.Kind;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ComponentYaml;
import dev.kfp4j.yaml.Yaml;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Resources and accelerators a pipeline parameter or a task's output gives when the task runs
 * (KFP 2's {@code set_cpu_limit(cpu)}, {@code set_accelerator_type(t)} with a pipeline channel):
 * KFP's {@code pipeline_with_string_machine_fields_*.yaml} read as {@link TaskSetting.ResourceFrom}
 * and {@link TaskSetting.AcceleratorFrom}, written back as KFP wrote the settings and valid as
 * KFP's {@code .proto} messages; such settings on a task in a condition; run locally with the
 * values given (a resource then as a constant one); refused for Argo.
 */
class SettingsFromRunTest {
  @TempDir Path dir;

  @BeforeAll
  static void shared() {
    Shared.root(Shared.KFP_PROTOS);
  }

  private static String sdk(String name) {
    return Yaml.resource(SettingsFromRunTest.class, "settings/" + name + ".yaml");
  }

  private static String writtenAgain(Pipeline p, String what) {
    String again = Kfp2Writer.write(p);
    assertEquals(List.of(), Kfp2Schemas.errors(again), what + ":\n" + again);
    assertEquals(again, Kfp2Writer.write(Kfp2Reader.read(again, what)), "read back and written again the same");
    return again;
  }

  /** The parts of the spec that hold the settings, as KFP's SDK wrote them and as written again. */
  private static void sameSettings(String sdk, String again) {
    JsonNode ours = Yaml.read(again);
    JsonNode theirs = Yaml.read(sdk);
    String resources = "/deploymentSpec/executors/exec-sum-numbers/container/resources";
    assertEquals(theirs.at(resources), ours.at(resources), again);
    JsonNode inputs = theirs.at("/root/dag/tasks/sum-numbers/inputs/parameters");
    for (String input : List.of("accelerator_count", "accelerator_type", "cpu_limit", "memory_limit")) {
      assertEquals(inputs.path(input), ours.at("/root/dag/tasks/sum-numbers/inputs/parameters").path(input), input);
    }
    inputs.properties().stream().filter(e -> e.getKey().startsWith("pipelinechannel--"))
        .forEach(e -> assertEquals(e.getValue(), ours.at("/root/dag/tasks/sum-numbers/inputs/parameters").path(e.getKey()), e.getKey()));
  }

  @Test
  void fromPipelineParametersTheSdksSpecReadsAndWritesItsSettingsBack() {
    String yaml = sdk("pipeline_with_string_machine_fields_pipeline_input");
    Pipeline p = Kfp2Reader.read(yaml, "pipeline_with_string_machine_fields_pipeline_input.yaml");
    Task t = (Task) p.node("sum-numbers").orElseThrow();
    assertEquals(List.of(
        new TaskSetting.AcceleratorFrom(new Argument.PipelineParameter("accelerator_type"), new Argument.PipelineParameter("accelerator_limit")),
        new TaskSetting.ResourceFrom(Kind.CPU_LIMIT, new Argument.PipelineParameter("cpu_limit")),
        new TaskSetting.ResourceFrom(Kind.MEMORY_LIMIT, new Argument.PipelineParameter("memory_limit"))), t.settings());
    assertEquals(List.of("a", "b"), List.copyOf(t.arguments().keySet()), "the settings' inputs are no arguments of the component");
    String again = writtenAgain(p, "pipeline_with_string_machine_fields_pipeline_input.yaml");
    sameSettings(yaml, again);
    assertFalse(Yaml.read(again).at("/root/dag/tasks/sum-numbers").has("dependentTasks"), again);
  }

  @Test
  void fromTaskOutputsTheTaskAlsoWaitsForThem() {
    String yaml = sdk("pipeline_with_string_machine_fields_task_output");
    Pipeline p = Kfp2Reader.read(yaml, "pipeline_with_string_machine_fields_task_output.yaml");
    Task t = (Task) p.node("sum-numbers").orElseThrow();
    assertEquals(new TaskSetting.ResourceFrom(Kind.CPU_LIMIT, new Argument.TaskOutput("cpu-limit", "Output")), t.settings().get(1));
    assertEquals(List.of("accelerator-type", "accelerator-limit", "cpu-limit", "memory-limit"),
        List.copyOf(dev.kfp4j.model.Nodes.upstream(t)));
    String again = writtenAgain(p, "pipeline_with_string_machine_fields_task_output.yaml");
    sameSettings(yaml, again);
    // KFP's SDK leaves them out (KFP's backend adds a task output's producer itself); kfp4j writes them
    assertEquals("[\"accelerator-type\",\"accelerator-limit\",\"cpu-limit\",\"memory-limit\"]",
        Yaml.read(again).at("/root/dag/tasks/sum-numbers/dependentTasks").toString());
  }

  static final ComponentSpec ECHO = ComponentYaml.parse("""
      name: echo
      inputs:
      - {name: text, type: String}
      outputs:
      - {name: out, type: String}
      implementation:
        container:
          image: alpine:3.20
          command: [sh, -c, 'printf "%s" "$0" > "$1"', {inputValue: text}, {outputPath: out}]
      """, "echo.yaml");

  /** A memory limit from a task's output, a CPU limit and accelerators from parameters, on a task in a condition. */
  static Pipeline pipeline() {
    Task memory = new Task("memory", ECHO, Map.of("text", Argument.Constant.of("64Mi")));
    Task sized = new Task("sized", ECHO, Map.of("text", Argument.Constant.of("ran")), List.of(), List.of(
        new TaskSetting.AcceleratorFrom(new Argument.PipelineParameter("gpu"), Argument.Constant.of("2")),
        new TaskSetting.ResourceFrom(Kind.CPU_LIMIT, new Argument.PipelineParameter("cpu")),
        new TaskSetting.ResourceFrom(Kind.MEMORY_LIMIT, new Argument.TaskOutput("memory", "out"))));
    Condition when = new Condition("condition-1", new Predicate.Comparison(new Argument.PipelineParameter("cpu"), Predicate.Operator.NE,
        Argument.Constant.of("0")), List.of(sized));
    return new Pipeline("sized", null, List.of(new Parameter("cpu", ParameterType.STRING, "1", null),
        new Parameter("gpu", ParameterType.STRING, "nvidia.com/gpu", null)), List.of(memory, when), null, PipelineSettings.DEFAULTS, null);
  }

  @Test
  void inAConditionTheValuesComeInThroughTheGroup() {
    String yaml = writtenAgain(pipeline(), "sized.yaml");
    JsonNode spec = Yaml.read(yaml);
    JsonNode sized = spec.at("/components/comp-condition-1/dag/tasks/sized/inputs/parameters");
    assertEquals("{\"componentInputParameter\":\"pipelinechannel--memory-out\"}", sized.path("pipelinechannel--memory-out").toString());
    assertEquals("{\"componentInputParameter\":\"pipelinechannel--cpu\"}", sized.path("pipelinechannel--cpu").toString());
    assertEquals("{\"runtimeValue\":{\"constant\":\"{{$.inputs.parameters['pipelinechannel--cpu']}}\"}}", sized.path("cpu_limit").toString());
    assertEquals("{\"accelerator\":{\"count\":\"2\",\"resourceCount\":\"2\",\"resourceType\":\"{{$.inputs.parameters['pipelinechannel--gpu']}}\"},"
        + "\"resourceCpuLimit\":\"{{$.inputs.parameters['pipelinechannel--cpu']}}\","
        + "\"resourceMemoryLimit\":\"{{$.inputs.parameters['pipelinechannel--memory-out']}}\"}",
        spec.at("/deploymentSpec/executors/exec-echo-2/container/resources").toString());
    assertTrue(spec.at("/components/comp-condition-1/inputDefinitions/parameters").has("pipelinechannel--memory-out"), yaml);
    Task read = (Task) Kfp2Reader.read(yaml, "sized.yaml").node("sized").orElseThrow();
    assertEquals(((Task) pipeline().node("sized").orElseThrow()).settings(), read.settings());
    assertEquals(Map.of("text", Argument.Constant.of("ran")), read.arguments());
  }

  private LocalRunner runner() {
    return LocalRunner.builder().root(dir.resolve("runs")).caching(false).console(new PrintStream(OutputStream.nullOutputStream()))
        .progress(false).summary(false).build();
  }

  @Test
  void locallyTheValuesAreGivenWhenTheTaskRuns() {
    Workflow wf = Workflow.parse(Kfp2Writer.write(pipeline()), "sized.yaml");
    RunResult r = runner().run(wf, Map.of("cpu", "500m"));
    assertTrue(r.succeeded(), r.tasks().toString());
    assertEquals("ran", r.output("condition-1/sized", "out"));
    RunResult bad = runner().run(wf, Map.of("cpu", "lots"));
    assertFalse(bad.succeeded());
    assertTrue(bad.task("condition-1/sized").orElseThrow().message().contains(
        "task 'sized': its cpuLimit comes from pipeline parameter 'cpu', which is 'lots', not a Kubernetes quantity"),
        bad.tasks().toString());
  }

  @Test
  void argoHasNoPlaceForThem() {
    FormatException e = assertThrows(FormatException.class, () -> ArgoWriter.write(pipeline()));
    assertEquals("pipeline 'sized', task 'sized': its resources or accelerators come from pipeline parameter 'gpu' when it "
        + "runs (KFP 2's set_cpu_limit(cpu)); a KFP v1 template's resources are Kubernetes quantities, constants: set them as "
        + "constants, or write this pipeline in the KFP 2 format only", e.getMessage());
  }

  /** KFP 2's {@code set_container_image(img)} on a task in a condition: the image a parameter gives. */
  static Pipeline imaged() {
    Task echo = new Task("echo", ECHO, Map.of("text", Argument.Constant.of("ran")), List.of(), List.of(
        new TaskSetting.ContainerImage(new Argument.PipelineParameter("img"))));
    Condition when = new Condition("condition-1", new Predicate.Comparison(new Argument.PipelineParameter("img"), Predicate.Operator.NE,
        Argument.Constant.of("")), List.of(echo));
    return new Pipeline("imaged", null, List.of(new Parameter("img", ParameterType.STRING, "alpine:3.21", null)), List.of(when), null,
        PipelineSettings.DEFAULTS, null);
  }

  @Test
  void anImageFromAParameterIsReadBackLocallyCheckedAndRefusedForArgo() {
    String yaml = writtenAgain(imaged(), "imaged.yaml");
    JsonNode spec = Yaml.read(yaml);
    assertEquals("{{$.inputs.parameters['pipelinechannel--img']}}", spec.at("/deploymentSpec/executors/exec-echo/container/image").asString());
    JsonNode echo = spec.at("/components/comp-condition-1/dag/tasks/echo/inputs/parameters");
    assertEquals("{\"componentInputParameter\":\"pipelinechannel--img\"}", echo.path("pipelinechannel--img").toString());
    assertEquals("{{$.inputs.parameters['pipelinechannel--img']}}", echo.at("/base_image/runtimeValue/constant").asString());
    Task read = (Task) Kfp2Reader.read(yaml, "imaged.yaml").node("echo").orElseThrow();
    assertEquals(List.of(new TaskSetting.ContainerImage(new Argument.PipelineParameter("img"))), read.settings());
    assertEquals(Map.of("text", Argument.Constant.of("ran")), read.arguments(), "base_image and the channel are no arguments");

    Workflow wf = Workflow.parse(yaml, "imaged.yaml");
    RunResult r = runner().run(wf, Map.of());
    assertTrue(r.succeeded(), r.tasks().toString());
    assertEquals("ran", r.output("condition-1/echo", "out"));
    RunResult bad = runner().run(wf, Map.of("img", "my image"));
    assertFalse(bad.succeeded());
    assertTrue(bad.task("condition-1/echo").orElseThrow().message().contains(
        "task 'echo': its image comes from pipeline parameter 'img', which is 'my image', not an image reference"), bad.tasks().toString());

    FormatException e = assertThrows(FormatException.class, () -> ArgoWriter.write(imaged()));
    assertEquals("pipeline 'imaged', task 'echo': its image is given by pipeline parameter 'img' when it runs (KFP 2's "
        + "set_container_image(image)), which kfp4j writes for KFP 2 only: give the image as a constant, or write this pipeline in "
        + "the KFP 2 format only", e.getMessage());
  }

  @Test
  void aClaimNamedByAPipelineParameterReadsAndWritesBackAsKfpWroteIt() {
    String yaml = sdk("pvc_mount");
    Pipeline p = Kfp2Reader.read(yaml, "pvc_mount.yaml");
    TaskSetting mount = new TaskSetting.PvcMountFrom(new Argument.PipelineParameter("pvc_name"), "/data");
    assertEquals(List.of(mount), ((Task) p.node("producer").orElseThrow()).settings());
    assertEquals(List.of(mount), ((Task) p.node("consumer").orElseThrow()).settings());
    String again = writtenAgain(p, "pvc_mount.yaml");
    List<JsonNode> ours = Yaml.readAll(again);
    List<JsonNode> theirs = Yaml.readAll(yaml);
    assertEquals(theirs.get(1), ours.get(1), "the platform document as kfp-kubernetes wrote it:\n" + again);
    assertEquals(theirs.get(0).at("/root"), ours.get(0).at("/root"), again);
  }

  static final ComponentSpec SHELL = ComponentYaml.parse("""
      name: shell
      inputs:
      - {name: script, type: String}
      outputs:
      - {name: out, type: String}
      implementation:
        container:
          image: alpine:3.20
          command: [sh, -ec, {inputValue: script}, {outputPath: out}, /data]
      """, "shell.yaml");

  @Test
  void locallyAClaimNamedByAParameterIsItsFolderOfTheRunsVolumes() throws java.io.IOException {
    TaskSetting mount = new TaskSetting.PvcMountFrom(new Argument.PipelineParameter("pvc_name"), "/data");
    Task producer = new Task("producer", SHELL, Map.of("script", Argument.Constant.of("echo 21 > \"$1/n\"; echo ok > \"$0\"")), List.of(),
        List.of(mount));
    Task consumer = new Task("consumer", SHELL, Map.of("script", Argument.Constant.of("echo $(( $(cat \"$1/n\") * 2 )) > \"$0\"")),
        List.of("producer"), List.of(mount));
    Pipeline p = new Pipeline("pvc", null, List.of(new Parameter("pvc_name", ParameterType.STRING, null, null)),
        List.of(producer, consumer), null, PipelineSettings.DEFAULTS, null);
    String yaml = writtenAgain(p, "pvc.yaml");
    assertEquals(List.of(mount), ((Task) Kfp2Reader.read(yaml, "pvc.yaml").node("consumer").orElseThrow()).settings());
    RunResult r = runner().run(Workflow.parse(yaml, "pvc.yaml"), Map.of("pvc_name", "shared"));
    assertTrue(r.succeeded(), r.tasks().toString());
    assertEquals("42\n", r.output("consumer", "out"), "echo's line, as KFP 2's launcher reads a STRING output's file");
    assertEquals("21\n", java.nio.file.Files.readString(dir.resolve("runs/volumes/shared/n")), "the claim the run names");
    FormatException e = assertThrows(FormatException.class, () -> ArgoWriter.write(p));
    assertEquals("pipeline 'pvc', task 'producer': the claim it mounts is named by pipeline parameter 'pvc_name' when it runs "
        + "(kfp-kubernetes' mount_pvc(task, pvc_name=p)), which kfp4j writes for KFP 2 only: mount a claim of a constant name, or "
        + "write this pipeline in the KFP 2 format only", e.getMessage());
  }

  @Test
  void tolerationsFromAParameterAreWrittenAsKfpKubernetesWritesThemAndDoNothingLocally() {
    TaskSetting fromJson = new TaskSetting.TolerationFrom(new Argument.PipelineParameter("tolerations"));
    TaskSetting constant = new TaskSetting.Toleration("gpu", "Exists", "", "NoSchedule");
    Task echo = new Task("echo", ECHO, Map.of("text", Argument.Constant.of("tolerated")), List.of(), List.of(constant, fromJson));
    Pipeline p = new Pipeline("tolerations", null, List.of(new Parameter("tolerations", ParameterType.LIST,
        "[{\"key\": \"spot\", \"operator\": \"Exists\"}]", null)), List.of(echo), null, PipelineSettings.DEFAULTS, null);
    String yaml = writtenAgain(p, "tolerations.yaml");
    assertEquals("[{\"effect\":\"NoSchedule\",\"key\":\"gpu\",\"operator\":\"Exists\"},"
        + "{\"tolerationJson\":{\"componentInputParameter\":\"tolerations\"}}]",
        Yaml.readAll(yaml).get(1).at("/platforms/kubernetes/deploymentSpec/executors/exec-echo/tolerations").toString(), yaml);
    assertEquals(List.of(constant, fromJson), ((Task) Kfp2Reader.read(yaml, "tolerations.yaml").node("echo").orElseThrow()).settings());
    RunResult r = runner().run(Workflow.parse(yaml, "tolerations.yaml"), Map.of());
    assertTrue(r.succeeded(), r.tasks().toString());
    assertEquals("tolerated", r.output("echo", "out"));
    FormatException e = assertThrows(FormatException.class, () -> ArgoWriter.write(p));
    assertEquals("pipeline 'tolerations', task 'echo': its tolerations come from pipeline parameter 'tolerations' as JSON when it "
        + "runs (kfp-kubernetes' add_toleration_json), which kfp4j writes for KFP 2 only: give tolerations of constant fields, or "
        + "write this pipeline in the KFP 2 format only", e.getMessage());
  }

  @Test
  void aSettingFromTheRunIsAParameterOrAnOutput() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new TaskSetting.ResourceFrom(Kind.CPU_LIMIT, Argument.Constant.of("1")));
    assertTrue(e.getMessage().startsWith("cpuLimit(Constant["), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new TaskSetting.AcceleratorFrom(Argument.Constant.of("x"), Argument.Constant.of("1")));
    assertThrows(IllegalArgumentException.class,
        () -> new TaskSetting.AcceleratorFrom(new Argument.PipelineParameter("t"), Argument.Constant.of("many")));
  }
}
