package dev.kfp4j.format.argo;

import dev.kfp4j.format.KubernetesAffinity;
import dev.kfp4j.format.KubernetesContainer;
import dev.kfp4j.format.KubernetesToleration;
import dev.kfp4j.model.PodSetting;
import dev.kfp4j.model.RunSetting;
import dev.kfp4j.model.TaskSetting;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Writes task settings into a template, where Argo and KFP v1 read them. */
final class SettingsWriter implements dev.kfp4j.model.SettingVisitor<Void> {
  /** The longest name Kubernetes takes for a pod volume (an RFC 1123 label). */
  private static final int MAX_NAME = 63;

  private final ObjectNode template;
  private final ObjectNode container;
  private final ObjectNode annotations;
  private final ObjectNode labels;
  /** The template's inputs for names a run's value gives so far. */
  private int runNames;

  /** For a template whose container (a detached node for a resource template), annotations and labels are given. */
  SettingsWriter(ObjectNode template, ObjectNode container, ObjectNode annotations, ObjectNode labels) {
    this.template = template;
    this.container = container;
    this.annotations = annotations;
    this.labels = labels;
  }

  void apply(Iterable<TaskSetting> settings) {
    for (TaskSetting s : settings) {
      s.accept(this);
    }
  }

  @Override
  public Void displayName(TaskSetting.DisplayName s) {
    annotations.put(Argo.DISPLAY_NAME, s.name());
    return null;
  }

  @Override
  public Void resource(TaskSetting.Resource s) {
    KubernetesContainer.resource(container.withObject("resources"), s);
    return null;
  }

  @Override
  public Void accelerator(TaskSetting.Accelerator s) {
    KubernetesContainer.resource(container.withObject("resources"), s);
    return null;
  }

  @Override
  public Void resourceFrom(TaskSetting.ResourceFrom s) {
    throw new IllegalStateException("refused by ArgoWriter: " + s); // KFP 2 only
  }

  @Override
  public Void acceleratorFrom(TaskSetting.AcceleratorFrom s) {
    throw new IllegalStateException("refused by ArgoWriter: " + s); // KFP 2 only
  }

  @Override
  public Void pvcMountFrom(TaskSetting.PvcMountFrom s) {
    throw new IllegalStateException("refused by ArgoWriter: " + s); // KFP 2 only
  }

  @Override
  public Void tolerationFrom(TaskSetting.TolerationFrom s) {
    throw new IllegalStateException("refused by ArgoWriter: " + s); // KFP 2 only
  }

  /**
   * A key of a secret or config map that may be missing ({@code optional: true}), or that a run's value names: the template's
   * input ({@link RunNames}), which Argo substitutes.
   */
  @Override
  public Void envFrom(PodSetting.EnvFrom s) {
    KubernetesContainer.envFrom(container.withArray("env"), s, name(s.object()));
    return null;
  }

  /** A secret or config map mounted that may be missing ({@code optional: true} on the volume's source), or that a run's value names. */
  @Override
  public Void volumeFrom(PodSetting.VolumeFrom s) {
    String name = name(s.object());
    if (s.source() == PodSetting.Source.SECRET) {
      mount("secret-", "secret", "secretName", name, s.mountPath(), s.optional());
    } else {
      mount("configmap-", "configMap", "name", name, s.mountPath(), s.optional());
    }
    return null;
  }

  /** Written on the task's argument by {@link DagWriter}, not into the template. */
  @Override
  public Void optionalArgument(dev.kfp4j.model.ArgoSetting.OptionalArgument s) {
    return null;
  }

  /** Written on the template's output, which the component's spec names, by {@link ArgoKeys}. */
  @Override
  public Void globalName(dev.kfp4j.model.ArgoSetting.GlobalName s) {
    return null;
  }

  /** Written on the template's output artifact by {@link ArgoKeys}. */
  @Override
  public Void archive(dev.kfp4j.model.ArgoSetting.Archive s) {
    return null;
  }

  /** A constant name, or the template's next input for a name a run's value gives ({@link RunNames}). */
  private String name(dev.kfp4j.model.Argument name) {
    if (name instanceof dev.kfp4j.model.Argument.Constant c) {
      return c.text();
    }
    String input = RunNames.input(++runNames);
    template.withObject("inputs").withArray("parameters").addObject().put("name", input);
    return Argo.inputParameter(input);
  }

  @Override
  public Void imagePullSecretFrom(PodSetting.ImagePullSecretFrom s) {
    throw new IllegalStateException("refused by ArgoWriter: " + s); // KFP 2 only
  }

  @Override
  public Void nodeSelectorFrom(PodSetting.NodeSelectorFrom s) {
    throw new IllegalStateException("refused by ArgoWriter: " + s); // KFP 2 only
  }

  @Override
  public Void nodeAffinityFrom(PodSetting.NodeAffinityFrom s) {
    throw new IllegalStateException("refused by ArgoWriter: " + s); // KFP 2 only
  }

