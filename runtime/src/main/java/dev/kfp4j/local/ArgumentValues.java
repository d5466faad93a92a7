package dev.kfp4j.local;

import dev.kfp4j.entrypoint.FileErrors;
import dev.kfp4j.model.Argument;
import dev.kfp4j.yaml.Yaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The values of the model's arguments and predicates in a scope, as text: constants, pipeline
 * parameters, values of the run, task outputs (read under the name the run shows them by), loop
 * items, collected outputs and the output of the branch of a chain that ran; and whether a predicate holds, each comparison made on two values,
 * never on text with values pasted into it.
 */
final class ArgumentValues {
  private final Map<String, String> parameters;
  private final RunValues run;
  private final java.util.function.BinaryOperator<String> outputNames;
  /** The loops over a list of artifacts, whose items are artifacts ({@link #artifactItem}). */
  private final java.util.Set<String> artifactLoops;

  /**
   * {@code outputNames} gives the name under which a task's output shows in its results, by task and output; {@code
   * artifactLoops} names the loops over a list of artifacts.
   */
  ArgumentValues(Map<String, String> parameters, RunValues run, java.util.function.BinaryOperator<String> outputNames,
      java.util.Set<String> artifactLoops) {
    this.parameters = parameters;
    this.run = run;
    this.outputNames = outputNames;
    this.artifactLoops = java.util.Set.copyOf(artifactLoops);
  }

  /** An item of a loop over a list of artifacts, as a scope keeps it: the artifact's type, file, URI and metadata. */
  static JsonNode artifactItem(OutputArtifact a) {
    tools.jackson.databind.node.ObjectNode item = Yaml.object();
    item.put("type", a.type()).put("path", a.path().toString()).put("uri", a.uri());
    item.set("metadata", Yaml.toTree(a.metadata()));
    return item;
  }

  @SuppressWarnings("unchecked")
  private static OutputArtifact fromItem(JsonNode item) {
    Object metadata = Yaml.toPlain(item.path("metadata"));
    return new OutputArtifact(item.path("type").asString(), Path.of(item.path("path").asString()), item.path("uri").asString(),
        metadata instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of());
  }

  private String shown(String task, String output) {
    return outputNames.apply(task, output);
  }

  /**
   * The text value {@code a} gives input {@code in} of task {@code task} (id {@code taskId}): as {@link #value},
   * with the task's own name and id for those values of the run, except that in KFP 2 an
   * input typed {@code PipelineTaskFinalStatus} (or a dict, as a task of a pipeline run as the exit
   * task takes it) given the run's status gets KFP's struct ({@link #finalStatus}); in Argo it gets {@code {{workflow.status}}}'s text, as on a cluster.
   */
  String input(Argument a, dev.kfp4j.spec.InputSpec in, Scope scope, String where, String task, String taskId) {
    if (Argument.RunValue.isStatus(a) && takesStatusStruct(in) && run.kfp2()) {
      return finalStatus();
    }
    if (a instanceof Argument.RunValue v) {
      return run.value(v.kind(), task, taskId);
    }
    return value(a, scope, where);
  }

  /** The type of input {@code in}'s value, as its JSON in the executor input: KFP's struct for the final status. */
  static dev.kfp4j.model.ParameterType type(dev.kfp4j.spec.InputSpec in) {
    return finalStatus(in) || dev.kfp4j.spec.TaskConfigs.isTaskConfig(in) ? dev.kfp4j.model.ParameterType.STRUCT
        : in.type() == null ? null : dev.kfp4j.model.ParameterType.ofV1Name(in.type().name());
  }

  /** The type of output {@code o}'s value, by its KFP v1 type name; null when it has none, or one of another kind. */
  static dev.kfp4j.model.ParameterType type(dev.kfp4j.spec.OutputSpec o) {
    if (o.type() == null) {
      return null;
    }
    return dev.kfp4j.model.ParameterType.ofV1Name(o.type().name()); // KFP v1's names, also when read from a KFP 2 file (ComponentReader)
  }

  private static boolean finalStatus(dev.kfp4j.spec.InputSpec in) {
    return dev.kfp4j.spec.TypeSpec.TASK_FINAL_STATUS.equals(in.type());
  }

  /** Whether input {@code in} takes KFP's struct of the final status: typed so, or a dict (an exit pipeline's task given its status). */
  private static boolean takesStatusStruct(dev.kfp4j.spec.InputSpec in) {
    return finalStatus(in) || in.type() != null && dev.kfp4j.model.ParameterType.ofV1Name(in.type().name()) == dev.kfp4j.model.ParameterType.STRUCT;
  }

