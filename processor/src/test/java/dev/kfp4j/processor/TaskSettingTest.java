package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.kfp4j.dsl.Task;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PodSetting;
import dev.kfp4j.model.RunSetting;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.model.TaskSetting.Resource.Kind;
import dev.kfp4j.yaml.Yaml;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.provider.Arguments;
import tools.jackson.databind.JsonNode;

/**
 * Each task setting compiles to the record its {@code dev.kfp4j.dsl.Task} method makes, and each
 * {@code @Pipeline} option to the pipeline's settings.
 */
class TaskSettingTest {
  static Stream<Arguments> settings() {
    return Stream.of(
        Arguments.of("displayName(\"Add two\")", new TaskSetting.DisplayName("Add two")),
        Arguments.of("cpuRequest(\"500m\")", new TaskSetting.Resource(Kind.CPU_REQUEST, "500m")),
        Arguments.of("cpuLimit(\"2\")", new TaskSetting.Resource(Kind.CPU_LIMIT, "2")),
        Arguments.of("memoryRequest(\"512Mi\")", new TaskSetting.Resource(Kind.MEMORY_REQUEST, "512Mi")),
        Arguments.of("memoryLimit(\"2Gi\")", new TaskSetting.Resource(Kind.MEMORY_LIMIT, "2Gi")),
        Arguments.of("gpuLimit(2)", new TaskSetting.Accelerator(2, "nvidia.com/gpu")),
        Arguments.of("gpuLimit(1, \"amd.com/gpu\")", new TaskSetting.Accelerator(1, "amd.com/gpu")),
        Arguments.of("env(\"MODE\", \"fast\")", new TaskSetting.Env("MODE", "fast")),
        Arguments.of("envFromSecret(\"TOKEN\", \"creds\", \"token\")", new TaskSetting.SecretEnv("TOKEN", "creds", "token")),
        Arguments.of("envFromConfigMap(\"MODE\", \"settings\", \"mode\")", new TaskSetting.ConfigMapEnv("MODE", "settings", "mode")),
        Arguments.of("nodeSelector(\"pool\", \"gpu\")", new TaskSetting.NodeSelector("pool", "gpu")),
        Arguments.of("toleration(\"gpu\", \"Equal\", \"true\", \"NoSchedule\")",
            new TaskSetting.Toleration("gpu", "Equal", "true", "NoSchedule")),
        Arguments.of("retries(3)", new RunSetting.Retry(3, null)),
        Arguments.of("retries(3, \"OnFailure\")", new RunSetting.Retry(3, "OnFailure")),
        Arguments.of("retryBackoff(\"5s\", 2, \"1m\")", new RunSetting.RetryBackoff("5s", 2, "1m")),
        Arguments.of("timeout(60)", new RunSetting.Timeout(60)),
        Arguments.of("caching(false)", new RunSetting.Caching(false)),
        Arguments.of("imagePullPolicy(\"IfNotPresent\")", new TaskSetting.ImagePullPolicy("IfNotPresent")),
        Arguments.of("containerImage(\"registry.example.com/team/adder:2\")",
            new TaskSetting.ContainerImage(dev.kfp4j.model.Argument.Constant.of("registry.example.com/team/adder:2"))),
        Arguments.of("podLabel(\"team\", \"ml\")", new TaskSetting.PodLabel("team", "ml")),
        Arguments.of("podAnnotation(\"owner\", \"ada\")", new TaskSetting.PodAnnotation("owner", "ada")),
        Arguments.of("mountPvc(\"shared\", \"/data\")", new TaskSetting.PvcMount("shared", "/data")),
        Arguments.of("mountPvc(\"shared\", \"/data\", \"models\")", new TaskSetting.PvcMount("shared", "/data", "models")),
        Arguments.of("mountSecret(\"creds\", \"/mnt/creds\")", new TaskSetting.SecretVolume("creds", "/mnt/creds")),
        Arguments.of("mountConfigMap(\"settings\", \"/etc/app\")", new TaskSetting.ConfigMapVolume("settings", "/etc/app")),
        Arguments.of("envFromField(\"POD\", \"metadata.name\")", new TaskSetting.FieldPathEnv("POD", "metadata.name")),
        Arguments.of("mountEmptyDir(\"shm\", \"/dev/shm\", \"Memory\", \"1Gi\")",
            new TaskSetting.EmptyDirMount("shm", "/dev/shm", "Memory", "1Gi")),
        Arguments.of("nodeAffinity(\"disktype\", \"In\", \"ssd\", \"nvme\")", new TaskSetting.NodeAffinity(
            List.of(new TaskSetting.NodeAffinity.Requirement("disktype", "In", List.of("ssd", "nvme"))), List.of(), null)),
        Arguments.of("preferredNodeAffinity(50, \"gpu\", \"Exists\")", new TaskSetting.NodeAffinity(
            List.of(new TaskSetting.NodeAffinity.Requirement("gpu", "Exists", List.of())), List.of(), 50)),
        Arguments.of("envFromSecret(\"TOKEN\", \"creds\", \"token\", true)", new PodSetting.EnvFrom(PodSetting.Source.SECRET, "TOKEN",
            Argument.Constant.of("creds"), "token", true)),
        Arguments.of("mountConfigMap(\"settings\", \"/etc/app\", true)", new PodSetting.VolumeFrom(PodSetting.Source.CONFIG_MAP,
            Argument.Constant.of("settings"), "/etc/app", true)),
        Arguments.of("securityContext(1000, 100, true)", new PodSetting.SecurityContext(1000L, 100L, true)),
        Arguments.of("securityContext(true)", new PodSetting.SecurityContext(null, null, true)),
        Arguments.of("podAffinity(\"kubernetes.io/hostname\", \"app\", \"cache\")", new PodSetting.PodAffinity(java.util.Map.of("app",
            "cache"), List.of(), "kubernetes.io/hostname", List.of(), java.util.Map.of(), List.of(), null, false)),
        Arguments.of("podAntiAffinity(\"kubernetes.io/hostname\", \"app\", \"web\")", new PodSetting.PodAffinity(java.util.Map.of("app",
            "web"), List.of(), "kubernetes.io/hostname", List.of(), java.util.Map.of(), List.of(), null, true)),
        Arguments.of("preferredPodAffinity(50, \"topology.kubernetes.io/zone\", \"app\", \"db\")", new PodSetting.PodAffinity(
            java.util.Map.of("app", "db"), List.of(), "topology.kubernetes.io/zone", List.of(), java.util.Map.of(), List.of(), 50, false)),
        Arguments.of("preferredPodAntiAffinity(10, \"kubernetes.io/hostname\", \"app\", \"web\")", new PodSetting.PodAffinity(
            java.util.Map.of("app", "web"), List.of(), "kubernetes.io/hostname", List.of(), java.util.Map.of(), List.of(), 10, true)),
        Arguments.of("mountEphemeralVolume(\"scratch\", \"/scratch\", \"5Gi\")", new TaskSetting.EphemeralVolume("scratch", "/scratch",
            List.of("ReadWriteOnce"), "5Gi", "", java.util.Map.of(), java.util.Map.of())),
        Arguments.of("mountEphemeralVolume(\"scratch\", \"/scratch\", \"5Gi\", \"ReadWriteOncePod\", \"fast\")",
            new TaskSetting.EphemeralVolume("scratch", "/scratch", List.of("ReadWriteOncePod"), "5Gi", "fast", java.util.Map.of(),
                java.util.Map.of())));
  }

