package dev.kfp4j.format.argo;

import dev.kfp4j.entrypoint.Credentials;
import dev.kfp4j.yaml.Yaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where a part of a workflow file and the same part of the workflow written again from the pipeline read from it differ
 * ({@link EditedTemplates}, {@link WorkflowKeys}): each key or value of the file that the one written again lacks or says
 * otherwise, in the file's order, then each key that only the one written again has (in a map only it has, each key of the
 * map). A scalar's type is not compared ({@code limit: 3} is {@code limit: '3'}, as Argo reads both).
 */
final class Differences {
  private static final JsonNode EMPTY = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
  private Differences() {}

  /** Where the file ({@code mine}) and the part written again differ: the path, and both values (missing nodes where absent). */
  record Difference(List<String> path, JsonNode mine, JsonNode again) {}

  /**
   * What a comparison leaves out: a key of either side, by its path ({@code skipped}), and a key of the file that the one
   * written again may lack, by its path and value ({@code absentAsDefault}: a default of Argo's, such as null).
   */
  record Rules(Predicate<List<String>> skipped, BiPredicate<List<String>, JsonNode> absentAsDefault) {}

  /** The first difference of {@code mine} from {@code again}; null when they say the same. */
  static Difference first(JsonNode mine, JsonNode again, Rules rules) {
    List<Difference> out = new ArrayList<>();
    find(mine, again, new ArrayList<>(), rules, out, 1);
    return out.isEmpty() ? null : out.get(0);
  }

  /** Every difference of {@code mine} from {@code again}, the innermost key or value of each. */
  static List<Difference> all(JsonNode mine, JsonNode again, Rules rules) {
    List<Difference> out = new ArrayList<>();
    find(mine, again, new ArrayList<>(), rules, out, Integer.MAX_VALUE);
    return out;
  }

  /** Adds the differences under {@code path} to {@code out}; whether it holds {@code limit} of them. */
  private static boolean find(JsonNode mine, JsonNode again, List<String> path, Rules rules, List<Difference> out, int limit) {
    if (mine.isObject() && again.isObject()) {
      for (Map.Entry<String, JsonNode> e : mine.properties()) {
        List<String> at = with(path, e.getKey());
        if (rules.skipped().test(at) || again.path(e.getKey()).isMissingNode() && rules.absentAsDefault().test(at, e.getValue())) {
          continue;
        }
        if (find(e.getValue(), again.path(e.getKey()), at, rules, out, limit)) {
          return true;
        }
      }
      for (String key : again.propertyNames()) {
        List<String> at = with(path, key);
        if (mine.has(key) || rules.skipped().test(at)) {
          continue;
        }
        // a map only the one written again has: each of its keys, so that the rules see them
        if (again.get(key).isObject() ? find(EMPTY, again.get(key), at, rules, out, limit)
            : add(new Difference(at, mine.path(key), again.get(key)), out, limit)) {
          return true;
        }
      }
      return false;
    }
    if (mine.isArray() && again.isArray()) {
      for (int i = 0; i < Math.max(mine.size(), again.size()); i++) {
        JsonNode item = mine.has(i) ? mine.get(i) : again.get(i);
        String label = item.path("name").isString() ? " '" + item.get("name").asString() + "'" : "[" + i + "]";
        if (find(mine.path(i), again.path(i), with(path, label), rules, out, limit)) {
          return true;
        }
      }
      return false;
    }
    boolean same = mine.isValueNode() && again.isValueNode() ? mine.asString().equals(again.asString()) : mine.equals(again);
    return !same && add(new Difference(path, mine, again), out, limit);
  }

  private static boolean add(Difference d, List<Difference> out, int limit) {
    out.add(d);
    return out.size() >= limit;
  }

  /**
   * Annotation {@code key} of {@code node} (a template, a workflow) put as the JSON its text holds, so that it is compared
   * key by key, not as one string; left as text where it is none, which the reader has refused already.
   */
  static void annotationAsJson(JsonNode node, String key) {
    JsonNode annotations = node.path("metadata").path("annotations");
    if (annotations.path(key).isString()) {
      try {
        ((ObjectNode) annotations).set(key, Yaml.readJson(annotations.get(key).asString()));
      } catch (JacksonException e) {
        // left as text
      }
    }
  }

  static List<String> with(List<String> path, String segment) {
    List<String> out = new ArrayList<>(path);
    out.add(segment);
    return out;
  }

  /** Whether a segment of a path is an item of a list ({@code 'model'} or {@code [0]}) rather than a key. */
  static boolean isItem(String segment) {
    return segment.startsWith(" ") || segment.startsWith("[");
  }

  /** A path as a message names it: {@code outputs.artifacts 'model'.archive}, {@code tolerations[0]}. */
  static String render(List<String> path) {
    StringBuilder s = new StringBuilder();
    for (String segment : path) {
      s.append(isItem(segment) || s.isEmpty() ? "" : ".").append(segment);
    }
    return s.toString();
  }

  /**
   * A value at {@code path} as a message shows it: JSON, cut at 200 characters; "not set" where absent; its length alone where
   * the path or the value names a credential ({@code TOKEN}, {@code password}, {@code secret}, {@code apiKey}, ...) or has
   * a credential's form (a URL's password, a token's known prefix), as {@link Credentials} tells: a message goes to a terminal
   * and to CI logs, and no credential is printed.
   */
  static String shown(List<String> path, JsonNode value) {
    if (value.isMissingNode()) {
      return "not set";
    }
    String json = value.toString();
    if (Credentials.mayHold(String.join(" ", path), json)) {
      return Credentials.hidden(json);
    }
    return json.length() > 200 ? json.substring(0, 200) + "..." : json;
  }
}
