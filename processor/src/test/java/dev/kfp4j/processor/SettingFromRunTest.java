package dev.kfp4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.PodSetting;
import dev.kfp4j.model.Task;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.model.TaskSetting.Resource.Kind;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A resource or claim from a pipeline parameter or a task's output ({@code cpuLimit(cpu)}, {@code
 * memoryLimit(t.output())}, {@code mountPvc(claim, "/mnt")}), as KFP's {@code set_cpu_limit(cpu)}
 * and kfp-kubernetes' {@code mount_pvc(t, pvc_name=p)}: written for KFP 2 as KFP's SDK writes them,
 * a NotInArgo error on the call in a pipeline written for Argo, and a BadSetting for anything else.
 */
class SettingFromRunTest {
  @Test
  void aParameterOrAnOutputGivesTheSettingWhenTheTaskRuns() {
    Kfp2PipelineTest.Compiled c = Kfp2PipelineTest.compile("@Pipeline(formats = Format.KFP2) public static void p(String cpu, String claim) {",
        "  var size = LibOps.greet(\"64Mi\");",
        "  LibOps.add(1, 2).cpuLimit(cpu).memoryLimit(size.output()).mountPvc(claim, \"/mnt/data\");", "}");
    Task add = (Task) c.model().node("add").orElseThrow();
    assertEquals(List.of(new TaskSetting.ResourceFrom(Kind.CPU_LIMIT, new Argument.PipelineParameter("cpu")),
        new TaskSetting.ResourceFrom(Kind.MEMORY_LIMIT, new Argument.TaskOutput("greet", "Output")),
        new TaskSetting.PvcMountFrom(new Argument.PipelineParameter("claim"), "/mnt/data")), add.settings());
    JsonNode spec = c.spec();
    assertEquals("{\"resourceCpuLimit\":\"{{$.inputs.parameters['pipelinechannel--cpu']}}\","
        + "\"resourceMemoryLimit\":\"{{$.inputs.parameters['pipelinechannel--greet-Output']}}\"}",
        spec.at("/deploymentSpec/executors/exec-add/container/resources").toString());
    JsonNode inputs = Kfp2PipelineTest.task(spec, "root", "add").path("inputs").path("parameters");
    assertEquals("{\"taskOutputParameter\":{\"outputParameterKey\":\"Output\",\"producerTask\":\"greet\"}}",
        inputs.path("pipelinechannel--greet-Output").toString());
    assertEquals("{\"componentInputParameter\":\"cpu\"}", inputs.path("pipelinechannel--cpu").toString());
    assertEquals("[\"greet\"]", Kfp2PipelineTest.task(spec, "root", "add").path("dependentTasks").toString());
  }

