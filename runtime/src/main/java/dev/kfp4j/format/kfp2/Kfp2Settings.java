package dev.kfp4j.format.kfp2;

import dev.kfp4j.format.KubernetesAffinity;
import dev.kfp4j.format.KubernetesToleration;
import dev.kfp4j.format.FormatException;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Channels;
import dev.kfp4j.model.PodSetting;
import dev.kfp4j.model.RunSetting;
import dev.kfp4j.model.TaskSetting;
import java.util.function.Function;
import java.util.regex.Pattern;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a task's settings where KFP 2 keeps them: retries, caching and the display name in the
 * task; resources, accelerators and env in its executor's container (a resource from a parameter
 * or task output as a placeholder of an input of the task's, as KFP's SDK writes it); the Kubernetes-only settings
 * (timeout, pull policy, node selector, tolerations, pod metadata, secrets, config maps and pod
 * fields as env, secrets and config maps as volumes, claims, emptyDir and ephemeral volumes, node affinity) in the
 * executor's {@code platforms: kubernetes:} config, as kfp-kubernetes writes them.
 */
final class Kfp2Settings implements dev.kfp4j.model.SettingVisitor<Void> {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** The CPU quantities KFP 2 also writes as a number: {@code 2}, {@code 0.5}, {@code 500m}. */
  private static final Pattern CPU = Pattern.compile("([0-9]*[.])?[0-9]+m?");
  private static final Pattern MEMORY = Pattern.compile("([0-9]*[.])?[0-9]+(E|Ei|P|Pi|T|Ti|G|Gi|M|Mi|K|Ki)?");

  private final String where;
  final ObjectNode task;
  final ObjectNode container;
  final ObjectNode kubernetes;
  private final Function<Argument, ObjectNode> parameter;

  /**
   * For the task {@code where} names; {@code parameter} gives the {@code InputParameterSpec} of a
   * value in the task's DAG (for a volume's claim name).
   */
  Kfp2Settings(String where, ObjectNode task, ObjectNode container, ObjectNode kubernetes, Function<Argument, ObjectNode> parameter) {
    this.where = where;
    this.task = task;
    this.container = container;
    this.kubernetes = kubernetes;
    this.parameter = parameter;
  }

  @Override
  public Void displayName(TaskSetting.DisplayName s) {
    task.withObject("taskInfo").put("name", s.name());
    return null;
  }

  @Override
  public Void resource(TaskSetting.Resource s) {
    ObjectNode r = container.withObject("resources");
    String suffix = (s.kind().resource().equals("cpu") ? "Cpu" : "Memory") + (s.kind().isLimit() ? "Limit" : "Request");
    r.put("resource" + suffix, s.quantity());
    if (s.kind().resource().equals("cpu") && CPU.matcher(s.quantity()).matches()) {
      String q = s.quantity();
      r.put(lower(suffix), q.endsWith("m") ? Double.parseDouble(q.substring(0, q.length() - 1)) / 1000 : Double.parseDouble(q));
    } else if (s.kind().resource().equals("memory") && MEMORY.matcher(s.quantity()).matches()) {
      r.put(lower(suffix), gigabytes(s.quantity()));
    }
    return null;
  }

