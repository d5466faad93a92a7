package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Conditions are read as written; values only ever fill in operands. */
class ExpressionsTest {
  /** Substitutes {@code {{v}}} and {@code {{w}}} in an operand. */
  private static UnaryOperator<String> values(Map<String, String> values) {
    return operand -> {
      String s = operand;
      for (Map.Entry<String, String> e : values.entrySet()) {
        s = s.replace("{{" + e.getKey() + "}}", e.getValue());
      }
      return s;
    };
  }

  @Test
  void operatorsAsGovaluateHasThem() {
    assertTrue(Expressions.evaluate("\"heads\" == \"heads\""));
    assertTrue(Expressions.evaluate("7 > 5 && !(1 >= 2) || false"));
    assertTrue(Expressions.evaluate("'a' != 'b'"));
    assertTrue(Expressions.evaluate("10 > 9"), "numbers compare as numbers");
    assertTrue(Expressions.evaluate("heads == heads"), "a bare word is a string");
  }

  @Test
  void aValueIsOneOperandWhateverItHolds() {
    String condition = "\"{{v}}\" == \"magic\"";
    assertFalse(Expressions.evaluate(condition, values(Map.of("v", "x\" == \"x\" || \"a"))));
    assertTrue(Expressions.evaluate(condition, values(Map.of("v", "magic"))));
    assertFalse(Expressions.evaluate("{{v}} == magic", values(Map.of("v", "magic || true"))), "unquoted too");
    assertTrue(Expressions.evaluate("{{v}} > 5", values(Map.of("v", "7"))), "a number still compares as a number");
    assertTrue(Expressions.evaluate("{{ v }} == ok", values(Map.of(" v ", "ok"))), "a reference is never cut, spaces and all");
    assertFalse(Expressions.evaluate("\"{{v}}\" == \"a\"", values(Map.of("v", "a\""))), "a quote in a value is a character");
    assertTrue(Expressions.evaluate("\"{{v}}\" == \"(\"", values(Map.of("v", "("))));
  }

  @Test
  void anExpressionTagReadsVariablesAsValuesAsArgosExprDoes() {
    Map<String, String> vars = Map.of("tasks.flip-coin.outputs.parameters.Output", "heads", "inputs.parameters.n", "7",
        "workflow.parameters.v", "x' == 'x' || 'a");
    UnaryOperator<String> variable = name -> {
      if (!vars.containsKey(name)) {
        throw new WorkflowException("cannot resolve {{" + name + "}}");
      }
      return vars.get(name);
    };
    assertTrue(ExprCondition.evaluate("tasks['flip-coin'].outputs.parameters['Output'] == 'heads'", variable));
    assertTrue(ExprCondition.evaluate("asInt(inputs.parameters.n) > 5 and not (asFloat(inputs.parameters.n) >= 7.5)", variable));
    assertFalse(ExprCondition.evaluate("workflow.parameters['v'] == 'magic'", variable), "a value is a value");
    assertTrue(ExprCondition.evaluate("workflow.parameters.v == 'x\\' == \\'x\\' || \\'a'", variable), "escapes in literals");
    assertFalse(ExprCondition.evaluate("inputs.parameters.n == 7", variable), "a string is not a number, as in expr");
    assertEquals("cannot compare 7 > 5: compare numbers (asInt, asFloat) or strings",
        assertThrows(WorkflowException.class, () -> ExprCondition.evaluate("inputs.parameters.n > 5", variable)).getMessage());
    assertEquals("cannot read the condition '{{=tasks.flip-coin == 1}}' at '-coin == 1'",
        assertThrows(WorkflowException.class, () -> ExprCondition.evaluate("tasks.flip-coin == 1", variable)).getMessage());
  }

  @Test
  void whatCannotBeReadIsSaid() {
    assertEquals("unclosed quote in the condition '\"a == b'", assertThrows(WorkflowException.class, () -> Expressions.evaluate("\"a == b")).getMessage());
    assertEquals("cannot read the condition 'a = b' at '= b'", assertThrows(WorkflowException.class, () -> Expressions.evaluate("a = b")).getMessage());
    assertEquals("the condition 'a' is not true or false", assertThrows(WorkflowException.class, () -> Expressions.evaluate("a")).getMessage());
    assertEquals("the condition ends too early", assertThrows(WorkflowException.class, () -> Expressions.evaluate("a ==")).getMessage());
  }
}
