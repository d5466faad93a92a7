package dev.kfp4j.local;

import dev.kfp4j.model.Predicate;
import java.util.regex.Pattern;

/**
 * How Argo's expression tags compare two values ({@link Predicate.Compared#AS_TEXT}, {@link
 * Predicate.Compared#AS_NUMBERS} and its kin): strings as Go compares them, byte by byte of their UTF-8 (so by
 * code point), and numbers as {@code asInt} and {@code asFloat} read them ({@link #holds(Predicate.Comparison, String, String,
 * String)}), which fail on anything but a number's text (no spaces around it).
 */
final class Comparing {
  private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");

  private Comparing() {}

  /** Whether {@code op} holds of two values that compare as {@code c} (negative, zero or positive). */
  static boolean holds(int c, Predicate.Operator op) {
    return switch (op) {
      case EQ -> c == 0;
      case NE -> c != 0;
      case LT -> c < 0;
      case LE -> c <= 0;
      case GT -> c > 0;
      case GE -> c >= 0;
    };
  }

  /**
   * {@code a} against {@code b} as Go compares two float64s, with {@code <} and {@code >}: -0 equals 0 (Java's {@link
   * Double#compare} orders it below); neither may be NaN.
   */
  static int numbers(double a, double b) {
    return a < b ? -1 : a > b ? 1 : 0;
  }

  /**
   * Whether comparison {@code c} of Argo's expression tags holds of values {@code left} and {@code right} compared as numbers,
   * as expr compares them: each value read as an int ({@link Predicate.Compared#integer}: {@code asInt}, Go's {@code
   * strconv.Atoi}: a sign, then ASCII digits, within 64 bits) or a float ({@code asFloat}, {@link #number}); two ints compare as
   * integers, else both as float64s, where NaN equals nothing. A value that cannot be read fails the condition, as Argo's does,
   * saying so.
   */
  static boolean holds(Predicate.Comparison c, String left, String right, String where) {
    Number l = read(left, c.compared().integer(true), where);
    Number r = read(right, c.compared().integer(false), where);
    if (l instanceof Long a && r instanceof Long b) {
      return holds(Long.compare(a, b), c.operator());
    }
    double a = l.doubleValue();
    double b = r.doubleValue();
    if (Double.isNaN(a) || Double.isNaN(b)) {
      return c.operator() == Predicate.Operator.NE;
    }
    return holds(numbers(a, b), c.operator());
  }

  private static Number read(String value, boolean integer, String where) {
    if (!integer) {
      return number(value, where);
    }
    if (!INTEGER.matcher(value).matches() || new java.math.BigInteger(value).bitLength() > 63) {
      throw new WorkflowException(where + ": '" + value + "' is not an integer, which the condition reads as one (asInt)");
    }
    return Long.valueOf(value);
  }

  /**
   * {@code value} as {@code asFloat} reads it, Go's {@code strconv.ParseFloat}: a decimal or hexadecimal ({@code 0x1.8p3})
   * number, underscores between digits allowed, or {@code inf}, {@code infinity} (signed) or {@code nan} in any case; not a
   * number, or past a float64's range ({@code 1e400}, which Go refuses with {@code ErrRange}), the condition fails, as Argo's
   * does, saying so.
   */
  static double number(String value, String where) {
    Double d = GoFloats.parse(value);
    if (d == null) {
      throw new WorkflowException(where + ": '" + value + "' is not a number, which the condition compares as one (asFloat)");
    }
    if (d.isInfinite() && !GoFloats.infinity(value)) {
      throw new WorkflowException(where + ": '" + value + "' is past a float64's range, which Argo cannot read as a number (asFloat)");
    }
    return d;
  }
}
