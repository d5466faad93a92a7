package dev.kfp4j.testing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What KFP checks in a pipeline spec beyond its messages' fields, when it compiles and runs one:
 * every {@code componentRef}, {@code executorLabel}, {@code producerTask}, {@code
 * componentInputParameter} and output key resolves; the types of each edge agree; required inputs
 * are given; dependencies and iterator inputs exist; names follow KFP's rules; the platform
 * document names known executors and tasks.
 */
final class Kfp2References {
  /** KFP's sanitised names: lower case letters, digits and '-'. */
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern SETTING_INPUT = Pattern.compile("\\{\\{\\$\\.inputs\\.parameters\\['([^']+)']}}");
  private static final Pattern CONDITION_INPUT = Pattern.compile("inputs\\.parameter_values\\['([^']+)'\\]");

  private final JsonNode spec;
  private final JsonNode components;
  private final JsonNode executors;
  private final List<String> errors = new ArrayList<>();

  private Kfp2References(JsonNode spec) {
    this.spec = spec;
    this.components = spec.path("components");
    this.executors = spec.path("deploymentSpec").path("executors");
  }

  static List<String> errors(JsonNode spec, JsonNode platform) {
    Kfp2References r = new Kfp2References(spec);
    r.check();
    if (platform != null) {
      r.platform(platform);
    }
    return r.errors;
  }

  private void check() {
    if (!"2.1.0".equals(spec.path("schemaVersion").asString(""))) {
      errors.add("schemaVersion is '" + spec.path("schemaVersion").asString("") + "', not 2.1.0");
    }
    if (spec.path("pipelineInfo").path("name").asString("").isEmpty()) {
      errors.add("pipelineInfo.name is missing");
    }
    for (Map.Entry<String, JsonNode> c : components.properties()) {
      String name = c.getKey();
      JsonNode comp = c.getValue();
      if (!name.startsWith("comp-") || !NAME.matcher(name).matches()) {
        errors.add("component '" + name + "': names are 'comp-' and a sanitised name");
      }
      if (comp.has("executorLabel") == comp.has("dag")) {
        errors.add("component '" + name + "' needs exactly one of executorLabel and dag");
      }
      if (comp.has("executorLabel") && !executors.has(comp.get("executorLabel").asString(""))) {
        errors.add("component '" + name + "': executorLabel '" + comp.get("executorLabel").asString("") + "' names no executor");
      }
      if (comp.has("dag")) {
        dag(comp.get("dag"), comp, "component '" + name + "'");
      }
    }
    if (!spec.has("root")) {
      errors.add("root is missing");
      return;
    }
    dag(spec.path("root").path("dag"), spec.get("root"), "root");
    for (Map.Entry<String, JsonNode> e : executors.properties()) {
      if (!e.getKey().startsWith("exec-") || !NAME.matcher(e.getKey()).matches()) {
        errors.add("executor '" + e.getKey() + "': labels are 'exec-' and a sanitised name");
      }
    }
  }

  private void dag(JsonNode dag, JsonNode owner, String where) {
    JsonNode tasks = dag.path("tasks");
    for (Map.Entry<String, JsonNode> t : tasks.properties()) {
      task(t.getKey(), t.getValue(), tasks, owner, where);
    }
    for (String kind : List.of("parameters", "artifacts")) {
      for (Map.Entry<String, JsonNode> o : dag.path("outputs").path(kind).properties()) {
        JsonNode selectors = kind.equals("parameters") ? o.getValue().path("valueFromParameter") : o.getValue().path("artifactSelectors");
        if (o.getValue().has("valueFromOneof")) { // dsl.OneOf: one selector per branch
          selectors = o.getValue().path("valueFromOneof").path("parameterSelectors");
        }
        for (JsonNode s : selectors.isArray() ? selectors : List.of(selectors)) {
          String producer = s.path("producerSubtask").asString("");
          String key = s.path(kind.equals("parameters") ? "outputParameterKey" : "outputArtifactKey").asString("");
          JsonNode producerComp = componentOf(tasks.path(producer));
          if (!tasks.has(producer)) {
            errors.add(where + ": dag output '" + o.getKey() + "' comes from an unknown task '" + producer + "'");
          } else if (producerComp != null && !producerComp.path("outputDefinitions").path(kind).has(key)) {
            errors.add(where + ": dag output '" + o.getKey() + "' reads '" + key + "', which task '" + producer + "' does not output");
          }
        }
        if (!owner.path("outputDefinitions").path(kind).has(o.getKey())) {
          errors.add(where + ": dag output '" + o.getKey() + "' has no outputDefinitions entry");
        }
      }
    }
  }