  /** A term of {@code affinity.podAffinity} or {@code podAntiAffinity}: required, or preferred with its weight. */
  @Override
  public Void podAffinity(PodSetting.PodAffinity s) {
    dev.kfp4j.format.KubernetesPodAffinity.writeArgo(template.withObject("affinity"), s);
    return null;
  }

  /** The container's {@code securityContext}: the fields set, as KFP's driver sets them on the pod's container. */
  @Override
  public Void securityContext(PodSetting.SecurityContext s) {
    if (container.has("securityContext")) {
      throw new dev.kfp4j.format.FormatException("task setting " + s + ": the security context is set twice; set it once, with every "
          + "field it needs");
    }
    ObjectNode c = container.withObject("securityContext");
    if (s.runAsUser() != null) {
      c.put("runAsUser", s.runAsUser());
    }
    if (s.runAsGroup() != null) {
      c.put("runAsGroup", s.runAsGroup());
    }
    if (s.runAsNonRoot() != null) {
      c.put("runAsNonRoot", s.runAsNonRoot());
    }
    return null;
  }

  @Override
  public Void env(TaskSetting.Env s) {
    KubernetesContainer.env(container.withArray("env"), s);
    return null;
  }

  @Override
  public Void secretEnv(TaskSetting.SecretEnv s) {
    KubernetesContainer.env(container.withArray("env"), s);
    return null;
  }

  @Override
  public Void configMapEnv(TaskSetting.ConfigMapEnv s) {
    KubernetesContainer.env(container.withArray("env"), s);
    return null;
  }

  @Override
  public Void nodeSelector(TaskSetting.NodeSelector s) {
    template.withObject("nodeSelector").put(s.label(), s.value());
    return null;
  }

  @Override
  public Void toleration(TaskSetting.Toleration s) {
    KubernetesToleration.write(template.withArray("tolerations"), s);
    return null;
  }

  @Override
  public Void retry(RunSetting.Retry s) {
    ObjectNode retry = template.withObject("retryStrategy");
    retry.put("limit", Integer.toString(s.limit()));
    if (s.policy() != null) {
      retry.put("retryPolicy", s.policy());
    }
    JsonNode backoff = retry.remove("backoff"); // set before: after the policy, where the model read back writes it
    if (backoff != null) {
      retry.set("backoff", backoff);
    }
    return null;
  }

  @Override
  public Void retryBackoff(RunSetting.RetryBackoff s) {
    ObjectNode retry = template.withObject("retryStrategy");
    if (!retry.has("limit")) {
      retry.put("limit", "0"); // without one, Argo retries a failed step forever; retries(n) after this sets it
    }
    ObjectNode backoff = retry.putObject("backoff");
    backoff.put("duration", s.duration());
    backoff.put("factor", Integer.toString(s.factor()));
    if (!s.maxDuration().isEmpty()) {
      backoff.put("maxDuration", s.maxDuration());
    }
    return null;
  }

  @Override
  public Void timeout(RunSetting.Timeout s) {
    template.put("activeDeadlineSeconds", Long.toString(s.seconds()));
    return null;
  }

  @Override
  public Void caching(RunSetting.Caching s) {
    if (s.enabled()) {
      annotations.remove(Argo.MAX_CACHE_STALENESS);
    } else {
      annotations.put(Argo.MAX_CACHE_STALENESS, "P0D");
    }
    return null;
  }

  @Override
  public Void cacheKey(RunSetting.CacheKey s) {
    throw new IllegalStateException("refused by ArgoWriter: " + s); // KFP 2 only
  }

  @Override
  public Void ignoreUpstreamFailure(RunSetting.IgnoreUpstreamFailure s) {
    throw new IllegalStateException("refused by ArgoWriter: " + s); // KFP 2 only
  }

  @Override
  public Void imagePullPolicy(TaskSetting.ImagePullPolicy s) {
    container.put("imagePullPolicy", s.policy());
    return null;
  }

  @Override
  public Void containerImage(TaskSetting.ContainerImage s) {
    if (!(s.image() instanceof dev.kfp4j.model.Argument.Constant c)) {
      throw new IllegalStateException("refused by ArgoWriter: " + s); // KFP 2 only
    }
    container.put("image", c.text());
    return null;
  }

  @Override
  public Void podLabel(TaskSetting.PodLabel s) {
    labels.put(s.key(), s.value());
    return null;
  }

  @Override
  public Void podAnnotation(TaskSetting.PodAnnotation s) {
    annotations.put(s.key(), s.value());
    return null;
  }

  @Override
  public Void pvcMount(TaskSetting.PvcMount s) {
    mount("pvc-", "persistentVolumeClaim", "claimName", s.claim(), s.mountPath());
    if (!s.subPath().isEmpty()) { // the claim's folder, as Kubernetes' volumeMounts[].subPath; the whole claim without it
      var mounts = container.withArray("volumeMounts");
      ((ObjectNode) mounts.get(mounts.size() - 1)).put("subPath", s.subPath());
    }
    return null;
  }

