package dev.kfp4j.format.argo;

import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Branches;
import dev.kfp4j.model.Loop;
import dev.kfp4j.model.Node;
import dev.kfp4j.model.Nodes;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Step;
import dev.kfp4j.model.Task;
import dev.kfp4j.spec.OutputSpec;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each step of a pipeline sits: the group whose DAG template holds it ({@code null} for the
 * root), and each group's parent. {@link Branches} is no level of its own: its branches sit in its
 * parent's DAG.
 */
final class Scopes {
  private final Pipeline pipeline;
  private final Map<String, Step> steps = new HashMap<>();
  private final Map<String, Node> groupOfStep = new HashMap<>();
  private final Map<Node, Node> parentOfGroup = new IdentityHashMap<>();
  private final Map<String, Loop> loops = new HashMap<>();

  Scopes(Pipeline pipeline) {
    this.pipeline = pipeline;
    index(pipeline.nodes(), null);
    if (pipeline.exitTask() != null) {
      steps.put(pipeline.exitTask().name(), pipeline.exitTask());
      groupOfStep.put(pipeline.exitTask().name(), null);
    }
  }

  private void index(List<Node> nodes, Node group) {
    for (Node n : nodes) {
      if (n instanceof Step s) {
        steps.put(s.name(), s);
        groupOfStep.put(s.name(), group);
      } else if (n instanceof Branches b) {
        index(List.copyOf(b.branches()), group);
      } else {
        if (n instanceof Loop l) {
          loops.put(l.name(), l);
        }
        parentOfGroup.put(n, group);
        index(Nodes.body(n), n);
      }
    }
  }

  Step step(String name) {
    return steps.get(name);
  }

  /** The loop named {@code name}, or null. */
  Loop loop(String name) {
    return loops.get(name);
  }

  /** The group whose DAG holds step {@code name}; {@code null} for the root. */
  Node groupOf(String name) {
    return groupOfStep.get(name);
  }

  /** The member of {@code group}'s DAG that is or holds step {@code name}, or null when it is outside. */
  Node memberContaining(String name, Node group) {
    Node g = groupOfStep.get(name);
    if (!groupOfStep.containsKey(name)) {
      return null;
    }
    if (g == group) {
      return steps.get(name);
    }
    while (g != null) {
      Node parent = parentOfGroup.get(g);
      if (parent == group) {
        return g;
      }
      g = parent;
    }
    return null;
  }

  /** Whether {@code a} compares as a number in a condition. */
  boolean isNumber(Argument a) {
    if (a instanceof Argument.Constant c) {
      try {
        Double.parseDouble(c.text());
        return true;
      } catch (NumberFormatException e) {
        return false;
      }
    }
    if (a instanceof Argument.PipelineParameter p) {
      return pipeline.parameter(p.name()).map(q -> q.type() != null && q.type().isNumber()).orElse(false);
    }
    if (a instanceof Argument.LoopItem li && loops.get(li.loop()) != null) {
      Loop.Items items = loops.get(li.loop()).items();
      if (items instanceof Loop.Constants k) { // a number when every item (or its field) is one
        return !k.values().isEmpty() && k.values().stream().allMatch(v -> li.field() == null
            ? v.type() != null && v.type().isNumber() : numberField(v.text(), li.field()));
      }
      return li.field() == null && items instanceof Loop.Over o && o.itemType() != null && o.itemType().isNumber();
    }
    if (a instanceof Argument.TaskOutput o && steps.get(o.task()) instanceof Task t) {
      OutputSpec out = t.component().output(o.output()).orElse(null);
      String type = out == null || out.type() == null ? null : out.type().name();
      return "Integer".equals(type) || "Float".equals(type);
    }
    return false;
  }

  /** Whether field {@code field} of the JSON object {@code json} is a number. */
  private static boolean numberField(String json, String field) {
    try {
      return dev.kfp4j.yaml.Yaml.readJson(json).path(field).isNumber();
    } catch (RuntimeException notJson) {
      return false;
    }
  }
}
