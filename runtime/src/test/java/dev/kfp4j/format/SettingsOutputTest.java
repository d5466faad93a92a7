package dev.kfp4j.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kfp4j.format.argo.ArgoWriter;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.Task;
import dev.kfp4j.model.RunSetting;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.model.TaskSetting.Resource.Kind;
import dev.kfp4j.spec.ComponentSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * What each task setting and each pipeline option compiles to in both formats: the lines of the
 * Argo workflow and of the KFP 2 documents (pipeline spec {@code /0}, platform spec {@code /1})
 * that a pipeline of one task gains with it, each as {@code pointer = value}.
 */
class SettingsOutputTest {
  private static final ComponentSpec ECHO = TestComponents.ECHO;

  private static final String T = "/spec/templates/1"; // the task's template; /spec/templates/0 is the pipeline's DAG
  private static final String EXEC = "/1/platforms/kubernetes/deploymentSpec/executors/exec-echo";
  private static final String CONTAINER = "/0/deploymentSpec/executors/exec-echo/container";
  private static final String TASK = "/0/root/dag/tasks/echo";

  /** A setting, what it adds to the Argo workflow, and what it adds to the KFP 2 documents. */
  private record Row(TaskSetting setting, List<String> argo, List<String> kfp2) {}

  private static Row row(TaskSetting setting, List<String> argo, List<String> kfp2) {
    return new Row(setting, argo, kfp2);
  }

