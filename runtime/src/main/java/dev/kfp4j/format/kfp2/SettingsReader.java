package dev.kfp4j.format.kfp2;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.KubernetesAffinity;
import dev.kfp4j.format.KubernetesToleration;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Channels;
import dev.kfp4j.model.PodSetting;
import dev.kfp4j.model.RunSetting;
import dev.kfp4j.model.TaskSetting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import tools.jackson.databind.JsonNode;

/** Reads a task's settings back from where {@link Kfp2Settings} writes them. */
final class SettingsReader {
  private SettingsReader() {}

  /** A placeholder that is a whole value: {@code {{$.inputs.parameters['pipelinechannel--cpu']}}}. */
  private static final java.util.regex.Pattern INPUT = java.util.regex.Pattern.compile("\\{\\{\\$\\.inputs\\.parameters\\['([^']+)']}}");

  /**
   * The argument behind a setting KFP takes from a parameter: {@code field} is the SDK's name of the
   * setting ({@code cpu_limit}), {@code input} the task's input the placeholder reads.
   */
  interface FromRun {
    Argument argument(String field, String input);
  }

  /**
   * A setting's value: a constant, or the argument behind the one placeholder it is ({@code
   * {{$.inputs.parameters['pipelinechannel--cpu']}}}, as KFP's SDK writes {@code set_cpu_limit(cpu)});
   * anything else with a placeholder is refused.
   */
  private static Argument value(String task, String field, String sdkField, JsonNode value, FromRun fromRun) {
    String text = value.asString("");
    java.util.regex.Matcher m = INPUT.matcher(text);
    if (m.matches()) {
      return fromRun.argument(sdkField, m.group(1));
    }
    if (value.toString().contains("{{$.inputs.")) {
      throw new IllegalArgumentException("task '" + task + "': its " + field + " is '" + text + "'; kfp4j reads a setting that is "
          + "a constant or one pipeline parameter or task output ({{$.inputs.parameters['pipelinechannel--x']}})");
    }
    return Argument.Constant.of(text);
  }

  /**
   * The display name of task {@code name} ({@code taskInfo.name} when it is not the name) and its caching when off
   * ({@code cachingOptions} without {@code enableCache}) and its cache key ({@code cachingOptions.cacheKey}), as {@link
   * Kfp2Settings} writes them: the settings a task and a pipeline called in another both take.
   */
  static List<TaskSetting> displayNameAndCaching(String name, JsonNode task) {
    List<TaskSetting> out = new ArrayList<>();
    String shown = task.path("taskInfo").path("name").asString(name);
    if (!shown.equals(name)) {
      out.add(new TaskSetting.DisplayName(shown));
    }
    if (task.has("cachingOptions") && !task.path("cachingOptions").path("enableCache").asBoolean(false)) {
      out.add(new RunSetting.Caching(false));
    }
    if (!task.path("cachingOptions").path("cacheKey").asString("").isEmpty()) {
      out.add(new RunSetting.CacheKey(task.get("cachingOptions").get("cacheKey").asString()));
    }
    return out;
  }

