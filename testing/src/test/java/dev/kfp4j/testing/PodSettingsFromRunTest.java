package dev.kfp4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.argo.ArgoReader;
import dev.kfp4j.format.argo.ArgoWriter;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.Workflow;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Loop;
import dev.kfp4j.model.Parameter;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.PodSetting;
import dev.kfp4j.model.PodSetting.Source;
import dev.kfp4j.model.Task;
import dev.kfp4j.model.RunSetting;
import dev.kfp4j.model.TaskSetting;
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
 * Secrets, config maps and image pull secrets a pipeline parameter or a task's output names when
 * the task runs (kfp-kubernetes' {@code use_secret_as_env(t, secret_name=p)}), optional ones, a node
 * selector and node affinity as JSON from a parameter ({@code add_node_selector_json}, {@code
 * add_node_affinity_json}) and a security context ({@code set_security_context}): KFP's own specs
 * read into the model ({@link PodSetting}), written back as KFP's SDK wrote their platform
 * document and valid as KFP's {@code .proto} messages, also inside loops; run locally (the
 * variables left unset, as a secret's of a constant name are); in Argo, the security context and
 * optional secrets of constant names written and read back, the rest refused.
 */
class PodSettingsFromRunTest {
  @TempDir Path dir;

  @BeforeAll
  static void shared() {
    Shared.root(Shared.KFP_PROTOS, Shared.ARGO_SCHEMAS);
  }

  private static String sdk(String name) {
    return Yaml.resource(PodSettingsFromRunTest.class, "settings/" + name + ".yaml");
  }

  /** KFP's spec {@code name} read, written again valid and stable, its platform document as KFP's SDK wrote it; the pipeline read. */
  private static Pipeline roundTrip(String name) {
    String yaml = name.startsWith("kubernetes/") ? Yaml.resource(PodSettingsFromRunTest.class, name + ".yaml") : sdk(name);
    Pipeline p = Kfp2Reader.read(yaml, name + ".yaml");
    String again = Kfp2Writer.write(p);
    assertEquals(List.of(), Kfp2Schemas.errors(again), name + ":\n" + again);
    assertEquals(again, Kfp2Writer.write(Kfp2Reader.read(again, name + " again")), "read back and written again the same");
    assertEquals(Yaml.readAll(yaml).get(1), Yaml.readAll(again).get(1), "the platform document as KFP's SDK wrote it:\n" + again);
    return p;
  }

  private static List<TaskSetting> settings(Pipeline p, String task) {
    return ((Task) p.node(task).orElseThrow()).settings();
  }

  @Test
  void secretsNamedByAParameterOrATaskOutputAsKfpsSdkWritesThem() {
    Pipeline p = roundTrip("pipeline_with_secret_as_env");
    assertEquals(List.of(new PodSetting.EnvFrom(Source.SECRET, "USER_NAME", new Argument.PipelineParameter("secret_parm"), "username", false),
        new TaskSetting.SecretEnv("PASSWORD_VAR1", "test-secret-2", "password"),
        new PodSetting.EnvFrom(Source.SECRET, "PASSWORD_VAR2", new Argument.TaskOutput("generate-secret-name", "some_output"), "password",
            false)), settings(p, "comp"));
    assertTrue(dev.kfp4j.model.Nodes.upstream((Task) p.node("comp").orElseThrow()).contains("generate-secret-name"));

    p = roundTrip("pipeline_with_secret_as_volume");
    assertEquals(List.of(new PodSetting.VolumeFrom(Source.SECRET, new Argument.PipelineParameter("secret_param"), "/mnt/my_vol", false)),
        settings(p, "comp"));
  }

  @Test
  void insideLoopsTheNameComesInThroughTheLoopsChannel() {
    Pipeline p = roundTrip("parallel_for_secret");
    assertEquals(List.of(new PodSetting.EnvFrom(Source.SECRET, "MY_SECRET_KEY", new Argument.PipelineParameter("my_secret_name"),
        "username", false)), settings(p, "example-component").subList(settings(p, "example-component").size() - 1,
        settings(p, "example-component").size()));
    p = roundTrip("nested_parallel_for_secret");
    assertTrue(p.node("for-loop-2").orElseThrow() instanceof Loop);
    assertTrue(settings(p, "worker-component").contains(new PodSetting.EnvFrom(Source.SECRET, "MY_SECRET_KEY",
        new Argument.TaskOutput("emit-secret-name", "Output"), "username", false)), settings(p, "worker-component").toString());
  }

  @Test
  void optionalInputsNameOptionalSecretsConfigMapsPullSecretsSelectorsAffinitiesAndTolerations() {
    Pipeline p = roundTrip("missing_kubernetes_optional_inputs");
    Argument config = new Argument.PipelineParameter("optional_config_map_name");
    Argument secret = new Argument.PipelineParameter("optional_secret_name");
    assertEquals(List.of(new RunSetting.Caching(false), new TaskSetting.TolerationFrom(new Argument.PipelineParameter("optional_tolerations")),
        new PodSetting.EnvFrom(Source.SECRET, "PASSWORD", secret, "password", true),
        new PodSetting.EnvFrom(Source.CONFIG_MAP, "SETTING", config, "setting", true),
        new PodSetting.VolumeFrom(Source.SECRET, secret, "/mnt/secret", true),
        new PodSetting.VolumeFrom(Source.CONFIG_MAP, config, "/mnt/config", true),
        new PodSetting.ImagePullSecretFrom(new Argument.PipelineParameter("optional_image_pull_secret_name")),
        new PodSetting.NodeSelectorFrom(new Argument.PipelineParameter("optional_selector")),
        new PodSetting.NodeAffinityFrom(new Argument.PipelineParameter("optional_affinity"))), settings(p, "log-message"));
    assertEquals(List.of(), p.settings().imagePullSecrets(), "a pull secret a parameter names is the task's, not the pipeline's");
  }

  @Test
  void kfpsSpecOfASecurityContextReadsAndWritesBack() {
    Pipeline p = roundTrip("kubernetes/security_context");
    assertEquals(List.of(new PodSetting.SecurityContext(65534L, 0L, null)), settings(p, "print-greeting"));
  }

  private static Pipeline echoes(List<TaskSetting> settings) {
    Task echo = new Task("echo", SettingsFromRunTest.ECHO, Map.of("text", Argument.Constant.of("ran")), List.of(), settings);
    return new Pipeline("secrets", null, List.of(new Parameter("secret", ParameterType.STRING, "creds", null),
        new Parameter("selector", ParameterType.STRUCT, "{\"disk\": \"ssd\"}", null)), List.of(echo), null, PipelineSettings.DEFAULTS,
        null);
  }

  @Test
  void locallyTheNamesAreResolvedAndTheVariablesLeftUnsetAsAConstantSecretsAre() {
    Argument secret = new Argument.PipelineParameter("secret");
    Pipeline p = echoes(List.of(new PodSetting.EnvFrom(Source.SECRET, "PASS", secret, "password", false),
        new PodSetting.EnvFrom(Source.CONFIG_MAP, "MODE", Argument.Constant.of("settings"), "mode", true),
        new PodSetting.VolumeFrom(Source.CONFIG_MAP, secret, "/etc/app", true),
        new PodSetting.NodeSelectorFrom(new Argument.PipelineParameter("selector")), new PodSetting.SecurityContext(1000L, null, true)));
    String yaml = Kfp2Writer.write(p);
    assertEquals(List.of(), Kfp2Schemas.errors(yaml), yaml);
    JsonNode k8s = Yaml.readAll(yaml).get(1).at("/platforms/kubernetes/deploymentSpec/executors/exec-echo");
    assertEquals("[{\"keyToEnv\":[{\"envVar\":\"PASS\",\"secretKey\":\"password\"}],\"optional\":false,"
        + "\"secretNameParameter\":{\"componentInputParameter\":\"secret\"}}]", k8s.path("secretAsEnv").toString());
    assertEquals("{\"nodeSelectorJson\":{\"componentInputParameter\":\"selector\"}}", k8s.path("nodeSelector").toString());
    assertEquals("{\"runAsNonRoot\":true,\"runAsUser\":\"1000\"}", k8s.path("securityContext").toString());
    assertEquals(p.nodes(), Kfp2Reader.read(yaml, "secrets.yaml").nodes());
    LocalRunner runner = LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(OutputStream.nullOutputStream())).progress(false).summary(false).build();
    RunResult r = runner.run(Workflow.parse(yaml, "secrets.yaml"), Map.of("secret", "other"));
    assertTrue(r.succeeded(), r.tasks().toString());
    assertEquals("ran", r.output("echo", "out"));
  }

  @Test
  void argoWritesTheSecurityContextAndOptionalSecretsAndRefusesNamesFromTheRun() {
    Pipeline p = echoes(List.of(new PodSetting.EnvFrom(Source.SECRET, "PASS", Argument.Constant.of("creds"), "password", true),
        new PodSetting.VolumeFrom(Source.CONFIG_MAP, Argument.Constant.of("settings"), "/etc/app", true),
        new PodSetting.SecurityContext(1000L, 100L, true)));
    String yaml = ArgoWriter.write(p);
    assertEquals(List.of(), ArgoSchemas.errors(yaml), yaml);
    JsonNode template = null;
    for (JsonNode t : Yaml.read(yaml).at("/spec/templates")) {
      if (t.path("name").asString("").equals("echo")) {
        template = t;
      }
    }
    assertEquals(Yaml.read("{runAsUser: 1000, runAsGroup: 100, runAsNonRoot: true}"), template.at("/container/securityContext"), yaml);
    assertEquals(Yaml.read("{name: creds, key: password, optional: true}"), template.at("/container/env/0/valueFrom/secretKeyRef"), yaml);
    assertEquals(Yaml.read("{name: settings, optional: true}"), template.at("/volumes/0/configMap"), yaml);
    assertEquals(((Task) p.nodes().get(0)).settings(), ((Task) ArgoReader.read(yaml, "p.yaml").nodes().get(0)).settings());

    FormatException e = assertThrows(FormatException.class, () -> ArgoWriter.write(echoes(List.of(
        new PodSetting.NodeSelectorFrom(new Argument.PipelineParameter("selector"))))));
    assertEquals("pipeline 'secrets', task 'echo': its node selector comes from pipeline parameter 'selector' as JSON when it runs "
        + "(kfp-kubernetes' add_node_selector_json), which kfp4j writes for KFP 2 only: give node selector labels as constants, or "
        + "write this pipeline in the KFP 2 format only", e.getMessage());
    e = assertThrows(FormatException.class, () -> ArgoWriter.write(echoes(List.of(
        new PodSetting.ImagePullSecretFrom(new Argument.PipelineParameter("secret"))))));
    assertTrue(e.getMessage().contains("an image pull secret of its pod is named by pipeline parameter 'secret'"), e.getMessage());
  }

  /** Argo substitutes a template's inputs in its text: a secret's name from a parameter or an output is such an input. */
  @Test
  void argoNamesASecretFromTheRunByAnInputOfTheTemplate() {
    Task name = new Task("name", SettingsFromRunTest.ECHO, Map.of("text", Argument.Constant.of("settings")));
    List<TaskSetting> settings = List.of(
        new PodSetting.EnvFrom(Source.SECRET, "PASS", new Argument.PipelineParameter("secret"), "password", false),
        new PodSetting.VolumeFrom(Source.CONFIG_MAP, new Argument.TaskOutput("name", "out"), "/etc/app", true));
    Task echo = new Task("echo", SettingsFromRunTest.ECHO, Map.of("text", Argument.Constant.of("ran")), List.of(), settings);
    Loop loop = new Loop("loop-1", new Loop.Constants(List.of(Argument.Constant.of("a"), Argument.Constant.of("b"))), 0, List.of(echo));
    Pipeline p = new Pipeline("secrets", null, List.of(new Parameter("secret", ParameterType.STRING, "creds", null)), List.of(name, loop),
        null, PipelineSettings.DEFAULTS, null);
    String yaml = ArgoWriter.write(p);
    assertEquals(List.of(), ArgoSchemas.errors(yaml), yaml);
    assertEquals(List.of(), dev.kfp4j.format.argo.ArgoRules.errors(Yaml.read(yaml)), yaml);
    JsonNode template = null;
    for (JsonNode t : Yaml.read(yaml).at("/spec/templates")) {
      if (t.has("container") && t.at("/container/env").size() > 0) {
        template = t;
      }
    }
    assertEquals("{\"name\":\"{{inputs.parameters.k8s-name-1}}\",\"key\":\"password\"}",
        template.at("/container/env/0/valueFrom/secretKeyRef").toString(), yaml);
    assertEquals(Yaml.read("{name: '{{inputs.parameters.k8s-name-2}}', optional: true}"), template.at("/volumes/0/configMap"), yaml);
    assertTrue(yaml.contains("value: '{{workflow.parameters.secret}}'") || yaml.contains("value: '{{inputs.parameters."), yaml);
    Pipeline read = ArgoReader.read(yaml, "secrets.yaml");
    assertEquals(settings, ((Task) read.node("echo").orElseThrow()).settings());
    assertEquals(ArgoWriter.write(read), yaml, "written again the same");
    LocalRunner runner = LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(OutputStream.nullOutputStream())).progress(false).summary(false).build();
    RunResult r = runner.run(Workflow.parse(yaml, "secrets.yaml"), Map.of());
    assertTrue(r.succeeded(), r.tasks().toString());
  }

  /** kfp-kubernetes' PodAffinityTerm: KFP 2's podAffinity, Argo's affinity.podAffinity and podAntiAffinity; both read back. */
  @Test
  void podAffinityTermsInBothFormats() {
    var tier = new TaskSetting.NodeAffinity.Requirement("tier", "In", List.of("cache"));
    List<TaskSetting> settings = List.of(new PodSetting.PodAffinity(Map.of("app", "db"), List.of(tier), "kubernetes.io/hostname",
        List.of("ml"), Map.of("team", "ml"), List.of(), null, false),
        new PodSetting.PodAffinity(Map.of("app", "web"), List.of(), "topology.kubernetes.io/zone", List.of(), Map.of(), List.of(), 50, true));
    Pipeline p = echoes(settings);
    String kfp2 = Kfp2Writer.write(p);
    assertEquals(List.of(), Kfp2Schemas.errors(kfp2), kfp2);
    assertEquals(Yaml.read("""
        [{matchPodExpressions: [{key: tier, operator: In, values: [cache]}], matchPodLabels: {app: db}, topologyKey: kubernetes.io/hostname,
          namespaces: [ml], matchNamespaceLabels: {team: ml}},
         {matchPodLabels: {app: web}, topologyKey: topology.kubernetes.io/zone, weight: 50.0, anti: true}]"""),
        Yaml.readAll(kfp2).get(1).at("/platforms/kubernetes/deploymentSpec/executors/exec-echo/podAffinity"), kfp2);
    assertEquals(settings, ((Task) Kfp2Reader.read(kfp2, "p.yaml").nodes().get(0)).settings());

    String argo = ArgoWriter.write(p);
    assertEquals(List.of(), ArgoSchemas.errors(argo), argo);
    JsonNode affinity = null;
    for (JsonNode t : Yaml.read(argo).at("/spec/templates")) {
      if (t.has("affinity")) {
        affinity = t.get("affinity");
      }
    }
    assertEquals(Yaml.read("""
        podAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
          - labelSelector: {matchLabels: {app: db}, matchExpressions: [{key: tier, operator: In, values: [cache]}]}
            namespaces: [ml]
            topologyKey: kubernetes.io/hostname
            namespaceSelector: {matchLabels: {team: ml}}
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
          - weight: 50
            podAffinityTerm: {labelSelector: {matchLabels: {app: web}}, topologyKey: topology.kubernetes.io/zone}"""), affinity, argo);
    assertEquals(settings, ((Task) ArgoReader.read(argo, "p.yaml").nodes().get(0)).settings());
    assertThrows(IllegalArgumentException.class, () -> new PodSetting.PodAffinity(Map.of("app", "db"), List.of(), "", List.of(), Map.of(),
        List.of(), null, false));
    assertThrows(IllegalArgumentException.class, () -> new PodSetting.PodAffinity(Map.of(), List.of(new TaskSetting.NodeAffinity.Requirement(
        "n", "Gt", List.of("1"))), "kubernetes.io/hostname", List.of(), Map.of(), List.of(), null, false));
  }

  @Test
  void aNameFromTheRunIsAParameterOrAnOutputAndAConstantOneIsOptional() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new PodSetting.EnvFrom(Source.SECRET, "PASS", Argument.Constant.of("creds"), "password", false));
    assertEquals("envFromSecret(\"creds\", ...): a secret of a constant name that must exist is a SecretEnv or ConfigMapEnv setting",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new PodSetting.NodeAffinityFrom(new Argument.LoopItem("loop-1", null)));
    assertThrows(IllegalArgumentException.class, () -> new PodSetting.SecurityContext(null, null, null));
    assertThrows(IllegalArgumentException.class, () -> new PodSetting.SecurityContext(0L, null, true));
  }
}
