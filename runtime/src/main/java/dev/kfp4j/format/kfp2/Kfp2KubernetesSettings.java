package dev.kfp4j.format.kfp2;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.KubernetesAffinity;
import dev.kfp4j.format.KubernetesToleration;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.PodSetting;
import dev.kfp4j.model.RunSetting;
import dev.kfp4j.model.SettingVisitor;
import dev.kfp4j.model.TaskSetting;
import java.util.function.Function;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the settings KFP 2 keeps in a task's executor's {@code platforms: kubernetes:} config, as
 * kfp-kubernetes writes them: timeout, pull policy, node selector, tolerations, pod metadata, secrets,
 * config maps and pod fields as env, secrets and config maps as volumes, claims, emptyDir and ephemeral
 * volumes, node and pod affinity, security context. {@link Kfp2Settings} writes the others, in the task
 * and its container.
 */
abstract class Kfp2KubernetesSettings implements SettingVisitor<Void> {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  final String where;
  private final ObjectNode kubernetes;
  final Function<Argument, ObjectNode> parameter;

  /**
   * For the task {@code where} names, into its executor's Kubernetes config {@code kubernetes};
   * {@code parameter} gives the {@code InputParameterSpec} of a value in the task's DAG (for a volume's claim name).
   */
  Kfp2KubernetesSettings(String where, ObjectNode kubernetes, Function<Argument, ObjectNode> parameter) {
    this.where = where;
    this.kubernetes = kubernetes;
    this.parameter = parameter;
  }

  @Override
  public Void secretEnv(TaskSetting.SecretEnv s) {
    ObjectNode e = named("secretAsEnv", "secret", s.secret());
    e.putArray("keyToEnv").addObject().put("secretKey", s.key()).put("envVar", s.name());
    e.put("optional", false);
    return null;
  }

  @Override
  public Void configMapEnv(TaskSetting.ConfigMapEnv s) {
    ObjectNode e = named("configMapAsEnv", "configMap", s.configMap());
    e.putArray("keyToEnv").addObject().put("configMapKey", s.key()).put("envVar", s.name());
    e.put("optional", false);
    return null;
  }

  @Override
  public Void nodeSelector(TaskSetting.NodeSelector s) {
    kubernetes.withObject("nodeSelector").withObject("labels").put(s.label(), s.value());
    return null;
  }

  @Override
  public Void toleration(TaskSetting.Toleration s) {
    KubernetesToleration.write(kubernetes.withArray("tolerations"), s);
    return null;
  }

  @Override
  public Void timeout(RunSetting.Timeout s) {
    kubernetes.put("activeDeadlineSeconds", Long.toString(s.seconds()));
    return null;
  }

  @Override
  public Void imagePullPolicy(TaskSetting.ImagePullPolicy s) {
    kubernetes.put("imagePullPolicy", s.policy());
    return null;
  }

  @Override
  public Void podLabel(TaskSetting.PodLabel s) {
    kubernetes.withObject("podMetadata").withObject("labels").put(s.key(), s.value());
    return null;
  }

  @Override
  public Void podAnnotation(TaskSetting.PodAnnotation s) {
    kubernetes.withObject("podMetadata").withObject("annotations").put(s.key(), s.value());
    return null;
  }

  @Override
  public Void pvcMount(TaskSetting.PvcMount s) {
    ObjectNode m = kubernetes.withArray("pvcMount").addObject();
    m.put("mountPath", s.mountPath());
    m.put("constant", s.claim());
    m.putObject("pvcNameParameter").putObject("runtimeValue").put("constant", s.claim());
    subPath(m, s.subPath());
    return null;
  }

  /** A mount's {@code subPath} (the proto's {@code sub_path}), written as kfp-kubernetes does: only when it is not the whole claim. */
  private static void subPath(ObjectNode mount, String subPath) {
    if (!subPath.isEmpty()) {
      mount.put("subPath", subPath);
    }
  }

  @Override
  public Void volumeMount(TaskSetting.VolumeMount s) {
    mountClaim(new Argument.TaskOutput(s.volume(), "name"), s.mountPath(), "");
    return null;
  }

