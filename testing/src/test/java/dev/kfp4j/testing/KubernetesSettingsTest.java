package dev.kfp4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Descriptors.FieldDescriptor;
import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Parameter;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.PodSetting;
import dev.kfp4j.model.Task;
import dev.kfp4j.model.RunSetting;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.yaml.Yaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * kfp-kubernetes' settings (the {@code KubernetesExecutorConfig} of each executor in the platform
 * document) read into kfp4j's model and written back exactly, or refused naming the field: KFP's
 * own specs of {@code use_field_path_as_env}, {@code empty_dir_mount} and {@code add_node_affinity} round trip; and every
 * field of the {@code .proto}, walked through its descriptors, set in a config kfp4j wrote is
 * either written back as set or refused, so a field added to the {@code .proto} cannot be lost
 * without a word.
 */
class KubernetesSettingsTest {
  private static final String EXECUTORS = "/platforms/kubernetes/deploymentSpec/executors";

  @BeforeAll
  static void shared() {
    Shared.root(Shared.KFP_PROTOS);
  }

  private static String resource(String name) {
    return Yaml.resource(KubernetesSettingsTest.class, "kubernetes/" + name);
  }

  @Test
  void kfpsSpecsOfFieldPathsAsEnvAndEmptyDirMountsReadAndWrittenBackAsKfpWroteThem() {
    for (String file : List.of("field_path_as_env.yaml", "empty_dir_mounts.yaml", "create_pod_metadata_complex.yaml")) {
      String yaml = resource(file);
      Pipeline p = Kfp2Reader.read(yaml, file);
      String again = Kfp2Writer.write(p);
      assertEquals(List.of(), Kfp2Schemas.errors(again), again);
      assertEquals(Yaml.readAll(yaml).get(1), Yaml.readAll(again).get(1), file + " written again:\n" + again);
      assertEquals(again, Kfp2Writer.write(Kfp2Reader.read(again, "again.yaml")));
    }
    Task comp = (Task) Kfp2Reader.read(resource("empty_dir_mounts.yaml"), "e.yaml").nodes().get(0);
    assertEquals(List.of(new TaskSetting.EmptyDirMount("emptydir-vol-1", "/mnt/my_vol_1", "Memory", "1Gi")), comp.settings());
    comp = (Task) Kfp2Reader.read(resource("field_path_as_env.yaml"), "f.yaml").nodes().get(0);
    assertEquals(List.of(new TaskSetting.FieldPathEnv("KFP_RUN_NAME", "metadata.annotations['pipelines.kubeflow.org/run_name']")),
        comp.settings());
  }

  /** KFP's spec of add_node_affinity: its constant term round trips; its terms from JSON are refused. */
  @Test
  void kfpsSpecOfANodeAffinityTermReadAndWrittenBackAsKfpWroteIt() {
    List<JsonNode> docs = Yaml.readAll(resource("nodeaffinity.yaml"));
    ObjectNode executors = (ObjectNode) docs.get(1).at(EXECUTORS);
    List<String> fromJson = new ArrayList<>();
    executors.properties().forEach(e -> {
      if (e.getValue().toString().contains("nodeAffinityJson")) {
        fromJson.add(e.getKey());
      }
    });
    assertEquals(List.of("exec-print-hello-with-empty-json", "exec-print-hello-with-json-affinity",
        "exec-print-hello-with-json-affinity-2"), fromJson);
    fromJson.forEach(executors::remove);
    Pipeline p = Kfp2Reader.read(docs, "", "nodeaffinity.yaml");
    assertEquals(List.of(new TaskSetting.NodeAffinity(List.of(new TaskSetting.NodeAffinity.Requirement("zone", "In", List.of("us-west-1"))),
        List.of(), 50)), ((Task) p.node("print-hello-with-preferred-affinity").orElseThrow()).settings());
    String again = Kfp2Writer.write(p);
    assertEquals(List.of(), Kfp2Schemas.errors(again), again);
    assertEquals(docs.get(1), Yaml.readAll(again).get(1), again);
  }