  /**
   * KFP's {@code set_container_image(img)}, as its compiler's tests check it: the executor's image is the placeholder of the
   * task's input {@code pipelinechannel--img}, which a loop's group passes in, and the task holds the placeholder as {@code
   * base_image}; a constant image is the executor's, with no input; an image that is no reference is refused on the call.
   */
  @Test
  void theImageATaskRunsIsTheExecutorsAsKfpsSdkWritesIt() {
    Kfp2PipelineTest.Compiled c = Kfp2PipelineTest.compile("@Pipeline(formats = Format.KFP2) public static void p(String img) {",
        "  LibOps.add(1, 2).containerImage(img);",
        "  Dsl.forEach(List.of(1, 2), i -> LibOps.add(i, 2).containerImage(img));",
        "  LibOps.greet(\"x\").containerImage(\"constant-value\");", "}");
    Task add = (Task) c.model().node("add").orElseThrow();
    assertEquals(List.of(new TaskSetting.ContainerImage(new Argument.PipelineParameter("img"))), add.settings());
    JsonNode spec = c.spec();
    String placeholder = "{{$.inputs.parameters['pipelinechannel--img']}}";
    assertEquals(placeholder, spec.at("/deploymentSpec/executors/exec-add/container/image").asString());
    JsonNode inputs = Kfp2PipelineTest.task(spec, "root", "add").path("inputs").path("parameters");
    assertEquals("{\"componentInputParameter\":\"img\"}", inputs.path("pipelinechannel--img").toString());
    assertEquals(placeholder, inputs.at("/base_image/runtimeValue/constant").asString());
    assertTrue(spec.at("/components/comp-for-loop-2/inputDefinitions/parameters").has("pipelinechannel--img"), spec.toString());
    JsonNode inLoop = Kfp2PipelineTest.task(spec, "comp-for-loop-2", "add-2").path("inputs").path("parameters");
    assertEquals("{\"componentInputParameter\":\"pipelinechannel--img\"}", inLoop.path("pipelinechannel--img").toString());
    assertEquals(placeholder, inLoop.at("/base_image/runtimeValue/constant").asString());
    assertEquals("constant-value", spec.at("/deploymentSpec/executors/exec-greet/container/image").asString());
    assertEquals(List.of("name"), List.copyOf(Kfp2PipelineTest.task(spec, "root", "greet").path("inputs").path("parameters")
        .propertyNames()), "a constant image takes no input");

    Compilation bad = compile("@Pipeline public static void p() {", "  LibOps.add(1, 2).containerImage(\"my image\");", "}");
    assertThat(bad).hadErrorContaining("containerImage(\"my image\"): an image reference is not empty and has no spaces")
        .inFile(p(bad)).onLineContaining("containerImage(");
  }

  @Test
  void anImageFromTheRunInAPipelineWrittenForArgoIsAnErrorAndAConstantIsTheTemplates() {
    Compilation c = compile("@Pipeline public static void p(String img) {", "  LibOps.add(1, 2).containerImage(img);", "}");
    assertThat(c).hadErrorContaining("[kfp4j:NotInArgo] containerImage(img) takes its value when the task runs")
        .inFile(p(c)).onLineContaining("containerImage(img)");
    Kfp2PipelineTest.Compiled both = Kfp2PipelineTest.compile("@Pipeline public static void p() {",
        "  LibOps.add(1, 2).containerImage(\"registry.example.com/team/adder:2\");", "  LibOps.add(3, 4);", "}");
    JsonNode templates = dev.kfp4j.yaml.Yaml.read(both.argo()).path("spec").path("templates");
    List<String> images = new java.util.ArrayList<>();
    templates.forEach(t -> {
      if (t.has("container")) {
        images.add(t.path("name").asString() + " " + t.at("/container/image").asString());
      }
    });
    assertEquals(2, images.size(), images.toString());
    assertTrue(images.stream().anyMatch(i -> i.endsWith(" registry.example.com/team/adder:2")), images.toString());
    assertTrue(images.stream().anyMatch(i -> !i.endsWith(" registry.example.com/team/adder:2")), "the other task keeps its image: " + images);
  }

