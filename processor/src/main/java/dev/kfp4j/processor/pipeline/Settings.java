package dev.kfp4j.processor.pipeline;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreePath;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.pipeline.Graph.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and checks the settings called on a task ({@code cpuLimit("2")}, {@code retries(3)}...). */
final class Settings {
  /** A Kubernetes resource quantity: {@code 500m}, {@code 2}, {@code 1.5Gi}, {@code 1e3}. */
  static final Pattern QUANTITY =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\\d+)?");
  /** An Argo duration: {@code 10s}, {@code 1m30s}, {@code 2h}, or a number of seconds. */
  static final Pattern DURATION = Pattern.compile("\\d+|(\\d+(\\.\\d+)?(ns|us|ms|s|m|h))+");
  static final Set<String> PULL_POLICIES = Set.of("Always", "IfNotPresent", "Never");
  static final Set<String> RETRY_POLICIES = Set.of("Always", "OnFailure", "OnError", "OnTransientError");
  static final Set<String> OPERATORS = Set.of("Equal", "Exists");
  static final Set<String> EFFECTS = Set.of("", "NoSchedule", "PreferNoSchedule", "NoExecute");
  static final Pattern ENV_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");

  private final BodyReader reader;

  Settings(BodyReader reader) {
    this.reader = reader;
  }

  void apply(Node node, MethodInvocationTree call, TreePath path, String name) {
    List<? extends ExpressionTree> argTrees = call.getArguments();
    if (name.equals("after")) {
      for (ExpressionTree a : argTrees) {
        Node other = reader.chain(a, new TreePath(path, a), node.group, true);
        if (other != null) {
          if (!node.group.within(other.group) && !other.group.within(node.group)) {
            reader.error(a, Message.UNKNOWN_TASK,
                "task '" + other.name + "' is inside a Dsl.when/forEach group that does not enclose this call; 'after' can name tasks of this group or enclosing ones");
          }
          // a graph component's call waits through each of its tasks
          for (Node target : node.graphTasks != null ? node.graphTasks : List.of(node)) {
            target.after.add(other);
          }
        }
      }
      return;
    }
    if (node.graphTasks != null) {
      reader.error(call, Message.BAD_SETTING, name + "(...) sets one container task; '" + node.name
          + "' is a graph component, whose tasks take the settings its spec gives them (executionOptions); only after(...) applies to it");
      return;
    }
    if (name.equals("mountVolume")) {
      ExpressionTree volumeTree = argTrees.get(0);
      Node volume = reader.chain(volumeTree, new TreePath(path, volumeTree), node.group, true);
      Object mountPath = reader.constantValue(argTrees.get(1), new TreePath(path, argTrees.get(1)));
      if (volume == null) {
        return;
      }
      if (!(mountPath instanceof String p) || !p.startsWith("/")) {
        reader.error(call, Message.BAD_SETTING, "mountVolume: the mount path must be an absolute path constant, such as \"/mnt\"");
        return;
      }
      node.after.add(volume);
      node.settings.computeIfAbsent(name, k -> new ArrayList<>()).add(List.of(volume, mountPath));
      return;
    }
    List<Object> values = new ArrayList<>();
    for (ExpressionTree a : argTrees) {
      Object v = reader.constantValue(a, new TreePath(path, a));
      if (v == null) {
        reader.error(a, Message.BAD_SETTING,
            "the argument of " + name + "(...) must be a constant (a literal or a static final field), not '" + a + "'");
        return;
      }
      values.add(v);
    }
    String problem = check(name, values);
    if (problem != null) {
      reader.error(call, Message.BAD_SETTING, problem);
      return;
    }
    if (node.resource != null) {
      switch (name) {
        case "successCondition":
          node.resource.successCondition = values.get(0).toString();
          return;
        case "failureCondition":
          node.resource.failureCondition = values.get(0).toString();
          return;
        case "attributeOutput":
          node.resource.outputs.put(values.get(0).toString(), values.get(1).toString());
          return;
        case "displayName":
        case "retries":
        case "retryBackoff":
        case "timeout":
          break;
        default:
          reader.error(call, Message.BAD_SETTING, name + "(...) does not apply to a Kubernetes resource step; it takes successCondition, failureCondition, attributeOutput, displayName, retries, retryBackoff and timeout");
          return;
      }
    }
    switch (name) {
      case "mountVolume":
      case "env":
      case "envFromSecret":
      case "nodeSelector":
      case "toleration":
      case "podLabel":
      case "podAnnotation":
      case "mountPvc":
        // repeatable settings accumulate
        node.settings.computeIfAbsent(name, k -> new ArrayList<>()).add(values);
        break;
      default:
        node.settings.put(name, values);
    }
  }

  /** Why the setting's values are wrong, or null. */
  static String check(String name, List<Object> v) {
    switch (name) {
      case "cpuRequest":
      case "cpuLimit":
      case "memoryRequest":
      case "memoryLimit": {
        String q = v.get(0).toString();
        if (!QUANTITY.matcher(q).matches()) {
          return name + "(\"" + q + "\"): '" + q + "' is not a Kubernetes quantity; write e.g. \""
              + (name.startsWith("cpu") ? "500m\" or \"2" : "512Mi\" or \"2Gi") + "\"";
        }
        return null;
      }
      case "gpuLimit":
        if (((Number) v.get(0)).intValue() < 0) {
          return "gpuLimit(" + v.get(0) + "): the GPU count must be 0 or more";
        }
        return null;
      case "retries":
        if (((Number) v.get(0)).intValue() < 0) {
          return "retries(" + v.get(0) + "): the retry limit must be 0 or more";
        }
        if (v.size() > 1 && !RETRY_POLICIES.contains(v.get(1).toString())) {
          return "retries(..., \"" + v.get(1) + "\"): the retry policy must be one of " + RETRY_POLICIES;
        }
        return null;
      case "retryBackoff":
        if (!DURATION.matcher(v.get(0).toString()).matches() || !DURATION.matcher(v.get(2).toString()).matches()) {
          return "retryBackoff(\"" + v.get(0) + "\", " + v.get(1) + ", \"" + v.get(2) + "\"): durations are like \"10s\", \"1m\" or \"2h\"";
        }
        if (((Number) v.get(1)).intValue() < 1) {
          return "retryBackoff: the factor must be 1 or more";
        }
        return null;
      case "timeout":
        if (((Number) v.get(0)).longValue() <= 0) {
          return "timeout(" + v.get(0) + "): the timeout is a number of seconds above 0";
        }
        return null;
      case "imagePullPolicy":
        if (!PULL_POLICIES.contains(v.get(0).toString())) {
          return "imagePullPolicy(\"" + v.get(0) + "\"): must be one of " + PULL_POLICIES;
        }
        return null;
      case "toleration":
        if (!OPERATORS.contains(v.get(1).toString())) {
          return "toleration: the operator must be one of " + OPERATORS + ", not '" + v.get(1) + "'";
        }
        if (!EFFECTS.contains(v.get(3).toString())) {
          return "toleration: the effect must be one of " + EFFECTS + ", not '" + v.get(3) + "'";
        }
        return null;
      case "env":
      case "envFromSecret":
        if (!ENV_NAME.matcher(v.get(0).toString()).matches()) {
          return name + ": '" + v.get(0) + "' is not a valid environment variable name";
        }
        return null;
      case "mountPvc":
        if (!v.get(1).toString().startsWith("/")) {
          return "mountPvc: the mount path '" + v.get(1) + "' must be absolute";
        }
        return null;
      default:
        return null;
    }
  }
}
