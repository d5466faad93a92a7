package dev.kfp4j.format.argo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Branches;
import dev.kfp4j.model.Condition;
import dev.kfp4j.model.Loop;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Predicate;
import dev.kfp4j.yaml.Yaml;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A named condition's Argo group is named as KFP v1's compiler (1.8) names a {@code dsl.Condition(c, name='big')}'s, {@code
 * condition-big-1}; a named loop's keeps its name, as KFP 1.8's {@code dsl.ParallelFor} took none.
 */
class ConditionNamesTest {
  private static Predicate n(Predicate.Operator op, int value) {
    return new Predicate.Comparison(new Argument.PipelineParameter("n"), op, new Argument.Constant(String.valueOf(value),
        ParameterType.INTEGER));
  }

  private static List<String> names(JsonNode tasks) {
    List<String> out = new ArrayList<>();
    tasks.forEach(t -> out.add(t.path("name").asString() + "->" + t.path("template").asString()));
    return out;
  }

  @Test
  void aNamedConditionIsWrittenAsKfpV1NamesItsGroup() {
    Loop loop = new Loop("for-loop-3", new Loop.Constants(List.of(Argument.Constant.of("a"), Argument.Constant.of("b"))), 0,
        List.of(ArgoFormatTest.echo("echo", new Argument.LoopItem("for-loop-3", null))), "loop");
    Condition big = new Condition("condition-1", n(Predicate.Operator.GT, 3), List.of(loop), "big_one");
    Branches chain = new Branches("condition-branches-4", List.of(
        new Condition("condition-5", n(Predicate.Operator.LT, 0), List.of(ArgoFormatTest.echo("echo-2", Argument.Constant.of("neg"))),
            "negative"),
        new Condition("condition-6", null, List.of(ArgoFormatTest.echo("echo-3", Argument.Constant.of("else"))))));
    String yaml = ArgoWriter.write(ArgoFormatTest.pipeline(List.of(big, chain)));
    JsonNode wf = Yaml.read(yaml);
    assertEquals(List.of(), ArgoRules.errors(wf), yaml);
    JsonNode templates = wf.at("/spec/templates");
    List<String> root = names(templates.get(0).at("/dag/tasks"));
    assertEquals(List.of("condition-big-one-1->condition-big-one-1", "condition-negative-5->condition-negative-5",
        "condition-6->condition-6"), root, yaml);
    JsonNode inner = null;
    for (JsonNode t : templates) {
      if (t.path("name").asString().equals("condition-big-one-1")) {
        inner = t;
      }
    }
    assertEquals(List.of("for-loop-3->for-loop-3"), names(inner.at("/dag/tasks")), yaml);
    assertTrue(!yaml.contains("loop:") && !yaml.contains("big_one"), yaml);
  }

  @Test
  void aNameArgoWouldRefuseInTheGroupsNameIsAnErrorSayingWhatToDo() {
    Condition big = new Condition("condition-1", n(Predicate.Operator.GT, 3), List.of(ArgoFormatTest.echo("echo",
        Argument.Constant.of("x"))), "Big one!");
    FormatException e = assertThrows(FormatException.class, () -> ArgoWriter.write(ArgoFormatTest.pipeline(List.of(big))));
    assertEquals("pipeline 'p', condition 'condition-1': its name 'Big one!' makes its Argo group 'condition-Big one!-1' (KFP "
        + "v1's compiler puts a condition's name into its group's), which Argo refuses: a name of letters, digits, '-' and '_' "
        + "makes one it takes (at most 128 characters in all); or write this pipeline in the KFP 2 format only", e.getMessage());
  }

  @Test
  void aNameThatMakesTheNameOfAnotherTaskIsAnError() {
    Condition big = new Condition("condition-1", n(Predicate.Operator.GT, 3), List.of(ArgoFormatTest.echo("echo",
        Argument.Constant.of("x"))), "big");
    FormatException e = assertThrows(FormatException.class, () -> ArgoWriter.write(ArgoFormatTest.pipeline(List.of(big,
        ArgoFormatTest.echo("condition-big-1", Argument.Constant.of("y"))))));
    assertTrue(e.getMessage().endsWith("makes its Argo group 'condition-big-1' (KFP v1's compiler puts a condition's name into its "
        + "group's), which is the name of another task or group: give the condition another name"), e.getMessage());
  }
}
