package dev.kfp4j.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Kubernetes settings of a step's pod that kfp-kubernetes writes beside {@link TaskSetting}'s
 * own (kept in a file of their own): secrets, config maps and image pull secrets a pipeline
 * parameter or a task's output names when the step runs, or that may be missing ({@code
 * optional}); a node selector or node affinity given as JSON when the step runs; the container's
 * security context; the pod's affinity to other pods. Those from a run's values are KFP 2 only, as {@link TaskSetting.PvcMountFrom}.
 */
public sealed interface PodSetting extends TaskSetting {
  /** A secret or a config map, with the {@code Task} methods that use one. */
  enum Source {
    SECRET("secret", "envFromSecret", "mountSecret"),
    CONFIG_MAP("config map", "envFromConfigMap", "mountConfigMap");

    private final String shown;
    private final String envMethod;
    private final String volumeMethod;

    Source(String shown, String envMethod, String volumeMethod) {
      this.shown = shown;
      this.envMethod = envMethod;
      this.volumeMethod = volumeMethod;
    }

    /** As messages name it: {@code secret}, {@code config map}. */
    public String shown() {
      return shown;
    }

    public String envMethod() {
      return envMethod;
    }

    public String volumeMethod() {
      return volumeMethod;
    }
  }

  /**
   * An environment variable {@code name} read from {@code key} of the secret or config map that
   * {@code object} names: a pipeline parameter or a task's output when the step runs
   * (kfp-kubernetes' {@code use_secret_as_env(t, secret_name=p, ...)}), or a constant of one that
   * may be missing ({@code optional}: then the variable is left unset); a constant name of one that
   * must exist is {@link TaskSetting.SecretEnv} or {@link TaskSetting.ConfigMapEnv}.
   */
  record EnvFrom(Source source, String name, Argument object, String key, boolean optional) implements PodSetting {
    public EnvFrom {
      Objects.requireNonNull(source, "source");
      SettingChecks.checkEnvName(source.envMethod(), name);
      Objects.requireNonNull(key, "key");
      named(source.envMethod(), source, object, optional);
    }

    @Override
    public <R> R accept(SettingVisitor<R> v) {
      return v.envFrom(this);
    }
  }

  /**
   * The secret or config map {@code object} names, mounted at {@code mountPath}: named by a
   * pipeline parameter or task output when the step runs, or a constant one that may be missing.
   */
  record VolumeFrom(Source source, Argument object, String mountPath, boolean optional) implements PodSetting {
    public VolumeFrom {
      Objects.requireNonNull(source, "source");
      SettingChecks.checkMountPath(source.volumeMethod(), mountPath);
      named(source.volumeMethod(), source, object, optional);
    }

    @Override
    public <R> R accept(SettingVisitor<R> v) {
      return v.volumeFrom(this);
    }
  }

  /** An image pull secret of the step's pod that a pipeline parameter or task output names ({@code set_image_pull_secrets(t, [p])}). */
  record ImagePullSecretFrom(Argument secret) implements PodSetting {
    public ImagePullSecretFrom {
      SettingChecks.checkFromRun("imagePullSecret", secret);
    }

    @Override
    public <R> R accept(SettingVisitor<R> v) {
      return v.imagePullSecretFrom(this);
    }
  }

  /** The pod's node selector as a JSON object from a pipeline parameter or task output ({@code add_node_selector_json}). */
  record NodeSelectorFrom(Argument json) implements PodSetting {
    public NodeSelectorFrom {
      SettingChecks.checkFromRun("nodeSelector", json);
    }

    @Override
    public <R> R accept(SettingVisitor<R> v) {
      return v.nodeSelectorFrom(this);
    }
  }

  /** The pod's node affinity as a JSON {@code NodeAffinity} from a pipeline parameter or task output ({@code add_node_affinity_json}). */
  record NodeAffinityFrom(Argument json) implements PodSetting {
    public NodeAffinityFrom {
      SettingChecks.checkFromRun("nodeAffinity", json);
    }

    @Override
    public <R> R accept(SettingVisitor<R> v) {
      return v.nodeAffinityFrom(this);
    }
  }

  /**
   * The container's identity (kfp-kubernetes' {@code set_security_context}): the user and group it
   * runs as, and whether it must not run as root; each null when not set, one at least set.
   */
  record SecurityContext(Long runAsUser, Long runAsGroup, Boolean runAsNonRoot) implements PodSetting {
    public SecurityContext {
      if (runAsUser == null && runAsGroup == null && runAsNonRoot == null) {
        throw new IllegalArgumentException("securityContext: set runAsUser, runAsGroup or runAsNonRoot");
      }
      if (runAsUser != null && runAsUser < 0 || runAsGroup != null && runAsGroup < 0) {
        throw new IllegalArgumentException("securityContext(" + runAsUser + ", " + runAsGroup + ", ...): a user or group id is 0 or more");
      }
      if (Boolean.TRUE.equals(runAsNonRoot) && runAsUser != null && runAsUser == 0) {
        throw new IllegalArgumentException("securityContext(0, ..., true): user 0 is root, which runAsNonRoot forbids; KFP's driver "
            + "refuses the pod");
      }
    }