  /**
   * The run's status as KFP 2 gives an exit task's {@code PipelineTaskFinalStatus} input: KFP's
   * struct as JSON, its {@code state} {@code SUCCEEDED} or {@code FAILED} ({@code RUNNING} before
   * the exit handler). Any other input given the status gets Argo's text ({@code Succeeded}, ...).
   */
  private String finalStatus() {
    String status = run.value(Argument.RunValue.Kind.STATUS);
    return finalStatus(status.equals("Succeeded") ? "SUCCEEDED" : status.equals("Running") ? "RUNNING" : "FAILED", "exit-handler-1");
  }

  /**
   * The status KFP 2 gives a task run after a failure ({@code ignore_upstream_failure()}) of the one task it waits for,
   * {@code task}: {@code FAILED} when that failed (or did not run because a task before it failed).
   */
  String finalStatus(boolean failed, String task) {
    return finalStatus(failed ? "FAILED" : "SUCCEEDED", task);
  }

  private String finalStatus(String state, String task) {
    tools.jackson.databind.node.ObjectNode s = Yaml.object();
    s.put("state", state).put("pipelineJobResourceName", run.name()).put("pipelineTaskName", task).putObject("error");
    return s.toString();
  }

  /** The text value {@code a} gives in {@code scope}, or null when it is an optional parameter not given. */
  String value(Argument a, Scope scope, String where) {
    if (a instanceof Argument.Constant c) {
      return c.text();
    }
    if (a instanceof Argument.PipelineParameter p) {
      return parameters.get(p.name());
    }
    if (a instanceof Argument.RunValue v) {
      return run.value(v.kind());
    }
    if (a instanceof Argument.TaskOutput o) {
      TaskResult r = scope.result(o.task());
      if (r == null) {
        throw new WorkflowException(where + ": task '" + o.task() + "' has given no outputs here (it did not run, or was skipped)");
      }
      String v = r.outputs().get(shown(o.task(), o.output()));
      if (v == null && r.artifacts().containsKey(shown(o.task(), o.output()))) {
        return read(r.artifacts().get(shown(o.task(), o.output())), where);
      }
      if (v == null) {
        throw new WorkflowException(where + ": task '" + o.task() + "' has no output '" + o.output() + "'; it has "
            + r.outputs().keySet());
      }
      return v;
    }
    if (a instanceof Argument.OneOf o) {
      for (Argument.TaskOutput out : o.outputs()) {
        TaskResult r = scope.result(out.task());
        if (r != null && r.state().ok()) {
          return value(out, scope, where);
        }
      }
      throw new WorkflowException(where + ": no branch of '" + o.branches() + "' gave its output (none ran, or it failed)");
    }
    if (a instanceof Argument.LoopItem li) {
      JsonNode item = scope.item(li.loop());
      if (item == null) {
        throw new WorkflowException(where + ": it is not inside loop '" + li.loop() + "'");
      }
      JsonNode v = li.field() == null ? item : item.path(li.field());
      if (v.isMissingNode()) {
        throw new WorkflowException(where + ": the item " + item + " of loop '" + li.loop() + "' has no field '" + li.field() + "'");
      }
      if (!run.kfp2()) { // Argo's controller gives items its own way
        return li.field() == null ? ArgoItemTexts.whole(v) : ArgoItemTexts.field(v);
      }
      return text(v);
    }
    Argument.Collected c = (Argument.Collected) a;
    List<JsonNode> out = new ArrayList<>();
    for (Scope s : runsOf(c, scope)) {
      TaskResult r = s.results.get(c.task());
      if (r.outputs().containsKey(shown(c.task(), c.output()))) {
        String v = r.outputs().get(shown(c.task(), c.output()));
        JsonNode parsed = parse(v);
        out.add(parsed != null ? parsed : Yaml.nodes().stringNode(v));
      }
    }
    return Yaml.pyJson(Yaml.array().addAll(out));
  }

  /**
   * The scopes in which the task {@code c} collects ran, each iteration of {@code c}'s loop in the
   * order of its items and, where the task is in a loop inside it, each of that loop's iterations in
   * order in turn: one flat list, as KFP's driver gathers a nested collection. An iteration where
   * the task did not run (a condition around it was false) gives nothing.
   */
  static List<Scope> runsOf(Argument.Collected c, Scope scope) {
    List<Scope> out = new ArrayList<>();
    Map<String, Scope> iterations = scope.iterations(c.loop());
    if (iterations != null) {
      iterations.values().forEach(s -> runsIn(c.task(), s, out));
    }
    return out;
  }