  private static String lower(String s) {
    return Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  /** A memory quantity in GB, as KFP 2's compiler writes its deprecated numeric fields. */
  static double gigabytes(String q) {
    String[][] units = {{"Ei", "1152921504606846976"}, {"Pi", "1125899906842624"}, {"Ti", "1099511627776"}, {"Gi", "1073741824"},
        {"Mi", "1048576"}, {"Ki", "1024"}, {"E", "1e18"}, {"P", "1e15"}, {"T", "1e12"}, {"G", "1e9"}, {"M", "1e6"}, {"K", "1e3"}};
    for (String[] u : units) {
      if (q.endsWith(u[0])) {
        return Double.parseDouble(q.substring(0, q.length() - u[0].length())) * Double.parseDouble(u[1]) / 1e9;
      }
    }
    return Double.parseDouble(q) / 1e9;
  }

  @Override
  public Void accelerator(TaskSetting.Accelerator s) {
    ObjectNode a = container.withObject("resources").putObject("accelerator");
    a.put("resourceType", s.resource());
    a.put("resourceCount", Integer.toString(s.count()));
    a.put("type", s.resource());
    a.put("count", Integer.toString(s.count())); // an int64, which KFP's SDK writes as JSON does: a string
    return null;
  }

  @Override
  public Void resourceFrom(TaskSetting.ResourceFrom s) {
    String suffix = (s.kind().resource().equals("cpu") ? "Cpu" : "Memory") + (s.kind().isLimit() ? "Limit" : "Request");
    container.withObject("resources").put("resource" + suffix, fromRun(Channels.settingField(s.kind()), s.quantity()));
    return null;
  }

  @Override
  public Void acceleratorFrom(TaskSetting.AcceleratorFrom s) {
    ObjectNode a = container.withObject("resources").putObject("accelerator");
    a.put("resourceType", s.type() instanceof Argument.Constant c ? c.text() : fromRun(Channels.ACCELERATOR_TYPE, s.type()));
    a.put("resourceCount", s.count() instanceof Argument.Constant c ? c.text() : fromRun(Channels.ACCELERATOR_COUNT, s.count()));
    if (s.type() instanceof Argument.Constant c) {
      a.put("type", c.text());
    }
    if (s.count() instanceof Argument.Constant c) {
      a.put("count", Integer.toString(Integer.parseInt(c.text())));
    }
    return null;
  }

  /**
   * The placeholder of a setting's value given at run time, as KFP's SDK writes {@code set_cpu_limit(cpu)}: the task takes the
   * value as input {@code pipelinechannel--cpu} ({@code pipelinechannel--<task>-<output>} for a task's output), and the
   * placeholder as a constant under the setting's own name {@code field} ({@link Channels#ownInputs}).
   */
  private String fromRun(String field, Argument a) {
    String input = Channels.settingChannel(a);
    String placeholder = Channels.placeholder(input);
    TaskInputs.constant(task, field, NODES.stringNode(placeholder));
    task.withObject("inputs").withObject("parameters").set(input, parameter.apply(a));
    return placeholder;
  }

  /** The executor's image, as KFP's SDK writes {@code set_container_image(image)}: the constant, or a placeholder ({@link #fromRun}). */
  @Override
  public Void containerImage(TaskSetting.ContainerImage s) {
    container.put("image", s.image() instanceof Argument.Constant c ? c.text() : fromRun(Channels.BASE_IMAGE, s.image()));
    return null;
  }

  @Override
  public Void env(TaskSetting.Env s) {
    container.withArray("env").addObject().put("name", s.name()).put("value", s.value());
    return null;
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
  public Void retry(RunSetting.Retry s) {
    if (s.policy() != null && !s.policy().equals("OnFailure")) {
      throw new FormatException(where + ": retries(" + s.limit() + ", \"" + s.policy() + "\"): KFP 2 retries a task that failed (Argo's "
          + "OnFailure) and has no other retry policy; write retries(" + s.limit() + ")");
    }
    ObjectNode r = retryPolicy();
    r.put("maxRetryCount", s.limit());
    return null;
  }

  private ObjectNode retryPolicy() {
    if (!task.has("retryPolicy")) {
      ObjectNode r = task.putObject("retryPolicy");
      r.put("backoffDuration", "0s");
      r.put("backoffFactor", 2.0);
      r.put("backoffMaxDuration", "3600s");
    }
    return task.withObject("retryPolicy");
  }

  @Override
  public Void retryBackoff(RunSetting.RetryBackoff s) {
    ObjectNode r = retryPolicy();
    r.put("backoffDuration", protobufDuration(s.duration()));
    r.put("backoffFactor", (double) s.factor());
    if (!s.maxDuration().isEmpty()) {
      r.put("backoffMaxDuration", protobufDuration(s.maxDuration())); // else KFP's default maximum, written above
    }
    return null;
  }

  /**
   * A duration as protobuf's {@code Duration} writes it in JSON: seconds, with up to nine decimals
   * ({@code 10s}, {@code 0.01s} for {@code 10ms}).
   */
  static String protobufDuration(String duration) {
    java.math.BigDecimal seconds = seconds(duration).stripTrailingZeros();
    return (seconds.scale() < 0 ? seconds.setScale(0) : seconds).toPlainString() + "s";
  }

  /** The seconds of a duration ({@code 10}, {@code 1m30s}, {@code 500ms}), to the nanosecond, rounded up. */
  static java.math.BigDecimal seconds(String duration) {
    if (duration.matches("\\d+")) {
      return new java.math.BigDecimal(duration);
    }
    java.math.BigDecimal nanos = java.math.BigDecimal.ZERO;
    var m = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|ms|s|m|h)").matcher(duration);
    while (m.find()) {
      long unit = switch (m.group(2)) {
        case "h" -> 3_600_000_000_000L;
        case "m" -> 60_000_000_000L;
        case "s" -> 1_000_000_000L;
        case "ms" -> 1_000_000L;
        case "us" -> 1_000L;
        default -> 1L;
      };
      nanos = nanos.add(new java.math.BigDecimal(m.group(1)).multiply(java.math.BigDecimal.valueOf(unit)));
    }
    return nanos.setScale(0, java.math.RoundingMode.CEILING).movePointLeft(9);
  }

  @Override
  public Void timeout(RunSetting.Timeout s) {
    kubernetes.put("activeDeadlineSeconds", Long.toString(s.seconds()));
    return null;
  }

  @Override
  public Void caching(RunSetting.Caching s) {
    ObjectNode caching = task.withObject("cachingOptions");
    if (s.enabled()) {
      caching.put("enableCache", true);
    } else {
      caching.remove("enableCache");
    }
    return null;
  }

  @Override
  public Void cacheKey(RunSetting.CacheKey s) {
    task.withObject("cachingOptions").put("cacheKey", s.key());
    return null;
  }

  @Override
  public Void ignoreUpstreamFailure(RunSetting.IgnoreUpstreamFailure s) {
    task.withObject("triggerPolicy").put("strategy", "ALL_UPSTREAM_TASKS_COMPLETED");
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
    return null;
  }

  @Override
  public Void volumeMount(TaskSetting.VolumeMount s) {
    mountClaim(new Argument.TaskOutput(s.volume(), "name"), s.mountPath());
    return null;
  }

  @Override
  public Void pvcMountFrom(TaskSetting.PvcMountFrom s) {
    mountClaim(s.claim(), s.mountPath());
    return null;
  }

  /** A claim named when the task runs (a volume step's output, a pipeline parameter), mounted at {@code path}, as kfp-kubernetes writes it. */
  private void mountClaim(Argument claimName, String path) {
    ObjectNode claim = parameter.apply(claimName);
    ObjectNode m = kubernetes.withArray("pvcMount").addObject();
    m.put("mountPath", path);
    claim.properties().forEach(e -> m.set(e.getKey(), e.getValue().deepCopy())); // the deprecated fields beside pvcNameParameter
    m.set("pvcNameParameter", claim);
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

  @Override
  public Void optionalArgument(dev.kfp4j.model.ArgoSetting.OptionalArgument s) {
    throw argoOnly("its argument '" + s.input() + "' is passed optional (Argo's optional: true on an argument artifact)");
  }

  @Override
  public Void globalName(dev.kfp4j.model.ArgoSetting.GlobalName s) {
    throw argoOnly("its output '" + s.output() + "' is exported as '" + s.globalName() + "' (Argo's globalName)");
  }

  @Override
  public Void archive(dev.kfp4j.model.ArgoSetting.Archive s) {
    throw argoOnly("its output '" + s.output() + "' is archived as " + s.strategy() + " (Argo's archive)");
  }

  /** A setting of an Argo workflow read ({@link dev.kfp4j.model.ArgoSetting}) that KFP 2 has no place for. */
  private FormatException argoOnly(String what) {
    return new FormatException(where + ": " + what + ", which a KFP 2 pipeline spec has no place for; write the pipeline for Argo,"
        + " or remove the key from the workflow");
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