  static Pipeline model(String... body) {
    return PipelineModelTest.model(body);
  }

  /** One pipeline with one task per setting (compiled once): task {@code add}, {@code add-2}, ... */
  @TestFactory
  Stream<DynamicTest> eachSettingCompilesToTheRecordItsMethodMakes() {
    List<Arguments> rows = settings().toList();
    List<String> body = new ArrayList<>(List.of("@Pipeline public static void p() {"));
    rows.forEach(r -> body.add("  LibOps.add(1, 2)." + r.get()[0] + ";"));
    body.add("}");
    Pipeline p = model(body.toArray(String[]::new));
    return IntStream.range(0, rows.size()).mapToObj(i -> DynamicTest.dynamicTest((String) rows.get(i).get()[0], () ->
        assertThat(PipelineModelTest.task(p, i == 0 ? "add" : "add-" + (i + 1)).settings()).containsExactly(rows.get(i).get()[1])));
  }

  @Test
  void everySettingOfTheDslIsInTheTableAbove() {
    Set<String> tested = new TreeSet<>();
    settings().forEach(a -> tested.add(((String) a.get()[0]).substring(0, ((String) a.get()[0]).indexOf('('))));
    tested.add("after"); // PipelineModelTest.afterNamesTheTasksWaitedFor
    tested.add("mountVolume"); // PipelineModelTest.aVolumeIsAStepThatTasksMountAndWaitFor
    tested.add("ignoreUpstreamFailure"); // KFP 2 only: IgnoreUpstreamFailureTest
    tested.add("cacheKey"); // KFP 2 only: CacheKeyTest
    // each takes a run's value only: SettingFromRunTest
    tested.addAll(List.of("imagePullSecret", "nodeSelectorJson", "nodeAffinityJson", "tolerationJson"));
    Set<String> methods = new TreeSet<>();
    TypeVariable<?> self = Task.class.getTypeParameters()[0];
    for (Method m : Task.class.getDeclaredMethods()) {
      if (Modifier.isPublic(m.getModifiers()) && m.getGenericReturnType().equals(self)) {
        methods.add(m.getName());
      }
    }
    assertThat(tested).isEqualTo(methods);
  }

