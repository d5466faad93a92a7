package dev.kfp4j.local;

import dev.kfp4j.model.Predicate;
import java.util.regex.Pattern;

/**
 * How Argo's expression tags compare two values ({@link Predicate.Compared#AS_TEXT}, {@link
 * Predicate.Compared#AS_NUMBERS}): strings as Go compares them, byte by byte of their UTF-8 (so by
 * code point), and numbers as {@code asFloat} reads them, Go's {@code strconv.ParseFloat}, which
 * fails on anything but a number's text (no spaces around it).
 */
final class Comparing {
  private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern DECIMAL = Pattern.compile("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?");

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

  /** {@code a} against {@code b} by code point, as Go orders strings. */
  static int text(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }

  /**
   * Comparison {@code c} of values {@code left} and {@code right} read with {@code asInt} (expr's {@code int()}, Go's {@code
   * strconv.Atoi}: a sign, then ASCII digits, within 64 bits), a constant as the number it writes; not an integer, the
   * condition fails, as Argo's does, saying so. Negative, zero or positive as the first is less, equal or more.
   */
  static int integers(Predicate.Comparison c, String left, String right, String where) {
    return integer(c.left(), left, where).compareTo(integer(c.right(), right, where));
  }

  private static java.math.BigDecimal integer(dev.kfp4j.model.Argument operand, String value, String where) {
    if (operand instanceof dev.kfp4j.model.Argument.Constant) {
      return new java.math.BigDecimal(number(value, where));
    }
    if (!INTEGER.matcher(value).matches() || new java.math.BigInteger(value).bitLength() > 63) {
      throw new WorkflowException(where + ": '" + value + "' is not an integer, which the condition reads as one (asInt)");
    }
    return new java.math.BigDecimal(value);
  }

  /**
   * {@code value} as {@code asFloat} reads it; not a number, or past a float64's range ({@code 1e400}, which Go's {@code
   * strconv.ParseFloat} refuses with {@code ErrRange}), the condition fails, as Argo's does, saying so.
   */
  static double number(String value, String where) {
    if (!DECIMAL.matcher(value).matches()) {
      throw new WorkflowException(where + ": '" + value + "' is not a number, which the condition compares as one (asFloat)");
    }
    double d = Double.parseDouble(value);
    if (Double.isInfinite(d)) {
      throw new WorkflowException(where + ": '" + value + "' is past a float64's range, which Argo cannot read as a number (asFloat)");
    }
    return d;
  }
}