  static Stream<Row> taskSettings() {
    return Stream.of(
        row(new TaskSetting.DisplayName("Add two"),
            List.of(T + "/metadata/annotations/pipelines.kubeflow.org/task_display_name = \"Add two\""),
            List.of(TASK + "/taskInfo/name = \"Add two\"")),
        row(new TaskSetting.Resource(Kind.CPU_REQUEST, "500m"),
            List.of(T + "/container/resources/requests/cpu = \"500m\""),
            List.of(
                CONTAINER + "/resources/cpuRequest = 0.5",
                CONTAINER + "/resources/resourceCpuRequest = \"500m\"")),
        row(new TaskSetting.Resource(Kind.CPU_LIMIT, "2"),
            List.of(T + "/container/resources/limits/cpu = \"2\""),
            List.of(
                CONTAINER + "/resources/cpuLimit = 2.0",
                CONTAINER + "/resources/resourceCpuLimit = \"2\"")),
        row(new TaskSetting.Resource(Kind.MEMORY_REQUEST, "512Mi"),
            List.of(T + "/container/resources/requests/memory = \"512Mi\""),
            List.of(
                CONTAINER + "/resources/memoryRequest = 0.536870912",
                CONTAINER + "/resources/resourceMemoryRequest = \"512Mi\"")),
        row(new TaskSetting.Resource(Kind.MEMORY_LIMIT, "2Gi"),
            List.of(T + "/container/resources/limits/memory = \"2Gi\""),
            List.of(
                CONTAINER + "/resources/memoryLimit = 2.147483648",
                CONTAINER + "/resources/resourceMemoryLimit = \"2Gi\"")),
        row(new TaskSetting.Accelerator(2, "nvidia.com/gpu"),
            List.of(T + "/container/resources/limits/nvidia.com/gpu = \"2\""),
            List.of(
                CONTAINER + "/resources/accelerator/count = \"2\"",
                CONTAINER + "/resources/accelerator/resourceCount = \"2\"",
                CONTAINER + "/resources/accelerator/resourceType = \"nvidia.com/gpu\"",
                CONTAINER + "/resources/accelerator/type = \"nvidia.com/gpu\"")),
        row(new TaskSetting.Env("MODE", "fast"),
            List.of(
                T + "/container/env/0/name = \"MODE\"",
                T + "/container/env/0/value = \"fast\""),
            List.of(
                CONTAINER + "/env/0/name = \"MODE\"",
                CONTAINER + "/env/0/value = \"fast\"")),
        row(new TaskSetting.SecretEnv("TOKEN", "creds", "token"),
            List.of(
                T + "/container/env/0/name = \"TOKEN\"",
                T + "/container/env/0/valueFrom/secretKeyRef/key = \"token\"",
                T + "/container/env/0/valueFrom/secretKeyRef/name = \"creds\""),
            List.of(
                EXEC + "/secretAsEnv/0/keyToEnv/0/envVar = \"TOKEN\"",
                EXEC + "/secretAsEnv/0/keyToEnv/0/secretKey = \"token\"",
                EXEC + "/secretAsEnv/0/optional = false",
                EXEC + "/secretAsEnv/0/secretName = \"creds\"",
                EXEC + "/secretAsEnv/0/secretNameParameter/runtimeValue/constant = \"creds\"")),
        row(new TaskSetting.ConfigMapEnv("MODE", "settings", "mode"),
            List.of(
                T + "/container/env/0/name = \"MODE\"",
                T + "/container/env/0/valueFrom/configMapKeyRef/key = \"mode\"",
                T + "/container/env/0/valueFrom/configMapKeyRef/name = \"settings\""),
            List.of(
                EXEC + "/configMapAsEnv/0/configMapName = \"settings\"",
                EXEC + "/configMapAsEnv/0/configMapNameParameter/runtimeValue/constant = \"settings\"",
                EXEC + "/configMapAsEnv/0/keyToEnv/0/configMapKey = \"mode\"",
                EXEC + "/configMapAsEnv/0/keyToEnv/0/envVar = \"MODE\"",
                EXEC + "/configMapAsEnv/0/optional = false")),
        row(new TaskSetting.NodeSelector("pool", "gpu"),
            List.of(T + "/nodeSelector/pool = \"gpu\""),
            List.of(EXEC + "/nodeSelector/labels/pool = \"gpu\"")),
        row(new TaskSetting.Toleration("gpu", "Equal", "true", "NoSchedule"),
            List.of(
                T + "/tolerations/0/effect = \"NoSchedule\"",
                T + "/tolerations/0/key = \"gpu\"",
                T + "/tolerations/0/operator = \"Equal\"",
                T + "/tolerations/0/value = \"true\""),
            List.of(
                EXEC + "/tolerations/0/effect = \"NoSchedule\"",
                EXEC + "/tolerations/0/key = \"gpu\"",
                EXEC + "/tolerations/0/operator = \"Equal\"",
                EXEC + "/tolerations/0/value = \"true\"")),
        row(new RunSetting.Retry(3, null),
            List.of(T + "/retryStrategy/limit = \"3\""),
            List.of(
                TASK + "/retryPolicy/backoffDuration = \"0s\"",
                TASK + "/retryPolicy/backoffFactor = 2.0",
                TASK + "/retryPolicy/backoffMaxDuration = \"3600s\"",
                TASK + "/retryPolicy/maxRetryCount = 3")),
        row(new RunSetting.Retry(3, "OnFailure"),
            List.of(
                T + "/retryStrategy/limit = \"3\"",
                T + "/retryStrategy/retryPolicy = \"OnFailure\""),
            List.of(
                TASK + "/retryPolicy/backoffDuration = \"0s\"",
                TASK + "/retryPolicy/backoffFactor = 2.0",
                TASK + "/retryPolicy/backoffMaxDuration = \"3600s\"",
                TASK + "/retryPolicy/maxRetryCount = 3")),
        row(new RunSetting.RetryBackoff("5s", 2, "1m"),
            List.of(
                T + "/retryStrategy/backoff/duration = \"5s\"",
                T + "/retryStrategy/backoff/factor = \"2\"",
                T + "/retryStrategy/backoff/maxDuration = \"1m\"",
                T + "/retryStrategy/limit = \"0\""), // without it, Argo would retry forever
            List.of(
                TASK + "/retryPolicy/backoffDuration = \"5s\"",
                TASK + "/retryPolicy/backoffFactor = 2.0",
                TASK + "/retryPolicy/backoffMaxDuration = \"60s\"")),
        row(new RunSetting.Timeout(60),
            List.of(T + "/activeDeadlineSeconds = \"60\""),
            List.of(EXEC + "/activeDeadlineSeconds = \"60\"")),
        row(new RunSetting.Caching(false),
            List.of(T + "/metadata/annotations/pipelines.kubeflow.org/max_cache_staleness = \"P0D\""),
            List.of(TASK + "/cachingOptions/enableCache removed")),
        row(new TaskSetting.ImagePullPolicy("IfNotPresent"),
            List.of(T + "/container/imagePullPolicy = \"IfNotPresent\""),
            List.of(EXEC + "/imagePullPolicy = \"IfNotPresent\"")),
        row(new TaskSetting.PodLabel("team", "ml"),
            List.of(T + "/metadata/labels/team = \"ml\""),
            List.of(EXEC + "/podMetadata/labels/team = \"ml\"")),
        row(new TaskSetting.PodAnnotation("owner", "ada"),
            List.of(T + "/metadata/annotations/owner = \"ada\""),
            List.of(EXEC + "/podMetadata/annotations/owner = \"ada\"")),
        row(new TaskSetting.PvcMount("shared", "/data"),
            List.of(
                T + "/container/volumeMounts/0/mountPath = \"/data\"",
                T + "/container/volumeMounts/0/name = \"pvc-shared\"",
                T + "/volumes/0/name = \"pvc-shared\"",
                T + "/volumes/0/persistentVolumeClaim/claimName = \"shared\""),
            List.of(
                EXEC + "/pvcMount/0/constant = \"shared\"",
                EXEC + "/pvcMount/0/mountPath = \"/data\"",
                EXEC + "/pvcMount/0/pvcNameParameter/runtimeValue/constant = \"shared\"")),
        row(new TaskSetting.SecretVolume("creds", "/mnt/creds"),
            List.of(
                T + "/container/volumeMounts/0/mountPath = \"/mnt/creds\"",
                T + "/container/volumeMounts/0/name = \"secret-creds\"",
                T + "/volumes/0/name = \"secret-creds\"",
                T + "/volumes/0/secret/secretName = \"creds\""),
            List.of(
                EXEC + "/secretAsVolume/0/mountPath = \"/mnt/creds\"",
                EXEC + "/secretAsVolume/0/optional = false",
                EXEC + "/secretAsVolume/0/secretName = \"creds\"",
                EXEC + "/secretAsVolume/0/secretNameParameter/runtimeValue/constant = \"creds\"")),
        row(new TaskSetting.ConfigMapVolume("settings", "/etc/app"),
            List.of(
                T + "/container/volumeMounts/0/mountPath = \"/etc/app\"",
                T + "/container/volumeMounts/0/name = \"configmap-settings\"",
                T + "/volumes/0/configMap/name = \"settings\"",
                T + "/volumes/0/name = \"configmap-settings\""),
            List.of(
                EXEC + "/configMapAsVolume/0/configMapName = \"settings\"",
                EXEC + "/configMapAsVolume/0/configMapNameParameter/runtimeValue/constant = \"settings\"",
                EXEC + "/configMapAsVolume/0/mountPath = \"/etc/app\"",
                EXEC + "/configMapAsVolume/0/optional = false")),
        row(new TaskSetting.FieldPathEnv("POD", "metadata.labels['team']"),
            List.of(
                T + "/container/env/0/name = \"POD\"",
                T + "/container/env/0/valueFrom/fieldRef/fieldPath = \"metadata.labels['team']\""),
            List.of(
                EXEC + "/fieldPathAsEnv/0/fieldPath = \"metadata.labels['team']\"",
                EXEC + "/fieldPathAsEnv/0/name = \"POD\"")),
        row(new TaskSetting.EmptyDirMount("shm", "/dev/shm", "Memory", "1Gi"),
            List.of(
                T + "/container/volumeMounts/0/mountPath = \"/dev/shm\"",
                T + "/container/volumeMounts/0/name = \"shm\"",
                T + "/volumes/0/emptyDir/medium = \"Memory\"",
                T + "/volumes/0/emptyDir/sizeLimit = \"1Gi\"",
                T + "/volumes/0/name = \"shm\""),
            List.of(
                EXEC + "/emptyDirMounts/0/medium = \"Memory\"",
                EXEC + "/emptyDirMounts/0/mountPath = \"/dev/shm\"",
                EXEC + "/emptyDirMounts/0/sizeLimit = \"1Gi\"",
                EXEC + "/emptyDirMounts/0/volumeName = \"shm\"")),
        row(new TaskSetting.NodeAffinity(List.of(new TaskSetting.NodeAffinity.Requirement("disktype", "In", List.of("ssd", "nvme"))),
                List.of(new TaskSetting.NodeAffinity.Requirement("metadata.name", "NotIn", List.of("node-1"))), null),
            List.of(
                T + "/affinity/nodeAffinity/requiredDuringSchedulingIgnoredDuringExecution/nodeSelectorTerms/0/matchExpressions/0/key = \"disktype\"",
                T + "/affinity/nodeAffinity/requiredDuringSchedulingIgnoredDuringExecution/nodeSelectorTerms/0/matchExpressions/0/operator = \"In\"",
                T + "/affinity/nodeAffinity/requiredDuringSchedulingIgnoredDuringExecution/nodeSelectorTerms/0/matchExpressions/0/values/0 = \"ssd\"",
                T + "/affinity/nodeAffinity/requiredDuringSchedulingIgnoredDuringExecution/nodeSelectorTerms/0/matchExpressions/0/values/1 = \"nvme\"",
                T + "/affinity/nodeAffinity/requiredDuringSchedulingIgnoredDuringExecution/nodeSelectorTerms/0/matchFields/0/key = \"metadata.name\"",
                T + "/affinity/nodeAffinity/requiredDuringSchedulingIgnoredDuringExecution/nodeSelectorTerms/0/matchFields/0/operator = \"NotIn\"",
                T + "/affinity/nodeAffinity/requiredDuringSchedulingIgnoredDuringExecution/nodeSelectorTerms/0/matchFields/0/values/0 = \"node-1\""),
            List.of(
                EXEC + "/nodeAffinity/0/matchExpressions/0/key = \"disktype\"",
                EXEC + "/nodeAffinity/0/matchExpressions/0/operator = \"In\"",
                EXEC + "/nodeAffinity/0/matchExpressions/0/values/0 = \"ssd\"",
                EXEC + "/nodeAffinity/0/matchExpressions/0/values/1 = \"nvme\"",
                EXEC + "/nodeAffinity/0/matchFields/0/key = \"metadata.name\"",
                EXEC + "/nodeAffinity/0/matchFields/0/operator = \"NotIn\"",
                EXEC + "/nodeAffinity/0/matchFields/0/values/0 = \"node-1\"")),
        row(new TaskSetting.NodeAffinity(List.of(new TaskSetting.NodeAffinity.Requirement("gpu", "Exists", List.of())), List.of(), 50),
            List.of(
                T + "/affinity/nodeAffinity/preferredDuringSchedulingIgnoredDuringExecution/0/preference/matchExpressions/0/key = \"gpu\"",
                T + "/affinity/nodeAffinity/preferredDuringSchedulingIgnoredDuringExecution/0/preference/matchExpressions/0/operator = \"Exists\"",
                T + "/affinity/nodeAffinity/preferredDuringSchedulingIgnoredDuringExecution/0/weight = 50"),
            List.of(
                EXEC + "/nodeAffinity/0/matchExpressions/0/key = \"gpu\"",
                EXEC + "/nodeAffinity/0/matchExpressions/0/operator = \"Exists\"",
                EXEC + "/nodeAffinity/0/weight = 50.0")),
        row(new TaskSetting.EphemeralVolume("scratch", "/scratch", List.of("ReadWriteOnce"), "5Gi", "", Map.of(), Map.of("note", "hi")),
            List.of(
                T + "/container/volumeMounts/0/mountPath = \"/scratch\"",
                T + "/container/volumeMounts/0/name = \"scratch\"",
                T + "/volumes/0/ephemeral/volumeClaimTemplate/metadata/annotations/note = \"hi\"",
                T + "/volumes/0/ephemeral/volumeClaimTemplate/spec/accessModes/0 = \"ReadWriteOnce\"",
                T + "/volumes/0/ephemeral/volumeClaimTemplate/spec/resources/requests/storage = \"5Gi\"",
                T + "/volumes/0/name = \"scratch\""),
            List.of(
                EXEC + "/genericEphemeralVolume/0/accessModes/0 = \"ReadWriteOnce\"",
                EXEC + "/genericEphemeralVolume/0/defaultStorageClass = true",
                EXEC + "/genericEphemeralVolume/0/metadata/annotations/note = \"hi\"",
                EXEC + "/genericEphemeralVolume/0/mountPath = \"/scratch\"",
                EXEC + "/genericEphemeralVolume/0/size = \"5Gi\"",
                EXEC + "/genericEphemeralVolume/0/volumeName = \"scratch\"")),
        row(new TaskSetting.EmptyDirMount("scratch", "/scratch", "", ""), // and emptyDir: {}, not a leaf
            List.of(
                T + "/container/volumeMounts/0/mountPath = \"/scratch\"",
                T + "/container/volumeMounts/0/name = \"scratch\"",
                T + "/volumes/0/name = \"scratch\""),
            List.of(
                EXEC + "/emptyDirMounts/0/mountPath = \"/scratch\"",
                EXEC + "/emptyDirMounts/0/volumeName = \"scratch\"")));
  }

