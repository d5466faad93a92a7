package dev.kfp4j.format.kfp2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.TaskResult;
import dev.kfp4j.local.Workflow;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Condition;
import dev.kfp4j.model.Loop;
import dev.kfp4j.model.Parameter;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.Predicate;
import dev.kfp4j.model.Task;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ContainerSpec;
import dev.kfp4j.spec.InputSpec;
import dev.kfp4j.spec.OutputSpec;
import dev.kfp4j.spec.Placeholder;
import dev.kfp4j.spec.TypeSpec;
import dev.kfp4j.yaml.Yaml;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two loops over the same list, one inside the other, and a condition in the inner one comparing
 * both items: each item is its own channel in the KFP 2 spec. Both were {@code
 * pipelinechannel--xs-loop-item}, so inside the inner loop the outer item was the inner one: read
 * back, the condition compared the inner item with itself, and a run did the same (found by
 * {@code RandomRoundTripTest} with 3,000 models).
 */
class NestedLoopItemsTest {
  @TempDir Path dir;

  private static final ComponentSpec ECHO = new ComponentSpec("echo", null, null, null,
      List.of(new InputSpec("text", TypeSpec.named("String"), null, null, false)),
      List.of(new OutputSpec("out", TypeSpec.named("String"), null)),
      new ContainerSpec("alpine:3", List.of(new Placeholder.Literal("sh")), List.of(new Placeholder.Literal("-c"),
          new Placeholder.Literal("printf %s \"$0\" > \"$1\""), new Placeholder.InputValue("text"), new Placeholder.OutputPath("out")),
          null, null), null);

  private static Pipeline pipeline() {
    Argument outer = new Argument.LoopItem("for-loop-1", null);
    Argument inner = new Argument.LoopItem("for-loop-2", null);
    Task echo = new Task("echo", ECHO, Map.of("text", outer));
    Condition differ = new Condition("condition-3", new Predicate.Comparison(outer, Predicate.Operator.NE, inner), List.of(echo));
    Argument xs = new Argument.PipelineParameter("xs");
    Loop innerLoop = new Loop("for-loop-2", new Loop.Over(xs), 0, List.of(differ));
    Loop outerLoop = new Loop("for-loop-1", new Loop.Over(xs), 0, List.of(innerLoop));
    return new Pipeline("pairs", null, List.of(new Parameter("xs", ParameterType.LIST, "[\"a\", \"b\"]", null)),
        List.of(outerLoop), null, PipelineSettings.DEFAULTS, null);
  }

  @Test
  void eachLoopsItemIsItsOwnChannelReadBackAndRunAsWritten() {
    String yaml = Kfp2Writer.write(pipeline());
    var spec = Yaml.readAll(yaml).get(0);
    assertEquals("pipelinechannel--xs-loop-item", spec.at("/root/dag/tasks/for-loop-1/parameterIterator/itemInput").asString());
    assertEquals("pipelinechannel--xs-loop-item-2",
        spec.at("/components/comp-for-loop-1/dag/tasks/for-loop-2/parameterIterator/itemInput").asString(), yaml);
    assertEquals(pipeline().nodes(), Kfp2Reader.read(yaml, "pairs.yaml").nodes(), "read back as written");

    RunResult r = LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(OutputStream.nullOutputStream(), true)).build().run(Workflow.parse(yaml, "pairs.yaml"), Map.of());
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    TreeSet<String> echoed = new TreeSet<>();
    for (TaskResult t : r.tasks()) {
      if (t.name().equals("echo") && t.state() == TaskResult.State.Succeeded) {
        echoed.add(t.id() + "=" + t.outputs().get("out"));
      }
    }
    // (a, b) and (b, a) differ: echo runs twice, each time with the outer item
    assertEquals(2, echoed.size(), echoed::toString);
    assertTrue(echoed.stream().anyMatch(e -> e.endsWith("=a")) && echoed.stream().anyMatch(e -> e.endsWith("=b")), echoed::toString);
  }
}
