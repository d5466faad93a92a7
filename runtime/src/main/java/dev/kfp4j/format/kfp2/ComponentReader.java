package dev.kfp4j.format.kfp2;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ContainerSpec;
import dev.kfp4j.spec.InputSpec;
import dev.kfp4j.spec.OutputSpec;
import dev.kfp4j.spec.Placeholder;
import dev.kfp4j.spec.TaskConfigs;
import dev.kfp4j.spec.TypeSpec;
import dev.kfp4j.yaml.Yaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A KFP 2 container component (its input and output definitions and its executor) as a component
 * spec of the model: parameters typed with KFP v1's names ({@code NUMBER_INTEGER} → {@code
 * Integer}), artifacts with their schema title ({@code system.Dataset}), and the command line's
 * placeholders ({@code {{$.inputs.parameters['x']}}}, {@code {{$.outputs.artifacts['m'].path}}},
 * {@code {{$.inputs.artifacts['d'].uri}}}, {@code {{$.inputs.artifacts['ds']}}} (a list of artifacts), {@code
 * {{$.outputs.artifacts['m'].metadata}}}, {@code {{$}}}, {@code {"Concat": ...}}, {@code
 * {"IfPresent": ...}}) as the model's.
 */
final class ComponentReader {
  private static final Pattern PLACEHOLDER = Pattern.compile(
      "\\{\\{\\$(?:\\.(inputs|outputs)\\.(parameters|artifacts)\\['([^']+)'](?:\\.(path|output_file|uri|metadata))?)?}}");

  private ComponentReader() {}

  static ComponentSpec read(String name, JsonNode component, JsonNode executor, String where) {
    if (!executor.has("container") && !executor.isEmpty()) {
      throw new FormatException(where + ": its executor is " + (executor.has("importer") ? "an importer (dsl.importer)" : "a "
          + executor.propertyNames().iterator().next()) + ", not a container; kfp4j reads it as a step of a pipeline, not as a component");
    }
    List<InputSpec> inputs = new ArrayList<>();
    JsonNode in = component.path("inputDefinitions");
    for (Map.Entry<String, JsonNode> p : in.path("parameters").properties()) {
      JsonNode def = p.getValue();
      if (def.path("parameterType").asString("").equals(Kfp2Types.TASK_FINAL_STATUS)) {
        inputs.add(new InputSpec(p.getKey(), TypeSpec.TASK_FINAL_STATUS, description(def), null, def.path("isOptional").asBoolean(false)));
        continue;
      }
      if (def.path("parameterType").asString("").equals(Kfp2Types.TASK_CONFIG)) { // dsl.TaskConfig, which KFP's driver fills
        inputs.add(new InputSpec(p.getKey(), TypeSpec.TASK_CONFIG, description(def), null, true));
        continue;
      }
      ParameterType type = ParameterType.ofV2Name(def.path("parameterType").asString(""));
      if (type == null) {
        throw new FormatException(where + ": input '" + p.getKey() + "' has parameterType '" + def.path("parameterType").asString("") + "'");
      }
      String dflt = def.has("defaultValue") ? Values.text(def.get("defaultValue"), type) : null;
      inputs.add(new InputSpec(p.getKey(), TypeSpec.named(type.v1Name()), description(def), dflt, def.path("isOptional").asBoolean(false)));
    }
    for (Map.Entry<String, JsonNode> a : in.path("artifacts").properties()) {
      JsonNode def = a.getValue();
      TypeSpec type = TypeSpec.named(Kfp2Types.bundled(def.path("artifactType")));
      boolean optional = def.path("isOptional").asBoolean(false);
      inputs.add(def.path("isArtifactList").asBoolean(false) ? InputSpec.artifactList(a.getKey(), type, description(def), optional)
          : new InputSpec(a.getKey(), type, description(def), null, optional));
    }
    List<OutputSpec> outputs = new ArrayList<>();
    JsonNode out = component.path("outputDefinitions");
    for (Map.Entry<String, JsonNode> p : out.path("parameters").properties()) {
      ParameterType type = ParameterType.ofV2Name(p.getValue().path("parameterType").asString(""));
      outputs.add(new OutputSpec(p.getKey(), TypeSpec.named(type == null ? "String" : type.v1Name()), description(p.getValue())));
    }
    for (Map.Entry<String, JsonNode> a : out.path("artifacts").properties()) {
      outputs.add(new OutputSpec(a.getKey(), TypeSpec.named(Kfp2Types.bundled(a.getValue().path("artifactType"))),
          description(a.getValue())));
    }
    JsonNode c = executor.path("container");
    Map<String, Placeholder> env = new LinkedHashMap<>();
    ContainerSpec container = new ContainerSpec(c.path("image").asString(""), items(c.path("command"), where), items(c.path("args"), where),
        env, null);
    return new ComponentSpec(name, null, passthroughs(component, where), null, inputs, outputs, container, null);
  }