  @TestFactory
  Stream<DynamicTest> eachTaskSettingCompilesToItsPlaceInBothFormats() {
    Pipeline plain = pipeline(PipelineSettings.DEFAULTS);
    return taskSettings().map(r -> DynamicTest.dynamicTest(r.setting().toString(), () -> {
      Pipeline p = pipeline(PipelineSettings.DEFAULTS, r.setting());
      assertEquals(r.argo(), added(argo(plain), argo(p)), "Argo");
      assertEquals(r.kfp2(), added(kfp2(plain), kfp2(p)), "KFP 2");
    }));
  }

  /** A pipeline option, what it adds to the Argo workflow, and what it adds to the KFP 2 documents or why KFP 2 has none. */
  private record Option(String name, PipelineSettings settings, List<String> argo, Object kfp2) {}

  static Stream<Option> pipelineOptions() {
    String sa = PipelineSettings.DEFAULTS.serviceAccount();
    String config = "/1/platforms/kubernetes/pipelineConfig";
    return Stream.of(
        // KFP 2 takes the service account with each run (RunRequest), not in the pipeline spec
        new Option("serviceAccount", new PipelineSettings("runner", -1, 0, 0, List.of(), Map.of(), ""),
            List.of("/spec/serviceAccountName = \"runner\""), SERVICE_ACCOUNT_ERROR),
        new Option("ttlSecondsAfterFinished", PipelineSettings.DEFAULTS.withTtl(600),
            List.of("/spec/ttlStrategy/secondsAfterCompletion = 600"), List.of(config + "/resourceTtlOnCompletion = 600")),
        new Option("ttlSecondsAfterSuccess, ttlSecondsAfterFailure", PipelineSettings.DEFAULTS.withTtls(60, 86400),
            List.of("/spec/ttlStrategy/secondsAfterFailure = 86400", "/spec/ttlStrategy/secondsAfterSuccess = 60"),
            List.of(config + "/resourceTtlOnFailure = 86400", config + "/resourceTtlOnSuccess = 60")),
        new Option("activeDeadlineSeconds", new PipelineSettings(sa, -1, 3600, 0, List.of(), Map.of(), ""),
            List.of("/spec/activeDeadlineSeconds = 3600"), List.of(config + "/activeDeadlineSeconds = 3600")),
        new Option("parallelism", new PipelineSettings(sa, -1, 0, 4, List.of(), Map.of(), ""),
            List.of("/spec/parallelism = 4"), "pipeline 'p': @Pipeline(parallelism) has no KFP 2 equivalent; limit a loop's "
                + "parallelism instead, with Dsl.forEach(items, parallelism, ...)"),
        new Option("imagePullSecrets", new PipelineSettings(sa, -1, 0, 0, List.of("regcred"), Map.of(), ""),
            List.of("/spec/imagePullSecrets/0/name = \"regcred\""),
            List.of(EXEC + "/imagePullSecret/0/secretName = \"regcred\"",
                EXEC + "/imagePullSecret/0/secretNameParameter/runtimeValue/constant = \"regcred\"")),
        new Option("nodeSelector", new PipelineSettings(sa, -1, 0, 0, List.of(), Map.of("pool", "batch"), ""),
            List.of("/spec/nodeSelector/pool = \"batch\""), List.of(EXEC + "/nodeSelector/labels/pool = \"batch\"")),
        new Option("podGc", new PipelineSettings(sa, -1, 0, 0, List.of(), Map.of(), "OnPodSuccess"),
            List.of("/spec/podGC/strategy = \"OnPodSuccess\""), "pipeline 'p': @Pipeline(podGc) has no KFP 2 equivalent; KFP 2 "
                + "keeps a run's pods for ttlSecondsAfterFinished: set that instead"));
  }