  /**
   * The task's inputs its component does not declare that a setting or an f-string of another input reads: each input a
   * placeholder of its executor's resources or image reads ({@code pipelinechannel--cpu}), which must be given, and the copy of
   * the placeholder under the setting's own name ({@code cpu_limit}, {@code base_image}), as KFP's SDK writes {@code
   * set_cpu_limit(cpu)} and {@code set_container_image(img)}; KFP's driver resolves them, undeclared by the component.
   */
  private Set<String> settingInputs(JsonNode task, JsonNode comp, String at) {
    Set<String> out = new HashSet<>();
    JsonNode container = executors.path(comp.path("executorLabel").asString("")).path("container");
    Matcher m = SETTING_INPUT.matcher(container.path("resources").toString() + container.path("image").asString(""));
    while (m.find()) {
      out.add(m.group(1));
      if (!task.path("inputs").path("parameters").has(m.group(1))) {
        errors.add(at + ": its executor's resources or image read input '" + m.group(1) + "', which the task is not given");
      }
    }
    // KFP's f-strings of pipeline channels: an argument's text reads an input of the task's own, also in a list or struct
    // constant (a custom training job's worker_pool_specs)
    for (Map.Entry<String, JsonNode> p : task.path("inputs").path("parameters").properties()) {
      JsonNode constant = p.getValue().path("runtimeValue").path("constant");
      Matcher channel = SETTING_INPUT.matcher(constant.isContainer() ? constant.toString() : constant.asString(""));
      while (channel.find()) {
        out.add(channel.group(1));
        if (!task.path("inputs").path("parameters").has(channel.group(1))) {
          errors.add(at + ": input '" + p.getKey() + "' reads input '" + channel.group(1) + "', which the task is not given");
        }
      }
    }
    for (String field : List.of("cpu_request", "cpu_limit", "memory_request", "memory_limit", "accelerator_type", "accelerator_count",
        "base_image")) {
      Matcher copy = SETTING_INPUT.matcher(task.path("inputs").path("parameters").path(field).path("runtimeValue").path("constant")
          .asString(""));
      if (copy.matches() && out.contains(copy.group(1))) {
        out.add(field);
      }
    }
    return out;
  }

  private JsonNode componentOf(JsonNode task) {
    String ref = task.path("componentRef").path("name").asString("");
    return components.has(ref) ? components.get(ref) : null;
  }

  private void task(String name, JsonNode task, JsonNode siblings, JsonNode owner, String where) {
    String at = where + ", task '" + name + "'";
    if (!NAME.matcher(name).matches()) {
      errors.add(at + ": task names are lower case letters, digits and '-'");
    }
    JsonNode comp = componentOf(task);
    if (comp == null) {
      errors.add(at + ": componentRef '" + task.path("componentRef").path("name").asString("") + "' names no component");
      return;
    }
    Set<String> dependencies = new HashSet<>();
    for (JsonNode d : task.path("dependentTasks")) {
      dependencies.add(d.asString(""));
      if (!siblings.has(d.asString(""))) {
        errors.add(at + ": dependentTasks names an unknown task '" + d.asString("") + "'");
      }
    }
    String itemInput = task.path("parameterIterator").path("itemInput").asString(task.path("artifactIterator").path("itemInput").asString(""));
    Set<String> settingInputs = settingInputs(task, comp, at);
    for (String kind : List.of("parameters", "artifacts")) {
      JsonNode defs = comp.path("inputDefinitions").path(kind);
      for (Map.Entry<String, JsonNode> in : task.path("inputs").path(kind).properties()) {
        JsonNode def = defs.path(in.getKey());
        if (def.isMissingNode() && kind.equals("parameters") && settingInputs.contains(in.getKey())) {
          continue;
        }
        if (def.isMissingNode()) {
          errors.add(at + ": input '" + in.getKey() + "' is not an input " + kind.substring(0, kind.length() - 1) + " of its component");
          continue;
        }
        input(at + ", input '" + in.getKey() + "'", kind, in.getValue(), def, siblings, owner, dependencies);
      }
      for (Map.Entry<String, JsonNode> def : defs.properties()) {
        boolean optional = def.getValue().path("isOptional").asBoolean(false) || def.getValue().has("defaultValue");
        if (!optional && !task.path("inputs").path(kind).has(def.getKey()) && !def.getKey().equals(itemInput)) {
          errors.add(at + ": required input '" + def.getKey() + "' is not given");
        }
      }
    }
    if (!itemInput.isEmpty() && !comp.path("inputDefinitions").path("parameters").has(itemInput)
        && !comp.path("inputDefinitions").path("artifacts").has(itemInput)) {
      errors.add(at + ": iterator itemInput '" + itemInput + "' is not an input of its component");
    }
    String itemsInput = task.path("parameterIterator").path("items").path("inputParameter").asString("");
    if (!itemsInput.isEmpty() && !task.path("inputs").path("parameters").has(itemsInput)) {
      errors.add(at + ": iterator items.inputParameter '" + itemsInput + "' is not an input of the task");
    }
    Matcher m = CONDITION_INPUT.matcher(task.path("triggerPolicy").path("condition").asString(""));
    while (m.find()) {
      if (!task.path("inputs").path("parameters").has(m.group(1))) {
        errors.add(at + ": triggerPolicy.condition reads '" + m.group(1) + "', which is not an input parameter of the task");
      }
    }
  }

