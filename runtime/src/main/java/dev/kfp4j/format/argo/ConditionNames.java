package dev.kfp4j.format.argo;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.model.Branches;
import dev.kfp4j.model.Condition;
import dev.kfp4j.model.Loop;
import dev.kfp4j.model.Node;
import dev.kfp4j.model.Pipeline;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Argo names of conditions that have a name of their own, as KFP v1's compiler (1.8) names a {@code dsl.Condition(c,
 * name='big')}: the name goes into the group's, {@code condition-big-1} where an unnamed one is {@code condition-1} (its
 * {@code '_'} written {@code '-'}), the DAG template and the task running it. A branch of a chain is named so too; a loop's
 * name ({@code dsl.ParallelFor} took none in KFP 1.8) and an exit handler's (KFP 1.8 keeps it and writes it nowhere) are not
 * written.
 */
final class ConditionNames {
  /** A group's name as kfp4j and KFP number it, with what comes before: {@code condition-3}, {@code inner-condition-3}. */
  private static final Pattern NUMBERED = Pattern.compile("(.*\\bcondition)-(\\d+)");

  private final Pipeline pipeline;
  private final Set<String> taken = new HashSet<>();

  private ConditionNames(Pipeline pipeline) {
    this.pipeline = pipeline;
    pipeline.allNodes().forEach(n -> taken.add(n.name()));
  }

  /** {@code p} with each named condition renamed as KFP v1 names it; {@code p} itself when none has a name. */
  static Pipeline of(Pipeline p) {
    if (p.allNodes().stream().noneMatch(n -> n instanceof Condition c && c.displayName() != null)) {
      return p;
    }
    ConditionNames names = new ConditionNames(p);
    return p.withNodes(names.nodes(p.nodes(), false));
  }

  private List<Node> nodes(List<Node> nodes, boolean inChain) {
    List<Node> out = new ArrayList<>(nodes.size());
    for (Node n : nodes) {
      if (n instanceof Condition c) {
        out.add(condition(c, inChain));
      } else if (n instanceof Loop l) {
        out.add(l.withBody(nodes(l.body(), false)));
      } else if (n instanceof Branches b) {
        List<Condition> branches = new ArrayList<>();
        nodes(new ArrayList<>(b.branches()), true).forEach(x -> branches.add((Condition) x));
        out.add(new Branches(b.name(), branches));
      } else {
        out.add(n);
      }
    }
    return out;
  }

  /** {@code c} renamed when it has a name of its own and is a condition (not the group of an exit handler, without predicate). */
  private Condition condition(Condition c, boolean inChain) {
    List<Node> body = nodes(c.body(), false);
    Matcher m = NUMBERED.matcher(c.name());
    if (c.displayName() == null || (c.predicate() == null && !inChain) || !m.matches()) {
      return new Condition(c.name(), c.predicate(), body, c.displayName());
    }
    String name = m.group(1) + "-" + c.displayName().replace('_', '-') + "-" + m.group(2);
    if (!ArgoRules.isFieldName(name)) {
      throw new FormatException("pipeline '" + pipeline.name() + "', condition '" + c.name() + "': its name '" + c.displayName()
          + "' makes its Argo group '" + name + "' (KFP v1's compiler puts a condition's name into its group's), which Argo "
          + "refuses: a name of letters, digits, '-' and '_' makes one it takes (at most 128 characters in all); "
          + "or write this pipeline in the KFP 2 format only");
    }
    if (!taken.add(name)) {
      throw new FormatException("pipeline '" + pipeline.name() + "', condition '" + c.name() + "': its name '" + c.displayName()
          + "' makes its Argo group '" + name + "' (KFP v1's compiler puts a condition's name into its group's), which is the "
          + "name of another task or group: give the condition another name");
    }
    return new Condition(name, c.predicate(), body, c.displayName());
  }
}
