package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.TestComponents;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Condition;
import dev.kfp4j.model.Node;
import dev.kfp4j.model.Parameter;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.Predicate;
import dev.kfp4j.model.Task;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local run of a KFP 2 spec tests each {@code triggerPolicy.condition} as KFP's driver does, with CEL over typed values
 * ({@code Condition} in {@code backend/src/v2/expression/expression.go}), not by how the values read: a string compares as
 * text ('1.0' is not '1'), {@code string()} of a bool is {@code true}, of a double Go's {@code %g} (1.0 is '1'), an int
 * compared as text orders as text. Before, the local runner compared by value and ran every one of these branches.
 */
class CelConditionRunTest {
  @TempDir Path dir;

  private static Condition when(String name, String parameter, Predicate.Operator op, Argument constant) {
    return new Condition(name, new Predicate.Comparison(new Argument.PipelineParameter(parameter), op, constant),
        List.of(new Task("in-" + name, TestComponents.ECHO, Map.of("msg", Argument.Constant.of(name)))));
  }

  private static String spec(List<Node> nodes) {
    List<Parameter> parameters = List.of(new Parameter("s", ParameterType.STRING, "x", null),
        new Parameter("b", ParameterType.BOOLEAN, "False", null), new Parameter("f", ParameterType.FLOAT, "0.5", null),
        new Parameter("n", ParameterType.INTEGER, "0", null));
    return Kfp2Writer.write(new Pipeline("cel", null, parameters, nodes, null, PipelineSettings.DEFAULTS, null));
  }

  private RunResult run(String yaml, Map<String, String> arguments) {
    LocalRunner runner = LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(OutputStream.nullOutputStream(), true)).build();
    return runner.run(Workflow.parse(yaml, "cel.yaml"), arguments);
  }

  /** The conditions whose task ran, by name, in order. */
  private List<String> ran(List<Node> nodes, Map<String, String> arguments) {
    String yaml = spec(nodes);
    RunResult r = run(yaml, arguments);
    assertTrue(r.succeeded(), () -> yaml + r.failedTask());
    return r.tasks().stream().filter(t -> t.name().startsWith("in-") && t.state().ok()).map(t -> t.name().substring(3)).sorted()
        .toList();
  }

  @Test
  void eachConditionHoldsAsKfpsCelHasIt() {
    List<Node> nodes = new ArrayList<>();
    nodes.add(when("text", "s", Predicate.Operator.EQ, Argument.Constant.of("1"))); // '1.0' == '1': false
    nodes.add(when("not-text", "s", Predicate.Operator.NE, Argument.Constant.of("1"))); // true
    nodes.add(when("bool", "b", Predicate.Operator.EQ, Argument.Constant.of("True"))); // string(true) == 'True': false
    nodes.add(when("bool-lower", "b", Predicate.Operator.EQ, Argument.Constant.of("true"))); // true
    nodes.add(when("double", "f", Predicate.Operator.EQ, Argument.Constant.of("1.0"))); // string(1.0) is '1': false
    nodes.add(when("double-g", "f", Predicate.Operator.EQ, Argument.Constant.of("1"))); // true
    nodes.add(when("int-text", "n", Predicate.Operator.GT, Argument.Constant.of("9"))); // '10' > '9': false
    nodes.add(when("int", "n", Predicate.Operator.GT, new Argument.Constant("9", ParameterType.INTEGER))); // 10 > 9: true
    assertEquals(List.of("bool-lower", "double-g", "int", "not-text"), ran(nodes, Map.of("s", "1.0", "b", "true", "f", "1.0",
        "n", "10")), "the others' conditions are false on KFP");
  }

  /** CEL's {@code string()} of a double is Go's {@code %g}: shortest digits, an exponent below 1e-4 and from 1e6 on. */
  @Test
  void aDoubleIsWrittenAsGosPercentG() {
    assertEquals(List.of("1", "0.5", "123456", "1e+06", "1.234567e+06", "0.0001", "1e-05", "-2.5e-07", "0"),
        java.util.stream.DoubleStream.of(1.0, 0.5, 123456.0, 1e6, 1234567.0, 1e-4, 1e-5, -2.5e-7, 0.0).mapToObj(dev.kfp4j.format.GoFloats::g)
            .toList());
  }

  /**
   * A spec comparing an int with a double literal, {@code int(x) == 1.5}, which KFP's CEL environment (no cross-type numeric
   * comparisons) does not compile, fails as it fails on KFP.
   */
  @Test
  void aConditionKfpsCelDoesNotCompileFailsTheRun() {
    String yaml = spec(List.of(when("int", "n", Predicate.Operator.EQ, new Argument.Constant("9", ParameterType.INTEGER))));
    String cel = "int(inputs.parameter_values['pipelinechannel--n']) == 9";
    assertTrue(yaml.contains(cel), yaml);
    RunResult r = run(yaml.replace(cel, "int(inputs.parameter_values['pipelinechannel--n']) == 1.5"), Map.of("n", "9"));
    assertTrue(!r.succeeded() && r.failedTask().orElseThrow().message().contains("which KFP's CEL does not compile"),
        () -> String.valueOf(r.failedTask()));
  }

  /**
   * An operand left out (a pipeline parameter a run may omit, {@code isOptional} without default) fails the run, whichever side
   * of a {@code ||} it is on: KFP's driver resolves each input of the condition's task before it tests the condition, and
   * refuses a null one ({@code resolveInputs} in {@code backend/src/v2/driver/resolve.go}, {@code ErrResolvedParameterNull}).
   * Before, the local run stopped at the first side that held and ran the branch. The run is refused before anything runs, as
   * any run that gives a group a value left out.
   */
  @Test
  void anOperandLeftOutFailsTheRunThoughAnotherSideHolds() {
    Predicate either = new Predicate.Any(List.of(
        new Predicate.Comparison(new Argument.PipelineParameter("n"), Predicate.Operator.EQ,
            new Argument.Constant("1", ParameterType.INTEGER)),
        new Predicate.Comparison(new Argument.PipelineParameter("t"), Predicate.Operator.EQ, Argument.Constant.of("a"))));
    Condition c = new Condition("condition-1", either, List.of(new Task("in-either", TestComponents.ECHO,
        Map.of("msg", Argument.Constant.of("either")))));
    List<Parameter> parameters = List.of(new Parameter("n", ParameterType.INTEGER, "0", null),
        new Parameter("t", ParameterType.STRING, null, null, null, true));
    String yaml = Kfp2Writer.write(new Pipeline("cel", null, parameters, List.of(c), null, PipelineSettings.DEFAULTS, null));
    // refused before anything runs: the condition's DAG is given the null (LeftOutIntoDagTest)
    WorkflowException e = org.junit.jupiter.api.Assertions.assertThrows(WorkflowException.class, () -> run(yaml, Map.of("n", "1")));
    assertTrue(e.getMessage().contains("pipeline input 't' is left out (optional, no default), and root task 'condition-1' "
        + "passes it into its DAG"), e::getMessage);
    RunResult given = run(yaml, Map.of("n", "1", "t", "b"));
    assertTrue(given.succeeded() && given.tasks().stream().anyMatch(t -> t.name().equals("in-either") && t.state().ok()),
        () -> String.valueOf(given.failedTask()));
  }
}