  @Test
  void kfpsSpecsOfSettingsTheModelDoesNotHoldAreRefusedNamingTheField() {
    Map<String, String> fields = Map.of("general_ephemeral_volume.yaml",
        "its genericEphemeralVolume 'pvc-name': mountEphemeralVolume: the mount path 'path' must be absolute", "nodeaffinity.yaml", "nodeAffinity[0].nodeAffinityJson",
        "init_container.yaml", "initContainers");
    fields.forEach((file, field) -> {
      FormatException e = assertThrows(FormatException.class, () -> Kfp2Reader.read(resource(file), file));
      assertTrue(e.getMessage().contains(field.startsWith("its ") ? field : "its Kubernetes setting " + field), e.getMessage());
    });
  }

  /** What kfp4j writes for every Kubernetes setting of its model, on one task. */
  private static Pipeline written() {
    Task comp = (Task) Kfp2Reader.read(resource("empty_dir_mounts.yaml"), "e.yaml").nodes().get(0);
    List<TaskSetting> settings = List.of(new TaskSetting.SecretEnv("TOKEN", "creds", "token"),
        new TaskSetting.ConfigMapEnv("MODE", "settings", "mode"), new TaskSetting.SecretVolume("creds", "/mnt/creds"),
        new TaskSetting.ConfigMapVolume("settings", "/etc/app"), new TaskSetting.NodeSelector("disk", "ssd"),
        new TaskSetting.Toleration("gpu", "Equal", "yes", "NoSchedule"), new RunSetting.Timeout(60),
        new TaskSetting.ImagePullPolicy("IfNotPresent"), new TaskSetting.PodLabel("team", "ml"),
        new TaskSetting.PodAnnotation("note", "hi"), new TaskSetting.PvcMount("data", "/data"),
        new TaskSetting.FieldPathEnv("POD", "metadata.name"), new TaskSetting.EmptyDirMount("shm", "/dev/shm", "Memory", "1Gi"),
        new TaskSetting.NodeAffinity(List.of(new TaskSetting.NodeAffinity.Requirement("zone", "In", List.of("a", "b"))),
            List.of(new TaskSetting.NodeAffinity.Requirement("metadata.name", "NotIn", List.of("node-1"))), 50),
        new TaskSetting.EphemeralVolume("scratch", "/scratch", List.of("ReadWriteOnce"), "5Gi", "fast", Map.of("team", "ml"),
            Map.of("note", "hi")),
        // after the constant ones, so that the walk changes those first entries
        new PodSetting.EnvFrom(PodSetting.Source.SECRET, "USER", new Argument.PipelineParameter("secret"), "user", false),
        new PodSetting.VolumeFrom(PodSetting.Source.CONFIG_MAP, new Argument.PipelineParameter("secret"), "/etc/opt", true),
        new PodSetting.ImagePullSecretFrom(new Argument.PipelineParameter("secret")),
        new PodSetting.NodeSelectorFrom(new Argument.PipelineParameter("selector")),
        new PodSetting.NodeAffinityFrom(new Argument.PipelineParameter("selector")), new PodSetting.SecurityContext(1000L, 100L, true),
        new PodSetting.PodAffinity(Map.of("app", "db"), List.of(new TaskSetting.NodeAffinity.Requirement("tier", "In", List.of("a"))),
            "kubernetes.io/hostname", List.of("ml"), Map.of("team", "ml"), List.of(new TaskSetting.NodeAffinity.Requirement("env",
            "Exists", List.of())), null, false));
    Task task = new Task(comp.name(), comp.component(), comp.arguments(), List.of(), settings);
    PipelineSettings pullSecret = new PipelineSettings(PipelineSettings.PIPELINE_RUNNER, -1, 0, 0, List.of("regcred"), Map.of(), "");
    return new Pipeline("p", null, List.of(new Parameter("secret", ParameterType.STRING, "creds", null),
        new Parameter("selector", ParameterType.STRUCT, "{}", null)), List.of(task), null, pullSecret, null);
  }

