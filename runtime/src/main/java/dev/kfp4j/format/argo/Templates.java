package dev.kfp4j.format.argo;

import dev.kfp4j.yaml.Yaml;
import dev.kfp4j.model.ResourceStep;
import dev.kfp4j.model.RunVolume;
import dev.kfp4j.model.Step;
import dev.kfp4j.model.Task;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.model.VolumeStep;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ComponentYaml;
import dev.kfp4j.spec.InputSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The leaf templates of a workflow: one per distinct component configuration (component, inputs
 * given, outputs passed as files or values, settings), not one per task, and one per volume or
 * resource step. Template names come from component names, made unique.
 */
final class Templates {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String pipelineName;
  private final RunVolume runVolume;
  /** Template key → template; insertion order is the order tasks first use them. */
  private final Map<Object, ObjectNode> templates = new LinkedHashMap<>();
  private final Map<String, Integer> names = new HashMap<>();
  /** Each component template, without its name, by its content. */
  private final Map<ObjectNode, ObjectNode> byContent = new HashMap<>();
  private final Map<ComponentSpec, String> specJson = new IdentityHashMap<>();
  /** An id per distinct component: found by identity first, then by equality, so equal specs share templates. */
  private final Map<ComponentSpec, Integer> specIds = new IdentityHashMap<>();
  private final Map<ComponentSpec, Integer> distinctSpecs = new HashMap<>();

  /** For pipeline {@code pipelineName}, whose container templates all mount {@code runVolume} (null: none). */
  Templates(String pipelineName, RunVolume runVolume) {
    this.pipelineName = pipelineName;
    this.runVolume = runVolume;
  }

  Collection<ObjectNode> all() {
    return new java.util.LinkedHashSet<>(templates.values()); // a template shared by two configurations once
  }

  /** The name of the template running {@code step}, made when no step used its configuration yet. */
  String of(Step step, Set<String> artifactOutputs, Set<String> valuesOfFiles) {
    if (step instanceof Task t) {
      return component(t, artifactOutputs, valuesOfFiles);
    }
    if (step instanceof VolumeStep v) {
      return resource(v.name(), Map.of("size", ""), "create", VolumeManifests.of(v), null, null, volumeOutputs(), v.settings());
    }
    ResourceStep r = (ResourceStep) step;
    return resource(r.name(), r.arguments(), r.action(), r.manifest(), r.successCondition(), r.failureCondition(), r.outputs(),
        r.settings());
  }

  /** The name of the template deleting the claim of {@code v} ({@link VolumeManifests#deletionWritten}), made once. */
  String deletion(VolumeStep v) {
    String name = resource(v.deletion().name(), Map.of(VolumeManifests.CLAIM_INPUT, ""), "delete", VolumeManifests.deletionManifest(),
        null, null, Map.of(), v.deletion().settings());
    templates.get("resource|" + v.deletion().name()).remove("outputs"); // it has none
    return name;
  }

  private static Map<String, String> volumeOutputs() {
    Map<String, String> outputs = new LinkedHashMap<>();
    outputs.put("manifest", "{}");
    outputs.put("name", "{.metadata.name}");
    outputs.put("size", "{.status.capacity.storage}");
    return outputs;
  }

  private String component(Task task, Set<String> artifactOutputs, Set<String> valuesOfFiles) {
    ComponentSpec spec = task.component();
    Set<String> present = new LinkedHashSet<>();
    for (InputSpec in : spec.inputs()) {
      if (task.arguments().containsKey(in.name()) || in.defaultValue() != null) {
        present.add(in.name());
      }
    }
    int specId = specIds.computeIfAbsent(spec, k -> distinctSpecs.computeIfAbsent(k, d -> distinctSpecs.size()));
    List<Object> key = List.of(specId, present, valuesOfFiles, artifactOutputs, task.settings());
    ObjectNode existing = templates.get(key);
    if (existing != null) {
      return existing.get("name").asString();
    }
    // another configuration may write the same template (settings in another order, caching(true) or none): share it
    ObjectNode made = component("", task, present, valuesOfFiles, artifactOutputs);
    ObjectNode same = byContent.get(made);
    if (same != null) {
      templates.put(key, same);
      return same.get("name").asString();
    }
    byContent.put(made.deepCopy(), made);
    String name = uniqueName(templateBase(spec.name()));
    made.put("name", name);
    templates.put(key, made);
    return name;
  }

