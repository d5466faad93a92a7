package dev.kfp4j.yaml;

import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Writes a small tree on one line in YAML flow style, as the KFP SDK writes small maps:
 * {@code {name: add, template: add, arguments: {parameters: [{name: a, value: '1'}]}}}. Plain
 * scalars where YAML reads them back as the same string, single quotes otherwise, double quotes
 * (JSON escapes) for text with line breaks, control characters or others YAML takes only escaped.
 */
public final class FlowYaml {

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
    if (plain(s) && !reserved(s)) {
      out.append(s);
    } else if (!control(s)) {
      BlockYaml.singleQuoted(s, out);
    } else {
      // JSON's escapes (\n, \t, \u0001...), and \\u for what JSON leaves as it is but YAML takes only escaped (DEL, C1
      // controls, line separators, the byte order mark), as BlockYaml writes them
      String json = Yaml.json().writeValueAsString(s);
      for (int i = 0; i < json.length(); i++) {
        char c = json.charAt(i);
        if (BlockYaml.special(c)) {
          out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
        } else {
          out.append(c);
        }
      }
    }
  }

  /**
   * {@code [A-Za-z_/][-A-Za-z0-9_./]*}: a name or a path, checked by hand (no pattern for the JIT to
   * compile in every build). None reads as a number: a number starts with a digit, a sign or a dot.
   */
  private static boolean plain(String s) {
    if (s.isEmpty() || !(letter(s.charAt(0)) || s.charAt(0) == '_' || s.charAt(0) == '/')) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!letter(c) && !(c >= '0' && c <= '9') && c != '-' && c != '_' && c != '.' && c != '/') {
        return false;
      }
    }
    return true;
  }

  private static boolean letter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  /** Whether {@code s} has a control character (or another {@link BlockYaml#special} one), which only double quotes (with escapes) take. */
  private static boolean control(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (BlockYaml.special(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean reserved(String s) {
    if (s.length() > 5) {
      return false;
    }
    switch (s.toLowerCase(Locale.ROOT)) {
      case "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~":
        return true;
      default:
        return false;
    }
  }
}
