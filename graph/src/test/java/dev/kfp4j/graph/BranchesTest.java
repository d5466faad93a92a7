package dev.kfp4j.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Branches;
import dev.kfp4j.model.Condition;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Predicate;
import dev.kfp4j.model.Predicate.Operator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An if / elif / else chain (KFP 2's dsl.If, dsl.Elif, dsl.Else): a group holding one group per branch. */
class BranchesTest {
  static Predicate compare(String output, Operator op, String value) {
    return new Predicate.Comparison(new Argument.TaskOutput("roll", output), op, new Argument.Constant(value, ParameterType.INTEGER));
  }

  static Pipeline pipeline() {
    Branches chain = new Branches("branches-1", List.of(
        new Condition("condition-2", compare("Output", Operator.GT, "4"), List.of(LayoutTest.task("high", Map.of()))),
        new Condition("condition-3", new Predicate.All(List.of(compare("Output", Operator.LE, "4"),
            new Predicate.Not(compare("Output", Operator.EQ, "1")))), List.of(LayoutTest.task("middle", Map.of()))),
        new Condition("condition-4", null, List.of(LayoutTest.task("low", Map.of())))));
    return new Pipeline("dice", null, List.of(), List.of(LayoutTest.task("roll", Map.of()), chain), null, null, null);
  }

  @Test
  void eachBranchIsAGroupInsideTheChain() {
    Pipeline p = pipeline();
    SvgPicture pic = PictureChecks.svg(p, PipelineGraph.svg(p));
    assertEquals(List.of("if / elif / else"), pic.groups().get("branches-1").texts());
    assertEquals(List.of("if roll.Output > 4"), pic.groups().get("condition-2").texts());
    assertEquals(List.of("elif roll.Output <= 4 and not (roll.Output == 1)"), pic.groups().get("condition-3").texts());
    assertEquals(List.of("else"), pic.groups().get("condition-4").texts());
    for (String branch : List.of("condition-2", "condition-3", "condition-4")) {
      assertTrue(pic.groups().get("branches-1").rect().contains(pic.groups().get(branch).rect()), branch);
    }
    assertEquals(List.of("Output → condition"), pic.edges("roll", "condition-2").get(0).label());
    // the else waits for what the conditions before it read, and the branches read left to right
    assertEquals(List.of("Output → condition"), pic.edges("roll", "condition-4").get(0).label());
    assertTrue(pic.groups().get("condition-2").rect().x() < pic.groups().get("condition-3").rect().x());
    assertTrue(pic.groups().get("condition-3").rect().x() < pic.groups().get("condition-4").rect().x());
    PictureChecks.mermaid(p, PipelineGraph.mermaid(p));
  }

  @Test
  void theChainSaysWhichBranchesItHas() {
    Condition high = new Condition("condition-2", compare("Output", Operator.GT, "4"), List.of(LayoutTest.task("high", Map.of())));
    Condition middle = new Condition("condition-3", compare("Output", Operator.GT, "2"), List.of(LayoutTest.task("middle", Map.of())));
    Condition low = new Condition("condition-4", null, List.of(LayoutTest.task("low", Map.of())));
    for (var chain : Map.of("if / else", List.of(high, low), "if / elif", List.of(high, middle)).entrySet()) {
      Pipeline p = new Pipeline("dice", null, List.of(),
          List.of(LayoutTest.task("roll", Map.of()), new Branches("branches-1", chain.getValue())), null, null, null);
      assertEquals(List.of(chain.getKey()), PictureChecks.svg(p, PipelineGraph.svg(p)).groups().get("branches-1").texts());
    }
  }
}
