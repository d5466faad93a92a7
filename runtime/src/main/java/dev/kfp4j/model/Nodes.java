package dev.kfp4j.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** Walking and rewriting trees of nodes, and what a node waits for. */
public final class Nodes {
  private Nodes() {}

  /** Calls {@code visit} for each node, a group before its body, in the order written. */
  public static void walk(List<Node> nodes, Consumer<Node> visit) {
    for (Node n : nodes) {
      visit.accept(n);
      walk(body(n), visit);
    }
  }

  /** The nodes a group holds directly (for {@link Branches}: its branches); none for a step. */
  public static List<Node> body(Node n) {
    if (n instanceof Condition c) {
      return c.body();
    }
    if (n instanceof Loop l) {
      return l.body();
    }
    if (n instanceof Branches b) {
      return List.copyOf(b.branches());
    }
    return List.of();
  }

  /** The steps inside {@code n}, at any depth ({@code n} itself for a step). */
  public static List<Step> steps(Node n) {
    List<Step> out = new ArrayList<>();
    walk(List.of(n), m -> {
      if (m instanceof Step s) {
        out.add(s);
      }
    });
    return out;
  }

  /**
   * The names of the steps {@code step} waits for: those it names in {@code after}, those whose
   * outputs its arguments read (a collected output: the task in the loop, so its loop as a whole; one of a chain's outputs:
   * every branch's task, so the chain as a whole),
   * the volumes it mounts, and the tasks whose outputs its settings take.
   */
  public static Set<String> upstream(Step step) {
    Set<String> out = new LinkedHashSet<>(step.after());
    for (Argument a : step.arguments().values()) {
      if (a instanceof Argument.TaskOutput o) {
        out.add(o.task());
      } else if (a instanceof Argument.Collected c) {
        out.add(c.task());
      } else if (a instanceof Argument.OneOf o) {
        o.outputs().forEach(x -> out.add(x.task()));
      }
    }
    for (TaskSetting s : step.settings()) {
      if (s instanceof TaskSetting.VolumeMount m) {
        out.add(m.volume());
      }
    }
    for (Argument a : settingArguments(step)) {
      if (a instanceof Argument.TaskOutput o) {
        out.add(o.task());
      }
    }
    out.remove(step.name());
    return out;
  }

  /** A setting's value given at run time, as messages name it: {@code pipeline parameter 'cpu'}, {@code output 'out' of task 'size'}. */
  public static String describeFromRun(Argument a) {
    return a instanceof Argument.TaskOutput o ? "output '" + o.output() + "' of task '" + o.task() + "'"
        : a instanceof Argument.PipelineParameter p ? "pipeline parameter '" + p.name() + "'" : String.valueOf(a);
  }

  /**
   * The values a step's settings take when it runs (a resource or accelerator from a pipeline parameter or task output, a claim,
   * secret, config map or image pull secret a parameter names, an image, tolerations, a node selector or node affinity as JSON), in order.
   */
  public static List<Argument> settingArguments(Step step) {
    List<Argument> out = new ArrayList<>();
    for (TaskSetting s : step.settings()) {
      out.addAll(fromRun(s));
    }
    return out;
  }

  /** The values {@code s} takes when the step runs: none for a setting of constants. */
  public static List<Argument> fromRun(TaskSetting s) {
    Argument a = s instanceof TaskSetting.ResourceFrom r ? r.quantity()
        : s instanceof TaskSetting.PvcMountFrom m ? m.claim()
        : s instanceof TaskSetting.TolerationFrom t ? t.json()
        : s instanceof PodSetting.EnvFrom e ? e.object()
        : s instanceof PodSetting.VolumeFrom v ? v.object()
        : s instanceof PodSetting.ImagePullSecretFrom i ? i.secret()
        : s instanceof TaskSetting.ContainerImage c ? c.image()
        : s instanceof PodSetting.NodeSelectorFrom n ? n.json()
        : s instanceof PodSetting.NodeAffinityFrom n ? n.json() : null;
    if (s instanceof TaskSetting.AcceleratorFrom af) {
      return java.util.stream.Stream.of(af.type(), af.count()).filter(x -> !(x instanceof Argument.Constant)).toList();
    }
    return a == null || a instanceof Argument.Constant ? List.of() : List.of(a);
  }