  /**
   * The settings of task {@code name}: from the task, its executor's container and its Kubernetes
   * config; {@code claim} gives the argument behind a Kubernetes setting's input spec (a claim name: a volume step's output,
   * or a pipeline parameter; a toleration's JSON), {@code fromRun}
   * the argument behind a resource KFP takes from a parameter.
   */
  static List<TaskSetting> read(String name, JsonNode task, JsonNode container, JsonNode k8s, BiFunction<String, JsonNode, Argument> claim,
      FromRun fromRun) {
    KubernetesFields.check(name, k8s);
    List<TaskSetting> out = displayNameAndCaching(name, task);
    JsonNode retry = task.path("retryPolicy");
    if (retry.isObject()) {
      if (retry.has("maxRetryCount")) { // else a backoff alone, written without retries
        out.add(new RunSetting.Retry(retry.path("maxRetryCount").asInt(0), null));
      }
      String duration = retry.path("backoffDuration").asString("0s");
      double factor = retry.path("backoffFactor").asDouble(2.0);
      String max = retry.path("backoffMaxDuration").asString("3600s");
      if (!duration.equals("0s") || factor != 2.0 || !max.equals("3600s")) {
        out.add(new RunSetting.RetryBackoff(duration, (int) factor, max));
      }
    }
    for (Map.Entry<String, JsonNode> r : container.path("resources").properties()) {
      TaskSetting.Resource.Kind kind = switch (r.getKey()) {
        case "resourceCpuLimit" -> TaskSetting.Resource.Kind.CPU_LIMIT;
        case "resourceCpuRequest" -> TaskSetting.Resource.Kind.CPU_REQUEST;
        case "resourceMemoryLimit" -> TaskSetting.Resource.Kind.MEMORY_LIMIT;
        case "resourceMemoryRequest" -> TaskSetting.Resource.Kind.MEMORY_REQUEST;
        default -> null;
      };
      if (kind != null) {
        Argument a = value(name, "resources." + r.getKey(), Channels.settingField(kind), r.getValue(), fromRun);
        out.add(a instanceof Argument.Constant c ? new TaskSetting.Resource(kind, c.text()) : new TaskSetting.ResourceFrom(kind, a));
      } else if (r.getKey().equals("accelerator")) {
        out.add(accelerator(name, r.getValue(), fromRun));
      }
    }
    java.util.regex.Matcher image = INPUT.matcher(container.path("image").asString(""));
    if (image.matches()) { // set_container_image(p): the component's image is the placeholder, the task's the value
      out.add(new TaskSetting.ContainerImage(fromRun.argument(Channels.BASE_IMAGE, image.group(1))));
    }
    for (JsonNode e : container.path("env")) {
      out.add(new TaskSetting.Env(e.path("name").asString(""), e.path("value").asString("")));
    }
    if (k8s.has("activeDeadlineSeconds")) {
      out.add(new RunSetting.Timeout(Long.parseLong(k8s.get("activeDeadlineSeconds").asString())));
    }
    if (k8s.has("imagePullPolicy")) {
      out.add(new TaskSetting.ImagePullPolicy(k8s.get("imagePullPolicy").asString()));
    }
    k8s.path("nodeSelector").path("labels").properties()
        .forEach(l -> out.add(new TaskSetting.NodeSelector(l.getKey(), l.getValue().asString(""))));
    for (JsonNode t : k8s.path("tolerations")) {
      if (t.has("tolerationJson") && t.get("tolerationJson").has("runtimeValue")) {
        throw new IllegalArgumentException("task '" + name + "': a toleration given as a constant JSON (tolerationJson: "
            + t.get("tolerationJson") + ") is not in kfp4j's model, which holds constant tolerations by key, operator, value and effect");
      }
      out.add(t.has("tolerationJson") ? new TaskSetting.TolerationFrom(claim.apply("tolerationJson", t.get("tolerationJson")))
          : KubernetesToleration.read(t));
    }
    k8s.path("podMetadata").path("labels").properties().forEach(l -> out.add(new TaskSetting.PodLabel(l.getKey(), l.getValue().asString(""))));
    k8s.path("podMetadata").path("annotations").properties()
        .forEach(l -> out.add(new TaskSetting.PodAnnotation(l.getKey(), l.getValue().asString(""))));
    for (PodSetting.Source source : PodSetting.Source.values()) {
      boolean secret = source == PodSetting.Source.SECRET;
      String kind = secret ? "secret" : "configMap";
      String list = secret ? "secretAsEnv" : "configMapAsEnv";
      for (JsonNode e : k8s.path(list)) {
        Argument object = named(e, kind, list, claim);
        boolean optional = e.path("optional").asBoolean(false);
        for (JsonNode kv : e.path("keyToEnv")) {
          String env = kv.path("envVar").asString("");
          String key = kv.path(secret ? "secretKey" : "configMapKey").asString("");
          out.add(object instanceof Argument.Constant c && !optional
              ? secret ? new TaskSetting.SecretEnv(env, c.text(), key) : new TaskSetting.ConfigMapEnv(env, c.text(), key)
              : new PodSetting.EnvFrom(source, env, object, key, optional));
        }
      }
    }
    for (PodSetting.Source source : PodSetting.Source.values()) {
      boolean secret = source == PodSetting.Source.SECRET;
      String list = secret ? "secretAsVolume" : "configMapAsVolume";
      for (JsonNode v : k8s.path(list)) {
        Argument object = named(v, secret ? "secret" : "configMap", list, claim);
        boolean optional = v.path("optional").asBoolean(false);
        String path = v.path("mountPath").asString("");
        out.add(object instanceof Argument.Constant c && !optional
            ? secret ? new TaskSetting.SecretVolume(c.text(), path) : new TaskSetting.ConfigMapVolume(c.text(), path)
            : new PodSetting.VolumeFrom(source, object, path, optional));
      }
    }
    for (JsonNode i : k8s.path("imagePullSecret")) {
      Argument secret = named(i, "secret", "imagePullSecret", claim);
      if (!(secret instanceof Argument.Constant)) { // a constant one is the pipeline's (Kfp2Reader)
        out.add(new PodSetting.ImagePullSecretFrom(secret));
      }
    }
    if (k8s.path("nodeSelector").has("nodeSelectorJson")) {
      out.add(new PodSetting.NodeSelectorFrom(claim.apply("nodeSelector.nodeSelectorJson", k8s.get("nodeSelector").get("nodeSelectorJson"))));
    }
    JsonNode context = k8s.path("securityContext");
    if (context.isObject()) {
      out.add(new PodSetting.SecurityContext(id(name, context, "runAsUser"), id(name, context, "runAsGroup"),
          context.has("runAsNonRoot") ? context.get("runAsNonRoot").asBoolean() : null));
    }
    for (JsonNode m : k8s.path("pvcMount")) {
      JsonNode spec = m.has("pvcNameParameter") ? m.get("pvcNameParameter") : m;
      String path = m.path("mountPath").asString("");
      String sub = m.path("subPath").asString("");
      if (TaskSetting.PvcMount.whyBadSubPath(sub) != null) {
        throw new IllegalArgumentException("task '" + name + "': its pvcMount at '" + path + "': "
            + TaskSetting.PvcMount.whyBadSubPath(sub));
      }
      if (spec.has("runtimeValue") || m.has("constant")) {
        out.add(new TaskSetting.PvcMount(spec.path("runtimeValue").path("constant").asString(m.path("constant").asString("")), path,
            sub));
      } else {
        Argument a = claim.apply("pvcMount.pvcNameParameter", spec);
        out.add(a instanceof Argument.TaskOutput o && sub.isEmpty() ? new TaskSetting.VolumeMount(o.task(), path)
            : new TaskSetting.PvcMountFrom(a, path, sub));
      }
    }
    for (JsonNode f : k8s.path("fieldPathAsEnv")) {
      out.add(new TaskSetting.FieldPathEnv(f.path("name").asString(""), f.path("fieldPath").asString("")));
    }
    for (JsonNode a : k8s.path("nodeAffinity")) {
      if (a.has("nodeAffinityJson")) {
        out.add(new PodSetting.NodeAffinityFrom(claim.apply("nodeAffinity.nodeAffinityJson", a.get("nodeAffinityJson"))));
        continue;
      }
      tools.jackson.databind.node.ObjectNode term = (tools.jackson.databind.node.ObjectNode) a.deepCopy();
      JsonNode weight = term.remove("weight");
      if (weight != null && (!weight.isNumber() || weight.asDouble() != Math.rint(weight.asDouble()))) {
        throw new IllegalArgumentException("task '" + name + "': its node affinity's weight " + weight + " is not a whole number");
      }
      out.add(KubernetesAffinity.readTerm(term, weight == null ? null : weight.asInt()));
    }
    int p = 0;
    for (JsonNode a : k8s.path("podAffinity")) {
      try {
        out.add(dev.kfp4j.format.KubernetesPodAffinity.readKfp(a));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("task '" + name + "': its podAffinity[" + p + "]: " + e.getMessage(), e);
      }
      p++;
    }
    for (JsonNode v : k8s.path("genericEphemeralVolume")) {
      out.add(ephemeral(name, v));
    }
    for (JsonNode d : k8s.path("emptyDirMounts")) {
      out.add(new TaskSetting.EmptyDirMount(d.path("volumeName").asString(""), d.path("mountPath").asString(""),
          d.path("medium").asString(""), d.path("sizeLimit").asString("")));
    }
    return out;
  }