  private static void runsIn(String task, Scope s, List<Scope> out) {
    if (s.results.get(task) != null) {
      out.add(s);
      return;
    }
    for (Map<String, Scope> inner : s.iterations.values()) {
      inner.values().forEach(i -> runsIn(task, i, out));
    }
  }

  /**
   * The artifact {@code a} gives (an output artifact of a task, the item of a loop over a list of artifacts), or null when
   * it gives a value.
   */
  OutputArtifact file(Argument a, Scope scope) {
    if (a instanceof Argument.LoopItem li && artifactLoops.contains(li.loop())) {
      JsonNode item = scope.item(li.loop());
      if (item == null) {
        throw new WorkflowException("the item of loop '" + li.loop() + "' is read outside it");
      }
      return fromItem(item);
    }
    if (a instanceof Argument.TaskOutput o) {
      TaskResult r = scope.result(o.task());
      if (r != null && r.artifacts().containsKey(shown(o.task(), o.output()))) {
        OutputArtifact known = r.outputArtifacts().get(shown(o.task(), o.output()));
        Path p = r.artifacts().get(shown(o.task(), o.output()));
        return known != null ? known : new OutputArtifact("system.Artifact", p, ArtifactReader.uri(p), Map.of());
      }
    }
    if (a instanceof Argument.OneOf o) {
      for (Argument.TaskOutput out : o.outputs()) {
        TaskResult r = scope.result(out.task());
        if (r != null && r.state().ok()) {
          return file(out, scope);
        }
      }
    }
    if (a instanceof Argument.Collected c) {
      throw new WorkflowException("the artifacts of '" + c.task() + "' collected from loop '" + c.loop() + "' are a list; "
          + "an input that takes one artifact cannot take them");
    }
    return null;
  }

  /**
   * The artifacts {@code c} collects: output {@code c.output()} of task {@code c.task()} of each
   * iteration of its loop that gave it, in the order of the loop's items (of nested loops' too:
   * {@link #runsOf}), as KFP 2's {@code dsl.Collected} gives a list of artifacts.
   */
  List<OutputArtifact> files(Argument.Collected c, Scope scope) {
    List<OutputArtifact> out = new ArrayList<>();
    for (Scope s : runsOf(c, scope)) {
      OutputArtifact a = file(new Argument.TaskOutput(c.task(), c.output()), s);
      if (a != null) {
        out.add(a);
      }
    }
    return out;
  }

  /** A pipeline output's text: a value's, an artifact's file, a list of artifacts' files as a JSON list. */
  String pipelineOutput(Argument a, Scope scope, String where) {
    if (a instanceof Argument.Collected c) {
      List<OutputArtifact> files = files(c, scope);
      if (!files.isEmpty()) {
        tools.jackson.databind.node.ArrayNode paths = dev.kfp4j.yaml.Yaml.array();
        files.forEach(f -> paths.add(f.path().toString()));
        return dev.kfp4j.yaml.Yaml.pyJson(paths);
      }
      return value(a, scope, where);
    }
    OutputArtifact file = file(a, scope);
    return file != null ? file.path().toString() : value(a, scope, where);
  }

  /**
   * Whether {@code p} holds: each comparison of two values, as numbers when both are, true/false when both are, else text. Every
   * operand needs a value, those a {@code ||} or {@code &&} would not reach too: KFP's driver resolves each input of the
   * condition's task before it tests the condition, and fails on one left out ({@code resolveInputs} in {@code
   * backend/src/v2/driver/resolve.go}).
   */
  boolean holds(dev.kfp4j.model.Predicate p, Scope scope, String where) {
    List<Argument> operands = new ArrayList<>();
    dev.kfp4j.model.Nodes.operands(p, operands);
    operands.forEach(a -> operand(a, scope, where));
    return tested(p, scope, where);
  }

  private boolean tested(dev.kfp4j.model.Predicate p, Scope scope, String where) {
    if (p instanceof dev.kfp4j.model.Predicate.Not n) {
      return !tested(n.predicate(), scope, where);
    }
    if (p instanceof dev.kfp4j.model.Predicate.All all) {
      for (dev.kfp4j.model.Predicate q : all.predicates()) {
        if (!tested(q, scope, where)) {
          return false;
        }
      }
      return true;
    }
    if (p instanceof dev.kfp4j.model.Predicate.Any any) {
      for (dev.kfp4j.model.Predicate q : any.predicates()) {
        if (tested(q, scope, where)) {
          return true;
        }
      }
      return false;
    }
    dev.kfp4j.model.Predicate.Comparison c = (dev.kfp4j.model.Predicate.Comparison) p;
    String left = operand(c.left(), scope, where);
    String right = operand(c.right(), scope, where);
    return switch (c.compared()) {
      case AS_VALUES -> compare(left, c.operator(), right);
      case AS_TEXT -> Comparing.holds(dev.kfp4j.format.GoOrder.compare(left, right), c.operator());
      case AS_NUMBERS, AS_INTEGERS, AS_NUMBERS_INTEGER_LEFT, AS_NUMBERS_INTEGER_RIGHT -> Comparing.holds(c, left, right, where);
      case PASTED_BARE, PASTED_QUOTED, PASTED_QUOTED_LEFT, PASTED_QUOTED_RIGHT -> Govaluate.holds(c, left, right, where);
      case AS_CEL -> CelComparing.holds(c, left, right, where);
    };
  }

