package dev.kfp4j.model;

import dev.kfp4j.spec.Names;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A setting of one step, as {@code dev.kfp4j.dsl.Task}'s methods make them ({@code
 * cpuLimit("2")} is a {@link Resource} of kind {@link Resource.Kind#CPU_LIMIT}). Each checks its
 * values when made, with a message naming the method; the processor makes the same records from
 * the constants of a {@code @Pipeline} body, so a mistake is a compile error. Formats write each
 * through a {@link SettingVisitor}, so a new setting no format handles does not compile ({@link PodSetting}'s too).
 */
public sealed interface TaskSetting permits TaskSetting.DisplayName, TaskSetting.Resource, TaskSetting.Accelerator, TaskSetting.ResourceFrom,
    TaskSetting.AcceleratorFrom, TaskSetting.Env, TaskSetting.SecretEnv, TaskSetting.ConfigMapEnv, TaskSetting.NodeSelector, TaskSetting.Toleration,
    TaskSetting.ImagePullPolicy, TaskSetting.ContainerImage, TaskSetting.PodLabel,
    TaskSetting.PodAnnotation, TaskSetting.PvcMount, TaskSetting.TolerationFrom, TaskSetting.PvcMountFrom, TaskSetting.VolumeMount,
    TaskSetting.SecretVolume, TaskSetting.ConfigMapVolume, TaskSetting.FieldPathEnv, TaskSetting.EmptyDirMount, TaskSetting.NodeAffinity,
    TaskSetting.EphemeralVolume, PodSetting, RunSetting, ArgoSetting {
  /** A Kubernetes resource quantity: {@code 500m}, {@code 2}, {@code 1.5Gi}, {@code 1e3}. */
  Pattern QUANTITY =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\\d+)?");
  /** A duration: {@code 10s}, {@code 1m30s}, {@code 2h}, or a number of seconds. */
  Pattern DURATION = Pattern.compile("\\d+|(\\d+(\\.\\d+)?(ns|us|ms|s|m|h))+");
  /** An environment variable name, as Kubernetes accepts it. */
  Pattern ENV_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");

  <R> R accept(SettingVisitor<R> visitor);

  /** The name the UI shows for the step. */
  record DisplayName(String name) implements TaskSetting {
    public DisplayName {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public <R> R accept(SettingVisitor<R> v) {
      return v.displayName(this);
    }
  }

  /** A CPU or memory request or limit of the step's container. */
  record Resource(Kind kind, String quantity) implements TaskSetting {
    /** Which resource, and the {@code Task} method that sets it. */
    public enum Kind {
      CPU_REQUEST("cpuRequest", "cpu", false),
      CPU_LIMIT("cpuLimit", "cpu", true),
      MEMORY_REQUEST("memoryRequest", "memory", false),
      MEMORY_LIMIT("memoryLimit", "memory", true);

      private final String method;
      private final String resource;
      private final boolean limit;

      Kind(String method, String resource, boolean limit) {
        this.method = method;
        this.resource = resource;
        this.limit = limit;
      }

      public String method() {
        return method;
      }

      /** Kubernetes' name of the resource: {@code cpu} or {@code memory}. */
      public String resource() { return resource; }

      /** A limit, or else a request. */
      public boolean isLimit() { return limit; }
    }

    public Resource {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(quantity, "quantity");
      if (!QUANTITY.matcher(quantity).matches()) {
        throw new IllegalArgumentException(kind.method + "(\"" + quantity + "\"): '" + quantity
            + "' is not a Kubernetes quantity; write e.g. \"" + (kind.resource.equals("cpu") ? "500m\" or \"2" : "512Mi\" or \"2Gi") + "\"");
      }
    }

    @Override
    public <R> R accept(SettingVisitor<R> v) {
      return v.resource(this);
    }
  }

  /** A limit of {@code count} accelerators of a vendor's resource, such as {@code nvidia.com/gpu}. */
  record Accelerator(int count, String resource) implements TaskSetting {
    /** The resource {@code gpuLimit(n)} asks for. */
    public static final String NVIDIA_GPU = "nvidia.com/gpu";

    public Accelerator {
      Objects.requireNonNull(resource, "resource");
      if (count < 0) {
        throw new IllegalArgumentException("gpuLimit(" + count + "): the GPU count must be 0 or more");
      }
    }

    @Override
    public <R> R accept(SettingVisitor<R> v) {
      return v.accelerator(this);
    }
  }

  /**
   * A CPU or memory request or limit that a pipeline parameter or a task's output gives when the
   * step runs (KFP 2's {@code set_cpu_limit(cpu)} with a pipeline channel); KFP 2 only.
   */
  record ResourceFrom(Resource.Kind kind, Argument quantity) implements TaskSetting {
    public ResourceFrom {
      Objects.requireNonNull(kind, "kind");
      SettingChecks.checkFromRun(kind.method(), quantity);
    }

    @Override
    public <R> R accept(SettingVisitor<R> v) {
      return v.resourceFrom(this);
    }
  }

  /**
   * Accelerators whose type or count (or both) a pipeline parameter or a task's output gives when
   * the step runs (KFP 2's {@code set_accelerator_type(t)}, {@code set_accelerator_limit(n)}); the
   * other is a constant ({@link Argument.Constant}), as KFP writes it. KFP 2 only.
   */
  record AcceleratorFrom(Argument type, Argument count) implements TaskSetting {
    public AcceleratorFrom {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(count, "count");
      if (type instanceof Argument.Constant && count instanceof Argument.Constant) {
        throw new IllegalArgumentException("an accelerator of constant type and count is an Accelerator setting");
      }
      if (!(type instanceof Argument.Constant)) {
        SettingChecks.checkFromRun("acceleratorType", type);
      }
      if (!(count instanceof Argument.Constant c)) {
        SettingChecks.checkFromRun("acceleratorLimit", count);
      } else if (!c.text().matches("\\d+")) {
        throw new IllegalArgumentException("acceleratorLimit(\"" + c.text() + "\"): the count must be a whole number, 0 or more");
      }
    }

    @Override
    public <R> R accept(SettingVisitor<R> v) {
      return v.acceleratorFrom(this);
    }
  }

  /** An environment variable of the step's container. */
  record Env(String name, String value) implements TaskSetting {
    public Env {
      SettingChecks.checkEnvName("env", name);
      Objects.requireNonNull(value, "value");
    }

    @Override
    public <R> R accept(SettingVisitor<R> v) {
      return v.env(this);
    }
  }

  /** An environment variable read from {@code key} of the Kubernetes secret {@code secret}. */
  record SecretEnv(String name, String secret, String key) implements TaskSetting {
    public SecretEnv {
      SettingChecks.checkEnvName("envFromSecret", name);
      Objects.requireNonNull(secret, "secret");
      Objects.requireNonNull(key, "key");
    }

    @Override
    public <R> R accept(SettingVisitor<R> v) {
      return v.secretEnv(this);
    }
  }

  /** An environment variable read from {@code key} of the Kubernetes config map {@code configMap}. */
  record ConfigMapEnv(String name, String configMap, String key) implements TaskSetting {
    public ConfigMapEnv {
      SettingChecks.checkEnvName("envFromConfigMap", name);
      Objects.requireNonNull(configMap, "configMap");
      Objects.requireNonNull(key, "key");
    }

    @Override
    public <R> R accept(SettingVisitor<R> v) {
      return v.configMapEnv(this);
    }
  }

  /** Runs the step only on nodes with {@code label: value}. */
  record NodeSelector(String label, String value) implements TaskSetting {
    public NodeSelector {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(value, "value");
      SettingChecks.checkLabel("nodeSelector", label, value);
    }

    @Override
    public <R> R accept(SettingVisitor<R> v) {
      return v.nodeSelector(this);
    }
  }

  /** A Kubernetes toleration; {@code value} and {@code effect} may be empty. */
  record Toleration(String key, String operator, String value, String effect) implements TaskSetting {
    public static final Set<String> OPERATORS = Set.of("Equal", "Exists");
    public static final Set<String> EFFECTS = Set.of("", "NoSchedule", "PreferNoSchedule", "NoExecute");

    public Toleration {
      Objects.requireNonNull(key, "key");
      value = value == null ? "" : value;
      effect = effect == null ? "" : effect;
      SettingChecks.checkToleration(operator, effect);
    }

    @Override
    public <R> R accept(SettingVisitor<R> v) {
      return v.toleration(this);
    }
  }

  /** The container's image pull policy. */
  record ImagePullPolicy(String policy) implements TaskSetting {
    public static final Set<String> POLICIES = Set.of("Always", "IfNotPresent", "Never");

    public ImagePullPolicy {
      if (!POLICIES.contains(policy)) {
        throw new IllegalArgumentException("imagePullPolicy(\"" + policy + "\"): must be one of " + SettingChecks.sorted(POLICIES));
      }
    }

    @Override
    public <R> R accept(SettingVisitor<R> v) {
      return v.imagePullPolicy(this);
    }
  }

  /**
   * The image the step's container runs instead of its component's, a constant or a pipeline parameter or task output that
   * gives it when the step runs (KFP 2's {@code set_container_image(image)}; from the run KFP 2 only).
   */
  record ContainerImage(Argument image) implements TaskSetting {
    public ContainerImage {
      Objects.requireNonNull(image, "image");
      if (image instanceof Argument.Constant c) {
        if (c.text().isBlank() || c.text().chars().anyMatch(Character::isWhitespace)) {
          throw new IllegalArgumentException("containerImage(\"" + c.text() + "\"): an image reference is not empty and has no "
              + "spaces, such as \"python:3.11\" or \"registry.example.com/team/trainer:1.2\"");
        }
      } else {
        SettingChecks.checkFromRun("containerImage", image);
      }
    }

    @Override
    public <R> R accept(SettingVisitor<R> v) {
      return v.containerImage(this);
    }
  }

  /** A label on the step's pod. */
  record PodLabel(String key, String value) implements TaskSetting {
    public PodLabel {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      SettingChecks.checkLabel("podLabel", key, value);
    }

    @Override
    public <R> R accept(SettingVisitor<R> v) {
      return v.podLabel(this);
    }
  }

  /** An annotation on the step's pod. */
  record PodAnnotation(String key, String value) implements TaskSetting {
    public PodAnnotation {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      SettingChecks.checkKey("podAnnotation", key);
    }

    @Override
    public <R> R accept(SettingVisitor<R> v) {
      return v.podAnnotation(this);
    }
  }

  /**
   * Mounts the existing PersistentVolumeClaim {@code claim} at {@code mountPath}: the folder {@code subPath} of it, or the whole
   * claim for {@code ""} (a volumeMount's {@code subPath}, kfp-kubernetes' {@code mount_pvc(..., sub_path=...)}).
   */
  record PvcMount(String claim, String mountPath, String subPath) implements TaskSetting {
    public PvcMount {
      Objects.requireNonNull(claim, "claim");
      SettingChecks.checkMountPath("mountPvc", mountPath);
      SettingChecks.checkSubPath(subPath);
    }

    /** The whole claim {@code claim} at {@code mountPath}. */
    public PvcMount(String claim, String mountPath) {
      this(claim, mountPath, "");
    }

    /**
     * Why Kubernetes refuses {@code subPath} as a volumeMount's {@code subPath} (an absolute path, a {@code ..} in it: it must be a
     * path within the volume), with what to write instead; null when it takes it.
     */
    public static String whyBadSubPath(String subPath) {
      return SettingChecks.whyBadSubPath(subPath);
    }

    @Override
    public <R> R accept(SettingVisitor<R> v) {
      return v.pvcMount(this);
    }
  }

  /** Tolerations as JSON from a pipeline parameter or task output when the step runs ({@code add_toleration_json}); KFP 2 only. */
  record TolerationFrom(Argument json) implements TaskSetting {
    public TolerationFrom {
      SettingChecks.checkFromRun("toleration", json);
    }

    @Override
    public <R> R accept(SettingVisitor<R> v) {
      return v.tolerationFrom(this);
    }
  }

  /**
   * Mounts the claim a pipeline parameter or task output names when the step runs, its folder {@code subPath} or, for {@code ""},
   * the whole claim (kfp-kubernetes' {@code mount_pvc(t, pvc_name=p, sub_path=...)}); KFP 2 only.
   */
  record PvcMountFrom(Argument claim, String mountPath, String subPath) implements TaskSetting {
    public PvcMountFrom {
      SettingChecks.checkFromRun("mountPvc", claim);
      SettingChecks.checkMountPath("mountPvc", mountPath);
      SettingChecks.checkSubPath(subPath);
    }

    /** The whole claim at {@code mountPath}. */
    public PvcMountFrom(Argument claim, String mountPath) {
      this(claim, mountPath, "");
    }

    @Override
    public <R> R accept(SettingVisitor<R> v) {
      return v.pvcMountFrom(this);
    }
  }

  /** Mounts the claim that the {@link VolumeStep} named {@code volume} made, at {@code mountPath}. */
  record VolumeMount(String volume, String mountPath) implements TaskSetting {
    public VolumeMount {
      Objects.requireNonNull(volume, "volume");
      SettingChecks.checkMountPath("mountVolume", mountPath);
    }

    @Override
    public <R> R accept(SettingVisitor<R> v) {
      return v.volumeMount(this);
    }
  }

  /** Mounts the Kubernetes secret {@code secret} at {@code mountPath}, one file per key. */
  record SecretVolume(String secret, String mountPath) implements TaskSetting {
    public SecretVolume {
      Objects.requireNonNull(secret, "secret");
      SettingChecks.checkMountPath("mountSecret", mountPath);
    }

    @Override
    public <R> R accept(SettingVisitor<R> v) {
      return v.secretVolume(this);
    }
  }

  /** Mounts the Kubernetes config map {@code configMap} at {@code mountPath}, one file per key. */
  record ConfigMapVolume(String configMap, String mountPath) implements TaskSetting {
    public ConfigMapVolume {
      Objects.requireNonNull(configMap, "configMap");
      SettingChecks.checkMountPath("mountConfigMap", mountPath);
    }

    @Override
    public <R> R accept(SettingVisitor<R> v) {
      return v.configMapVolume(this);
    }
  }

  /**
   * An environment variable read from a field of the step's own pod ({@code metadata.name},
   * {@code metadata.labels['key']}, ...), as Kubernetes' {@code valueFrom.fieldRef} gives it.
   */
  record FieldPathEnv(String name, String fieldPath) implements TaskSetting {
    /** The pod fields Kubernetes gives an env variable ({@code metadata.labels['k']} and {@code metadata.annotations['k']} too). */
    public static final Set<String> FIELDS = Set.of("metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName",
        "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs");

    public FieldPathEnv {
      SettingChecks.checkFieldPath(name, fieldPath);
    }

    @Override
    public <R> R accept(SettingVisitor<R> v) {
      return v.fieldPathEnv(this);
    }
  }

  /**
   * An {@code emptyDir} volume named {@code volume}, mounted at {@code mountPath}: a folder of the
   * pod's own, empty when it starts; {@code medium} is {@code ""} (the node's disk), {@code Memory}
   * (a tmpfs, as {@code /dev/shm} for PyTorch's data loaders) or {@code HugePages}, {@code
   * sizeLimit} a quantity or {@code ""}.
   */
  record EmptyDirMount(String volume, String mountPath, String medium, String sizeLimit) implements TaskSetting {
    public static final Set<String> MEDIA = Set.of("", "Memory", "HugePages");

    public EmptyDirMount {
      medium = medium == null ? "" : medium;
      sizeLimit = sizeLimit == null ? "" : sizeLimit;
      SettingChecks.checkEmptyDir(volume, mountPath, medium, sizeLimit);
    }

    @Override
    public <R> R accept(SettingVisitor<R> v) {
      return v.emptyDirMount(this);
    }
  }

  /**
   * A term of the pod's node affinity, as kfp-kubernetes' {@code add_node_affinity}: nodes whose
   * labels ({@code matchExpressions}) and fields ({@code matchFields}) meet every requirement;
   * required when {@code weight} is null (the terms so are alternatives), else preferred with that
   * weight (1 to 100).
   */
  record NodeAffinity(List<Requirement> matchExpressions, List<Requirement> matchFields, Integer weight) implements TaskSetting {
    /** A node selector requirement: {@code key}, an operator, and the values it takes. */
    public record Requirement(String key, String operator, List<String> values) {
      public static final Set<String> OPERATORS = Set.of("In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt");

      public Requirement {
        Objects.requireNonNull(key, "key");
        values = List.copyOf(values);
        SettingChecks.checkRequirement(key, operator, values);
      }
    }

    public NodeAffinity {
      matchExpressions = List.copyOf(matchExpressions);
      matchFields = List.copyOf(matchFields);
      if (matchExpressions.isEmpty() && matchFields.isEmpty()) {
        throw new IllegalArgumentException("nodeAffinity: a term has a requirement of the node's labels or fields");
      }
      if (weight != null && (weight < 1 || weight > 100)) {
        throw new IllegalArgumentException("preferredNodeAffinity(" + weight + ", ...): the weight is from 1 to 100");
      }
    }

    @Override
    public <R> R accept(SettingVisitor<R> v) {
      return v.nodeAffinity(this);
    }
  }

  /**
   * A generic ephemeral volume (kfp-kubernetes' {@code add_ephemeral_volume}): a claim of {@code
   * size} made with the pod and deleted with it, mounted at {@code mountPath}; {@code
   * storageClass} {@code ""} is the cluster's default; the claim's labels and annotations.
   */
  record EphemeralVolume(String volume, String mountPath, List<String> accessModes, String size, String storageClass,
      Map<String, String> labels, Map<String, String> annotations) implements TaskSetting {
    public EphemeralVolume {
      accessModes = List.copyOf(accessModes);
      labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
      annotations = Collections.unmodifiableMap(new LinkedHashMap<>(annotations));
      SettingChecks.checkEphemeral(volume, mountPath, accessModes, size, storageClass, labels, annotations);
    }

    @Override
    public <R> R accept(SettingVisitor<R> v) {
      return v.ephemeralVolume(this);
    }
  }
}
