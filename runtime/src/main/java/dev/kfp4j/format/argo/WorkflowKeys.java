package dev.kfp4j.format.argo;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.argo.Differences.Difference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Refuses what a workflow file says at its own level ({@code metadata}, {@code spec} but its templates, any other key) that
 * the workflow written again from the pipeline read from it would lose: rather than a list of the keys kfp4j carries
 * ({@link ArgoReader}'s settings, {@link ArgoWriter}'s), the two are compared, so a key kfp4j writes otherwise or not at
 * all ({@code spec.tolerations}, {@code spec.hooks}, {@code spec.podMetadata}, a label of the workflow) is found, whoever
 * wrote the file. A key of value null, or a list or map of nothing else, is as absent (the KFP SDK writes {@code arguments:
 * {parameters: []}}); a scalar's type is not compared. Not compared: what kfp4j writes itself ({@link #OWN}), and what the
 * cluster wrote of a run of the workflow ({@link #CLUSTERS}).
 */
final class WorkflowKeys {
  /**
   * What kfp4j writes itself, whatever the file says: the templates (each checked on its own: {@link EditedTemplates},
   * {@link TemplateIo}, {@link ComponentReader#checkCarried}, {@link UnusedTemplates}) and the names of the entrypoint and
   * exit handler (kfp4j names them after the pipeline; renamed in a file kfp4j wrote: {@link RenamedDags}); Argo's one API
   * version; KFP v1's {@code pipeline_spec} annotation of another tool, written from the description and parameters read
   * (the KFP SDK's display name, inputs' {@code optional} and descriptions in it are the SDK's form of what the workflow
   * says; kfp4j's own is compared, as JSON); and the marks of the tool that wrote the file, the
   * KFP SDK's version and time of compiling, which kfp4j's own label ({@link Argo#SDK_TYPE_LABEL}) replaces.
   */
  private static final Set<List<String>> OWN = Set.of(
      List.of("apiVersion"),
      List.of("spec", "templates"),
      List.of("spec", "entrypoint"),
      List.of("spec", "onExit"),
      List.of("metadata", "annotations", Argo.PIPELINE_SPEC),
      List.of("metadata", "annotations", Argo.SDK_VERSION),
      List.of("metadata", "annotations", "pipelines.kubeflow.org/pipeline_compilation_time"),
      List.of("metadata", "labels", Argo.SDK_VERSION),
      List.of("metadata", "labels", Argo.SDK_TYPE_LABEL));

  /**
   * What the cluster writes of a workflow it ran, which a file taken from it ({@code argo get -o yaml}) has: its state and
   * object metadata, and the labels of its phase and creator, which Argo's own resubmit leaves out too ({@code
   * FormulateResubmitWorkflow}, workflow/util/util.go); a new workflow gets its own.
   */
  private static final Set<List<String>> CLUSTERS = Set.of(
      List.of("status"),
      List.of("metadata", "uid"),
      List.of("metadata", "resourceVersion"),
      List.of("metadata", "creationTimestamp"),
      List.of("metadata", "generation"),
      List.of("metadata", "managedFields"),
      List.of("metadata", "selfLink"),
      List.of("metadata", "labels", "workflows.argoproj.io/phase"),
      List.of("metadata", "labels", "workflows.argoproj.io/completed"),
      List.of("metadata", "labels", "workflows.argoproj.io/workflow-archiving-status"),
      List.of("metadata", "labels", "workflows.argoproj.io/creator"),
      List.of("metadata", "labels", "workflows.argoproj.io/creator-email"),
      List.of("metadata", "labels", "workflows.argoproj.io/creator-preferred-username"));

  /** KFP v1's {@code pipeline_spec} annotation, compared as JSON in a workflow kfp4j wrote. */
  private static final List<String> PIPELINE_SPEC = List.of("metadata", "annotations", Argo.PIPELINE_SPEC);

  /** What writes a key of a kfp4j workflow's {@code pipeline_spec} annotation, by the key ({@code inputs} for an input). */
  private static final Map<String, String> ANNOTATION = Map.of(
      "name", "@Pipeline(name) (the workflow's generateName)",
      "description", "the @Pipeline method's Javadoc or @Pipeline(description)",
      "inputs", "the @Pipeline method's parameters",
      "type", "the parameter's Java type");

  /** The settings that write a key kfp4j carries, by the key (or the key above it), for a value it would write otherwise. */
  private static final Map<String, String> SETTINGS = Map.ofEntries(
      Map.entry("metadata.generateName", "@Pipeline(name)"),
      Map.entry("spec.serviceAccountName", "@Pipeline(serviceAccount)"),
      Map.entry("spec.ttlStrategy", "@Pipeline(ttlSecondsAfterFinished, ttlSecondsAfterSuccess, ttlSecondsAfterFailure) or"
          + " run_config's ttl"),
      Map.entry("spec.activeDeadlineSeconds", "@Pipeline(activeDeadlineSeconds)"),
      Map.entry("spec.parallelism", "@Pipeline(parallelism)"),
      Map.entry("spec.imagePullSecrets", "@Pipeline(imagePullSecrets)"),
      Map.entry("spec.nodeSelector", "@Pipeline(nodeSelector)"),
      Map.entry("spec.podGC", "@Pipeline(podGc)"),
      Map.entry("spec.arguments", "the pipeline's parameters"));

  /** The key of the namespace a run goes to, which the one who runs the workflow gives, not its file. */
  private static final String NAMESPACE = "metadata.namespace";

  /** What writes the like of a key kfp4j does not write, on each task's template, by the key; {@link #NAMESPACE} aside. */
  private static final Map<String, String> INSTEAD = Map.of(
      "spec.tolerations", "set toleration(...) on each task",
      "spec.affinity", "set nodeAffinity(...), podAffinity(...) or podAntiAffinity(...) on each task",
      "spec.podMetadata", "set podLabel(...), podAnnotation(...) on each task");

  private WorkflowKeys() {}

  /**
   * Refuses, naming each, what workflow {@code read} says at its own level that {@code again}, the workflow written again
   * from the pipeline read from it, does not; {@code source} names the file. A {@code metadata.name} is the pipeline's
   * name, which kfp4j writes as {@code generateName} (so that each run has a name of its own), but for one the cluster made
   * of the {@code generateName} beside it ({@link ArgoReader#name}). {@code namespace} names where the reader gives the
   * namespace a run goes to, in its user's words, for a {@code metadata.namespace}; null where there is none to give.
   */
  static void check(JsonNode read, JsonNode again, String source, String namespace) {
    ObjectNode mine = (ObjectNode) read.deepCopy();
    boolean kfp4js = RenamedDags.writtenByKfp4j(read);
    if (kfp4js) {
      again = again.deepCopy();
      Differences.annotationAsJson(mine, Argo.PIPELINE_SPEC);
      Differences.annotationAsJson(again, Argo.PIPELINE_SPEC);
    }
    if (mine.path("metadata").isObject() && mine.get("metadata").path("name").isString()) {
      ObjectNode metadata = (ObjectNode) mine.get("metadata");
      String name = metadata.remove("name").asString();
      if (!metadata.has("generateName")) {
        metadata.put("generateName", name + "-");
      }
    }
    List<Difference> all = Differences.all(mine, again, rules(kfp4js));
    if (!all.isEmpty()) {
      Map<String, String> instead = new LinkedHashMap<>(INSTEAD);
      if (namespace != null) {
        instead.put(NAMESPACE, "give the namespace as " + namespace);
      }
      throw refusal(source, all, instead);
    }
  }

  /**
   * What is compared: all but {@link #OWN} and {@link #CLUSTERS}, and yet KFP v1's {@code pipeline_spec} annotation where
   * kfp4j wrote it ({@code kfp4js}; another tool's, the KFP SDK's, has its own form of what the workflow says), but for its
   * inputs' defaults: the parameters' defaults are {@code spec.arguments}' values, which Argo and KFP v1's API server take
   * ({@code SpecParameters} in backend/src/apiserver/template/argo_template.go), and which kfp4j reads and writes into the
   * annotation again, so a default edited there by hand, or a file taken from a run (its arguments the run's), keeps the
   * two in agreement.
   */
  private static Differences.Rules rules(boolean kfp4js) {
    return new Differences.Rules(path -> !(kfp4js && path.equals(PIPELINE_SPEC)) && OWN.contains(path) || CLUSTERS.contains(path)
        || path.size() == 6 && path.subList(0, 3).equals(PIPELINE_SPEC) && path.get(5).equals("default"),
        (path, value) -> blank(value));
  }

  /**
   * The refusal of differences {@code all} of workflow file {@code source}, in one line: each key, and what to do; {@code
   * instead} what writes the like of a key kfp4j does not write.
   */
  private static FormatException refusal(String source, List<Difference> all, Map<String, String> instead) {
    List<String> dropped = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    Map<String, String> settings = new LinkedHashMap<>();
    List<String> without = new ArrayList<>();
    for (Difference d : all) {
      String key = render(d.path());
      String setting = d.path().subList(0, Math.min(3, d.path().size())).equals(PIPELINE_SPEC) ? annotation(d)
          : d.again().isMissingNode() ? instead.get(key) : setting(d.path());
      if (d.again().isMissingNode()) {
        dropped.add(key);
      } else {
        changed.add(key + " " + (d.mine().isMissingNode() ? "unset" : Differences.shown(d.path(), d.mine())) + ", which kfp4j writes again as "
            + Differences.shown(d.path(), d.again()));
      }
      if (setting != null) {
        settings.put(key, setting);
      } else {
        without.add(key);
      }
    }
    boolean one = all.size() == 1;
    List<String> says = new ArrayList<>();
    if (!dropped.isEmpty()) {
      says.add("uses " + String.join(", ", dropped) + ", which kfp4j's model does not carry");
    }
    if (!changed.isEmpty()) {
      says.add("has " + String.join(", ", changed));
    }
    List<String> todo = new ArrayList<>();
    settings.forEach((key, setting) -> todo.add(dropped.contains(key) ? setting + " (for " + key + ")"
        : "set " + key + " with " + setting + " and compile the pipeline again"));
    if (!without.isEmpty()) {
      todo.add((changed.isEmpty() ? "remove " : "remove or undo ") + String.join(", ", without) + " (kfp4j has no setting that"
          + " writes " + (without.size() == 1 ? "it" : "them") + ")");
    }
    return new FormatException(source + ": the workflow " + String.join(" and ", says) + ": the workflow written again would lose "
        + (one ? "it" : "them") + ". " + capitalized(String.join(", ", todo)) + ", or submit the file with Argo's own tools"
        + " (argo submit)");
  }

  /**
   * What writes a key of kfp4j's {@code pipeline_spec} annotation that differs as {@code d} says: its setting where kfp4j
   * writes it, a description of an input the parameter's {@code @param} (written beside its value); null where nothing does.
   */
  private static String annotation(Difference d) {
    List<String> path = d.path();
    String key = path.get(path.size() - 1);
    if (d.again().isMissingNode()) {
      return path.size() == 6 && key.equals("description") ? "describe the parameter with @param in the @Pipeline method's"
          + " Javadoc, which kfp4j writes as spec.arguments.parameters' description"
          : Differences.isItem(key) ? "give the @Pipeline method the parameter, which kfp4j writes in spec.arguments.parameters"
          + " too" : null;
    }
    return ANNOTATION.get(Differences.isItem(key) ? path.get(path.size() - 2) : key);
  }

  /** The setting that writes the key at {@code path}, or the key above it; null where none does. */
  private static String setting(List<String> path) {
    for (int n = path.size(); n > 0; n--) {
      String setting = SETTINGS.get(render(path.subList(0, n)));
      if (setting != null) {
        return setting;
      }
    }
    return null;
  }

  /** A path as a message names it, a key with a dot or a slash (a label's) in brackets: {@code metadata.labels['a.b/c']}. */
  private static String render(List<String> path) {
    List<String> segments = new ArrayList<>();
    for (String s : path) {
      segments.add(!Differences.isItem(s) && (s.contains(".") || s.contains("/")) ? "['" + s + "']" : s);
    }
    return Differences.render(segments);
  }

  /** Null, or a list or map of nothing but such values ({@code arguments: {parameters: []}}). */
  private static boolean blank(JsonNode value) {
    if (value.isContainer()) {
      for (JsonNode v : value) {
        if (!blank(v)) {
          return false;
        }
      }
      return true;
    }
    return value.isNull();
  }

  private static String capitalized(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
