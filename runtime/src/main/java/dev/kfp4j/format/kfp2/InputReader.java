package dev.kfp4j.format.kfp2;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.ParameterType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What the inputs of a KFP 2 pipeline spec's tasks stand for in the model, for {@link DagReader}: each input an argument
 * through the enclosing DAG's inputs ({@link GroupInputs}), a task's output (through loops' collected outputs, chains of
 * branches and plain nested DAGs to the task that gives it) or a constant; a Kubernetes setting's claim or toleration too.
 */
final class InputReader {
  private static final Pattern SELECTOR = Pattern.compile("parseJson\\(string_value\\)\\[\"([^\"]+)\"]");

  private final String source;
  private final JsonNode components;
  private final DagReader dags;
  private final CollectedReader collects;

  InputReader(String source, JsonNode components, DagReader dags) {
    this.source = source;
    this.components = components;
    this.dags = dags;
    this.collects = new CollectedReader(components, source, dags);
  }

  /**
   * What a DAG's output parameter {@code key} of its task {@code producer} stands for: that task's
   * output, or, when {@code producer} is a loop whose DAG outputs a task's value (of its body, or
   * through the loops, conditions and pipelines in it), those values collected ({@code
   * dsl.Collected}, {@link CollectedReader}), or, when it is a plain nested DAG (the exit handler's) whose
   * DAG outputs a value of its own task, what that value stands for in there.
   */
  Argument output(TaskScope scope, JsonNode dag, String producer, String key) {
    JsonNode producerTask = dag.path("tasks").path(producer);
    JsonNode comp = components.path(producerTask.path("componentRef").path("name").asString(""));
    JsonNode from = comp.path("dag").path("outputs").path("parameters").path(key).path("valueFromParameter");
    JsonNode oneOf = comp.path("dag").path("outputs").path("parameters").path(key).path("valueFromOneof").path("parameterSelectors");
    if (!oneOf.isEmpty()) {
      return OneOfReader.read(components, source, scope, dag, producer, comp, oneOf, false);
    }
    if ((TaskKinds.isLoop(producerTask) || TaskKinds.collectsInNoLoop(producer, producerTask, comp)) && from.has("producerSubtask")) {
      return collects.read(scope, dag, producer, comp, key, false);
    }
    if (dags.keptCall(producer, producerTask, comp)) {
      return new Argument.TaskOutput(scope.name(dag, producer), key);
    }
    if (TaskKinds.plainGroup(producer, producerTask, comp) && from.has("producerSubtask")) {
      return output(DagReader.inner(scope, dag, producer, producerTask, comp), comp.get("dag"), from.get("producerSubtask").asString(""),
          from.path("outputParameterKey").asString(""));
    }
    return new Argument.TaskOutput(scope.name(dag, producer), key);
  }

  /**
   * What a DAG's output artifact {@code key} of its task {@code producer} stands for: that task's
   * output, or, when {@code producer} is a loop whose DAG selects an artifact of a task (of its
   * body, or through the groups in it), those artifacts collected (a list of artifacts, {@code
   * isArtifactList}), or, from a plain nested DAG
   * (the exit handler's), the output of its task it selects.
   */
  Argument artifactOutput(TaskScope scope, JsonNode dag, String producer, String key) {
    JsonNode producerTask = dag.path("tasks").path(producer);
    JsonNode comp = components.path(producerTask.path("componentRef").path("name").asString(""));
    JsonNode selectors = comp.path("dag").path("outputs").path("artifacts").path(key).path("artifactSelectors");
    if (selectors.size() > 1) {
      return OneOfReader.read(components, source, scope, dag, producer, comp, selectors, true);
    }
    if ((TaskKinds.isLoop(producerTask) || TaskKinds.collectsInNoLoop(producer, producerTask, comp)) && selectors.size() == 1
        && selectors.get(0).has("producerSubtask")) {
      return collects.read(scope, dag, producer, comp, key, true);
    }
    if (dags.keptCall(producer, producerTask, comp)) {
      return new Argument.TaskOutput(scope.name(dag, producer), key);
    }
    if (TaskKinds.plainGroup(producer, producerTask, comp) && selectors.size() == 1 && selectors.get(0).has("producerSubtask")) {
      return artifactOutput(DagReader.inner(scope, dag, producer, producerTask, comp), comp.get("dag"),
          selectors.get(0).get("producerSubtask").asString(""), selectors.get(0).path("outputArtifactKey").asString(""));
    }
    return new Argument.TaskOutput(scope.name(dag, producer), key);
  }

  /**
   * Refuses a read of an output of {@code producer}, a task of {@code dag}, when it runs under a condition of its own
   * ({@code where} names the reader): the output is there only when the condition holds, and kfp4j's model, as its
   * Argo reader, reads such a task's outputs only inside its condition.
   */
  void notConditional(JsonNode dag, String producer, String where) {
    JsonNode task = dag.path("tasks").path(producer);
    if (!task.path("triggerPolicy").path("condition").asString("").isEmpty()
        && components.path(task.path("componentRef").path("name").asString("")).has("executorLabel")) {
      throw new FormatException(source + ": " + where + " reads an output of task '" + producer + "', which runs only when its "
          + "triggerPolicy.condition holds; kfp4j's model reads such a task's outputs only inside its condition: put the task "
          + "in a condition group (dsl.If) and the reader with it");
    }
  }

