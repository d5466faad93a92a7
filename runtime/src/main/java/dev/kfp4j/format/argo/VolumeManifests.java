package dev.kfp4j.format.argo;

import dev.kfp4j.model.Argument;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.model.VolumeStep;
import dev.kfp4j.yaml.Yaml;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The PersistentVolumeClaim a volume step makes, as the manifest of an Argo {@code resource} template: named after the run
 * ({@code '{{workflow.name}}-my-pvc'}) unless its name is fixed, its size from the template's input {@code size}; and the
 * volume step read back from such a template. A claim's deletion ({@link VolumeStep.Deletion}) is a {@code resource} template with
 * {@code action: delete} of the claim its input {@code pvc-name} names, given the volume step's {@code name} output, as KFP v1's {@code
 * VolumeOp.delete()} was; read back as that volume step's deletion. One run whatever happened to the steps it waits for ({@code
 * Dsl.volume}'s after its mounts, kfp-kubernetes' {@code DeletePVC} with {@code ALL_UPSTREAM_TASKS_COMPLETED}) waits for them through
 * Argo's {@code depends} ({@link AfterAll}). A volume template with no deletion is a claim the workflow keeps.
 */
final class VolumeManifests {
  private static final String RUN_PREFIX = VolumeStep.ARGO_RUN + "-";

  /** The input of a claim's deletion template: the claim's name. */
  static final String CLAIM_INPUT = "pvc-name";

  private VolumeManifests() {}

  /** Whether {@code v}'s claim is deleted by the workflow: when the model names a deletion. */
  static boolean deletionWritten(VolumeStep v) {
    return v.deletion() != null;
  }

  /** The manifest of a claim's deletion: the claim its input {@link #CLAIM_INPUT} names. */
  static String deletionManifest() {
    return "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: '" + Argo.inputParameter(CLAIM_INPUT) + "'\n";
  }

  /**
   * {@code nodes} (one DAG's) with each resource step deleting the claim of a volume step among them ({@link #deletionManifest}, given
   * its {@code name} output) read as that step's deletion, after the steps the resource step waits for: when they succeeded, or, its
   * name in {@code afterAll} (the tasks whose {@code depends} waits for tasks whatever happened to them, {@link AfterAll}), when they
   * are done; after the volume step and every step that mounts the claim (their groups among {@code nodes}), and named as {@link
   * VolumeStep.Deletion#afterMounts} names it, kfp4j's own. A task of {@code afterAll} that deletes no such claim is refused.
   */
  static List<dev.kfp4j.model.Node> withDeletions(List<dev.kfp4j.model.Node> nodes, Set<String> afterAll) {
    Map<String, dev.kfp4j.model.ResourceStep> deletions = new java.util.HashMap<>();
    Set<String> volumes = new java.util.HashSet<>();
    nodes.forEach(n -> {
      if (n instanceof VolumeStep v) {
        volumes.add(v.name());
      }
    });
    for (dev.kfp4j.model.Node n : nodes) {
      if (n instanceof dev.kfp4j.model.ResourceStep r && r.action().equals("delete") && r.manifest().equals(deletionManifest())
          && r.outputs().isEmpty() && r.successCondition() == null && r.failureCondition() == null
          && r.arguments().keySet().equals(Set.of(CLAIM_INPUT)) && r.arguments().get(CLAIM_INPUT) instanceof Argument.TaskOutput o
          && o.output().equals("name") && volumes.contains(o.task())) {
        deletions.putIfAbsent(o.task(), r);
      }
    }
    for (dev.kfp4j.model.Node n : nodes) {
      if (afterAll.contains(n.name()) && !(n instanceof dev.kfp4j.model.ResourceStep r && deletions.containsValue(r))) {
        throw new dev.kfp4j.format.FormatException("task '" + n.name() + "' runs whatever happened to the tasks it waits for (its "
            + "depends takes their .Failed, .Errored, .Skipped and .Omitted too), which kfp4j reads only for the deletion of a claim a "
            + "volume step of its DAG makes ({{inputs.parameters." + CLAIM_INPUT + "}} given the volume step's name output); wait "
            + "for the tasks' success (depends: 'a && b'), or write that task as KFP 2's ignore_upstream_failure() in a KFP 2 spec");
      }
    }
    if (deletions.isEmpty()) {
      return nodes;
    }
    Set<dev.kfp4j.model.ResourceStep> read = new java.util.HashSet<>(deletions.values());
    List<dev.kfp4j.model.Node> out = new java.util.ArrayList<>();
    for (dev.kfp4j.model.Node n : nodes) {
      dev.kfp4j.model.ResourceStep r = n instanceof VolumeStep v ? deletions.get(v.name()) : null;
      if (r != null) {
        VolumeStep v = (VolumeStep) n;
        boolean whatever = afterAll.contains(r.name());
        boolean own = whatever && r.name().equals(VolumeStep.Deletion.afterMounts(v.name()).name())
            && Set.copyOf(r.after()).equals(afterMounts(v, nodes));
        out.add(new VolumeStep(v.name(), v.resourceName(), v.size(), v.accessMode(), v.storageClass(), v.after(), v.settings(),
            new VolumeStep.Deletion(r.name(), own ? null : r.after(), whatever, r.settings()), v.uniqueName()));
      } else if (!(n instanceof dev.kfp4j.model.ResourceStep rs && read.contains(rs))) {
        out.add(n);
      }
    }
    return out;
  }

