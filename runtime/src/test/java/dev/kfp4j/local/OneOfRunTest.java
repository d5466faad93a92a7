package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.argo.ArgoWriter;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
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
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ContainerSpec;
import dev.kfp4j.spec.InputSpec;
import dev.kfp4j.spec.OutputSpec;
import dev.kfp4j.spec.Placeholder;
import dev.kfp4j.spec.TypeSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output of whichever branch of a chain ran ({@link Argument.OneOf}, KFP 2's {@code
 * dsl.OneOf}): written as KFP 2 and read back as the same model, run locally with the value of
 * the branch that ran, either way, a value or a file (an artifact); refused by the Argo format and by the model when the chain has
 * no else branch.
 */
class OneOfRunTest {
  @TempDir Path dir;

  private static ComponentSpec sh(String name, String script, String input, String output) {
    return new ComponentSpec(name, null, null, null,
        List.of(new InputSpec(input, TypeSpec.named("String"), null, null, false)),
        List.of(new OutputSpec(output, TypeSpec.named("String"), null)),
        new ContainerSpec("alpine:3", List.of(new Placeholder.Literal("sh")), List.of(new Placeholder.Literal("-c"),
            new Placeholder.Literal(script), new Placeholder.InputValue(input), new Placeholder.OutputPath(output)), null, null),
        null);
  }

  private static final ComponentSpec FLIP = sh("flip", "printf %s \"$0\" > \"$1\"", "side", "side");
  private static final ComponentSpec SAY = sh("say", "printf 'said %s' \"$0\" > \"$1\"", "text", "out");

  private static Pipeline pipeline(boolean withElse) {
    Predicate heads = new Predicate.Comparison(new Argument.TaskOutput("flip", "side"), Predicate.Operator.EQ,
        Argument.Constant.of("heads"));
    Predicate tails = new Predicate.Comparison(new Argument.TaskOutput("flip", "side"), Predicate.Operator.EQ,
        Argument.Constant.of("tails"));
    Branches chain = new Branches("condition-branches-1", List.of(
        new Condition("condition-2", heads, List.of(new Task("say-heads", SAY, Map.of("text", Argument.Constant.of("H"))))),
        new Condition("condition-3", withElse ? null : tails,
            List.of(new Task("say-tails", SAY, Map.of("text", Argument.Constant.of("T")))))));
    Argument.OneOf said = new Argument.OneOf("condition-branches-1",
        List.of(new Argument.TaskOutput("say-heads", "out"), new Argument.TaskOutput("say-tails", "out")));
    Condition cheer = new Condition("condition-4", new Predicate.Comparison(said, Predicate.Operator.EQ, Argument.Constant.of("said H")),
        List.of(new Task("cheer", SAY, Map.of("text", Argument.Constant.of("yay")))));
    List<Node> nodes = List.of(new Task("flip", FLIP, Map.of("side", new Argument.PipelineParameter("side"))), chain,
        new Task("say", SAY, Map.of("text", said)), cheer);
    return new Pipeline("one-of", null, List.of(new Parameter("side", ParameterType.STRING, "heads", null)), nodes, null,
        PipelineSettings.DEFAULTS, null, Map.of("said", said));
  }

  @Test
  void readsBackAsWritten() {
    Pipeline p = pipeline(true);
    String yaml = Kfp2Writer.write(p);
    assertTrue(yaml.contains("valueFromOneof"), yaml);
    Pipeline back = Kfp2Reader.read(yaml, "one-of.yaml");
    // (the reader gives the branches' tasks the chain's dependency on flip as their own: after=[flip])
    assertEquals(p.node("say").map(n -> ((Task) n).arguments()), back.node("say").map(n -> ((Task) n).arguments()), yaml);
    assertEquals(p.outputs(), back.outputs(), yaml);
    assertEquals(yaml, Kfp2Writer.write(back));
  }