  /** Issue 14: secrets and config maps as env or volumes, in both formats, each valid and read back. */
  @Test
  void secretsAndConfigMapsAsEnvOrVolumesCompileToBothFormats() {
    Kfp2PipelineTest.Compiled c = Kfp2PipelineTest.compile(
        "@Pipeline public static void p() {",
        "  LibOps.add(1, 2).envFromConfigMap(\"MODE\", \"settings\", \"mode\").mountSecret(\"creds\", \"/mnt/creds\")",
        "      .mountConfigMap(\"settings\", \"/etc/app\");",
        "}");
    List<TaskSetting> expected = List.of(new TaskSetting.ConfigMapEnv("MODE", "settings", "mode"),
        new TaskSetting.SecretVolume("creds", "/mnt/creds"), new TaskSetting.ConfigMapVolume("settings", "/etc/app"));
    assertThat(PipelineModelTest.task(c.model(), "add").settings()).isEqualTo(expected);

    String argo = c.argo();
    dev.kfp4j.testing.ArgoSchemas.assertValid(argo, Kfp2PipelineTest.P);
    assertThat(dev.kfp4j.format.argo.ArgoRules.errors(Yaml.read(argo))).isEmpty();
    assertThat(argo).contains("configMapKeyRef");
    Pipeline fromArgo = dev.kfp4j.format.argo.ArgoReader.read(argo, Kfp2PipelineTest.P);
    assertThat(PipelineModelTest.task(fromArgo, "add").settings()).isEqualTo(expected);

    String kfp2 = c.kfp2(); // strict: KFP's PlatformSpec message
    JsonNode executor = Yaml.readAll(kfp2).get(1).at("/platforms/kubernetes/deploymentSpec/executors/exec-add");
    assertThat(executor.at("/configMapAsEnv/0/keyToEnv/0/configMapKey").asString()).isEqualTo("mode");
    assertThat(executor.at("/secretAsVolume/0/mountPath").asString()).isEqualTo("/mnt/creds");
    assertThat(executor.at("/configMapAsVolume/0/configMapName").asString()).isEqualTo("settings");
    Pipeline fromKfp2 = dev.kfp4j.format.kfp2.Kfp2Reader.read(kfp2, Kfp2PipelineTest.P2);
    assertThat(PipelineModelTest.task(fromKfp2, "add").settings()).isEqualTo(expected);
  }

