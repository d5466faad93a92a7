package dev.kfp4j.dsl;

import dev.kfp4j.model.Argument;
import dev.kfp4j.model.PodSetting;
import dev.kfp4j.model.RunSetting;
import dev.kfp4j.model.TaskSetting;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A task: one call of a component inside a pipeline. Generated ops return subclasses with typed
 * output accessors; the settings here are chained calls whose arguments the processor reads from
 * the {@code @Pipeline} body at compile time.
 *
 * @param <T> the concrete task type, so settings chain
 */
public abstract class Task<T extends Task<T>> {
  private final String component;
  private final Map<String, Object> arguments;
  private final List<TaskSetting> settings = new ArrayList<>();
  private final List<Task<?>> after = new ArrayList<>();

  /**
   * A task of {@code component} given {@code namesAndValues}: each input's name followed by its
   * value ({@code {"a", 1, "b", 2}}); an input whose value is null is left out. An array, not
   * varargs or a map, so that each generated op is one plain constructor call, cheap for javac.
   */
  protected Task(String component, Object[] namesAndValues) {
    this.component = component;
    this.arguments = Collections.unmodifiableMap(Ops.args(namesAndValues));
  }

  /** The component this task runs. */
  public final String component() {
    return component;
  }

  /** The input values given to the op, by input name. */
  public final Map<String, Object> arguments() {
    return arguments;
  }

  /**
   * The settings called on this task, in call order. The processor reads a {@code @Pipeline}
   * body's setting calls by making these same records from their constant arguments, so each
   * method's checks run at compile time.
   */
  public final List<TaskSetting> settings() {
    return Collections.unmodifiableList(settings);
  }

  /** The tasks {@link #after} named, in call order. */
  public final List<Task<?>> upstream() {
    return Collections.unmodifiableList(after);
  }

  @SuppressWarnings("unchecked")
  private T set(TaskSetting setting) {
    settings.add(setting);
    return (T) this;
  }

  /**
   * A task output's value. Outputs exist only while the pipeline runs: in a {@code @Pipeline}
   * body an output accessor is a reference the processor wires; called from plain Java it fails.
   */
  protected static <V> V output(String task, String output) {
    throw outsidePipeline(task, output);
  }

  /**
   * The error an output accessor of a generated task class throws: called from plain Java, not
   * read by the processor in a {@code @Pipeline} body. The same as {@link #output(String, String)}'s,
   * without its type inference (one plain call per accessor, cheap for javac).
   */
  protected static IllegalStateException outsidePipeline(String task, String output) {
    return new IllegalStateException(
        "output '" + output + "' of task '" + task + "' exists only when the pipeline runs; "
            + "use it as an argument inside a @Pipeline method");
  }

  /** Runs this task only after {@code tasks} finished, without passing data. */
  @SuppressWarnings("unchecked")
  public final T after(Task<?>... tasks) {
    after.addAll(List.of(tasks));
    return (T) this;
  }

  /**
   * Runs this task only after every iteration of each loop ({@link Dsl#forEach}) finished, as KFP's
   * {@code .after(task)} on a task of a {@code dsl.ParallelFor}: {@code var loop =
   * Dsl.forEach(...); Ops.op().after(loop)}. Called from plain Java the loops have run already.
   */
  @SuppressWarnings("unchecked")
  public final T after(Dsl.Loop loop, Dsl.Loop... more) {
    java.util.Objects.requireNonNull(loop, "loop");
    return (T) this;
  }

  /** The name the KFP UI shows for this task. */
  public final T displayName(String name) {
    return set(new TaskSetting.DisplayName(name));
  }

  /** CPU request, a Kubernetes quantity such as {@code "500m"} or {@code "2"}. */
  public final T cpuRequest(String quantity) {
    return set(new TaskSetting.Resource(TaskSetting.Resource.Kind.CPU_REQUEST, quantity));
  }

  /** CPU limit, a Kubernetes quantity. */
  public final T cpuLimit(String quantity) {
    return set(new TaskSetting.Resource(TaskSetting.Resource.Kind.CPU_LIMIT, quantity));
  }