  @Test
  void theTaskAfterTheChainGetsTheOutputOfTheBranchThatRan() {
    Workflow w = Workflow.parse(Kfp2Writer.write(pipeline(true)), "one-of.yaml");
    LocalRunner runner = LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).build();
    RunResult heads = runner.run(w, Map.of());
    assertTrue(heads.succeeded(), () -> String.valueOf(heads.failedTask()));
    assertEquals("said said H", heads.output("say", "out"));
    assertEquals("said yay", heads.output("condition-4/cheer", "out"), "a condition on the chain's output");
    RunResult tails = runner.run(w, Map.of("side", "tails"));
    assertTrue(tails.succeeded(), () -> String.valueOf(tails.failedTask()));
    assertEquals("said said T", tails.output("say", "out"));
    assertEquals(TaskResult.State.Skipped, tails.task("condition-4").orElseThrow().state());
  }

  @Test
  void aChainsOutputReadOnlyByAConditionIsWrittenToo() {
    Pipeline p = pipeline(true);
    Pipeline onlyCompared = new Pipeline(p.name(), null, p.parameters(),
        p.nodes().stream().filter(n -> !n.name().equals("say")).toList(), null, PipelineSettings.DEFAULTS, null);
    String yaml = Kfp2Writer.write(onlyCompared);
    assertTrue(yaml.contains("pipelinechannel--condition-branches-1-oneof-1:"), yaml);
    assertEquals(yaml, Kfp2Writer.write(Kfp2Reader.read(yaml, "one-of.yaml")));
  }

  @Test
  void argoHasNoFormForIt() {
    FormatException e = assertThrows(FormatException.class, () -> ArgoWriter.write(pipeline(true)));
    assertTrue(e.getMessage().contains("KFP 2 format only"), e.getMessage());
  }

  @Test
  void aChainWithoutAnElseBranchIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pipeline(false));
    assertTrue(e.getMessage().contains("no else branch"), e.getMessage());
  }

  /** A shell component writing its text to a {@code Dataset} file, or reading one into a value. */
  private static ComponentSpec file(String name, boolean writes) {
    String script = writes ? "printf %s \"$0\" > \"$1\"" : "cat \"$0\" > \"$1\"";
    InputSpec in = writes ? new InputSpec("text", TypeSpec.named("String"), null, null, false)
        : new InputSpec("data", TypeSpec.named("Dataset"), null, null, false);
    OutputSpec out = writes ? new OutputSpec("data", TypeSpec.named("Dataset"), null) : new OutputSpec("out", TypeSpec.named("String"), null);
    Placeholder input = writes ? new Placeholder.InputValue("text") : new Placeholder.InputPath("data");
    return new ComponentSpec(name, null, null, null, List.of(in), List.of(out),
        new ContainerSpec("alpine:3", List.of(new Placeholder.Literal("sh")),
            List.of(new Placeholder.Literal("-c"), new Placeholder.Literal(script), input, new Placeholder.OutputPath(out.name())), null, null),
        null);
  }

  @Test
  void aFileOutputOfTheBranchThatRanIsGivenAsAnArtifact() {
    ComponentSpec write = file("write", true);
    Predicate isHeads = new Predicate.Comparison(new Argument.PipelineParameter("side"), Predicate.Operator.EQ, Argument.Constant.of("heads"));
    Branches chain = new Branches("condition-branches-1", List.of(
        new Condition("condition-2", isHeads, List.of(new Task("write-heads", write, Map.of("text", Argument.Constant.of("H"))))),
        new Condition("condition-3", null, List.of(new Task("write-tails", write, Map.of("text", Argument.Constant.of("T")))))));
    Argument.OneOf data = new Argument.OneOf("condition-branches-1",
        List.of(new Argument.TaskOutput("write-heads", "data"), new Argument.TaskOutput("write-tails", "data")));
    Pipeline p = new Pipeline("one-of-files", null, List.of(new Parameter("side", ParameterType.STRING, "heads", null)),
        List.of(chain, new Task("read", file("read", false), Map.of("data", data))), null, PipelineSettings.DEFAULTS, null);
    String yaml = Kfp2Writer.write(p);
    assertTrue(yaml.contains("- outputArtifactKey: pipelinechannel--write-heads-data\n              producerSubtask: condition-2"), yaml);
    assertEquals(yaml, Kfp2Writer.write(Kfp2Reader.read(yaml, "one-of-files.yaml")));
    Workflow w = Workflow.parse(yaml, "one-of-files.yaml");
    LocalRunner runner = LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).build();
    RunResult heads = runner.run(w, Map.of());
    assertTrue(heads.succeeded(), () -> String.valueOf(heads.failedTask()));
    assertEquals("H", heads.output("read", "out"));
    RunResult tails = runner.run(w, Map.of("side", "tails"));
    assertTrue(tails.succeeded(), () -> String.valueOf(tails.failedTask()));
    assertEquals("T", tails.output("read", "out"));
  }
}
