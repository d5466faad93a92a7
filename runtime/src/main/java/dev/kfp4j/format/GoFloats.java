package dev.kfp4j.format;

import dev.kfp4j.entrypoint.KfpValues;
import java.math.BigDecimal;

/**
 * A {@code float64} as Go writes it with the shortest digits that read back ({@code strconv.FormatFloat(d, fmt, -1, 64)}),
 * the digits Python's {@code repr} has too ({@link KfpValues#formatFloat}): where Argo's server writes a YAML number as
 * JSON, KFP's launcher puts a number on a command line, and cel-go turns a double into a string.
 */
public final class GoFloats {
  private GoFloats() {}

  /** {@code 'f'}: {@code 20}, {@code 0.1}, {@code 0.00001}, never an exponent; {@code NaN}, {@code +Inf}, {@code -Inf}. */
  public static String f(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "+Inf" : "-Inf";
    }
    if (d == 0) {
      return 1 / d < 0 ? "-0" : "0";
    }
    return shortest(d).toPlainString();
  }

  /** {@code 'g'} ({@code %g}): as {@link #f} where the exponent is from -4 to 5, else as {@code 'e'}: {@code 1e+06}. */
  public static String g(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d) || d == 0) {
      return f(d);
    }
    int exponent = exponent(shortest(d));
    return exponent >= -4 && exponent < 6 ? f(d) : e(d);
  }

  /**
   * As {@code encoding/json} writes it ({@code floatEncoder}): as {@link #f} from 1e-6 to below 1e21, else as {@code 'e'}
   * with a negative exponent's leading zero dropped: {@code 1e+21}, {@code 1e-7}.
   */
  public static String json(double d) {
    double abs = Math.abs(d);
    if (d == 0 || abs >= 1e-6 && abs < 1e21) {
      return f(d);
    }
    return e(d).replaceFirst("e-0(\\d)$", "e-$1");
  }

  /** {@code 'e'} of a finite, non-zero {@code d}: one digit, the others after a point, an exponent of two digits at least. */
  private static String e(double d) {
    BigDecimal b = shortest(d);
    String digits = b.unscaledValue().abs().toString();
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    int exponent = exponent(b);
    return (d < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "")
        + Math.abs(exponent);
  }

  private static BigDecimal shortest(double d) {
    return new BigDecimal(KfpValues.formatFloat(d)).stripTrailingZeros();
  }

  /** The decimal exponent of {@code b}'s first digit. */
  private static int exponent(BigDecimal b) {
    return b.precision() - b.scale() - 1;
  }
}
