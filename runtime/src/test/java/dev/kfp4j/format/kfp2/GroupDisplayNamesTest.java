package dev.kfp4j.format.kfp2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.kfp4j.format.TestComponents;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Branches;
import dev.kfp4j.model.Condition;
import dev.kfp4j.model.Loop;
import dev.kfp4j.model.Node;
import dev.kfp4j.model.Parameter;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.Predicate;
import dev.kfp4j.model.Task;
import dev.kfp4j.yaml.Yaml;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A condition's, a branch's and a loop's own name ({@code dsl.If(c, name='big')}, {@code dsl.Else(name=...)}, {@code
 * dsl.ParallelFor(items, name='loop')}) is the {@code taskInfo.name} of the group's task, whose key stays {@code
 * condition-N} / {@code for-loop-N}, and reads back as the group's display name.
 */
class GroupDisplayNamesTest {
  private static final Argument N = new Argument.PipelineParameter("n");

  private static Predicate n(Predicate.Operator op, int value) {
    return new Predicate.Comparison(N, op, new Argument.Constant(String.valueOf(value), ParameterType.INTEGER));
  }

  private static Task echo(String name, Argument msg) {
    return new Task(name, TestComponents.ECHO, Map.of("msg", msg));
  }

  private static Pipeline pipeline(Node... nodes) {
    return new Pipeline("named-groups", null, List.of(new Parameter("n", ParameterType.INTEGER, "3", null)), List.of(nodes), null,
        PipelineSettings.DEFAULTS, null);
  }

  @Test
  void namedGroupsAreWrittenAsTheirTasksDisplayNamesAndReadBack() {
    Loop loop = new Loop("for-loop-3", new Loop.Constants(List.of(Argument.Constant.of("a"), Argument.Constant.of("b"))), 0,
        List.of(echo("echo", new Argument.LoopItem("for-loop-3", null))), "loop");
    Condition big = new Condition("condition-1", n(Predicate.Operator.GT, 3), List.of(loop), "big");
    Branches chain = new Branches("condition-branches-4", List.of(
        new Condition("condition-5", n(Predicate.Operator.LT, 0), List.of(echo("echo-2", Argument.Constant.of("neg"))), "negative"),
        new Condition("condition-6", null, List.of(echo("echo-3", Argument.Constant.of("else"))), "other")));
    Pipeline p = pipeline(big, chain);
    String yaml = Kfp2Writer.write(p);
    JsonNode spec = Yaml.readAll(yaml).get(0);
    assertEquals("big", spec.at("/root/dag/tasks/condition-1/taskInfo/name").asString(), yaml);
    assertEquals("loop", spec.at("/components/comp-condition-1/dag/tasks/for-loop-3/taskInfo/name").asString(), yaml);
    assertEquals("condition-branches-4", spec.at("/root/dag/tasks/condition-branches-4/taskInfo/name").asString(), yaml);
    assertEquals("negative", spec.at("/components/comp-condition-branches-4/dag/tasks/condition-5/taskInfo/name").asString(), yaml);
    assertEquals("other", spec.at("/components/comp-condition-branches-4/dag/tasks/condition-6/taskInfo/name").asString(), yaml);
    assertEquals(p.nodes(), Kfp2Reader.read(yaml, "named-groups.yaml").nodes(), yaml);
  }

  @Test
  void aGroupWithoutANameShowsItsKeyAndReadsBackWithNone() {
    Loop loop = new Loop("for-loop-2", new Loop.Constants(List.of(Argument.Constant.of("a"))), 2,
        List.of(echo("echo", new Argument.LoopItem("for-loop-2", null))));
    Condition when = new Condition("condition-3", n(Predicate.Operator.GT, 3), List.of(echo("echo-2", Argument.Constant.of("x"))));
    String yaml = Kfp2Writer.write(pipeline(loop, when));
    JsonNode spec = Yaml.readAll(yaml).get(0);
    assertEquals("for-loop-2", spec.at("/root/dag/tasks/for-loop-2/taskInfo/name").asString(), yaml);
    assertEquals("condition-3", spec.at("/root/dag/tasks/condition-3/taskInfo/name").asString(), yaml);
    Pipeline back = Kfp2Reader.read(yaml, "groups.yaml");
    assertNull(((Loop) back.node("for-loop-2").orElseThrow()).displayName());
    assertNull(((Condition) back.node("condition-3").orElseThrow()).displayName());
  }
}