  private static final String SERVICE_ACCOUNT_ERROR = "pipeline 'p': @Pipeline(serviceAccount) 'runner' has no KFP 2 equivalent; "
      + "KFP 2 takes the service account when a run is created (the run's service_account), not in the pipeline spec: "
      + "give it to the run, and leave the pipeline's at the default (pipeline-runner)";

  /** An Argo workflow run as another service account, read and written as KFP 2: refused, not dropped. */
  @Test
  void anArgoWorkflowsServiceAccountIsRefusedWhenWrittenAsKfp2() {
    PipelineSettings runner = new PipelineSettings("runner", -1, 0, 0, List.of(), Map.of(), "");
    Pipeline read = dev.kfp4j.format.argo.ArgoReader.read(ArgoWriter.write(pipeline(runner)), "p.yaml");
    assertEquals("runner", read.settings().serviceAccount());
    assertEquals(SERVICE_ACCOUNT_ERROR, assertThrows(FormatException.class, () -> Kfp2Writer.write(read)).getMessage());
    // KFP's default, written or not, is no setting of the pipeline's: both write as KFP 2
    Pipeline byDefault = dev.kfp4j.format.argo.ArgoReader.read(ArgoWriter.write(pipeline(PipelineSettings.DEFAULTS)), "p.yaml");
    assertEquals(Kfp2Writer.write(pipeline(PipelineSettings.DEFAULTS)), Kfp2Writer.write(byDefault));
    String none = ArgoWriter.write(pipeline(PipelineSettings.DEFAULTS)).replace("  serviceAccountName: pipeline-runner\n", "");
    Pipeline unset = dev.kfp4j.format.argo.ArgoReader.read(none, "p.yaml");
    assertEquals("", unset.settings().serviceAccount());
    assertEquals(Kfp2Writer.write(byDefault), Kfp2Writer.write(unset));
  }

