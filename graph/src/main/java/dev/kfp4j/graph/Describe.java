package dev.kfp4j.graph;

import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Loop;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Predicate;
import java.util.ArrayList;
import java.util.List;

/**
 * Arguments, conditions and loop items written as a reader of the pipeline's Java would: {@code
 * flip-coin.Output == "heads"}, {@code params.seed}, {@code item.name}, whatever format the
 * pipeline was read from.
 */
final class Describe {
  private Describe() {}

  /** Constant items shown in a loop's label before the rest are counted. */
  static final int ITEMS_SHOWN = 5;

  /**
   * A task's output as {@code task.output}, a pipeline parameter as {@code params.name}, the loop
   * item as {@code item}, a value of the run as {@code run.id}, {@code run.name}, {@code
   * run.status} (and {@code run.resourceName}, {@code run.createTime}, {@code run.scheduleTime},
   * {@code task.name}, {@code task.id}), a loop's collected outputs as {@code task.output collected}.
   */
  static String argument(Argument a) {
    if (a instanceof Argument.RunValue r) {
      return switch (r.kind()) {
        case RUN_ID -> "run.id";
        case RUN_NAME -> "run.name";
        case STATUS -> "run.status";
        case RESOURCE_NAME -> "run.resourceName";
        case CREATE_TIME -> "run.createTime";
        case SCHEDULE_TIME -> "run.scheduleTime";
        case TASK_NAME -> "task.name";
        case TASK_ID -> "task.id";
      };
    }
    if (a instanceof Argument.OneOf o) {
      return "one of " + o.outputs().stream().map(x -> x.task() + "." + x.output()).collect(java.util.stream.Collectors.joining(", "));
    }
    if (a instanceof Argument.Collected c) {
      return c.task() + "." + c.output() + " collected";
    }
    if (a instanceof Argument.TaskOutput o) {
      return o.task() + "." + o.output();
    }
    if (a instanceof Argument.PipelineParameter p) {
      return "params." + p.name();
    }
    if (a instanceof Argument.LoopItem i) {
      return i.field() == null ? "item" : "item." + i.field();
    }
    return constant((Argument.Constant) a);
  }

  /** Text in quotes, other constants (numbers, booleans, JSON) as written. */
  static String constant(Argument.Constant c) {
    if (c.type() == ParameterType.STRING) {
      return '"' + c.text().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
    return c.text();
  }

  /** {@code a == b}, {@code not (a == b)}, {@code a == b and c < d}, {@code a == b or (c < d and e > f)}. */
  static String predicate(Predicate p) {
    if (p instanceof Predicate.Comparison c) {
      return argument(c.left()) + " " + c.operator().symbol() + " " + argument(c.right());
    }
    if (p instanceof Predicate.Not n) {
      return "not (" + predicate(n.predicate()) + ")";
    }
    boolean all = p instanceof Predicate.All;
    List<String> parts = new ArrayList<>();
    for (Predicate q : all ? ((Predicate.All) p).predicates() : ((Predicate.Any) p).predicates()) {
      boolean group = q instanceof Predicate.Any || (!all && q instanceof Predicate.All);
      parts.add(group ? "(" + predicate(q) + ")" : predicate(q));
    }
    return String.join(all ? " and " : " or ", parts);
  }

  /** {@code for each item in [1, 2, 3], 2 at a time}; past {@value #ITEMS_SHOWN} constants, how many more. */
  static String loop(Loop loop) {
    String items;
    if (loop.items() instanceof Loop.Constants c) {
      List<String> shown = new ArrayList<>();
      for (Argument.Constant v : c.values().subList(0, Math.min(ITEMS_SHOWN, c.values().size()))) {
        shown.add(constant(v));
      }
      int more = c.values().size() - shown.size();
      if (more > 0) {
        shown.add("… " + more + " more");
      }
      items = "[" + String.join(", ", shown) + "]";
    } else {
      items = argument(((Loop.Over) loop.items()).source());
    }
    return "for each item in " + items + (loop.parallelism() > 0 ? ", " + loop.parallelism() + " at a time" : "");
  }
}
