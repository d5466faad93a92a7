package dev.kfp4j.format.kfp2;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.model.ParameterType;
import java.util.Map;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * A value given to an input of a pipeline used as a component, as KFP's driver of that DAG checks it. The DAG driver runs
 * {@code resolveInputs} ({@code backend/src/v2/driver/resolve.go}) as a task's driver does, its type check ({@code
 * handleParamTypeValidationAndConversion}) against the DAG's own input types: an input of another type than {@code STRING}
 * takes only a value of its kind, and the driver fails the DAG's task on another; a {@code STRING} input makes any value its
 * text, which the DAG's tasks then read, so one of them taking it as an input of another type fails. The value's kind is
 * the type its source declares: the enclosing DAG's input (checked so in turn, the root's by KFP's API server), the
 * producer's output, the constant's JSON kind. kfp4j's model puts a called pipeline's tasks where the call is, given the
 * caller's values as they are; a local run of a file doing either is refused before anything runs, naming the task. So is one
 * whose call leaves out an input of the called pipeline's that the check finds no value for: not optional, with a default
 * (KFP's SDKs before 2.0), of another type than {@code STRING}.
 */
final class DagInputTypes {
  private DagInputTypes() {}

  static void check(JsonNode spec, String source) {
    JsonNode components = spec.path("components");
    dag(spec.path("root"), "root", components, source);
    for (String name : new TreeSet<>(components.propertyNames())) {
      if (components.get(name).has("dag")) {
        dag(components.get(name), "component '" + name + "'", components, source);
      }
    }
  }

  /** Checks the calls of pipelines in the DAG of {@code owner} (the root or a DAG component), named {@code where}. */
  private static void dag(JsonNode owner, String where, JsonNode components, String source) {
    JsonNode tasks = owner.path("dag").path("tasks");
    for (String name : new TreeSet<>(tasks.propertyNames())) {
      JsonNode task = tasks.get(name);
      JsonNode comp = components.path(task.path("componentRef").path("name").asString(""));
      if (!TaskKinds.runsPipeline(name, task, comp)) {
        continue;
      }
      for (Map.Entry<String, JsonNode> p : task.path("inputs").path("parameters").properties()) {
        ParameterType declared = type(comp, p.getKey());
        ParameterType given = given(p.getValue(), owner, tasks, components);
        if (declared == null || given == null || declared.valueKind().equals(given.valueKind())) {
          continue;
        }
        String at = source + ": " + where + ", task '" + name + "' gives input '" + p.getKey() + "' of its DAG ("
            + declared.v2Name() + ") a " + given.valueKind() + " (" + given.v2Name() + ")";
        if (declared != ParameterType.STRING) {
          throw new FormatException(at + "; KFP's driver of that DAG fails it (resolveInputs in backend/src/v2/driver/resolve.go: "
              + "\"input parameter type mismatch\"): give the input a value of its type");
        }
        String reader = reader(comp, p.getKey(), components);
        if (reader != null) {
          throw new FormatException(at + ", which KFP's driver of that DAG makes text, and its task " + reader + " takes it as an "
              + "input of another type; KFP's driver fails that task (resolveInputs in backend/src/v2/driver/resolve.go: \"input "
              + "parameter type mismatch\"): declare the DAG's input of the value's type");
        }
      }
      notGiven(task, comp, source + ": " + where + ", task '" + name + "'");
    }
  }

  /**
   * Refuses an input of DAG component {@code comp} that {@code task} does not give, with a {@code defaultValue} but no {@code
   * isOptional} (as KFP's SDKs before 2.0 wrote them), of another type than {@code STRING}: the driver's type check finds no
   * value, and takes no default for it ({@link GroupInputs}).
   */
  private static void notGiven(JsonNode task, JsonNode comp, String at) {
    for (Map.Entry<String, JsonNode> d : comp.path("inputDefinitions").path("parameters").properties()) {
      JsonNode def = d.getValue();
      ParameterType type = type(comp, d.getKey());
      if (!task.path("inputs").path("parameters").has(d.getKey()) && def.has("defaultValue") && !def.path("isOptional").asBoolean(false)
          && type != null && type != ParameterType.STRING) {
        throw new FormatException(at + ": it does not give input '" + d.getKey() + "' of its DAG, which has a defaultValue but no "
            + "isOptional (as KFP's SDKs before 2.0 wrote them); KFP's driver takes the default of an optional input only, and "
            + "fails the DAG on this one (resolveInputs in backend/src/v2/driver/resolve.go: \"unknown protobuf.Value type\"): "
            + "give the input in the task, or mark it isOptional: true (as KFP's SDK 2 compiles it)");
      }
    }
  }

  /** The type of input parameter {@code input} of component {@code comp}, or null. */
  private static ParameterType type(JsonNode comp, String input) {
    return ParameterType.ofV2Name(comp.path("inputDefinitions").path("parameters").path(input).path("parameterType").asString(""));
  }

  /** The type of the value {@code spec} gives, in the DAG of {@code owner}, as its source declares it; null when unknown. */
  private static ParameterType given(JsonNode spec, JsonNode owner, JsonNode tasks, JsonNode components) {
    if (spec.has("parameterExpressionSelector")) { // a field of the value
      return null;
    }
    if (spec.has("componentInputParameter")) {
      return type(owner, spec.get("componentInputParameter").asString(""));
    }
    if (spec.has("taskOutputParameter")) {
      JsonNode o = spec.get("taskOutputParameter");
      JsonNode producer = components.path(tasks.path(o.path("producerTask").asString("")).path("componentRef").path("name").asString(""));
      return ParameterType.ofV2Name(producer.path("outputDefinitions").path("parameters").path(o.path("outputParameterKey").asString(""))
          .path("parameterType").asString(""));
    }
    JsonNode c = spec.path("runtimeValue").path("constant");
    if (c.isMissingNode() || Values.runValue(c.asString("")) != null) {
      return null;
    }
    return Values.constant(c, null).type();
  }

  /**
   * The first task, by name, of DAG component {@code comp} reading its input {@code input} as a container's input not STRING,
   * or one inside a pipeline it calls giving it to that pipeline's STRING input (as {@code 'task' inside its task 'call'});
   * null when none does.
   */
  private static String reader(JsonNode comp, String input, JsonNode components) {
    JsonNode tasks = comp.path("dag").path("tasks");
    for (String name : new TreeSet<>(tasks.propertyNames())) {
      JsonNode task = tasks.get(name);
      JsonNode inner = components.path(task.path("componentRef").path("name").asString(""));
      for (Map.Entry<String, JsonNode> p : task.path("inputs").path("parameters").properties()) {
        ParameterType type = type(inner, p.getKey());
        if (!input.equals(p.getValue().path("componentInputParameter").asString(null)) || p.getValue().has("parameterExpressionSelector")
            || type == null) {
          continue;
        }
        if (inner.has("executorLabel") && type != ParameterType.STRING) {
          return "'" + name + "'";
        }
        String nested = type == ParameterType.STRING && TaskKinds.runsPipeline(name, task, inner)
            ? reader(inner, p.getKey(), components) : null;
        if (nested != null) {
          return nested + " inside its task '" + name + "'";
        }
      }
    }
    return null;
  }
}
