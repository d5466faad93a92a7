package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.local.TaskResult.State;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code when} compares as Argo compares it: an expression tag compares text as text ({@code '1.0'
 * == '1'} is false, {@code '10' > '9'} too) and numbers only where it reads them with {@code
 * asFloat}; the older form compares quoted operands as text (govaluate's strings).
 */
class ArgoWhenComparisonTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  private RunResult run(String value, String... whens) {
    String version = "  - name: version\n    outputs: {parameters: [{name: out, valueFrom: {path: /tmp/o}}]}\n"
        + "    container: {image: a, command: [sh, -c, 'echo " + value + " > /tmp/o']}\n";
    StringBuilder tasks = new StringBuilder("      - {name: v, template: version}\n");
    for (int i = 0; i < whens.length; i++) {
      tasks.append("      - {name: t").append(i).append(", template: double, dependencies: [v], when: \"")
          .append(whens[i].replace("\"", "\\\"")).append("\", arguments: {parameters: [{name: x, value: '1'}]}}\n");
    }
    LocalRunner runner = LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).progress(false).summary(false).build();
    return runner.run(LocalRunnerTest.workflow("when", "", tasks.toString(), version,
        LocalRunnerTest.sh("double", LocalRunnerTest.DOUBLE)), Map.of());
  }

  private static State state(RunResult r, int task) {
    return r.task("t" + task).orElseThrow().state();
  }

  @Test
  void anExpressionTagComparesTextAsTextAndNumbersReadWithAsFloatAsNumbers() {
    RunResult r = run("10.0", "{{=tasks['v'].outputs.parameters['out'] == '10'}}", "{{=tasks['v'].outputs.parameters['out'] > '9'}}",
        "{{=asFloat(tasks['v'].outputs.parameters['out']) == 10}}", "{{=asFloat(tasks['v'].outputs.parameters['out']) > 9}}",
        "{{=tasks['v'].outputs.parameters['out'] == '10.0'}}");
    assertTrue(r.succeeded(), console.toString());
    assertEquals(State.Skipped, state(r, 0), "'10.0' == '10' is false in expr");
    assertEquals(State.Skipped, state(r, 1), "'10.0' > '9' is false in expr: strings compare by character");
    assertEquals(State.Succeeded, state(r, 2));
    assertEquals(State.Succeeded, state(r, 3));
    assertEquals(State.Succeeded, state(r, 4));
  }

  @Test
  void theOlderFormComparesQuotedOperandsAsTextAndBareNumbersAsNumbers() {
    RunResult r = run("10.0", "\"{{tasks.v.outputs.parameters.out}}\" == \"10\"", "{{tasks.v.outputs.parameters.out}} == 10",
        "{{tasks.v.outputs.parameters.out}} > 9");
    assertTrue(r.succeeded(), console.toString());
    assertEquals(State.Skipped, state(r, 0));
    assertEquals(State.Succeeded, state(r, 1));
    assertEquals(State.Succeeded, state(r, 2));
  }

  /**
   * govaluate reads {@code true} and {@code false} in lower case as true/false and any other word, {@code True} too, as
   * text, and a value equals only a value of its kind: {@code True == true} is false, {@code true == "true"} too, {@code
   * 5 == "5"} too.
   */
  @Test
  void theOlderFormReadsOnlyLowerCaseTrueAsTrueAndComparesOnlyValuesOfOneKind() {
    String x = "{{tasks.v.outputs.parameters.out}}";
    RunResult r = run("True", x + " == true", x + " == True", x + " == \"True\"", "\"" + x + "\" == \"true\"");
    assertTrue(r.succeeded(), console.toString());
    assertEquals(State.Skipped, state(r, 0), "the word True is text, not true");
    assertEquals(State.Succeeded, state(r, 1));
    assertEquals(State.Succeeded, state(r, 2), "a word and a quoted text are both text");
    assertEquals(State.Skipped, state(r, 3));
    r = run("TRUE", x + " == True", x + " != true");
    assertEquals(State.Skipped, state(r, 0), "TRUE and True are two texts");
    assertEquals(State.Succeeded, state(r, 1));
    r = run("true", x + " == true", x + " == \"true\"");
    assertEquals(State.Succeeded, state(r, 0));
    assertEquals(State.Skipped, state(r, 1), "true is no text");
    r = run("5", x + " == \"5\"", x + " == 5.0");
    assertEquals(State.Skipped, state(r, 0), "a number is no text");
    assertEquals(State.Succeeded, state(r, 1));
  }

  @Test
  void theOlderFormFailsWhereGovaluateCannotCompare() {
    String x = "{{tasks.v.outputs.parameters.out}}";
    RunResult r = run("True", x + " > 1");
    assertFalse(r.succeeded(), "a text ordered against a number");
    assertTrue(console.toString().contains("Argo's when cannot order text 'True' and number 1.0 with >"), console.toString());
    r = run("two words", x + " == heads");
    assertFalse(r.succeeded());
    assertTrue(console.toString().contains("Argo's when reads 'two words', pasted in bare, as more than one value"), console.toString());
  }

  @Test
  void aValueAsFloatCannotReadFailsTheRunNamingIt() {
    RunResult r = run("ten", "{{=asFloat(tasks['v'].outputs.parameters['out']) > 9}}");
    assertFalse(r.succeeded());
    assertTrue(console.toString().contains("'ten' is not a number, which the condition compares as one (asFloat)"), console.toString());
  }

  /** A number past a float64's range, which Go's strconv.ParseFloat refuses (ErrRange): Argo fails the condition; it held before. */
  @Test
  void aValuePastAFloatsRangeFailsTheRunNamingIt() {
    RunResult r = run("1e400", "{{=asFloat(tasks['v'].outputs.parameters['out']) > 9}}");
    assertFalse(r.succeeded());
    assertTrue(console.toString().contains("'1e400' is past a float64's range, which Argo cannot read as a number (asFloat)"),
        console.toString());
    r = run("1", "{{=asInt(tasks['v'].outputs.parameters['out']) < 1e999}}");
    assertFalse(r.succeeded(), "the constant too, where asInt's comparison threw NumberFormatException");
    assertTrue(console.toString().contains("'1e999' is past a float64's range"), console.toString());
  }

  /**
   * asInt is expr's int(), Go's strconv.Atoi on a text: "10.0" is no integer and fails the condition, where it was read as
   * asFloat reads it; "10" compares with a number as one.
   */
  @Test
  void aValueAsIntCannotReadFailsTheRunNamingIt() {
    RunResult r = run("10.0", "{{=asInt(tasks['v'].outputs.parameters['out']) == 10}}");
    assertFalse(r.succeeded());
    assertTrue(console.toString().contains("'10.0' is not an integer, which the condition reads as one (asInt)"), console.toString());
    r = run("10", "{{=asInt(tasks['v'].outputs.parameters['out']) == 10}}", "{{=asInt(tasks['v'].outputs.parameters['out']) < 10.5}}",
        "{{=asInt(tasks['v'].outputs.parameters['out']) > 10}}");
    assertTrue(r.succeeded(), console.toString());
    assertEquals(State.Succeeded, state(r, 0));
    assertEquals(State.Succeeded, state(r, 1));
    assertEquals(State.Skipped, state(r, 2));
  }

  /**
   * Numbers compare as Go compares two float64s, in an expression tag ({@code asFloat}) and in the older form (govaluate):
   * -0 equals 0, and is not below it. Before, they compared as Java's Double.compare, which orders -0.0 below 0.0.
   */
  @Test
  void minusZeroIsZeroAsGoComparesNumbers() {
    String x = "{{tasks.v.outputs.parameters.out}}";
    RunResult r = run("-0", "{{=asFloat(tasks['v'].outputs.parameters['out']) == 0}}",
        "{{=asFloat(tasks['v'].outputs.parameters['out']) >= 0}}", x + " >= 0", x + " < 0");
    assertTrue(r.succeeded(), console.toString());
    assertEquals(State.Succeeded, state(r, 0));
    assertEquals(State.Succeeded, state(r, 1));
    assertEquals(State.Succeeded, state(r, 2));
    assertEquals(State.Skipped, state(r, 3));
  }

  /**
   * expr compares asInt's int with asFloat's float as floats, each side read by its own function: an asInt value that is no
   * integer fails the condition (Argo's task ends in Error) even beside asFloat, where both sides were read as asFloat reads
   * them and 2.5 compared as 2.5.
   */
  @Test
  void anAsIntBesideAnAsFloatIsReadAsAnIntegerAndComparedAsAFloat() {
    String i = "asInt(tasks['v'].outputs.parameters['out'])";
    String f = "asFloat(tasks['v'].outputs.parameters['out'])";
    RunResult r = run("2.5", "{{=" + i + " < " + f + "}}", "{{=" + f + " >= " + i + "}}");
    assertEquals(State.Error, state(r, 0), console.toString());
    assertEquals(State.Error, state(r, 1));
    assertTrue(console.toString().contains("'2.5' is not an integer, which the condition reads as one (asInt)"), console.toString());
    r = run("9007199254740993", "{{=" + i + " == " + f + "}}", "{{=" + i + " == asFloat('9007199254740992')}}",
        "{{=" + i + " == 9007199254740992}}", "{{=" + i + " == 9007199254740992.0}}");
    assertTrue(r.succeeded(), console.toString());
    assertEquals(State.Succeeded, state(r, 0), "the int as a float64 is 2^53, as is the float");
    assertEquals(State.Succeeded, state(r, 1));
    assertEquals(State.Skipped, state(r, 2), "two ints compare as integers");
    assertEquals(State.Succeeded, state(r, 3), "an int beside a float literal compares as a float64, both 2^53");
  }

  /**
   * asFloat reads what Go's strconv.ParseFloat reads: infinities, NaN (equal to nothing, unordered), hexadecimal numbers with
   * their binary exponent, underscores between digits; they failed the condition as no numbers. A hexadecimal number without
   * its exponent is none to Go either.
   */
  @Test
  void asFloatReadsInfinitiesNanAndHexadecimalNumbersAsGoDoes() {
    String f = "asFloat(tasks['v'].outputs.parameters['out'])";
    RunResult r = run("-Infinity", "{{=" + f + " < -1e308}}", "{{=" + f + " == asFloat('-inf')}}");
    assertTrue(r.succeeded(), console.toString());
    assertEquals(State.Succeeded, state(r, 0));
    assertEquals(State.Succeeded, state(r, 1));
    r = run("NaN", "{{=" + f + " == " + f + "}}", "{{=" + f + " != " + f + "}}", "{{=" + f + " < 1}}", "{{=" + f + " >= 1}}");
    assertTrue(r.succeeded(), console.toString());
    assertEquals(State.Skipped, state(r, 0), "NaN equals nothing");
    assertEquals(State.Succeeded, state(r, 1));
    assertEquals(State.Skipped, state(r, 2), "NaN is not ordered");
    assertEquals(State.Skipped, state(r, 3));
    r = run("0x1.8p1", "{{=" + f + " == 3}}");
    assertEquals(State.Succeeded, state(r, 0), console.toString());
    r = run("1_000.5", "{{=" + f + " == 1000.5}}");
    assertEquals(State.Succeeded, state(r, 0), console.toString());
    r = run("0x10", "{{=" + f + " == 16}}");
    assertEquals(State.Error, state(r, 0));
    assertTrue(console.toString().contains("'0x10' is not a number, which the condition compares as one (asFloat)"), console.toString());
  }
}
