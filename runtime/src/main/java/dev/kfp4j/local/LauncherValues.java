package dev.kfp4j.local;

import dev.kfp4j.model.ParameterType;
import dev.kfp4j.yaml.Yaml;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Whether an output value's file reads as its type the way KFP 2's launcher reads it ({@code
 * metadata.TextToPbValue}): a {@code STRING} is the text as it is; a number or a boolean is the
 * text without surrounding white space, parsed as Go's {@code strconv.ParseInt} (base 10),
 * {@code ParseFloat} and {@code ParseBool} parse it; a {@code LIST} or {@code STRUCT} is JSON of an
 * array or an object. The launcher fails the task whose file does not read; so does a local run of
 * a KFP 2 spec. What it reads is the value the task gave: a number's or a boolean's text without the white space around
 * it ({@code 5} of a file {@code 5\n}, as {@code echo} writes it), a {@code STRING} as it is.
 */
final class LauncherValues {
  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
  private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");
  private static final Pattern SPECIAL = Pattern.compile("(?i)[+-]?(inf|infinity)|nan");
  private static final Set<String> BOOLEANS = Set.of("1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False");

  private LauncherValues() {}

  /**
   * The value an output file of {@code type} gives, as the launcher holds it: a {@code STRING} (or an untyped output) is
   * the file's text as it is, its trailing newline kept; any other type without the white space around it, which the
   * launcher's parse skips ({@code strings.TrimSpace} before Go's {@code strconv}; JSON around an array or an object).
   */
  static String held(String text, ParameterType type) {
    return type == null || type == ParameterType.STRING ? text : text.strip();
  }

  /** Null when {@code text} reads as {@code type}; else why not, for the task's message. */
  static String problem(String text, ParameterType type) {
    String t = text.strip();
    switch (type) {
      case INTEGER:
        if (!INTEGER.matcher(t).matches()) {
          return "not an integer";
        }
        try {
          Long.parseLong(t);
          return null;
        } catch (NumberFormatException e) {
          return "an integer out of range";
        }
      case FLOAT:
        if (SPECIAL.matcher(t).matches()) {
          return null;
        }
        return !DECIMAL.matcher(t).matches() ? "not a number" : Double.isInfinite(Double.parseDouble(t)) ? "a number out of range" : null;
      case BOOLEAN:
        return BOOLEANS.contains(t) ? null : "not a boolean (Go's ParseBool: true, True, TRUE, t, T, 1 or their false)";
      case LIST:
      case STRUCT:
        JsonNode node;
        try {
          node = Yaml.readJson(text);
        } catch (JacksonException | IllegalArgumentException e) {
          return "not JSON";
        }
        boolean fits = type == ParameterType.LIST ? node != null && node.isArray() : node != null && node.isObject();
        return fits ? null : type == ParameterType.LIST ? "not a JSON array" : "not a JSON object";
      default:
        return null;
    }
  }
}
