package dev.kfp4j.format.kfp2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.PodSetting;
import dev.kfp4j.model.Task;
import dev.kfp4j.model.RunSetting;
import dev.kfp4j.model.TaskSetting;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Secrets and config maps as env or volumes in KFP 2: the executor's Kubernetes config, as
 * kfp-kubernetes' {@code use_secret_as_env}, {@code use_config_map_as_env}, {@code
 * use_secret_as_volume} and {@code use_config_map_as_volume} write it. (Kfp2Schemas checks the
 * compiled files strictly in the processor's TaskSettingTest.)
 */
class Kfp2SettingsTest {
  static Pipeline pipeline(TaskSetting... settings) {
    Task t = new Task("echo", RunVolumesTest.ECHO, Map.of("msg", Argument.Constant.of("hi")), List.of(), List.of(settings));
    return new Pipeline("p", null, List.of(), List.of(t), null, PipelineSettings.DEFAULTS, null);
  }

  @Test
  void secretsAndConfigMapsAsEnvOrVolumesAreInTheKubernetesConfigAndReadBack() {
    List<TaskSetting> settings = List.of(new TaskSetting.SecretEnv("T", "creds", "token"),
        new TaskSetting.ConfigMapEnv("MODE", "settings", "mode"), new TaskSetting.SecretVolume("creds", "/mnt/creds"),
        new TaskSetting.ConfigMapVolume("settings", "/etc/app"));
    String yaml = Kfp2Writer.write(pipeline(settings.toArray(TaskSetting[]::new)));
    JsonNode executor = Kfp2Writer.documents(pipeline(settings.toArray(TaskSetting[]::new))).get(1)
        .at("/platforms/kubernetes/deploymentSpec/executors/exec-echo");
    assertEquals("[{\"configMapName\":\"settings\",\"configMapNameParameter\":{\"runtimeValue\":{\"constant\":\"settings\"}},"
        + "\"keyToEnv\":[{\"configMapKey\":\"mode\",\"envVar\":\"MODE\"}],\"optional\":false}]", executor.path("configMapAsEnv").toString());
    assertEquals("[{\"mountPath\":\"/mnt/creds\",\"optional\":false,\"secretName\":\"creds\","
        + "\"secretNameParameter\":{\"runtimeValue\":{\"constant\":\"creds\"}}}]", executor.path("secretAsVolume").toString());
    assertEquals("[{\"configMapName\":\"settings\",\"configMapNameParameter\":{\"runtimeValue\":{\"constant\":\"settings\"}},"
        + "\"mountPath\":\"/etc/app\",\"optional\":false}]", executor.path("configMapAsVolume").toString());

    Pipeline read = Kfp2Reader.read(yaml, "p.yaml");
    assertEquals(settings, ((Task) read.nodes().get(0)).settings());
    assertEquals(yaml, Kfp2Writer.write(read));
  }

  /**
   * A mount's {@code subPath} (kfp-kubernetes' {@code sub_path}) is written only when given and read back; a spec whose
   * sub-path Kubernetes would refuse (absolute, with {@code ..}) is refused when read, naming the task and what to write.
   */
  @Test
  void aMountsSubPathIsWrittenOnlyWhenGivenAndReadBackAndOneKubernetesRefusesIsRefused() {
    List<TaskSetting> settings = List.of(new TaskSetting.PvcMount("data", "/models", "models"),
        new TaskSetting.PvcMount("data", "/all"));
    String yaml = Kfp2Writer.write(pipeline(settings.toArray(TaskSetting[]::new)));
    assertEquals("[{\"constant\":\"data\",\"mountPath\":\"/models\",\"pvcNameParameter\":{\"runtimeValue\":{\"constant\":"
        + "\"data\"}},\"subPath\":\"models\"},{\"constant\":\"data\",\"mountPath\":\"/all\",\"pvcNameParameter\":"
        + "{\"runtimeValue\":{\"constant\":\"data\"}}}]", dev.kfp4j.yaml.Yaml.readAll(yaml).get(1)
        .at("/platforms/kubernetes/deploymentSpec/executors/exec-echo/pvcMount").toString());
    Pipeline read = Kfp2Reader.read(yaml, "p.yaml");
    assertEquals(settings, ((Task) read.nodes().get(0)).settings());
    assertEquals(yaml, Kfp2Writer.write(read));

    String absolute = yaml.replace("subPath: models", "subPath: /srv/models");
    assertNotEquals(yaml, absolute);
    String message = org.junit.jupiter.api.Assertions.assertThrows(dev.kfp4j.format.FormatException.class,
        () -> Kfp2Reader.read(absolute, "p.yaml")).getMessage();
    assertTrue(message.contains("task 'echo': its pvcMount at '/models': mountPvc: the sub-path '/srv/models' is absolute, which "
        + "Kubernetes refuses as a volumeMount's subPath: it is a folder within the claim; write it relative to the claim's root, "
        + "such as \"srv/models\""), message);
  }

  @Test
  void aNameGivenOnlyInTheDeprecatedFieldReadsBackToo() {
    String written = Kfp2Writer.write(pipeline(new TaskSetting.SecretVolume("creds", "/mnt/creds"),
        new TaskSetting.ConfigMapEnv("MODE", "settings", "mode")));
    int platform = written.indexOf("\n---\n");
    String yaml = written.substring(0, platform)
        + written.substring(platform).replaceAll("(?m)^\\s+(secretNameParameter|configMapNameParameter|runtimeValue|constant):.*\\n", "");
    assertEquals(-1, yaml.indexOf("NameParameter"), yaml);
    Pipeline read = Kfp2Reader.read(yaml, "p.yaml");
    assertEquals(List.of(new TaskSetting.ConfigMapEnv("MODE", "settings", "mode"), new TaskSetting.SecretVolume("creds", "/mnt/creds")),
        ((Task) read.nodes().get(0)).settings());
  }

  /**
   * A retry backoff without retries is a retry policy without {@code maxRetryCount}: it read back
   * as retries(0) too, and written again had {@code maxRetryCount: 0} (found by
   * RandomRoundTripTest). Retries of 0 written are read back.
   */
  @Test
  void aBackoffAloneReadsBackAlone() {
    for (List<TaskSetting> settings : List.of(List.<TaskSetting>of(new RunSetting.RetryBackoff("10s", 2, "90s")),
        List.<TaskSetting>of(new RunSetting.Retry(0, null), new RunSetting.RetryBackoff("10s", 2, "90s")))) {
      String yaml = Kfp2Writer.write(pipeline(settings.toArray(TaskSetting[]::new)));
      Pipeline read = Kfp2Reader.read(yaml, "p.yaml");
      assertEquals(settings, ((Task) read.nodes().get(0)).settings(), yaml);
      assertEquals(yaml, Kfp2Writer.write(read));
    }
  }
  /** A toleration without an operator, as KFP's SDK may write it: Kubernetes takes it as {@code Equal}. */
  @Test
  void aTolerationWithoutAnOperatorReadsAsEqual() {
    String yaml = Kfp2Writer.write(pipeline(new TaskSetting.Toleration("gpu", "Equal", "yes", "NoSchedule")))
        .replaceAll("(?m)^\\s+operator: Equal\\n", "");
    org.junit.jupiter.api.Assertions.assertFalse(yaml.contains("operator:"), yaml);
    assertEquals(List.of(new TaskSetting.Toleration("gpu", "Equal", "yes", "NoSchedule")),
        ((Task) Kfp2Reader.read(yaml, "p.yaml").nodes().get(0)).settings());
  }

  /**
   * Settings KFP's SDK takes from a parameter ({@code set_cpu_limit(cpu)}, {@code
   * add_toleration_json(...)}) are refused, naming the task and the setting: kfp4j's model holds
   * them as constants, and read as constants they were a number format error or a toleration of
   * operator ''.
   */
  @Test
  void settingsFromAParameterTheTaskIsNotGivenAreRefusedNamingThem() {
    String written = Kfp2Writer.write(pipeline(new TaskSetting.Resource(TaskSetting.Resource.Kind.CPU_LIMIT, "1"),
        new TaskSetting.Toleration("gpu", "Exists", "", "")));
    String fromCpu = written.replace("resourceCpuLimit: '1'", "resourceCpuLimit: '{{$.inputs.parameters[''cpu'']}}'");
    org.junit.jupiter.api.Assertions.assertNotEquals(written, fromCpu, written);
    dev.kfp4j.format.FormatException e = org.junit.jupiter.api.Assertions.assertThrows(dev.kfp4j.format.FormatException.class,
        () -> Kfp2Reader.read(fromCpu, "p.yaml"));
    assertEquals("p.yaml: root, task 'echo': its cpu_limit reads input 'cpu', which is not given to the task; KFP gives a setting "
        + "from a parameter as an input of the task alone", e.getMessage());
    String partly = written.replace("resourceCpuLimit: '1'", "resourceCpuLimit: '{{$.inputs.parameters[''cpu'']}}m'");
    e = org.junit.jupiter.api.Assertions.assertThrows(dev.kfp4j.format.FormatException.class, () -> Kfp2Reader.read(partly, "p.yaml"));
    assertEquals("p.yaml: task 'echo': its resources.resourceCpuLimit is '{{$.inputs.parameters['cpu']}}m'; kfp4j reads a setting "
        + "that is a constant or one pipeline parameter or task output ({{$.inputs.parameters['pipelinechannel--x']}})", e.getMessage());

    String fromJson = written.replaceFirst("- key: gpu\n(\s+)operator: Exists",
        "- tolerationJson:\n$1  componentInputParameter: tolerations");
    org.junit.jupiter.api.Assertions.assertNotEquals(written, fromJson, written);
    e = org.junit.jupiter.api.Assertions.assertThrows(dev.kfp4j.format.FormatException.class, () -> Kfp2Reader.read(fromJson, "p.yaml"));
    assertEquals("p.yaml: root, task 'echo', kubernetes setting tolerationJson: 'tolerations' is no input of the enclosing DAG; it has []",
        e.getMessage());
    String constantJson = written.replaceFirst("- key: gpu\n(\s+)operator: Exists",
        "- tolerationJson:\n$1  runtimeValue:\n$1    constant: {key: gpu}");
    e = org.junit.jupiter.api.Assertions.assertThrows(dev.kfp4j.format.FormatException.class, () -> Kfp2Reader.read(constantJson, "p.yaml"));
    assertEquals("p.yaml: task 'echo': a toleration given as a constant JSON (tolerationJson: {\"runtimeValue\":{\"constant\":"
        + "{\"key\":\"gpu\"}}}) is not in kfp4j's model, which holds constant tolerations by key, operator, value and effect",
        e.getMessage());
  }

  @Test
  void anOptionalSecretIsReadAndWrittenBackAndNamesFromUnknownInputsOrGivenTwoWaysAreRefused() {
    String written = Kfp2Writer.write(pipeline(new TaskSetting.SecretEnv("PASS", "creds", "password")));
    String optional = written.replace("optional: false", "optional: true");
    Pipeline read = Kfp2Reader.read(optional, "p.yaml");
    assertEquals(List.of(new PodSetting.EnvFrom(PodSetting.Source.SECRET, "PASS", Argument.Constant.of("creds"), "password", true)),
        ((Task) read.nodes().get(0)).settings());
    assertEquals(optional, Kfp2Writer.write(read));

    String named = written.replace("            secretName: creds\n            secretNameParameter:\n              runtimeValue:\n"
        + "                constant: creds\n", "            secretNameParameter:\n              componentInputParameter: secret\n");
    org.junit.jupiter.api.Assertions.assertNotEquals(written, named, written);
    dev.kfp4j.format.FormatException e = org.junit.jupiter.api.Assertions.assertThrows(dev.kfp4j.format.FormatException.class,
        () -> Kfp2Reader.read(named, "p.yaml"));
    assertEquals("p.yaml: root, task 'echo', kubernetes setting secretAsEnv.secretNameParameter: 'secret' is no input of the enclosing "
        + "DAG; it has []", e.getMessage());
    String both = written.replace("            secretNameParameter:\n              runtimeValue:\n                constant: creds\n",
        "            secretNameParameter:\n              componentInputParameter: secret\n");
    e = org.junit.jupiter.api.Assertions.assertThrows(dev.kfp4j.format.FormatException.class, () -> Kfp2Reader.read(both, "p.yaml"));
    assertTrue(e.getMessage().startsWith("p.yaml: task 'echo': its Kubernetes setting secretAsEnv[0].secretName 'creds' beside "
        + "secretNameParameter {\"componentInputParameter\":\"secret\"} is not in kfp4j's model"), e.getMessage());
    String affinity = written.replace("          secretAsEnv:\n", "          nodeAffinity:\n          - nodeAffinityJson:\n"
        + "              componentInputParameter: affinity\n          secretAsEnv:\n");
    e = org.junit.jupiter.api.Assertions.assertThrows(dev.kfp4j.format.FormatException.class, () -> Kfp2Reader.read(affinity, "p.yaml"));
    assertEquals("p.yaml: root, task 'echo', kubernetes setting nodeAffinity.nodeAffinityJson: 'affinity' is no input of the enclosing "
        + "DAG; it has []", e.getMessage());
    String constant = written.replace("          secretAsEnv:\n", "          nodeSelector:\n            nodeSelectorJson:\n"
        + "              runtimeValue:\n                constant: {disk: ssd}\n          secretAsEnv:\n");
    e = org.junit.jupiter.api.Assertions.assertThrows(dev.kfp4j.format.FormatException.class, () -> Kfp2Reader.read(constant, "p.yaml"));
    assertTrue(e.getMessage().startsWith("p.yaml: task 'echo': its Kubernetes setting nodeSelector.nodeSelectorJson "
        + "{\"runtimeValue\":{\"constant\":{\"disk\":\"ssd\"}}} is not in kfp4j's model"), e.getMessage());
    assertTrue(e.getMessage().endsWith("constant ones as node selector labels (nodeSelector.labels))"), e.getMessage());
  }

  /**
   * KFP's backend gives Argo no retry policy, so Argo retries a task that failed ({@code OnFailure}): a model's
   * {@code Always} (errors too) was dropped from the file written; it is refused, {@code OnFailure} written as KFP's retries.
   */
  @Test
  void aRetryPolicyOtherThanKfpsOwnIsRefusedNotDropped() {
    String message = org.junit.jupiter.api.Assertions.assertThrows(dev.kfp4j.format.FormatException.class,
        () -> Kfp2Writer.write(pipeline(new RunSetting.Retry(2, "Always")))).getMessage();
    assertTrue(message.contains("retries(2, \"Always\"): KFP 2 retries a task that failed (Argo's OnFailure) and has no other retry "
        + "policy; write retries(2)"), message);
    assertEquals(Kfp2Writer.write(pipeline(new RunSetting.Retry(2, null))), Kfp2Writer.write(pipeline(new RunSetting.Retry(2, "OnFailure"))));
  }
}