  /**
   * The steps the deletion of volume step {@code volume}'s claim after its mounts waits for, as the workflow names them, read: the volume
   * step, and every step of each node of {@code nodes} (the volume step's DAG) that holds a step mounting the claim ({@link
   * VolumeStep#mountedBy}: by the volume, by the claim's name it gives, or by a fixed claim's own name).
   */
  private static Set<String> afterMounts(VolumeStep volume, List<dev.kfp4j.model.Node> nodes) {
    Set<String> out = new java.util.HashSet<>(Set.of(volume.name()));
    for (dev.kfp4j.model.Node n : nodes) {
      List<dev.kfp4j.model.Step> steps = dev.kfp4j.model.Nodes.steps(n);
      if (steps.stream().anyMatch(volume::mountedBy)) {
        steps.forEach(s -> out.add(s.name()));
      }
    }
    return out;
  }

  /** The manifest of {@code v}; the names in it are checked Kubernetes names ({@link VolumeStep}), so the text needs no quoting of its own. */
  static String of(VolumeStep v) {
    StringBuilder manifest = new StringBuilder()
        .append("apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: ")
        .append(v.uniqueName() ? "'" + v.claim(VolumeStep.ARGO_RUN) + "'" : v.resourceName()).append("\n")
        .append("spec:\n  accessModes:\n  - ").append(v.accessMode()).append("\n")
        .append("  resources:\n    requests:\n      storage: '").append(Argo.inputParameter("size")).append("'\n");
    if (!v.storageClass().isEmpty()) {
      manifest.append("  storageClassName: ").append(v.storageClass()).append("\n");
    }
    return manifest.toString();
  }

  /**
   * The volume step of a template kfp4j (or KFP v1's {@code VolumeOp}) wrote: {@code create} of a PVC named after the run or by a
   * fixed name, sized by its {@code size} input, with the outputs of {@link VolumeStep#OUTPUTS}, and nothing else in the claim; null for
   * any other resource, which is read as a resource step that makes it as written.
   */
  static VolumeStep read(String name, String action, String manifest, Map<String, String> outputs,
      Map<String, Argument> arguments, List<TaskSetting> settings) {
    if (!action.equals("create") || !outputs.keySet().equals(Set.copyOf(VolumeStep.OUTPUTS)) || !arguments.containsKey("size")) {
      return null;
    }
    JsonNode pvc;
    try {
      pvc = Yaml.read(manifest);
    } catch (RuntimeException e) {
      return null;
    }
    String claim = pvc.path("metadata").path("name").asString("");
    boolean unique = claim.startsWith(RUN_PREFIX);
    String resourceName = unique ? claim.substring(RUN_PREFIX.length()) : claim;
    if (!"PersistentVolumeClaim".equals(pvc.path("kind").asString("")) || resourceName.contains("{{")
        || !Argo.inputParameter("size").equals(pvc.path("spec").path("resources").path("requests").path("storage").asString(""))) {
      return null;
    }
    VolumeStep v;
    try {
      v = new VolumeStep(name, resourceName, arguments.get("size"),
          pvc.path("spec").path("accessModes").path(0).asString("ReadWriteOnce"), pvc.path("spec").path("storageClassName").asString(""),
          List.of(), settings, null, unique); // kept, unless a deletion of its claim is read with it (withDeletions)
    } catch (IllegalArgumentException e) { // a name or mode kfp4j's volume step does not hold: a resource step
      return null;
    }
    return Yaml.read(of(v)).equals(pvc) ? v : null; // more in the claim (a data source, annotations, two modes): a resource step
  }
}
