package dev.kfp4j.format.argo;

import dev.kfp4j.format.GoFloats;
import dev.kfp4j.format.GoOrder;
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
    return GoFloats.json(number.doubleValue());
  }

  /**
   * {@code value} as Argo's server writes a YAML value as JSON (go-yaml's values, Go's {@code json.Marshal}): a copy, each
   * number in it raw JSON of {@link #text}, each object's keys in Go's order ({@link GoOrder}).
   */
  static JsonNode withGoNumbers(JsonNode value) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (value.isNumber()) {
      return nodes.rawValueNode(new tools.jackson.databind.util.RawValue(text(value)));
    }
    if (value.isObject()) {
      ObjectNode out = nodes.objectNode();
      value.properties().stream().sorted((a, b) -> GoOrder.compare(a.getKey(), b.getKey()))
          .forEach(e -> out.set(e.getKey(), withGoNumbers(e.getValue())));
      return out;
    }
    if (value.isArray()) {
      ArrayNode out = nodes.arrayNode();
      value.forEach(v -> out.add(withGoNumbers(v)));
      return out;
    }
    return value;
  }
}