  @TestFactory
  Stream<DynamicTest> eachPipelineOptionCompilesToItsPlaceInBothFormats() {
    Pipeline plain = pipeline(PipelineSettings.DEFAULTS);
    return pipelineOptions().map(o -> DynamicTest.dynamicTest(o.name(), () -> {
      Pipeline p = pipeline(o.settings());
      assertEquals(o.argo(), added(argo(plain), argo(p)), "Argo");
      if (o.kfp2() instanceof String error) {
        assertEquals(error, assertThrows(FormatException.class, () -> kfp2(p)).getMessage(), "KFP 2");
      } else {
        assertEquals(o.kfp2(), added(kfp2(plain), kfp2(p)), "KFP 2");
      }
    }));
  }

  /** {@code mountVolume}: the claim the pipeline's volume step made, mounted; the task then waits for the volume step. */
  @Test
  void aVolumeMountCompilesToTheClaimOfTheVolumeStepInBothFormats() {
    Pipeline plain = withVolume();
    Pipeline mounted = withVolume(new TaskSetting.VolumeMount("data", "/mnt/data"));
    String dag = "/spec/templates/0/dag/tasks/2"; // echo's task, after the volume step's and its deletion's
    String echo = "/spec/templates/3"; // templates/1 is the volume step's, 2 its deletion's
    assertEquals(List.of(
            "/spec/templates/0/dag/target = \"echo data-delete\"", // without the mount: data echo data-delete
            "/spec/templates/0/dag/tasks/1/depends = \"data && (echo.Succeeded || echo.Failed || echo.Errored || echo.Skipped "
                + "|| echo.Omitted)\"", // the claim deleted after the mount, whatever happened to it
            dag + "/arguments/parameters/1/name = \"data-name\"",
            dag + "/arguments/parameters/1/value = \"{{tasks.data.outputs.parameters.name}}\"",
            dag + "/depends = \"data\"", // in a DAG whose deletion waits through depends, not dependencies
            echo + "/container/volumeMounts/0/mountPath = \"/mnt/data\"",
            echo + "/container/volumeMounts/0/name = \"data\"",
            echo + "/inputs/parameters/1/name = \"data-name\"",
            echo + "/volumes/0/name = \"data\"",
            echo + "/volumes/0/persistentVolumeClaim/claimName = \"{{inputs.parameters.data-name}}\""),
        added(argo(plain), argo(mounted)), "Argo");
    assertEquals(List.of(
            "/0/root/dag/tasks/data-delete/dependentTasks/1 = \"echo\"",
            // whatever happened to the one task mounting it (an exit hook of it on KFP's backend); without a mount, after the
            // volume step alone, on which KFP's backend hangs no hook: a plain dependency (VolumeDeletionHooksTest)
            "/0/root/dag/tasks/data-delete/triggerPolicy/strategy = \"ALL_UPSTREAM_TASKS_COMPLETED\"",
            TASK + "/dependentTasks/0 = \"data\"",
            EXEC + "/pvcMount/0/mountPath = \"/mnt/data\"",
            EXEC + "/pvcMount/0/pvcNameParameter/taskOutputParameter/outputParameterKey = \"name\"",
            EXEC + "/pvcMount/0/pvcNameParameter/taskOutputParameter/producerTask = \"data\"",
            EXEC + "/pvcMount/0/taskOutputParameter/outputParameterKey = \"name\"",
            EXEC + "/pvcMount/0/taskOutputParameter/producerTask = \"data\""),
        added(kfp2(plain), kfp2(mounted)), "KFP 2");
  }