  /** Memory request, a Kubernetes quantity such as {@code "512Mi"} or {@code "2G"}. */
  public final T memoryRequest(String quantity) {
    return set(new TaskSetting.Resource(TaskSetting.Resource.Kind.MEMORY_REQUEST, quantity));
  }

  /** Memory limit, a Kubernetes quantity. */
  public final T memoryLimit(String quantity) {
    return set(new TaskSetting.Resource(TaskSetting.Resource.Kind.MEMORY_LIMIT, quantity));
  }

  /** GPU limit on {@code nvidia.com/gpu}. */
  public final T gpuLimit(int count) {
    return set(new TaskSetting.Accelerator(count, TaskSetting.Accelerator.NVIDIA_GPU));
  }

  /** GPU limit on a vendor's resource, such as {@code amd.com/gpu}. */
  public final T gpuLimit(int count, String vendorResource) {
    return set(new TaskSetting.Accelerator(count, vendorResource));
  }

  /** An environment variable of the task's container. */
  public final T env(String name, String value) {
    return set(new TaskSetting.Env(name, value));
  }

  /** An environment variable read from a key of a Kubernetes secret. */
  public final T envFromSecret(String name, String secret, String key) {
    return set(new TaskSetting.SecretEnv(name, secret, key));
  }

  /** An environment variable read from a key of a Kubernetes config map. */
  public final T envFromConfigMap(String name, String configMap, String key) {
    return set(new TaskSetting.ConfigMapEnv(name, configMap, key));
  }

  /**
   * An environment variable read from a key of a Kubernetes secret that may be missing ({@code optional}: then the variable is
   * unset), as kfp-kubernetes' {@code use_secret_as_env(..., optional=True)}. In a {@code @Pipeline} body {@code secret} may be a
   * pipeline parameter or a task's output, which names the secret when the task runs (KFP 2 only).
   */
  public final T envFromSecret(String name, String secret, String key, boolean optional) {
    return set(optional ? new PodSetting.EnvFrom(PodSetting.Source.SECRET, name, Argument.Constant.of(secret), key, true)
        : new TaskSetting.SecretEnv(name, secret, key));
  }

  /** An environment variable read from a key of a Kubernetes config map that may be missing; as {@link #envFromSecret(String, String, String, boolean)}. */
  public final T envFromConfigMap(String name, String configMap, String key, boolean optional) {
    return set(optional ? new PodSetting.EnvFrom(PodSetting.Source.CONFIG_MAP, name, Argument.Constant.of(configMap), key, true)
        : new TaskSetting.ConfigMapEnv(name, configMap, key));
  }

  /** Mounts a Kubernetes secret that may be missing at {@code mountPath}; as {@link #envFromSecret(String, String, String, boolean)}. */
  public final T mountSecret(String secret, String mountPath, boolean optional) {
    return set(optional ? new PodSetting.VolumeFrom(PodSetting.Source.SECRET, Argument.Constant.of(secret), mountPath, true)
        : new TaskSetting.SecretVolume(secret, mountPath));
  }

  /** Mounts a Kubernetes config map that may be missing at {@code mountPath}; as {@link #envFromSecret(String, String, String, boolean)}. */
  public final T mountConfigMap(String configMap, String mountPath, boolean optional) {
    return set(optional ? new PodSetting.VolumeFrom(PodSetting.Source.CONFIG_MAP, Argument.Constant.of(configMap), mountPath, true)
        : new TaskSetting.ConfigMapVolume(configMap, mountPath));
  }

  /**
   * An image pull secret of the task's pod that a pipeline parameter or a task's output names when the task runs
   * (kfp-kubernetes' {@code set_image_pull_secrets(t, [p])}; KFP 2 only); give constant ones to every task in {@code
   * @Pipeline(imagePullSecrets)}.
   */
  public final T imagePullSecret(String secret) {
    throw fromRunOnly("imagePullSecret", secret, "give constant image pull secrets in @Pipeline(imagePullSecrets)");
  }

  /**
   * The node selector as a JSON object a pipeline parameter or task output gives when the task runs (kfp-kubernetes' {@code
   * add_node_selector_json}; KFP 2 only); constant labels are {@link #nodeSelector(String, String)}.
   */
  public final T nodeSelectorJson(Map<String, ?> labels) {
    throw fromRunOnly("nodeSelectorJson", labels, "give constant labels with nodeSelector(label, value)");
  }

