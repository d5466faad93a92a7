package dev.kfp4j.local;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The texts Go's {@code strconv.ParseFloat(s, 64)} reads as a number, and the number: a decimal ({@code 1.5e3}, {@code .5},
 * {@code 1.}) or a hexadecimal number with its binary exponent ({@code 0x1.8p3}; none without one), signed or not; underscores
 * only between digits, or after the {@code 0x} ({@code underscoreOK}); {@code inf} or {@code infinity}, signed or not, and
 * {@code nan}, in any case. Nothing else: no spaces, no Java suffix ({@code 1d}), no Java {@code Infinity} only.
 */
final class GoFloats {
  private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9_]*(\\.[0-9_]*)?([eE][-+]?[0-9][0-9_]*)?");
  private static final Pattern HEX = Pattern.compile("[-+]?0[xX][0-9a-fA-F_]*(\\.[0-9a-fA-F_]*)?[pP][-+]?[0-9][0-9_]*");
  private static final Pattern INFINITY = Pattern.compile("[-+]?(?i:inf|infinity)");

  private GoFloats() {}

  /** {@code s} as Go reads it (an infinity where it is past a float64's range, which Go reads with {@code ErrRange}), or null. */
  static Double parse(String s) {
    if (INFINITY.matcher(s).matches()) {
      return s.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (s.toLowerCase(Locale.ROOT).equals("nan")) {
      return Double.NaN;
    }
    boolean hex = HEX.matcher(s).matches();
    if (!hex && !DECIMAL.matcher(s).matches() || !mantissaDigits(s, hex) || s.indexOf('_') >= 0 && !underscoresBetweenDigits(s)) {
      return null;
    }
    return Double.parseDouble(s.replace("_", ""));
  }

  /** Whether {@code s}, a text {@link #parse} reads, is an infinity itself ({@code inf}), not a number past the range. */
  static boolean infinity(String s) {
    return INFINITY.matcher(s).matches();
  }

  /** Whether the mantissa (before the exponent) has a digit. */
  private static boolean mantissaDigits(String s, boolean hex) {
    int from = s.startsWith("-") || s.startsWith("+") ? 1 : 0;
    from += hex ? 2 : 0;
    for (int i = from; i < s.length(); i++) {
      char c = Character.toLowerCase(s.charAt(i));
      if (c == (hex ? 'p' : 'e')) {
        return false;
      }
      if (c >= '0' && c <= '9' || hex && c >= 'a' && c <= 'f') {
        return true;
      }
    }
    return false;
  }

  /** Go's {@code underscoreOK}: each underscore between two digits, or between the base prefix and a digit. */
  private static boolean underscoresBetweenDigits(String s) {
    int i = s.startsWith("-") || s.startsWith("+") ? 1 : 0;
    boolean hex = s.length() >= i + 2 && s.charAt(i) == '0' && Character.toLowerCase(s.charAt(i + 1)) == 'x';
    char saw = '^'; // ^ the start, 0 a digit or the prefix, _ an underscore, ! anything else
    if (hex) {
      i += 2;
      saw = '0';
    }
    for (; i < s.length(); i++) {
      char c = Character.toLowerCase(s.charAt(i));
      if (c >= '0' && c <= '9' || hex && c >= 'a' && c <= 'f') {
        saw = '0';
      } else if (c == '_') {
        if (saw != '0') {
          return false;
        }
        saw = '_';
      } else if (saw == '_') {
        return false;
      } else {
        saw = '!';
      }
    }
    return saw != '_';
  }
}