  @Override
  public Void volumeMount(TaskSetting.VolumeMount s) {
    // a volume made in the run: its claim name comes in as an input parameter of the template
    String input = s.volume() + "-name";
    template.withObject("inputs").withArray("parameters").addObject().put("name", input);
    container.withArray("volumeMounts").addObject().put("name", s.volume()).put("mountPath", s.mountPath());
    template.withArray("volumes").addObject().put("name", s.volume()).putObject("persistentVolumeClaim")
        .put("claimName", Argo.inputParameter(input));
    return null;
  }

  @Override
  public Void secretVolume(TaskSetting.SecretVolume s) {
    mount("secret-", "secret", "secretName", s.secret(), s.mountPath());
    return null;
  }

  @Override
  public Void configMapVolume(TaskSetting.ConfigMapVolume s) {
    mount("configmap-", "configMap", "name", s.configMap(), s.mountPath());
    return null;
  }

  @Override
  public Void fieldPathEnv(TaskSetting.FieldPathEnv s) {
    KubernetesContainer.env(container.withArray("env"), s);
    return null;
  }

  /** The pod volume {@code emptyDir} named as the setting names it ({@code medium}, {@code sizeLimit} when given), and its mount. */
  @Override
  public Void emptyDirMount(TaskSetting.EmptyDirMount s) {
    ObjectNode source = JsonNodeFactory.instance.objectNode();
    ObjectNode dir = source.putObject("emptyDir");
    if (!s.medium().isEmpty()) {
      dir.put("medium", s.medium());
    }
    if (!s.sizeLimit().isEmpty()) {
      dir.put("sizeLimit", s.sizeLimit());
    }
    ownVolume("mountEmptyDir", s.volume(), source, s.mountPath());
    return null;
  }

  /** A pod volume of the task's own, named as the setting names it ({@code method}'s), and its mount. */
  private void ownVolume(String method, String name, ObjectNode source, String mountPath) {
    for (JsonNode v : template.withArray("volumes")) {
      if (v.path("name").asString("").equals(name)) {
        throw new dev.kfp4j.format.FormatException(method + "(\"" + name + "\", ...): the task has another volume named '" + name
            + "'; give each volume a name of its own");
      }
    }
    template.withArray("volumes").addObject().put("name", name).setAll(source);
    container.withArray("volumeMounts").addObject().put("name", name).put("mountPath", mountPath);
  }

  /** A term of {@code affinity.nodeAffinity}: required ({@code nodeSelectorTerms}), or preferred with its weight. */
  @Override
  public Void nodeAffinity(TaskSetting.NodeAffinity s) {
    KubernetesAffinity.writeNodeAffinity(template.withObject("affinity"), s);
    return null;
  }

  /** The pod volume {@code ephemeral} named as the setting names it, and its mount. */
  @Override
  public Void ephemeralVolume(TaskSetting.EphemeralVolume s) {
    ownVolume("mountEphemeralVolume", s.volume(), EphemeralVolumes.source(s), s.mountPath());
    return null;
  }

  /** Mounts {@code resource} at {@code mountPath} through its pod volume ({@code {type: {key: resource}}}). */
  private void mount(String prefix, String type, String key, String resource, String mountPath) {
    mount(prefix, type, key, resource, mountPath, false);
  }

  private void mount(String prefix, String type, String key, String resource, String mountPath, boolean optional) {
    ObjectNode source = JsonNodeFactory.instance.objectNode();
    source.putObject(type).put(key, resource);
    if (optional) {
      source.withObject(type).put("optional", true);
    }
    container.withArray("volumeMounts").addObject().put("name", volume(prefix, resource, source)).put("mountPath", mountPath);
  }

  /**
   * The pod volume of {@code source} (a claim, secret or config map), named {@code prefix} and the
   * resource's name as a Kubernetes name ({@code my.secret} is {@code secret-my-secret}, {@code
   * data.v1} is {@code pvc-data-v1}, at most 63 characters), added once however often it is
   * mounted; a name another source has already gets {@code -2}, ...
   */
  private String volume(String prefix, String resource, ObjectNode source) {
    String base = (prefix + resource.toLowerCase(Locale.ROOT)).replaceAll("[^a-z0-9-]+", "-").replaceAll("-+$", "");
    String name = fit(base, "");
    for (int i = 2; ; i++) {
      JsonNode existing = null;
      for (JsonNode v : template.withArray("volumes")) {
        if (v.path("name").asString("").equals(name)) {
          existing = v;
        }
      }
      if (existing == null) {
        ObjectNode v = template.withArray("volumes").addObject().put("name", name);
        v.setAll(source);
        return name;
      }
      ObjectNode without = (ObjectNode) existing.deepCopy();
      without.remove("name");
      if (without.equals(source)) {
        return name;
      }
      name = fit(base, "-" + i);
    }
  }

  /** {@code base} cut so that with {@code suffix} it is at most 63 characters, and ends in no '-' before it. */
  private static String fit(String base, String suffix) {
    int room = MAX_NAME - suffix.length();
    String cut = base.length() > room ? base.substring(0, room).replaceAll("-+$", "") : base;
    return cut + suffix;
  }
}
