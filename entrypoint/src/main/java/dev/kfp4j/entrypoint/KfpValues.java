package dev.kfp4j.entrypoint;

import java.lang.reflect.Type;
import java.util.Locale;
import java.util.Map;

/**
 * KFP's text forms of values, as the Python SDK's function components read and write them:
 * {@code Integer} as {@code int()}/{@code str()}, {@code Float} as {@code float()}/{@code repr},
 * {@code Boolean} as {@code strtobool}/{@code True|False}, {@code JsonArray}/{@code JsonObject} as
 * {@code json.loads}/{@code json.dumps(sort_keys=True)}, {@code String} as is.
 */
public final class KfpValues {
  private KfpValues() {}

  // ------------------------------------------------------------------ parsing

  /** Parses an integer as Python's {@code int(text)}; throws IllegalArgumentException. */
  public static long parseLong(String text) {
    String t = text.strip();
    if (!isInteger(t)) {
      throw new IllegalArgumentException("invalid int value: '" + text + "'");
    }
    try {
      return Long.parseLong(t.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("int value out of range: '" + text + "'");
    }
  }

  public static int parseInt(String text) {
    long v = parseLong(text);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("int value out of range for a Java int: '" + text + "' (use long)");
    }
    return (int) v;
  }

  /** Parses a float as Python's {@code float(text)}: digits, {@code inf}, {@code nan}. */
  public static double parseDouble(String text) {
    String t = text.strip();
    String lower = t.toLowerCase(Locale.ROOT);
    String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
    boolean negative = lower.startsWith("-");
    if (unsigned.equals("inf") || unsigned.equals("infinity")) {
      return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (unsigned.equals("nan")) {
      return Double.NaN;
    }
    if (!isFloat(t)) {
      throw new IllegalArgumentException("invalid float value: '" + text + "'");
    }
    return Double.parseDouble(t.replace("_", ""));
  }

  // Scanned by hand, not with java.util.regex: compiling a pattern costs every task's start a few
  // milliseconds and a method handle spun at run time (its character classes are lambdas).

  /** Whether {@code t} is {@code [+-]?D}, D being digits with single underscores between them ({@code \d+(_\d+)*}). */
  static boolean isInteger(String t) {
    return digits(t, sign(t, 0)) == t.length();
  }

  /**
   * Whether {@code t} is {@code [+-]?(D(\.D?)?|\.D)([eE][+-]?D)?}, D as in {@link #isInteger}: Python's
   * float literals without {@code inf} and {@code nan}.
   */
  static boolean isFloat(String t) {
    int i = sign(t, 0);
    int end = digits(t, i);
    if (end >= 0) {
      i = end;
      if (i < t.length() && t.charAt(i) == '.') {
        end = digits(t, i + 1);
        i = end >= 0 ? end : i + 1;
      }
    } else if (i < t.length() && t.charAt(i) == '.') {
      i = digits(t, i + 1);
    } else {
      return false;
    }
    if (i >= 0 && i < t.length() && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
      i = digits(t, sign(t, i + 1));
    }
    return i == t.length();
  }

  private static int sign(String t, int i) {
    return i < t.length() && (t.charAt(i) == '+' || t.charAt(i) == '-') ? i + 1 : i;
  }

  /** The end of {@code \d+(_\d+)*} (ASCII digits) at {@code i}, or -1 when there is none there. */
  private static int digits(String t, int i) {
    if (i >= t.length() || !isDigit(t.charAt(i))) {
      return -1;
    }
    int end = i;
    while (end < t.length()) {
      if (isDigit(t.charAt(end))) {
        end++;
      } else if (t.charAt(end) == '_' && end + 1 < t.length() && isDigit(t.charAt(end + 1))) {
        end += 2;
      } else {
        break;
      }
    }
    return end;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Parses a boolean as KFP does ({@code distutils.util.strtobool}). */
  public static boolean parseBoolean(String text) {
    switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "y", "yes", "t", "true", "on", "1":
        return true;
      case "n", "no", "f", "false", "off", "0":
        return false;
      default:
        throw new IllegalArgumentException(
            "invalid boolean value: '" + text + "' (expected True/False, yes/no, on/off, 1/0)");
    }
  }

  public static <E extends Enum<E>> E parseEnum(String text, Class<E> type) {
    try {
      return Enum.valueOf(type, text);
    } catch (IllegalArgumentException e) {
      StringBuilder choices = new StringBuilder();
      for (E c : type.getEnumConstants()) {
        choices.append(choices.length() == 0 ? "" : ", ").append('\'').append(c.name()).append('\'');
      }
      throw new IllegalArgumentException("invalid choice: '" + text + "' (choose from " + choices + ")");
    }
  }

  /**
   * Parses a float for a Java {@code float}: as {@link #parseDouble}, and refused when a finite
   * value does not fit a {@code float} (it would become infinity or zero, where Python's float
   * keeps it).
   */
  public static float parseFloat(String text) {
    double d = parseDouble(text);
    float f = (float) d;
    if (Float.isInfinite(f) && !Double.isInfinite(d) || f == 0 && d != 0) {
      throw new IllegalArgumentException("float value out of range for a Java float: '" + text + "' (use double)");
    }
    return f;
  }

  /**
   * Parses JSON text (as Python's {@code json.loads}) into {@code type}: a list, map, record, bean
   * or array, strictly (see {@link JsonBinder}). The value itself may not be null: an optional
   * input is left out instead.
   */
  public static Object parseJson(String text, Type type) {
    Object json;
    try {
      json = JsonText.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid JSON value: '" + abbreviate(text) + "': " + e.getMessage());
    }
    if (json == null) {
      throw new IllegalArgumentException(
          "expected " + kind(JsonBinder.raw(type)) + ", found null; leave an optional input out instead");
    }
    try {
      return JsonBinder.toJava(json, type);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "JSON value '" + abbreviate(text) + "' does not fit " + type.getTypeName() + ": " + e.getMessage());
    }
  }