  /** A generic ephemeral volume: of the default storage class or a named one, as add_ephemeral_volume writes it. */
  private static TaskSetting.EphemeralVolume ephemeral(String task, JsonNode v) {
    boolean byDefault = v.path("defaultStorageClass").asBoolean(false);
    String storageClass = v.path("storageClassName").asString("");
    if (byDefault == !storageClass.isEmpty()) {
      throw new IllegalArgumentException("task '" + task + "': its genericEphemeralVolume '" + v.path("volumeName").asString("")
          + "' has " + (byDefault ? "both defaultStorageClass and storageClassName" : "neither defaultStorageClass nor a storageClassName")
          + "; kfp4j's model holds a volume of the default storage class or of a named one");
    }
    List<String> modes = new ArrayList<>();
    v.path("accessModes").forEach(m -> modes.add(m.asString("")));
    Map<String, String> labels = new java.util.LinkedHashMap<>();
    v.path("metadata").path("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asString("")));
    Map<String, String> annotations = new java.util.LinkedHashMap<>();
    v.path("metadata").path("annotations").properties().forEach(e -> annotations.put(e.getKey(), e.getValue().asString("")));
    try {
      return new TaskSetting.EphemeralVolume(v.path("volumeName").asString(""), v.path("mountPath").asString(""), modes,
          v.path("size").asString(""), storageClass, labels, annotations);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("task '" + task + "': its genericEphemeralVolume '" + v.path("volumeName").asString("") + "': "
          + e.getMessage(), e);
    }
  }

  private static TaskSetting accelerator(String name, JsonNode a, FromRun fromRun) {
    JsonNode type = a.has("resourceType") ? a.get("resourceType") : a.path("type");
    JsonNode count = a.has("resourceCount") ? a.get("resourceCount") : a.path("count");
    Argument t = type.isMissingNode() ? Argument.Constant.of(TaskSetting.Accelerator.NVIDIA_GPU)
        : value(name, "resources.accelerator.resourceType", Channels.ACCELERATOR_TYPE, type, fromRun);
    Argument c = count.isMissingNode() ? Argument.Constant.of("1")
        : value(name, "resources.accelerator.resourceCount", Channels.ACCELERATOR_COUNT, count, fromRun);
    if (t instanceof Argument.Constant ct && c instanceof Argument.Constant cc) {
      return new TaskSetting.Accelerator(Integer.parseInt(cc.text()), ct.text());
    }
    return new TaskSetting.AcceleratorFrom(t, c);
  }

  /** A user or group id of a security context, an int64 as protobuf's JSON writes it ({@code '1000'}, or a number); null when not set. */
  private static Long id(String task, JsonNode context, String field) {
    JsonNode v = context.get(field);
    if (v == null) {
      return null;
    }
    String text = v.isNumber() ? v.numberValue().toString() : v.asString("");
    if (!text.matches("-?\\d+")) {
      throw new IllegalArgumentException("task '" + task + "': its securityContext." + field + " " + v + " is not a whole number");
    }
    return Long.valueOf(text);
  }

  /**
   * The name of the secret or config map ({@code kind}) of {@code entry}, an entry of {@code list}: the constant of {@code
   * <kind>NameParameter}, else the value it takes when the task runs, else the deprecated {@code <kind>Name} ({@link
   * KubernetesFields} refused the rest).
   */
  private static Argument named(JsonNode entry, String kind, String list, BiFunction<String, JsonNode, Argument> claim) {
    JsonNode p = entry.path(kind + "NameParameter");
    if (p.isObject() && !p.has("runtimeValue")) {
      return claim.apply(list + "." + kind + "NameParameter", p);
    }
    return Argument.Constant.of(p.path("runtimeValue").path("constant").asString(entry.path(kind + "Name").asString("")));
  }


  /**
   * The argument behind a setting KFP takes from a parameter ({@code set_cpu_limit(cpu)}): the task's input {@code input}
   * ({@code pipelinechannel--cpu}), which the component does not declare; it is no argument of the task, nor is the copy KFP's SDK
   * gives the task under the setting's name ({@code cpu_limit}, a constant of the placeholder).
   */
  static Argument taskInput(String source, Map<String, Argument> arguments, JsonNode comp, String field, String input, String at) {
    JsonNode declared = comp.path("inputDefinitions").path("parameters");
    Argument a = arguments.get(input);
    if (a == null || declared.has(input)) {
      throw new FormatException(source + ": " + at + ": its " + field + " reads input '" + input + "', which is "
          + (a == null ? "not given to the task" : "an input of its component") + "; KFP gives a setting from a parameter as an input "
          + "of the task alone");
    }
    arguments.remove(input);
    if (!declared.has(field) && arguments.get(field) instanceof Argument.Constant c && c.text().equals(Channels.placeholder(input))) {
      arguments.remove(field);
    }
    return a;
  }
}
