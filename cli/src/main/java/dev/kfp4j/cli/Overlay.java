package dev.kfp4j.cli;

import dev.kfp4j.spec.ContainerSpec;
import dev.kfp4j.yaml.Yaml;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The config file's run settings applied to a compiled workflow before it goes to the cluster:
 * the image and pull policy of the project's Java steps, the TTL, per-task resources and the data
 * volume. The compiled file itself is left as the processor wrote it.
 */
final class Overlay {
  private static final String VOLUME = "kfp4j-data";

  private Overlay() {}

  static String apply(String workflowYaml, Config.RunConfig run) {
    ObjectNode wf = (ObjectNode) Yaml.read(workflowYaml);
    ObjectNode spec = (ObjectNode) wf.get("spec");
    if (run.ttlSeconds() > 0) {
      spec.putObject("ttlStrategy").put("secondsAfterCompletion", run.ttlSeconds());
    }
    Map<String, String> taskOfTemplate = new HashMap<>();
    for (JsonNode t : spec.path("templates")) {
      for (JsonNode task : t.at("/dag/tasks")) {
        taskOfTemplate.putIfAbsent(task.path("template").asString(), task.path("name").asString());
      }
    }
    for (JsonNode t : spec.path("templates")) {
      if (!t.has("container")) {
        continue;
      }
      ObjectNode container = (ObjectNode) t.get("container");
      if (isJavaStep(container)) {
        if (run.image() != null) {
          container.put("image", run.image());
        }
        if (run.imagePullPolicy() != null) {
          container.put("imagePullPolicy", run.imagePullPolicy());
        }
      }
      String name = t.path("name").asString();
      Map<String, String> own = run.resources().get(name);
      if (own == null) {
        own = run.resources().get(taskOfTemplate.getOrDefault(name, ""));
      }
      if (own != null) {
        resources(container, own);
      } else if (run.resources().containsKey("__default__") && !container.has("resources")) {
        resources(container, run.resources().get("__default__"));
      }
      if (run.volume() != null) {
        JsonNode mounts = container.path("volumeMounts");
        ArrayNode list = mounts.isArray() ? (ArrayNode) mounts : container.putArray("volumeMounts");
        list.addObject().put("name", VOLUME).put("mountPath", run.volume().mountPath());
      }
    }
    if (run.volume() != null) {
      Config.Volume v = run.volume();
      ObjectNode claim = spec.withArray("volumeClaimTemplates").addObject();
      claim.putObject("metadata").put("name", VOLUME);
      ObjectNode claimSpec = claim.putObject("spec");
      ArrayNode modes = claimSpec.putArray("accessModes");
      v.accessModes().forEach(modes::add);
      claimSpec.putObject("resources").putObject("requests").put("storage", v.size());
      if (v.storageClass() != null) {
        claimSpec.put("storageClassName", v.storageClass());
      }
      spec.putObject("volumeClaimGC").put("strategy", "OnWorkflowCompletion");
    }
    StringBuilder header = new StringBuilder();
    for (String line : workflowYaml.split("\n")) {
      if (!line.startsWith("#")) {
        break;
      }
      header.append(line.replaceFirst("^# ?", "")).append('\n');
    }
    return Yaml.write(wf, header + "With run_config of the kfp4j config file applied.");
  }

  /**
   * {@link #apply} for a workflow about to go to a cluster, which needs every step's image: a
   * component compiled without one names {@link ContainerSpec#NO_IMAGE}, which {@code
   * run_config.image} replaces.
   *
   * @throws ConfigException naming the components that still have no image, and where to set one
   */
  static String forCluster(String workflowYaml, Config.RunConfig run) {
    String yaml = apply(workflowYaml, run);
    Set<String> missing = new TreeSet<>();
    for (JsonNode t : Yaml.read(yaml).at("/spec/templates")) {
      if (ContainerSpec.NO_IMAGE.equals(t.at("/container/image").asString(""))) {
        missing.add(componentName(t));
      }
    }
    if (!missing.isEmpty()) {
      throw new ConfigException((missing.size() == 1 ? "component " : "components ") + "'" + String.join("', '", missing)
          + "' " + (missing.size() == 1 ? "has" : "have") + " no image, which a cluster needs: build and push an image of this "
          + "project and name it in run_config.image of the config file (or compile with -Akfp4j.image=registry/repo:tag, "
          + "or set @Component(image = ...))");
    }
    return yaml;
  }

  /** The component a template runs, from KFP's component_spec annotation, else the template's name. */
  private static String componentName(JsonNode template) {
    String spec = template.at("/metadata/annotations").path("pipelines.kubeflow.org/component_spec").asString("");
    if (!spec.isEmpty()) {
      String name = Yaml.json().readTree(spec).path("name").asString("");
      if (!name.isEmpty()) {
        return name;
      }
    }
    return template.path("name").asString("");
  }

  /** Whether a container is a step made from a kfp4j {@code @Component}: {@code java -cp <the image's classpath> ...}. */
  static boolean isJavaStep(JsonNode container) {
    JsonNode command = container.path("command");
    return command.size() > 2 && "java".equals(command.get(0).asString()) && ContainerSpec.IMAGE_CLASSPATH.equals(command.get(2).asString());
  }

  private static void resources(ObjectNode container, Map<String, String> values) {
    ObjectNode resources = container.has("resources") ? (ObjectNode) container.get("resources") : container.putObject("resources");
    values.forEach((key, value) -> {
      resources.withObject("requests").put(key, value);
      if (!key.equals("cpu")) {
        resources.withObject("limits").put(key, value);
      }
    });
  }
}