  /**
   * Node affinity as JSON (Kubernetes' {@code NodeAffinity}) a pipeline parameter or task output gives when the task runs
   * (kfp-kubernetes' {@code add_node_affinity_json}; KFP 2 only); constant terms are {@link #nodeAffinity}.
   */
  public final T nodeAffinityJson(Map<String, ?> affinity) {
    throw fromRunOnly("nodeAffinityJson", affinity, "give constant terms with nodeAffinity(key, operator, values...)");
  }

  /**
   * Tolerations as JSON (a toleration, or a list of them) a pipeline parameter or task output gives when the task runs
   * (kfp-kubernetes' {@code add_toleration_json}; KFP 2 only); constant ones are {@link #toleration}.
   */
  public final T tolerationJson(Object tolerations) {
    throw fromRunOnly("tolerationJson", tolerations, "give constant tolerations with toleration(key, operator, value, effect)");
  }

  private static IllegalArgumentException fromRunOnly(String method, Object value, String instead) {
    return new IllegalArgumentException(method + "(" + value + "): takes a pipeline parameter or a task's output, whose value the "
        + "task gets when it runs; " + instead);
  }

  /**
   * Runs the task in the same domain of {@code topologyKey} ({@code "kubernetes.io/hostname"}: on the same node; {@code
   * "topology.kubernetes.io/zone"}) as a pod labelled {@code labelKey: labelValue} (Kubernetes' {@code podAffinity}, a required
   * term; kfp-kubernetes' {@code PodAffinityTerm}).
   */
  public final T podAffinity(String topologyKey, String labelKey, String labelValue) {
    return set(podTerm(topologyKey, labelKey, labelValue, null, false));
  }

  /** Never runs the task in the same domain of {@code topologyKey} as a pod labelled {@code labelKey: labelValue} ({@code podAntiAffinity}). */
  public final T podAntiAffinity(String topologyKey, String labelKey, String labelValue) {
    return set(podTerm(topologyKey, labelKey, labelValue, null, true));
  }

  /** As {@link #podAffinity}, preferred with {@code weight} (1 to 100) rather than required. */
  public final T preferredPodAffinity(int weight, String topologyKey, String labelKey, String labelValue) {
    return set(podTerm(topologyKey, labelKey, labelValue, weight, false));
  }

  /** As {@link #podAntiAffinity}, preferred with {@code weight} (1 to 100) rather than required. */
  public final T preferredPodAntiAffinity(int weight, String topologyKey, String labelKey, String labelValue) {
    return set(podTerm(topologyKey, labelKey, labelValue, weight, true));
  }

  private static PodSetting.PodAffinity podTerm(String topologyKey, String labelKey, String labelValue, Integer weight, boolean anti) {
    return new PodSetting.PodAffinity(Map.of(labelKey, labelValue), List.of(), topologyKey, List.of(), Map.of(), List.of(), weight, anti);
  }

  /** The user id the container runs as (kfp-kubernetes' {@code set_security_context(t, run_as_user=...)}). */
  public final T securityContext(long runAsUser) {
    return set(new PodSetting.SecurityContext(runAsUser, null, null));
  }

  /** The user and group ids the container runs as. */
  public final T securityContext(long runAsUser, long runAsGroup) {
    return set(new PodSetting.SecurityContext(runAsUser, runAsGroup, null));
  }

  /** The user and group ids the container runs as, and whether it must not run as root. */
  public final T securityContext(long runAsUser, long runAsGroup, boolean runAsNonRoot) {
    return set(new PodSetting.SecurityContext(runAsUser, runAsGroup, runAsNonRoot));
  }

  /** Whether the container must not run as root (Kubernetes refuses to start an image whose user is root). */
  public final T securityContext(boolean runAsNonRoot) {
    return set(new PodSetting.SecurityContext(null, null, runAsNonRoot));
  }

  /** Runs the task only on nodes with this label. */
  public final T nodeSelector(String label, String value) {
    return set(new TaskSetting.NodeSelector(label, value));
  }