  /** The arguments a group itself reads: its predicate's operands, or the list its loop runs over. */
  public static List<Argument> groupArguments(Node group) {
    List<Argument> out = new ArrayList<>();
    if (group instanceof Condition c && c.predicate() != null) {
      operands(c.predicate(), out);
    }
    if (group instanceof Loop l && l.items() instanceof Loop.Over over) {
      out.add(over.source());
    }
    return out;
  }

  /** The arguments compared in {@code p}, in the order written. */
  public static void operands(Predicate p, List<Argument> out) {
    for (Predicate.Comparison c : comparisons(p)) {
      out.add(c.left());
      out.add(c.right());
    }
  }

  /** The comparisons {@code p} is made of, under its nots, ands and ors, in the order written. */
  public static List<Predicate.Comparison> comparisons(Predicate p) {
    List<Predicate.Comparison> out = new ArrayList<>();
    comparisons(p, out);
    return out;
  }

  private static void comparisons(Predicate p, List<Predicate.Comparison> out) {
    if (p instanceof Predicate.Comparison c) {
      out.add(c);
    } else if (p instanceof Predicate.Not n) {
      comparisons(n.predicate(), out);
    } else {
      for (Predicate q : p instanceof Predicate.All all ? all.predicates() : ((Predicate.Any) p).predicates()) {
        comparisons(q, out);
      }
    }
  }

  static List<Node> mapTasks(List<Node> nodes, UnaryOperator<Task> f) {
    return replaceTasks(nodes, f::apply, true);
  }

  /**
   * {@code nodes} with each task replaced by {@code f} of it (a step of any kind), at any depth;
   * inside the pipelines called too when {@code intoCalls}.
   */
  public static List<Node> replaceTasks(List<Node> nodes, java.util.function.Function<Task, Step> f, boolean intoCalls) {
    List<Node> out = new ArrayList<>();
    for (Node n : nodes) {
      out.add(replace(n, f, intoCalls));
    }
    return out;
  }

  private static Node replace(Node n, java.util.function.Function<Task, Step> f, boolean intoCalls) {
    if (n instanceof Task t) {
      return f.apply(t);
    }
    if (n instanceof CalledPipeline c && intoCalls) {
      Pipeline p = c.pipeline();
      return new CalledPipeline(c.name(), p.withNodes(replaceTasks(p.nodes(), f, true)), c.arguments(), c.after(), c.settings());
    }
    if (n instanceof Condition c) {
      return c.withBody(replaceTasks(c.body(), f, intoCalls));
    }
    if (n instanceof Loop l) {
      return l.withBody(replaceTasks(l.body(), f, intoCalls));
    }
    if (n instanceof Branches b) {
      List<Condition> branches = new ArrayList<>();
      for (Condition c : b.branches()) {
        branches.add((Condition) replace(c, f, intoCalls));
      }
      return new Branches(b.name(), branches);
    }
    return n;
  }

  /**
   * The groups of {@code nodes} in the order the processor numbers them: each before its body, but the first branch of a
   * chain after its body, as KFP 2's compiler numbers a {@code dsl.If} followed by a {@code dsl.Elif} or {@code dsl.Else}.
   */
  static List<Node> numberingOrder(List<Node> nodes) {
    List<Node> out = new ArrayList<>();
    for (Node n : nodes) {
      if (n instanceof Branches b) {
        out.add(b);
        for (int i = 0; i < b.branches().size(); i++) {
          Condition c = b.branches().get(i);
          if (i == 0) {
            out.addAll(numberingOrder(c.body()));
            out.add(c);
          } else {
            out.add(c);
            out.addAll(numberingOrder(c.body()));
          }
        }
      } else if (n instanceof Condition c) {
        out.add(c);
        out.addAll(numberingOrder(c.body()));
      } else if (n instanceof Loop l) {
        out.add(l);
        out.addAll(numberingOrder(l.body()));
      }
    }
    return out;
  }
}
