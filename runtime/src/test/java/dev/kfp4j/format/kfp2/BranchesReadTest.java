package dev.kfp4j.format.kfp2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kfp4j.format.TestComponents;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Branches;
import dev.kfp4j.model.Condition;
import dev.kfp4j.model.Node;
import dev.kfp4j.model.Parameter;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.Predicate;
import dev.kfp4j.model.Task;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An if/elif/else chain reads back as written from its KFP 2 spec, found by RandomRoundTripTest
 * (in kfp4j-testing): branches numbered across a digit boundary ({@code condition-9},
 * {@code condition-10}) in the order they were made, not of the DAG's sorted keys; and a branch
 * whose own predicate is an {@code &&}, kept apart from the negations of the earlier branches.
 */
class BranchesReadTest {
  private static final Argument N = new Argument.PipelineParameter("n");

  private static Predicate n(Predicate.Operator op, int value) {
    return new Predicate.Comparison(N, op, new Argument.Constant(String.valueOf(value), ParameterType.INTEGER));
  }

  private static Task echo(String name) {
    return new Task(name, TestComponents.ECHO, Map.of("msg", Argument.Constant.of(name)));
  }

  private static Pipeline pipeline(Node... nodes) {
    return new Pipeline("branches", null, List.of(new Parameter("n", ParameterType.INTEGER, "3", null)), List.of(nodes), null,
        PipelineSettings.DEFAULTS, null);
  }

  @Test
  void branchesNumberedPastNineReadBackInTheirOrder() {
    Branches chain = new Branches("condition-branches-8", List.of(
        new Condition("condition-9", n(Predicate.Operator.GT, 5), List.of(echo("big"))),
        new Condition("condition-10", n(Predicate.Operator.LT, 0), List.of(echo("negative"))),
        new Condition("condition-11", null, List.of(echo("small")))));
    Pipeline p = pipeline(chain);
    String yaml = Kfp2Writer.write(p);
    assertEquals(p.nodes(), Kfp2Reader.read(yaml, "branches.yaml").nodes(), yaml);
  }

  @Test
  void aBranchWhosePredicateIsAnAndReadsBackAsItself() {
    Predicate between = new Predicate.All(List.of(n(Predicate.Operator.GE, 0), n(Predicate.Operator.LE, 5)));
    Branches chain = new Branches("condition-branches-1", List.of(
        new Condition("condition-2", n(Predicate.Operator.GT, 5), List.of(echo("big"))),
        new Condition("condition-3", between, List.of(echo("small"))),
        new Condition("condition-4", null, List.of(echo("negative")))));
    Condition both = new Condition("condition-5", new Predicate.All(List.of(between, n(Predicate.Operator.NE, 2))),
        List.of(echo("odd")));
    String yaml = Kfp2Writer.write(pipeline(chain, both));
    Pipeline back = Kfp2Reader.read(yaml, "branches.yaml");
    assertEquals(chain, back.node(chain.name()).orElseThrow(), yaml);
    assertEquals(both, back.node(both.name()).orElseThrow(), yaml);
  }
}