  /** kfp-kubernetes' use_field_path_as_env, empty_dir_mount and add_node_affinity: both formats, each valid and read back. */
  @Test
  void podFieldsAsEnvEmptyDirVolumesAndNodeAffinityCompileToBothFormats() {
    Kfp2PipelineTest.Compiled c = Kfp2PipelineTest.compile(
        "@Pipeline public static void p() {",
        "  LibOps.add(1, 2).envFromField(\"POD\", \"metadata.name\").envFromField(\"TEAM\", \"metadata.labels['team']\")",
        "      .mountEmptyDir(\"shm\", \"/dev/shm\", \"Memory\", \"1Gi\").mountEmptyDir(\"scratch\", \"/scratch\")",
        "      .nodeAffinity(\"disktype\", \"In\", \"ssd\").preferredNodeAffinity(20, \"zone\", \"NotIn\", \"a\", \"b\");",
        "}");
    List<TaskSetting> expected = List.of(new TaskSetting.FieldPathEnv("POD", "metadata.name"),
        new TaskSetting.FieldPathEnv("TEAM", "metadata.labels['team']"), new TaskSetting.EmptyDirMount("shm", "/dev/shm", "Memory", "1Gi"),
        new TaskSetting.EmptyDirMount("scratch", "/scratch", "", ""),
        new TaskSetting.NodeAffinity(List.of(new TaskSetting.NodeAffinity.Requirement("disktype", "In", List.of("ssd"))), List.of(), null),
        new TaskSetting.NodeAffinity(List.of(new TaskSetting.NodeAffinity.Requirement("zone", "NotIn", List.of("a", "b"))), List.of(), 20));
    assertThat(PipelineModelTest.task(c.model(), "add").settings()).isEqualTo(expected);

    String argo = c.argo();
    dev.kfp4j.testing.ArgoSchemas.assertValid(argo, Kfp2PipelineTest.P);
    assertThat(dev.kfp4j.format.argo.ArgoRules.errors(Yaml.read(argo))).isEmpty();
    JsonNode template = Yaml.read(argo).at("/spec/templates/1");
    assertThat(template.at("/container/env/0/valueFrom/fieldRef/fieldPath").asString()).isEqualTo("metadata.name");
    assertThat(template.at("/volumes/0/emptyDir/medium").asString()).isEqualTo("Memory");
    assertThat(template.at("/container/volumeMounts/1/mountPath").asString()).isEqualTo("/scratch");
    assertThat(template.at("/affinity/nodeAffinity/preferredDuringSchedulingIgnoredDuringExecution/0/preference/matchExpressions/0/values")
        .toString()).isEqualTo("[\"a\",\"b\"]");
    Pipeline fromArgo = dev.kfp4j.format.argo.ArgoReader.read(argo, Kfp2PipelineTest.P);
    assertThat(PipelineModelTest.task(fromArgo, "add").settings()).isEqualTo(expected);

    String kfp2 = c.kfp2(); // strict: KFP's PlatformSpec message
    JsonNode executor = Yaml.readAll(kfp2).get(1).at("/platforms/kubernetes/deploymentSpec/executors/exec-add");
    assertThat(executor.at("/fieldPathAsEnv/1/fieldPath").asString()).isEqualTo("metadata.labels['team']");
    assertThat(executor.at("/emptyDirMounts/0/sizeLimit").asString()).isEqualTo("1Gi");
    assertThat(executor.at("/emptyDirMounts/1").toString()).isEqualTo("{\"mountPath\":\"/scratch\",\"volumeName\":\"scratch\"}");
    assertThat(executor.at("/nodeAffinity/0").toString())
        .isEqualTo("{\"matchExpressions\":[{\"key\":\"disktype\",\"operator\":\"In\",\"values\":[\"ssd\"]}]}");
    Pipeline fromKfp2 = dev.kfp4j.format.kfp2.Kfp2Reader.read(kfp2, Kfp2PipelineTest.P2);
    // the platform document keeps the order within each list, not across them: written again, it is the same
    assertThat(PipelineModelTest.task(fromKfp2, "add").settings()).containsExactlyElementsIn(expected);
    assertThat(dev.kfp4j.format.kfp2.Kfp2Writer.write(fromKfp2)).isEqualTo(dev.kfp4j.format.kfp2.Kfp2Writer.write(c.model()));
  }

  @Test
  void settingsKeepTheOrderOfTheirCallsAsTheDslRecordsThem() {
    Pipeline p = model(
        "static final String CPU = \"1\";",
        "static final long MINUTE = 60L;",
        "@Pipeline public static void p() {",
        "  var t = LibOps.add(1, 2).cpuLimit(CPU);",
        "  t.env(\"A\", \"1\").timeout(MINUTE);",
        "  t.cpuLimit(\"2\");",
        "}");
    var dsl = new dev.kfp4j.dsl.IntTask("add", new Object[0]).cpuLimit("1");
    dsl.env("A", "1").timeout(60L);
    dsl.cpuLimit("2");
    assertThat(PipelineModelTest.task(p, "add").settings()).isEqualTo(dsl.settings());
    assertThat(dsl.settings()).containsExactly(
        new TaskSetting.Resource(Kind.CPU_LIMIT, "1"), new TaskSetting.Env("A", "1"), new RunSetting.Timeout(60),
        new TaskSetting.Resource(Kind.CPU_LIMIT, "2")).inOrder();
  }