  @Override
  public Void pvcMountFrom(TaskSetting.PvcMountFrom s) {
    mountClaim(s.claim(), s.mountPath(), s.subPath());
    return null;
  }

  /**
   * A claim named when the task runs (a volume step's output, a pipeline parameter), its folder {@code subPath} mounted at {@code
   * path}, as kfp-kubernetes writes it.
   */
  private void mountClaim(Argument claimName, String path, String subPath) {
    ObjectNode claim = parameter.apply(claimName);
    ObjectNode m = kubernetes.withArray("pvcMount").addObject();
    m.put("mountPath", path);
    claim.properties().forEach(e -> m.set(e.getKey(), e.getValue().deepCopy())); // the deprecated fields beside pvcNameParameter
    m.set("pvcNameParameter", claim);
    subPath(m, subPath);
  }

  @Override
  public Void tolerationFrom(TaskSetting.TolerationFrom s) {
    kubernetes.withArray("tolerations").addObject().set("tolerationJson", parameter.apply(s.json()));
    return null;
  }

  @Override
  public Void secretVolume(TaskSetting.SecretVolume s) {
    ObjectNode v = named("secretAsVolume", "secret", s.secret());
    v.put("mountPath", s.mountPath());
    v.put("optional", false);
    return null;
  }

  @Override
  public Void configMapVolume(TaskSetting.ConfigMapVolume s) {
    ObjectNode v = named("configMapAsVolume", "configMap", s.configMap());
    v.put("mountPath", s.mountPath());
    v.put("optional", false);
    return null;
  }

  @Override
  public Void fieldPathEnv(TaskSetting.FieldPathEnv s) {
    kubernetes.withArray("fieldPathAsEnv").addObject().put("name", s.name()).put("fieldPath", s.fieldPath());
    return null;
  }

  /** As kfp-kubernetes' {@code empty_dir_mount}: {@code medium} and {@code sizeLimit} only when given. */
  @Override
  public Void emptyDirMount(TaskSetting.EmptyDirMount s) {
    ObjectNode m = kubernetes.withArray("emptyDirMounts").addObject();
    m.put("volumeName", s.volume());
    m.put("mountPath", s.mountPath());
    if (!s.medium().isEmpty()) {
      m.put("medium", s.medium());
    }
    if (!s.sizeLimit().isEmpty()) {
      m.put("sizeLimit", s.sizeLimit());
    }
    return null;
  }

  /** As kfp-kubernetes' {@code add_node_affinity} and KFP's compiler write it: one term, its {@code weight} when preferred. */
  @Override
  public Void nodeAffinity(TaskSetting.NodeAffinity s) {
    ObjectNode term = kubernetes.withArray("nodeAffinity").addObject();
    KubernetesAffinity.writeTerm(term, s);
    if (s.weight() != null) {
      term.put("weight", (double) s.weight()); // 50.0, as KFP's compiler writes it (through a protobuf Struct)
    }
    return null;
  }

  /**
   * As kfp-kubernetes' {@code add_ephemeral_volume}: {@code defaultStorageClass: true} without a
   * class, else {@code storageClassName}; {@code metadata} when there are labels or annotations.
   */
  @Override
  public Void ephemeralVolume(TaskSetting.EphemeralVolume s) {
    ObjectNode v = kubernetes.withArray("genericEphemeralVolume").addObject();
    v.put("volumeName", s.volume());
    v.put("mountPath", s.mountPath());
    s.accessModes().forEach(m -> v.withArray("accessModes").add(m));
    v.put("size", s.size());
    if (s.storageClass().isEmpty()) {
      v.put("defaultStorageClass", true);
    } else {
      v.put("storageClassName", s.storageClass());
    }
    s.labels().forEach((k, x) -> v.withObject("metadata").withObject("labels").put(k, x));
    s.annotations().forEach((k, x) -> v.withObject("metadata").withObject("annotations").put(k, x));
    return null;
  }

