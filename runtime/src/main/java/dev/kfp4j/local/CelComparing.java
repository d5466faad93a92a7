package dev.kfp4j.local;

import dev.kfp4j.entrypoint.KfpValues;
import dev.kfp4j.format.GoFloats;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Predicate;

/**
 * How KFP's driver compares two values in a KFP 2 {@code triggerPolicy.condition} ({@link Predicate.Compared#AS_CEL}): CEL
 * over the executor input ({@code Condition} in {@code backend/src/v2/expression/expression.go}, cel-go). A value the driver
 * gives is a {@code google.protobuf.Value}: a number (a double, an integer parameter too), a string or a bool, as its input's
 * type says; a literal is of its own type; then CEL's casts apply ({@code int()} truncates a double, {@code string()} writes a
 * double as Go's {@code %g}, a bool as {@code true}/{@code false}). Numbers compare as numbers, strings by code point, bools
 * (false before true), an int and a double as two doubles (cel-go's {@code compareDoubleInt}), NaN equal to nothing and
 * ordered with nothing (an error); two values of different kinds are not equal, and do not order (an error, as cel-go's
 * "no such overload"); two operands whose types CEL knows before it runs (a literal, a cast) must be of one type, or cel-go refuses to
 * compile the condition (no cross-type numeric comparisons in KFP's CEL environment).
 */
final class CelComparing {
  private CelComparing() {}

  /** Whether {@code c} holds of the values {@code left} and {@code right}; {@code where} names the task in messages. */
  static boolean holds(Predicate.Comparison c, String left, String right, String where) {
    Predicate.CelOperand l = c.cel().get(0);
    Predicate.CelOperand r = c.cel().get(1);
    Object a = value(left, l, c.left(), where);
    Object b = value(right, r, c.right(), where);
    if (l.typed(c.left()) && r.typed(c.right()) && kind(a) != kind(b)) {
      throw new WorkflowException(where + ": its condition compares a " + kind(a) + " with a " + kind(b) + " (" + shown(a) + " "
          + c.operator().symbol() + " " + shown(b) + "), which KFP's CEL does not compile (no matching overload)");
    }
    boolean equality = c.operator() == Predicate.Operator.EQ || c.operator() == Predicate.Operator.NE;
    if (a instanceof Double x && x.isNaN() || b instanceof Double y && y.isNaN()) {
      if (!equality) { // cel-go's Double.Compare and Int.Compare: an error, which fails the driver's evaluation
        throw new WorkflowException(where + ": its condition orders " + shown(a) + " and " + shown(b) + " (" + shown(a) + " "
            + c.operator().symbol() + " " + shown(b) + "), which CEL cannot (NaN values cannot be ordered)");
      }
      return c.operator() == Predicate.Operator.NE; // NaN equals nothing
    }
    Integer order = compare(a, b);
    if (order == null) {
      if (!equality) {
        throw new WorkflowException(where + ": its condition orders a " + kind(a) + " and a " + kind(b) + " (" + shown(a) + " "
            + c.operator().symbol() + " " + shown(b) + "), which CEL cannot (no such overload)");
      }
      return c.operator() == Predicate.Operator.NE; // CEL's heterogeneous equality: values of different kinds are not equal
    }
    return Comparing.holds(order, c.operator());
  }

  /** The CEL value of {@code text}, as the driver gives it (of {@code how.value()}'s type) or as a literal reads, then cast. */
  private static Object value(String text, Predicate.CelOperand how, Argument operand, String where) {
    Object v = operand instanceof Argument.Constant && how.value() == ParameterType.INTEGER ? (Object) Long.parseLong(text)
        : given(text, how.value(), where); // an integer literal is CEL's int; a value the driver gives, a double
    for (ParameterType cast : how.casts()) {
      v = cast(v, cast, where);
    }
    return v;
  }

  private static Object given(String text, ParameterType type, String where) {
    if (type == null) { // not declared: as the value reads
      Double d = number(text);
      if (d != null) {
        return d;
      }
      return text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false") ? Boolean.valueOf(text.equalsIgnoreCase("true")) : text;
    }
    return switch (type) {
      case INTEGER, FLOAT -> {
        Double d = number(text);
        if (d == null) {
          throw new WorkflowException(where + ": its condition reads '" + text + "' as a number, which it is not");
        }
        yield d;
      }
      case BOOLEAN -> KfpValues.parseBoolean(text);
      default -> text;
    };
  }

  private static Object cast(Object v, ParameterType to, String where) {
    switch (to) {
      case INTEGER:
        if (v instanceof Double d) {
          if (d.isNaN() || d.isInfinite() || d >= 0x1p63 || d < -0x1p63) {
            throw new WorkflowException(where + ": its condition casts " + shown(v) + " to int, which is out of range");
          }
          return (long) d.doubleValue(); // toward zero, as cel-go
        }
        if (v instanceof String s) {
          try {
            return Long.parseLong(s);
          } catch (NumberFormatException e) {
            throw new WorkflowException(where + ": its condition casts '" + s + "' to int, which is not an integer");
          }
        }
        break;
      case FLOAT:
        if (v instanceof Long i) {
          return i.doubleValue();
        }
        if (v instanceof String s) {
          Double d = number(s);
          if (d == null) {
            throw new WorkflowException(where + ": its condition casts '" + s + "' to double, which is not a number");
          }
          return d;
        }
        break;
      case STRING:
        return v instanceof Double d ? GoFloats.g(d) : String.valueOf(v);
      default:
        break;
    }
    if (v instanceof Boolean) {
      throw new WorkflowException(where + ": its condition casts a bool to " + (to == ParameterType.INTEGER ? "int" : "double")
          + ", which CEL cannot");
    }
    return v;
  }

  /** Negative, zero or positive; null for values of different kinds, which CEL neither equates nor orders. */
  private static Integer compare(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      if (x instanceof Long i && y instanceof Long j) {
        return Long.compare(i, j);
      }
      // an int against a double as cel-go's compareDoubleInt: the int as a double (so infinities order past every int),
      // compared with < and > (so -0.0 equals 0); never NaN here
      return Comparing.numbers(x.doubleValue(), y.doubleValue());
    }
    if (a instanceof String x && b instanceof String y) {
      return dev.kfp4j.format.GoOrder.compare(x, y);
    }
    if (a instanceof Boolean x && b instanceof Boolean y) {
      return Boolean.compare(x, y);
    }
    return null;
  }

  private static String kind(Object v) {
    return v instanceof Long ? "int" : v instanceof Double ? "double" : v instanceof Boolean ? "bool" : "string";
  }

  private static String shown(Object v) {
    return v instanceof String s ? "'" + s + "'" : v instanceof Double d ? GoFloats.g(d) : String.valueOf(v);
  }

  private static Double number(String text) {
    try {
      return Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
