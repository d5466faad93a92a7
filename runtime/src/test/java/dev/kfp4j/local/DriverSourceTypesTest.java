package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.kfp2.Kfp2Writer;
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
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ContainerSpec;
import dev.kfp4j.spec.InputSpec;
import dev.kfp4j.spec.OutputSpec;
import dev.kfp4j.spec.Placeholder;
import dev.kfp4j.spec.TypeSpec;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * KFP's driver checks the value of every input parameter of a task against the input's type, whatever gives it ({@code
 * handleParamTypeValidationAndConversion}, deferred to the end of {@code resolveInputs} in {@code
 * backend/src/v2/driver/resolve.go}): a constant is a protobuf value of its JSON kind ({@code runtimeValue.constant}), a
 * collected list a list ({@code CollectInputs}), a {@code dsl.OneOf} the branch's output, a loop's item an item of the list.
 * Foreign KFP 2 files giving a value of another kind than the input's (which kfp4j's processor never writes): the task fails
 * as on KFP, and a {@code STRING} input takes the value as its text. Before, a local run checked only pipeline inputs and
 * task outputs, and ran these tasks given the text.
 */
class DriverSourceTypesTest {
  @TempDir Path dir;

  /** A component printing its input {@code n} of type {@code type} to its output {@code out}. */
  private static ComponentSpec echo(String name, String type) {
    return new ComponentSpec(name, null, null, null, List.of(new InputSpec("n", TypeSpec.named(type), null, null, false)),
        List.of(new OutputSpec("out", TypeSpec.named("String"), null)),
        new ContainerSpec("alpine:3", List.of(new Placeholder.Literal("sh")), List.of(new Placeholder.Literal("-c"),
            new Placeholder.Literal("mkdir -p \"$(dirname \"$1\")\" && printf %s \"$0\" > \"$1\""), new Placeholder.InputValue("n"),
            new Placeholder.OutputPath("out")), null, null),
        null);
  }

  private static final ComponentSpec TEXT = echo("text", "String");
  private static final ComponentSpec NUMBER = echo("number", "Integer");