  @Test
  void pipelineOptionsCompileToThePipelinesSettings() {
    List<Pipeline> models = new ArrayList<>();
    JavaFileObject source = Compile.testClass("P", List.of("import dev.kfp4j.annotations.*;"),
        "@Pipeline(name = \"opts\", serviceAccount = \"runner\", ttlSecondsAfterFinished = 600, activeDeadlineSeconds = 3600L,",
        "    parallelism = 4, imagePullSecrets = {\"regcred\", \"mirror\"}, nodeSelector = {\"pool=batch\", \"zone = a\"},",
        "    podGc = \"OnPodSuccess\", formats = Format.ARGO)",
        "public static void p() { LibOps.add(1, 2); }");
    Compilation c = Compile.compile(models, PipelineModelTest.LIB, source);
    assertThat(c).succeeded();
    assertThat(models.get(0).settings()).isEqualTo(new dev.kfp4j.model.PipelineSettings(
        "runner", 600, 3600, 4, List.of("regcred", "mirror"), java.util.Map.of("pool", "batch", "zone", "a"), "OnPodSuccess"));
    JsonNode spec = Yaml.read(Compile.resource(c, "META-INF/kfp4j/pipelines/opts.yaml")).get("spec");
    assertThat(spec.get("serviceAccountName").asString()).isEqualTo("runner");
    assertThat(spec.get("parallelism").asInt()).isEqualTo(4);
    assertThat(spec.get("imagePullSecrets").toString()).isEqualTo("[{\"name\":\"regcred\"},{\"name\":\"mirror\"}]");
    assertThat(spec.get("nodeSelector").toString()).isEqualTo("{\"pool\":\"batch\",\"zone\":\"a\"}");
    assertThat(spec.get("activeDeadlineSeconds").asLong()).isEqualTo(3600);
    assertThat(spec.get("ttlStrategy").toString()).isEqualTo("{\"secondsAfterCompletion\":600}");
    assertThat(spec.get("podGC").toString()).isEqualTo("{\"strategy\":\"OnPodSuccess\"}");
  }

  @Test
  void withoutOptionsAPipelineHasTheDefaultSettings() {
    List<Pipeline> models = new ArrayList<>();
    Compilation c = Compile.compile(models, PipelineModelTest.LIB, Compile.testClass("P", List.of("import dev.kfp4j.annotations.*;"),
        "@Pipeline public static void p() { LibOps.add(1, 2); }"));
    assertThat(c).succeeded();
    assertThat(models.get(0).settings()).isEqualTo(dev.kfp4j.model.PipelineSettings.DEFAULTS);
    JsonNode spec = Yaml.read(Compile.resource(c, "META-INF/kfp4j/pipelines/p.yaml")).get("spec");
    assertThat(spec.get("serviceAccountName").asString()).isEqualTo("pipeline-runner");
    for (String key : List.of("parallelism", "imagePullSecrets", "nodeSelector", "activeDeadlineSeconds", "ttlStrategy", "podGC")) {
      assertThat(spec.has(key)).isFalse();
    }
  }

  @Test
  void aConstantGivenToAFileInputIsARawArtifact() {
    Compilation c = Compile.compile(PipelineModelTest.LIB, Compile.testClass("P", List.of("import dev.kfp4j.annotations.*;"),
        "@Pipeline(formats = Format.ARGO) public static void p(String text) { LibOps.read(\"hello\"); LibOps.read(text); }"));
    assertThat(c).succeeded();
    JsonNode tasks = Yaml.read(Compile.resource(c, "META-INF/kfp4j/pipelines/p.yaml")).at("/spec/templates/0/dag/tasks");
    assertThat(tasks.get(0).at("/arguments/artifacts").toString()).isEqualTo("[{\"name\":\"text\",\"raw\":{\"data\":\"hello\"}}]");
    assertThat(tasks.get(1).at("/arguments/artifacts").toString())
        .isEqualTo("[{\"name\":\"text\",\"raw\":{\"data\":\"{{workflow.parameters.text}}\"}}]");
  }
}
