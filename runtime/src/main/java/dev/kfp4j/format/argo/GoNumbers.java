package dev.kfp4j.format.argo;

import java.math.BigDecimal;
import java.math.BigInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A number of a workflow's YAML as Argo has it: the YAML reader of Argo's and KFP's servers ({@code sigs.k8s.io/yaml},
 * go-yaml v2's {@code resolve}) reads it as a Go {@code int}, {@code uint64} or {@code float64}, and its {@code
 * YAMLToJSON} writes that with {@code encoding/json}, whose text a loop item keeps ({@code Item} holds its raw JSON): an
 * integer in decimal, a float the shortest way that reads back, without an exponent from 1e-6 to below 1e21 ({@code
 * 1e3} is {@code 1000}, {@code 2.0} is {@code 2}, {@code 1.50} is {@code 1.5}), with one outside ({@code 1e+21}, {@code
 * 1e-7}).
 */
final class GoNumbers {
  private static final BigInteger MAX_UINT64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
  private static final BigInteger MIN_INT64 = BigInteger.valueOf(Long.MIN_VALUE);

  private GoNumbers() {}

  /** {@code number}'s JSON text as Argo's server writes it. */
  static String text(JsonNode number) {
    if (number.isIntegralNumber()) {
      BigInteger i = number.bigIntegerValue();
      if (i.compareTo(MIN_INT64) >= 0 && i.compareTo(MAX_UINT64) <= 0) {
        return i.toString();
      }
    }
    return json(number.doubleValue());
  }

  /** {@code value} with each number in it as {@link #text} gives it: a copy, its numbers raw JSON of that text. */
  static JsonNode withGoNumbers(JsonNode value) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (value.isNumber()) {
      return nodes.rawValueNode(new tools.jackson.databind.util.RawValue(text(value)));
    }
    if (value.isObject()) {
      ObjectNode out = nodes.objectNode();
      value.properties().forEach(e -> out.set(e.getKey(), withGoNumbers(e.getValue())));
      return out;
    }
    if (value.isArray()) {
      ArrayNode out = nodes.arrayNode();
      value.forEach(v -> out.add(withGoNumbers(v)));
      return out;
    }
    return value;
  }

  /** A {@code float64} as Go's {@code encoding/json} writes it ({@code floatEncoder}). */
  static String json(double d) {
    if (d == 0) {
      return 1 / d < 0 ? "-0" : "0";
    }
    BigDecimal shortest = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    double abs = Math.abs(d);
    if (abs >= 1e-6 && abs < 1e21) {
      return shortest.toPlainString();
    }
    String digits = shortest.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - shortest.scale();
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    // strconv's 'e' gives the exponent two digits at least; encoding/json then writes e-07 as e-7
    String exp = exponent < 0 && exponent > -10 ? "-" + -exponent
        : (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
    return (d < 0 ? "-" : "") + mantissa + "e" + exp;
  }
}