  private static Pipeline withVolume(TaskSetting... taskSettings) {
    dev.kfp4j.model.VolumeStep data = new dev.kfp4j.model.VolumeStep("data", "data", Argument.Constant.of("1Gi"), "ReadWriteOnce",
        null, List.of(), List.of(), dev.kfp4j.model.VolumeStep.Deletion.afterMounts("data"));
    Task echo = new Task("echo", ECHO, Map.of("msg", Argument.Constant.of("hi")), List.of(), List.of(taskSettings));
    return new Pipeline("p", null, List.of(), List.of(data, echo), null, PipelineSettings.DEFAULTS, null);
  }

  private static Pipeline pipeline(PipelineSettings settings, TaskSetting... taskSettings) {
    Task echo = new Task("echo", ECHO, Map.of("msg", Argument.Constant.of("hi")), List.of(), List.of(taskSettings));
    return new Pipeline("p", null, List.of(), List.of(echo), null, settings, null);
  }

  private static JsonNode argo(Pipeline p) {
    return ArgoWriter.toNode(p);
  }

  private static JsonNode kfp2(Pipeline p) {
    return dev.kfp4j.yaml.Yaml.json().valueToTree(Kfp2Writer.documents(p));
  }

  /** The leaves of {@code with} that {@code without} lacks or holds otherwise, as {@code pointer = value}, and those it lacks as {@code pointer removed}. */
  private static List<String> added(JsonNode without, JsonNode with) {
    Map<String, String> before = leaves(without);
    Map<String, String> after = leaves(with);
    List<String> out = new ArrayList<>();
    after.forEach((k, v) -> {
      if (!v.equals(before.get(k))) {
        out.add(k + " = " + v);
      }
    });
    before.keySet().stream().filter(k -> !after.containsKey(k)).forEach(k -> out.add(k + " removed"));
    return out;
  }

  private static Map<String, String> leaves(JsonNode root) {
    Map<String, String> out = new TreeMap<>();
    leaves("", root, out);
    return out;
  }

  private static void leaves(String at, JsonNode n, Map<String, String> out) {
    if (n.isObject()) {
      n.properties().forEach(e -> leaves(at + "/" + e.getKey(), e.getValue(), out));
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        leaves(at + "/" + i, n.get(i), out);
      }
    } else {
      out.put(at, n.toString());
    }
  }
}