  /** {@code p} with its operands' values, as people read it: {@code 'tails' == 'heads'}. */
  String shown(dev.kfp4j.model.Predicate p, Scope scope, String where) {
    if (p instanceof dev.kfp4j.model.Predicate.Not n) {
      return "not (" + shown(n.predicate(), scope, where) + ")";
    }
    if (p instanceof dev.kfp4j.model.Predicate.All || p instanceof dev.kfp4j.model.Predicate.Any) {
      boolean all = p instanceof dev.kfp4j.model.Predicate.All;
      List<String> parts = new ArrayList<>();
      for (dev.kfp4j.model.Predicate q : all ? ((dev.kfp4j.model.Predicate.All) p).predicates()
          : ((dev.kfp4j.model.Predicate.Any) p).predicates()) {
        String s = shown(q, scope, where);
        parts.add(q instanceof dev.kfp4j.model.Predicate.Any || (!all && q instanceof dev.kfp4j.model.Predicate.All) ? "(" + s + ")" : s);
      }
      return String.join(all ? " and " : " or ", parts);
    }
    dev.kfp4j.model.Predicate.Comparison c = (dev.kfp4j.model.Predicate.Comparison) p;
    return quoted(operand(c.left(), scope, where)) + " " + c.operator().symbol() + " " + quoted(operand(c.right(), scope, where));
  }

  /** A value in single quotes, its own quotes and backslashes escaped, so no value reads as part of the condition. */
  private static String quoted(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  private String operand(Argument a, Scope scope, String where) {
    String v = value(a, scope, where);
    if (v == null) {
      throw new WorkflowException(where + ": " + a + " has no value");
    }
    return v;
  }

  static boolean compare(String left, dev.kfp4j.model.Predicate.Operator op, String right) {
    int c;
    Double l = number(left);
    Double r = number(right);
    if (l != null && r != null) {
      c = Double.compare(l, r);
    } else if (bool(left) && bool(right)) {
      c = left.equalsIgnoreCase(right) ? 0 : 1;
      if (op != dev.kfp4j.model.Predicate.Operator.EQ && op != dev.kfp4j.model.Predicate.Operator.NE) {
        throw new WorkflowException("cannot order true/false with " + op.symbol());
      }
    } else {
      c = left.compareTo(right);
    }
    return Comparing.holds(c, op);
  }

  private static Double number(String s) {
    try {
      double d = Double.parseDouble(s.strip());
      return Double.isFinite(d) ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean bool(String s) {
    return s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false");
  }

  /** A JSON value as text: a string as it is, anything else as JSON. */
  static String text(JsonNode v) {
    return v.isString() ? v.asString() : v.isValueNode() ? v.asString() : Yaml.pyJson(v);
  }

  /** The items of a loop over {@code text}, a JSON list; {@code where} names the loop in the error when it is not one. */
  static List<JsonNode> list(String text, String where) {
    JsonNode list = parse(text);
    if (list == null || !list.isArray()) {
      throw new WorkflowException(where + ": its items are not a JSON list: " + text);
    }
    List<JsonNode> items = new ArrayList<>();
    list.forEach(items::add);
    return items;
  }

  /** {@code text} as JSON, or null when it is not JSON. */
  static JsonNode parse(String text) {
    try {
      return Yaml.readJson(text);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** A constant in KFP's text form as a JSON value of its type. */
  static JsonNode json(String text, dev.kfp4j.model.ParameterType type) {
    if (type == dev.kfp4j.model.ParameterType.STRING || type == null) {
      return Yaml.nodes().stringNode(text);
    }
    if (type == dev.kfp4j.model.ParameterType.BOOLEAN) {
      return Yaml.nodes().booleanNode(dev.kfp4j.entrypoint.KfpValues.parseBoolean(text));
    }
    JsonNode parsed = parse(text);
    return parsed != null ? parsed : Yaml.nodes().stringNode(text);
  }

  private static String read(Path p, String where) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new WorkflowException(where + ": cannot read " + p + ": " + FileErrors.why(p, e));
    }
  }
}