  private void input(String at, String kind, JsonNode in, JsonNode def, JsonNode siblings, JsonNode owner, Set<String> dependencies) {
    boolean parameter = kind.equals("parameters");
    String componentInput = in.path(parameter ? "componentInputParameter" : "componentInputArtifact").asString("");
    JsonNode fromTask = in.path(parameter ? "taskOutputParameter" : "taskOutputArtifact");
    JsonNode source = null;
    if (!componentInput.isEmpty()) {
      source = owner.path("inputDefinitions").path(kind).path(componentInput);
      if (source.isMissingNode()) {
        errors.add(at + ": componentInput '" + componentInput + "' is not an input of the enclosing component");
        return;
      }
    } else if (fromTask.isObject()) {
      String producer = fromTask.path("producerTask").asString("");
      String key = fromTask.path(parameter ? "outputParameterKey" : "outputArtifactKey").asString("");
      if (!siblings.has(producer)) {
        errors.add(at + ": producerTask '" + producer + "' is not a task of the same DAG");
        return;
      }
      if (!dependencies.contains(producer)) {
        errors.add(at + ": reads task '" + producer + "', which is not in dependentTasks");
      }
      JsonNode producerComp = componentOf(siblings.get(producer));
      source = producerComp == null ? null : producerComp.path("outputDefinitions").path(kind).path(key);
      if (source == null || source.isMissingNode()) {
        errors.add(at + ": task '" + producer + "' has no output " + kind.substring(0, kind.length() - 1) + " '" + key + "'");
        return;
      }
    } else if (parameter && in.has("runtimeValue")) {
      constant(at, in.path("runtimeValue").path("constant"), def.path("parameterType").asString(""));
      return;
    } else if (parameter && in.has("taskFinalStatus")) {
      return;
    } else {
      errors.add(at + ": gives no value (componentInput, taskOutput or runtimeValue)");
      return;
    }
    if (parameter) {
      String from = source.path("parameterType").asString("");
      String to = def.path("parameterType").asString("");
      // KFP's compiler passes a pipeline's PipelineTaskFinalStatus parameter on to a task's dict input (pipeline_as_exit_task.py),
      // and into its groups as a STRUCT (get_parameter_type), which KFP's driver gives a TASK_FINAL_STATUS input (resolve.go)
      boolean statusAsDict = from.equals("TASK_FINAL_STATUS") && to.equals("STRUCT")
          || from.equals("STRUCT") && to.equals("TASK_FINAL_STATUS");
      if (!from.equals(to) && !in.has("parameterExpressionSelector") && !(from.equals("NUMBER_INTEGER") && to.equals("NUMBER_DOUBLE"))
          && !statusAsDict) {
        errors.add(at + ": a " + from + " value feeds a " + to + " input");
      }
    } else {
      String from = source.path("artifactType").path("schemaTitle").asString("");
      String to = def.path("artifactType").path("schemaTitle").asString("");
      // as KFP's compiler checks them (type_utils.check_artifact_type_compatibility): an Artifact on either side is any
      if (!from.equals(to) && !to.equals("system.Artifact") && !from.equals("system.Artifact")) {
        errors.add(at + ": a " + from + " artifact feeds a " + to + " input");
      }
    }
  }

  private void constant(String at, JsonNode value, String type) {
    boolean ok = switch (type) {
      case "NUMBER_INTEGER" -> value.isIntegralNumber() || (value.isNumber() && value.asDouble() == Math.rint(value.asDouble()));
      case "NUMBER_DOUBLE" -> value.isNumber();
      case "STRING" -> value.isString();
      case "BOOLEAN" -> value.isBoolean();
      case "LIST" -> value.isArray();
      case "STRUCT" -> value.isObject();
      default -> true;
    };
    if (!ok) {
      errors.add(at + ": the constant " + value + " is not a " + type);
    }
  }

  private void platform(JsonNode platform) {
    JsonNode k8s = platform.path("platforms").path("kubernetes").path("deploymentSpec").path("executors");
    for (Map.Entry<String, JsonNode> e : k8s.properties()) {
      if (!executors.has(e.getKey())) {
        errors.add("platforms.kubernetes: executor '" + e.getKey() + "' is not in deploymentSpec.executors");
      }
    }
  }
}