    @Override
    public <R> R accept(SettingVisitor<R> v) {
      return v.securityContext(this);
    }
  }

  /**
   * A term of the pod's affinity to other pods (kfp-kubernetes' {@code PodAffinityTerm}; Kubernetes' {@code podAffinity}, or
   * {@code podAntiAffinity} when {@code anti}): run in the same domain of {@code topologyKey} (a node, a zone) as the pods whose
   * labels match ({@code matchPodLabels}, {@code matchPodExpressions}), in {@code namespaces} or those whose labels match, or
   * never with them when {@code anti}; required when {@code weight} is null, else preferred with that weight (1 to 100).
   */
  record PodAffinity(Map<String, String> matchPodLabels, List<TaskSetting.NodeAffinity.Requirement> matchPodExpressions, String topologyKey,
      List<String> namespaces, Map<String, String> matchNamespaceLabels, List<TaskSetting.NodeAffinity.Requirement> matchNamespaceExpressions,
      Integer weight, boolean anti) implements PodSetting {
    /** The operators of a label selector's requirement. */
    public static final java.util.Set<String> OPERATORS = java.util.Set.of("In", "NotIn", "Exists", "DoesNotExist");

    public PodAffinity {
      matchPodLabels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(matchPodLabels));
      matchPodExpressions = List.copyOf(matchPodExpressions);
      namespaces = List.copyOf(namespaces);
      matchNamespaceLabels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(matchNamespaceLabels));
      matchNamespaceExpressions = List.copyOf(matchNamespaceExpressions);
      String method = (weight == null ? "pod" : "preferredPod") + (anti ? "AntiAffinity" : "Affinity");
      if (topologyKey == null || topologyKey.isEmpty()) {
        throw new IllegalArgumentException(method + ": a term has a topologyKey, such as kubernetes.io/hostname");
      }
      if (matchPodLabels.isEmpty() && matchPodExpressions.isEmpty()) {
        throw new IllegalArgumentException(method + "(\"" + topologyKey + "\", ...): a term selects pods by their labels");
      }
      for (TaskSetting.NodeAffinity.Requirement r : concat(matchPodExpressions, matchNamespaceExpressions)) {
        if (!OPERATORS.contains(r.operator())) {
          throw new IllegalArgumentException(method + ": the operator '" + r.operator() + "' of key '" + r.key() + "' must be one of "
              + SettingChecks.sorted(OPERATORS));
        }
      }
      matchPodLabels.forEach((k, v) -> SettingChecks.checkLabel(method, k, v));
      matchNamespaceLabels.forEach((k, v) -> SettingChecks.checkLabel(method, k, v));
      if (weight != null && (weight < 1 || weight > 100)) {
        throw new IllegalArgumentException(method + "(" + weight + ", ...): the weight is from 1 to 100");
      }
    }

    private static List<TaskSetting.NodeAffinity.Requirement> concat(List<TaskSetting.NodeAffinity.Requirement> a,
        List<TaskSetting.NodeAffinity.Requirement> b) {
      List<TaskSetting.NodeAffinity.Requirement> out = new java.util.ArrayList<>(a);
      out.addAll(b);
      return out;
    }

    @Override
    public <R> R accept(SettingVisitor<R> v) {
      return v.podAffinity(this);
    }
  }

  /**
   * {@code s}, an {@link EnvFrom} or {@link VolumeFrom}, with the name {@code name} a run gives it, as a setting of a constant
   * name ({@link TaskSetting.SecretEnv}, ...); null when the run gives none (KFP's driver then leaves the setting out).
   */
  static TaskSetting named(TaskSetting s, String name) {
    if (name == null) {
      return null;
    }
    boolean secret;
    if (s instanceof EnvFrom e) {
      secret = e.source() == Source.SECRET;
      return e.optional() ? new EnvFrom(e.source(), e.name(), Argument.Constant.of(name), e.key(), true)
          : secret ? new TaskSetting.SecretEnv(e.name(), name, e.key()) : new TaskSetting.ConfigMapEnv(e.name(), name, e.key());
    }
    VolumeFrom v = (VolumeFrom) s;
    secret = v.source() == Source.SECRET;
    return v.optional() ? new VolumeFrom(v.source(), Argument.Constant.of(name), v.mountPath(), true)
        : secret ? new TaskSetting.SecretVolume(name, v.mountPath()) : new TaskSetting.ConfigMapVolume(name, v.mountPath());
  }

  private static void named(String method, Source source, Argument object, boolean optional) {
    if (object instanceof Argument.Constant c) {
      if (!optional) {
        throw new IllegalArgumentException(method + "(\"" + c.text() + "\", ...): a " + source.shown() + " of a constant name that must "
            + "exist is a " + (method.startsWith("env") ? "SecretEnv or ConfigMapEnv" : "SecretVolume or ConfigMapVolume") + " setting");
      }
    } else {
      SettingChecks.checkFromRun(method, object);
    }
  }
}
