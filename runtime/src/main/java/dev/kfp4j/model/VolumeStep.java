package dev.kfp4j.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A PersistentVolumeClaim made for the run, as KFP's {@code VolumeOp} (v1) and kfp-kubernetes'
 * {@code CreatePVC} (v2): named after the run and {@code resourceName} ({@code <run>-<resourceName>},
 * {@code uniqueName}; {@code VolumeOp(resource_name)}, {@code CreatePVC(pvc_name_suffix)}) or {@code
 * resourceName} itself ({@code VolumeOp(generate_unique_name=False)}, {@code CreatePVC(pvc_name)}), of
 * {@code size} (a quantity: a constant or a pipeline parameter), an access mode and a storage class
 * (empty: the cluster's default). Tasks mount it with {@link TaskSetting.VolumeMount}. Its outputs
 * are {@code name}, {@code size} and {@code manifest}. {@code deletion} says whether and how the
 * claim is deleted (null: it is kept after the run, as a KFP 2 spec with no {@code DeletePVC} keeps it).
 */
public record VolumeStep(
    String name,
    String resourceName,
    Argument size,
    String accessMode,
    String storageClass,
    List<String> after,
    List<TaskSetting> settings,
    Deletion deletion,
    boolean uniqueName)
    implements Step {
  /** The outputs a volume step has. */
  public static final List<String> OUTPUTS = List.of("manifest", "name", "size");
  /** The access modes a claim may ask for. */
  public static final java.util.Set<String> ACCESS_MODES = java.util.Set.of("ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod");
  private static final java.util.regex.Pattern DNS_SUBDOMAIN =
      java.util.regex.Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  public VolumeStep {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(resourceName, "resourceName");
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(accessMode, "accessMode");
    storageClass = storageClass == null ? "" : storageClass;
    checkClaim(resourceName, accessMode, storageClass);
    after = List.copyOf(after);
    settings = List.copyOf(settings);
  }

  /** Checks a claim's resource name, access mode and storage class (empty: the cluster's default), as a volume step takes them. */
  public static void checkClaim(String resourceName, String accessMode, String storageClass) {
    if (!DNS_SUBDOMAIN.matcher(resourceName).matches() || resourceName.length() > 63) {
      throw new IllegalArgumentException("the resource name '" + resourceName + "' is not a valid Kubernetes name (lower-case letters, "
          + "digits, '-' and '.', at most 63 characters); write e.g. \"my-pvc\"");
    }
    if (!ACCESS_MODES.contains(accessMode)) {
      throw new IllegalArgumentException("the access mode must be ReadWriteOnce, ReadOnlyMany, ReadWriteMany or ReadWriteOncePod, not '"
          + accessMode + "'");
    }
    if (!storageClass.isEmpty() && (!DNS_SUBDOMAIN.matcher(storageClass).matches() || storageClass.length() > 253)) {
      throw new IllegalArgumentException("the storage class '" + storageClass + "' is not a valid Kubernetes name");
    }
  }

  /** The name of the run, as Argo gives it to a workflow's templates: a claim named after the run is {@code {{workflow.name}}-data} there. */
  public static final String ARGO_RUN = "{{workflow.name}}";

  /**
   * The name of the claim a volume step of resource name {@code resourceName} makes in the run named {@code run}: {@code
   * <run>-<resourceName>} when {@code uniqueName}, else the resource name itself.
   */
  public static String claim(String resourceName, boolean uniqueName, String run) {
    return uniqueName ? run + "-" + resourceName : resourceName;
  }

  /** The name of this step's claim in the run named {@code run} ({@link #claim(String, boolean, String)}). */
  public String claim(String run) {
    return claim(resourceName, uniqueName, run);
  }

  /**
   * Whether step {@code s} mounts this step's claim: as the volume ({@code mountVolume(v, ...)}), by the name it gives ({@code
   * mountPvc(v.name(), ...)}), or, for a claim of a fixed name, by that name ({@code mountPvc("shared-data", ...)}).
   */
  public boolean mountedBy(Step s) {
    return s.settings().stream().anyMatch(setting -> setting instanceof TaskSetting.VolumeMount m && m.volume().equals(name)
        || setting instanceof TaskSetting.PvcMountFrom f && f.claim().equals(new Argument.TaskOutput(name, "name"))
        || !uniqueName && setting instanceof TaskSetting.PvcMount m && m.claim().equals(resourceName));
  }

  /**
   * Refuses a pipeline whose volume steps would make one claim twice in a run: two named alike, or one in a loop (whose every
   * iteration makes it). A claim with a fixed name is that name; one named after the run is {@code <run>-<resourceName>} when
   * {@code runNamed} (Argo's {@code {{workflow.name}}-data}), and counts for nothing otherwise (KFP 2 names it at random).
   */
  public static void checkClaims(Pipeline p, boolean runNamed) {
    checkClaims(p, p.nodes(), false, runNamed, new java.util.HashMap<>());
  }

  private static void checkClaims(Pipeline p, List<Node> nodes, boolean inLoop, boolean runNamed, Map<String, String> claims) {
    for (Node n : nodes) {
      if (n instanceof VolumeStep v && (runNamed || !v.uniqueName())) {
        String claim = v.claim(ARGO_RUN);
        String first = claims.putIfAbsent(claim, v.name());
        if (inLoop || first != null) {
          throw new IllegalArgumentException("pipeline '" + p.name() + "': volume step '" + v.name() + "' makes claim '" + claim + "'"
              + (inLoop ? " in a loop, each iteration again" : ", which volume step '" + first + "' makes too") + "; a run makes "
              + "a claim once: give each volume a resource name of its own" + (inLoop ? " and make it before the loop" : ""));
        }
      }
      checkClaims(p, Nodes.body(n), inLoop || n instanceof Loop, runNamed, claims);
    }
  }

  /** A claim named after the run ({@code uniqueName}), as {@code Dsl.volume} makes by default. */
  public VolumeStep(String name, String resourceName, Argument size, String accessMode, String storageClass, List<String> after,
      List<TaskSetting> settings, Deletion deletion) {
    this(name, resourceName, size, accessMode, storageClass, after, settings, deletion, true);
  }

  /**
   * The claim's deletion, by kfp-kubernetes' {@code DeletePVC}: a step named {@code name}, run after the steps {@code after}
   * (the volume step among them, as KFP's compiler lists it; a step in a loop or condition stands for its group) when they
   * succeeded, or, {@code whateverHappened}, when they are done ({@code ALL_UPSTREAM_TASKS_COMPLETED}). {@code after} null: after
   * every step that mounts the claim, whatever happened to them ({@link #afterMounts}, what {@code Dsl.volume} and a run's
   * volume mean in KFP 2). {@code settings}: its caching ({@link RunSetting.Caching}).
   */
  public record Deletion(String name, List<String> after, boolean whateverHappened, List<TaskSetting> settings) {
    public Deletion {
      Objects.requireNonNull(name, "name");
      after = after == null ? null : List.copyOf(after);
      settings = List.copyOf(settings);
      if (after == null && !whateverHappened) {
        throw new IllegalArgumentException("a claim deleted after the steps that mount it is deleted whatever happened to them");
      }
    }

    /**
     * kfp4j's own deletion of the claim volume step {@code volume} makes: {@code <volume>-delete} ({@code deletepvc} for {@code
     * createpvc}, as kfp-kubernetes names them), after every step that mounts it, whatever happened to them.
     */
    public static Deletion afterMounts(String volume) {
      String name = volume.startsWith("createpvc") ? "deletepvc" + volume.substring("createpvc".length()) : volume + "-delete";
      return new Deletion(name, null, true, List.of());
    }

    /** Whether it runs after every step that mounts the claim. */
    public boolean afterMounts() {
      return after == null;
    }
  }

  @Override
  public Map<String, Argument> arguments() {
    return Map.of("size", size);
  }
}
