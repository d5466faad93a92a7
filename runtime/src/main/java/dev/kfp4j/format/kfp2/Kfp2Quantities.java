package dev.kfp4j.format.kfp2;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/** Quantities and durations in the forms KFP 2's compiler writes them: numbers beside resource quantities, protobuf durations. */
final class Kfp2Quantities {
  /** The CPU quantities KFP 2 also writes as a number: {@code 2}, {@code 0.5}, {@code 500m}. */
  private static final Pattern CPU = Pattern.compile("([0-9]*[.])?[0-9]+m?");
  private static final Pattern MEMORY = Pattern.compile("([0-9]*[.])?[0-9]+(E|Ei|P|Pi|T|Ti|G|Gi|M|Mi|K|Ki)?");

  private Kfp2Quantities() {}

  /**
   * The deprecated number KFP 2's compiler writes beside the {@code quantity} of a {@code resource} ({@code cpu}: in cores,
   * {@code 500m} as 0.5; {@code memory}: in GB, {@link #gigabytes}), or null for a quantity it writes no number for.
   */
  static Double number(String resource, String quantity) {
    if (resource.equals("cpu") && CPU.matcher(quantity).matches()) {
      return quantity.endsWith("m") ? Double.parseDouble(quantity.substring(0, quantity.length() - 1)) / 1000 : Double.parseDouble(quantity);
    }
    if (resource.equals("memory") && MEMORY.matcher(quantity).matches()) {
      return gigabytes(quantity);
    }
    return null;
  }

  /** A memory quantity in GB, as KFP 2's compiler writes its deprecated numeric fields. */
  static double gigabytes(String q) {
    String[][] units = {{"Ei", "1152921504606846976"}, {"Pi", "1125899906842624"}, {"Ti", "1099511627776"}, {"Gi", "1073741824"},
        {"Mi", "1048576"}, {"Ki", "1024"}, {"E", "1e18"}, {"P", "1e15"}, {"T", "1e12"}, {"G", "1e9"}, {"M", "1e6"}, {"K", "1e3"}};
    for (String[] u : units) {
      if (q.endsWith(u[0])) {
        return Double.parseDouble(q.substring(0, q.length() - u[0].length())) * Double.parseDouble(u[1]) / 1e9;
      }
    }
    return Double.parseDouble(q) / 1e9;
  }

  /**
   * A duration as protobuf's {@code Duration} writes it in JSON: seconds, with up to nine decimals
   * ({@code 10s}, {@code 0.01s} for {@code 10ms}).
   */
  static String protobufDuration(String duration) {
    BigDecimal seconds = seconds(duration).stripTrailingZeros();
    return (seconds.scale() < 0 ? seconds.setScale(0) : seconds).toPlainString() + "s";
  }

  /** The seconds of a duration ({@code 10}, {@code 1m30s}, {@code 500ms}), to the nanosecond, rounded up. */
  static BigDecimal seconds(String duration) {
    if (duration.matches("\\d+")) {
      return new BigDecimal(duration);
    }
    BigDecimal nanos = BigDecimal.ZERO;
    var m = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|ms|s|m|h)").matcher(duration);
    while (m.find()) {
      long unit = switch (m.group(2)) {
        case "h" -> 3_600_000_000_000L;
        case "m" -> 60_000_000_000L;
        case "s" -> 1_000_000_000L;
        case "ms" -> 1_000_000L;
        case "us" -> 1_000L;
        default -> 1L;
      };
      nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit)));
    }
    return nanos.setScale(0, RoundingMode.CEILING).movePointLeft(9);
  }
}