  private static Compilation compile(String... body) {
    JavaFileObject source = Compile.testClass("P", List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.dsl.Dsl;",
        "import java.util.*;"), body);
    return Compile.compileWithOptions(new java.util.ArrayList<>(), List.of(), PipelineModelTest.LIB, source);
  }

  private static JavaFileObject p(Compilation c) {
    return c.sourceFiles().stream().filter(f -> f.getName().endsWith("P.java")).findFirst().orElseThrow();
  }

  @Test
  void inAPipelineWrittenForArgoItIsAnErrorOnTheCall() {
    Compilation c = compile("@Pipeline public static void p(String size) {", "  LibOps.add(1, 2).memoryLimit(size);", "}");
    assertThat(c).hadErrorContaining("[kfp4j:NotInArgo] memoryLimit(size) takes its value when the task runs, which only KFP 2 can "
        + "(KFP's set_cpu_limit(cpu), kfp-kubernetes' mount_pvc(t, pvc_name=p), add_node_selector_json(t, p)): kfp4j writes such "
        + "settings of an Argo workflow as constants; give a constant, or write this pipeline for KFP 2 only: @Pipeline(formats = Format.KFP2)")
        .inFile(p(c)).onLineContaining("memoryLimit(size)");
  }

  @Test
  void anythingElseIsABadSetting() {
    Compilation c = compile("@Pipeline(formats = Format.KFP2) public static void p(List<String> sizes) {",
        "  Dsl.forEach(sizes, s -> LibOps.add(1, 2).memoryLimit(s));", "}");
    assertThat(c).hadErrorContaining("[kfp4j:BadSetting] the argument of memoryLimit(...) must be a constant (a literal or a static "
        + "final field), a pipeline parameter or a task's output, not 's'").inFile(p(c)).onLineContaining("memoryLimit(s)");
    c = compile("@Pipeline(formats = Format.KFP2) public static void p(String claim, String path) {",
        "  LibOps.add(1, 2).mountPvc(claim, path);", "}");
    assertThat(c).hadErrorContaining("[kfp4j:BadSetting] the argument of mountPvc(...) must be a constant (a literal or a static "
        + "final field), not 'path'").inFile(p(c)).onLineContaining("mountPvc(claim, path)");
  }

  @Test
  void secretsConfigMapsPullSecretsSelectorsAffinitiesTolerationsAndAcceleratorsFromTheRun() {
    Kfp2PipelineTest.Compiled c = Kfp2PipelineTest.compile("@Pipeline(formats = Format.KFP2) public static void p(String secret, "
            + "Map<String, String> selector, Map<String, String> affinity, List<String> tolerations, String gpu, int count) {",
        "  var name = LibOps.greet(\"settings\");",
        "  LibOps.add(1, 2).envFromSecret(\"PASS\", secret, \"password\").envFromConfigMap(\"MODE\", name.output(), \"mode\", true)",
        "      .mountSecret(secret, \"/mnt/creds\").mountConfigMap(\"extra\", \"/etc/extra\", true).imagePullSecret(secret)",
        "      .nodeSelectorJson(selector).nodeAffinityJson(affinity).tolerationJson(tolerations).gpuLimit(count, gpu)",
        "      .securityContext(1000, 100, true);", "}");
    Argument secret = new Argument.PipelineParameter("secret");
    assertEquals(List.of(new PodSetting.EnvFrom(PodSetting.Source.SECRET, "PASS", secret, "password", false),
        new PodSetting.EnvFrom(PodSetting.Source.CONFIG_MAP, "MODE", new Argument.TaskOutput("greet", "Output"), "mode", true),
        new PodSetting.VolumeFrom(PodSetting.Source.SECRET, secret, "/mnt/creds", false),
        new PodSetting.VolumeFrom(PodSetting.Source.CONFIG_MAP, Argument.Constant.of("extra"), "/etc/extra", true),
        new PodSetting.ImagePullSecretFrom(secret), new PodSetting.NodeSelectorFrom(new Argument.PipelineParameter("selector")),
        new PodSetting.NodeAffinityFrom(new Argument.PipelineParameter("affinity")),
        new TaskSetting.TolerationFrom(new Argument.PipelineParameter("tolerations")),
        new TaskSetting.AcceleratorFrom(new Argument.PipelineParameter("gpu"), new Argument.PipelineParameter("count")),
        new PodSetting.SecurityContext(1000L, 100L, true)), ((Task) c.model().node("add").orElseThrow()).settings());
    JsonNode k8s = dev.kfp4j.yaml.Yaml.readAll(c.kfp2()).get(1).at("/platforms/kubernetes/deploymentSpec/executors/exec-add");
    assertEquals("[{\"keyToEnv\":[{\"envVar\":\"PASS\",\"secretKey\":\"password\"}],\"optional\":false,"
        + "\"secretNameParameter\":{\"componentInputParameter\":\"secret\"}}]", k8s.path("secretAsEnv").toString());
    assertEquals("{\"taskOutputParameter\":{\"outputParameterKey\":\"Output\",\"producerTask\":\"greet\"}}",
        k8s.at("/configMapAsEnv/0/configMapNameParameter").toString());
    assertEquals("[{\"secretNameParameter\":{\"componentInputParameter\":\"secret\"}}]", k8s.path("imagePullSecret").toString());
    assertEquals("{\"runAsGroup\":\"100\",\"runAsNonRoot\":true,\"runAsUser\":\"1000\"}", k8s.path("securityContext").toString());
    assertEquals("[\"greet\"]", Kfp2PipelineTest.task(c.spec(), "root", "add").path("dependentTasks").toString());
  }

  /** Argo substitutes a template's inputs in its text: a secret's name from the run is one, in both formats. */
  @Test
  void aSecretNamedByAParameterCompilesForArgoToo() {
    Kfp2PipelineTest.Compiled c = Kfp2PipelineTest.compile("@Pipeline public static void p(String secret) {",
        "  LibOps.add(1, 2).envFromSecret(\"PASS\", secret, \"password\").mountConfigMap(secret, \"/etc/app\", true);", "}");
    String argo = c.argo();
    dev.kfp4j.testing.ArgoSchemas.assertValid(argo, Kfp2PipelineTest.P);
    assertEquals(List.of(), dev.kfp4j.format.argo.ArgoRules.errors(dev.kfp4j.yaml.Yaml.read(argo)));
    assertTrue(argo.contains("name: \"{{inputs.parameters.k8s-name-1}}\""), argo);
    List<TaskSetting> settings = ((Task) c.model().node("add").orElseThrow()).settings();
    assertEquals(settings, ((Task) dev.kfp4j.format.argo.ArgoReader.read(argo, "p.yaml").node("add").orElseThrow()).settings());
    assertEquals(settings, ((Task) dev.kfp4j.format.kfp2.Kfp2Reader.read(c.kfp2(), "p.yaml").node("add").orElseThrow()).settings());
  }

  @Test
  void aConstantWhereOnlyARunsValueFitsAndANameFromTheRunForArgoAreErrorsOnTheCall() {
    Compilation c = compile("@Pipeline(formats = Format.KFP2) public static void p(String secret) {",
        "  LibOps.add(1, 2).imagePullSecret(\"regcred\");", "  LibOps.add(3, 4).nodeSelectorJson(Map.of(\"disk\", \"ssd\"));", "}");
    assertThat(c).hadErrorContaining("imagePullSecret(regcred): takes a pipeline parameter or a task's output, whose value the task "
        + "gets when it runs; give constant image pull secrets in @Pipeline(imagePullSecrets)").inFile(p(c))
        .onLineContaining("imagePullSecret(\"regcred\")");
    assertThat(c).hadErrorContaining("[kfp4j:BadSetting] the argument of nodeSelectorJson(...) must be a constant (a literal or a "
        + "static final field), a pipeline parameter or a task's output, not 'Map.of(\"disk\", \"ssd\")'").inFile(p(c))
        .onLineContaining("nodeSelectorJson(");
    c = compile("@Pipeline public static void p(String secret) {", "  LibOps.add(1, 2).imagePullSecret(secret);", "}");
    assertThat(c).hadErrorContaining("[kfp4j:NotInArgo] imagePullSecret(secret) takes its value when the task runs").inFile(p(c))
        .onLineContaining("imagePullSecret(");
    c = compile("@Pipeline(formats = Format.KFP2) public static void p(String secret, String key) {",
        "  LibOps.add(1, 2).envFromSecret(\"PASS\", secret, key);", "}");
    assertThat(c).hadErrorContaining("[kfp4j:BadSetting] the argument of envFromSecret(...) must be a constant (a literal or a static "
        + "final field), not 'key'").inFile(p(c)).onLineContaining("envFromSecret(");
  }
}
