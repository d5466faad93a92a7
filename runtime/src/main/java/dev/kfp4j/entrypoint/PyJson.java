package dev.kfp4j.entrypoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Writes JSON exactly as Python's {@code json.dumps(obj, sort_keys=True)} does, which is how KFP
 * serialises {@code JsonArray}/{@code JsonObject} outputs: {@code ", "} and {@code ": "}
 * separators, keys sorted, non-ASCII escaped as {@code \\uXXXX}, floats as Python writes them.
 */
public final class PyJson {
  private PyJson() {}

  public static String write(JsonNode node) {
    StringBuilder out = new StringBuilder();
    write(node, out);
    return out.toString();
  }

  private static void write(JsonNode n, StringBuilder out) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      out.append("null");
    } else if (n.isObject()) {
      List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(n.properties());
      entries.sort(Map.Entry.comparingByKey());
      out.append('{');
      for (int i = 0; i < entries.size(); i++) {
        if (i > 0) {
          out.append(", ");
        }
        string(entries.get(i).getKey(), out);
        out.append(": ");
        write(entries.get(i).getValue(), out);
      }
      out.append('}');
    } else if (n.isArray()) {
      out.append('[');
      for (int i = 0; i < n.size(); i++) {
        if (i > 0) {
          out.append(", ");
        }
        write(n.get(i), out);
      }
      out.append(']');
    } else if (n.isBoolean()) {
      out.append(n.asBoolean() ? "true" : "false");
    } else if (n.isIntegralNumber()) {
      out.append(n.bigIntegerValue());
    } else if (n.isNumber()) {
      double d = n.asDouble();
      if (Double.isNaN(d)) {
        out.append("NaN");
      } else if (Double.isInfinite(d)) {
        out.append(d > 0 ? "Infinity" : "-Infinity");
      } else {
        out.append(KfpValues.formatFloat(d));
      }
    } else if (n.isString()) {
      string(n.asString(), out);
    } else if (n.isBinary()) {
      string(java.util.Base64.getEncoder().encodeToString(n.binaryValue()), out);
    } else {
      string(n.asString(), out);
    }
  }

  private static void string(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