  /**
   * As kfp-kubernetes' {@code use_secret_as_env(t, secret_name=p, ..., optional=...)}: the name's
   * {@code <kind>NameParameter} from the value (a constant also as the deprecated {@code <kind>Name}),
   * {@code keyToEnv}, {@code optional}.
   */
  @Override
  public Void envFrom(PodSetting.EnvFrom s) {
    boolean secret = s.source() == PodSetting.Source.SECRET;
    ObjectNode e = namedFrom(secret ? "secretAsEnv" : "configMapAsEnv", secret ? "secret" : "configMap", s.object());
    e.putArray("keyToEnv").addObject().put(secret ? "secretKey" : "configMapKey", s.key()).put("envVar", s.name());
    e.put("optional", s.optional());
    return null;
  }

  @Override
  public Void volumeFrom(PodSetting.VolumeFrom s) {
    boolean secret = s.source() == PodSetting.Source.SECRET;
    ObjectNode v = namedFrom(secret ? "secretAsVolume" : "configMapAsVolume", secret ? "secret" : "configMap", s.object());
    v.put("mountPath", s.mountPath());
    v.put("optional", s.optional());
    return null;
  }

  /** As kfp-kubernetes' {@code set_image_pull_secrets(t, [p])}: {@code secretNameParameter} alone. */
  @Override
  public Void imagePullSecretFrom(PodSetting.ImagePullSecretFrom s) {
    kubernetes.withArray("imagePullSecret").addObject().set("secretNameParameter", parameter.apply(s.secret()));
    return null;
  }

  @Override
  public Void nodeSelectorFrom(PodSetting.NodeSelectorFrom s) {
    kubernetes.withObject("nodeSelector").set("nodeSelectorJson", parameter.apply(s.json()));
    return null;
  }

  @Override
  public Void nodeAffinityFrom(PodSetting.NodeAffinityFrom s) {
    kubernetes.withArray("nodeAffinity").addObject().set("nodeAffinityJson", parameter.apply(s.json()));
    return null;
  }

  /** As kfp-kubernetes' {@code set_security_context}: the fields set, an id as protobuf's JSON writes an int64 ({@code '1000'}). */
  @Override
  public Void securityContext(PodSetting.SecurityContext s) {
    if (kubernetes.has("securityContext")) {
      throw new FormatException(where + ": its security context is set twice; set it once, with every field it needs");
    }
    ObjectNode c = kubernetes.withObject("securityContext");
    if (s.runAsUser() != null) {
      c.put("runAsUser", Long.toString(s.runAsUser()));
    }
    if (s.runAsGroup() != null) {
      c.put("runAsGroup", Long.toString(s.runAsGroup()));
    }
    if (s.runAsNonRoot() != null) {
      c.put("runAsNonRoot", s.runAsNonRoot());
    }
    return null;
  }

  /** As kfp-kubernetes' {@code PodAffinityTerm}: a term of {@code podAffinity} ({@code anti} for an anti-affinity). */
  @Override
  public Void podAffinity(PodSetting.PodAffinity s) {
    dev.kfp4j.format.KubernetesPodAffinity.writeKfp(kubernetes.withArray("podAffinity").addObject(), s);
    return null;
  }

  /** An entry of {@code list} naming the {@code kind} by {@code name}: a constant as {@link #named}, else a value the task is given. */
  private ObjectNode namedFrom(String list, String kind, Argument name) {
    if (name instanceof Argument.Constant c) {
      return named(list, kind, c.text());
    }
    ObjectNode entry = kubernetes.withArray(list).addObject();
    entry.set(kind + "NameParameter", parameter.apply(name));
    return entry;
  }

  /**
   * A new entry of kfp-kubernetes' {@code list} naming the {@code kind} (secret or config map)
   * {@code name}: {@code <kind>Name} and {@code <kind>NameParameter}, a constant.
   */
  private ObjectNode named(String list, String kind, String name) {
    ObjectNode entry = kubernetes.withArray(list).addObject();
    entry.put(kind + "Name", name);
    entry.set(kind + "NameParameter", constant(name));
    return entry;
  }

  static ObjectNode constant(String text) {
    ObjectNode p = NODES.objectNode();
    p.putObject("runtimeValue").put("constant", text);
    return p;
  }
}