  private ObjectNode component(String name, Task task, Set<String> present, Set<String> valuesOfFiles, Set<String> artifactOutputs) {
    ComponentSpec spec = task.component();
    ObjectNode t = NODES.objectNode();
    t.put("name", name);
    ObjectNode metadata = t.putObject("metadata");
    ObjectNode annotations = metadata.putObject("annotations");
    annotations.put(Argo.COMPONENT_SPEC, specJson.computeIfAbsent(spec, k -> Yaml.pyJson(ComponentYaml.toNode(spec))));
    ObjectNode labels = metadata.putObject("labels");
    labels.put(Argo.SDK_TYPE_LABEL, Argo.SDK_TYPE);
    ObjectNode container = ContainerTemplate.write(t, spec, present, valuesOfFiles, artifactOutputs);
    // volumes made in the run are mounted after the other settings
    List<TaskSetting> mounts = new ArrayList<>();
    List<TaskSetting> others = new ArrayList<>();
    for (TaskSetting s : task.settings()) {
      (s instanceof TaskSetting.VolumeMount ? mounts : others).add(s);
    }
    SettingsWriter settings = new SettingsWriter(t, container, annotations, labels);
    settings.apply(others);
    settings.apply(mounts);
    ArgoKeys.write(t, spec, task.settings());
    if (runVolume != null) {
      // the workflow's claim template: no volume of the template's own, so the reader skips it
      container.withArray("volumeMounts").addObject().put("name", RunVolume.NAME).put("mountPath", runVolume.mountPath());
    }
    if (labels.isEmpty()) {
      metadata.remove("labels");
    }
    return t;
  }

  private String resource(String stepName, Map<String, ?> inputs, String action, String manifest, String successCondition,
      String failureCondition, Map<String, String> outputs, List<TaskSetting> settings) {
    String name = uniqueName(stepName);
    ObjectNode t = NODES.objectNode();
    t.put("name", name);
    if (!inputs.isEmpty()) {
      var params = t.putObject("inputs").putArray("parameters");
      inputs.keySet().forEach(k -> params.addObject().put("name", k));
    }
    var out = t.putObject("outputs").putArray("parameters");
    outputs.forEach((k, path) -> out.addObject().put("name", k).putObject("valueFrom").put("jsonPath", path));
    ObjectNode resource = t.putObject("resource");
    resource.put("action", action);
    resource.put("manifest", manifest);
    if (successCondition != null) {
      resource.put("successCondition", successCondition);
    }
    if (failureCondition != null) {
      resource.put("failureCondition", failureCondition);
    }
    ObjectNode annotations = t.withObject("metadata").withObject("annotations");
    new SettingsWriter(t, NODES.objectNode(), annotations, NODES.objectNode()).apply(settings);
    if (annotations.isEmpty()) {
      t.remove("metadata");
    }
    templates.put("resource|" + stepName, t);
    return name;
  }

  /** A template name from a component name the KFP SDK may have written freely ("Add", "Train model"). */
  static String templateBase(String componentName) {
    String lower = componentName.toLowerCase(Locale.ROOT);
    StringBuilder s = new StringBuilder(lower.length());
    boolean run = false; // in a run of other characters, written as one '-'
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
        s.append(c);
        run = false;
      } else if (!run) {
        s.append('-');
        run = true;
      }
    }
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) == '-') {
      start++;
    }
    while (end > start && s.charAt(end - 1) == '-') {
      end--;
    }
    return start == end ? "component" : s.substring(start, end);
  }

  /**
   * Whether {@code name} is one that {@link #uniqueName} may give a template of component {@code componentName}: its {@link
   * #templateBase}, then {@code -2}, {@code -3}, ... where others took it, then {@code -component} where it is the pipeline's.
   */
  static boolean namesFor(String name, String componentName) {
    String base = templateBase(componentName);
    if (!name.startsWith(base)) {
      return false;
    }
    String rest = name.substring(base.length());
    return rest.matches("(-([2-9]|[1-9][0-9]+))?(-component)?");
  }

  private String uniqueName(String base) {
    int count = names.merge(base, 1, Integer::sum);
    String name = count == 1 ? base : base + "-" + count;
    return name.equals(pipelineName) ? name + "-component" : name;
  }
}
