package dev.kfp4j.yaml;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Writes a small tree on one line in YAML flow style, as the KFP SDK writes small maps:
 * {@code {name: add, template: add, arguments: {parameters: [{name: a, value: '1'}]}}}. Plain
 * scalars where YAML reads them back as the same string, single quotes otherwise, double quotes
 * (JSON escapes) for text with line breaks or control characters.
 */
public final class FlowYaml {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_/][-A-Za-z0-9_./]*");
  private static final Pattern NUMBER_LIKE = Pattern.compile("[-+.]?[0-9].*|\\.(inf|nan|Inf|NaN|INF|NAN)");

  private FlowYaml() {}

  public static String write(JsonNode node) {
    StringBuilder out = new StringBuilder();
    write(node, out);
    return out.toString();
  }

  private static void write(JsonNode n, StringBuilder out) {
    if (n.isObject()) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        out.append(first ? "" : ", ");
        scalar(e.getKey(), out);
        out.append(": ");
        write(e.getValue(), out);
        first = false;
      }
      out.append('}');
    } else if (n.isArray()) {
      out.append('[');
      for (int i = 0; i < n.size(); i++) {
        out.append(i == 0 ? "" : ", ");
        write(n.get(i), out);
      }
      out.append(']');
    } else if (n.isNull()) {
      out.append("null");
    } else if (n.isNumber() || n.isBoolean()) {
      out.append(n.asString());
    } else {
      scalar(n.asString(), out);
    }
  }

  private static void scalar(String s, StringBuilder out) {
    if (PLAIN.matcher(s).matches() && !NUMBER_LIKE.matcher(s).matches() && !reserved(s)) {
      out.append(s);
    } else if (s.chars().noneMatch(c -> c < 0x20 || c == 0x7f)) {
      out.append('\'').append(s.replace("'", "''")).append('\'');
    } else {
      out.append(Yaml.json().writeValueAsString(s));
    }
  }

  private static boolean reserved(String s) {
    switch (s.toLowerCase(Locale.ROOT)) {
      case "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~":
        return true;
      default:
        return false;
    }
  }
}
