package dev.kfp4j.dsl;

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
  private final List<Setting> settings = new ArrayList<>();

  /** A setting call recorded on a task built from plain Java. */
  public record Setting(String name, List<Object> arguments) {}

  protected Task(String component, Map<String, Object> arguments) {
    this.component = component;
    this.arguments = Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
  }

  /** The component this task runs. */
  public final String component() {
    return component;
  }

  /** The input values given to the op, by input name. */
  public final Map<String, Object> arguments() {
    return arguments;
  }

  /** The settings called on this task, in call order. */
  public final List<Setting> settings() {
    return Collections.unmodifiableList(settings);
  }

  @SuppressWarnings("unchecked")
  private T set(String name, Object... args) {
    settings.add(new Setting(name, List.of(args)));
    return (T) this;
  }

  /**
   * A task output's value. Outputs exist only while the pipeline runs: in a {@code @Pipeline}
   * body an output accessor is a reference the processor wires; called from plain Java it fails.
   */
  protected static <V> V output(String task, String output) {
    throw new IllegalStateException(
        "output '" + output + "' of task '" + task + "' exists only when the pipeline runs; "
            + "use it as an argument inside a @Pipeline method");
  }

  /** Runs this task only after {@code tasks} finished, without passing data. */
  public final T after(Task<?>... tasks) {
    return set("after", (Object[]) tasks);
  }

  /** The name the KFP UI shows for this task. */
  public final T displayName(String name) {
    return set("displayName", name);
  }

  /** CPU request, a Kubernetes quantity such as {@code "500m"} or {@code "2"}. */
  public final T cpuRequest(String quantity) {
    return set("cpuRequest", quantity);
  }

  /** CPU limit, a Kubernetes quantity. */
  public final T cpuLimit(String quantity) {
    return set("cpuLimit", quantity);
  }

  /** Memory request, a Kubernetes quantity such as {@code "512Mi"} or {@code "2G"}. */
  public final T memoryRequest(String quantity) {
    return set("memoryRequest", quantity);
  }

  /** Memory limit, a Kubernetes quantity. */
  public final T memoryLimit(String quantity) {
    return set("memoryLimit", quantity);
  }

  /** GPU limit on {@code nvidia.com/gpu}. */
  public final T gpuLimit(int count) {
    return set("gpuLimit", count, "nvidia.com/gpu");
  }

  /** GPU limit on a vendor's resource, such as {@code amd.com/gpu}. */
  public final T gpuLimit(int count, String vendorResource) {
    return set("gpuLimit", count, vendorResource);
  }

  /** An environment variable of the task's container. */
  public final T env(String name, String value) {
    return set("env", name, value);
  }

  /** An environment variable read from a key of a Kubernetes secret. */
  public final T envFromSecret(String name, String secret, String key) {
    return set("envFromSecret", name, secret, key);
  }

  /** Runs the task only on nodes with this label. */
  public final T nodeSelector(String label, String value) {
    return set("nodeSelector", label, value);
  }

  /** A Kubernetes toleration ({@code operator} {@code Equal} or {@code Exists}; effect may be empty). */
  public final T toleration(String key, String operator, String value, String effect) {
    return set("toleration", key, operator, value, effect);
  }

  /** Retries a failed task up to {@code limit} times. */
  public final T retries(int limit) {
    return set("retries", limit);
  }

  /** Retries with an Argo retry policy: {@code Always}, {@code OnFailure}, {@code OnError}, {@code OnTransientError}. */
  public final T retries(int limit, String policy) {
    return set("retries", limit, policy);
  }

  /** Waits between retries: {@code duration} such as {@code "10s"}, multiplied by {@code factor} each time, at most {@code maxDuration}. */
  public final T retryBackoff(String duration, int factor, String maxDuration) {
    return set("retryBackoff", duration, factor, maxDuration);
  }

  /** Stops the task after this many seconds. */
  public final T timeout(long seconds) {
    return set("timeout", seconds);
  }

  /** Turns KFP's cache on or off for this task. */
  public final T caching(boolean enabled) {
    return set("caching", enabled);
  }

  /** The container's image pull policy: {@code Always}, {@code IfNotPresent} or {@code Never}. */
  public final T imagePullPolicy(String policy) {
    return set("imagePullPolicy", policy);
  }

  /** A label on the task's pod. */
  public final T podLabel(String key, String value) {
    return set("podLabel", key, value);
  }

  /** An annotation on the task's pod. */
  public final T podAnnotation(String key, String value) {
    return set("podAnnotation", key, value);
  }

  /** Mounts the claim a {@link Dsl#volume} step created at {@code mountPath}; runs after it. */
  public final T mountVolume(VolumeTask volume, String mountPath) {
    return set("mountVolume", volume, mountPath);
  }

  /** Mounts an existing PersistentVolumeClaim at {@code mountPath}. */
  public final T mountPvc(String claimName, String mountPath) {
    return set("mountPvc", claimName, mountPath);
  }
}