  private static String kind(Class<?> raw) {
    if (raw.isArray() || Iterable.class.isAssignableFrom(raw)) {
      return "a JSON array";
    }
    return Map.class.isAssignableFrom(raw) || raw.isRecord() ? "a JSON object" : "a JSON value";
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }

  // ------------------------------------------------------------------ writing

  /** The KFP text form of an output value, chosen by the value's Java type. */
  public static String format(Object value) {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return value.toString();
    }
    if (value instanceof Double d) {
      return formatFloat(d);
    }
    if (value instanceof Float f) {
      return formatFloat(Double.parseDouble(Float.toString(f)));
    }
    if (value instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    if (TextTypes.isText(value.getClass())) {
      return value.toString();
    }
    return PyJson.dumps(JsonTree.toJson(value));
  }

  /** Formats a double as Python's {@code repr(float)}: {@code 7.0}, {@code 0.1}, {@code 1e-05}, {@code inf}. */
  public static String formatFloat(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0.0" : "0.0";
    }
    // Shortest digits that round-trip, the nearest of them, as Python's repr. BigDecimal rather
    // than String.format: the Formatter and its locale data cost every start tens of milliseconds.
    boolean negative = d < 0;
    double magnitude = Math.abs(d);
    java.math.BigDecimal exact = new java.math.BigDecimal(magnitude);
    java.math.BigDecimal shortest = exact;
    for (int precision = 1; precision <= 17; precision++) {
      java.math.BigDecimal rounded = exact.round(new java.math.MathContext(precision, java.math.RoundingMode.HALF_EVEN));
      if (rounded.doubleValue() == magnitude) {
        shortest = rounded;
        break;
      }
    }
    shortest = shortest.stripTrailingZeros();
    String digits = shortest.unscaledValue().toString();
    int exponent = digits.length() - 1 - shortest.scale();
    StringBuilder out = new StringBuilder(negative ? "-" : "");
    if (exponent < -4 || exponent >= 16) {
      out.append(digits.charAt(0));
      if (digits.length() > 1) {
        out.append('.').append(digits, 1, digits.length());
      }
      out.append('e').append(exponent < 0 ? '-' : '+');
      int e = Math.abs(exponent);
      out.append(e < 10 ? "0" + e : Integer.toString(e));
    } else if (exponent < 0) {
      out.append("0.").append("0".repeat(-exponent - 1)).append(digits);
    } else if (digits.length() <= exponent + 1) {
      out.append(digits).append("0".repeat(exponent + 1 - digits.length())).append(".0");
    } else {
      out.append(digits, 0, exponent + 1).append('.').append(digits, exponent + 1, digits.length());
    }
    return out.toString();
  }
}
