package dev.kfp4j.graph;

import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Branches;
import dev.kfp4j.model.Condition;
import dev.kfp4j.model.Loop;
import dev.kfp4j.model.Nodes;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Step;
import dev.kfp4j.model.Task;
import dev.kfp4j.model.TaskSetting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a picture of a pipeline must show, read from the model itself: every step, what flows
 * between them ({@code Output → msg}), the {@code after} pairs, and the steps in each group.
 */
record Expected(Pipeline pipeline, List<Flow> flows, List<Flow> after, Map<String, Set<String>> groups) {
  /** {@code to} reads {@code from}: {@code line} is what the edge's label says. */
  record Flow(String from, String to, String line) {}

  static Expected of(Pipeline p) {
    List<Flow> flows = new ArrayList<>();
    List<Flow> after = new ArrayList<>();
    Map<String, Set<String>> groups = new LinkedHashMap<>();
    for (Step s : p.steps()) {
      s.arguments().forEach((input, a) -> {
        if (a instanceof Argument.TaskOutput o) {
          flows.add(new Flow(o.task(), s.name(), o.output() + " → " + input));
        } else if (a instanceof Argument.Collected c) { // from the task in the loop
          flows.add(new Flow(c.task(), s.name(), c.output() + " collected → " + input));
        } else if (a instanceof Argument.OneOf one) { // from each branch's task
          one.outputs().forEach(o -> flows.add(new Flow(o.task(), s.name(), o.output() + " → " + input)));
        }
      });
      for (TaskSetting setting : s.settings()) {
        if (setting instanceof TaskSetting.VolumeMount m) {
          flows.add(new Flow(m.volume(), s.name(), "mounted at " + m.mountPath()));
        }
      }
      for (String a : s.after()) {
        after.add(new Flow(a, s.name(), null));
      }
    }
    List<dev.kfp4j.model.Node> drawn = new ArrayList<>(p.nodes());
    if (p.exitPipeline() != null) {
      drawn.addAll(p.exitPipeline().nodes());
    }
    Nodes.walk(drawn, n -> {
      if (n instanceof Condition || n instanceof Loop || n instanceof Branches) {
        Set<String> inside = new LinkedHashSet<>();
        Nodes.steps(n).forEach(s -> inside.add(s.name()));
        groups.put(n.name(), inside);
        for (Argument a : Nodes.groupArguments(n)) {
          if (a instanceof Argument.TaskOutput o) {
            flows.add(new Flow(o.task(), n.name(), o.output() + " → " + (n instanceof Loop ? "items" : "condition")));
          }
        }
        if (n instanceof Branches b) { // a branch reads what the conditions before it read, the else too
          for (int i = 0; i < b.branches().size(); i++) {
            List<Argument> read = new ArrayList<>();
            Nodes.operands(b.effectivePredicate(i), read);
            for (Argument a : read) {
              if (a instanceof Argument.TaskOutput o) {
                flows.add(new Flow(o.task(), b.branches().get(i).name(), o.output() + " → condition"));
              }
            }
          }
        }
      }
    });
    if (p.exitTask() != null) {
      Set<String> all = new LinkedHashSet<>();
      p.steps().forEach(s -> all.add(s.name()));
      all.remove(p.exitTask().name());
      groups.put("exit-handler", all);
      flows.add(new Flow("exit-handler", p.exitTask().name(), "on exit"));
    }
    if (p.exitPipeline() != null) { // the body in the exit handler's group, the exit pipeline's nodes in a group of its own after it
      Set<String> exit = new LinkedHashSet<>();
      Nodes.walk(p.exitPipeline().nodes(), n -> {
        if (n instanceof dev.kfp4j.model.Step s) {
          exit.add(s.name());
        }
      });
      Set<String> all = new LinkedHashSet<>();
      p.steps().forEach(s -> all.add(s.name()));
      all.removeAll(exit);
      groups.put("exit-handler", all);
      groups.put(p.exitPipeline().name(), exit);
      flows.add(new Flow("exit-handler", p.exitPipeline().name(), "on exit"));
    }
    return new Expected(p, flows, after, groups);
  }

  /** Whether {@code step} is inside the group named {@code group}. */
  boolean inside(String step, String group) {
    return groups.getOrDefault(group, Set.of()).contains(step);
  }

  /** The lines a task's box shows below its name: its component, its display name. */
  static List<String> taskLines(Task t) {
    List<String> out = new ArrayList<>();
    out.add("runs " + t.component().name());
    for (TaskSetting s : t.settings()) {
      if (s instanceof TaskSetting.DisplayName d) {
        out.add("“" + d.name() + "”");
      }
    }
    return out;
  }
}