  /** A Kubernetes toleration ({@code operator} {@code Equal} or {@code Exists}; effect may be empty). */
  public final T toleration(String key, String operator, String value, String effect) {
    return set(new TaskSetting.Toleration(key, operator, value, effect));
  }

  /** Retries a failed task up to {@code limit} times. */
  public final T retries(int limit) {
    return set(new RunSetting.Retry(limit, null));
  }

  /**
   * Retries with an Argo retry policy: {@code Always}, {@code OnFailure}, {@code OnError}, {@code OnTransientError}; the
   * last two retry only a task that ended in error (a pod that could not run, or whose outputs could not be saved), not
   * a task that ran and failed.
   */
  public final T retries(int limit, String policy) {
    return set(new RunSetting.Retry(limit, policy));
  }

  /**
   * Waits between retries: {@code duration} such as {@code "10s"}, multiplied by {@code factor} each time; {@code
   * maxDuration} after the first attempt started no retry starts, nor one whose wait would end after it (Argo's {@code
   * backoff.maxDuration}, which KFP 2's {@code backoffMaxDuration} becomes on the cluster): a limit on the retrying, not
   * on each wait; a retry still running when it ends is stopped there.
   */
  public final T retryBackoff(String duration, int factor, String maxDuration) {
    return set(new RunSetting.RetryBackoff(duration, factor, maxDuration));
  }

  /** Stops the task after this many seconds. */
  public final T timeout(long seconds) {
    return set(new RunSetting.Timeout(seconds));
  }

  /** Turns KFP's cache on or off for this task. */
  public final T caching(boolean enabled) {
    return set(new RunSetting.Caching(enabled));
  }

  /**
   * Runs this task once the tasks it waits for have ended, even when one failed (KFP's {@code ignore_upstream_failure()}):
   * a clean-up after a task, say. An input reading an output that a failed task did not give takes its default, so each
   * such input needs a {@code @Default}; given {@code Dsl.runStatus()}, the task gets the status of the one task it
   * waits for. KFP 2 only.
   */
  public final T ignoreUpstreamFailure() {
    return set(new RunSetting.IgnoreUpstreamFailure());
  }

  /**
   * The task's own cache key (KFP's {@code set_caching_options(cache_key=...)}): a cached result of the same component given
   * the same key is reused whatever the task's inputs, image and command. KFP 2 only.
   */
  public final T cacheKey(String key) {
    return set(new RunSetting.CacheKey(key));
  }

  /** The container's image pull policy: {@code Always}, {@code IfNotPresent} or {@code Never}. */
  public final T imagePullPolicy(String policy) {
    return set(new TaskSetting.ImagePullPolicy(policy));
  }

  /**
   * The image the task's container runs instead of its component's (KFP 2's {@code set_container_image}): a constant, or, in a
   * pipeline written for KFP 2 only, a pipeline parameter or a task's output.
   */
  public final T containerImage(String image) {
    return set(new TaskSetting.ContainerImage(Argument.Constant.of(image)));
  }

  /** A label on the task's pod. */
  public final T podLabel(String key, String value) {
    return set(new TaskSetting.PodLabel(key, value));
  }

  /** An annotation on the task's pod. */
  public final T podAnnotation(String key, String value) {
    return set(new TaskSetting.PodAnnotation(key, value));
  }

  /** Mounts the claim a {@link Dsl#volume} step created at {@code mountPath}; runs after it. */
  public final T mountVolume(VolumeTask volume, String mountPath) {
    return set(new TaskSetting.VolumeMount(volume.component(), mountPath));
  }

  /** Mounts an existing PersistentVolumeClaim at {@code mountPath}. */
  public final T mountPvc(String claimName, String mountPath) {
    return set(new TaskSetting.PvcMount(claimName, mountPath));
  }

  /**
   * Mounts the folder {@code subPath} of a PersistentVolumeClaim at {@code mountPath} (kfp-kubernetes' {@code mount_pvc(task,
   * pvc_name, mount_path, sub_path='models')}): a constant path within the claim, such as {@code "models"}, neither absolute
   * nor with {@code ..}, as Kubernetes requires; Kubernetes makes the folder if the claim lacks it. The claim may be a constant,
   * or, in a pipeline written for KFP 2 only, a pipeline parameter or a task's output (a {@link Dsl#volume} step's {@code
   * name()}).
   */
  public final T mountPvc(String claimName, String mountPath, String subPath) {
    return set(new TaskSetting.PvcMount(claimName, mountPath, subPath));
  }