  /** The component's {@code taskConfigPassthroughs} as the model keeps them ({@link TaskConfigs#ANNOTATION}); null for none. */
  static Map<String, String> passthroughs(JsonNode component, String where) {
    List<TaskConfigs.Passthrough> list = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (JsonNode p : component.path("taskConfigPassthroughs")) {
      String field = p.path("field").asString("");
      if (!TaskConfigs.FIELDS.contains(field) || !seen.add(field)) {
        throw new FormatException(where + ": taskConfigPassthroughs has " + (seen.contains(field) && TaskConfigs.FIELDS.contains(field)
            ? "field '" + field + "' twice" : "field '" + field + "', none of " + TaskConfigs.FIELDS));
      }
      list.add(new TaskConfigs.Passthrough(field, p.path("applyToTask").asBoolean(false)));
    }
    return list.isEmpty() ? null : Map.of(TaskConfigs.ANNOTATION, TaskConfigs.text(list));
  }

  private static String description(JsonNode def) {
    return def.hasNonNull("description") ? def.get("description").asString() : null;
  }

  private static List<Placeholder> items(JsonNode strings, String where) {
    List<Placeholder> out = new ArrayList<>();
    for (JsonNode s : strings) {
      out.add(item(s.asString(""), where));
    }
    return out;
  }

  /** One command-line string: a JSON placeholder ({@code Concat}, {@code IfPresent}), or text with {@code {{$...}}} placeholders in it. */
  static Placeholder item(String s, String where) {
    if (s.startsWith("{\"Concat\"") || s.startsWith("{\"IfPresent\"")) {
      try {
        return json(Yaml.readJson(s), where);
      } catch (JacksonException e) {
        throw new FormatException(where + ": '" + s + "' is not a JSON placeholder: " + e.getOriginalMessage(), e);
      }
    }
    List<Placeholder> parts = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(s);
    int last = 0;
    while (m.find()) {
      if (m.start() > last) {
        parts.add(Placeholder.literal(s.substring(last, m.start())));
      }
      parts.add(placeholder(m, where));
      last = m.end();
    }
    if (last < s.length() || parts.isEmpty()) {
      parts.add(Placeholder.literal(s.substring(last)));
    }
    return parts.size() == 1 ? parts.get(0) : new Placeholder.Concat(parts, true); // written so again
  }

  private static Placeholder placeholder(Matcher m, String where) {
    if (m.group(1) == null) {
      return new Placeholder.ExecutorInput();
    }
    String name = m.group(3);
    String field = m.group(4);
    boolean input = m.group(1).equals("inputs");
    boolean parameter = m.group(2).equals("parameters");
    if (input && parameter && field == null) {
      return new Placeholder.InputValue(name);
    }
    if (input && !parameter && "path".equals(field)) {
      return new Placeholder.InputPath(name);
    }
    if (!input && ((parameter && "output_file".equals(field)) || (!parameter && "path".equals(field)))) {
      return new Placeholder.OutputPath(name);
    }
    if (!parameter && "uri".equals(field)) {
      return input ? new Placeholder.InputUri(name) : new Placeholder.OutputUri(name);
    }
    if (!parameter && "metadata".equals(field)) {
      return input ? new Placeholder.InputMetadata(name) : new Placeholder.OutputMetadata(name);
    }
    if (input && !parameter && field == null) {
      return new Placeholder.InputArtifacts(name);
    }
    throw new FormatException(where + ": kfp4j does not run the placeholder '" + m.group()
        + "'; it runs values, paths, artifacts' URIs and metadata, lists of input artifacts, output files and {{$}}");
  }

  private static Placeholder json(JsonNode n, String where) {
    if (n.has("Concat")) {
      List<Placeholder> items = new ArrayList<>();
      for (JsonNode i : n.get("Concat")) {
        items.add(i.isString() ? item(i.asString(), where) : json(i, where));
      }
      return new Placeholder.Concat(items);
    }
    JsonNode body = n.get("IfPresent");
    List<Placeholder> then = new ArrayList<>();
    body.path("Then").forEach(i -> then.add(i.isString() ? item(i.asString(), where) : json(i, where)));
    List<Placeholder> otherwise = new ArrayList<>();
    body.path("Else").forEach(i -> otherwise.add(i.isString() ? item(i.asString(), where) : json(i, where)));
    return new Placeholder.If(new Placeholder.IsPresent(body.path("InputName").asString("")), then, otherwise, false, false,
        body.has("Else"));
  }
}