  @Test
  void everyFieldOfTheProtoIsWrittenBackAsSetOrRefusedNamingIt() {
    assertEquals(List.of(), Kfp2Schemas.errors(Kfp2Writer.write(written())));
    List<JsonNode> base = Kfp2Writer.documents(written());
    String label = base.get(1).at(EXECUTORS).propertyNames().iterator().next();
    JsonNode config = base.get(1).at(EXECUTORS).get(label);
    assertEquals(config, again(base, label), "kfp4j's own config, read and written again");

    List<List<FieldDescriptor>> paths = ProtoWalk.paths(Kfp2Schemas.message(Kfp2Schemas.KUBERNETES), List.of());
    Set<String> kept = new TreeSet<>();
    Set<String> refused = new TreeSet<>();
    for (List<FieldDescriptor> path : paths) {
      String shown = ProtoWalk.shown(path);
      List<JsonNode> docs = List.of(base.get(0).deepCopy(), base.get(1).deepCopy());
      ObjectNode changed = (ObjectNode) docs.get(1).at(EXECUTORS).get(label);
      ProtoWalk.set(changed, path);
      JsonNode read;
      try {
        read = again(docs, label);
      } catch (FormatException e) {
        assertTrue(path.stream().anyMatch(f -> e.getMessage().contains(f.getJsonName())), shown + " refused without naming it: "
            + e.getMessage());
        refused.add(shown);
        continue;
      }
      assertEquals(changed, read, shown + " set, then read and written again");
      kept.add(shown);
    }
    assertTrue(kept.containsAll(List.of("fieldPathAsEnv.name", "fieldPathAsEnv.fieldPath", "emptyDirMounts.medium",
        "emptyDirMounts.sizeLimit", "emptyDirMounts.mountPath", "nodeSelector.labels", "secretAsEnv.keyToEnv.envVar", "pvcMount.subPath")),
        kept.toString());
    assertTrue(kept.containsAll(List.of("genericEphemeralVolume.size", "genericEphemeralVolume.metadata.labels", "nodeAffinity.weight", "nodeAffinity.matchExpressions.values", "nodeAffinity.matchFields.key")),
        kept.toString());
    assertTrue(kept.containsAll(List.of("securityContext.runAsUser", "securityContext.runAsGroup", "securityContext.runAsNonRoot",
        "secretAsVolume.optional", "configMapAsEnv.optional", "podAffinity.topologyKey", "podAffinity.matchPodLabels", "podAffinity.anti",
        "podAffinity.weight", "podAffinity.namespaces", "podAffinity.matchNamespaceExpressions.key")), kept.toString());
    // a name from a parameter beside the constant of the first entry, a term from JSON beside its requirements, an unknown input
    assertTrue(refused.containsAll(List.of("genericEphemeralVolume.defaultStorageClass", "nodeAffinity.nodeAffinityJson.componentInputParameter",
        "enabledSharedMemory.size", "tolerations.tolerationSeconds",
        "secretAsEnv.secretNameParameter.componentInputParameter", "configMapAsEnv.configMapNameParameter.taskOutputParameter.producerTask",
        "nodeSelector.nodeSelectorJson.componentInputParameter", "nodeSelector.nodeSelectorJson.runtimeValue.constant",
        "imagePullSecret.secretNameParameter.componentInputParameter")), refused.toString());
  }

  /** The executor {@code label}'s config in {@code docs} read into the model and written again. */
  private static JsonNode again(List<JsonNode> docs, String label) {
    Pipeline p = Kfp2Reader.read(docs, "", "walk.yaml");
    return Kfp2Writer.documents(p).get(1).at(EXECUTORS).get(label);
  }
}
