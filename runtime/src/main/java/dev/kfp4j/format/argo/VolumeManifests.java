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
 * volume step read back from such a template. A claim's deletion the model names ({@link VolumeStep.Deletion}, after the steps it names
 * when they succeeded, as kfp-kubernetes' {@code DeletePVC} in a KFP SDK spec) is a {@code resource} template with {@code action:
 * delete} of the claim its input {@code pvc-name} names, given the volume step's {@code name} output, as KFP v1's {@code
 * VolumeOp.delete()} was; read back as that volume step's deletion.
 */
final class VolumeManifests {
  private static final String RUN_PREFIX = VolumeStep.ARGO_RUN + "-";

  /** The input of a claim's deletion template: the claim's name. */
  static final String CLAIM_INPUT = "pvc-name";

  private VolumeManifests() {}

  /** Whether {@code v}'s deletion is written to an Argo workflow: one the model names, after the steps it names succeeded. */
  static boolean deletionWritten(VolumeStep v) {
    return v.deletion() != null && !v.deletion().afterMounts() && !v.deletion().whateverHappened();
  }

  /** The manifest of a claim's deletion: the claim its input {@link #CLAIM_INPUT} names. */
  static String deletionManifest() {
    return "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: '" + Argo.inputParameter(CLAIM_INPUT) + "'\n";
  }

  /**
   * {@code nodes} (one DAG's) with each resource step deleting the claim of a volume step among them ({@link #deletionManifest}, given
   * its {@code name} output) read as that step's deletion, after the steps the resource step waits for.
   */
  static List<dev.kfp4j.model.Node> withDeletions(List<dev.kfp4j.model.Node> nodes) {
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
    if (deletions.isEmpty()) {
      return nodes;
    }
    Set<dev.kfp4j.model.ResourceStep> read = new java.util.HashSet<>(deletions.values());
    List<dev.kfp4j.model.Node> out = new java.util.ArrayList<>();
    for (dev.kfp4j.model.Node n : nodes) {
      dev.kfp4j.model.ResourceStep r = n instanceof VolumeStep v ? deletions.get(v.name()) : null;
      if (r != null) {
        VolumeStep v = (VolumeStep) n;
        out.add(new VolumeStep(v.name(), v.resourceName(), v.size(), v.accessMode(), v.storageClass(), v.after(), v.settings(),
            new VolumeStep.Deletion(r.name(), r.after(), false, r.settings()), v.uniqueName()));
      } else if (!(n instanceof dev.kfp4j.model.ResourceStep rs && read.contains(rs))) {
        out.add(n);
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
          List.of(), settings, VolumeStep.Deletion.afterMounts(name), unique); // in KFP 2, deleted as Dsl.volume's
    } catch (IllegalArgumentException e) { // a name or mode kfp4j's volume step does not hold: a resource step
      return null;
    }
    return Yaml.read(of(v)).equals(pvc) ? v : null; // more in the claim (a data source, annotations, two modes): a resource step
  }
}