  /** What a Kubernetes setting takes when the task runs: the claim a volume mount names (a volume step's), a toleration's JSON. */
  Argument volumeOf(TaskScope scope, JsonNode claim, Map<String, Argument> inputs, String at, JsonNode dag) {
    String producer = claim.path("taskOutputParameter").path("producerTask").asString("");
    if (claim.has("taskOutputParameter") && (producer.isEmpty() || !dag.path("tasks").has(producer))) {
      throw new FormatException(source + ": " + at + ": its taskOutputParameter names producerTask '" + producer
          + "', which is no task of its DAG");
    }
    Argument a = argument(scope, claim, inputs, null, at, dag);
    if (a instanceof Argument.TaskOutput || a instanceof Argument.PipelineParameter) {
      return a;
    }
    throw new FormatException(source + ": " + at + ": a Kubernetes setting (a claim's name, a toleration) comes from " + a
        + ", not from a volume step, a task output or a pipeline parameter");
  }

  /** A task's inputs as arguments, by input name. */
  Map<String, Argument> arguments(TaskScope scope, JsonNode task, Map<String, Argument> inputs, JsonNode comp, String at,
      JsonNode dag) {
    Map<String, Argument> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> p : task.path("inputs").path("parameters").properties()) {
      ParameterType type = ParameterType.ofV2Name(comp.path("inputDefinitions").path("parameters").path(p.getKey()).path("parameterType").asString(""));
      String where = at + ", input '" + p.getKey() + "'";
      GroupInputs.put(out, p.getKey(), argument(scope, p.getValue(), inputs, type, where, dag), comp, "parameters", source + ": " + where);
    }
    for (Map.Entry<String, JsonNode> a : task.path("inputs").path("artifacts").properties()) {
      JsonNode spec = a.getValue();
      String where = at + ", input '" + a.getKey() + "'";
      if (spec.has("taskOutputArtifact")) {
        if (dag != null) {
          notConditional(dag, spec.get("taskOutputArtifact").path("producerTask").asString(""), where);
        }
        String producer = spec.get("taskOutputArtifact").path("producerTask").asString("");
        String key = spec.get("taskOutputArtifact").path("outputArtifactKey").asString("");
        out.put(a.getKey(), dag == null ? new Argument.TaskOutput(producer, key) : artifactOutput(scope, dag, producer, key));
      } else if (spec.has("componentInputArtifact")) { // left out when absent: a run refuses it (LeftOutArtifacts)
        GroupInputs.put(out, a.getKey(), given(inputs, spec.get("componentInputArtifact").asString(""), where), comp, "artifacts",
            source + ": " + where);
      } else {
        throw new FormatException(source + ": " + where + ": kfp4j reads artifacts from task outputs and DAG inputs");
      }
    }
    return out;
  }

  /** An input's argument; {@code dag} is the DAG the task is in, where a loop's collected outputs are read (or null). */
  Argument argument(TaskScope scope, JsonNode spec, Map<String, Argument> inputs, ParameterType type, String where,
      JsonNode dag) {
    if (spec.has("componentInputParameter")) {
      Argument a = given(inputs, spec.get("componentInputParameter").asString(""), where);
      Matcher m = SELECTOR.matcher(spec.path("parameterExpressionSelector").asString(""));
      if (m.matches() && a instanceof Argument.LoopItem item) {
        return new Argument.LoopItem(item.loop(), m.group(1));
      }
      return a;
    }
    if (spec.has("taskOutputParameter")) {
      JsonNode o = spec.get("taskOutputParameter");
      String producer = o.path("producerTask").asString("");
      String key = o.path("outputParameterKey").asString("");
      if (dag != null) {
        notConditional(dag, producer, where);
      }
      return dag == null ? new Argument.TaskOutput(producer, key) : output(scope, dag, producer, key);
    }
    if (spec.has("taskFinalStatus")) {
      return new Argument.RunValue(Argument.RunValue.Kind.STATUS); // the exit handler's status, as Kfp2Dags writes it
    }
    if (spec.has("runtimeValue")) {
      Argument.RunValue run = Values.runValue(spec.get("runtimeValue").path("constant").asString(""));
      if (run != null) {
        return run;
      }
      // a protobuf value of its JSON kind, which KFP's driver checks against the input's type (local.DriverInputTypes)
      Argument.Constant own = Values.constant(spec.get("runtimeValue").path("constant"), null);
      boolean fits = type == null || own.type() == type || own.type().isNumber() && type.isNumber();
      return fits ? Values.constant(spec.get("runtimeValue").path("constant"), type) : own;
    }
    throw new FormatException(source + ": " + where + ": kfp4j reads inputs from DAG inputs, task outputs and constants");
  }

  /** The argument behind input {@code name} of the enclosing DAG, which must have a value. */
  Argument lookup(Map<String, Argument> inputs, String name, String where) {
    Argument a = given(inputs, name, where);
    if (GroupInputs.isAbsent(a)) {
      throw new FormatException(source + ": " + where + ": '" + name + "' has no value: it comes from " + GroupInputs.ABSENT_WHAT
          + "; kfp4j's model leaves such an input out of a task that takes it as optional, but has nothing to give a loop, a "
          + "condition or a volume: have the caller pass it, or give it a default");
    }
    return a;
  }

  /** The argument behind input {@code name} of the enclosing DAG, or {@link GroupInputs#isAbsent absent} when it has none. */
  private Argument given(Map<String, Argument> inputs, String name, String where) {
    Argument a = inputs.get(name);
    if (a == null) {
      throw new FormatException(source + ": " + where + ": '" + name + "' is no input of the enclosing DAG; it has " + inputs.keySet());
    }
    return a;
  }
}
