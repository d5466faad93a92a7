package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.model.Argument;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Predicate;
import dev.kfp4j.model.Predicate.Operator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A double the driver gives against an int literal compares as cel-go compares a Double with an Int ({@code compareDoubleInt}
 * in {@code common/types/compare.go}: the int as a double): infinities order past every int, NaN equals nothing and is not
 * ordered ("NaN values cannot be ordered", which fails the task as the driver's evaluation error does). Before, the two went
 * through BigDecimal, and a double of Infinity threw NumberFormatException, failing the task as a fault of kfp4j.
 */
class CelComparingTest {
  /** {@code inputs.parameter_values['f'] <op> <literal>}: a FLOAT parameter's value against an int literal. */
  private static boolean holds(String value, Operator op, String literal) {
    Predicate.Comparison c = new Predicate.Comparison(new Argument.PipelineParameter("f"), op,
        new Argument.Constant(literal, ParameterType.INTEGER), Predicate.Compared.AS_CEL,
        List.of(new Predicate.CelOperand(ParameterType.FLOAT, List.of()), new Predicate.CelOperand(ParameterType.INTEGER, List.of())));
    return CelComparing.holds(c, value, literal, "task 't'");
  }

  /** The operators that hold of {@code value} against {@code literal}. */
  private static List<Operator> holding(String value, String literal) {
    List<Operator> out = new ArrayList<>();
    for (Operator op : Operator.values()) {
      if (holds(value, op, literal)) {
        out.add(op);
      }
    }
    return out;
  }

  @Test
  void anInfiniteDoubleOrdersPastEveryInt() {
    assertEquals(List.of(Operator.NE, Operator.GT, Operator.GE), holding("Infinity", "9"));
    assertEquals(List.of(Operator.NE, Operator.GT, Operator.GE), holding("Infinity", Long.toString(Long.MAX_VALUE)));
    assertEquals(List.of(Operator.NE, Operator.LT, Operator.LE), holding("-Infinity", "-9"));
    assertEquals(List.of(Operator.NE, Operator.LT, Operator.LE), holding("-Infinity", Long.toString(Long.MIN_VALUE)));
    assertEquals(List.of(Operator.NE, Operator.GT, Operator.GE), holding("1e999", "0"), "a number too large for a double is one");
  }

  @Test
  void nanEqualsNoIntAndIsNotOrdered() {
    assertTrue(!holds("NaN", Operator.EQ, "0") && holds("NaN", Operator.NE, "0"));
    for (Operator op : List.of(Operator.LT, Operator.LE, Operator.GT, Operator.GE)) {
      WorkflowException e = assertThrows(WorkflowException.class, () -> holds("NaN", op, "0"), op.symbol());
      assertEquals("task 't': its condition orders NaN and 0 (NaN " + op.symbol() + " 0), which CEL cannot (NaN values cannot be "
          + "ordered)", e.getMessage());
    }
  }

  @Test
  void anIntComparesWithADoubleAsTheIntsDouble() {
    assertEquals(List.of(Operator.EQ, Operator.LE, Operator.GE), holding("2.0", "2"));
    assertEquals(List.of(Operator.EQ, Operator.LE, Operator.GE), holding("-0.0", "0"));
    assertEquals(List.of(Operator.NE, Operator.LT, Operator.LE), holding("2.5", "3"));
    // 2^53 + 1 is 2^53 as a double: cel-go has them equal
    assertEquals(List.of(Operator.EQ, Operator.LE, Operator.GE), holding("9007199254740992", "9007199254740993"));
  }
}
