package dev.kfp4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Environment variables in a config file, substituted into the values the YAML parser read, never
 * into the text it parses: {@code ${NAME}} (an error naming the line when unset), {@code
 * ${NAME:-default}} and kedro's {@code ${NAME|default}} (the default when unset or empty), and
 * {@code $${} for a literal {@code ${}. Each reference is first replaced by a plain token, so a
 * value holding {@code ": "}, a newline, {@code *}, {@code &}, {@code !}, {@code #} or quotes is
 * only ever the text of the one scalar it was put in, and no parse error can show it.
 */
final class Substitution {
  private static final Pattern VAR = Pattern.compile("\\$(\\$?)\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:-|\\|)([^}]*))?}");

  /** One {@code ${...}} of the file. */
  private record Reference(String text, boolean escaped, String name, String operator, String fallback, int line) {}

  private final Path file;
  private final String tokenPrefix;
  private final Pattern token;
  private final String text;
  private final List<Reference> references = new ArrayList<>();
  /** Each substituted value node → its text in the file, with its {@code ${...}}. */
  private final Map<JsonNode, String> substituted = new IdentityHashMap<>();

  private Substitution(Path file, String original) {
    this.file = file;
    String prefix = "kfp4jvar";
    while (original.contains(prefix)) {
      prefix += "x";
    }
    this.tokenPrefix = prefix;
    this.token = Pattern.compile(Pattern.quote(prefix) + "([0-9]+)z");
    StringBuilder out = new StringBuilder(original.length());
    int line = 1;
    int last = 0;
    Matcher m = VAR.matcher(original);
    while (m.find()) {
      for (int i = last; i < m.start(); i++) {
        line += original.charAt(i) == '\n' ? 1 : 0;
      }
      last = m.start();
      references.add(new Reference(m.group(), !m.group(1).isEmpty(), m.group(2), m.group(3), m.group(4), line));
      m.appendReplacement(out, Matcher.quoteReplacement(prefix + (references.size() - 1) + "z"));
    }
    m.appendTail(out);
    this.text = out.toString();
  }

  /** Finds the references of {@code text}, the file's content. */
  static Substitution of(Path file, String text) {
    return new Substitution(file, text);
  }

  /** The text to parse: the file with each reference replaced by a token that YAML reads as plain text. */
  String text() {
    return text;
  }

  /** The file's own text for {@code s}, a part of {@link #text()}: each token shown as the reference it stands for. */
  String original(String s) {
    Matcher m = token.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(references.get(Integer.parseInt(m.group(1))).text()));
    }
    return m.appendTail(out).toString();
  }

  /** {@code root} with the variables' values in its scalars and keys. */
  JsonNode apply(JsonNode root, Function<String, String> env) {
    if (root.isString() && root.asString().contains(tokenPrefix)) {
      JsonNode value = JsonNodeFactory.instance.stringNode(expand(root.asString(), env));
      substituted.put(value, original(root.asString()));
      return value;
    }
    if (root.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> e : root.properties()) {
        out.set(expand(e.getKey(), env), apply(e.getValue(), env));
      }
      return out;
    }
    if (root.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      root.forEach(e -> out.add(apply(e, env)));
      return out;
    }
    return root;
  }

  /** Whether {@code value} came from the environment, which may hold a secret an error must not show. */
  boolean fromEnvironment(JsonNode value) {
    return substituted.containsKey(value);
  }

  /**
   * How an error shows a value: as it is when the file holds it, as the file writes it ({@code
   * '${TTL}'}) when it came from the environment, which may hold a secret.
   */
  String shown(JsonNode value) {
    String source = substituted.get(value);
    return source != null ? "'" + source + "' (from the environment)" : "'" + value.asString() + "'";
  }

  private String expand(String s, Function<String, String> env) {
    Matcher m = token.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(value(references.get(Integer.parseInt(m.group(1))), env)));
    }
    return m.appendTail(out).toString();
  }

  private String value(Reference r, Function<String, String> env) {
    if (r.escaped()) {
      return r.text().substring(1); // $${X} is ${X}
    }
    String value = env.apply(r.name());
    if (value == null || value.isEmpty() && r.operator() != null) {
      if (r.operator() == null) {
        throw new ConfigException(file + ":" + r.line() + ": ${" + r.name() + "} is not set; set it, or give a default: ${"
            + r.name() + ":-default}");
      }
      return r.fallback();
    }
    return value;
  }
}