  /** Mounts a Kubernetes secret at {@code mountPath}: one file per key. */
  public final T mountSecret(String secret, String mountPath) {
    return set(new TaskSetting.SecretVolume(secret, mountPath));
  }

  /** Mounts a Kubernetes config map at {@code mountPath}: one file per key. */
  public final T mountConfigMap(String configMap, String mountPath) {
    return set(new TaskSetting.ConfigMapVolume(configMap, mountPath));
  }

  /**
   * An environment variable read from a field of the task's pod: {@code "metadata.name"}, {@code
   * "metadata.namespace"}, {@code "metadata.uid"}, {@code "metadata.labels['key']"}, {@code
   * "metadata.annotations['key']"}, {@code "spec.nodeName"}, {@code "spec.serviceAccountName"},
   * {@code "status.hostIP"}, {@code "status.podIP"} (kfp-kubernetes' {@code use_field_path_as_env}).
   */
  public final T envFromField(String name, String fieldPath) {
    return set(new TaskSetting.FieldPathEnv(name, fieldPath));
  }

  /** Mounts an empty folder of the task's pod (an {@code emptyDir} volume named {@code volume}) at {@code mountPath}. */
  public final T mountEmptyDir(String volume, String mountPath) {
    return set(new TaskSetting.EmptyDirMount(volume, mountPath, "", ""));
  }

  /**
   * Mounts an {@code emptyDir} volume with a {@code medium} ({@code ""}: the node's disk, {@code
   * "Memory"}: RAM, as for shared memory at {@code /dev/shm}, {@code "HugePages"}) and a {@code
   * sizeLimit} ({@code "1Gi"}, or {@code ""} for none), as kfp-kubernetes' {@code empty_dir_mount}.
   */
  public final T mountEmptyDir(String volume, String mountPath, String medium, String sizeLimit) {
    return set(new TaskSetting.EmptyDirMount(volume, mountPath, medium, sizeLimit));
  }

  /**
   * Runs the task only on nodes whose label {@code key} meets {@code operator} ({@code In}, {@code
   * NotIn}, {@code Exists}, {@code DoesNotExist}, {@code Gt}, {@code Lt}) with {@code values}: a
   * required node affinity term (kfp-kubernetes' {@code add_node_affinity}); several calls are
   * alternatives, any of which a node may meet.
   */
  public final T nodeAffinity(String key, String operator, String... values) {
    return set(new TaskSetting.NodeAffinity(List.of(new TaskSetting.NodeAffinity.Requirement(key, operator, List.of(values))), List.of(),
        null));
  }

  /** Prefers nodes whose label {@code key} meets {@code operator} with {@code values}, with {@code weight} (1 to 100). */
  public final T preferredNodeAffinity(int weight, String key, String operator, String... values) {
    return set(new TaskSetting.NodeAffinity(List.of(new TaskSetting.NodeAffinity.Requirement(key, operator, List.of(values))), List.of(),
        weight));
  }

  /**
   * Mounts a generic ephemeral volume at {@code mountPath}: a claim of {@code size} (such as {@code
   * "5Gi"}), {@code ReadWriteOnce}, of the cluster's default storage class, made with the task's pod
   * and deleted with it (kfp-kubernetes' {@code add_ephemeral_volume}).
   */
  public final T mountEphemeralVolume(String volume, String mountPath, String size) {
    return mountEphemeralVolume(volume, mountPath, size, "ReadWriteOnce", "");
  }

  /** {@link #mountEphemeralVolume(String, String, String)} with an access mode and a storage class ({@code ""}: the default). */
  public final T mountEphemeralVolume(String volume, String mountPath, String size, String accessMode, String storageClass) {
    return set(new TaskSetting.EphemeralVolume(volume, mountPath, List.of(accessMode), size, storageClass, Map.of(), Map.of()));
  }
}
