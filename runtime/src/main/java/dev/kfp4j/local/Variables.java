package dev.kfp4j.local;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The {@code {{...}}} language of Argo templates: {@code workflow.parameters.NAME},
 * {@code workflow.status}, {@code workflow.name}, {@code workflow.uid}, {@code inputs.parameters.NAME},
 * {@code inputs.artifacts.NAME}, {@code tasks.TASK.outputs.parameters.NAME},
 * {@code tasks.TASK.outputs.artifacts.NAME}, {@code item} and {@code item.KEY}. Values are text;
 * a reference that resolves to nothing is an error that names it.
 */
final class Variables {
  private static final Pattern REFERENCE = Pattern.compile("\\{\\{\\s*([^}]+?)\\s*}}");
  /** A condition that is one expression tag, {@code {{=EXPR}}}. */
  private static final Pattern EXPRESSION_TAG = Pattern.compile("\\s*\\{\\{=(.*)}}\\s*", Pattern.DOTALL);

  private final Map<String, String> parameters;
  private final String workflowName;
  private final String runId;
  private final Supplier<String> status;

  /** {@code status} is Argo's {@code {{workflow.status}}}: Running, then the outcome while the exit handler runs. */
  Variables(Map<String, String> parameters, String workflowName, String runId, Supplier<String> status) {
    this.parameters = parameters;
    this.workflowName = workflowName;
    this.runId = runId;
    this.status = status;
  }

  /** {@code text} with every reference replaced by its value; {@code where} names the field in errors. */
  String substitute(String text, Scope scope, JsonNode item, String where) {
    if (text.indexOf('{') < 0) {
      return text;
    }
    Matcher m = REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(lookup(m.group(1), scope, item, where)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The file an artifact argument's {@code from} names: it must be exactly one reference to a file. */
  Path file(String from, Scope scope, String where) {
    Matcher m = REFERENCE.matcher(from.strip());
    if (m.matches()) {
      String name = m.group(1);
      if (name.startsWith("inputs.artifacts.")) {
        Path p = scope.inputFiles.get(name.substring("inputs.artifacts.".length()));
        if (p != null) {
          return p;
        }
      } else if (name.startsWith("tasks.")) {
        String[] parts = name.split("\\.", 5);
        if (parts.length == 5 && parts[2].equals("outputs") && parts[3].equals("artifacts")) {
          Map<String, Path> files = scope.taskFiles.get(parts[1]);
          if (files != null && files.get(parts[4]) != null) {
            return files.get(parts[4]);
          }
        }
      }
      throw new WorkflowException(where + ": cannot resolve {{" + name + "}}");
    }
    throw new WorkflowException(where + ": 'from: " + from + "' is not a reference to an artifact, such as {{tasks.TASK.outputs.artifacts.NAME}}");
  }

  /**
   * Evaluates a {@code when} condition. Its structure is read from the text as written; each
   * operand is then substituted on its own, so no value can change the condition's structure.
   * A condition that is one expression tag ({@code {{=...}}}) is evaluated as Argo's expr does.
   */
  boolean condition(String text, Scope scope, JsonNode item, String where) {
    Matcher tag = EXPRESSION_TAG.matcher(text);
    if (tag.matches()) {
      return ExprCondition.evaluate(tag.group(1), name -> lookup(name, scope, item, where));
    }
    return Expressions.evaluate(text, operand -> substitute(operand, scope, item, where));
  }

  /** A condition as shown to people: its references with their values, an expression tag as written. */
  String shown(String condition, Scope scope, JsonNode item, String where) {
    return EXPRESSION_TAG.matcher(condition).matches() ? condition.strip() : substitute(condition, scope, item, where);
  }

  private String lookup(String name, Scope scope, JsonNode item, String where) {
    if (name.startsWith("workflow.parameters.")) {
      String v = parameters.get(name.substring("workflow.parameters.".length()));
      if (v != null) {
        return v;
      }
    } else if (name.equals("workflow.status")) {
      return status.get();
    } else if (name.equals("workflow.name")) {
      return workflowName + "-" + runId;
    } else if (name.equals("workflow.uid")) {
      return runId;
    } else if (name.startsWith("inputs.parameters.")) {
      String v = scope.inputs.get(name.substring("inputs.parameters.".length()));
      if (v != null) {
        return v;
      }
    } else if (name.startsWith("inputs.artifacts.")) {
      Path p = scope.inputFiles.get(name.substring("inputs.artifacts.".length()));
      if (p != null) {
        return p.toString();
      }
    } else if (name.startsWith("tasks.")) {
      String v = taskOutput(name, scope);
      if (v != null) {
        return v;
      }
    } else if (name.equals("item") && item != null) {
      return item.isValueNode() ? item.asString() : item.toString();
    } else if (name.startsWith("item.") && item != null) {
      JsonNode v = item.path(name.substring(5));
      if (!v.isMissingNode()) {
        return v.isValueNode() ? v.asString() : v.toString();
      }
    }
    throw new WorkflowException(where + ": cannot resolve {{" + name + "}}");
  }

  /** {@code tasks.TASK.outputs.parameters.NAME} or {@code tasks.TASK.outputs.artifacts.NAME} (a path), or null. */
  private static String taskOutput(String name, Scope scope) {
    String[] parts = name.split("\\.", 5);
    if (parts.length != 5 || !parts[2].equals("outputs")) {
      return null;
    }
    if (parts[3].equals("parameters")) {
      Map<String, String> outputs = scope.taskOutputs.get(parts[1]);
      return outputs == null ? null : outputs.get(parts[4]);
    }
    if (parts[3].equals("artifacts")) {
      Map<String, Path> files = scope.taskFiles.get(parts[1]);
      return files == null || files.get(parts[4]) == null ? null : files.get(parts[4]).toString();
    }
    return null;
  }
}
