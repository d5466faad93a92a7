package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.argo.ArgoReader;
import dev.kfp4j.format.argo.ArgoWriter;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Branches;
import dev.kfp4j.model.Condition;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A condition that holds when any of its parts does ({@link Predicate.Any}): Argo's {@code ||},
 * CEL's {@code ||}; each format writes it and reads it back as the same predicate, also negated
 * and joined with {@code &&} in an else branch, and the local runner takes the branch it selects.
 */
class AnyPredicateTest {
  @TempDir Path dir;

  private static final ComponentSpec ECHO = new ComponentSpec("echo", null, null, null,
      List.of(new InputSpec("text", TypeSpec.named("String"), null, null, false)),
      List.of(new OutputSpec("out", TypeSpec.named("String"), null)),
      new ContainerSpec("alpine:3", List.of(new Placeholder.Literal("sh")), List.of(new Placeholder.Literal("-c"),
          new Placeholder.Literal("printf %s \"$0\" > \"$1\""), new Placeholder.InputValue("text"), new Placeholder.OutputPath("out")),
          null, null), null);

  /** side == 'heads' || (n > 5 && n < 100), else the other branch; and a plain task after. */
  private static Pipeline pipeline() {
    Predicate heads = new Predicate.Comparison(new Argument.TaskOutput("flip", "out"), Predicate.Operator.EQ, Argument.Constant.of("heads"));
    Predicate big = new Predicate.All(List.of(
        new Predicate.Comparison(new Argument.PipelineParameter("n"), Predicate.Operator.GT, new Argument.Constant("5", ParameterType.INTEGER)),
        new Predicate.Comparison(new Argument.PipelineParameter("n"), Predicate.Operator.LT, new Argument.Constant("100", ParameterType.INTEGER))));
    Branches branches = new Branches("condition-branches-1", List.of(
        new Condition("condition-2", new Predicate.Any(List.of(heads, big)),
            List.of(new Task("yes", ECHO, Map.of("text", Argument.Constant.of("yes"))))),
        new Condition("condition-3", null, List.of(new Task("no", ECHO, Map.of("text", Argument.Constant.of("no")))))));
    return new Pipeline("any-of", null, List.of(new Parameter("side", ParameterType.STRING, "tails", null),
        new Parameter("n", ParameterType.INTEGER, "3", null)),
        List.of(new Task("flip", ECHO, Map.of("text", new Argument.PipelineParameter("side"))), branches), null,
        PipelineSettings.DEFAULTS, null);
  }

  private String branch(String yaml, Map<String, String> arguments) {
    RunResult r = LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(OutputStream.nullOutputStream(), true)).build().run(Workflow.parse(yaml, "any-of.yaml"), arguments);
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    return r.tasks().stream().filter(t -> t.state() == TaskResult.State.Succeeded && !t.name().equals("flip"))
        .map(TaskResult::name).filter(n -> n.equals("yes") || n.equals("no")).findFirst().orElseThrow();
  }

  private void runs(String yaml) {
    assertEquals("no", branch(yaml, Map.of()));
    assertEquals("yes", branch(yaml, Map.of("side", "heads")), "the first part holds");
    assertEquals("yes", branch(yaml, Map.of("n", "50")), "the second part holds");
    assertEquals("no", branch(yaml, Map.of("n", "500")));
  }

  @Test
  void argoWritesOrReadsItBackAndRunsIt() {
    Pipeline p = pipeline();
    String yaml = ArgoWriter.write(p);
    String when = Yaml.read(yaml).at("/spec/templates/0/dag/tasks/1/when").asString();
    assertEquals("{{=(tasks['flip'].outputs.parameters['out'] == 'heads') || ((asFloat(workflow.parameters['n']) > 5) && "
        + "(asFloat(workflow.parameters['n']) < 100))}}", when);
    Branches b = (Branches) p.nodes().get(1);
    Pipeline back = ArgoReader.read(yaml, "any-of.yaml");
    assertEquals(b.effectivePredicate(0), ((Condition) back.nodes().get(1)).predicate());
    assertEquals(b.effectivePredicate(1), ((Condition) back.nodes().get(2)).predicate(), "the else branch: !(a || (b && c))");
    runs(yaml);
  }

  @Test
  void kfp2WritesOrInCelReadsItBackAndRunsIt() {
    Pipeline p = pipeline();
    String yaml = Kfp2Writer.write(p);
    assertTrue(yaml.contains(" || "), yaml);
    Pipeline back = Kfp2Reader.read(yaml, "any-of.yaml");
    Branches read = (Branches) back.node("condition-branches-1").orElseThrow();
    assertEquals(((Branches) p.nodes().get(1)).branches().get(0).predicate(), read.branches().get(0).predicate());
    assertEquals(null, read.branches().get(1).predicate(), "the else branch");
    runs(yaml);
  }
}