  private RunResult run(List<Node> nodes, List<Parameter> parameters, Map<String, String> arguments) {
    Pipeline p = new Pipeline("driver-sources", null, parameters, nodes, null, PipelineSettings.DEFAULTS, null);
    return LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(OutputStream.nullOutputStream(), true)).build()
        .run(Workflow.parse(Kfp2Writer.write(p), "driver-sources.yaml"), arguments);
  }

  private static void failsWith(RunResult r, String task, String expect, String got) {
    assertFalse(r.succeeded());
    assertEquals("task '" + task + "': input parameter 'n' type mismatch: expect " + expect + ", got " + got + "; KFP's driver "
        + "fails the task (resolveInputs in backend/src/v2/driver/resolve.go)", r.failedTask().orElseThrow().message());
  }

  /** {@link DriverInputTypesTest#SPEC} with its task's input a constant, {@code constant} (YAML), the input of type {@code type}. */
  private RunResult constant(String constant, String type) {
    String line = DriverInputTypesTest.SPEC.lines().filter(l -> l.endsWith("componentInputParameter: x")).findFirst().orElseThrow();
    String indent = line.substring(0, line.indexOf('c'));
    String yaml = DriverInputTypesTest.SPEC.replace(line, indent + "runtimeValue:\n" + indent + "  constant: " + constant)
        .replace("parameterType: TO", "parameterType: " + type).replace("parameterType: FROM", "parameterType: STRING");
    return LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(OutputStream.nullOutputStream(), true)).build().run(Workflow.parse(yaml, "constant.yaml"), Map.of("x", "unused"));
  }

  @Test
  void aConstantIsAValueOfItsJsonKind() {
    RunResult text = constant("'12'", "NUMBER_INTEGER");
    assertFalse(text.succeeded());
    assertEquals("task 'echo': input parameter 'msg' type mismatch: expect NUMBER_INTEGER, got string (STRING); KFP's driver "
        + "fails the task (resolveInputs in backend/src/v2/driver/resolve.go)", text.failedTask().orElseThrow().message());
    RunResult list = constant("{a: 1}", "LIST");
    assertEquals("task 'echo': input parameter 'msg' type mismatch: expect LIST, got struct (STRUCT); KFP's driver "
        + "fails the task (resolveInputs in backend/src/v2/driver/resolve.go)", list.failedTask().orElseThrow().message());
    RunResult number = constant("1.0", "STRING");
    assertTrue(number.succeeded(), () -> String.valueOf(number.failedTask()));
    assertEquals("1", number.output("echo", "Output"), "metadata.PbValueToText of the double 1.0");
    RunResult integer = constant("3", "NUMBER_DOUBLE");
    assertTrue(integer.succeeded(), () -> String.valueOf(integer.failedTask()));
  }

  @Test
  void theItemOfALoopOverConstantsIsOfTheirKind() {
    Loop loop = new Loop("for-loop-1", new Loop.Constants(List.of(Argument.Constant.of("a"), Argument.Constant.of("b"))), 0,
        List.of(new Task("t", NUMBER, Map.of("n", new Argument.LoopItem("for-loop-1", null)))));
    failsWith(run(List.of(loop), List.of(), Map.of()), "t", "NUMBER_INTEGER", "string (STRING)");
  }

  @Test
  void aCollectedListIsAList() {
    Loop loop = new Loop("for-loop-1", new Loop.Constants(List.of(Argument.Constant.of("a"), Argument.Constant.of("b"))), 0,
        List.of(new Task("t", TEXT, Map.of("n", new Argument.LoopItem("for-loop-1", null)))));
    RunResult r = run(List.of(loop, new Task("all", NUMBER, Map.of("n", new Argument.Collected("for-loop-1", "t", "out")))),
        List.of(), Map.of());
    failsWith(r, "all", "NUMBER_INTEGER", "list (LIST)");
  }

  @Test
  void theOutputOfABranchIsOfItsOutputsType() {
    Predicate yes = new Predicate.Comparison(new Argument.PipelineParameter("side"), Predicate.Operator.EQ, Argument.Constant.of("a"));
    Branches chain = new Branches("condition-branches-1", List.of(
        new Condition("condition-2", yes, List.of(new Task("say-a", TEXT, Map.of("n", Argument.Constant.of("A"))))),
        new Condition("condition-3", null, List.of(new Task("say-b", TEXT, Map.of("n", Argument.Constant.of("B")))))));
    Argument.OneOf said = new Argument.OneOf("condition-branches-1",
        List.of(new Argument.TaskOutput("say-a", "out"), new Argument.TaskOutput("say-b", "out")));
    RunResult r = run(List.of(chain, new Task("t", NUMBER, Map.of("n", said))),
        List.of(new Parameter("side", ParameterType.STRING, "a", null)), Map.of());
    failsWith(r, "t", "NUMBER_INTEGER", "string (STRING)");
  }

  /** A loop over pipeline parameter {@code items} (a list), declaring its items {@code itemType}, its body {@code body}. */
  private static Loop overItems(ParameterType itemType, Task... body) {
    return new Loop("for-loop-1", new Loop.Over(new Argument.PipelineParameter("items"), itemType), 0, List.of(body));
  }

  private RunResult runOver(Loop loop, String items, Node... after) {
    List<Node> nodes = new java.util.ArrayList<>(List.of(loop));
    nodes.addAll(List.of(after));
    return run(nodes, List.of(new Parameter("items", ParameterType.LIST, null, null)), Map.of("items", items));
  }

  @Test
  void theItemOfALoopOverAListValueIsOfItsJsonKind() {
    Loop texts = overItems(null, new Task("t", NUMBER, Map.of("n", new Argument.LoopItem("for-loop-1", null))));
    failsWith(runOver(texts, "[\"a\", \"b\"]"), "t", "NUMBER_INTEGER", "string (STRING)");
    Loop fields = overItems(null, new Task("t", NUMBER, Map.of("n", new Argument.LoopItem("for-loop-1", "n"))));
    failsWith(runOver(fields, "[{\"n\": \"x\"}]"), "t", "NUMBER_INTEGER", "string (STRING)");
    RunResult numbers = runOver(fields, "[{\"n\": 7}, {\"n\": 8.0}]");
    assertTrue(numbers.succeeded(), () -> String.valueOf(numbers.failedTask()));
  }

  /** The output of task {@code t} in each iteration, in the order of the items. */
  private static List<String> outs(RunResult r) {
    return r.tasks().stream().filter(t -> t.name().equals("t")).map(t -> t.outputs().get("out")).toList();
  }

  @Test
  void aNumberItemGivenAsTextIsGosText() {
    Loop loop = overItems(null, new Task("t", TEXT, Map.of("n", new Argument.LoopItem("for-loop-1", null))));
    RunResult r = runOver(loop, "[1.0, 2.5, true]");
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    assertEquals(List.of("1", "2.5", "true"), outs(r), "metadata.PbValueToText of each item");
  }

  @Test
  void aLoopDeclaringItsItemsTextGivesTheTaskText() {
    Loop loop = overItems(ParameterType.STRING, new Task("t", NUMBER, Map.of("n", new Argument.LoopItem("for-loop-1", null))));
    failsWith(runOver(loop, "[1, 2]"), "t", "NUMBER_INTEGER", "string (STRING)");
  }

  @Test
  void anItemOfAnotherKindThanTheLoopDeclaresFailsTheIteration() {
    Loop loop = overItems(ParameterType.STRUCT, new Task("t", TEXT, Map.of("n", new Argument.LoopItem("for-loop-1", null))));
    RunResult r = runOver(loop, "[\"a\"]");
    assertFalse(r.succeeded());
    assertEquals("task 't': the item \"a\" of loop 'for-loop-1' is a string, and the loop declares its items STRUCT; KFP's driver "
        + "fails the loop's iteration (resolveInputs in backend/src/v2/driver/resolve.go: \"input parameter type mismatch\")",
        r.failedTask().orElseThrow().message());
  }

  @Test
  void aNullItemIsNoneAsTextAndFailsAnyOtherInput() {
    Loop text = overItems(null, new Task("t", TEXT, Map.of("n", new Argument.LoopItem("for-loop-1", null))));
    RunResult r = runOver(text, "[null]");
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    assertEquals(List.of(""), outs(r));
    Loop number = overItems(null, new Task("t", NUMBER, Map.of("n", new Argument.LoopItem("for-loop-1", null))));
    RunResult n = runOver(number, "[null]");
    assertFalse(n.succeeded());
    assertEquals("task 't': got null for input parameter 'n'; KFP's driver fails the task (resolveInputs in "
        + "backend/src/v2/driver/resolve.go)", n.failedTask().orElseThrow().message());
  }
}
